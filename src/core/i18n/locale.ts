/**
 * Which region's conventions a document follows: the language, and the plan's currency for the
 * country (CHF: Switzerland; any other currency: the language's home country). English is always
 * written the British way. Dates do not depend on the region (de-CH and de-DE write them alike).
 */
import type { Lang } from './index.js';

export type Locale = 'en-GB' | 'fr-CH' | 'fr-FR' | 'de-CH' | 'de-DE' | 'it-CH' | 'it-IT';

export function localeOf(lang: Lang, currency = 'CHF'): Locale {
  if (lang === 'en') return 'en-GB';
  const swiss = currency === 'CHF';
  if (lang === 'fr') return swiss ? 'fr-CH' : 'fr-FR';
  if (lang === 'de') return swiss ? 'de-CH' : 'de-DE';
  return swiss ? 'it-CH' : 'it-IT';
}

/** How a locale writes numbers: thousands separator and decimal mark (amounts may differ, see money.ts). */
export function numberMarks(locale: Locale): { group: string; decimal: string } {
  switch (locale) {
    case 'en-GB':
      return { group: ',', decimal: '.' };
    case 'fr-CH':
    case 'fr-FR':
      // fr-CH and fr-FR alike write a decimal comma outside amounts ("TVA 8,1 %").
      return { group: '\u202f', decimal: ',' };
    case 'de-CH':
    case 'it-CH':
      return { group: "'", decimal: '.' };
    case 'de-DE':
    case 'it-IT':
      return { group: '.', decimal: ',' };
  }
}
