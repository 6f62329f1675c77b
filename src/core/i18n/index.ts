/**
 * The words of exitkit, one typed catalog a language (en.ts, fr.ts, de.ts, it.ts): every word a
 * document prints lives there, and nowhere else. The English catalog is the reference: `Words` is
 * its shape with every text widened to `string`, and each other catalog is declared `: Words`, so
 * that a key missing or extra in a language fails to compile.
 *
 * A catalog is plain data, so that templates (ours and a provider's, as `{{t.…}}`) and code read
 * the same words. A message is either a text with `{name}` placeholders, or a plural: one text a
 * plural category (`one`, `other`; others fall back to `other`), chosen by Intl.PluralRules for the
 * language (French says "0 jour", English "0 days"), on the number `{count}` unless `by` names
 * another placeholder.
 *
 * Pure: no file, no environment. The terminal's messages can take a section here and use `say`.
 */
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pluralCategory, type Lang } from './langs.js';

export { isLang, LANGS, pluralCategory, type Lang } from './langs.js';

/** A text whose count decides its form (`{count}`, or the placeholder `by` names). */
export interface Plural {
  readonly one: string;
  readonly other: string;
  /** The placeholder whose number picks the form (default: count). */
  readonly by?: string;
}
export type Message = string | Plural;

/** The shape of a catalog: the English one, every text widened to string. */
type Shape<T> = T extends string
  ? string
  : T extends { readonly one: string; readonly other: string }
    ? Plural
    : T extends readonly (infer U)[]
      ? ReadonlyArray<Shape<U>>
      : { readonly [K in keyof T]: Shape<T[K]> };
export type Words = Shape<typeof en>;

const CATALOGS: Record<Lang, Words> = { en, fr, de, it };

/** The catalog of a language. */
export function words(lang: Lang): Words {
  return CATALOGS[lang];
}

export type Vars = Readonly<Record<string, string | number | undefined>>;

/**
 * A message with its placeholders filled: `say('fr', t.units.day, {count: 0})` → "0 jour".
 * A placeholder without a value is left as written, so that a slip shows instead of vanishing.
 */
export function say(lang: Lang, message: Message, vars: Vars = {}): string {
  const text = typeof message === 'string' ? message : pluralForm(lang, message, vars);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

function pluralForm(lang: Lang, message: Plural, vars: Vars): string {
  const n = Number(vars[message.by ?? 'count'] ?? 0);
  return pluralCategory(lang, n) === 'one' ? message.one : message.other;
}

/** Whether a catalog entry is a plural message. */
export function isPlural(x: unknown): x is Plural {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Plural).one === 'string' &&
    typeof (x as Plural).other === 'string'
  );
}
