/**
 * The compensation summary, *décompte de réversibilité* (`exitkit compensation`; README.md, "The
 * plan": the money; docs/FORMAT.md, "walk --json and compensation --json"): the price of the reversibility services, the
 * contractual penalties set against it, VAT, the amount due, the part of it held back and whether
 * that part can be released. Pure: plan and evidence in, every amount out as a decimal string.
 *
 * The rules, in the order they apply:
 * 1. each fee line is its amount, or quantity × unit price, to the cent half up;
 * 2. only a deliverable the outgoing provider owes costs it a penalty; a missing deliverable owed by
 *    the client (or the incoming provider) holds completeness and is listed as that party's own
 *    open obligation;
 * 3. a deliverable handed over after its due date costs `late_per_day` a day, from its due date
 *    to its own delivery date (src/core/deliveries.ts);
 * 4. a required deliverable neither handed over intact nor waived costs the greater of
 *    `missing_required` and what it would cost delivered late on the statement's date: never
 *    delivering never costs less than delivering late (and it is not also charged as late);
 * 5. penalties are capped at `cap_percent` % of the fees before VAT (to the cent, half up);
 * 6. indemnity (the default): VAT is on the fees alone and the penalties are set off after VAT,
 *    never beyond the amount due; service credit: the penalties lower the taxable base before
 *    VAT, never below zero;
 * 7. VAT = `vat_percent` % of the taxable base (`subtotal`), to the cent, half up;
 * 8. the amount due (`total`) is rounded half up to the plan's `rounding` step;
 * 9. the final payment is the part of the amount due the client holds back, released only when
 *    every condition of `release_when` holds (src/core/release.ts).
 */
import { formatDate } from './dates.js';
import { checkEvidence, deliverableStates, handoverOf, type DeliverableState } from './deliveries.js';
import { ExitkitError } from './errors.js';
import { say, words, type Words } from './i18n/index.js';
import type { Manifest, Verification } from './manifest.js';
import {
  DEFAULT_RELEASE_WHEN,
  labelIn,
  type Deliverable,
  type ExitPlan,
  type IsoDate,
  type Language,
  type PenaltyTreatment,
  type Role,
} from './plan.js';
import {
  evaluateRelease,
  releaseWords,
  type AttestationEvidence,
  type ConditionResult,
  type ReceiptEvidence,
} from './release.js';
import {
  formatMoney,
  formatPercent,
  max,
  min,
  parseAmount,
  percentOf,
  sum,
  toAmountString,
  toCent,
  toPlainString,
  toStep,
  zero,
  type Money,
} from './money.js';

export { daysBetween, deliverableStates, handoverOf } from './deliveries.js';

export interface FeeResult {
  label: string;
  /** Decimal string, two decimals. */
  amount: string;
  quantity?: string;
  unit?: string;
  unitPrice?: string;
}

export interface PenaltyResult {
  label: string;
  /** Decimal string, two decimals, before the cap. */
  amount: string;
  deliverable: string;
  title: string;
  cause: 'missing' | 'late';
  /** Late: days between its due date and its delivery. Missing: days past due on the statement's date. */
  daysLate?: number;
  due?: IsoDate;
  /** Late, or missing charged at what lateness to the statement's date costs: per day. */
  per: 'deliverable' | 'day';
  /** The rate from the plan (per deliverable, or per day). */
  rate: string;
}

/** A required deliverable another party owes, not handed over: its own open obligation. */
export interface Obligation {
  owner: Exclude<Role, 'outgoing'>;
  party: string;
  deliverable: string;
  title: string;
  due?: IsoDate;
}

export interface CompensationResult {
  plan: { id: string; title: string; contract: string };
  parties: { client: string; outgoing: string; incoming?: string };
  language: Language;
  currency: string;
  /** The date of the statement. */
  date: IsoDate;
  /** The handover date (the manifest's), and where it comes from. */
  handover: { date: IsoDate; basis: 'manifest' | 'date' };
  /** Where "delivered" comes from: the verification, the manifest, or the plan's statuses. */
  evidence: 'verification' | 'manifest' | 'plan';
  treatment: PenaltyTreatment;
  /** What the contract calls its penalty, when the plan says (penalties.label). */
  penaltyName?: string;
  fees: FeeResult[];
  feesSubtotal: string;
  penalties: PenaltyResult[];
  penaltiesBeforeCap: string;
  cap: { percent: string; amount: string; applied: boolean } | null;
  /** Penalties counted: after the cap, never beyond what they are set against. */
  penaltiesTotal: string;
  /** The taxable base: the fees, less the penalties only when they are service credits. */
  subtotal: string;
  vatPercent: string;
  vat: string;
  /** The taxable base with its VAT: the price including VAT. */
  withVat: string;
  /** Penalties set off after VAT (indemnity; "0.00" for service credits). */
  setOff: string;
  /** subtotal + VAT − set-off, before rounding to the step. */
  totalBeforeRounding: string;
  rounding: string;
  roundingAdjustment: string;
  /** The amount due, rounded to the step. */
  total: string;
  obligations: Obligation[];
  finalPayment: {
    /** The part of the amount due held back until release. */
    amount: string;
    /** "plan" when the plan names it, "total" when it does not (the whole amount due is held). */
    basis: 'plan' | 'total';
    /** The plan's amount, when the amount due is smaller (then all of it is held). */
    planned?: string;
    /** The rest of the amount due, payable now. */
    payableNow: string;
    due?: IsoDate;
    releasable: boolean;
    conditions: Array<ConditionResult & { label: string }>;
  };
  /** The rules applied, in words, in the document's language. */
  rules: string[];
}

export interface CompensationInput {
  plan: ExitPlan;
  manifest?: Manifest;
  verification?: Verification;
  /** Signed receipts given with --receipt, as checked against the plan's keys. */
  receipts?: readonly ReceiptEvidence[];
  attestation?: AttestationEvidence;
  /** Each deliverable's own delivery date, when deliveries came in waves. */
  deliveredOn?: ReadonlyMap<string, IsoDate>;
  /** Today, or the date the statement is for (YYYY-MM-DD). */
  date: IsoDate;
  language?: Language;
}

export function computeCompensation(input: CompensationInput): CompensationResult {
  const { plan, manifest, verification } = input;
  const lang = input.language ?? plan.language;
  const c = plan.compensation;
  if (!c) {
    throw new ExitkitError((m) => m.money.noCompensation(plan.id), {
      hints: [(m) => m.money.noCompensationHint],
    });
  }
  checkEvidence(plan, manifest, verification);

  const fees: Array<FeeResult & { value: Money }> = c.fees.map((f, i) => {
    const what = `compensation.fees[${i}]`;
    const label = labelIn(f.label, lang);
    if (f.amount !== undefined) {
      const value = toCent(parseAmount(f.amount, `${what}.amount`));
      return { label, amount: toAmountString(value), value };
    }
    if (f.quantity === undefined || f.unit_price === undefined) {
      throw new ExitkitError((m) => m.money.feeShape(what, label), {
        hints: [(m) => m.money.feeShapeHint],
      });
    }
    const q = parseAmount(f.quantity, `${what}.quantity`);
    const p = parseAmount(f.unit_price, `${what}.unit_price`);
    const value = toCent(q.times(p));
    return {
      label,
      amount: toAmountString(value),
      quantity: toPlainString(q),
      ...(f.unit !== undefined ? { unit: labelIn(f.unit, lang) } : {}),
      unitPrice: toAmountString(p),
      value,
    };
  });
  const feesSubtotal = sum(fees.map((f) => f.value));

  const handover = handoverOf(input);
  const states = deliverableStates(input);
  const rate = (k: 'missing_required' | 'late_per_day') =>
    c.penalties[k] ? parseAmount(c.penalties[k], `compensation.penalties.${k}`) : zero();
  const missingRate = rate('missing_required');
  const lateRate = rate('late_per_day');
  const penaltyName = c.penalties.label !== undefined ? labelIn(c.penalties.label, lang) : undefined;
  const w = sentences(lang, penaltyName);
  const penalties: Array<PenaltyResult & { value: Money }> = [];
  for (const d of plan.deliverables) {
    const s = states.get(d.id)!;
    // A deliverable the outgoing provider does not owe never costs it a penalty.
    if (d.owner !== 'outgoing') continue;
    if (s.missing) {
      const flat = toCent(missingRate);
      const asLate = toCent(lateRate.times(s.daysOverdue));
      const per = asLate.greaterThan(flat) ? 'day' : 'deliverable';
      const value = max(flat, asLate);
      if (value.isZero()) continue;
      penalties.push({
        ...penaltyBase(d),
        label: w.named(w.missingLabel(d, s)),
        amount: toAmountString(value),
        cause: 'missing',
        ...(d.due ? { daysLate: s.daysOverdue } : {}),
        per,
        rate: toAmountString(per === 'day' ? lateRate : missingRate),
        value,
      });
    } else if (s.late && !lateRate.isZero()) {
      const value = toCent(lateRate.times(s.daysLate));
      penalties.push({
        ...penaltyBase(d),
        label: w.named(w.lateLabel(d, s.daysLate)),
        amount: toAmountString(value),
        cause: 'late',
        daysLate: s.daysLate,
        per: 'day',
        rate: toAmountString(lateRate),
        value,
      });
    }
  }
  const penaltiesBeforeCap = sum(penalties.map((p) => p.value));
  let capped = penaltiesBeforeCap;
  let cap: CompensationResult['cap'] = null;
  if (c.penalties.cap_percent !== undefined) {
    const percent = parseAmount(c.penalties.cap_percent, 'compensation.penalties.cap_percent');
    const capAmount = percentOf(feesSubtotal, percent);
    cap = {
      percent: toPlainString(percent),
      amount: toAmountString(capAmount),
      applied: penaltiesBeforeCap.greaterThan(capAmount),
    };
    capped = min(penaltiesBeforeCap, capAmount);
  }

  const vatPercent = parseAmount(c.vat_percent, 'compensation.vat_percent');
  const treatment = c.penalties.treatment;
  let penaltiesTotal: Money;
  let subtotal: Money;
  let vat: Money;
  let setOff: Money;
  if (treatment === 'service_credit') {
    // A price reduction: it lowers the taxable base, never below zero.
    penaltiesTotal = min(capped, feesSubtotal);
    subtotal = feesSubtotal.minus(penaltiesTotal);
    vat = percentOf(subtotal, vatPercent);
    setOff = zero();
  } else {
    // An indemnity, outside the scope of VAT: set off against the amount due, never beyond it.
    subtotal = feesSubtotal;
    vat = percentOf(subtotal, vatPercent);
    penaltiesTotal = min(capped, subtotal.plus(vat));
    setOff = penaltiesTotal;
  }
  const totalBeforeRounding = subtotal.plus(vat).minus(setOff);
  const step = parseAmount(c.rounding ?? '0.01', 'compensation.rounding');
  const total = max(toStep(totalBeforeRounding, step), zero());

  const planned = c.final_payment
    ? toCent(parseAmount(c.final_payment.amount, 'compensation.final_payment.amount'))
    : total;
  const held = min(planned, total);
  const release = releaseWords(lang);
  const conditions = evaluateRelease(c.final_payment?.release_when ?? DEFAULT_RELEASE_WHEN, {
    plan,
    ...(manifest ? { manifest } : {}),
    ...(verification ? { verification } : {}),
    receipts: input.receipts ?? [],
    ...(input.attestation ? { attestation: input.attestation } : {}),
    states,
    date: input.date,
    language: lang,
  }).map((k) => ({ ...k, label: release.labels[k.id] }));

  const obligations: Obligation[] = plan.deliverables
    .filter((d) => d.owner !== 'outgoing' && states.get(d.id)?.missing)
    .map((d) => ({
      owner: d.owner as Obligation['owner'],
      party: plan.parties[d.owner]?.name ?? release.owner[d.owner],
      deliverable: d.id,
      title: d.title,
      ...(d.due ? { due: d.due } : {}),
    }));

  const result: CompensationResult = {
    plan: { id: plan.id, title: plan.title, contract: plan.contract.reference },
    parties: {
      client: plan.parties.client.name,
      outgoing: plan.parties.outgoing.name,
      ...(plan.parties.incoming ? { incoming: plan.parties.incoming.name } : {}),
    },
    language: lang,
    currency: c.currency,
    date: input.date,
    handover,
    evidence: verification ? 'verification' : manifest ? 'manifest' : 'plan',
    treatment,
    ...(penaltyName ? { penaltyName } : {}),
    fees: fees.map(({ value: _v, ...f }) => f),
    feesSubtotal: toAmountString(feesSubtotal),
    penalties: penalties.map(({ value: _v, ...p }) => p),
    penaltiesBeforeCap: toAmountString(penaltiesBeforeCap),
    cap,
    penaltiesTotal: toAmountString(penaltiesTotal),
    subtotal: toAmountString(subtotal),
    vatPercent: toPlainString(vatPercent),
    vat: toAmountString(vat),
    withVat: toAmountString(subtotal.plus(vat)),
    setOff: toAmountString(setOff),
    totalBeforeRounding: toAmountString(totalBeforeRounding),
    rounding: toPlainString(step),
    roundingAdjustment: toAmountString(total.minus(totalBeforeRounding)),
    total: toAmountString(total),
    obligations,
    finalPayment: {
      amount: toAmountString(held),
      basis: c.final_payment ? 'plan' : 'total',
      ...(planned.greaterThan(held) ? { planned: toAmountString(planned) } : {}),
      payableNow: toAmountString(total.minus(held)),
      ...(c.final_payment?.due ? { due: c.final_payment.due } : {}),
      releasable: conditions.every((k) => k.met),
      conditions,
    },
    rules: [],
  };
  const fm = (v: Money) => formatMoney(v, c.currency, lang);
  result.rules = w.rules(result, {
    missing: fm(missingRate),
    late: fm(lateRate),
    cap: cap ? fm(parseAmount(cap.amount)) : '',
    capPercent: cap ? formatPercent(cap.percent, lang) : '',
    step: fm(step),
    vat: formatPercent(toPlainString(vatPercent), lang),
    handover: formatDate(handover.date, lang),
    date: formatDate(input.date, lang),
    conditions: conditions.map((k) => k.label).join(release.and),
    inWaves: (input.deliveredOn?.size ?? 0) > 0,
  });
  return result;
}

function penaltyBase(d: Deliverable) {
  return { deliverable: d.id, title: d.title, ...(d.due ? { due: d.due } : {}) };
}

/** The rates of the rules, already written for the reader. */
interface Rates {
  missing: string;
  late: string;
  cap: string;
  capPercent: string;
  step: string;
  vat: string;
  handover: string;
  date: string;
  conditions: string;
  /** Deliveries came in waves: each deliverable has its own delivery date. */
  inWaves: boolean;
}

/** The summary's sentences in a document language, from its catalog (labels end up in `--json` too). */
function sentences(lang: Language, penaltyName?: string) {
  const t: Words = words(lang);
  return {
    /** A penalty line, after the contract's own name for its penalty when the plan gives one. */
    named: (label: string) =>
      penaltyName ? say(lang, t.compensation.penalties.prefixed, { name: penaltyName, label }) : label,
    missingLabel: (d: Deliverable, s: DeliverableState) =>
      say(
        lang,
        s.delivered && s.intact === false
          ? t.compensation.penalties.notIntactLabel
          : t.compensation.penalties.missingLabel,
        {
          title: d.title,
          id: d.id,
        },
      ),
    lateLabel: (d: Deliverable, days: number) =>
      say(lang, t.compensation.penalties.lateLabel, { count: days, title: d.title, id: d.id }),
    rules: (res: CompensationResult, rates: Rates): string[] => [
      t.compensation.rules.exact,
      t.compensation.rules.owner,
      say(
        lang,
        rates.inWaves
          ? t.compensation.rules.lateFromDeliveries
          : res.handover.basis === 'manifest'
            ? t.compensation.rules.lateFromManifest
            : t.compensation.rules.lateToDate,
        {
          rate: rates.late,
          date: rates.handover,
        },
      ),
      say(lang, t.compensation.rules.missing, { rate: rates.missing, date: rates.date }),
      res.cap
        ? say(lang, t.compensation.rules.capped, { percent: rates.capPercent, cap: rates.cap })
        : t.compensation.rules.uncapped,
      res.treatment === 'indemnity' ? t.compensation.rules.indemnity : t.compensation.rules.serviceCredit,
      say(lang, t.compensation.rules.vat, { percent: rates.vat, step: rates.step }),
      say(lang, t.compensation.rules.release, {
        how: res.treatment === 'indemnity' ? t.compensation.rules.setOff : t.compensation.rules.deducted,
        conditions: rates.conditions,
      }),
      t.compensation.rules.keyless,
    ],
  };
}
