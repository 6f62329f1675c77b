import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deliverable } from '../../../src/core/plan.js';
import { inEnglish } from '../../../src/core/i18n/terminal/index.js';
import { resolveSources } from '../../../src/io/plan/sources.js';

/** The sources with their problems in English. */
async function resolve(...args: Parameters<typeof resolveSources>) {
  const r = await resolveSources(...args);
  return { ...r, problems: r.problems.map(inEnglish) };
}
import { tempDir } from '../../helpers/cli.js';

function deliverable(sources: string[]): Deliverable {
  return {
    id: 'd',
    category: 'other',
    title: 'D',
    required: true,
    owner: 'outgoing',
    sources,
    checks: {},
    status: 'pending',
  };
}

async function put(dir: string, rel: string, content = 'x'): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

describe('resolveSources', () => {
  it('names files by basename, folder-relative path or glob-relative path, sorted, dot files included', async () => {
    const dir = await tempDir();
    await put(dir, 'exports/a.txt');
    await put(dir, 'exports/docs/sub/b.md');
    await put(dir, 'exports/docs/.hidden');
    await put(dir, 'exports/backups/2026/fs01-1.vbk');
    await put(dir, 'exports/backups/2026/other.bak');
    const { files, problems } = await resolve(
      dir,
      deliverable(['exports/a.txt', 'exports/docs', 'exports/backups/**/*.vbk']),
      { allowExternal: false },
    );
    expect(problems).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['.hidden', '2026/fs01-1.vbk', 'a.txt', 'sub/b.md']);
    expect(files.find((f) => f.rel === 'a.txt')).toMatchObject({
      abs: path.join(dir, 'exports/a.txt'),
      size: 1,
      source: 'exports/a.txt',
    });
  });

  it('reports a missing file, a glob matching nothing and an empty folder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'empty'));
    const { files, problems } = await resolve(dir, deliverable(['nope.vbk', 'x/*.vbk', 'empty']), {
      allowExternal: false,
    });
    expect(files).toEqual([]);
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      ['missing', 'nope.vbk does not exist'],
      ['missing', 'no file matches "x/*.vbk"'],
      ['empty', 'the folder empty holds no files'],
    ]);
  });

  it('refuses symlinks and special files by name, in folders and globs, never skipping them silently', async () => {
    const dir = await tempDir();
    await put(dir, 'exports/real.txt');
    await symlink('real.txt', path.join(dir, 'exports/link.txt'));
    execFileSync('mkfifo', [path.join(dir, 'exports/pipe')]);
    for (const source of ['exports', 'exports/*']) {
      const { files, problems } = await resolve(dir, deliverable([source]), { allowExternal: false });
      expect(files.map((f) => f.rel)).toEqual(['real.txt']);
      expect(problems).toEqual([
        expect.objectContaining({
          kind: 'symlink',
          path: 'exports/link.txt',
          message: expect.stringContaining('symbolic link'),
        }),
        expect.objectContaining({
          kind: 'special',
          path: 'exports/pipe',
          message: expect.stringContaining('named pipe'),
        }),
      ]);
    }
    const direct = await resolve(dir, deliverable(['exports/link.txt']), { allowExternal: false });
    expect(direct.problems.map((p) => p.kind)).toEqual(['symlink']);
  });

  it('refuses a file reached through a symlinked folder inside the plan folder', async () => {
    const dir = await tempDir();
    await put(dir, 'real/config.txt');
    await mkdir(path.join(dir, 'exports'));
    await symlink(path.join(dir, 'real'), path.join(dir, 'exports/linked'));
    for (const source of ['exports/linked/config.txt', 'exports/linked/*.txt']) {
      const { files, problems } = await resolve(dir, deliverable([source]), { allowExternal: false });
      expect(files).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({
          kind: 'symlink',
          path: 'exports/linked/config.txt',
          message: expect.stringContaining('symbolically linked folder'),
        }),
      ]);
    }
  });

  it('refuses a source outside the plan folder, also through a symlinked folder, unless allowed', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'plan');
    await put(root, 'outside/secret.txt');
    await mkdir(path.join(dir, 'exports'), { recursive: true });
    await symlink(path.join(root, 'outside'), path.join(dir, 'exports/linked'));
    const through = await resolve(dir, deliverable(['exports/linked/secret.txt']), {
      allowExternal: false,
    });
    expect(through.files).toEqual([]);
    expect(through.problems.map((p) => p.kind)).toEqual(['outside']);
    const up = await resolve(dir, deliverable(['../outside/secret.txt']), { allowExternal: false });
    expect(up.problems.map((p) => p.kind)).toEqual(['outside']);
    const allowed = await resolve(dir, deliverable(['../outside/secret.txt']), {
      allowExternal: true,
    });
    expect(allowed.files.map((f) => f.rel)).toEqual(['secret.txt']);
  });

  it('reports two files that would share a path in the deliverable', async () => {
    const dir = await tempDir();
    await put(dir, 'a/config.txt', 'one');
    await put(dir, 'b/config.txt', 'two');
    const { files, problems } = await resolve(dir, deliverable(['a/config.txt', 'b/config.txt']), {
      allowExternal: false,
    });
    expect(files).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ kind: 'duplicate', path: 'b/config.txt' })]);
  });

  it('stores names in NFC and keeps spaces, accents and % in them', async () => {
    const dir = await tempDir();
    await put(dir, 'docs/Proce\u0301dure 100% a\u0300 jour.md');
    const { files } = await resolve(dir, deliverable(['docs']), { allowExternal: false });
    expect(files.map((f) => f.rel)).toEqual(['Procédure 100% à jour.md'.normalize('NFC')]);
  });
});
