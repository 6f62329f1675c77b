import { describe, expect, it } from 'vitest';
import { countingReceipts, recordSections } from '../../src/core/record.js';
import type { ReceiptEvidence } from '../../src/core/release.js';
import type { ExitPlan } from '../../src/core/plan.js';

const receipt = (over: Partial<ReceiptEvidence>): ReceiptEvidence => ({
  file: 'out/x.receipt.client.json',
  valid: true,
  role: 'client',
  fingerprint: 'AB'.repeat(20),
  date: '2026-12-01T10:00:00.000Z',
  verification: { ok: true, complete: true, decrypted: true, faults: [] },
  faults: [],
  reserves: [],
  lifted: [],
  sequence: 1,
  ...over,
});
const reserve = {
  id: 'C1',
  text: 'restore test failed',
  due: '2027-01-15',
  opened: '2026-12-01T10:00:00.000Z',
};
const plan = { deliverables: [] } as unknown as ExitPlan;
const sections = (receipts: ReceiptEvidence[], lang: 'en' | 'fr' | 'de' | 'it', missing = 0) =>
  recordSections({
    receipts,
    plan,
    manifest: true,
    verification: { ok: true },
    missing,
    date: '2026-12-20',
    language: lang,
    partyName: (r) => r,
  });

describe('the record', () => {
  it("counts each party's latest receipt, whatever the order given", () => {
    const first = receipt({ reserves: [reserve] });
    const second = receipt({
      file: 'x.receipt.client.json',
      sequence: 2,
      reserves: [],
      lifted: [{ ...reserve, lifted: '2026-12-05T09:00:00.000Z' }],
    });
    const incoming = receipt({ role: 'incoming', file: 'x.receipt.incoming.json' });
    expect(countingReceipts([second, incoming, first]).latest).toEqual([second, incoming]);
    expect(sections([second, first], 'en').conclusion.kind).toBe('without-reserves');
    expect(sections([first], 'en').reserves).toMatchObject([{ id: 'C1', open: true, overdue: false }]);
  });

  it('concludes in the four languages: with reserves, without, not yet (and why)', () => {
    const open = [receipt({ reserves: [reserve] })];
    expect(['en', 'fr', 'de', 'it'].map((l) => sections(open, l as 'en').conclusion.title)).toEqual([
      'Accepted with reserves',
      'Remise acceptée avec réserves',
      'Abnahme mit Vorbehalten',
      'Riconsegna accettata con riserve',
    ]);
    expect(sections([], 'de').conclusion.title).toBe('Abnahme ohne Vorbehalte');
    expect(sections([], 'it').conclusion.title).toBe('Riconsegna accettata senza riserve');
    const notYet = sections([...open, receipt({ valid: false, role: null, file: '/tmp/b/y.json' })], 'en', 2);
    expect(notYet.conclusion).toMatchObject({
      kind: 'not-yet',
      open: ['C1'],
      why: ['incomplete', 'receipt-invalid'],
    });
    expect(notYet.conclusion.reasons).toEqual([
      '2 required deliverables are neither handed over nor waived',
      'a receipt does not hold (y.json): its party’s reserves are unknown',
    ]);
  });
});
