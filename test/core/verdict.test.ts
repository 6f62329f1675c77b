import { en } from '../../src/core/i18n/terminal/en.js';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/manifest.js';
import { checkEntry, checkName } from '../../src/core/bag-names.js';
import { english } from '../../src/core/i18n/terminal/index.js';
import { judge, type ArchiveObservation, type ObservedEntry } from '../../src/core/verdict.js';

const ID = 'acme-exit-2026';

describe('entry safety rules', () => {
  it('accepts plain files and folders inside <id>/, NFC names with spaces, accents, % and newlines', () => {
    for (const name of [`${ID}/`, `${ID}/bagit.txt`, `${ID}/data/docs/été 100%.md`, `${ID}/data/a\nb`])
      expect(
        checkEntry({ name, type: name.endsWith('/') ? 'directory' : 'file', size: 1 }, ID).ok,
        name,
      ).toBe(true);
    expect(checkName(`${ID}/data/x/y`, ID)).toEqual({
      ok: true,
      bagPath: 'data/x/y',
      segments: ['data', 'x', 'y'],
    });
  });

  it.each([
    [`/etc/passwd`, 'an absolute path'],
    [`C:/Windows/x`, 'an absolute path'],
    [`${ID}/../x`, 'climbs out'],
    [`${ID}/data/../../x`, 'climbs out'],
    [`${ID}//x`, 'empty or "." segment'],
    [`./${ID}/x`, 'empty or "." segment'],
    [`other/x`, `outside the bag folder ${ID}/`],
    [`${ID}-evil/x`, 'outside the bag folder'],
    [`${ID}/a\0b`, 'NUL'],
  ])('refuses the name %j', (name, why) => {
    const r = checkEntry({ name, type: 'file', size: 0 }, ID);
    expect(r.ok).toBe(false);
    expect(!r.ok && english(r.reason)).toContain(why);
  });

  it.each([
    ['symlink', 'a symbolic link to /etc'],
    ['link', 'a hard link to /etc'],
    ['character-device', 'a character device'],
    ['block-device', 'a block device'],
    ['fifo', 'a FIFO'],
    ['contiguous-file', 'a contiguous file'],
    [null, 'an entry of unknown type'],
  ])('refuses the type %s', (type, why) => {
    const r = checkEntry(
      { name: `${ID}/data/x`, type, linkname: type?.includes('link') ? '/etc' : null, size: 0 },
      ID,
    );
    expect(!r.ok && english(r.reason)).toContain(why);
  });

  it('refuses a PAX record that renames a header name that stands on its own, not a long or placeholder name', () => {
    const renamed = checkEntry(
      { name: `${ID}/data/b`, headerName: `${ID}/data/a`, type: 'file', size: 0 },
      ID,
    );
    expect(!renamed.ok && english(renamed.reason)).toContain('a PAX header renames it');
    // tar-stream writes "PaxHeader" as the header name of an entry whose real name is in the PAX record.
    expect(checkEntry({ name: `${ID}/data/é`, headerName: 'PaxHeader', type: 'file', size: 0 }, ID).ok).toBe(
      true,
    );
    // GNU tar truncates a long name to 100 bytes in the header.
    const long = `${ID}/data/${'x'.repeat(150)}`;
    expect(checkEntry({ name: long, headerName: long.slice(0, 100), type: 'file', size: 0 }, ID).ok).toBe(
      true,
    );
    const global = checkEntry({ name: `${ID}/data/a`, paxGlobal: true, type: 'file', size: 0 }, ID);
    expect(!global.ok && english(global.reason)).toContain('PAX global header');
  });
});

const manifest = (): Manifest => ({
  format: 'exitkit-manifest/1',
  plan: { id: ID, title: 'T', file: 'plan.yaml', sha256: '0', contract: 'C' },
  parties: { client: { name: 'C' }, outgoing: { name: 'O' } },
  created: '2026-12-01T00:00:00Z',
  generator: { name: 'exitkit', version: '0' },
  algorithm: 'sha256',
  signer: { fingerprint: 'F' },
  recipients: [],
  deliverables: [
    {
      id: 'd1',
      title: 'D1',
      category: 'backups',
      required: true,
      status: 'ready',
      delivered: true,
      files: [{ path: 'data/backups/d1/a', size: 3, digest: 'aa' }],
      bytes: 3,
    },
  ],
  tagFiles: [{ path: 'bagit.txt', size: 1, digest: 'bb' }],
  payload: { files: 1, bytes: 3, oxum: '3.1' },
  complete: true,
  missing: [],
  archive: { file: 'x.tar.pgp', size: 10, algorithm: 'sha256', digest: 'cc' },
});

const entry = (bagPath: string, read: number, digest: string, declaredSize = read): ObservedEntry => ({
  name: `${ID}/${bagPath}`,
  bagPath,
  type: 'file',
  declaredSize,
  read,
  digests: { sha256: digest },
});

const base = {
  manifestFile: 'm.json',
  manifestSha256: 'ff',
  signature: { valid: true, fingerprint: 'F' },
  archive: { file: 'x.tar.pgp', present: true, size: 10, digest: 'cc' },
  now: new Date('2026-12-02T00:00:00Z'),
};
const observed = (entries: ObservedEntry[], more: Partial<ArchiveObservation> = {}): ArchiveObservation => ({
  entries,
  texts: { 'manifest-sha256.txt': 'aa  data/backups/d1/a\n', 'bag-info.txt': 'Payload-Oxum: 3.1\n' },
  integrity: true,
  ...more,
});

describe('judge', () => {
  it('is OK when signature, archive and every file hold', () => {
    const v = judge(
      {
        ...base,
        manifest: manifest(),
        decrypted: observed([entry('data/backups/d1/a', 3, 'aa'), entry('bagit.txt', 1, 'bb')]),
      },
      en,
    );
    expect(v.faults).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.files).toMatchObject({
      checked: 2,
      altered: [],
      missing: [],
      extra: [],
      unsafe: [],
      truncated: [],
    });
  });

  it('names altered, truncated, extra and unsafe entries, and a failed integrity check', () => {
    const v = judge(
      {
        ...base,
        manifest: manifest(),
        decrypted: observed(
          [
            entry('data/backups/d1/a', 2, 'zz', 3),
            entry('data/backups/d1/new', 1, 'dd'),
            { ...entry('x', 0, ''), name: '../x', bagPath: null, unsafe: 'a path that climbs out with ".."' },
          ],
          { integrity: false, integrityError: 'MDC' },
        ),
      },
      en,
    );
    expect(v.ok).toBe(false);
    expect(v.files).toMatchObject({
      truncated: ['data/backups/d1/a'],
      extra: ['data/backups/d1/new'],
      unsafe: ['../x'],
    });
    expect(v.integrity).toBe(false);
    expect(v.missing).toEqual(['d1']);
    expect(v.faults.join('\n')).toContain('integrity: the OpenPGP integrity check failed (MDC)');
  });

  it('names an archive whose size or digest differs, and a bad signature', () => {
    const v = judge(
      {
        ...base,
        manifest: manifest(),
        signature: {
          valid: false,
          fingerprint: null,
          reason: 'signed by key AB, which is not the pinned signer',
        },
        archive: { file: 'x.tar.pgp', present: true, size: 11, digest: 'cd' },
      },
      en,
    );
    expect(v.signature.valid).toBe(false);
    expect(v.archive.ok).toBe(false);
    expect(v.faults).toEqual([
      'signature: signed by key AB, which is not the pinned signer',
      'archive x.tar.pgp: its size is 11 bytes; the manifest signed 10',
      'archive x.tar.pgp: its sha256 is cd; the manifest signed cc',
    ]);
    expect(v.decrypted).toBe(false);
    expect(v.files).toBeUndefined();
  });

  it('an archive that has not arrived: not OK, present false, completeness still judged', () => {
    const v = judge({ ...base, manifest: manifest(), archive: { file: 'x.tar.pgp', present: false } }, en);
    expect(v.ok).toBe(false);
    expect(v.archive).toMatchObject({ ok: false, present: false, size: null, digest: null });
    expect(v.signature.valid).toBe(true);
    expect(v.complete).toBe(true);
    expect(v.faults).toEqual([expect.stringMatching(/^archive x\.tar\.pgp: it has not arrived/)]);
  });
});
