/**
 * Hostile archives and manifests (SECURITY.md, "Bad input"): nothing is parsed, decrypted or
 * unpacked beyond what the signed manifest vouches for. Each class is built two ways where it
 * matters: by someone in the middle (no key: the signed digest no longer matches) and by a
 * hostile outgoing provider holding the real signing key (the digest matches). Every case
 * answers no (exit 1) with the fault named, or could-not (exit 2) for a manifest that is not
 * one, and writes nothing in DIR or beside it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { exitkit, tempDir, tree } from '../helpers/cli.js';
import {
  file,
  makeBundle,
  tarBuffer,
  testKeys,
  type BundleOptions,
  type TarItem,
  type TestKeys,
} from '../helpers/hostile.js';
import { BAGIT_TXT } from '../../src/core/bag.js';
import { compressedMessage, reframe, splitMessage, wildcard } from '../helpers/pgp-frames.js';

let dir: string;
let keys: TestKeys;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
});

/** `<name>/bundle` holds the bundle, `<name>/dest` is DIR (empty). */
async function scene(name: string, opts: Partial<BundleOptions> = {}) {
  const root = path.join(dir, name);
  const b = await makeBundle({ out: path.join(root, 'bundle'), keys, ...opts });
  const dest = path.join(root, 'dest');
  await mkdir(dest);
  return { root, b, dest, before: await tree(root) };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const extract = (s: Scene) =>
  exitkit([
    'extract',
    s.b.manifest,
    '--signer',
    keys.outgoing.pub,
    '--decryption-key',
    keys.incoming.sec,
    '--to',
    s.dest,
  ]);

const verify = (manifest: string, ...more: string[]) =>
  exitkit([
    'verify',
    manifest,
    '--signer',
    keys.outgoing.pub,
    '--decryption-key',
    keys.incoming.sec,
    ...more,
  ]);

/** Extract answers no, names the fault, and leaves DIR and its parent as they were. */
async function refused(s: Scene, fault: RegExp): Promise<void> {
  const r = await extract(s);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(fault);
  expect(r.stdout).toMatch(/verdict: NOT OK/);
  expect(await readdir(s.dest)).toEqual([]);
  expect(await tree(s.root)).toEqual(s.before);
}

/** The plaintext position of the literal packet's tag: after the 18-byte random prefix. */
const LITERAL_TAG_AT = 1 + 18;

describe('the encrypted message: exactly the shape bundle writes, and nothing else', () => {
  it('an inner packet tag flipped through CFB (to a compressed packet): not an archive exitkit signs', async () => {
    const flip = (c: Buffer) => {
      const out = Buffer.from(c);
      out[splitMessage(c).bodyAt + LITERAL_TAG_AT]! ^= 0xcb ^ 0xc8;
      return out;
    };
    // By a hostile signer: the digest matches, the shape does not.
    const s = await scene('tag-flip-signed', { editArchive: flip });
    await refused(
      s,
      /not an archive exitkit signs: the encrypted packet does not hold one literal data packet/,
    );
  });

  it('a real compressed message (a decompression bomb through the old fallback): refused, nothing decompressed', async () => {
    const bomb = await compressedMessage([keys.incoming.pub, keys.client.pub]);
    expect(bomb.byteLength).toBeLessThan(1 << 20);
    const s = await scene('compressed', { editArchive: () => bomb });
    await refused(
      s,
      /not an archive exitkit signs: the encrypted packet does not hold one literal data packet/,
    );
  });

  it('the real encrypted packet re-framed in 1-byte parts (the MDC still valid): refused before decrypting', async () => {
    const s = await scene('one-byte-parts', {
      editArchive: (c) => {
        const m = splitMessage(c);
        return reframe(m, m.keyPackets, 0, 0);
      },
    });
    await refused(
      s,
      /not an archive exitkit signs: the encrypted packet is cut in parts of 1 bytes \(at least 512 expected\)/,
    );
  });

  it('a first part of 512 bytes, then 1-byte parts: refused where the small parts start', async () => {
    const s = await scene('small-parts-later', {
      editArchive: (c) => {
        const m = splitMessage(c);
        return reframe(m, m.keyPackets, 9, 0);
      },
    });
    await refused(s, /not an archive exitkit signs: the encrypted packet is cut in parts of 1 bytes/);
  });

  it('thousands of wildcard key packets in front: refused past the recipients the manifest lists', async () => {
    const s = await scene('wildcards', {
      editArchive: (c) => {
        const m = splitMessage(c);
        const w = wildcard(m.keyPackets[0]!);
        return reframe(m, [...Array.from({ length: 3000 }, () => w), ...m.keyPackets], 20, 20);
      },
    });
    await refused(
      s,
      /not an archive exitkit signs: more key packets than the 2 recipients the signed manifest lists/,
    );
  });

  it('by someone in the middle (no key): an archive of another size is not decrypted at all', async () => {
    const s = await scene('mitm-reframed');
    const c = await readFile(s.b.archive);
    const m = splitMessage(c);
    await writeFile(s.b.archive, reframe(m, m.keyPackets, 0, 0));
    s.before = await tree(s.root);
    await refused(s, /: not decrypted: its size is not the signed size/);
  });
});

describe('the manifest: a size cap, then the signature, then a strict parse', () => {
  it('a large unsigned manifest of nested JSON is not parsed: exit 1, signature named', async () => {
    const s = await scene('manifest-bomb');
    await writeFile(s.b.manifest, '['.repeat(5 << 20));
    const r = await verify(s.b.manifest);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: the manifest .* is not signed by the pinned signer .* not read further/);
  });

  async function resigned(name: string, text: string) {
    const s = await scene(name);
    await writeFile(s.b.manifest, text);
    const signer = await readPrivateKeyFile(keys.outgoing.sec);
    await writeFile(s.b.signature, await signDetached(Buffer.from(text), signer));
    return s;
  }

  it('a signed manifest nested deeper than any manifest: exit 2, named', async () => {
    const s = await resigned('manifest-deep', `${'['.repeat(100)}${']'.repeat(100)}`);
    const r = await verify(s.b.manifest);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not an exit manifest: it nests more than 64 levels/);
  });

  it('a signed manifest with a repeated key: exit 2, named (JSON.parse would keep the last)', async () => {
    const s = await scene('manifest-dup-src');
    const text = (await readFile(s.b.manifest, 'utf8')).replace(
      '"complete": true',
      '"complete": false,\n  "complete": true',
    );
    const t = await resigned('manifest-dup', text);
    const r = await verify(t.b.manifest);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the key "complete" is repeated in one object/);
  });
});

describe('the tar: bounded by what the signed manifest lists, one reading for every reader', () => {
  it('a PAX global header with a huge path: refused at its header, before anything is buffered', async () => {
    const s = await scene('pax-global-huge', {
      mutate: (items, id) => [
        { ...items[0]!, paxGlobal: { path: `${id}/${'a/'.repeat(1 << 19)}x` } },
        ...items.slice(1),
      ],
    });
    await refused(s, /tar: .*refused: a PAX global header/);
  });

  it('a PAX path longer than any signed name: refused', async () => {
    const s = await scene('pax-long', {
      mutate: (items, id) => [...items, file(`${id}/data/${'n'.repeat(4000)}`, 'x')],
    });
    await refused(
      s,
      /tar: .*refused: a PAX header of \d+ bytes, longer than any name the signed manifest lists allows/,
    );
  });

  it('many empty entries: refused past the entries the signed manifest makes', async () => {
    const s = await scene('many-entries', {
      mutate: (items, id) => [
        ...items,
        ...Array.from({ length: 5000 }, (_, k) => ({ name: `${id}/d${k}/`, type: 'directory' as const })),
      ],
    });
    await refused(
      s,
      /tar: .*refused: more than the \d+ entries the files and folders of the signed manifest make/,
    );
  });

  it('a GNU.sparse.name PAX record (GNU tar and tarfile would write another file): refused', async () => {
    const s = await scene('sparse-name', {
      mutate: (items, id) =>
        items.map((it) =>
          it.name.endsWith('handover.kdbx') ? { ...it, pax: { 'GNU.sparse.name': `${id}/data/evil` } } : it,
        ),
    });
    await refused(s, /tar: .*refused: a PAX record "GNU\.sparse\.name"/);
  });

  it('a linkpath PAX record: refused', async () => {
    const s = await scene('linkpath', {
      mutate: (items) =>
        items.map((it) => (it.name.endsWith('handover.kdbx') ? { ...it, pax: { linkpath: '/etc' } } : it)),
    });
    await refused(s, /tar: .*refused: a PAX record "linkpath"/);
  });

  it('an entry after the end-of-archive marker (GNU tar never sees it): refused', async () => {
    let moved: TarItem | undefined;
    const s = await scene('after-end', {
      mutate: (items) => {
        moved = items.find((it) => it.name.endsWith('handover.kdbx'));
        return items.filter((it) => it !== moved);
      },
      editTar: (t) => Buffer.concat([t, tarBuffer([moved!])]),
    });
    await refused(s, /tar: .*refused: data after the end-of-archive marker/);
  });

  it('a tag manifest the signed manifest does not list: extra, never extracted', async () => {
    const s = await scene('tagmanifest-md5', {
      mutate: (items, id) => [
        ...items,
        file(
          `${id}/tagmanifest-md5.txt`,
          `${createHash('md5').update(BAGIT_TXT).digest('hex')}  bagit.txt\n`,
        ),
      ],
    });
    await refused(s, /extra: tagmanifest-md5\.txt is in the archive but not in the signed manifest/);
  });
});

describe('verify and extract apply the same name rules: verify says yes only to what extract can write', () => {
  const payload = (name: string) => ({
    deliverable: 'runbooks',
    category: 'documentation' as const,
    name,
    data: 'x',
  });

  const CASES: Array<[string, string[], RegExp]> = [
    ['a file and a file below it', ['f', 'f/g'], /below ".*\/f", which is a file/],
    ['a segment over 255 bytes', ['s'.repeat(256)], /a path segment over 255 bytes/],
    [
      'a path over 4096 bytes',
      [Array.from({ length: 40 }, () => 'p'.repeat(110)).join('/')],
      /a path over 4096 bytes/,
    ],
    ['names that differ only by case', ['Readme.txt', 'README.txt'], /its name differs only by case from/],
    ['a backslash', ['..\\..\\x'], /a backslash in its name \(a separator on Windows\)/],
  ];
  for (const [what, names, fault] of CASES)
    it(`${what}: verify and extract both say no (exit 1), nothing written`, async () => {
      const s = await scene(`names-${what.replace(/\W+/g, '-')}`, { payload: names.map(payload) });
      const v = await verify(s.b.manifest);
      expect(v.code).toBe(1);
      expect(v.stdout).toMatch(fault);
      await refused(s, fault);
    });
});

describe('extract cleans up after a killed run', () => {
  it('removes its own temporary folders beside DIR left by a dead process, and says so; a live one stays', async () => {
    const s = await scene('stale');
    const dead = path.join(s.root, '.dest.exitkit-999999999-abcdef');
    const live = path.join(s.root, `.dest.exitkit-${process.pid}-ghijkl`);
    await mkdir(path.join(dead, s.b.id), { recursive: true });
    await writeFile(path.join(dead, s.b.id, 'plaintext.txt'), 'never authenticated');
    await mkdir(live);
    const r = await extract(s);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`removed ${dead}: a temporary folder left by an extract that was killed`);
    expect((await readdir(s.root)).sort()).toEqual([
      '.dest.exitkit-' + `${process.pid}-ghijkl`,
      'bundle',
      'dest',
    ]);
  });
});

describe('the fault list after an integrity failure', () => {
  it('is the same on every run, and names no intact file missing or truncated', async () => {
    const payload = ['a.bin', 'b.bin', 'c.bin'].map((name, k) => ({
      deliverable: 'fs01-backup',
      category: 'backups' as const,
      name,
      data: Buffer.alloc(3 << 20, k + 1),
    }));
    const s = await scene('deterministic', { payload });
    const c = await readFile(s.b.archive);
    c[c.length - (1 << 20)]! ^= 1; // in c.bin, the last file: its bytes garbled, the MDC broken
    await writeFile(s.b.archive, c);
    const run = async () => {
      const r = await verify(s.b.manifest, '--json');
      expect(r.code).toBe(1);
      return (JSON.parse(r.stdout) as { faults: string[] }).faults;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.join('\n')).toContain('integrity: the OpenPGP integrity check failed');
    expect(first.join('\n')).toMatch(/altered: data\/backups\/fs01-backup\/c\.bin/);
    expect(first.join('\n')).not.toMatch(/(missing|truncated|altered): .*\/[ab]\.bin/);
  });
});
