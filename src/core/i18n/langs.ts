/**
 * The languages of the documents and how each counts: apart from the catalogs (./index.ts), so
 * that the plan model (../plan.ts) and the terminal's words (./terminal/plural.ts) know them
 * without loading the four catalogs.
 */
export const LANGS = ['fr', 'en', 'de', 'it'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The plural category of `n` in a language: "one" or "other" (and CLDR's others, e.g. "many"). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang).select(n);
}
