/**
 * Dates as a reader writes them, in the document's language: "31 December 2026",
 * "1er octobre 2026", short "10 déc. 2026"; a date-time with its UTC time. Pure (Intl only), and
 * always in UTC so that a YYYY-MM-DD date never shifts by a day with the machine's time zone.
 */
import type { Language } from './plan.js';

export function formatDate(value: string, lang: Language, style: 'long' | 'short' = 'long'): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  const locale = lang === 'fr' ? 'fr-CH' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: style === 'short' ? 'short' : 'long',
    year: 'numeric',
  }).format(d);
  // French writes the first of the month as an ordinal: "1er octobre 2026".
  const dayText = lang === 'fr' ? day.replace(/^1 /, '1er ') : day;
  if (value.length === 10) return dayText;
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return lang === 'fr' ? `${dayText}, ${time.replace(':', ' h ')} UTC` : `${dayText}, ${time} UTC`;
}
