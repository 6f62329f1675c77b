import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { makeBundle, testKeys, writePlan, type Bundle, type TestKeys } from '../helpers/hostile.js';

let dir: string;
let keys: TestKeys;
let b: Bundle;
let plan: string;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
  b = await makeBundle({ out: path.join(dir, 'bundle'), keys });
  plan = await writePlan(dir, b.id, keys);
});

describe('exitkit acknowledge', () => {
  it('signs a receipt from a verification; GnuPG verifies it; verify --receipt accepts it', async () => {
    const v = await exitkit(['verify', b.manifest, '--plan', plan, '--json']);
    expect(v.code).toBe(0);
    const vfile = path.join(dir, 'verification.json');
    await writeFile(vfile, v.stdout);
    const out = path.join(dir, 'receipts-client');
    await (await import('node:fs/promises')).mkdir(out);
    const r = await exitkit([
      'acknowledge',
      b.manifest,
      '--signing-key',
      keys.client.sec,
      '--verification',
      vfile,
      '--plan',
      plan,
      '--out',
      out,
    ]);
    expect(r.stderr).not.toContain('error:');
    expect(r.code).toBe(0);
    const file = path.join(out, `${b.id}.receipt.client.json`);
    const receipt = JSON.parse(await readFile(file, 'utf8')) as { manifest: { sha256: string } };
    expect(receipt).toMatchObject({
      format: 'exitkit-receipt/2',
      sequence: 1,
      previous: null,
      reserves: [],
      lifted: [],
      archive: { digest: b.manifestObject.archive!.digest },
      verification: { ok: true, complete: true, missing: [] },
      signer: { fingerprint: keys.client.fingerprint, role: 'client', name: 'ACME SA' },
    });
    expect(receipt.manifest.sha256).toBe(JSON.parse(v.stdout).manifest.sha256);

    const home = gpgHome();
    expect(gpg(home, ['--import', keys.client.pub]).status).toBe(0);
    const check = gpg(home, ['--verify', `${file}.asc`, file]);
    expect(check.stderr).toContain('Good signature');
    expect(check.status).toBe(0);

    const back = await exitkit(['verify', b.manifest, '--plan', plan, '--receipt', file]);
    expect(back.stdout).toMatch(
      /receipt: .* signed on .* by the client \([0-9A-F]{40}\), for this manifest and archive/,
    );
    expect(back.code).toBe(0);
  });

  it('verifies now with --plan and records an incomplete verdict with its missing list', async () => {
    const inc = await makeBundle({
      out: path.join(dir, 'incomplete'),
      keys,
      editManifest: (m) => {
        m.deliverables = m.deliverables.filter((d) => d.id !== 'm365-admin');
      },
    });
    const r = await exitkit([
      'acknowledge',
      inc.manifest,
      '--signing-key',
      keys.incoming.sec,
      '--plan',
      plan,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      receipt: { verification: { ok: boolean; missing: string[] }; signer: { role: string } };
    };
    expect(out.receipt.verification).toMatchObject({ ok: false, missing: ['m365-admin'] });
    expect(out.receipt.signer.role).toBe('incoming');
  });

  it('refuses a key that is not the client or incoming key of the plan, and the outgoing key (exit 2)', async () => {
    const [stranger, outgoing] = await Promise.all(
      [keys.stranger.sec, keys.outgoing.sec].map((k) =>
        exitkit(['acknowledge', b.manifest, '--signing-key', k, '--plan', plan, '--out', dir]),
      ),
    );
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain("is neither the client's nor the incoming provider's key in the plan");
    expect(outgoing.code).toBe(2);
    expect(outgoing.stderr).toContain('the outgoing provider cannot acknowledge its own handover');
  });

  it('verify --receipt fails (exit 1) on a receipt signed by a stranger or bound to another manifest', async () => {
    const out = path.join(dir, 'receipts-stranger');
    await (await import('node:fs/promises')).mkdir(out);
    const v = path.join(dir, 'v2.json');
    await writeFile(v, (await exitkit(['verify', b.manifest, '--plan', plan, '--json'])).stdout);
    const made = await exitkit([
      'acknowledge',
      b.manifest,
      '--signing-key',
      keys.client.sec,
      '--verification',
      v,
      '--plan',
      plan,
      '--out',
      out,
    ]);
    expect(made.code).toBe(0);
    // The same receipt, re-signed by a key the plan does not name.
    const file = path.join(out, `${b.id}.receipt.client.json`);
    const stranger = path.join(out, 'stranger.receipt.json');
    const bytes = await readFile(file);
    await writeFile(stranger, bytes);
    await writeFile(
      `${stranger}.asc`,
      await signDetached(bytes, await readPrivateKeyFile(keys.stranger.sec, {})),
    );
    const other = await makeBundle({ out: path.join(dir, 'other'), keys });
    const [r1, r2] = await Promise.all([
      exitkit(['verify', b.manifest, '--plan', plan, '--receipt', stranger]),
      exitkit(['verify', other.manifest, '--plan', plan, '--receipt', file]),
    ]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain(
      "receipt: its signature is not by the client's or the incoming provider's key in the plan",
    );
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/receipt: it acknowledges another manifest/);
  });
});

describe('acknowledge reads the manifest as verify does: a size cap, the signature over its bytes, then the strict parse', () => {
  /**
   * `name`/ holds the bundle's manifest replaced by `text`, with the real signature of the real
   * manifest (someone in the middle), or re-signed by the outgoing key (a hostile signer); and
   * an empty receipts folder.
   */
  async function manifestOf(name: string, text: string, opts: { resign?: boolean } = {}) {
    const here = path.join(dir, name);
    const out = path.join(here, 'receipts');
    await mkdir(out, { recursive: true });
    const manifest = path.join(here, path.basename(b.manifest));
    await writeFile(manifest, text);
    if (opts.resign) {
      const key = await readPrivateKeyFile(keys.outgoing.sec);
      await writeFile(`${manifest}.asc`, await signDetached(Buffer.from(text), key));
    } else await copyFile(b.signature, `${manifest}.asc`);
    await copyFile(b.archive, path.join(here, path.basename(b.archive)));
    return { manifest, out };
  }
  const ack = (manifest: string, out: string, ...more: string[]) =>
    exitkit(['acknowledge', manifest, '--signing-key', keys.client.sec, '--out', out, ...more]);
  const REFUSED =
    /^error: the manifest .* is not signed by the pinned signer \(.*\): no receipt is signed for it/m;

  it('a large manifest of nested JSON, not signed: refused on the signature (exit 1), never parsed, no receipt', async () => {
    const t = await manifestOf('ack-bomb', '['.repeat(5 << 20));
    const r = await ack(t.manifest, t.out, '--plan', plan);
    expect(r.stderr).toMatch(REFUSED);
    expect(r.stderr).not.toMatch(/JSON|nests/);
    expect(r.code).toBe(1);
    expect(await readdir(t.out)).toEqual([]);
    const j = await ack(t.manifest, t.out, '--plan', plan, '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).error).toMatchObject({ code: 'input_invalid', exit: 1 });
  });

  it('a small manifest that verify would parse (nested, or a repeated key), not signed: refused on the signature all the same', async () => {
    const deep = await manifestOf('ack-deep', `${'['.repeat(100)}${']'.repeat(100)}`);
    // verify parses a small unsigned manifest to name what it claims: here, the nesting (exit 2).
    const seen = await exitkit(['verify', deep.manifest, '--plan', plan]);
    expect(seen.stderr).toMatch(/it nests more than 64 levels/);
    const r = await ack(deep.manifest, deep.out, '--plan', plan);
    expect(r.stderr).toMatch(REFUSED);
    expect(r.stderr).not.toMatch(/nests/);
    expect(r.code).toBe(1);

    const text = (await readFile(b.manifest, 'utf8')).replace(
      '"complete": true',
      '"complete": false,\n  "complete": true',
    );
    const dup = await manifestOf('ack-dup', text);
    const verification = path.join(dir, 'ack-dup', 'verification.json');
    await writeFile(verification, (await exitkit(['verify', b.manifest, '--plan', plan, '--json'])).stdout);
    const d = await ack(dup.manifest, dup.out, '--plan', plan, '--verification', verification);
    expect(d.stderr).toMatch(REFUSED);
    expect(d.stderr).not.toMatch(/repeated/);
    expect(d.code).toBe(1);
    expect(await readdir(dup.out)).toEqual([]);
  });

  it('a repeated key signed by the outgoing key (a hostile signer): the strict parse refuses it (exit 2, named)', async () => {
    const text = (await readFile(b.manifest, 'utf8')).replace(
      '"complete": true',
      '"complete": false,\n  "complete": true',
    );
    const t = await manifestOf('ack-dup-signed', text, { resign: true });
    const r = await ack(t.manifest, t.out, '--plan', plan);
    expect(r.stderr).toMatch(/the key "complete" is repeated in one object/);
    expect(r.code).toBe(2);
    expect(await readdir(t.out)).toEqual([]);
  });

  it('with a plan that pins no outgoing key, a verification that found the signature not valid: refused (exit 1), no receipt', async () => {
    const text = (await readFile(b.manifest, 'utf8')).replace('"title": "', '"title": "Forged ');
    const t = await manifestOf('ack-forged', text);
    const v = await exitkit(['verify', t.manifest, '--plan', plan, '--json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).signature.valid).toBe(false);
    const verification = path.join(dir, 'ack-forged', 'verification.json');
    await writeFile(verification, v.stdout);
    // Nothing here pins the signer: the verification's word on these exact bytes is taken.
    const unpinned = path.join(path.dirname(plan), 'plan-no-outgoing-key.yaml');
    await writeFile(
      unpinned,
      (await readFile(plan, 'utf8')).replace(/(outgoing:\n(?: {4}.*\n)*?) {4}key: .*\n/, '$1'),
    );
    expect(await readFile(unpinned, 'utf8')).not.toContain('outgoing.pub.asc');
    const r = await ack(t.manifest, t.out, '--verification', verification, '--plan', unpinned);
    expect(r.stderr).toMatch(REFUSED);
    expect(r.code).toBe(1);
    expect(await readdir(t.out)).toEqual([]);
  });
});
