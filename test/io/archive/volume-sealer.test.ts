/**
 * Volumes side by side, in this thread (the TypeScript sources run the volume workers' code
 * in-thread): how the tar is cut, and a source that changed or vanished named whichever volume
 * reads it. The built CLI, with real workers: test/commands/bundle-jobs.test.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEncryptedBag, type PayloadEntry } from '../../../src/io/archive/bag-writer.js';
import { hashSource } from '../../../src/io/archive/sealed-stream.js';
import { generateKeyPair, readKeyFile } from '../../../src/io/openpgp/keys.js';
import { tempDir } from '../../helpers/cli.js';

const MiB = 1024 * 1024;

async function scene() {
  const dir = await tempDir('exitkit-vsealer-');
  const k = await generateKeyPair({ name: 'a', email: 'a@example.org', type: 'curve25519' });
  await writeFile(path.join(dir, 'a.asc'), k.publicKey);
  const key = await readKeyFile(path.join(dir, 'a.asc'));
  const entry = async (name: string, bytes: Buffer): Promise<PayloadEntry> => {
    const abs = path.join(dir, name);
    await writeFile(abs, bytes);
    const st = await stat(abs);
    return { abs, bagPath: `data/x/y/${name}`, size: st.size, mtimeMs: st.mtimeMs, shown: `exports/${name}` };
  };
  let n = 0;
  const write = (payload: PayloadEntry[], jobs: number) => {
    const folder = path.join(dir, `out-${++n}`);
    return {
      folder,
      done: (async () => {
        await mkdir(folder);
        return writeEncryptedBag({
          file: path.join(folder, 'unused'),
          bagId: 'b',
          algorithm: 'sha512',
          recipients: [key],
          tagFiles: () => [],
          payload,
          volumes: { size: MiB, file: (v) => path.join(folder, `vol-${v}`) },
          jobs,
        });
      })(),
    };
  };
  return { dir, entry, write };
}

describe('volumes side by side', () => {
  it('gives every file its exact digest, and the same volumes as one after another', async () => {
    const { entry, write } = await scene();
    const big = randomBytes(3 * MiB + 99);
    const payload = [
      await entry('big.vbk', big),
      await entry('empty.log', Buffer.alloc(0)),
      await entry('small.cfg', randomBytes(4000)),
    ];
    const serial = await write(payload, 1).done;
    const side = write(payload, 3);
    const parallel = await side.done;
    expect(parallel.payload).toEqual(serial.payload);
    expect(parallel.payload[0]!.digest).toBe(createHash('sha512').update(big).digest('hex'));
    expect(parallel.payload[1]!.digest).toBe(createHash('sha512').digest('hex'));
    expect(parallel.volumes!.map((v) => v.size)).toEqual(serial.volumes!.map((v) => v.size));
    for (const v of parallel.volumes!) expect((await stat(v.file)).size).toBe(v.size);
    expect((await readdir(side.folder)).length).toBe(parallel.volumes!.length);
  });

  it('names a source that changed since it was listed, or vanished, whichever volume reads it', async () => {
    const { entry, write } = await scene();
    const first = await entry('first.vbk', randomBytes(2 * MiB));
    const later = await entry('later.vbk', randomBytes(2 * MiB));
    await expect(write([first, { ...later, mtimeMs: later.mtimeMs - 1000 }], 2).done).rejects.toThrow(
      'the source file exports/later.vbk changed since',
    );
    await unlink(later.abs);
    await expect(write([first, later], 2).done).rejects.toThrow('exports/later.vbk vanished');
  });

  // A file that crosses a boundary is hashed apart from the volumes that seal its parts: the same
  // bytes only if it is held to the listing as their reads are.
  it('hashes a file that crosses a boundary held to the listing: touched, swapped, grown, a link or gone is named', async () => {
    const { dir, entry } = await scene();
    const bytes = randomBytes(2 * MiB + 5);
    const e = await entry('cross.vbk', bytes);
    const part = { file: 7, abs: e.abs, size: e.size, mtimeMs: e.mtimeMs, from: 0, to: e.size };
    expect(await hashSource(part, 'sha512')).toBe(createHash('sha512').update(bytes).digest('hex'));
    // The same size, another time: what the volumes read may not be these bytes.
    await expect(hashSource({ ...part, mtimeMs: e.mtimeMs - 1000 }, 'sha512')).rejects.toEqual({
      file: 7,
      how: 'listed',
    });
    await expect(hashSource({ ...part, size: e.size - 1, to: e.size - 1 }, 'sha512')).rejects.toEqual({
      file: 7,
      how: 'listed',
    });
    const link = path.join(dir, 'link.vbk');
    await symlink(e.abs, link);
    await expect(hashSource({ ...part, abs: link }, 'sha512')).rejects.toEqual({ file: 7, how: 'link' });
    await unlink(e.abs);
    await expect(hashSource(part, 'sha512')).rejects.toEqual({ file: 7, how: 'vanished' });
  });
});
