/**
 * Exact money: amounts are decimals, never binary floats. They are parsed
 * from the plan's decimal strings as written ("8.10", "4500"), computed with decimal.js, rounded
 * half up (to the cent, or to the plan's step such as CHF 0.05) and handed out as decimal strings
 * with two decimals ("21924.50"). A JavaScript number never holds an amount.
 */
import { Decimal } from 'decimal.js';
import { ExitkitError } from './errors.js';
import type { Lang } from './i18n/index.js';
import { localeOf, numberMarks } from './i18n/locale.js';

/** Our own Decimal: enough precision for any invoice, half up (ROUND_HALF_UP) by default. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Money = InstanceType<typeof D>;

/** A decimal amount as the plan writes it: digits, optionally a point and more digits. */
const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * Parses an amount written in the plan. Only the plain decimal form is accepted ("4500", "8.1",
 * "0.05"); exponents, signs, commas or currency signs are refused, so that nothing is guessed.
 */
export function parseAmount(text: string, what?: string): Money {
  const s = String(text).trim();
  if (!AMOUNT.test(s)) {
    throw new ExitkitError((m) => m.money.notAmount(what, text), {
      hints: [(m) => m.money.notAmountHint],
    });
  }
  return new D(s);
}

export function zero(): Money {
  return new D(0);
}

export function sum(values: readonly Money[]): Money {
  return values.reduce((a, b) => a.plus(b), new D(0));
}

/** Rounds to the cent, half up (0.005 -> 0.01). */
export function toCent(value: Money): Money {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Rounds half up to a multiple of `step` (CHF invoices: 0.05, so 10.025 -> 10.05 and
 * 10.075 -> 10.10). A step of zero means "to the cent".
 */
export function toStep(value: Money, step: Money): Money {
  if (step.isZero()) return toCent(value);
  return value.dividedBy(step).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(step);
}

/** `percent` % of `value`, to the cent, half up (8.1 % of 33.33 = 2.69973 -> 2.70). */
export function percentOf(value: Money, percent: Money): Money {
  return toCent(value.times(percent).dividedBy(100));
}

export function max(a: Money, b: Money): Money {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

export function min(a: Money, b: Money): Money {
  return a.lessThanOrEqualTo(b) ? a : b;
}

/** The amount as the JSON and the templates carry it: two decimals, a point, no grouping ("21924.50"). */
export function toAmountString(value: Money): string {
  return toCent(value).toFixed(2);
}

/** A percentage or a quantity as written, without trailing zeros ("8.1", "10"). */
export function toPlainString(value: Money): string {
  return value.toFixed();
}

/**
 * How an amount is written for a reader. Built by hand from the decimal string (never through a
 * float): Intl's conventions on Node 20 (ICU 7x) are the reference, with choices of ours.
 * - French, CHF (Swiss readers): "CHF 21 924.50": the code first as on Swiss invoices and
 *   QR-bills, a narrow no-break space (U+202F) between thousands as fr-CH does, a decimal point.
 *   (Intl's fr-CH gives "21 924.50 CHF"; Swiss invoices put the code first.)
 * - German and Italian, CHF (de-CH, it-CH): "CHF 21'924.50", an apostrophe between thousands.
 * - French, German or Italian in any other currency (readers in France, Germany, Italy): the
 *   amount then the symbol: "21 924,50 €" (fr-FR), "21.924,50 €" (de-DE, it-IT).
 * - English: "CHF 21,924.50" / "EUR 21,924.50": the code, a no-break space, commas and a point.
 * Four-digit amounts are grouped too ("CHF 4'500.00"), so that a column of amounts lines up
 * (Intl's it-CH would write "4500.00").
 */
export function formatMoney(amount: string | Money, currency: string, lang: Lang): string {
  const value = typeof amount === 'string' ? new D(amount) : amount;
  const negative = value.isNegative() && !value.isZero();
  const [whole = '0', cents = '00'] = toCent(value.abs()).toFixed(2).split('.');
  const locale = localeOf(lang, currency);
  const NBSP = '\u00a0';
  let body: string;
  if (locale === 'en-GB' || currency === 'CHF') {
    const sep = locale === 'en-GB' ? ',' : numberMarks(locale).group;
    body = `${currency}${NBSP}${group(whole, sep)}.${cents}`;
  } else {
    const { group: sep, decimal } = numberMarks(locale);
    body = `${group(whole, sep)}${decimal}${cents}${NBSP}${currency === 'EUR' ? '€' : currency}`;
  }
  return negative ? `−${body}` : body;
}

/**
 * A plain number for a reader (quantities, percentages), in the locale of the language and the
 * plan's currency: "8,1" in French, "8.1" in English and Swiss German or Italian, "8,1" in German
 * or Italian outside Switzerland.
 */
export function formatNumber(text: string, lang: Lang, currency = 'CHF'): string {
  const value = new D(text);
  const marks = numberMarks(localeOf(lang, currency));
  const [whole = '0', frac] = value.abs().toFixed().split('.');
  return `${value.isNegative() ? '−' : ''}${group(whole, marks.group)}${frac ? marks.decimal + frac : ''}`;
}

/**
 * A percentage for a reader, as Intl writes it: "8,1 %" (no-break space) in French and in
 * German outside Switzerland, "8.1%" in English, Swiss German and Italian, "8,1%" in Italian.
 */
export function formatPercent(text: string, lang: Lang, currency = 'CHF'): string {
  const locale = localeOf(lang, currency);
  const space = locale === 'fr-CH' || locale === 'fr-FR' || locale === 'de-DE' ? '\u00a0' : '';
  return `${formatNumber(text, lang, currency)}${space}%`;
}

function group(digits: string, sep: string): string {
  // Four-digit numbers are grouped too ("4 500"), as Intl does for fr and en.
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
