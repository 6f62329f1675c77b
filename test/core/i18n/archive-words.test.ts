/**
 * The words of the readers' refusals (a hostile archive's faults, a manifest or verification
 * that is not one): every one of them, French in the French catalog and English in the English
 * one, whichever path prints it (most hostile shapes are too costly to build one by one).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS, type Messages } from '../../../src/core/i18n/terminal/index.js';
import { englishIn, frenchIn } from '../../helpers/language.js';

const SECTIONS = ['archive', 'entry', 'shape', 'verification'] as const;

/** Every text of these sections, functions called with placeholders that read as no word. */
function texts(m: Messages): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (o: object, at: string) => {
    for (const [k, v] of Object.entries(o)) {
      const key = `${at}.${k}`;
      if (typeof v === 'string') out.set(key, v);
      else if (typeof v === 'function') out.set(key, String((v as (...a: unknown[]) => unknown)(2, 3, 4)));
      else walk(v as object, key);
    }
  };
  for (const s of SECTIONS) walk(m[s], s);
  return out;
}

describe("the readers' refusals", () => {
  it('read in French in French, and in English in English', () => {
    for (const [key, text] of texts(CATALOGS.fr)) expect(englishIn(text), `${key}: ${text}`).toEqual([]);
    for (const [key, text] of texts(CATALOGS.en)) expect(frenchIn(text), `${key}: ${text}`).toEqual([]);
    // The word lists are short: a text left in English would also be the same in both catalogs.
    const en = texts(CATALOGS.en);
    for (const [key, text] of texts(CATALOGS.fr)) expect(text, key).not.toBe(en.get(key));
  });

  it('name the entry types in French, a link with its target', () => {
    const fr = CATALOGS.fr.entry;
    expect(fr.linkTo(fr.types.symlink!, '/etc')).toBe('un lien symbolique vers /etc');
    expect(fr.unknownType(null)).toBe('une entrée de type inconnu');
    expect(CATALOGS.en.entry.unknownType(null)).toBe('an entry of unknown type (unknown)');
  });
});
