/**
 * Issue 11, "The money a client pays on": the penalties are monotone and the two treatments differ
 * only by the VAT on the penalties, whatever the plan's amounts, rates, dates and deliveries.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCompensation, type CompensationResult } from '../../src/core/compensation.js';
import type { ExitPlan, IsoDate, PenaltyTreatment } from '../../src/core/plan.js';
import { deliverable, examplePlan, manifestFor } from '../helpers/documents.js';

const RUNS = { numRuns: Number(process.env.EXITKIT_PROPERTY_RUNS ?? 300) };
const STATEMENT: IsoDate = '2027-01-31';
const day = (offset: number): IsoDate =>
  new Date(Date.UTC(2026, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** An amount as a plan writes it, 0.00 to max, two decimals. */
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => (c / 100).toFixed(2));

interface Case {
  fees: string[];
  vat: string;
  rounding: string;
  missing: string;
  late: string;
  cap: string | null;
  /** Per deliverable: its due day (offset from 1 Dec 2026), and its delivery day or null (missing). */
  deliverables: Array<{ due: number; delivered: number | null }>;
}

const cases: fc.Arbitrary<Case> = fc.record({
  fees: fc.array(amount(20_000), { minLength: 1, maxLength: 3 }),
  vat: fc.constantFrom('0', '2.6', '3.8', '5.5', '8.1', '20'),
  rounding: fc.constantFrom('0.01', '0.05', '0.10'),
  missing: amount(3_000),
  late: amount(300),
  cap: fc.option(fc.constantFrom('5', '10', '15', '100'), { nil: null }),
  deliverables: fc.array(
    fc.record({
      due: fc.integer({ min: 0, max: 40 }),
      // Delivered between 20 days before 1 Dec and the statement's date (61 days after), or not.
      delivered: fc.option(fc.integer({ min: -20, max: 61 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

function planOf(c: Case, treatment: PenaltyTreatment): ExitPlan {
  const base = examplePlan();
  return {
    ...base,
    deliverables: c.deliverables.map((d, i) =>
      deliverable({ id: `d${i}`, category: 'documentation', title: `Deliverable ${i}`, due: day(d.due) }),
    ),
    compensation: {
      currency: 'CHF',
      vat_percent: c.vat,
      rounding: c.rounding,
      fees: c.fees.map((a, i) => ({ label: `Fee ${i}`, amount: a })),
      penalties: {
        treatment,
        missing_required: c.missing,
        late_per_day: c.late,
        ...(c.cap ? { cap_percent: c.cap } : {}),
      },
    },
  };
}

function run(c: Case, treatment: PenaltyTreatment = 'indemnity'): CompensationResult {
  const plan = planOf(c, treatment);
  const missing = c.deliverables.flatMap((d, i) => (d.delivered === null ? [`d${i}`] : []));
  const deliveredOn = new Map(
    c.deliverables.flatMap((d, i) => (d.delivered === null ? [] : [[`d${i}`, day(d.delivered)] as const])),
  );
  return computeCompensation({
    plan,
    manifest: manifestFor(plan, `${STATEMENT}T08:00:00Z`, missing),
    deliveredOn,
    date: STATEMENT,
    language: 'en',
  });
}

const dec = (s: string) => new Decimal(s);
const statementDay = 61; // 31 Jan 2027, from 1 Dec 2026
const treatments = fc.constantFrom<PenaltyTreatment>('indemnity', 'service_credit');

describe('compensation properties', () => {
  // Delivering never makes the outgoing provider worse off: the penalties it owes never increase,
  // so the amount due to it (the price less the penalties) never falls.
  it('when a deliverable arrives, the penalties never increase and the amount due never falls', () => {
    fc.assert(
      fc.property(
        cases,
        fc.nat(),
        fc.integer({ min: -20, max: statementDay }),
        treatments,
        (c, pick, on, t) => {
          const missing = c.deliverables.map((d, i) => (d.delivered === null ? i : -1)).filter((i) => i >= 0);
          fc.pre(missing.length > 0);
          const i = missing[pick % missing.length]!;
          const before = run(c, t);
          const arrived = {
            ...c,
            deliverables: c.deliverables.map((d, j) => (j === i ? { ...d, delivered: on } : d)),
          };
          const after = run(arrived, t);
          expect(dec(after.penaltiesTotal).lessThanOrEqualTo(before.penaltiesTotal)).toBe(true);
          expect(dec(after.total).greaterThanOrEqualTo(before.total)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a deliverable never delivered costs at least as much as delivered late on the statement’s date', () => {
    fc.assert(
      fc.property(cases, fc.nat(), treatments, (c, pick, t) => {
        const i = pick % c.deliverables.length;
        const asMissing = run(
          { ...c, deliverables: c.deliverables.map((d, j) => (j === i ? { ...d, delivered: null } : d)) },
          t,
        );
        const asLate = run(
          {
            ...c,
            deliverables: c.deliverables.map((d, j) => (j === i ? { ...d, delivered: statementDay } : d)),
          },
          t,
        );
        const cost = (r: CompensationResult) =>
          r.penalties.filter((p) => p.deliverable === `d${i}`).reduce((a, p) => a.plus(p.amount), dec('0'));
        expect(cost(asMissing).greaterThanOrEqualTo(cost(asLate))).toBe(true);
        expect(dec(asMissing.penaltiesTotal).greaterThanOrEqualTo(asLate.penaltiesTotal)).toBe(true);
        expect(dec(asMissing.total).lessThanOrEqualTo(asLate.total)).toBe(true);
      }),
      RUNS,
    );
  });

  it('indemnity and service-credit totals differ by the VAT on the penalties, before rounding', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const ind = run(c, 'indemnity');
        const sc = run(c, 'service_credit');
        // The same penalties, the same price: only where VAT is computed differs.
        fc.pre(ind.penaltiesTotal === sc.penaltiesTotal);
        const diff = dec(ind.totalBeforeRounding).minus(sc.totalBeforeRounding);
        expect(diff.equals(dec(ind.vat).minus(sc.vat))).toBe(true);
        // The VAT on the penalties, to within the two VAT roundings to the cent (half a cent each).
        const onPenalties = dec(ind.penaltiesTotal).times(c.vat).dividedBy(100);
        expect(diff.minus(onPenalties).abs().lessThanOrEqualTo('0.01')).toBe(true);
        expect(diff.greaterThanOrEqualTo(0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('with whole-cent VAT, the two totals differ exactly by the VAT on the penalties', () => {
    const whole = fc.record({
      fees: fc.array(
        fc.integer({ min: 0, max: 20_000 }).map((n) => `${n}.00`),
        { minLength: 1, maxLength: 3 },
      ),
      vat: fc.constantFrom('0', '5', '10', '20'),
      rounding: fc.constant('0.01'),
      missing: fc.integer({ min: 0, max: 3_000 }).map(String),
      late: fc.integer({ min: 0, max: 300 }).map(String),
      cap: fc.constant(null),
      deliverables: cases.map((c) => c.deliverables),
    });
    fc.assert(
      fc.property(whole, (c) => {
        const ind = run(c, 'indemnity');
        const sc = run(c, 'service_credit');
        fc.pre(ind.penaltiesTotal === sc.penaltiesTotal);
        const diff = dec(ind.total).minus(sc.total);
        expect(diff.toFixed(2)).toBe(dec(ind.penaltiesTotal).times(c.vat).dividedBy(100).toFixed(2));
      }),
      RUNS,
    );
  });
});
