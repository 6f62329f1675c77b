/**
 * Every command stays interruptible whatever the input (SECURITY.md, "Bad input"): SIGINT or
 * SIGTERM while verify or extract reads a hostile archive ends the run with exit 2 and
 * "interrupted", and leaves nothing in DIR, beside it or in TMPDIR.
 *
 * The reads of the archive are slowed down by injection (test/helpers/faults.ts, `slow-read`),
 * so the signal lands while the hostile bytes are being read on any machine; the test waits for
 * the archive to be open in the running process, never for a time.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readlink } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressedMessage } from '../helpers/pgp-frames.js';
import { faultEnv, scratchDir, startExitkit, tree, until } from '../helpers/faults.js';
import { makeBundle, testKeys, type Bundle, type BundleOptions, type TestKeys } from '../helpers/hostile.js';

let dir: string;
let keys: TestKeys;
const hostile: Record<string, Bundle> = {};

/** Two hostile archives signed by the real outgoing key (their digests match the manifest). */
const CASES: Record<string, (k: TestKeys) => Promise<Partial<BundleOptions>>> = {
  // A compressed message: the shape the old fallback decompressed without bound.
  'a compressed message': async (k) => {
    const bomb = await compressedMessage([k.incoming.pub, k.client.pub]);
    return { editArchive: () => bomb };
  },
  // A large file, then thousands of entries the signed manifest does not make.
  'thousands of unsigned entries after a large file': async () => ({
    payload: [
      { deliverable: 'fs01-backup', category: 'backups', name: 'big.vbk', data: randomBytes(4 << 20) },
    ],
    mutate: (items, id) => [
      ...items,
      ...Array.from({ length: 5000 }, (_, k) => ({ name: `${id}/d${k}/`, type: 'directory' as const })),
    ],
  }),
};

beforeAll(async () => {
  dir = await scratchDir('exitkit-hostile-signal-');
  keys = await testKeys(path.join(dir, 'keys'));
  for (const [name, make] of Object.entries(CASES))
    hostile[name] = await makeBundle({
      out: path.join(dir, name.replaceAll(' ', '-')),
      keys,
      ...(await make(keys)),
    });
});

/** Whether the process `pid` has `file` open (asked of the kernel). */
async function hasOpen(pid: number, file: string): Promise<boolean> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === file) return true;
  return false;
}

describe.concurrent('a signal while a hostile archive is read: exit 2, nothing left', () => {
  for (const name of Object.keys(CASES)) {
    for (const [command, signal] of [
      ['verify', 'SIGINT'],
      ['extract', 'SIGINT'],
      ['extract', 'SIGTERM'],
    ] as const) {
      it(`${command}, ${name}, ${signal}`, async () => {
        const b = hostile[name]!;
        const parent = path.join(dir, 'runs', `${command}-${signal}-${name.replaceAll(' ', '-')}`);
        const to = path.join(parent, 'dest');
        const tmp = path.join(parent, 'tmp');
        await mkdir(tmp, { recursive: true });
        const before = await tree(parent);
        const args = [
          command,
          b.manifest,
          '--signer',
          keys.outgoing.pub,
          '--decryption-key',
          keys.incoming.sec,
          ...(command === 'extract' ? ['--to', to] : []),
        ];
        const run = startExitkit(args, {
          ...faultEnv('slow-read', b.archive, { delayMs: 300 }),
          TMPDIR: tmp,
        });
        await until(() => hasOpen(run.child.pid!, b.archive), 'the archive being read', run);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.stderr).toContain(`interrupted by ${signal}`);
        expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
        expect(r.code).toBe(2);
        expect(await tree(parent)).toEqual(before);
      });
    }
  }
});
