/**
 * SIGINT and SIGTERM while bundle writes its archive and while extract writes its temporary bag:
 * exit 2 with "interrupted", no final file and no temporary file, in DIR, beside it (its parent)
 * or in TMPDIR (a private one per run, so that anything parked there is seen).
 *
 * The writes into the output folder are slowed down by injection (test/helpers/faults.ts), so the
 * signal lands while the archive is being written on any machine; the test waits for the first
 * bytes on disk, never for a time.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faultEnv, startExitkit, tree, until, scratchDir } from '../helpers/faults.js';
import { makeBundle, testKeys, type Bundle, type TestKeys } from '../helpers/hostile.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';
import { schemaErrors } from '../helpers/schemas.js';

const BIG = randomBytes(8 * 1024 * 1024);
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

let dir: string;
let s: Scenario;
let keys: TestKeys;
let b: Bundle;

beforeAll(async () => {
  dir = await scratchDir('exitkit-faults-signal-');
  s = await makeScenario({
    dir: path.join(dir, 'scenario'),
    extraExports: { 'exports/backups/fs01-2026-12-02.vbk': BIG },
  });
  keys = await testKeys(path.join(dir, 'receive'));
  b = await makeBundle({
    out: path.join(dir, 'receive', 'bundle'),
    keys,
    payload: [{ deliverable: 'fs01-backup', category: 'backups', name: 'big.vbk', data: BIG }],
  });
});

/** Some bytes of a file whose name matches, somewhere under root. */
async function writing(root: string, match: RegExp): Promise<boolean> {
  if (!existsSync(root)) return false;
  for (const rel of await tree(root).catch(() => [] as string[])) {
    if (!match.test(rel)) continue;
    const info = await stat(path.join(root, rel)).catch(() => null);
    if (info?.isFile() && info.size > 0) return true;
  }
  return false;
}

describe.concurrent('an interrupted bundle leaves nothing, in DIR, beside it or in TMPDIR', () => {
  for (const signal of SIGNALS) {
    for (const existing of [true, false]) {
      it(`${signal}, into ${existing ? 'an existing' : 'a new'} folder`, async () => {
        const parent = path.join(dir, `bundle-${signal}-${existing ? 'existing' : 'new'}`);
        const out = path.join(parent, 'handover');
        const tmp = path.join(parent, 'tmp');
        await mkdir(tmp, { recursive: true });
        if (existing) await mkdir(out);
        const before = await tree(parent);
        const run = startExitkit(['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec], {
          ...faultEnv('slow', out),
          TMPDIR: tmp,
        });
        await until(() => writing(out, /\.tar\.pgp/), 'the archive being written', run);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.stderr).toContain(`interrupted by ${signal}: nothing was written`);
        expect(r.code).toBe(2);
        // The folder it made is gone too; the one that was there stays, empty.
        expect(await tree(parent)).toEqual(before);
        expect(await readdir(tmp)).toEqual([]);
      });
    }
  }
});

describe('an interrupted bundle under --json', () => {
  it('says so as JSON on stdout (error.code "interrupted"), exit 2, nothing left', async () => {
    const parent = path.join(dir, 'bundle-json');
    const out = path.join(parent, 'handover');
    await mkdir(out, { recursive: true });
    const run = startExitkit(
      ['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec, '--json'],
      faultEnv('slow', out),
    );
    await until(() => writing(out, /\.tar\.pgp/), 'the archive being written', run);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as unknown;
    expect(doc).toMatchObject({ error: { code: 'interrupted', exit: 2 } });
    expect(schemaErrors('error', doc)).toEqual([]);
    expect(await readdir(out)).toEqual([]);
  });
});

describe.concurrent('an interrupted extract leaves nothing, in DIR, beside it or in TMPDIR', () => {
  for (const signal of SIGNALS) {
    for (const existing of [true, false]) {
      it(`${signal}, into ${existing ? 'an existing' : 'a new'} folder`, async () => {
        const parent = path.join(dir, `extract-${signal}-${existing ? 'existing' : 'new'}`);
        const to = path.join(parent, 'dest');
        const tmp = path.join(parent, 'tmp');
        await mkdir(tmp, { recursive: true });
        if (existing) await mkdir(to);
        const before = await tree(parent);
        const run = startExitkit(
          [
            'extract',
            b.manifest,
            '--signer',
            keys.outgoing.pub,
            '--decryption-key',
            keys.incoming.sec,
            '--to',
            to,
          ],
          { ...faultEnv('slow', parent), TMPDIR: tmp },
        );
        await until(() => writing(parent, /big\.vbk$/), 'the payload being extracted', run);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.stderr).toContain(`interrupted by ${signal}`);
        expect(r.code).toBe(2);
        expect(await tree(parent)).toEqual(before);
        expect(await readdir(tmp)).toEqual([]);
      });
    }
  }
});
