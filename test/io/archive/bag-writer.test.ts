import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { bagInfo, manifestText } from '../../../src/core/build-manifest.js';
import type { ExitPlan } from '../../../src/core/plan.js';
import { writeEncryptedBag, type PayloadEntry } from '../../../src/io/archive/bag-writer.js';
import { generateKeyPair, readKeyFile, type PublicKey } from '../../../src/io/openpgp/keys.js';
import { validateBag } from '../../helpers/bagit.js';
import { tempDir } from '../../helpers/cli.js';
import { gpg, gpgHome } from '../../helpers/gpg.js';

const plan = {
  id: 'bag-test',
  title: 'T',
  contract: { reference: 'R-1', end: '2026-12-31' },
  parties: { client: { name: 'C' }, outgoing: { name: 'O', contact: 'o@example.org' } },
} as unknown as ExitPlan;

describe('writeEncryptedBag', () => {
  it('writes a bag that GnuPG decrypts and GNU tar unpacks, odd names intact (PAX for long and non-ASCII names)', async () => {
    const dir = await tempDir();
    const src = path.join(dir, 'src');
    await mkdir(path.join(src, 'sub dir'), { recursive: true });
    const long = `${'very-long-name-'.repeat(9)}end.txt`; // 142 bytes: more than ustar's 100
    const names: Array<[string, string]> = [
      ['re\u0301sume\u0301 e\u0301te\u0301.txt', 'accents, NFD on disk'],
      ['sub dir/with space.txt', 'spaces'],
      ['100% done.txt', 'percent'],
      [long, 'long'],
      ['empty.txt', ''],
    ];
    // A newline in a name, where the file system allows it.
    const withNewline = 'line\nbreak.txt';
    if (
      await writeFile(path.join(src, withNewline), 'newline').then(
        () => true,
        () => false,
      )
    )
      names.push([withNewline, 'newline']);
    for (const [n, c] of names.slice(0, names.length - (names.at(-1)![0] === withNewline ? 1 : 0)))
      await writeFile(path.join(src, n), c);

    const payload: PayloadEntry[] = [];
    for (const [n] of names) {
      const abs = path.join(src, n);
      const st = await stat(abs);
      payload.push({
        abs,
        bagPath: `data/other/x/${n.normalize('NFC')}`,
        size: st.size,
        mtimeMs: st.mtimeMs,
        shown: n,
      });
    }

    const recipients: PublicKey[] = [];
    for (const who of ['a', 'b']) {
      const k = await generateKeyPair({ name: who, email: `${who}@example.org`, type: 'curve25519' });
      await writeFile(path.join(dir, `${who}.sec.asc`), k.privateKey);
      recipients.push((await readKeyFile(path.join(dir, `${who}.sec.asc`))).toPublic());
    }
    const file = path.join(dir, 'bag.tar.pgp');
    const written = await writeEncryptedBag({
      file,
      bagId: 'bag-test',
      payload,
      algorithm: 'sha512',
      recipients,
      tagFiles: (files) => [
        {
          path: 'bag-info.txt',
          content: Buffer.from(
            bagInfo({
              plan,
              bytes: files.reduce((n, f) => n + f.size, 0),
              files: files.length,
              created: new Date(),
              version: 't',
            }),
          ),
        },
        { path: 'manifest-sha512.txt', content: Buffer.from(manifestText(files)) },
        (tags) => ({ path: 'listing.json', content: Buffer.from(JSON.stringify(tags)) }),
      ],
    });
    expect(written.payload.map((f) => f.path)).toEqual(payload.map((p) => p.bagPath));
    expect(written.tagFiles.map((f) => f.path)).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha512.txt',
      'listing.json',
    ]);
    expect((await stat(file)).size).toBe(written.archive.size);

    for (const who of ['a', 'b']) {
      const h = gpgHome();
      expect(gpg(h, ['--import', path.join(dir, `${who}.sec.asc`)]).status).toBe(0);
      const out = path.join(dir, `out-${who}`);
      await mkdir(out);
      const dec = gpg(h, ['--decrypt', '--output', path.join(out, 'bag.tar'), file]);
      expect(dec.status, dec.stderr).toBe(0);
      expect(dec.stderr).not.toMatch(/AEAD|compress/i);
      const t = spawnSync('tar', ['-xf', 'bag.tar'], { cwd: out, encoding: 'utf8' });
      expect(t.status, t.stderr).toBe(0);
      const bag = path.join(out, 'bag-test');
      const report = await validateBag(bag);
      expect(report.errors).toEqual([]);
      const got = (await readdir(path.join(bag, 'data/other/x'), { recursive: true })).sort();
      for (const [n, c] of names) {
        expect(got).toContain(n.normalize('NFC'));
        expect(await readFile(path.join(bag, 'data/other/x', n.normalize('NFC')), 'utf8')).toBe(c);
      }
      const listing = JSON.parse(await readFile(path.join(bag, 'listing.json'), 'utf8')) as unknown[];
      expect(listing).toHaveLength(3);
    }
  });

  it('refuses a source that changed since it was listed, or vanished, naming it and writing nothing more', async () => {
    const dir = await tempDir();
    const abs = path.join(dir, 'fs01.vbk');
    await writeFile(abs, 'backup');
    const st = await stat(abs);
    const k = await generateKeyPair({ name: 'a', email: 'a@example.org', type: 'curve25519' });
    await writeFile(path.join(dir, 'a.asc'), k.publicKey);
    const key = await readKeyFile(path.join(dir, 'a.asc'));
    const attempt = (entry: Partial<PayloadEntry>, name: string) =>
      writeEncryptedBag({
        file: path.join(dir, name),
        bagId: 'b',
        algorithm: 'sha512',
        recipients: [key],
        tagFiles: () => [],
        payload: [
          {
            abs,
            bagPath: 'data/x/y/fs01.vbk',
            size: st.size,
            mtimeMs: st.mtimeMs,
            shown: 'exports/fs01.vbk',
            ...entry,
          },
        ],
      });
    await expect(attempt({ size: st.size + 1 }, 'a1')).rejects.toThrow(
      'the source file exports/fs01.vbk changed since',
    );
    await expect(attempt({ mtimeMs: st.mtimeMs - 1000 }, 'a2')).rejects.toThrow(
      'exports/fs01.vbk changed since',
    );
    await expect(attempt({ abs: path.join(dir, 'gone.vbk') }, 'a3')).rejects.toThrow('vanished');

    // A file written to while it is read (an export still running): caught, and named.
    const live = path.join(dir, 'live.vbk');
    await writeFile(live, Buffer.alloc(3 * 1024 * 1024, 1));
    const ls = await stat(live);
    let appended = false;
    const growing = writeEncryptedBag({
      file: path.join(dir, 'a4'),
      bagId: 'b',
      algorithm: 'sha512',
      recipients: [key],
      tagFiles: () => [],
      payload: [
        {
          abs: live,
          bagPath: 'data/x/y/live.vbk',
          size: ls.size,
          mtimeMs: ls.mtimeMs,
          shown: 'exports/live.vbk',
        },
      ],
      onProgress: () => {
        if (!appended) appendFileSync(live, 'more');
        appended = true;
      },
    });
    await expect(growing).rejects.toThrow(
      /the source file exports\/live\.vbk (grew|changed) while it was read/,
    );
  });
});

describe('the tar format, as GNU tar reads it', () => {
  it('stores a size of 8 GiB or more in the GNU base-256 field, which GNU tar lists exactly', async () => {
    const dir = await tempDir();
    const pack = tar.pack();
    const size = 8 * 1024 ** 3 + 12345;
    const chunks: Buffer[] = [];
    pack.on('data', (c: Buffer) => chunks.push(c));
    const sink = pack.entry({ name: `big/${'x'.repeat(120)}.vbk`, size, mtime: new Date(0), type: 'file' });
    sink.write(Buffer.alloc(512));
    await new Promise((r) => setTimeout(r, 50));
    const head = Buffer.concat(chunks);
    // PAX header (for the long name), then the ustar header with the size, then data.
    await writeFile(path.join(dir, 'head.tar'), head);
    const t = spawnSync('tar', ['-tvf', 'head.tar'], { cwd: dir, encoding: 'utf8' });
    expect(t.stdout).toContain(String(size));
    expect(t.stdout).toContain(`big/${'x'.repeat(120)}.vbk`);
    pack.destroy();
  });
});
