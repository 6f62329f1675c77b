import { describe, expect, it } from 'vitest';
import { computeCompensation, daysBetween, type CompensationInput } from '../../src/core/compensation.js';
import type { ExitPlan } from '../../src/core/plan.js';
import type { ReceiptEvidence } from '../../src/core/release.js';
import type { AttestationCheck, AttestationFault } from '../../src/core/attestation.js';
import { deliverable, examplePlan, manifestFor, verificationFor } from '../helpers/documents.js';

type Money = NonNullable<ExitPlan['compensation']>;
const withMoney = (c: Partial<Money>, over: Partial<ExitPlan> = {}) => {
  const base = examplePlan(over);
  return { ...base, compensation: { ...base.compensation!, ...c } };
};
const penalties = (p: Partial<Money['penalties']>) => ({
  ...examplePlan().compensation!.penalties,
  ...p,
});
const releaseWhen = (...when: NonNullable<Money['final_payment']>['release_when']) =>
  withMoney({ final_payment: { amount: '15000', release_when: when } });

/** A receipt as src/io/receipts.ts hands it over once checked against the plan's keys. */
function receipt(over: Partial<ReceiptEvidence> = {}): ReceiptEvidence {
  return {
    file: 'acme-exit-2026.receipt.json',
    valid: true,
    role: 'incoming',
    fingerprint: '3'.repeat(40),
    date: '2026-12-18T09:00:00.000Z',
    verification: { ok: true, complete: true, decrypted: true, faults: [] },
    faults: [],
    reserves: null,
    ...over,
  };
}

/** A deletion attestation as src/io/attestation.ts hands it over once checked; valid without faults. */
function attested(faults: AttestationFault[]): AttestationCheck {
  const outgoing = '2'.repeat(40);
  return {
    file: 'acme-exit-2026.deletion.json',
    valid: faults.length === 0,
    fingerprint: faults.length ? null : outgoing,
    outgoing,
    faults,
    attestation: {
      format: 'exitkit-deletion/1',
      plan: { id: 'acme-exit-2026', title: 'Reversibility', contract: 'INF-2021-014' },
      manifest: {
        file: 'acme-exit-2026.manifest.json',
        sha256: 'cd'.repeat(32),
        created: '2026-12-09T16:00:00Z',
        signer: outgoing,
      },
      scope: { systems: [], datasets: [{ title: 'Full backup', deliverable: 'fs01-backup' }] },
      method: 'crypto-erase',
      date: '2027-01-04',
      retained: [],
      signer: { fingerprint: outgoing, name: 'InfoGest Sàrl' },
      signedAt: '2027-01-04T10:00:00.000Z',
      generator: { name: 'exitkit', version: '0.1.0' },
    },
  };
}

/** The SPEC's plan delivered on 9 December, verified: `missing` not delivered, `verify` options. */
function handover(
  plan: ExitPlan,
  opts: { missing?: string[]; decrypted?: boolean; created?: string } = {},
): Pick<CompensationInput, 'plan' | 'manifest' | 'verification'> {
  const manifest = manifestFor(plan, opts.created ?? '2026-12-09T16:00:00Z', opts.missing ?? []);
  const verification = verificationFor(manifest, { decrypted: opts.decrypted ?? true });
  return { plan, manifest, verification };
}
const conditions = (r: ReturnType<typeof computeCompensation>) =>
  Object.fromEntries(r.finalPayment.conditions.map((c) => [c.id, c.met]));

describe('computeCompensation: the money', () => {
  it('releases the final payment for a complete handover verified with a key, on time', () => {
    const r = computeCompensation({ ...handover(examplePlan()), date: '2026-12-20' });
    expect(r.fees).toEqual([
      { label: 'Reversibility fee', amount: '4500.00' },
      {
        label: 'Transition assistance',
        amount: '12000.00',
        quantity: '10',
        unit: 'day',
        unitPrice: '1200.00',
      },
    ]);
    expect(r.penalties).toEqual([]);
    expect([r.subtotal, r.vat, r.setOff, r.total]).toEqual(['16500.00', '1336.50', '0.00', '17836.50']);
    expect(r.finalPayment).toMatchObject({ amount: '15000.00', payableNow: '2836.50', releasable: true });
    expect(r.finalPayment.conditions.map((c) => [c.id, c.met])).toEqual([
      ['decrypted_verification', true],
      ['complete', true],
      ['no_open_reserves', true],
    ]);
    expect(r.cap).toEqual({ percent: '10', amount: '1650.00', applied: false });
  });

  it('the issue’s example: one missing deliverable, as an indemnity after VAT or a service credit before it', () => {
    const plan = examplePlan();
    const indemnity = computeCompensation({
      ...handover(plan, { missing: ['runbooks'] }),
      date: '2026-12-20',
    });
    expect(indemnity.treatment).toBe('indemnity');
    expect(indemnity.penalties.map((p) => [p.deliverable, p.cause, p.amount])).toEqual([
      ['runbooks', 'missing', '500.00'],
    ]);
    expect([indemnity.feesSubtotal, indemnity.subtotal, indemnity.vat, indemnity.setOff]).toEqual([
      '16500.00',
      '16500.00',
      '1336.50',
      '500.00',
    ]);
    expect(indemnity.total).toBe('17336.50');

    const credit = withMoney({ penalties: penalties({ treatment: 'service_credit' }) });
    const sc = computeCompensation({ ...handover(credit, { missing: ['runbooks'] }), date: '2026-12-20' });
    expect([sc.subtotal, sc.vat, sc.setOff, sc.total]).toEqual(['16000.00', '1296.00', '0.00', '17296.00']);
    // On a French plan at 20 %, a service credit lowers the VAT by 20 % of the penalties.
    expect(Number(indemnity.vat) - Number(sc.vat)).toBeCloseTo(40.5, 2);
    for (const r of [indemnity, sc]) {
      expect(r.finalPayment.releasable).toBe(false);
      expect(r.finalPayment.conditions.find((c) => c.id === 'complete')).toMatchObject({
        met: false,
        detail: expect.stringContaining('runbooks (prestataire sortant)') as string,
      });
    }
  });

  it('counts lateness per deliverable, to its own delivery date', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-13T23:59:00Z'); // 3 days after 10 Dec, before 15 Dec
    const r = computeCompensation({ plan, manifest, date: '2027-01-31' });
    expect(r.handover).toEqual({ date: '2026-12-13', basis: 'manifest' });
    expect(r.penalties.map((p) => [p.deliverable, p.cause, p.daysLate, p.amount])).toEqual([
      ['fs01-backup', 'late', 3, '150.00'],
      ['m365-admin', 'late', 3, '150.00'],
    ]);
    expect(r.penalties[0]!.label).toBe(
      'En retard de 3 jours\u00a0: Full backup of the file server FS01 (fs01-backup)',
    );
    expect([r.subtotal, r.vat, r.setOff, r.total]).toEqual(['16500.00', '1336.50', '300.00', '17536.50']);

    // Deliveries in waves: each deliverable's own date (the backup came on time, on 9 December).
    const waves = computeCompensation({
      plan,
      manifest,
      deliveredOn: new Map([['fs01-backup', '2026-12-09']]),
      date: '2027-01-31',
    });
    expect(waves.penalties.map((p) => [p.deliverable, p.daysLate])).toEqual([['m365-admin', 3]]);
  });

  it('without a manifest, counts lateness to the statement’s date and says so', () => {
    const r = computeCompensation({ plan: examplePlan(), date: '2026-12-12', language: 'en' });
    expect(r.handover).toEqual({ date: '2026-12-12', basis: 'date' });
    expect(r.evidence).toBe('plan');
    expect(r.penalties.map((p) => [p.deliverable, p.daysLate])).toEqual([
      ['fs01-backup', 2],
      ['m365-admin', 2],
    ]);
    expect(r.rules.join('\n')).toContain(
      '12 December 2026, the date of this statement, as no manifest was given',
    );
    // The plan's statuses are no evidence of a handover.
    expect(r.finalPayment.conditions.find((c) => c.id === 'complete')).toMatchObject({
      met: false,
      detail: expect.stringContaining('nothing shows what was handed over') as string,
    });
  });

  it('never charges a missing deliverable less than the same one delivered late on the statement’s date', () => {
    const plan = examplePlan();
    // Runbooks due 15 December, still missing on 10 January: 26 days × 50 = 1300 > 500.
    const missing = computeCompensation({ ...handover(plan, { missing: ['runbooks'] }), date: '2027-01-10' });
    expect(missing.penalties).toEqual([
      expect.objectContaining({
        deliverable: 'runbooks',
        cause: 'missing',
        daysLate: 26,
        per: 'day',
        rate: '50.00',
        amount: '1300.00',
      }),
    ]);
    const late = computeCompensation({
      ...handover(plan),
      deliveredOn: new Map([
        ['fs01-backup', '2026-12-09'],
        ['m365-admin', '2026-12-09'],
        ['runbooks', '2027-01-10'],
      ]),
      date: '2027-01-10',
    });
    expect(late.penalties.map((p) => [p.deliverable, p.cause, p.amount])).toEqual([
      ['runbooks', 'late', '1300.00'],
    ]);
    // Five days past due, the flat amount is more: missing costs 500, per deliverable.
    const early = computeCompensation({ ...handover(plan, { missing: ['runbooks'] }), date: '2026-12-20' });
    expect(early.penalties[0]).toMatchObject({
      per: 'deliverable',
      rate: '500.00',
      amount: '500.00',
      daysLate: 5,
    });
  });

  it('never charges the outgoing provider for a deliverable the client owes: it is the client’s own obligation', () => {
    const plan = examplePlan();
    plan.deliverables.push(
      deliverable({
        id: 'licence-list',
        category: 'inventory',
        title: 'Signed list of licences',
        owner: 'client',
        due: '2026-12-01',
      }),
    );
    const r = computeCompensation({
      ...handover(plan, { missing: ['licence-list'] }),
      date: '2027-01-31',
      language: 'en',
    });
    expect(r.penalties).toEqual([]);
    expect(r.total).toBe('17836.50');
    expect(r.obligations).toEqual([
      {
        owner: 'client',
        party: 'ACME SA',
        deliverable: 'licence-list',
        title: 'Signed list of licences',
        due: '2026-12-01',
      },
    ]);
    expect(r.finalPayment.conditions.find((c) => c.id === 'complete')).toMatchObject({
      met: false,
      detail: expect.stringContaining('licence-list (client)') as string,
    });
    expect(r.finalPayment.releasable).toBe(false);
  });

  it('treats a delivered but altered deliverable as not delivered intact', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-09T08:00:00Z');
    const v = verificationFor(manifest, { altered: ['fs01-backup'] });
    const r = computeCompensation({ plan, manifest, verification: v, date: '2026-12-20', language: 'en' });
    expect(r.penalties.map((p) => p.label)).toEqual([
      'Not intact: Full backup of the file server FS01 (fs01-backup)',
    ]);
    expect(conditions(r)).toEqual({ decrypted_verification: false, complete: false, no_open_reserves: true });
    expect(r.finalPayment.conditions[0]!.detail).toContain(
      'files altered, missing or unexpected: data/backups/fs01-backup/',
    );
  });

  it('caps the penalties at cap_percent of the fees before VAT, for both treatments', () => {
    const plan = withMoney({ penalties: penalties({ late_per_day: '500' }) });
    // Both backups and credentials 20 days late: 2 × 10 000, capped at 1650.
    const late = handover(plan, { created: '2026-12-30T08:00:00Z' });
    const r = computeCompensation({ ...late, date: '2026-12-30' });
    expect(r.penalties.map((p) => [p.deliverable, p.daysLate, p.amount])).toEqual([
      ['fs01-backup', 20, '10000.00'],
      ['m365-admin', 20, '10000.00'],
      ['runbooks', 15, '7500.00'],
    ]);
    expect(r.penaltiesBeforeCap).toBe('27500.00');
    expect(r.cap).toEqual({ percent: '10', amount: '1650.00', applied: true });
    expect([r.penaltiesTotal, r.subtotal, r.vat, r.setOff, r.total]).toEqual([
      '1650.00',
      '16500.00',
      '1336.50',
      '1650.00',
      '16186.50',
    ]);
    const credit = withMoney({ penalties: penalties({ late_per_day: '500', treatment: 'service_credit' }) });
    const sc = computeCompensation({
      ...handover(credit, { created: '2026-12-30T08:00:00Z' }),
      date: '2026-12-30',
    });
    expect([sc.penaltiesTotal, sc.subtotal, sc.vat, sc.total]).toEqual([
      '1650.00',
      '14850.00',
      '1202.85',
      '16052.85',
    ]);
  });

  it('never goes below zero without a cap, and handles zero fees', () => {
    const noCap = withMoney({ penalties: { treatment: 'indemnity', missing_required: '100000' } });
    const m = manifestFor(noCap, '2026-12-01T08:00:00Z', ['runbooks']);
    const r = computeCompensation({ plan: noCap, manifest: m, date: '2026-12-20' });
    expect(r.cap).toBeNull();
    // An indemnity is set off against the amount due, never beyond it.
    expect([r.subtotal, r.vat, r.penaltiesTotal, r.total]).toEqual([
      '16500.00',
      '1336.50',
      '17836.50',
      '0.00',
    ]);
    expect(r.finalPayment).toMatchObject({ amount: '0.00', planned: '15000.00', payableNow: '0.00' });

    const credit = withMoney({ penalties: { treatment: 'service_credit', missing_required: '100000' } });
    const c = computeCompensation({
      plan: credit,
      manifest: manifestFor(credit, '2026-12-01T08:00:00Z', ['runbooks']),
      date: '2026-12-20',
    });
    expect([c.penaltiesTotal, c.subtotal, c.vat, c.total]).toEqual(['16500.00', '0.00', '0.00', '0.00']);

    const zeroFees = withMoney({ fees: [{ label: 'Nothing', amount: '0' }] });
    const z = computeCompensation({
      plan: zeroFees,
      manifest: manifestFor(zeroFees, '2026-12-30T00:00:00Z'),
      date: '2026-12-30',
    });
    expect(z.penaltiesBeforeCap).not.toBe('0.00');
    expect(z.cap).toMatchObject({ amount: '0.00', applied: true });
    expect([z.feesSubtotal, z.penaltiesTotal, z.subtotal, z.vat, z.total]).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('rounds to CHF 0.05 and to EUR 0.01', () => {
    const chf = withMoney({ fees: [{ label: 'Fee', amount: '1234.56' }] });
    const c = computeCompensation({ ...handover(chf), date: '2026-12-20' });
    // 8.1 % of 1234.56 = 99.99936 -> 100.00; 1334.56 -> 1334.55 (the nearest 0.05, half up)
    expect([c.vat, c.totalBeforeRounding, c.roundingAdjustment, c.total]).toEqual([
      '100.00',
      '1334.56',
      '-0.01',
      '1334.55',
    ]);
    const eur = withMoney({
      currency: 'EUR',
      vat_percent: '20',
      rounding: '0.01',
      fees: [{ label: 'Forfait', amount: '1234.56' }],
    });
    const e = computeCompensation({ ...handover(eur, { missing: ['runbooks'] }), date: '2026-12-20' });
    // 20 % of 1234.56 = 246.912 -> 246.91; cap 10 % = 123.46 < 500
    expect([e.vat, e.penaltiesTotal, e.totalBeforeRounding, e.total]).toEqual([
      '246.91',
      '123.46',
      '1358.01',
      '1358.01',
    ]);
  });

  it('labels fees and penalties in the document’s language', () => {
    const plan = withMoney({
      fees: [
        {
          label: { fr: 'Forfait de réversibilité', en: 'Reversibility fee', de: 'Reversibilitätspauschale' },
          amount: '4500',
        },
      ],
      penalties: penalties({
        label: { fr: 'Peine conventionnelle (art. 12)', en: 'Contractual penalty (s. 12)' },
      }),
    });
    const input = { ...handover(plan, { missing: ['runbooks'] }), date: '2026-12-20' };
    const en = computeCompensation({ ...input, language: 'en' });
    expect(en.fees[0]!.label).toBe('Reversibility fee');
    expect(en.penalties[0]!.label).toBe('Contractual penalty (s. 12) — Missing: Runbooks (runbooks)');
    const fr = computeCompensation(input);
    expect(fr.fees[0]!.label).toBe('Forfait de réversibilité');
    expect(fr.penalties[0]!.label).toBe(
      'Peine conventionnelle (art. 12) — Manquant\u00a0: Runbooks (runbooks)',
    );
  });
});

describe('computeCompensation: release of the final payment', () => {
  it('never releases on a verification without a key, and names the condition', () => {
    const r = computeCompensation({
      ...handover(examplePlan(), { decrypted: false }),
      date: '2026-12-20',
      language: 'en',
    });
    expect(r.finalPayment.releasable).toBe(false);
    expect(r.finalPayment.conditions[0]).toMatchObject({
      id: 'decrypted_verification',
      met: false,
      label: 'a verification that decrypted and re-hashed every file',
    });
    expect(r.finalPayment.conditions[0]!.detail).toContain('did not decrypt the archive');
    expect(conditions(r)).toMatchObject({ complete: true, no_open_reserves: true });
  });

  it('releases on the incoming provider’s signed receipt of a decrypting verification, not the client’s', () => {
    const keyless = {
      ...handover(examplePlan(), { decrypted: false }),
      date: '2026-12-20',
      language: 'en' as const,
    };
    const r = computeCompensation({ ...keyless, receipts: [receipt()] });
    expect(r.finalPayment.releasable).toBe(true);
    expect(r.finalPayment.conditions[0]!.detail).toMatch(
      /^NovaIT SA signed on 18 December 2026.*a receipt of a verification that decrypted/,
    );
    // The client's own receipt, an incoming receipt without decryption, or one that does not hold: no.
    for (const bad of [
      receipt({ role: 'client' }),
      receipt({ verification: { ok: true, complete: true, decrypted: false, faults: [] } }),
      receipt({ valid: false, role: null, faults: ['its signature is not valid'] }),
    ]) {
      const held = computeCompensation({ ...keyless, receipts: [bad] });
      expect(held.finalPayment.releasable, JSON.stringify(bad)).toBe(false);
      expect(held.finalPayment.conditions[0]!.met).toBe(false);
    }
  });

  it('holds the payment when a decrypting verification found a bad signature', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-01T00:00:00Z');
    const r = computeCompensation({
      plan,
      manifest,
      verification: verificationFor(manifest, { signatureValid: false }),
      date: '2026-12-20',
      language: 'en',
    });
    expect(r.finalPayment.releasable).toBe(false);
    expect(r.finalPayment.conditions[0]!.detail).toContain('the manifest’s signature is not valid');
  });

  it('holds the payment on open reserves, and cannot tell from a receipt that does not hold', () => {
    const base = { ...handover(examplePlan()), date: '2026-12-20', language: 'en' as const };
    const open = computeCompensation({
      ...base,
      receipts: [
        receipt({ role: 'client', reserves: [{ id: 'R1', text: 'Runbooks incomplete', due: '2027-01-15' }] }),
      ],
    });
    expect(open.finalPayment.conditions[2]).toMatchObject({
      id: 'no_open_reserves',
      met: false,
      detail: 'open reserves: R1: Runbooks incomplete (15 January 2027)',
    });
    const none = computeCompensation({ ...base, receipts: [receipt({ role: 'client', reserves: [] })] });
    expect(none.finalPayment.conditions[2]).toMatchObject({
      met: true,
      detail: 'the receipts given (client) record no open reserve',
    });
    const bad = computeCompensation({ ...base, receipts: [receipt({ valid: false, role: null })] });
    expect(bad.finalPayment.conditions[2]!.met).toBe(false);
    const nothing = computeCompensation(base);
    expect(nothing.finalPayment.conditions[2]).toMatchObject({
      met: true,
      detail: 'no receipt given: no reserve known',
    });
  });

  it('evaluates every other condition of release_when from its own evidence', () => {
    const plan = releaseWhen(
      'reversibility_ended',
      'deletion_attested',
      'receipt_client',
      'receipt_incoming',
    );
    const base = { ...handover(plan), language: 'en' as const };
    const before = computeCompensation({ ...base, date: '2026-12-20' });
    expect(before.finalPayment.conditions.map((c) => [c.id, c.met, c.detail])).toEqual([
      [
        'reversibility_ended',
        false,
        'the reversibility period ends on 31 December 2026; this statement is of 20 December 2026',
      ],
      ['deletion_attested', false, 'no deletion attestation given (--attestation)'],
      ['receipt_client', false, 'no receipt of ACME SA given (--receipt)'],
      ['receipt_incoming', false, 'no receipt of NovaIT SA given (--receipt)'],
    ]);
    const after = computeCompensation({
      ...base,
      date: '2027-01-05',
      receipts: [receipt({ role: 'client', fingerprint: '1'.repeat(40) }), receipt()],
      attestation: attested([]),
    });
    expect(conditions(after)).toEqual({
      reversibility_ended: true,
      deletion_attested: true,
      receipt_client: true,
      receipt_incoming: true,
    });
    expect(after.finalPayment.conditions[1]!.detail).toBe(
      'InfoGest Sàrl attests the deletion of the data, completed on 4 January 2027 (crypto-erase; key …2222222222222222), after this delivery',
    );
    expect(after.finalPayment.releasable).toBe(true);
    // An attestation that does not hold is named, never believed.
    const forged = computeCompensation({
      ...base,
      date: '2027-01-05',
      receipts: [receipt({ role: 'client', fingerprint: '1'.repeat(40) }), receipt()],
      attestation: attested([
        { kind: 'signature', keyId: 'ABCDEF0123456789', byOutgoing: false },
        {
          kind: 'delivery',
          file: 'x.manifest.json',
          sha256: 'ab'.repeat(32),
          created: '2026-01-01T00:00:00Z',
          older: true,
        },
      ]),
    });
    expect(forged.finalPayment.conditions[1]).toMatchObject({
      id: 'deletion_attested',
      met: false,
      detail:
        'the attestation acme-exit-2026.deletion.json does not hold: it is not signed by the outgoing provider’s key of the plan, or was changed after it was signed; it is older than this delivery: it follows an earlier one',
    });
    expect(forged.finalPayment.releasable).toBe(false);
  });
});

describe('computeCompensation: edge cases', () => {
  it('rounds VAT half up to the cent where a float would round down (8.1 % of 25 = 2.025)', () => {
    const plan = withMoney({ fees: [{ label: 'Fee', amount: '25' }] });
    const manifest = manifestFor(plan, '2026-12-01T00:00:00Z');
    const r = computeCompensation({
      plan,
      manifest,
      verification: verificationFor(manifest),
      date: '2026-12-20',
    });
    expect(((25 * 8.1) / 100).toFixed(2)).toBe('2.02'); // the float trap
    expect(r.vat).toBe('2.03');
    expect(r.totalBeforeRounding).toBe('27.03');
    expect(r.total).toBe('27.05');
    expect(r.roundingAdjustment).toBe('0.02');
  });

  it('rounds fee lines ending in .x25 and .x75 half up, then the total to the 0.05 step', () => {
    const plan = withMoney({
      vat_percent: '0',
      fees: [{ label: 'Half days', quantity: '2.5', unit: 'day', unit_price: '8.01' }], // 20.025
    });
    const manifest = manifestFor(plan, '2026-12-01T00:00:00Z');
    const r = computeCompensation({ plan, manifest, date: '2026-12-20' });
    expect(r.fees[0]!.amount).toBe('20.03');
    expect(r.total).toBe('20.05');

    const plan2 = withMoney({
      vat_percent: '0',
      fees: [{ label: 'Half days', quantity: '2.5', unit_price: '8.03' }],
    }); // 20.075
    expect((2.5 * 8.03).toFixed(2)).not.toBe('20.08'); // the float trap
    const r2 = computeCompensation({
      plan: plan2,
      manifest: manifestFor(plan2, '2026-12-01T00:00:00Z'),
      date: '2026-12-20',
    });
    expect(r2.fees[0]!.amount).toBe('20.08');
    expect(r2.total).toBe('20.10');
  });

  it('refuses a manifest or verification of another plan', () => {
    const plan = examplePlan();
    const other = manifestFor(examplePlan({ id: 'other-exit' }), '2026-12-01T00:00:00Z');
    expect(() => computeCompensation({ plan, manifest: other, date: '2026-12-20' })).toThrow(/other-exit/);
    expect(() =>
      computeCompensation({ plan, verification: verificationFor(other), date: '2026-12-20' }),
    ).toThrow(/verification is for the plan "other-exit"/);
  });

  it('uses the total as the held payment when the plan names none, and keeps amounts as strings', () => {
    const plan = withMoney({ final_payment: undefined });
    delete plan.compensation.final_payment;
    const r = computeCompensation({ plan, date: '2026-10-01' });
    expect(r.finalPayment).toMatchObject({ amount: r.total, basis: 'total', payableNow: '0.00' });
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    for (const k of ['subtotal', 'vat', 'total']) expect(typeof json[k]).toBe('string');
  });

  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-12-10', '2027-01-02')).toBe(23);
    expect(daysBetween('2026-12-10', '2026-12-01')).toBe(-9);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('writes the rules in French with Swiss amounts', () => {
    const r = computeCompensation({ plan: examplePlan(), date: '2026-10-01' });
    expect(r.rules.join('\n')).toContain('CHF\u00a0500.00');
    expect(r.rules.join('\n')).toContain('ne jamais livrer ne coûte jamais moins que livrer en retard');
    expect(r.rules.join('\n')).toContain('hors du champ de la TVA');
    expect(r.rules.join('\n')).toContain('8,1\u00a0%');
    expect(r.rules.join('\n')).toContain('CHF\u00a00.05');
  });

  it('ignores optional deliverables that are not delivered', () => {
    const plan = examplePlan({
      deliverables: [
        deliverable({
          id: 'nice',
          category: 'other',
          title: 'Nice to have',
          required: false,
          status: 'pending',
          due: '2026-01-01',
        }),
      ],
    });
    const r = computeCompensation({ plan, date: '2026-12-20' });
    expect(r.penalties).toEqual([]);
  });
});
