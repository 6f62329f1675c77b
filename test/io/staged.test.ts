import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staged } from '../../src/io/staged.js';

async function scratch(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'exitkit-staged-'));
}

describe('staged output', () => {
  it('renames the temporaries into place together, and leaves nothing else', async () => {
    const dir = await scratch();
    const moves = ['a', 'b'].map((n) => ({ from: path.join(dir, `.${n}.tmp`), to: path.join(dir, n) }));
    const out = await staged({ temps: moves.map((m) => m.from) }, async (commit) => {
      for (const m of moves) await writeFile(m.from, m.to);
      await commit(moves);
      return 'done';
    });
    expect(out).toBe('done');
    expect((await readdir(dir)).sort()).toEqual(['a', 'b']);
    expect(await readFile(path.join(dir, 'b'), 'utf8')).toBe(path.join(dir, 'b'));
  });

  it('on a failure, even half-way through the commit, leaves nothing and removes the folder it made', async () => {
    const parent = await scratch();
    const dir = path.join(parent, 'out');
    await mkdir(dir);
    const a = { from: path.join(dir, '.a.tmp'), to: path.join(dir, 'a') };
    const missing = { from: path.join(dir, '.b.tmp'), to: path.join(dir, 'b') };
    await expect(
      staged({ temps: [a.from, missing.from], createdDir: dir }, async (commit) => {
        await writeFile(a.from, 'a');
        await commit([a, missing]); // the second rename fails: its temporary was never written
      }),
    ).rejects.toThrow(/ENOENT/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('keeps a folder it did not make, emptied of its temporaries, when the work fails', async () => {
    const dir = await scratch();
    const temp = path.join(dir, '.x.tmp');
    await expect(
      staged({ temps: [temp] }, async () => {
        await writeFile(temp, 'x');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
