/**
 * Dates as a reader writes them, in the document's language: "31 December 2026",
 * "1er octobre 2026", "1. Oktober 2026", "1º ottobre 2026", short "10 déc. 2026"; a date-time with
 * its UTC time ("16 h 05 UTC" in French, "16:05 UTC" otherwise). Pure (Intl only), and
 * always in UTC so that a YYYY-MM-DD date never shifts by a day with the machine's time zone.
 */
import type { Lang } from './i18n/index.js';

const DATE_LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-CH', de: 'de-CH', it: 'it-CH' };

export function formatDate(value: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  const locale = DATE_LOCALES[lang];
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: style === 'short' ? 'short' : 'long',
    year: 'numeric',
  }).format(d);
  // French and Italian write the first of the month as an ordinal: "1er octobre", "1º ottobre".
  const dayText =
    lang === 'fr' ? day.replace(/^1 /, '1er ') : lang === 'it' ? day.replace(/^1 /, '1º ') : day;
  if (value.length === 10) return dayText;
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return lang === 'fr' ? `${dayText}, ${time.replace(':', ' h ')} UTC` : `${dayText}, ${time} UTC`;
}
