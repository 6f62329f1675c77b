/**
 * extract on Windows refuses, by name and before writing a byte of it, an entry Windows cannot
 * hold: the reader takes the platform's flavour of names (process.platform in src/io/verify.ts),
 * so the Windows rule is run here on Linux too.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unlistedTagManifest } from '../../../src/core/bag-names.js';
import { english } from '../../../src/core/i18n/terminal/index.js';
import { allFiles } from '../../../src/core/verdict.js';
import { readArchive } from '../../../src/io/archive/bag-reader.js';
import { readPrivateKeyFile } from '../../../src/io/openpgp/keys.js';
import { tempDir } from '../../helpers/cli.js';
import { DEFAULT_PAYLOAD, makeBundle, testKeys, type Bundle, type TestKeys } from '../../helpers/hostile.js';

let dir: string;
let keys: TestKeys;
let b: Bundle;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
  b = await makeBundle({
    out: path.join(dir, 'bundle'),
    keys,
    payload: [
      ...DEFAULT_PAYLOAD,
      { deliverable: 'switch-configs', category: 'configurations', name: 'CON.txt', data: 'device\n' },
      { deliverable: 'switch-configs', category: 'configurations', name: 'a:b', data: 'colon\n' },
    ],
  });
});

async function read(flavour: 'win32' | 'posix', writeTo: string) {
  const m = b.manifestObject;
  return readArchive({
    archive: b.archive,
    key: await readPrivateKeyFile(keys.incoming.sec, {}),
    bagId: b.id,
    algorithms: [m.algorithm],
    expected: new Map(allFiles(m).map((f) => [f.path, f.size])),
    archiveSize: m.archive!.size,
    maxKeyPackets: m.recipients.length,
    tagManifest: unlistedTagManifest(m),
    writeTo,
    flavour,
  });
}

async function files(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(path.relative(root, path.join(e.parentPath, e.name)));
  return out.sort();
}

describe('the reader refuses names the platform cannot hold', () => {
  it('win32: CON.txt and a:b are unsafe, named, and never written', async () => {
    const to = await tempDir();
    const r = await read('win32', to);
    const unsafe = r.entries.filter((e) => e.unsafe).map((e) => [e.name, english(e.unsafe!)]);
    expect(unsafe).toEqual([
      [
        `${b.id}/data/configurations/switch-configs/CON.txt`,
        '"CON.txt" is the Windows device name CON (reserved in every folder, with any extension)',
      ],
      [
        `${b.id}/data/configurations/switch-configs/a:b`,
        '"a:b" holds :, a character Windows refuses in file names',
      ],
    ]);
    const written = await files(to);
    expect(written.some((f) => f.endsWith('CON.txt') || f.endsWith('a:b'))).toBe(false);
    expect(written).toContain(path.join(b.id, 'data', 'documentation', 'runbooks', 'runbook.md'));
  });

  it('posix: the same names are ordinary files, written out', async () => {
    const to = await tempDir();
    const r = await read('posix', to);
    expect(r.entries.filter((e) => e.unsafe)).toEqual([]);
    expect(await files(to)).toContain(path.join(b.id, 'data', 'configurations', 'switch-configs', 'CON.txt'));
  });
});
