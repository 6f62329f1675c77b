/**
 * One receipt per party, reserves, and a chain per party (docs/FORMAT.md, "Receipts"), through
 * the built CLI: the client and the incoming provider acknowledge the same delivery without
 * touching each other's receipt; a reserve is opened, holds the final payment, then is lifted in
 * the party's next receipt, chained to the first; GnuPG verifies every receipt of the chain; an
 * altered middle link is named.
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { makeBundle, testKeys, writePlan, type Bundle, type TestKeys } from '../helpers/hostile.js';
import { schemaErrors } from '../helpers/schemas.js';

let dir: string;
let keys: TestKeys;
let plan: string;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
  plan = await writePlan(dir, 'acme-exit-2026', keys);
  // The money, for the final payment's release conditions.
  await appendFile(
    plan,
    [
      'compensation:',
      '  currency: CHF',
      '  vat_percent: 8.1',
      '  fees: [{ label: Reversibility fee, amount: 4500 }]',
      '  final_payment: { amount: 1000, release_when: [no_open_reserves] }',
      '',
    ].join('\n'),
  );
});

/** A fresh bundle in its own folder (receipts are written beside its manifest). */
async function bundle(name: string): Promise<Bundle> {
  return makeBundle({ out: path.join(dir, name), keys });
}

const acknowledge = (b: Bundle, key: string, ...more: string[]) =>
  exitkit(['acknowledge', b.manifest, '--plan', plan, '--signing-key', key, ...more]);

const receiptOf = (b: Bundle, name: string) => path.join(path.dirname(b.manifest), `${b.id}.${name}`);

async function json(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

/** The final payment's release conditions, as compensation --json gives them with this receipt. */
async function releaseConditions(
  manifest: string,
  receipt: string,
  out: string,
): Promise<Array<{ id: string; met: boolean }>> {
  const r = await exitkit([
    'compensation',
    plan,
    '--manifest',
    manifest,
    '--receipt',
    receipt,
    '--json',
    '--out',
    path.join(dir, out),
  ]);
  return (JSON.parse(r.stdout) as { finalPayment: { conditions: Array<{ id: string; met: boolean }> } })
    .finalPayment.conditions;
}

function gnupgVerifies(files: string[]): void {
  const home = gpgHome();
  for (const k of [keys.client.pub, keys.incoming.pub]) expect(gpg(home, ['--import', k]).status).toBe(0);
  for (const f of files) {
    const r = gpg(home, ['--verify', `${f}.asc`, f]);
    expect(r.stderr, f).toContain('Good signature');
    expect(r.status, f).toBe(0);
  }
}

describe('one receipt per party', () => {
  it('the client and the incoming provider acknowledge the same delivery: two receipts, neither touched', async () => {
    const b = await bundle('two-parties');
    const incoming = await acknowledge(b, keys.incoming.sec);
    expect(incoming.code, incoming.stderr).toBe(0);
    const incomingFile = receiptOf(b, 'receipt.incoming.json');
    const before = await readFile(incomingFile);
    const client = await acknowledge(b, keys.client.sec);
    expect(client.code, client.stderr).toBe(0);
    expect(client.stderr).not.toContain('error:');
    const clientFile = receiptOf(b, 'receipt.client.json');
    expect(await readFile(incomingFile)).toEqual(before);
    expect(await json(clientFile)).toMatchObject({ signer: { role: 'client' }, sequence: 1, previous: null });
    expect(await json(incomingFile)).toMatchObject({ signer: { role: 'incoming' }, sequence: 1 });
    gnupgVerifies([clientFile, incomingFile]);

    for (const f of [clientFile, incomingFile]) {
      const r = await exitkit(['verify', b.manifest, '--plan', plan, '--receipt', f, '--json']);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ receipt: { valid: true, chain: 0, reserves: [] } });
    }
  });

  it('needs the plan: it names the receipt after the party (exit 2, usage)', async () => {
    const b = await bundle('no-plan');
    const r = await exitkit(['acknowledge', b.manifest, '--signing-key', keys.client.sec, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'usage' } });
    expect(await readdir(path.dirname(b.manifest))).not.toContain(`${b.id}.receipt.client.json`);
  });
});

describe('reserves: opened, holding the payment, lifted in a chained receipt', () => {
  it('a reserve opened then lifted; GnuPG verifies both links; verify --receipt follows the chain', async () => {
    const b = await bundle('reserve');
    const opened = await acknowledge(
      b,
      keys.incoming.sec,
      '--reserve',
      'the restore test of fs01 failed',
      '--deliverable',
      'fs01-backup',
      '--due',
      '2027-01-15',
      '--lang',
      'en',
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toContain(
      'reserve I1 (open, fs01-backup, due 2027-01-15): the restore test of fs01 failed',
    );
    const latest = receiptOf(b, 'receipt.incoming.json');
    const first = await json(latest);
    expect(first).toMatchObject({
      sequence: 1,
      reserves: [
        { id: 'I1', text: 'the restore test of fs01 failed', deliverable: 'fs01-backup', due: '2027-01-15' },
      ],
      lifted: [],
    });
    expect(schemaErrors('receipt', first)).toEqual([]);

    // The open reserve holds the final payment.
    const heldConditions = await releaseConditions(b.manifest, latest, 'held.md');
    expect(heldConditions.find((c) => c.id === 'no_open_reserves')).toMatchObject({ met: false });

    const lifted = await acknowledge(b, keys.incoming.sec, '--lift', 'I1', '--lang', 'fr');
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(lifted.stdout).toContain(`conservé sous ${receiptOf(b, 'receipt.incoming.1.json')}`);
    expect(lifted.stdout).toContain('aucune réserve ouverte');
    const second = await json(latest);
    const kept = receiptOf(b, 'receipt.incoming.1.json');
    expect(second).toMatchObject({
      sequence: 2,
      previous: { file: `${b.id}.receipt.incoming.1.json` },
      reserves: [],
    });
    expect((second.lifted as Array<{ id: string }>).map((r) => r.id)).toEqual(['I1']);
    expect(await json(kept)).toEqual(first);
    expect(schemaErrors('receipt', second)).toEqual([]);
    gnupgVerifies([latest, kept]);

    const checked = await exitkit([
      'verify',
      b.manifest,
      '--plan',
      plan,
      '--receipt',
      latest,
      '--lang',
      'en',
    ]);
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout).toContain('it supersedes 1 earlier receipt of that party');
    expect(checked.stdout).toMatch(
      /reserve I1 \(lifted \d{4}-\d{2}-\d{2}\): the restore test of fs01 failed/,
    );

    const conditions = await releaseConditions(b.manifest, latest, 'released.md');
    expect(conditions.find((c) => c.id === 'no_open_reserves')).toMatchObject({ met: true });
  });

  it('refuses to lift a reserve that is not open, and a due date that is not a date (exit 2, nothing written)', async () => {
    const b = await bundle('bad-reserve');
    const r1 = await acknowledge(b, keys.client.sec, '--lift', 'C3', '--lang', 'en');
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('error: there is no open reserve C3 to lift');
    const r2 = await acknowledge(b, keys.client.sec, '--reserve', 'x', '--due', '15.01.2027', '--lang', 'en');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('the due date 15.01.2027 is not a date');
    expect((await readdir(path.dirname(b.manifest))).filter((f) => f.includes('.receipt.'))).toEqual([]);
  });
});

describe('a chain of receipts that does not hold', () => {
  it('an altered middle link is named (exit 1), and so is a missing one', async () => {
    const b = await bundle('tampered-chain');
    for (const more of [
      ['--reserve', 'a'],
      ['--reserve', 'b'],
      ['--lift', 'C1'],
    ]) {
      const r = await acknowledge(b, keys.client.sec, ...more);
      expect(r.code, r.stderr).toBe(0);
    }
    const latest = receiptOf(b, 'receipt.client.json');
    expect(await json(latest)).toMatchObject({ sequence: 3 });
    const middle = receiptOf(b, 'receipt.client.2.json');
    const original = await readFile(middle, 'utf8');
    await writeFile(middle, original.replace('"text": "b"', '"text": "B"'));
    const r = await exitkit(['verify', b.manifest, '--plan', plan, '--receipt', latest, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `receipt: the earlier receipt ${b.id}.receipt.client.2.json is not the one this receipt superseded (its SHA-256 differs)`,
    );

    await writeFile(middle, original);
    await (await import('node:fs/promises')).rm(receiptOf(b, 'receipt.client.1.json'));
    const gone = await exitkit(['verify', b.manifest, '--plan', plan, '--receipt', latest, '--lang', 'en']);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(
      `receipt: the earlier receipt ${b.id}.receipt.client.1.json cannot be checked`,
    );
  });

  it('a tampered latest receipt stops the next acknowledgement (exit 2): the chain is never built on it', async () => {
    const b = await bundle('tampered-latest');
    expect((await acknowledge(b, keys.client.sec, '--reserve', 'a')).code).toBe(0);
    const latest = receiptOf(b, 'receipt.client.json');
    await writeFile(latest, (await readFile(latest, 'utf8')).replace('"text": "a"', '"text": "z"'));
    const r = await acknowledge(b, keys.client.sec, '--lift', 'C1', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/your previous receipt .* does not hold/);
    expect(await readdir(path.dirname(b.manifest))).not.toContain(`${b.id}.receipt.client.1.json`);
  });
});
