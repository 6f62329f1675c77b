/**
 * The compensation summary (`exitkit compensation`; docs/FORMAT.md, "walk --json and
 * compensation --json"):
 * what the client owes the outgoing provider for the reversibility work, minus penalties, and
 * whether the held-back final payment can be released. Pure: plan, optional manifest and
 * verification, and a date in; every amount out as a decimal string.
 *
 * The rules, in the order they apply:
 * 1. each fee line is its amount, or quantity × unit price, to the cent half up;
 * 2. a required deliverable neither delivered intact nor waived costs `missing_required`;
 * 3. a deliverable handed over after its due date costs `late_per_day` per day late, counted
 *    from the manifest's creation date (UTC); without a manifest, from the given date; a missing
 *    deliverable is charged as missing, not also as late;
 * 4. penalties are capped at `cap_percent` % of the fees' subtotal (to the cent, half up);
 * 5. subtotal = fees − capped penalties, never below zero;
 * 6. VAT = `vat_percent` % of the subtotal, to the cent, half up;
 * 7. total = subtotal + VAT, rounded half up to the plan's `rounding` step;
 * 8. the final payment is releasable only when a verification found the handover ok and complete.
 */
import { ExitkitError } from './errors.js';
import type { Manifest, Verification } from './manifest.js';
import type { Deliverable, ExitPlan, IsoDate, Language } from './plan.js';
import { formatDate } from './dates.js';
import { say, words as catalog, type Lang, type Words as Catalog } from './i18n/index.js';
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
  /** Days past the due date (cause "late"). */
  daysLate?: number;
  due?: IsoDate;
  /** The per-unit rate from the plan (per deliverable, or per day). */
  rate: string;
}

/** Why the final payment is held back, each in words and with a code scripts can test. */
export interface Hold {
  code: 'no-verification' | 'signature' | 'archive' | 'incomplete' | 'altered' | 'not-ok' | 'other-plan';
  message: string;
}

export interface CompensationResult {
  plan: { id: string; title: string; contract: string };
  parties: { client: string; outgoing: string };
  language: Language;
  currency: string;
  /** The date of the summary. */
  date: IsoDate;
  /** The handover date lateness is counted from, and where it comes from. */
  handover: { date: IsoDate; basis: 'manifest' | 'date' };
  /** Where "delivered" comes from: the verification, the manifest, or the plan's statuses. */
  evidence: 'verification' | 'manifest' | 'plan';
  fees: FeeResult[];
  feesSubtotal: string;
  penalties: PenaltyResult[];
  penaltiesBeforeCap: string;
  cap: { percent: string; amount: string; applied: boolean } | null;
  /** Penalties actually deducted (after the cap, and never more than the fees). */
  penaltiesTotal: string;
  subtotal: string;
  vatPercent: string;
  vat: string;
  /** subtotal + VAT before rounding to the step. */
  totalBeforeRounding: string;
  rounding: string;
  roundingAdjustment: string;
  total: string;
  finalPayment: {
    amount: string;
    /** "plan" when the plan names it, "total" when it does not (the total is then what is held). */
    basis: 'plan' | 'total';
    due?: IsoDate;
    releasable: boolean;
    holds: Hold[];
  };
  /** The rules applied, in words, in the document's language. */
  rules: string[];
}

export interface CompensationInput {
  plan: ExitPlan;
  manifest?: Manifest;
  verification?: Verification;
  /** Today, or the date the summary is for (YYYY-MM-DD). */
  date: IsoDate;
  language?: Language;
}

/** Days from `from` to `to` (calendar days, UTC); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** Checks that a manifest and a verification concern this plan (else the summary would lie). */
export function checkEvidence(plan: ExitPlan, manifest?: Manifest, verification?: Verification): void {
  if (manifest && manifest.plan?.id !== plan.id) {
    throw new ExitkitError(`the manifest is for the plan "${manifest.plan?.id}", not "${plan.id}"`, {
      hints: ['give the manifest that `exitkit bundle` wrote for this plan'],
    });
  }
  if (verification && verification.manifest?.planId !== plan.id) {
    throw new ExitkitError(
      `the verification is for the plan "${verification.manifest?.planId}", not "${plan.id}"`,
      { hints: ['give what `exitkit verify --json` wrote for the manifest of this plan'] },
    );
  }
  if (manifest && verification && verification.manifest.created !== manifest.created) {
    throw new ExitkitError('the verification and the manifest do not concern the same bundle', {
      hints: [
        `the manifest was created ${manifest.created}, the verified one ${verification.manifest.created}`,
        'run `exitkit verify` again on this manifest',
      ],
    });
  }
}

/**
 * The handover date lateness is counted from (a deliverable is late when the manifest's creation
 * date is past its due date): the manifest's, or the verified manifest's, creation day in UTC; without
 * either, the given date (and the summary says so).
 */
export function handoverOf(input: CompensationInput): { date: IsoDate; basis: 'manifest' | 'date' } {
  const created = input.manifest?.created ?? input.verification?.manifest.created;
  return created ? { date: created.slice(0, 10), basis: 'manifest' } : { date: input.date, basis: 'date' };
}

/** What the evidence says of one deliverable: handed over intact, waived, or neither. */
export interface DeliverableState {
  waived: boolean;
  delivered: boolean;
  /** null when unknown (not decrypted, or no verification). */
  intact: boolean | null;
  missing: boolean;
  daysLate: number;
  late: boolean;
}

/**
 * The state of each deliverable from the best evidence at hand: a verification, else a manifest,
 * else the plan's own statuses (ready or delivered counts as handed over, as of `date`).
 */
export function deliverableStates(input: CompensationInput): Map<string, DeliverableState> {
  const { plan, manifest, verification } = input;
  const handoverDate = handoverOf(input).date;
  const states = new Map<string, DeliverableState>();
  for (const d of plan.deliverables) {
    const m = manifest?.deliverables.find((x) => x.id === d.id);
    const v = verification?.deliverables.find((x) => x.id === d.id);
    const waived =
      (d.status === 'waived' && d.waiver !== undefined) || m?.status === 'waived' || v?.status === 'waived';
    let delivered: boolean;
    let intact: boolean | null = null;
    if (verification) {
      delivered = v?.delivered ?? false;
      intact = v ? v.intact : null;
      if (v && verification.missing.includes(d.id)) delivered = false;
    } else if (manifest) {
      delivered = m?.delivered ?? false;
    } else {
      delivered = d.status === 'ready' || d.status === 'delivered';
    }
    const handedOver = delivered && intact !== false;
    const missing = d.required && !waived && !handedOver;
    const daysLate = d.due && handedOver && !waived ? Math.max(0, daysBetween(d.due, handoverDate)) : 0;
    states.set(d.id, { waived, delivered, intact, missing, daysLate, late: daysLate > 0 });
  }
  return states;
}

export function computeCompensation(input: CompensationInput): CompensationResult {
  const { plan, manifest, verification } = input;
  const lang = input.language ?? plan.language;
  const words = sentences(lang);
  const c = plan.compensation;
  if (!c) {
    throw new ExitkitError(`the plan "${plan.id}" has no compensation section`, {
      hints: [
        'add compensation: {currency, vat_percent, rounding, fees, penalties} (see plans/exit-plan.schema.json)',
      ],
    });
  }
  checkEvidence(plan, manifest, verification);

  const fees: Array<FeeResult & { value: Money }> = c.fees.map((f, i) => {
    const what = `compensation.fees[${i}]`;
    if (f.amount !== undefined) {
      const value = toCent(parseAmount(f.amount, `${what}.amount`));
      return { label: f.label, amount: toAmountString(value), value };
    }
    if (f.quantity === undefined || f.unit_price === undefined) {
      throw new ExitkitError(`${what} ("${f.label}") has neither an amount nor quantity and unit_price`, {
        hints: ['write amount: 4500, or quantity: 10 with unit_price: 1200'],
      });
    }
    const q = parseAmount(f.quantity, `${what}.quantity`);
    const p = parseAmount(f.unit_price, `${what}.unit_price`);
    const value = toCent(q.times(p));
    return {
      label: f.label,
      amount: toAmountString(value),
      quantity: toPlainString(q),
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      unitPrice: toAmountString(p),
      value,
    };
  });
  const feesSubtotal = sum(fees.map((f) => f.value));

  const handover = handoverOf(input);
  const states = deliverableStates(input);
  const missingRate = c.penalties.missing_required
    ? parseAmount(c.penalties.missing_required, 'compensation.penalties.missing_required')
    : zero();
  const lateRate = c.penalties.late_per_day
    ? parseAmount(c.penalties.late_per_day, 'compensation.penalties.late_per_day')
    : zero();
  const penalties: Array<PenaltyResult & { value: Money }> = [];
  for (const d of plan.deliverables) {
    const s = states.get(d.id)!;
    if (s.missing && !missingRate.isZero()) {
      const value = toCent(missingRate);
      penalties.push({
        ...penaltyBase(d),
        label: words.missingLabel(d, s),
        amount: toAmountString(value),
        cause: 'missing',
        rate: toAmountString(missingRate),
        value,
      });
    }
    if (s.late && !lateRate.isZero()) {
      const value = toCent(lateRate.times(s.daysLate));
      penalties.push({
        ...penaltyBase(d),
        label: words.lateLabel(d, s.daysLate),
        amount: toAmountString(value),
        cause: 'late',
        daysLate: s.daysLate,
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
  // Penalties reduce the fees; they never turn into a debt of the provider.
  const penaltiesTotal = min(capped, feesSubtotal);
  const subtotal = max(feesSubtotal.minus(penaltiesTotal), zero());
  const vatPercent = parseAmount(c.vat_percent, 'compensation.vat_percent');
  const vat = percentOf(subtotal, vatPercent);
  const totalBeforeRounding = subtotal.plus(vat);
  const step = parseAmount(c.rounding ?? '0.01', 'compensation.rounding');
  const total = toStep(totalBeforeRounding, step);

  const holds = holdsOf(plan, verification, states, words);
  const finalAmount = c.final_payment
    ? toCent(parseAmount(c.final_payment.amount, 'compensation.final_payment.amount'))
    : total;

  const result: CompensationResult = {
    plan: { id: plan.id, title: plan.title, contract: plan.contract.reference },
    parties: { client: plan.parties.client.name, outgoing: plan.parties.outgoing.name },
    language: lang,
    currency: c.currency,
    date: input.date,
    handover,
    evidence: verification ? 'verification' : manifest ? 'manifest' : 'plan',
    fees: fees.map(({ value: _v, ...f }) => f),
    feesSubtotal: toAmountString(feesSubtotal),
    penalties: penalties.map(({ value: _v, ...p }) => p),
    penaltiesBeforeCap: toAmountString(penaltiesBeforeCap),
    cap,
    penaltiesTotal: toAmountString(penaltiesTotal),
    subtotal: toAmountString(subtotal),
    vatPercent: toPlainString(vatPercent),
    vat: toAmountString(vat),
    totalBeforeRounding: toAmountString(totalBeforeRounding),
    rounding: toPlainString(step),
    roundingAdjustment: toAmountString(total.minus(totalBeforeRounding)),
    total: toAmountString(total),
    finalPayment: {
      amount: toAmountString(finalAmount),
      basis: c.final_payment ? 'plan' : 'total',
      ...(c.final_payment?.due ? { due: c.final_payment.due } : {}),
      releasable: holds.length === 0,
      holds,
    },
    rules: [],
  };
  const fm = (v: Money) => formatMoney(v, c.currency, lang);
  result.rules = words.rules(result, {
    missing: fm(missingRate),
    late: fm(lateRate),
    cap: cap ? fm(parseAmount(cap.amount)) : '',
    capPercent: cap ? formatPercent(cap.percent, lang, c.currency) : '',
    step: fm(step),
    vat: formatPercent(toPlainString(vatPercent), lang, c.currency),
    handover: formatDate(handover.date, lang),
  });
  return result;
}

function penaltyBase(d: Deliverable) {
  return { deliverable: d.id, title: d.title, ...(d.due ? { due: d.due } : {}) };
}

function holdsOf(
  plan: ExitPlan,
  verification: Verification | undefined,
  states: Map<string, DeliverableState>,
  words: Words,
): Hold[] {
  if (!verification) return [{ code: 'no-verification', message: words.noVerification }];
  const holds: Hold[] = [];
  if (!verification.signature.valid)
    holds.push({ code: 'signature', message: words.badSignature(verification.signature.reason) });
  if (!verification.archive.ok)
    holds.push({ code: 'archive', message: words.badArchive(verification.archive.reason) });
  const missing = [
    ...new Set([
      ...verification.missing,
      ...plan.deliverables.filter((d) => states.get(d.id)?.missing).map((d) => d.id),
    ]),
  ];
  if (!verification.complete || missing.length)
    holds.push({ code: 'incomplete', message: words.incomplete(missing) });
  const f = verification.files;
  const damaged = f ? [...f.altered, ...f.missing, ...f.truncated, ...f.extra, ...f.unsafe] : [];
  if (damaged.length) holds.push({ code: 'altered', message: words.altered(damaged) });
  if (!verification.ok && holds.length === 0)
    holds.push({ code: 'not-ok', message: words.notOk(verification.faults) });
  return holds;
}

type Words = ReturnType<typeof sentences>;
/** The rates of the rules, already written for the reader. */
interface Rates {
  missing: string;
  late: string;
  cap: string;
  capPercent: string;
  step: string;
  vat: string;
  handover: string;
}

const list = (items: string[], max = 5) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} (+${items.length - max})`;

/** The summary's sentences in a document language, from its catalog (labels end up in `--json` too). */
function sentences(lang: Lang) {
  const t: Catalog = catalog(lang);
  const why = (reason?: string) => (reason ? say(lang, t.compensation.holds.because, { why: reason }) : '');
  return {
    missingLabel: (d: Deliverable, s: DeliverableState) =>
      say(
        lang,
        s.delivered && s.intact === false
          ? t.compensation.penalties.notIntactLabel
          : t.compensation.penalties.missingLabel,
        { title: d.title, id: d.id },
      ),
    lateLabel: (d: Deliverable, days: number) =>
      say(lang, t.compensation.penalties.lateLabel, { count: days, title: d.title, id: d.id }),
    noVerification: t.compensation.holds.noVerification,
    badSignature: (reason?: string) => t.compensation.holds.badSignature + why(reason),
    badArchive: (reason?: string) => t.compensation.holds.badArchive + why(reason),
    incomplete: (ids: string[]) =>
      ids.length
        ? say(lang, t.compensation.holds.incomplete, { ids: list(ids) })
        : t.compensation.holds.incompleteNoIds,
    altered: (paths: string[]) => say(lang, t.compensation.holds.altered, { paths: list(paths) }),
    notOk: (faults: string[]) =>
      t.compensation.holds.notOk +
      (faults.length ? say(lang, t.compensation.holds.faults, { faults: list(faults, 3) }) : ''),
    rules: (res: CompensationResult, rates: Rates): string[] => [
      t.compensation.rules.exact,
      say(lang, t.compensation.rules.missing, { rate: rates.missing }),
      say(
        lang,
        res.handover.basis === 'manifest'
          ? t.compensation.rules.lateFromManifest
          : t.compensation.rules.lateToDate,
        { rate: rates.late, date: rates.handover },
      ),
      res.cap
        ? say(lang, t.compensation.rules.capped, { percent: rates.capPercent, cap: rates.cap })
        : t.compensation.rules.uncapped,
      say(lang, t.compensation.rules.vat, { percent: rates.vat }),
      say(lang, t.compensation.rules.rounding, { step: rates.step }),
      t.compensation.rules.release,
    ],
  };
}
