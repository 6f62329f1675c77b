import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkName,
  deliverableNameFindings,
  entryTarget,
  nameFlavour,
  segmentProblem,
  unholdableName,
} from '../../src/core/bag-names.js';
import { CATALOGS, english, say } from '../../src/core/i18n/terminal/index.js';

const ID = 'acme-exit-2026';

describe('the names a platform can hold (one rule for walk, verify and extract)', () => {
  it('Windows refuses < > : " | ? *, control characters, a trailing dot or space, and device names', () => {
    const refused: Array<[string, unknown]> = [
      ['a:b', { kind: 'character', character: ':' }],
      ['a<b', { kind: 'character', character: '<' }],
      ['a>b', { kind: 'character', character: '>' }],
      ['say "hi"', { kind: 'character', character: '"' }],
      ['a|b', { kind: 'character', character: '|' }],
      ['why?', { kind: 'character', character: '?' }],
      ['*.bak', { kind: 'character', character: '*' }],
      ['tab\there', { kind: 'control', code: 9 }],
      ['line\nbreak', { kind: 'control', code: 10 }],
      ['del\x7f', { kind: 'control', code: 0x7f }],
      ['notes.', { kind: 'trailing', character: '.' }],
      ['notes ', { kind: 'trailing', character: ' ' }],
      ['CON', { kind: 'reserved', device: 'CON' }],
      ['CON.txt', { kind: 'reserved', device: 'CON' }],
      ['con.tar.gz', { kind: 'reserved', device: 'CON' }],
      ['prn', { kind: 'reserved', device: 'PRN' }],
      ['Aux.log', { kind: 'reserved', device: 'AUX' }],
      ['NUL', { kind: 'reserved', device: 'NUL' }],
      ['COM1', { kind: 'reserved', device: 'COM1' }],
      ['com9.cfg', { kind: 'reserved', device: 'COM9' }],
      ['LPT1.txt', { kind: 'reserved', device: 'LPT1' }],
      ['lpt9', { kind: 'reserved', device: 'LPT9' }],
    ];
    for (const [name, problem] of refused) {
      expect(segmentProblem(name, 'win32'), name).toEqual(problem);
      // POSIX file systems hold every one of them.
      expect(segmentProblem(name, 'posix'), name).toBeNull();
    }
  });

  it('Windows holds the names that only look like those', () => {
    for (const name of [
      'CONSOLE.txt',
      'COM0',
      'COM10',
      'LPT',
      'xCON',
      'con-fig.txt',
      '.hidden',
      'a.b',
      'é ü',
      'NULL',
    ]) {
      expect(segmentProblem(name, 'win32'), name).toBeNull();
    }
  });

  it('names the first segment of a path that cannot be held', () => {
    expect(unholdableName('configs/CON/a.txt', 'win32')).toEqual({
      segment: 'CON',
      problem: { kind: 'reserved', device: 'CON' },
    });
    expect(unholdableName('configs/CON/a.txt', 'posix')).toBeNull();
    expect(unholdableName('configs/fine/a.txt', 'win32')).toBeNull();
  });

  it('takes the flavour of the platform it runs on', () => {
    expect(nameFlavour('win32')).toBe('win32');
    expect(nameFlavour('linux')).toBe('posix');
    expect(nameFlavour('darwin')).toBe('posix');
  });

  it('walk names each file Windows cannot hold, and each name that differs only by case', () => {
    const findings = deliverableNameFindings([
      { rel: 'CON.txt', shown: 'exports/CON.txt' },
      { rel: 'a:b', shown: 'exports/a:b' },
      { rel: 'fine.cfg', shown: 'exports/fine.cfg' },
      { rel: 'Readme.txt', shown: 'exports/Readme.txt' },
      { rel: 'README.txt', shown: 'exports/README.txt' },
      { rel: 'Sub/x', shown: 'exports/Sub/x' },
      { rel: 'sub/y', shown: 'exports/sub/y' },
    ]);
    const en = findings.map((f) => [f.kind, f.where, english(f.message)]);
    expect(en).toEqual([
      [
        'windows',
        'exports/CON.txt',
        'exports/CON.txt: Windows cannot hold this name: "CON.txt" is the Windows device name CON (reserved in every folder, with any extension)',
      ],
      [
        'windows',
        'exports/a:b',
        'exports/a:b: Windows cannot hold this name: "a:b" holds :, a character Windows refuses in file names',
      ],
      [
        'case',
        'exports/README.txt',
        'exports/README.txt and exports/Readme.txt differ only by case: Windows and macOS hold them as one',
      ],
      ['case', 'exports/sub/y', 'sub and Sub differ only by case: Windows and macOS hold them as one'],
    ]);
    // The same findings in French, with no English left in them.
    const fr = findings.map((f) => say(CATALOGS.fr, f.message));
    expect(fr[0]).toBe(
      'exports/CON.txt : Windows ne peut pas enregistrer ce nom : "CON.txt" est le nom de périphérique Windows CON (réservé dans tout dossier, quelle que soit l’extension)',
    );
  });
});

describe('where an entry is written, with path.win32 and path.posix', () => {
  const roots = [
    { p: path.win32, root: 'C:\\handover', flavour: 'win32' as const },
    { p: path.posix, root: '/handover', flavour: 'posix' as const },
  ];

  it('..\\..\\x, C:\\x and \\\\server\\share never resolve outside DIR', () => {
    const hostile = [
      `${ID}/..\\..\\x`,
      `${ID}/data/..\\..\\..\\x`,
      `${ID}/C:\\x`,
      `${ID}/data/C:\\Windows\\x`,
      `${ID}/\\\\server\\share`,
      `${ID}/data/\\\\server\\share\\x`,
      'C:\\x',
      '\\\\server\\share\\x',
      `C:/${ID}/x`,
      `/${ID}/x`,
      `${ID}/data/C:x`,
      `${ID}/data/../../x`,
    ];
    // Every one is refused by name, on every platform, but the one a POSIX system holds as a name.
    expect(hostile.filter((n) => checkName(n, ID).ok)).toEqual([`${ID}/data/C:x`]);
    for (const name of hostile) {
      const checked = checkName(name, ID);
      for (const { p, root, flavour } of roots) {
        if (!checked.ok) continue;
        // What checkName lets through, the platform's own rule and the resolved path still hold.
        const t = entryTarget(root, ID, checked.segments, flavour, p);
        if (t.ok) {
          const rel = p.relative(p.resolve(root, ID), t.target);
          expect(rel.startsWith('..') || p.isAbsolute(rel), `${name} (${flavour})`).toBe(false);
        } else {
          expect(flavour, name).toBe('win32');
        }
      }
    }
    // Only "data/C:x" gets past checkName (a colon is a plain character on POSIX): Windows refuses
    // it by name, POSIX writes it inside DIR.
    const drive = checkName(`${ID}/data/C:x`, ID);
    expect(drive.ok).toBe(true);
    if (!drive.ok) return;
    const refused = entryTarget('C:\\handover', ID, drive.segments, 'win32', path.win32);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(english(refused.reason)).toBe('"C:x" holds :, a character Windows refuses in file names');
    expect(entryTarget('/handover', ID, drive.segments, 'posix', path.posix)).toEqual({
      ok: true,
      target: `/handover/${ID}/data/C:x`,
    });
  });

  it('refuses segments that would climb out once resolved, even if handed in directly', () => {
    // entryTarget checks the resolved path itself, whatever the segments.
    for (const { p, root, flavour } of roots) {
      for (const segments of [
        ['..', '..', 'x'],
        ['data', '..', '..', '..', 'x'],
        ['..'],
        ['x', '..', '..'],
      ]) {
        const t = entryTarget(root, ID, segments, flavour, p);
        expect(t.ok).toBe(false);
        if (!t.ok) expect(english(t.reason)).toBe('a path that resolves outside the destination folder');
      }
    }
    expect(entryTarget('C:\\handover', ID, ['\\\\server\\share'], 'posix', path.win32).ok).toBe(false);
    expect(entryTarget('C:\\handover', ID, ['C:\\x'], 'posix', path.win32).ok).toBe(false);
  });

  it('writes an ordinary entry under DIR/<id>, in the platform syntax (the bag folder itself too)', () => {
    expect(entryTarget('C:\\handover', ID, [], 'win32', path.win32)).toEqual({
      ok: true,
      target: `C:\\handover\\${ID}`,
    });
    expect(entryTarget('C:\\handover', ID, ['data', 'backups', 'a.vbk'], 'win32', path.win32)).toEqual({
      ok: true,
      target: `C:\\handover\\${ID}\\data\\backups\\a.vbk`,
    });
  });
});
