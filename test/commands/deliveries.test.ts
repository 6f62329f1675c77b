/**
 * Deliveries in waves (docs/FORMAT.md, "Deliveries") through the built CLI: three deliveries of
 * one plan into one folder, the backup arriving late in the second; each chained to the previous
 * manifest; verify, extract, checklist and compensation given the latest manifest follow the
 * chain; a tampered, a missing and a re-signed middle link are named; GnuPG verifies every
 * manifest of the chain; acknowledge binds the latest delivery.
 */
import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { exitkit, tempDir, tree } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';
import { schemaErrors } from '../helpers/schemas.js';

let s: Scenario;
const file = (name: string) => path.join(s.out, name);
const names = {
  1: 'acme-exit-2026.manifest.json',
  2: 'acme-exit-2026.delivery-2.manifest.json',
  3: 'acme-exit-2026.delivery-3.manifest.json',
};
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (f: string): Promise<Json> => JSON.parse(await readFile(f, 'utf8')) as Json;
const sha256 = async (f: string) =>
  createHash('sha256')
    .update(await readFile(f))
    .digest('hex');

const bundle = (...more: string[]) =>
  exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec, ...more]);

/** verify or extract given the latest delivery's manifest, against the plan. */
const onLatest = (command: string, ...more: string[]) =>
  exitkit([command, file(names[3]), '--plan', s.plan, ...more]);

/** Sets a deliverable's status in the plan (as `walk` would). */
async function mark(id: string, status: string): Promise<void> {
  const text = await readFile(s.plan, 'utf8');
  const at = text.indexOf(`id: ${id}\n`);
  const from = text.indexOf('status: ', at);
  const end = text.indexOf('\n', from);
  await writeFile(s.plan, `${text.slice(0, from)}status: ${status}${text.slice(end)}`);
}

/**
 * Gives a delivery another creation time, signed again by the outgoing provider's own key (the
 * deliveries of a test are all made today; a handover's come days apart).
 */
async function backdate(manifest: string, created: string, signingKey = s.keys.outgoing.sec): Promise<void> {
  const m = await json(manifest);
  m.created = created;
  const bytes = Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');
  await writeFile(manifest, bytes);
  await writeFile(`${manifest}.asc`, await signDetached(bytes, await readPrivateKeyFile(signingKey)));
}

/** A copy of the deliveries folder to break without touching the others' fixture. */
async function copyOut(name: string): Promise<string> {
  const to = path.join(s.dir, name);
  await cp(s.out, to, { recursive: true });
  return to;
}

beforeAll(async () => {
  s = await makeScenario({
    dir: await tempDir('exitkit-deliveries-'),
    // Documentation, configurations and inventory first; the backup (due 2026-11-22) and the
    // credentials later.
    deliverables: DEFAULT_DELIVERABLES.map((d) =>
      d.id === 'fs01-backup'
        ? { ...d, status: 'pending', due: '2026-11-22' }
        : d.id === 'm365-admin'
          ? { ...d, status: 'pending', due: '2026-12-15' }
          : d.status === 'waived'
            ? d
            : { ...d, due: '2026-12-15' },
    ),
  });
  const first = await bundle('--allow-incomplete');
  expect(first.code, first.stderr).toBe(1); // written, incomplete
  await backdate(file(names[1]), '2026-11-20T09:00:00.000Z');
  await mark('fs01-backup', 'ready');
  const second = await bundle('--allow-incomplete');
  expect(second.code, second.stderr).toBe(1);
  expect(second.stderr).toContain('this is delivery 2');
  await backdate(file(names[2]), '2026-11-25T09:00:00.000Z');
  await mark('m365-admin', 'ready');
  await appendFile(path.join(s.dir, 'exports/docs/runbook.md'), 'Corrected: restart it on Saturday.\n');
  const third = await bundle('--allow-incomplete');
  expect(third.code, third.stderr).toBe(0);
  await backdate(file(names[3]), '2026-11-28T09:00:00.000Z');
}, 120_000);

describe('bundle: the next delivery', () => {
  it('chains each delivery to the previous manifest and carries only what is new or changed', async () => {
    expect((await readdir(s.out)).sort()).toEqual(
      [
        'acme-exit-2026.manifest.json',
        'acme-exit-2026.manifest.json.asc',
        'acme-exit-2026.tar.pgp',
        'acme-exit-2026.delivery-2.manifest.json',
        'acme-exit-2026.delivery-2.manifest.json.asc',
        'acme-exit-2026.delivery-2.tar.pgp',
        'acme-exit-2026.delivery-3.manifest.json',
        'acme-exit-2026.delivery-3.manifest.json.asc',
        'acme-exit-2026.delivery-3.tar.pgp',
      ].sort(),
    );
    const [m1, m2, m3] = [await json(file(names[1])), await json(file(names[2])), await json(file(names[3]))];
    expect(m1.delivery).toBeUndefined();
    expect(m2.delivery).toEqual({
      number: 2,
      previous: { file: names[1], sha256: await sha256(file(names[1])) },
    });
    expect(m3.delivery).toEqual({
      number: 3,
      previous: { file: names[2], sha256: await sha256(file(names[2])) },
    });
    expect(m2.archive.file).toBe('acme-exit-2026.delivery-2.tar.pgp');
    const carried = (m: Json) =>
      (m.deliverables as Json[])
        .filter((d) => d.delivered)
        .map((d) => [d.id, d.files.map((f: Json) => f.path)]);
    expect(carried(m2)).toEqual([['fs01-backup', ['data/backups/fs01-backup/fs01-2026-12-01.vbk']]]);
    // The runbook changed; the intervention log did not, and is not packed again.
    expect(carried(m3)).toEqual([
      ['m365-admin', ['data/credentials/m365-admin/handover.kdbx']],
      ['runbooks', ['data/documentation/runbooks/runbook.md']],
    ]);
    // Completeness over the chain.
    expect([m1.complete, m1.missing]).toEqual([false, ['fs01-backup', 'm365-admin']]);
    expect([m2.complete, m2.missing]).toEqual([false, ['m365-admin']]);
    expect([m3.complete, m3.missing]).toEqual([true, []]);
    for (const m of [m1, m2, m3]) expect(schemaErrors('manifest', m)).toEqual([]);
  });

  it('with nothing new, writes nothing and answers no', async () => {
    const before = await readdir(s.out);
    const r = await bundle('--force', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'not_ready' } });
    expect(JSON.parse(r.stdout).error.message).toContain('nothing new to deliver');
    expect(await readdir(s.out)).toEqual(before);
  });

  it('GnuPG verifies every manifest of the chain with the outgoing key', () => {
    const home = gpgHome();
    expect(gpg(home, ['--import', s.keys.outgoing.pub]).status).toBe(0);
    for (const name of Object.values(names)) {
      const check = gpg(home, ['--verify', file(`${name}.asc`), file(name)]);
      expect(check.status, `${name}: ${check.stderr}`).toBe(0);
    }
  });
});

describe('verify, extract and the documents follow the chain', () => {
  it('verify --decryption-key checks every delivery; each deliverable has its first delivery', async () => {
    const r = await onLatest('verify', '--decryption-key', s.keys.incoming.sec, '--json');
    expect(r.code, r.stdout).toBe(0);
    const v = JSON.parse(r.stdout) as Json;
    expect(schemaErrors('verify-output', v)).toEqual([]);
    expect(v).toMatchObject({ ok: true, complete: true, missing: [], decrypted: true, faults: [] });
    expect(v.manifest.sha256).toBe(await sha256(file(names[3])));
    expect(v.deliveries.map((d: Json) => [d.number, path.basename(d.manifest), d.ok, d.decrypted])).toEqual([
      [1, names[1], true, true],
      [2, names[2], true, true],
      [3, names[3], true, true],
    ]);
    const at = Object.fromEntries(
      (v.deliverables as Json[]).map((d) => [d.id, [d.delivery, d.deliveredOn, d.intact]]),
    );
    expect(at).toMatchObject({
      runbooks: [1, '2026-11-20', true],
      'fs01-backup': [2, '2026-11-25', true],
      'm365-admin': [3, '2026-11-28', true],
    });
    // Every payload file of the three bags was re-hashed: 4 + 1 + 2.
    expect(v.files.checked).toBeGreaterThanOrEqual(7);
  });

  it('checklist and compensation count late days from each deliverable’s own delivery', async () => {
    // The statement's date fixed: the deliveries' own dates decide lateness, not today.
    const document = (command: string) =>
      exitkit([command, s.plan, '--manifest', file(names[3]), '--date', '2026-12-01', '--json']);
    const c = await document('compensation');
    const penalties = (JSON.parse(c.stdout) as Json).penalties as Json[];
    expect(penalties.map((p) => [p.deliverable, p.cause, p.daysLate])).toEqual([['fs01-backup', 'late', 3]]);
    const k = await document('checklist');
    expect(k.code, k.stderr).toBe(0);
    const rows = ((JSON.parse(k.stdout) as Json).families as Json[]).flatMap((f) => f.rows as Json[]);
    expect(rows.filter((r) => r.late).map((r) => [r.id, r.daysLate])).toEqual([['fs01-backup', 3]]);
    expect(rows.find((r) => r.id === 'runbooks')).toMatchObject({ fileCount: 2, missing: false });
  });

  it('extract writes one bag a delivery, each as it was signed', async () => {
    const to = await tempDir('exitkit-deliveries-extract-');
    const r = await onLatest('extract', '--to', to, '--decryption-key', s.keys.client.sec, '--json');
    expect(r.code, r.stdout).toBe(0);
    const bags = ['acme-exit-2026', 'acme-exit-2026.delivery-2', 'acme-exit-2026.delivery-3'];
    expect((JSON.parse(r.stdout) as Json).bags).toEqual(bags.map((b) => path.join(to, b)));
    const files = await tree(to);
    expect(files).toContain('acme-exit-2026/data/documentation/runbooks/interventions.log');
    expect(files).toContain('acme-exit-2026.delivery-2/data/backups/fs01-backup/fs01-2026-12-01.vbk');
    expect(files).not.toContain('acme-exit-2026.delivery-3/data/documentation/runbooks/interventions.log');
    const later = path.join(to, 'acme-exit-2026.delivery-3/data/documentation/runbooks/runbook.md');
    expect(await readFile(later, 'utf8')).toContain('Corrected');
  });

  it('acknowledge binds the latest delivery, and verify --receipt checks it', async () => {
    const out = await copyOut('acknowledged');
    const manifest = path.join(out, names[3]);
    const a = await exitkit(['acknowledge', manifest, '--plan', s.plan, '--signing-key', s.keys.client.sec]);
    expect(a.code, a.stderr).toBe(0);
    const receipt = path.join(out, 'acme-exit-2026.receipt.client.json');
    expect((await json(receipt)).manifest).toMatchObject({ file: names[3], sha256: await sha256(manifest) });
    const v = await exitkit(['verify', manifest, '--plan', s.plan, '--receipt', receipt, '--json']);
    expect(v.code, v.stdout).toBe(0);
    expect((JSON.parse(v.stdout) as Json).receipt).toMatchObject({ valid: true, role: 'client' });
  });
});

describe('a broken chain is a no, named', () => {
  const verify = (out: string) =>
    exitkit(['verify', path.join(out, names[3]), '--plan', s.plan, '--json']).then((r) => ({
      code: r.code,
      v: JSON.parse(r.stdout) as Json,
    }));

  it('a tampered middle link: verify, extract and the documents say no, naming delivery 2', async () => {
    const out = await copyOut('tampered');
    await appendFile(path.join(out, names[2]), ' ');
    const { code, v } = await verify(out);
    expect(code).toBe(1);
    expect(v.ok).toBe(false);
    expect(v.faults[0]).toContain(`delivery 2 (${names[2]})`);
    expect(v.faults[0]).toContain('SHA-256 is not the one delivery 3 recorded');
    const to = await tempDir('exitkit-deliveries-tampered-');
    const x = await exitkit([
      'extract',
      path.join(out, names[3]),
      '--plan',
      s.plan,
      '--to',
      to,
      '--decryption-key',
      s.keys.client.sec,
    ]);
    expect(x.code).toBe(1);
    expect(await readdir(to)).toEqual([]);
    const k = await exitkit(['checklist', s.plan, '--manifest', path.join(out, names[3])]);
    expect(k.code).toBe(1);
    expect(k.stderr).toContain(`delivery 2 (${names[2]})`);
  });

  it('a middle link signed again by another key is named as not signed by the pinned key', async () => {
    const out = await copyOut('resigned');
    // Delivery 2's bytes unchanged (its SHA-256 still matches), its signature by the client's key.
    const bytes = await readFile(path.join(out, names[2]));
    await writeFile(
      path.join(out, `${names[2]}.asc`),
      await signDetached(bytes, await readPrivateKeyFile(s.keys.client.sec)),
    );
    const { code, v } = await verify(out);
    expect(code).toBe(1);
    expect(v.faults[0]).toContain(`delivery 2 (${names[2]})`);
    expect(v.faults[0]).toContain('not signed by the pinned outgoing key');
  });

  it('a missing middle archive is named, and its deliverable counts as not delivered', async () => {
    const out = await copyOut('no-archive');
    await rm(path.join(out, 'acme-exit-2026.delivery-2.tar.pgp'));
    const { code, v } = await verify(out);
    expect(code).toBe(1);
    expect(v.deliveries.map((d: Json) => [d.number, d.ok, d.archive.present])).toEqual([
      [1, true, true],
      [2, false, false],
      [3, true, true],
    ]);
    expect(v.faults.some((f: string) => f.startsWith(`delivery 2 (${names[2]}): `))).toBe(true);
    expect([v.complete, v.missing]).toEqual([false, ['fs01-backup']]);
  });
});
