/**
 * Exact money: amounts are decimals, never binary floats. They are parsed
 * from the plan's decimal strings as written ("8.10", "4500"), computed with decimal.js, rounded
 * half up (to the cent, or to the plan's step such as CHF 0.05) and handed out as decimal strings
 * with two decimals ("21924.50"). A JavaScript number never holds an amount.
 */
import { Decimal } from 'decimal.js';
import { ExitkitError } from './errors.js';

/** Our own Decimal: enough precision for any invoice, half up (ROUND_HALF_UP) by default. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Money = InstanceType<typeof D>;

/** A decimal amount as the plan writes it: digits, optionally a point and more digits. */
const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * Parses an amount written in the plan. Only the plain decimal form is accepted ("4500", "8.1",
 * "0.05"); exponents, signs, commas or currency signs are refused, so that nothing is guessed.
 */
export function parseAmount(text: string, what = 'amount'): Money {
  const s = String(text).trim();
  if (!AMOUNT.test(s)) {
    throw new ExitkitError(`${what} "${text}" is not a decimal amount`, {
      hints: ['write it like 4500 or 1200.50, without a currency sign or thousands separator'],
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
 * float): Intl's conventions on Node 20 (ICU 7x) are the reference, with one choice of ours.
 * - French, CHF (Swiss readers): "CHF 21 924.50": the code first as on Swiss invoices and
 *   QR-bills, a narrow no-break space (U+202F) between thousands as fr-CH does, a decimal point.
 *   (Intl's fr-CH gives "21 924.50 CHF"; Swiss invoices put the code first.)
 * - French, any other currency (French readers): "21 924,50 €": U+202F between thousands, a
 *   decimal comma, a no-break space then the symbol (as fr-FR does).
 * - English: "CHF 21,924.50" / "EUR 21,924.50": the code, a no-break space, commas and a point.
 */
export function formatMoney(amount: string | Money, currency: string, lang: 'fr' | 'en'): string {
  const value = typeof amount === 'string' ? new D(amount) : amount;
  const negative = value.isNegative() && !value.isZero();
  const [whole = '0', cents = '00'] = toCent(value.abs()).toFixed(2).split('.');
  const NNBSP = '\u202f';
  const NBSP = '\u00a0';
  let body: string;
  if (lang === 'fr' && currency !== 'CHF') {
    body = `${group(whole, NNBSP)},${cents}${NBSP}${currency === 'EUR' ? '€' : currency}`;
  } else {
    body = `${currency}${NBSP}${group(whole, lang === 'fr' ? NNBSP : ',')}.${cents}`;
  }
  return negative ? `−${body}` : body;
}

/**
 * A plain number for a reader (quantities, percentages): "8,1" in French (fr-CH and fr-FR alike
 * write a decimal comma outside amounts: "TVA 8,1 %"), "8.1" in English.
 */
export function formatNumber(text: string, lang: 'fr' | 'en'): string {
  const value = new D(text);
  const [whole = '0', frac] = value.abs().toFixed().split('.');
  const grouped = group(whole, lang === 'fr' ? '\u202f' : ',');
  return `${value.isNegative() ? '−' : ''}${grouped}${frac ? (lang === 'fr' ? ',' : '.') + frac : ''}`;
}

/** A percentage for a reader: "8,1 %" (no-break space) in French, "8.1%" in English. */
export function formatPercent(text: string, lang: 'fr' | 'en'): string {
  return lang === 'fr' ? `${formatNumber(text, lang)}\u00a0%` : `${formatNumber(text, lang)}%`;
}

function group(digits: string, sep: string): string {
  // Four-digit numbers are grouped too ("4 500"), as Intl does for fr and en.
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
