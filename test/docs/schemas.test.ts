/**
 * The JSON Schemas of docs/schemas/ against real outputs of the built CLI: a manifest (complete
 * and incomplete, and the copy inside the bag), a receipt, and `verify --json` without a key,
 * decrypting, and on a tampered archive. Each schema must also reject a broken document, so that
 * a schema loosened to accept anything fails here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { makeScenario, DEFAULT_DELIVERABLES, type Scenario } from '../helpers/scenario.js';
import { schemaErrors } from '../helpers/schemas.js';

type Json = Record<string, unknown>;
/** A document broken on purpose, one field at a time: typed loosely on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let s: Scenario;
let manifestFile: string;
let manifest: Json;

const readJson = async (file: string): Promise<Json> => JSON.parse(await readFile(file, 'utf8')) as Json;
const clone = <T>(x: T): T => structuredClone(x);

async function verifyJson(args: string[], exit: number): Promise<Json> {
  const r = await exitkit(['verify', ...args, '--json']);
  expect(r.code, r.stderr + r.stdout).toBe(exit);
  return JSON.parse(r.stdout) as Json;
}

beforeAll(async () => {
  s = await makeScenario({ dir: await tempDir('exitkit-schemas-') });
  const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
  expect(r.code, r.stderr).toBe(0);
  manifestFile = path.join(s.out, `${s.id}.manifest.json`);
  manifest = await readJson(manifestFile);
});

describe('docs/schemas/manifest.schema.json', () => {
  it('accepts the manifest that bundle wrote', () => {
    expect(manifest.format).toBe('exitkit-manifest/1');
    expect(schemaErrors('manifest', manifest)).toEqual([]);
  });

  it('accepts the copy inside the bag (exit-manifest.json, without archive), as extract writes it', async () => {
    const to = await tempDir('exitkit-schemas-extract-');
    const r = await exitkit([
      'extract',
      manifestFile,
      '--plan',
      s.plan,
      '--decryption-key',
      s.keys.incoming.sec,
      '--to',
      to,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const inner = await readJson(path.join(to, s.id, 'exit-manifest.json'));
    expect(inner.archive).toBeUndefined();
    expect(schemaErrors('manifest', inner)).toEqual([]);
  });

  it('accepts the manifest of an incomplete bundle (complete: false, missing listed)', async () => {
    const t = await makeScenario({
      dir: await tempDir('exitkit-schemas-incomplete-'),
      deliverables: DEFAULT_DELIVERABLES.map((d) => (d.id === 'inventory' ? { ...d, status: 'pending' } : d)),
    });
    const r = await exitkit([
      'bundle',
      t.plan,
      '--out',
      t.out,
      '--signing-key',
      t.keys.outgoing.sec,
      '--allow-incomplete',
    ]);
    expect(r.code, r.stderr).toBe(1); // written, and the answer to "complete?" is no
    const m = await readJson(path.join(t.out, `${t.id}.manifest.json`));
    expect(m.complete).toBe(false);
    expect(m.missing).toEqual(['inventory']);
    expect(schemaErrors('manifest', m)).toEqual([]);
    const v = await verifyJson([path.join(t.out, `${t.id}.manifest.json`), '--plan', t.plan], 1);
    expect(v.complete).toBe(false);
    expect(schemaErrors('verify-output', v)).toEqual([]);
  });

  it('rejects broken manifests', () => {
    const broken: Array<[string, (m: Loose) => void]> = [
      ['a short fingerprint', (m) => (m.signer.fingerprint = 'ABCD')],
      [
        'a lower-case fingerprint',
        (m) => (m.recipients[0].fingerprint = m.recipients[0].fingerprint.toLowerCase()),
      ],
      ['a size as a string', (m) => (m.deliverables[0].files[0].size = '5000')],
      [
        'a SHA-256 digest in a SHA-512 manifest',
        (m) => (m.deliverables[0].files[0].digest = 'ab'.repeat(32)),
      ],
      ['no complete', (m) => delete m.complete],
      ['complete with a deliverable missing', (m) => (m.missing = ['fs01-backup'])],
      ['an unknown category', (m) => (m.deliverables[0].category = 'misc')],
      [
        'a path that climbs out',
        (m) => (m.deliverables[0].files[0].path = 'data/backups/x/../../../etc/passwd'),
      ],
      ['a renamed field', (m) => ((m.created_at = m.created), delete m.created)],
      ['another format', (m) => (m.format = 'exitkit-manifest/2')],
    ];
    for (const [what, breakIt] of broken) {
      const m = clone(manifest) as Loose;
      breakIt(m);
      expect(schemaErrors('manifest', m), what).not.toEqual([]);
    }
  });
});

describe('docs/schemas/verify-output.schema.json', () => {
  it('accepts verify --json without a key (exit 0)', async () => {
    const v = await verifyJson([manifestFile, '--plan', s.plan], 0);
    expect(v).toMatchObject({ ok: true, decrypted: false });
    expect(schemaErrors('verify-output', v)).toEqual([]);
  });

  it('accepts verify --json that decrypts (exit 0), with files and integrity', async () => {
    const v = await verifyJson([manifestFile, '--plan', s.plan, '--decryption-key', s.keys.client.sec], 0);
    expect(v).toMatchObject({ ok: true, decrypted: true, integrity: true });
    expect(schemaErrors('verify-output', v)).toEqual([]);
  });

  it('accepts verify --json on a tampered archive, with and without a key (exit 1)', async () => {
    const dir = await tempDir('exitkit-schemas-tampered-');
    const archive = path.join(s.out, `${s.id}.tar.pgp`);
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const copy = path.join(dir, `${s.id}.tar.pgp`);
    await writeFile(copy, bytes);
    for (const f of [`${s.id}.manifest.json`, `${s.id}.manifest.json.asc`])
      await writeFile(path.join(dir, f), await readFile(path.join(s.out, f)));
    const m = path.join(dir, `${s.id}.manifest.json`);
    const keyless = await verifyJson([m, '--plan', s.plan], 1);
    expect(keyless).toMatchObject({ ok: false, archive: { ok: false } });
    expect(schemaErrors('verify-output', keyless)).toEqual([]);
    const decrypting = await verifyJson([m, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec], 1);
    expect(decrypting).toMatchObject({ ok: false, decrypted: true });
    expect(schemaErrors('verify-output', decrypting)).toEqual([]);
  });

  it('rejects broken verification outputs', async () => {
    const v = await verifyJson([manifestFile, '--plan', s.plan, '--decryption-key', s.keys.client.sec], 0);
    const broken: Array<[string, (v: Loose) => void]> = [
      ['ok with a fault', (x) => x.faults.push('archive: altered')],
      [
        'ok with an invalid signature',
        (x) => (x.signature = { valid: false, fingerprint: null, reason: 'bad' }),
      ],
      ['decrypted without files', (x) => delete x.files],
      ['an archive size as a string', (x) => (x.archive.size = '27899')],
      ['no missing', (x) => delete x.missing],
      ['files without truncated', (x) => delete x.files.truncated],
    ];
    for (const [what, breakIt] of broken) {
      const x = clone(v) as Loose;
      breakIt(x);
      expect(schemaErrors('verify-output', x), what).not.toEqual([]);
    }
  });
});

describe('docs/schemas/receipt.schema.json', () => {
  it('accepts the receipt that acknowledge wrote, and verify --receipt --json', async () => {
    const dir = await tempDir('exitkit-schemas-receipt-');
    const verification = path.join(dir, 'verification.json');
    const v = await verifyJson([manifestFile, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec], 0);
    await writeFile(verification, JSON.stringify(v));
    const r = await exitkit([
      'acknowledge',
      manifestFile,
      '--signing-key',
      s.keys.incoming.sec,
      '--verification',
      verification,
      '--plan',
      s.plan,
      '--out',
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const receiptFile = path.join(dir, `${s.id}.receipt.incoming.json`);
    const receipt = await readJson(receiptFile);
    expect(receipt).toMatchObject({ format: 'exitkit-receipt/2', signer: { role: 'incoming' } });
    expect(schemaErrors('receipt', receipt)).toEqual([]);

    const checked = await verifyJson([manifestFile, '--plan', s.plan, '--receipt', receiptFile], 0);
    expect(checked).toMatchObject({ receipt: { valid: true, role: 'incoming' } });
    expect(schemaErrors('verify-output', checked)).toEqual([]);

    const broken: Array<[string, (r: Loose) => void]> = [
      ['no manifest digest', (x) => delete x.manifest.sha256],
      [
        'a signer fingerprint with spaces',
        (x) => (x.signer.fingerprint = x.signer.fingerprint.replace(/(.{4})/g, '$1 ')),
      ],
      ['the outgoing provider as signer', (x) => (x.signer.role = 'outgoing')],
      ['a date that is not a date', (x) => (x.date = 'yesterday')],
      ['verified as a string', (x) => (x.verification.ok = 'true')],
      ['a reserve without a text', (x) => (x.reserves = [{ id: 'I1', opened: x.date }])],
      [
        'a chain link that is not a receipt beside it',
        (x) => (x.previous = { file: '../x.json', sha256: x.manifest.sha256 }),
      ],
    ];
    for (const [what, breakIt] of broken) {
      const x = clone(receipt) as Loose;
      breakIt(x);
      expect(schemaErrors('receipt', x), what).not.toEqual([]);
    }
  });
});

describe('docs/schemas/attestation.schema.json', () => {
  it('accepts the attestation that attest deletion wrote, and verify --attestation --json', async () => {
    const r = await exitkit([
      'attest',
      'deletion',
      s.plan,
      '--manifest',
      manifestFile,
      '--signing-key',
      s.keys.outgoing.sec,
      '--method',
      'crypto-erase',
      '--retained',
      'invoices',
      '--basis',
      'kept ten years, CO art. 958f',
      '--force',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(s.out, `${s.id}.deletion.json`);
    const attestation = await readJson(file);
    expect(attestation).toMatchObject({ format: 'exitkit-deletion/1', method: 'crypto-erase' });
    expect(schemaErrors('attestation', attestation)).toEqual([]);

    const checked = await verifyJson([manifestFile, '--plan', s.plan, '--attestation', file], 0);
    expect(checked).toMatchObject({ attestation: { valid: true, faults: [] } });
    expect(schemaErrors('verify-output', checked)).toEqual([]);
    const invalid = clone(checked) as Loose;
    invalid.attestation.valid = false;
    expect(schemaErrors('verify-output', invalid), 'not valid without a fault').not.toEqual([]);

    const broken: Array<[string, (a: Loose) => void]> = [
      ['no manifest digest', (x) => delete x.manifest.sha256],
      ['a date-time as the deletion date', (x) => (x.date = x.signedAt)],
      ['a retained data without its basis', (x) => (x.retained = [{ data: 'invoices' }])],
      ['no data set', (x) => (x.scope.datasets = [])],
      ['an empty method', (x) => (x.method = '')],
      ['another format', (x) => (x.format = 'exitkit-deletion/2')],
    ];
    for (const [what, breakIt] of broken) {
      const x = clone(attestation) as Loose;
      breakIt(x);
      expect(schemaErrors('attestation', x), what).not.toEqual([]);
    }
  });
});
