/**
 * `exitkit attest deletion` end to end through the built CLI: refused before a delivery and with
 * another key than the outgoing one; after a bundle it writes <id>.deletion.json, which GnuPG
 * verifies; `verify --attestation` accepts it and names every way it can fail to hold (tampered,
 * another key, another plan, older than the delivery); compensation and checklist take it as the
 * evidence of deletion_attested.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { verifyToFile } from '../helpers/delivery.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';
import { schemaErrors } from '../helpers/schemas.js';

type Json = Record<string, unknown>;
let s: Scenario;
let manifest: string;
let attestation: string;
let home: string;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** The attestation's JSON changed by `edit`, signed again with GnuPG by `signer`'s key, in a new folder. */
async function resigned(edit: (a: Json) => void, signer: 'outgoing' | 'client'): Promise<string> {
  const dir = await tempDir('exitkit-attest-resigned-');
  const a = JSON.parse(await readFile(attestation, 'utf8')) as Json;
  edit(a);
  const file = path.join(dir, `${s.id}.deletion.json`);
  await writeFile(file, `${JSON.stringify(a, null, 2)}\n`);
  const r = gpg(home, [
    '--local-user',
    s.keys[signer].fingerprint,
    '--armor',
    '--detach-sign',
    '--output',
    `${file}.asc`,
    file,
  ]);
  expect(r.status, r.stderr).toBe(0);
  return file;
}

async function verifyAttestation(file: string, exit: number, m = manifest): Promise<Json> {
  const r = await exitkit(['verify', m, '--plan', s.plan, '--attestation', file, '--json']);
  expect(r.code, r.stderr + r.stdout).toBe(exit);
  const v = JSON.parse(r.stdout) as Json;
  expect(schemaErrors('verify-output', v)).toEqual([]);
  return v;
}

const attest = (...more: string[]) =>
  exitkit([
    'attest',
    'deletion',
    s.plan,
    '--out',
    s.out,
    '--signing-key',
    s.keys.outgoing.sec,
    '--method',
    'NIST SP 800-88 purge',
    ...more,
  ]);

beforeAll(async () => {
  s = await makeScenario({ dir: await tempDir('exitkit-attest-') });
  // The final payment waits for the deletion attestation too.
  const plan = await readFile(s.plan, 'utf8');
  await writeFile(
    s.plan,
    plan.replace(
      '  final_payment:\n',
      '  final_payment:\n    release_when: [decrypted_verification, complete, no_open_reserves, deletion_attested]\n',
    ),
  );
  manifest = path.join(s.out, `${s.id}.manifest.json`);
  attestation = path.join(s.out, `${s.id}.deletion.json`);
  home = gpgHome();
  for (const role of ['outgoing', 'client'] as const)
    expect(gpg(home, ['--import', s.keys[role].sec]).status).toBe(0);
});

describe('exitkit attest deletion', () => {
  it('refuses to attest before a delivery exists: exit 1, nothing written', async () => {
    const r = await attest();
    expect(r.stderr).toContain(`error: no delivery of ${s.id} in ${s.out}`);
    expect(r.stderr).toContain('hint: attest after `exitkit bundle`');
    expect(r.code).toBe(1);
    expect(await exists(attestation)).toBe(false);

    const json = await attest('--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'not_ready', exit: 1 } });
    // A manifest named but absent is a missing file: exit 2.
    const named = await attest('--manifest', path.join(s.out, 'nope.manifest.json'));
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('error: cannot read the manifest');

    const b = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
    expect(b.code, b.stderr).toBe(0);
  });

  it("refuses a key that is not the plan's outgoing key: exit 2, key_wrong, nothing written", async () => {
    const r = await exitkit([
      'attest',
      'deletion',
      s.plan,
      '--out',
      s.out,
      '--signing-key',
      s.keys.client.sec,
      '--method',
      'crypto-erase',
      '--json',
    ]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(schemaErrors('error', doc)).toEqual([]);
    expect(doc.error.code).toBe('key_wrong');
    expect(doc.error.message).toContain("is not the outgoing provider's key of the plan");
    expect(await exists(attestation)).toBe(false);
  });

  it('refuses what cannot be attested: a date before the delivery or in the future, a retained data without its basis', async () => {
    for (const [args, said] of [
      [['--date', '2020-01-01'], 'is before the delivery it follows'],
      [['--date', '2999-01-01'], 'is in the future'],
      [['--date', '2026-02-30'], 'is not a date'],
      [['--retained', 'invoices'], 'each retained data needs its legal basis'],
    ] as const) {
      const r = await attest(...args);
      expect(r.stderr, args.join(' ')).toContain(said);
      expect(r.code).toBe(2);
    }
    expect(await exists(attestation)).toBe(false);
  });

  it('after a bundle, signs <id>.deletion.json; GnuPG verifies its signature', async () => {
    const r = await attest(
      '--system',
      'FS01 backup repository',
      '--dataset',
      'fs01-backup',
      '--dataset',
      'mail archive',
      '--retained',
      'invoices',
      '--basis',
      'kept ten years, CO art. 958f',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`attestation: ${attestation}`);
    expect(r.stdout).toContain('retained: invoices (kept ten years, CO art. 958f)');
    const a = JSON.parse(await readFile(attestation, 'utf8')) as Json;
    const sha = (
      JSON.parse((await exitkit(['verify', manifest, '--plan', s.plan, '--json'])).stdout) as {
        manifest: { sha256: string };
      }
    ).manifest.sha256;
    expect(a).toMatchObject({
      format: 'exitkit-deletion/1',
      plan: { id: s.id },
      manifest: { file: `${s.id}.manifest.json`, sha256: sha },
      scope: {
        systems: ['FS01 backup repository'],
        datasets: [
          { title: 'Full backup of the file server FS01', deliverable: 'fs01-backup' },
          { title: 'mail archive' },
        ],
      },
      method: 'NIST SP 800-88 purge',
      date: new Date().toISOString().slice(0, 10),
      retained: [{ data: 'invoices', basis: 'kept ten years, CO art. 958f' }],
      signer: { fingerprint: s.keys.outgoing.fingerprint, name: 'InfoGest Sàrl' },
    });
    expect(schemaErrors('attestation', a)).toEqual([]);

    const g = gpgHome();
    expect(gpg(g, ['--import', s.keys.outgoing.pub]).status).toBe(0);
    const check = gpg(g, ['--verify', `${attestation}.asc`, attestation]);
    expect(check.stderr).toContain('Good signature');
    expect(check.status).toBe(0);

    // Without --dataset, the scope is every deliverable of the plan; again only with --force.
    expect((await attest()).code).toBe(2);
    const again = await attest('--force', '--json');
    expect(again.code, again.stderr).toBe(0);
    const plain = (JSON.parse(again.stdout) as { attestation: { scope: { datasets: unknown[] } } })
      .attestation;
    expect(plain.scope.datasets).toHaveLength(6);
    await attest('--force', '--retained', 'invoices', '--basis', 'kept ten years, CO art. 958f');
  });

  it('verify --attestation accepts it for this delivery, in --json and in words', async () => {
    const v = await verifyAttestation(attestation, 0);
    expect(v).toMatchObject({
      ok: true,
      attestation: {
        valid: true,
        fingerprint: s.keys.outgoing.fingerprint,
        planId: s.id,
        method: 'NIST SP 800-88 purge',
        faults: [],
      },
    });
    const fr = await exitkit(['verify', manifest, '--plan', s.plan, '--attestation', attestation], {
      env: { LANG: 'fr_CH.UTF-8' },
    });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('suppression le');
  });

  it('verify --attestation names an attestation changed after it was signed: exit 1', async () => {
    const dir = await tempDir('exitkit-attest-tampered-');
    const file = path.join(dir, `${s.id}.deletion.json`);
    const text = await readFile(attestation, 'utf8');
    await writeFile(file, text.replace('"invoices"', '"invoices and backups"'));
    await writeFile(`${file}.asc`, await readFile(`${attestation}.asc`));
    const v = await verifyAttestation(file, 1);
    expect(v.ok).toBe(false);
    expect(v.faults).toContain(
      "attestation: its signature by the outgoing provider's key does not match its content: it was changed after it was signed",
    );
  });

  it('verify --attestation names one signed by another key: exit 1', async () => {
    const v = await verifyAttestation(await resigned(() => {}, 'client'), 1);
    expect((v.attestation as Json).valid).toBe(false);
    expect(v.faults).toEqual([
      expect.stringMatching(
        /^attestation: it is signed by the key [0-9A-F]{16}, not by the outgoing provider's key of the plan/,
      ),
    ]);
  });

  it('verify --attestation names one for another plan: exit 1', async () => {
    const file = await resigned((a) => ((a.plan as Json).id = 'other-exit-2026'), 'outgoing');
    const v = await verifyAttestation(file, 1);
    expect(v.faults).toEqual([`attestation: it is for the exit "other-exit-2026", not "${s.id}"`]);
  });

  it('verify --attestation names one older than the delivery: dated before it, or following an earlier one', async () => {
    const before = await resigned((a) => (a.date = '2020-01-01'), 'outgoing');
    const v = await verifyAttestation(before, 1);
    expect(v.faults).toEqual([
      expect.stringMatching(/^attestation: it is dated 2020-01-01, before the delivery it follows was made/),
    ]);

    // A later delivery (bundled again elsewhere): the attestation follows the earlier one.
    const later = path.join(s.dir, 'later');
    await mkdir(later);
    const b = await exitkit(['bundle', s.plan, '--out', later, '--signing-key', s.keys.outgoing.sec]);
    expect(b.code, b.stderr).toBe(0);
    const w = await verifyAttestation(attestation, 1, path.join(later, `${s.id}.manifest.json`));
    expect(w.faults).toEqual([
      expect.stringMatching(
        new RegExp(
          `^attestation: it is older than this delivery: it follows ${s.id}\\.manifest\\.json, made `,
        ),
      ),
    ]);
  });
});

describe('compensation and checklist --attestation', () => {
  let verification: string;

  beforeAll(async () => {
    verification = await verifyToFile(s, manifest);
  });

  const compensation = async (more: string[], exit: number) => {
    const r = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      manifest,
      '--verification',
      verification,
      ...more,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(exit);
    const c = JSON.parse(r.stdout) as {
      finalPayment: { releasable: boolean; conditions: Array<{ id: string; met: boolean; detail: string }> };
    };
    return {
      releasable: c.finalPayment.releasable,
      deletion: c.finalPayment.conditions.find((k) => k.id === 'deletion_attested')!,
      others: c.finalPayment.conditions.filter((k) => k.id !== 'deletion_attested').every((k) => k.met),
    };
  };

  it('makes deletion_attested met, and the final payment releasable when the other conditions hold', async () => {
    const without = await compensation([], 1);
    expect(without.others).toBe(true);
    expect(without.deletion).toMatchObject({
      met: false,
      detail: 'no deletion attestation given (--attestation)',
    });
    expect(without.releasable).toBe(false);

    const withIt = await compensation(['--attestation', attestation], 0);
    expect(withIt.deletion.met).toBe(true);
    expect(withIt.deletion.detail).toMatch(
      /^InfoGest Sàrl attests the deletion of the data, completed on .* \(NIST SP 800-88 purge; key …[0-9A-F]{16}\), after this delivery$/,
    );
    expect(withIt.releasable).toBe(true);
  });

  it('keeps deletion_attested unmet, naming why, for an attestation that does not hold', async () => {
    const other = await compensation(['--attestation', await resigned(() => {}, 'client')], 1);
    expect(other.deletion.met).toBe(false);
    expect(other.deletion.detail).toContain('it is not signed by the outgoing provider’s key of the plan');
    expect(other.releasable).toBe(false);
  });

  it('needs the manifest the attestation follows: exit 2 without --manifest', async () => {
    const r = await exitkit(['compensation', s.plan, '--attestation', attestation]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: an attestation is checked against the delivery it follows');
  });

  it('the checklist shows the attestation in the four languages', async () => {
    const heading = {
      en: 'Deletion attestation',
      fr: 'Attestation de suppression',
      de: 'Löschbestätigung',
      it: 'Attestazione di cancellazione',
    };
    for (const [lang, title] of Object.entries(heading)) {
      const r = await exitkit([
        'checklist',
        s.plan,
        '--manifest',
        manifest,
        '--attestation',
        attestation,
        '--lang',
        lang,
        '--format',
        lang === 'de' ? 'html' : 'md',
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, lang).toContain(title);
      expect(r.stdout).toContain('NIST SP 800-88 purge');
      expect(r.stdout).toContain('CO art. 958f');
      expect(r.stdout).toContain(s.keys.outgoing.fingerprint.replace(/(.{4})(?!$)/g, '$1 '));
      if (lang === 'en')
        expect(r.stdout).toContain('**Checked: signed by the outgoing provider’s key of the plan');
    }
  });
});
