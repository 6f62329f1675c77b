/**
 * The languages the terminal speaks (two of the documents' four), and the plural form of a word
 * by the same rules as the documents (../langs.ts): French says "0 livrable",
 * English "0 deliverables".
 */
import { pluralCategory, type Lang } from '../langs.js';

export type TerminalLang = Extract<Lang, 'en' | 'fr'>;

export const TERMINAL_LANGS: readonly TerminalLang[] = ['en', 'fr'];

/** The form of a word for a count: `one` when the language calls `n` singular, else `other`. */
export function plural(lang: TerminalLang, n: number, forms: { one: string; other: string }): string {
  return pluralCategory(lang, n) === 'one' ? forms.one : forms.other;
}
