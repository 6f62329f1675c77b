import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BagNames, checkName, type EntrySafety } from '../../src/core/bag-names.js';
import { CATALOGS, english, say, type Text } from '../../src/core/i18n/terminal/index.js';

/** Why a name is refused, in English (null when it is accepted). */
const why = (r: EntrySafety) => (r.ok ? null : english(r.reason));
const inEnglish = (t: Text | null) => (t === null ? null : english(t));

const ID = 'acme-exit-2026';

describe('the name rules verify and extract share', () => {
  it('refuses a backslash: on Windows ..\\..\\x would climb out of DIR', () => {
    for (const name of [`${ID}/..\\..\\x`, `${ID}/data\\x`, `${ID}\\..\\x`]) {
      const r = checkName(name, ID);
      expect(why(r)).toBe('a backslash in its name (a separator on Windows)');
      expect(!r.ok && say(CATALOGS.fr, r.reason)).toBe(
        'une barre oblique inverse dans son nom (un séparateur sous Windows)',
      );
    }
    // What would happen without the rule: path.win32 reads the backslashes as separators.
    expect(path.win32.resolve('C:\\dest\\acme', '..\\..\\x')).toBe('C:\\x');
  });

  it('every accepted name stays inside DIR, on POSIX and on Windows', () => {
    const names = [
      `${ID}/data/a`,
      `${ID}/data/a b/c.txt`,
      `${ID}/data/é/ü`,
      `${ID}/data/..a/b..`,
      `${ID}/data/c:x`,
    ];
    for (const name of names) {
      const r = checkName(name, ID);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const p of [path.posix, path.win32]) {
        const dest = p === path.win32 ? 'C:\\dest' : '/dest';
        const target = p.resolve(dest, ID, ...r.segments);
        expect(p.relative(dest, target).startsWith('..')).toBe(false);
        expect(p.isAbsolute(p.relative(dest, target))).toBe(false);
      }
    }
  });

  it('refuses a segment over 255 bytes and a path over 4096 bytes (UTF-8)', () => {
    expect(checkName(`${ID}/data/${'a'.repeat(255)}`, ID).ok).toBe(true);
    expect(why(checkName(`${ID}/data/${'é'.repeat(128)}`, ID))).toBe('a path segment over 255 bytes');
    const deep = `${ID}/data/${Array.from({ length: 40 }, () => 'b'.repeat(120)).join('/')}`;
    expect(why(checkName(deep, ID))).toBe('a path over 4096 bytes');
  });

  it('counts UTF-8 bytes exactly at the 255-byte bound: 2-, 3- and 4-byte characters, lone surrogates', () => {
    const segment = (s: string) => checkName(`${ID}/data/${s}`, ID).ok;
    expect(segment('é'.repeat(127) + 'a')).toBe(true); // 255 bytes
    expect(segment('é'.repeat(127) + 'ab')).toBe(false); // 256
    expect(segment('ア'.repeat(85))).toBe(true); // 255
    expect(segment('ア'.repeat(85) + 'a')).toBe(false); // 256
    expect(segment('😀'.repeat(63) + 'abc')).toBe(true); // 255
    expect(segment('😀'.repeat(64))).toBe(false); // 256
    // A lone surrogate is written as U+FFFD, 3 bytes.
    expect(segment('\ud800'.repeat(85))).toBe(true);
    expect(segment('\udc00'.repeat(85) + 'a')).toBe(false);
  });

  it('refuses a file and a file below it, either order, and names that differ only by case', () => {
    const a = new BagNames();
    expect(inEnglish(a.add(`${ID}/data/f`, true))).toBeNull();
    expect(inEnglish(a.add(`${ID}/data/f/g`, true))).toBe(`below "${ID}/data/f", which is a file`);
    const b = new BagNames();
    expect(inEnglish(b.add(`${ID}/data/f/g`, true))).toBeNull();
    expect(inEnglish(b.add(`${ID}/data/f`, true))).toBe(
      'a file where an earlier entry has a folder of that name',
    );
    expect(inEnglish(b.add(`${ID}/data/`, false))).toBeNull();
    expect(inEnglish(b.add(`${ID}/data/F/h`, true))).toBe(
      `its folder "${ID}/data/F" differs only by case from "${ID}/data/f"`,
    );
    expect(inEnglish(b.add(`${ID}/data/f/G`, true))).toBe(
      `its name differs only by case from "${ID}/data/f/g"`,
    );
    expect(inEnglish(b.add(`${ID}/data/f/g`, true))).toBe(
      'a duplicate of an earlier entry with the same name',
    );
  });
});
