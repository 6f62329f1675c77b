/**
 * The languages the terminal speaks and their plural rules. French counts 0 as singular
 * ("0 livrable"), English does not ("0 deliverables"): Intl.PluralRules knows both.
 */
export type TerminalLang = 'en' | 'fr';

export const TERMINAL_LANGS: readonly TerminalLang[] = ['en', 'fr'];

const rules = new Map<string, Intl.PluralRules>();

/** The form of a word for a count: `one` when the language calls `n` singular, else `other`. */
export function plural(lang: string, n: number, forms: { one: string; other: string }): string {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n) === 'one' ? forms.one : forms.other;
}
