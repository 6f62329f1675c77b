import { english } from '../../../src/core/i18n/terminal/index.js';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../../src/core/errors.js';
import { firstInvalidUtf8 } from '../../../src/core/plan-parse.js';
import { loadPlan } from '../../../src/io/plan/plan-file.js';
import { generateKeyPair } from '../../../src/io/openpgp/keys.js';
import { tempDir } from '../../helpers/cli.js';

const PLAN = [
  'version: 1',
  'id: acme-exit',
  'title: Reversibility',
  'contract: {reference: R, end: 2026-12-31}',
  'parties:',
  '  client: {name: ACME}',
  '  outgoing: {name: InfoGest}',
  'deliverables:',
  '  - id: fs01-backup',
  '    category: backups',
  '    title: Backup',
  '    sources: [exports/fs01.vbk]',
  'compensation:',
  '  currency: CHF',
  '  vat_percent: 8.10',
  '  rounding: 0.05',
  '  fees:',
  '    - {label: Fee, amount: 4500.00}',
  '',
].join('\n');

async function planFile(text: string | Buffer, name = 'plan.yaml'): Promise<string> {
  const dir = await tempDir();
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

async function problemsOf(text: string | Buffer): Promise<ProblemsError> {
  const err = await loadPlan(await planFile(text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProblemsError);
  return err as ProblemsError;
}

describe('loadPlan', () => {
  it('keeps amounts as written and binds the exact bytes', async () => {
    const file = await planFile(PLAN);
    const loaded = await loadPlan(file);
    expect(loaded.plan.compensation).toMatchObject({ vat_percent: '8.10', rounding: '0.05' });
    expect(loaded.plan.compensation?.fees[0]?.amount).toBe('4500.00');
    expect(loaded.sha256).toBe(createHash('sha256').update(PLAN).digest('hex'));
  });

  it('reads the money rules: treatment, labels per language, release conditions (defaults when absent)', async () => {
    const plain = await loadPlan(await planFile(PLAN));
    expect(plain.plan.compensation?.penalties).toEqual({ treatment: 'indemnity' });
    const money = [
      'compensation:',
      '  currency: CHF',
      '  vat_percent: 8.1',
      '  fees:',
      '    - {label: {fr: Forfait, en: Fee}, amount: 4500, }',
      '    - {label: Jours, quantity: 2, unit: {fr: jour, en: day}, unit_price: 1200}',
      '  penalties: {treatment: service_credit, label: {de: Konventionalstrafe}, missing_required: 500}',
      '  final_payment: {amount: 15000}',
      '',
    ].join('\n');
    const loaded = await loadPlan(await planFile(PLAN.slice(0, PLAN.indexOf('compensation:')) + money));
    expect(loaded.plan.compensation).toMatchObject({
      fees: [
        { label: { fr: 'Forfait', en: 'Fee' }, amount: '4500' },
        { label: 'Jours', unit: { fr: 'jour', en: 'day' } },
      ],
      penalties: {
        treatment: 'service_credit',
        label: { de: 'Konventionalstrafe' },
        missing_required: '500',
      },
      final_payment: {
        amount: '15000',
        release_when: ['decrypted_verification', 'complete', 'no_open_reserves'],
      },
    });
    // Conditions that can never hold, or that let a keyless look release the payment, are flagged.
    const risky = await loadPlan(
      await planFile(
        PLAN.slice(0, PLAN.indexOf('compensation:')) +
          money.replace(
            '{amount: 15000}',
            '{amount: 15000, release_when: [complete, receipt_incoming, deletion_attested]}',
          ),
      ),
    );
    expect(risky.warnings.map((w) => english(w.message))).toEqual([
      'receipt_incoming can never hold: the plan gives no key file for the incoming provider',
      'deletion_attested can never hold: the plan gives no key file for the outgoing provider',
      'without decrypted_verification, a verification that never decrypted the archive can release the final payment',
    ]);
    expect(risky.warnings[0]?.location.line).toBe(20);
  });

  it('refuses an unknown penalty treatment, release condition or label language, at its place', async () => {
    const bad = PLAN.replace(
      '    - {label: Fee, amount: 4500.00}',
      [
        '    - {label: {fr: Forfait, es: Tarifa}, amount: 4500.00}',
        '  penalties: {treatment: discount}',
        '  final_payment: {amount: 1, release_when: [paid]}',
      ].join('\n'),
    );
    const e = await problemsOf(bad);
    const lines = e.problems.map((p) => p.location.line);
    expect(lines).toEqual(expect.arrayContaining([18, 19, 20]));
    const words = e.problems.map((p) => english(p.message)).join('\n');
    expect(words).toContain(
      'compensation.fees[0].label is a mapping: it must be a text, or one text per language',
    );
    expect(words).toContain(
      'compensation.penalties.treatment is "discount": it must be one of indemnity, service_credit',
    );
    expect(words).toContain(
      'compensation.final_payment.release_when[0] is "paid": it must be one of decrypted_verification',
    );
  });

  it('reads CRLF and a UTF-8 byte order mark like the plain file', async () => {
    const crlf = await loadPlan(await planFile(PLAN.replaceAll('\n', '\r\n')));
    const bom = await loadPlan(await planFile(`\ufeff${PLAN}`));
    expect(crlf.plan).toEqual(bom.plan);
    expect(crlf.locate(['deliverables', 0, 'title'])).toMatchObject({ line: 11, column: 12 });
  });

  it('locates values, keys, and missing keys at the mapping that lacks them', async () => {
    const loaded = await loadPlan(await planFile(PLAN));
    expect(loaded.locate(['deliverables', 0, 'category'])).toMatchObject({ line: 10, column: 15 });
    expect(loaded.locate(['deliverables', 0, 'category'], { key: true })).toMatchObject({
      line: 10,
      column: 5,
    });
    expect(loaded.locate(['deliverables', 0, 'waiver', 'reason'])).toMatchObject({ line: 9, column: 5 });
    expect(loaded.locate(['parties', 'incoming'])).toMatchObject({ line: 5, column: 1 });
    expect(loaded.locate(['deliverables', 7])).toMatchObject({ line: 8, column: 1 });
    expect(loaded.locate([])).toMatchObject({ line: 1, column: 1 });
  });

  it('lists every missing top-level key, not only the first', async () => {
    const e = await problemsOf('version: 1\nid: x\n');
    expect(e.problems.map((p) => english(p.message))).toEqual([
      'the plan lacks "title"',
      'the plan lacks "contract"',
      'the plan lacks "parties"',
      'the plan lacks "deliverables"',
    ]);
  });

  it('names the first bad byte of a file that is not UTF-8', async () => {
    const e = await problemsOf(
      Buffer.concat([Buffer.from('version: 1\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expect(e.problems[0]).toMatchObject({ location: { line: 2, column: 11 } });
    expect(firstInvalidUtf8(Buffer.from('é€😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98]))).toBe(0); // cut short
  });

  it('refuses flow and dash nesting past the limit before parsing', async () => {
    for (const text of [`a: ${'['.repeat(100_000)}`, `${'- '.repeat(100_000)}x\n`]) {
      const e = await problemsOf(text);
      expect(english(e.problems[0]!.message)).toMatch(/nests more than 64 levels/);
    }
    // Brackets inside quotes and comments are text, not nesting.
    const quoted = PLAN.replace('title: Reversibility', `title: "${'['.repeat(200)}" # ${'{'.repeat(200)}`);
    await expect(loadPlan(await planFile(quoted))).resolves.toBeDefined();
  });

  it('expands a few aliases but reports an undefined one where it is used', async () => {
    const ok =
      PLAN.replace('    sources: [exports/fs01.vbk]', '    sources: &s [exports/fs01.vbk]') +
      '  penalties: {}\n';
    await expect(loadPlan(await planFile(ok))).resolves.toBeDefined();
    const e = await problemsOf(PLAN.replace('[exports/fs01.vbk]', '*nowhere'));
    expect(e.problems[0]).toMatchObject({ location: { line: 12, column: 14 } });
  });

  describe('key files', () => {
    it('checks them relative to the plan, warns about a private key, and refuses a wrong fingerprint', async () => {
      const dir = await tempDir();
      await mkdir(path.join(dir, 'keys'));
      const k = await generateKeyPair({ name: 'ACME', email: 'it@acme.example', type: 'curve25519' });
      const other = await generateKeyPair({ name: 'Other', email: 'o@example.org', type: 'curve25519' });
      await writeFile(path.join(dir, 'keys', 'acme.pub.asc'), k.publicKey);
      await writeFile(path.join(dir, 'keys', 'acme.sec.asc'), k.privateKey);
      const file = path.join(dir, 'plan.yaml');

      await writeFile(
        file,
        PLAN.replace('client: {name: ACME}', 'client: {name: ACME, key: keys/acme.pub.asc}'),
      );
      expect((await loadPlan(file)).warnings).toEqual([]);

      await writeFile(
        file,
        PLAN.replace('client: {name: ACME}', 'client: {name: ACME, key: keys/acme.sec.asc}'),
      );
      const loaded = await loadPlan(file);
      expect(english(loaded.warnings[0]!.message)).toMatch(/holds a private key/);
      expect(loaded.warnings[0]?.location).toMatchObject({ line: 6, column: 29 });

      await writeFile(
        file,
        PLAN.replace(
          'client: {name: ACME}',
          `client: {name: ACME, key: keys/acme.pub.asc, fingerprint: ${other.fingerprint}}`,
        ),
      );
      const e = await loadPlan(file).catch((x: unknown) => x as ProblemsError);
      expect(e).toBeInstanceOf(ProblemsError);
      expect(english(e.problems[0]!.message)).toMatch(/not the pinned one/);
      expect(e.problems[0]?.location.line).toBe(6);
      await expect(loadPlan(file, { checkKeys: false })).resolves.toBeDefined();
    });
  });
});
