/**
 * The catalogs (src/core/i18n): complete in every language (same keys, same placeholders as the
 * English reference), every key used by a template or by code, every `t.…` a template reads
 * defined, a missing key a compile error; plurals by each language's rules; and the locale's
 * formats for German and Italian (de-CH, it-CH: CHF 12'986.60).
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/core/dates.js';
import { isPlural, LANGS, say, words, type Lang, type Message } from '../../src/core/i18n/index.js';
import { formatMoney, formatNumber, formatPercent } from '../../src/core/money.js';
import { ROOT } from '../helpers/cli.js';

/** Every message of a catalog by its dotted path (a plural is one message). */
function messages(node: unknown, prefix = ''): Map<string, Message> {
  const out = new Map<string, Message>();
  if (typeof node === 'string' || isPlural(node)) {
    out.set(prefix, node);
    return out;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    for (const [p, m] of messages(v, prefix ? `${prefix}.${k}` : k)) out.set(p, m);
  return out;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const allPlaceholders = (m: Message) =>
  typeof m === 'string' ? placeholders(m) : new Set([...placeholders(m.one), ...placeholders(m.other)]);

async function filesUnder(dir: string, ext: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, ext)));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

const reference = messages(words('en'));

describe('the catalogs', () => {
  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has exactly the English keys, the same placeholders, and no empty text',
    (lang) => {
      const own = messages(words(lang));
      expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, en] of reference) {
        const m = own.get(key)!;
        expect(isPlural(m), key).toBe(isPlural(en));
        expect([...allPlaceholders(m)].sort(), key).toEqual([...allPlaceholders(en)].sort());
        for (const text of typeof m === 'string' ? [m] : [m.one, m.other]) {
          expect(text.trim(), key).not.toBe('');
          for (const p of placeholders(text)) expect(allPlaceholders(en).has(p), `${key}: {${p}}`).toBe(true);
        }
        // A plural picks its form on a number it prints (or at least names).
        if (isPlural(m) && m.by) expect(allPlaceholders(m).has(m.by), key).toBe(true);
      }
    },
  );

  it('uses every key: in a template (t.…) or in code (t.… / a whole section taken at once)', async () => {
    const sources = [
      ...(await filesUnder(path.join(ROOT, 'templates'), /\.hbs$/)),
      ...(await filesUnder(path.join(ROOT, 'src'), /\.ts$/)).filter(
        (f) => !f.includes(`${path.sep}i18n${path.sep}`),
      ),
    ];
    const text = (await Promise.all(sources.map((f) => readFile(f, 'utf8')))).join('\n');
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const used = (key: string) => {
      if (new RegExp(`\\bt\\.${esc(key)}(?![\\w-])`).test(text)) return true;
      // A section read as a whole: t.families[category], ...t.statuses, Object.values(t.….terms).
      const parts = key.split('.');
      for (let i = parts.length - 1; i > 0; i--) {
        const a = esc(parts.slice(0, i).join('.'));
        if (
          new RegExp(
            `(\\.\\.\\.|Object\\.values\\(|lookup @root\\.|lookup )t\\.${a}(?![\\w.-])|\\bt\\.${a}\\[`,
          ).test(text)
        )
          return true;
      }
      return false;
    };
    expect([...reference.keys()].filter((k) => !used(k))).toEqual([]);
  });

  it('defines every t.… a template reads (a typo would print nothing)', async () => {
    const en = words('en') as unknown as Record<string, unknown>;
    const missing: string[] = [];
    for (const f of await filesUnder(path.join(ROOT, 'templates'), /\.hbs$/)) {
      const text = await readFile(f, 'utf8');
      for (const m of text.matchAll(/(?<![\w.])(?:@root\.)?t\.([\w.]+)/g)) {
        let node: unknown = en;
        for (const part of m[1]!.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
        if (node === undefined) missing.push(`${path.basename(f)}: t.${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('does not compile a catalog with a key missing or a key too many', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'exitkit-i18n-'));
    const file = path.join(dir, 'broken.ts');
    const i18n = path.join(ROOT, 'src/core/i18n');
    await writeFile(
      file,
      [
        `import type { Words } from '${i18n}/index.js';`,
        `import { de } from '${i18n}/de.js';`,
        'const { semicolon: _s, ...withoutOne } = de;',
        'export const missing: Words = withoutOne;',
        "export const extra: Words = { ...de, bonjour: 'x' };",
        "export const nested: Words = { ...de, units: { ...de.units, days: { one: '{count} Tag' } } };",
      ].join('\n'),
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}:${d.code}`);
    // Line 4: 'semicolon' is missing; line 5: 'bonjour' is not a key; line 6: the plural lacks 'other'.
    expect(errors).toEqual(['4:2741', '5:2353', '6:2741']);
  }, 60_000);
});

describe('plurals, by each language’s rules', () => {
  const days = (lang: Lang, n: number) => say(lang, words(lang).units.days, { count: n });

  it('French treats 0 and 1 as singular; English, German and Italian only 1', () => {
    expect([0, 1, 2].map((n) => days('fr', n))).toEqual(['0 jour', '1 jour', '2 jours']);
    expect([0, 1, 2].map((n) => days('en', n))).toEqual(['0 days', '1 day', '2 days']);
    expect([0, 1, 2].map((n) => days('de', n))).toEqual(['0 Tage', '1 Tag', '2 Tage']);
    expect([0, 1, 2].map((n) => days('it', n))).toEqual(['0 giorni', '1 giorno', '2 giorni']);
  });

  it('picks the form on the number the sentence agrees with (by), and fills every placeholder', () => {
    const done = (lang: Lang, settled: number, total: number) =>
      say(lang, words(lang).checklist.completeDetail, { settled, total });
    expect(done('en', 1, 4)).toBe('1 of 4 deliverables handed over or waived');
    expect(done('fr', 1, 4)).toBe('1 livrable sur 4 remis ou dispensés');
    expect(done('fr', 3, 4)).toBe('3 livrables sur 4 remis ou dispensés');
    expect(done('it', 1, 4)).toBe('1 elemento su 4 consegnato o oggetto di rinuncia');
    expect(say('en', 'left {alone}', {})).toBe('left {alone}');
  });
});

describe('the locale’s formats', () => {
  it("writes Swiss francs the Swiss way in German and Italian: CHF 12'986.60", () => {
    for (const lang of ['de', 'it'] as const) {
      expect(formatMoney('12986.6', 'CHF', lang)).toBe("CHF\u00a012'986.60");
      expect(formatMoney('4500', 'CHF', lang)).toBe("CHF\u00a04'500.00");
      expect(formatMoney('0.05', 'CHF', lang)).toBe('CHF\u00a00.05');
      expect(formatNumber('1234.5', lang)).toBe("1'234.5");
      expect(formatPercent('8.1', lang)).toBe('8.1%');
    }
    expect(formatMoney('1234567.891', 'CHF', 'de')).toBe("CHF\u00a01'234'567.89");
  });

  it('writes other currencies as Germany and Italy do, and leaves French and English as they were', () => {
    expect(formatMoney('12986.6', 'EUR', 'de')).toBe('12.986,60\u00a0€');
    expect(formatMoney('12986.6', 'EUR', 'it')).toBe('12.986,60\u00a0€');
    expect(formatPercent('8.1', 'de', 'EUR')).toBe('8,1\u00a0%');
    expect(formatPercent('22', 'it', 'EUR')).toBe('22%');
    expect(formatMoney('12986.6', 'CHF', 'fr')).toBe('CHF\u00a012\u202f986.60');
    expect(formatMoney('12986.6', 'EUR', 'fr')).toBe('12\u202f986,60\u00a0€');
    expect(formatMoney('12986.6', 'CHF', 'en')).toBe('CHF\u00a012,986.60');
    expect(formatPercent('8.1', 'fr')).toBe('8,1\u00a0%');
  });

  it('writes dates in German and Italian', () => {
    expect(formatDate('2026-10-01', 'de')).toBe('1. Oktober 2026');
    expect(formatDate('2026-12-10', 'de', 'short')).toBe('10. Dez. 2026');
    expect(formatDate('2026-10-01', 'it')).toBe('1º ottobre 2026');
    expect(formatDate('2026-12-31', 'it')).toBe('31 dicembre 2026');
    expect(formatDate('2026-12-09T16:05:00Z', 'de')).toBe('9. Dezember 2026, 16:05 UTC');
  });
});
