import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, plural, terminalLang } from '../../../src/core/i18n/terminal/index.js';
import { ROOT } from '../../helpers/cli.js';

/** Every word of a catalog by its path ("walk.header"): a text or a function that makes one. */
function leaves(o: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [q, w] of leaves(v as object, p)) out.set(q, w);
    else out.set(p, v);
  }
  return out;
}

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('the terminal catalogs', () => {
  const en = leaves(CATALOGS.en);
  const fr = leaves(CATALOGS.fr);

  it('have the same keys in French and English, each a non-empty text or a function', () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, v] of [...en, ...fr]) {
      expect(['string', 'function'], key).toContain(typeof v);
      if (typeof v === 'string') expect(v.trim(), key).not.toBe('');
    }
  });

  it('hold no word that no code uses (a key is used as m.a.b, or through its parent as m.a[...])', async () => {
    const catalogs = path.join(ROOT, 'src', 'core', 'i18n', 'terminal');
    const code = (
      await Promise.all(
        (await sources(path.join(ROOT, 'src')))
          .filter((f) => !f.startsWith(catalogs))
          .map((f) => readFile(f, 'utf8')),
      )
    ).join('\n');
    const used = (key: string) => {
      const parts = key.split('.');
      if (new RegExp(`\\.${key.replaceAll('.', '\\.')}(?![\\w$])`).test(code)) return true;
      for (let n = 1; n < parts.length; n++)
        if (code.includes(`.${parts.slice(0, n).join('.')}[`)) return true;
      return false;
    };
    expect([...en.keys()].filter((k) => !used(k))).toEqual([]);
  });

  it('count as each language does: French says 0 in the singular, English in the plural', () => {
    const forms = { one: 'one', other: 'other' };
    expect([0, 1, 2].map((n) => plural('fr', n, forms))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2].map((n) => plural('en', n, forms))).toEqual(['other', 'one', 'other']);
    expect(CATALOGS.fr.walk.files(0)).toBe('0 fichier');
    expect(CATALOGS.en.walk.files(0)).toBe('0 files');
    expect(CATALOGS.fr.units.bytes(2)).toBe('2 octets');
  });
});

describe('terminalLang', () => {
  it('takes --lang first, then LC_ALL, LC_MESSAGES and LANG in that order, else English', () => {
    const fr = 'fr_CH.UTF-8';
    expect(terminalLang(['walk', 'p.yaml'], {})).toBe('en');
    expect(terminalLang([], { LANG: fr })).toBe('fr');
    expect(terminalLang([], { LANG: 'fr' })).toBe('fr');
    expect(terminalLang([], { LANG: 'de_CH.UTF-8' })).toBe('en');
    expect(terminalLang([], { LANG: 'C' })).toBe('en');
    expect(terminalLang([], { LANG: 'POSIX' })).toBe('en');
    expect(terminalLang([], { LC_MESSAGES: fr, LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(terminalLang([], { LC_MESSAGES: 'C', LANG: fr })).toBe('en');
    expect(terminalLang([], { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: fr, LANG: fr })).toBe('en');
    expect(terminalLang([], { LC_ALL: fr, LC_MESSAGES: 'C' })).toBe('fr');
    // An empty variable is unset (POSIX): the next one decides.
    expect(terminalLang([], { LC_ALL: '', LANG: fr })).toBe('fr');
    expect(terminalLang(['--lang', 'en'], { LC_ALL: fr })).toBe('en');
    expect(terminalLang(['walk', '--lang=fr'], { LC_ALL: 'C' })).toBe('fr');
    // A document in German still talks to the terminal in the locale's language.
    expect(terminalLang(['checklist', '--lang', 'de'], { LANG: fr })).toBe('fr');
    // After `--`, "--lang" is an argument, not the flag.
    expect(terminalLang(['--', '--lang', 'fr'], {})).toBe('en');
  });
});

describe('who approved a waiver, in French', () => {
  it('names a party given by its role as that party, and a person as written', () => {
    const fr = CATALOGS.fr;
    expect(fr.walk.waived('Licences échues', 'client', '2026-11-02')).toBe(
      'dispensé : Licences échues (approuvé par le client, le 2026-11-02)',
    );
    expect(fr.report.waived('Licences échues', 'incoming')).toBe(
      'dispensé : Licences échues (approuvé par le prestataire entrant)',
    );
    expect(fr.walk.waived('Licences échues', 'Marie Rochat, DSI')).toBe(
      'dispensé : Licences échues (approuvé par Marie Rochat, DSI)',
    );
  });
});

describe('the volumes a bundle wrote', () => {
  it('names the one volume once, and the first and last of several', () => {
    for (const m of [CATALOGS.en, CATALOGS.fr]) {
      expect(m.volumes.several(1, 'a.vol-001.tar.pgp', 'a.vol-001.tar.pgp')).toBe(
        '1 volume, a.vol-001.tar.pgp',
      );
      expect(m.volumes.several(3, 'a.vol-001.tar.pgp', 'a.vol-003.tar.pgp')).toBe(
        '3 volumes, a.vol-001.tar.pgp … a.vol-003.tar.pgp',
      );
    }
  });
});

describe('a volume report line', () => {
  it('agrees with the number of volumes that do not match', () => {
    const { en, fr } = CATALOGS;
    expect(fr.volumes.archive('a.vol-*.tar.pgp', 3, 1)).toBe(
      'archive : a.vol-*.tar.pgp : 1 volume sur 3 NE correspond PAS au manifeste',
    );
    expect(fr.volumes.archive('a.vol-*.tar.pgp', 3, 2)).toBe(
      'archive : a.vol-*.tar.pgp : 2 volumes sur 3 NE correspondent PAS au manifeste',
    );
    expect(en.volumes.archive('a.vol-*.tar.pgp', 3, 1)).toBe(
      'archive: a.vol-*.tar.pgp: 1 of 3 volumes does NOT match the manifest',
    );
    expect(en.volumes.archive('a.vol-*.tar.pgp', 3, 2)).toBe(
      'archive: a.vol-*.tar.pgp: 2 of 3 volumes do NOT match the manifest',
    );
  });
});

describe('French typography', () => {
  it('writes every elision with the typographic apostrophe (l’archive, n’est), at the terminal as in the documents', async () => {
    const elision = /\b(?:n|l|d|qu|s|j|c|m|t|jusqu|lorsqu|puisqu)'(?=[A-Za-zÀ-ÿ`])/g;
    for (const file of ['src/core/i18n/terminal/fr.ts', 'src/core/i18n/fr.ts']) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      expect(text.match(elision) ?? [], file).toEqual([]);
    }
  });
});

describe('punctuation that code composes', () => {
  it('puts a space before the colon and the semicolon in French, none in English', () => {
    const { en, fr } = CATALOGS;
    expect(fr.clauses(['sa taille est de 1 octet', 'son sha256 est x'])).toBe(
      'sa taille est de 1 octet ; son sha256 est x',
    );
    expect(en.clauses(['its size is 1 byte', 'its sha256 is x'])).toBe('its size is 1 byte; its sha256 is x');
    expect(fr.about('data/a.txt', 'altéré')).toBe('data/a.txt : altéré');
    expect(en.about('data/a.txt', 'altered')).toBe('data/a.txt: altered');
    expect(fr.walkRefuses.line('sql01', ['périmée', 'vide'])).toBe('sql01 : périmée ; vide');
    expect(en.walkRefuses.line('sql01', ['stale', 'empty'])).toBe('sql01: stale; empty');
  });
});
