import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/bag.js';
import { BIN, exitkit, tempDir, tree } from '../helpers/cli.js';
import { file, makeBundle, testKeys, type TarItem, type TestKeys } from '../helpers/hostile.js';

let dir: string;
let keys: TestKeys;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
});

/** A folder `<case>/` with the bundle in `<case>/bundle` and an empty destination `<case>/dest`. */
async function scene(name: string, mutate?: (items: TarItem[], id: string) => TarItem[]) {
  const root = path.join(dir, name);
  const b = await makeBundle({ out: path.join(root, 'bundle'), keys, ...(mutate ? { mutate } : {}) });
  const dest = path.join(root, 'dest');
  await mkdir(dest);
  return { root, b, dest, before: await tree(root) };
}

const pin = ['--signer', '', '--decryption-key', ''];
const args = (cmd: 'verify' | 'extract', manifest: string, dest?: string) => {
  pin[1] = keys.outgoing.pub;
  pin[3] = keys.incoming.sec;
  return [cmd, manifest, ...pin, ...(dest ? ['--to', dest] : [])];
};

const swap = (items: TarItem[], match: string, by: (it: TarItem) => TarItem[]) =>
  items.flatMap((it) => (it.name.endsWith(match) ? by(it) : [it]));

const evil = `exitkit-evil-${process.pid}-${Date.now()}.txt`;

const HOSTILE: Array<[string, (items: TarItem[], id: string) => TarItem[], RegExp]> = [
  [
    'an extra file',
    (it, id) => [...it, file(`${id}/data/backups/fs01-backup/extra.bin`, 'x')],
    /extra: data\/backups\/fs01-backup\/extra\.bin/,
  ],
  [
    'a missing file',
    (it) => it.filter((x) => !x.name.endsWith('handover.kdbx')),
    /missing: data\/credentials\/m365-admin\/handover\.kdbx/,
  ],
  [
    'a ../ path',
    (it, id) => [...it, file(`${id}/data/../../${evil}`, 'evil')],
    /unsafe entry ".*\.\.\/\.\.\/exitkit-evil.*": a path that climbs out with "\.\."/,
  ],
  [
    'an absolute path',
    (it) => [...it, file(path.join(os.tmpdir(), evil), 'evil')],
    /unsafe entry "\/.*exitkit-evil.*": an absolute path/,
  ],
  [
    'a symlink pointing outside, then a file through it',
    (it, id) => [
      ...it,
      { name: `${id}/escape`, type: 'symlink', linkname: '..' },
      file(`${id}/escape/${evil}`, 'evil'),
    ],
    /unsafe entry ".*\/escape": a symbolic link to \.\./,
  ],
  [
    'a hard link',
    (it, id) => [...it, { name: `${id}/data/passwd`, type: 'link', linkname: '/etc/passwd' }],
    /unsafe entry ".*\/data\/passwd": a hard link to \/etc\/passwd/,
  ],
  [
    'a duplicate name',
    (it) => swap(it, 'runbook.md', (x) => [x, file(x.name, '# Evil runbook\n')]),
    /unsafe entry ".*runbook\.md": a duplicate of an earlier entry/,
  ],
  [
    'a device file',
    (it, id) => [...it, { name: `${id}/data/sda`, type: 'block-device' }],
    /unsafe entry ".*\/data\/sda": a block device/,
  ],
  [
    'a PAX header renaming an entry',
    (it, id) =>
      swap(it, 'runbook.md', (x) => [{ ...x, pax: { path: `${id}/data/documentation/runbooks/other.md` } }]),
    /unsafe entry ".*other\.md": a PAX header renames it \(its tar header says .*runbook\.md\)/,
  ],
  [
    'a header declaring a huge size',
    (it, id) => [
      ...it.slice(0, 3),
      file(`${id}/data/backups/huge.bin`, 'tiny', { declaredSize: 2 ** 36 }),
      ...it.slice(3),
    ],
    /unsafe entry ".*huge\.bin": its header declares 68719476736 bytes, more than the whole archive/,
  ],
];

describe.concurrent('exitkit extract: hostile archives', () => {
  for (const [name, mutate, fault] of HOSTILE) {
    it(`${name}: verify and extract name it and fail (exit 1); nothing is written anywhere`, async () => {
      const s = await scene(name.replace(/\W+/g, '-'), mutate);
      const [v, x] = await Promise.all([
        exitkit(args('verify', s.b.manifest)),
        exitkit(args('extract', s.b.manifest, s.dest)),
      ]);
      expect(v.stdout).toMatch(fault);
      expect(v.code).toBe(1);
      expect(x.stdout).toMatch(fault);
      expect(x.stdout).toContain('nothing was extracted');
      expect(x.code).toBe(1);
      expect(await readdir(s.dest)).toEqual([]);
      expect(await tree(s.root)).toEqual(s.before);
      expect(existsSync(path.join(os.tmpdir(), evil))).toBe(false);
    });
  }
});

describe('exitkit extract', () => {
  it('moves a valid bag into DIR/<id> only after every check passed; its own manifests hold', async () => {
    const s = await scene('good');
    const r = await exitkit(args('extract', s.b.manifest, s.dest));
    expect(r.stdout).toContain(`extracted: ${path.join(s.dest, s.b.id)}`);
    expect(r.code).toBe(0);
    const bag = path.join(s.dest, s.b.id);
    expect(await readFile(path.join(bag, 'data/documentation/runbooks/procédures/été 100%.md'), 'utf8')).toBe(
      'accents\n',
    );
    expect((await stat(path.join(bag, 'data/credentials/m365-admin/handover.kdbx'))).mode & 0o077).toBe(0);
    // The bag's own manifests hold for every file (RFC 8493 paths, %-encoded where needed).
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const entries = parseManifest(await readFile(path.join(bag, m), 'utf8'));
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries)
        expect(
          createHash('sha256')
            .update(await readFile(path.join(bag, e.path)))
            .digest('hex'),
          e.path,
        ).toBe(e.digest);
    }
    // No temporary folder is left beside DIR.
    expect(await readdir(s.root)).toEqual(['bundle', 'dest']);
  });

  it('never overwrites: DIR/<id> already there is exit 2', async () => {
    const s = await scene('exists');
    await mkdir(path.join(s.dest, s.b.id));
    await mkdir(path.join(s.dest, s.b.id, 'mine'));
    const r = await exitkit(args('extract', s.b.manifest, s.dest));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists: extract never overwrites');
    expect(await readdir(path.join(s.dest, s.b.id))).toEqual(['mine']);
  });

  it('an extract interrupted by SIGTERM or SIGINT leaves nothing, in DIR or beside it', async () => {
    const big = Buffer.alloc(96 * 1024 * 1024, 'backup block ');
    const root = path.join(dir, 'interrupted');
    const b = await makeBundle({
      out: path.join(root, 'bundle'),
      keys,
      payload: [{ deliverable: 'fs01-backup', category: 'backups', name: 'big.vbk', data: big }],
    });
    const dest = path.join(root, 'dest');
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(process.execPath, [BIN, ...args('extract', b.manifest, dest)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      // Wait until the extraction writes into its temporary folder, then interrupt it.
      const writing = async () => {
        for (const e of await readdir(root)) {
          if (!e.startsWith('.dest.exitkit-')) continue;
          const f = path.join(root, e, b.id, 'data/backups/fs01-backup/big.vbk');
          if (existsSync(f) && (await stat(f)).size > 0) return true;
        }
        return false;
      };
      while (!(await writing())) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toContain(`interrupted by ${signal}`);
      expect(code).toBe(2);
      expect(await readdir(root)).toEqual(['bundle']);
    }
  }, 60_000);
});
