/**
 * The handover record to sign (`checklist --receipt`; README.md, "Commands") through the built CLI:
 * after a verified delivery a deliverable reads as delivered with its date; the parties' receipts
 * and their reserves have their section; the conclusion says with reserves while one is open and
 * without once it is lifted, as compensation's no_open_reserves does from the same receipts; a
 * receipt that does not hold is named (exit 1), one that cannot be read is exit 2.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { verifiedBundle } from '../helpers/delivery.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
let manifest: string;
let verification: string;
const receipt = (role: string) => path.join(s.out, `${s.id}.receipt.${role}.json`);

/** A party acknowledges the delivery, on the verification at hand. */
const acknowledge = (key: string, ...more: string[]) =>
  exitkit([
    'acknowledge',
    manifest,
    '--plan',
    s.plan,
    '--verification',
    verification,
    '--signing-key',
    key,
    ...more,
  ]);

beforeAll(async () => {
  s = await makeScenario({ dir: await tempDir('exitkit-record-') });
  ({ manifest, verification } = await verifiedBundle(s));
  const incoming = await acknowledge(
    s.keys.incoming.sec,
    '--reserve',
    'the restore test of FS01 failed',
    '--deliverable',
    'fs01-backup',
    '--due',
    '2027-01-15',
  );
  expect(incoming.code, incoming.stderr).toBe(0);
  expect((await acknowledge(s.keys.client.sec)).code).toBe(0);
});

const evidence = () => ['--manifest', manifest, '--verification', verification];

async function record(receipts: string[], lang: string, format = 'md') {
  const r = await exitkit([
    'checklist',
    s.plan,
    ...evidence(),
    ...receipts.flatMap((f) => ['--receipt', f]),
    '--lang',
    lang,
    '--format',
    format,
  ]);
  return r;
}

async function noOpenReserves(receipts: string[]): Promise<{ met: boolean; detail: string }> {
  const r = await exitkit([
    'compensation',
    s.plan,
    ...evidence(),
    ...receipts.flatMap((f) => ['--receipt', f]),
    '--lang',
    'en',
    '--json',
  ]);
  const c = JSON.parse(r.stdout) as {
    finalPayment: { conditions: Array<{ id: string; met: boolean; detail: string }> };
  };
  return c.finalPayment.conditions.find((k) => k.id === 'no_open_reserves')!;
}

describe('the handover record', () => {
  it('reads delivered items as delivered, lists the open reserve with its due date, concludes with reserves; then without once lifted', async () => {
    const both = [receipt('client'), receipt('incoming')];
    const fr = await record(both, 'fr');
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('# Procès-verbal de réversibilité');
    expect(fr.stdout).toMatch(/\| remis le \w+ déc\. 2026 \|/);
    expect(fr.stdout).not.toMatch(/\| prêt \|/);
    expect(fr.stdout).toContain(
      '| **I1** | NovaIT SA | the restore test of FS01 failed | Full backup of the file server FS01 (fs01-backup) | 15 janv. 2027 | **ouverte** |',
    );
    expect(fr.stdout).toContain(
      '**Remise acceptée avec réserves**\u00a0: la remise est complète et vérifiée\u202f; la réserve I1 reste ouverte',
    );
    expect(await noOpenReserves(both)).toMatchObject({ met: false });

    const en = await record(both, 'en', 'html');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Handover record: ');
    expect(en.stdout).toMatch(/>delivered on \d+ Dec 2026</);
    expect(en.stdout).toContain('<p class="verdict warn">Accepted with reserves</p>');
    await writeFile(path.join(s.dir, 'record-open.en.html'), en.stdout);

    // The incoming provider lifts its reserve: its next receipt, chained to the first.
    const lift = await acknowledge(s.keys.incoming.sec, '--lift', 'I1');
    expect(lift.code, lift.stderr).toBe(0);
    // The superseded receipt given too: the latest of each party counts.
    const all = [...both, path.join(s.out, `${s.id}.receipt.incoming.1.json`)];
    const lifted = await record(all, 'fr');
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(lifted.stdout).toContain(
      '**Remise acceptée sans réserves**\u00a0: la remise est complète et vérifiée',
    );
    expect(lifted.stdout).toMatch(/\| \*\*I1\*\* \| NovaIT SA \| .* \| levée le \w+ déc\. 2026 \|/);
    expect(await noOpenReserves(all)).toMatchObject({ met: true });
  });

  it('names a receipt that does not hold (exit 1, conclusion not yet), and cannot read a missing one (exit 2)', async () => {
    const dir = await tempDir('exitkit-record-bad-');
    const bad = path.join(dir, `${s.id}.receipt.client.json`);
    await writeFile(
      bad,
      (await readFile(receipt('client'), 'utf8')).replace('"sequence": 1', '"sequence": 1 '),
    );
    await copyFile(`${receipt('client')}.asc`, `${bad}.asc`);
    const r = await record([bad], 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the receipt ${bad} does not hold`);
    expect(r.stdout).toContain('**Not acceptable yet**');
    expect(r.stdout).toContain(`a receipt does not hold (${path.basename(bad)})`);
    expect(await noOpenReserves([bad])).toMatchObject({ met: false });

    const gone = await record([path.join(dir, 'nope.json')], 'en');
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('error: cannot read the receipt');
  });
});
