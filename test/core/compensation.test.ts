import { describe, expect, it } from 'vitest';
import { computeCompensation, daysBetween } from '../../src/core/compensation.js';
import type { ExitPlan } from '../../src/core/plan.js';
import { deliverable, examplePlan, manifestFor, verificationFor } from '../helpers/documents.js';

const withMoney = (c: Partial<NonNullable<ExitPlan['compensation']>>, over: Partial<ExitPlan> = {}) => {
  const base = examplePlan(over);
  return { ...base, compensation: { ...base.compensation!, ...c } };
};

describe('computeCompensation', () => {
  it('releases the final payment for a verified, complete, on-time handover', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-09T16:00:00Z');
    const r = computeCompensation({
      plan,
      manifest,
      verification: verificationFor(manifest),
      date: '2026-12-20',
    });
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
    expect(r.subtotal).toBe('16500.00');
    expect(r.vat).toBe('1336.50');
    expect(r.total).toBe('17836.50');
    expect(r.finalPayment).toMatchObject({ amount: '15000.00', releasable: true, holds: [] });
    expect(r.cap).toEqual({ percent: '10', amount: '1650.00', applied: false });
  });

  it('charges lateness from the manifest creation date, per day and deliverable', () => {
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
    expect(r.subtotal).toBe('16200.00');
    expect(r.vat).toBe('1312.20');
    expect(r.total).toBe('17512.20');
    // No verification: the payment is held, and the summary says why.
    expect(r.finalPayment.releasable).toBe(false);
    expect(r.finalPayment.holds.map((h) => h.code)).toEqual(['no-verification']);
  });

  it('without a manifest, counts lateness to the given date and says so', () => {
    const plan = examplePlan();
    const r = computeCompensation({ plan, date: '2026-12-12', language: 'en' });
    expect(r.handover).toEqual({ date: '2026-12-12', basis: 'date' });
    expect(r.evidence).toBe('plan');
    expect(r.penalties.map((p) => [p.deliverable, p.daysLate])).toEqual([
      ['fs01-backup', 2],
      ['m365-admin', 2],
    ]);
    expect(r.rules.join('\n')).toContain(
      'to 12 December 2026, the date of this summary, as no manifest was given',
    );
  });

  it('charges a missing required deliverable as missing only, and never a waived one', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-20T08:00:00Z', ['runbooks']);
    const r = computeCompensation({
      plan,
      manifest,
      verification: verificationFor(manifest),
      date: '2026-12-20',
    });
    const causes = r.penalties.map((p) => `${p.deliverable}:${p.cause}`);
    expect(causes).toContain('runbooks:missing');
    expect(causes).not.toContain('runbooks:late');
    expect(causes.some((c) => c.startsWith('cad-licences'))).toBe(false);
    expect(r.penalties.find((p) => p.deliverable === 'runbooks')!.amount).toBe('500.00');
    expect(r.finalPayment.releasable).toBe(false);
    expect(r.finalPayment.holds.map((h) => h.code)).toEqual(['incomplete']);
    expect(r.finalPayment.holds[0]!.message).toContain('runbooks');
  });

  it('treats a delivered but altered deliverable as not delivered intact', () => {
    const plan = examplePlan();
    const manifest = manifestFor(plan, '2026-12-09T08:00:00Z');
    const v = verificationFor(manifest, { altered: ['fs01-backup'] });
    const r = computeCompensation({ plan, manifest, verification: v, date: '2026-12-20', language: 'en' });
    expect(r.penalties.map((p) => p.label)).toEqual([
      'Not intact: Full backup of the file server FS01 (fs01-backup)',
    ]);
    expect(r.finalPayment.holds.map((h) => h.code)).toEqual(['incomplete', 'altered']);
  });

  it('caps the penalties at cap_percent of the fees and says the cap bit', () => {
    const plan = withMoney({
      penalties: { missing_required: '5000', late_per_day: '50', cap_percent: '10' },
    });
    const manifest = manifestFor(plan, '2026-12-01T08:00:00Z', ['fs01-backup', 'runbooks']);
    const r = computeCompensation({ plan, manifest, date: '2026-12-20' });
    expect(r.penaltiesBeforeCap).toBe('10000.00');
    expect(r.cap).toEqual({ percent: '10', amount: '1650.00', applied: true });
    expect(r.penaltiesTotal).toBe('1650.00');
    expect(r.subtotal).toBe('14850.00');
    expect(r.vat).toBe('1202.85');
    expect(r.total).toBe('16052.85');
  });

  it('never goes below zero without a cap, and handles zero fees', () => {
    const noCap = withMoney({ penalties: { missing_required: '100000' } });
    const m = manifestFor(noCap, '2026-12-01T08:00:00Z', ['runbooks']);
    const r = computeCompensation({ plan: noCap, manifest: m, date: '2026-12-20' });
    expect(r.cap).toBeNull();
    expect(r.penaltiesTotal).toBe('16500.00');
    expect([r.subtotal, r.vat, r.total]).toEqual(['0.00', '0.00', '0.00']);

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

  it('holds the payment when the verification is not ok (bad signature), naming why', () => {
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
    expect(r.finalPayment.holds[0]!.message).toContain('signature does not hold');
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
    expect(r.finalPayment).toMatchObject({ amount: r.total, basis: 'total' });
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
