/**
 * A folder source of hundreds of thousands of files (a file server's export): walk, bundle,
 * verify and extract list them without passing them as one call's arguments, which throws
 * "Maximum call stack size exceeded" past about 150 000 on a default stack. Node runs here with a
 * stack a tenth of that size, so that 25 000 files stand for 250 000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

const MANY = 25_000;
const SMALL_STACK = ['--stack-size=100'];

describe('a folder source of many files, on a small stack', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await makeScenario();
    const folder = path.join(s.dir, 'exports', 'configs', 'many');
    mkdirSync(folder);
    for (let i = 0; i < MANY; i++)
      writeFileSync(path.join(folder, `sw${String(i).padStart(5, '0')}.cfg`), `hostname sw${i}\n`);
  }, 60_000);
  afterAll(() => s.cleanup());

  it('walks, bundles, verifies and extracts every file', async () => {
    const run = (args: string[]) => exitkit(args, { cwd: s.dir, node: SMALL_STACK });
    const walk = await run(['walk', 'plan.yaml', '--no-input', '--json']);
    expect(walk.stderr).not.toMatch(/call stack/);
    expect(walk.code).toBe(0);
    const walked = JSON.parse(walk.stdout) as { deliverables: Array<{ id: string; files: number }> };
    expect(walked.deliverables.find((d) => d.id === 'network-configs')!.files).toBe(MANY + 2);

    const bundle = await run(['bundle', 'plan.yaml', '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
    expect(bundle.stderr).not.toMatch(/call stack/);
    expect(bundle.code).toBe(0);
    const manifest = path.join(s.out, `${s.id}.manifest.json`);

    const key = ['--plan', 'plan.yaml', '--decryption-key', s.keys.incoming.sec];
    const verify = await run(['verify', manifest, ...key, '--json']);
    expect(verify.code).toBe(0);
    // Every payload file and every tag file re-hashed.
    const signed = JSON.parse(await readFile(manifest, 'utf8')) as {
      payload: { files: number };
      tagFiles: unknown[];
    };
    expect(signed.payload.files).toBeGreaterThan(MANY);
    const checked = (JSON.parse(verify.stdout) as { files: { checked: number } }).files.checked;
    expect(checked).toBe(signed.payload.files + signed.tagFiles.length);

    const to = path.join(s.dir, 'received');
    const extract = await run(['extract', manifest, ...key, '--to', to]);
    expect(extract.code).toBe(0);
    const many = await readdir(path.join(to, s.id, 'data', 'configurations', 'network-configs', 'many'));
    expect(many.length).toBe(MANY);
  }, 180_000);
});

describe('a handover whose manifest would be larger than verify reads', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await makeScenario();
    // 19 000 files under 14 folders of 250 characters: each listed with a path of about 3 600
    // characters, so the signed manifest would be about 70 MiB (verify reads at most 64 MiB).
    let folder = path.join(s.dir, 'exports', 'configs');
    for (let i = 0; i < 14; i++) folder = path.join(folder, String.fromCharCode(97 + i).repeat(250));
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 19_000; i++) writeFileSync(path.join(folder, `f${String(i).padStart(5, '0')}`), 'x');
  }, 60_000);
  afterAll(() => s.cleanup());

  it('is refused by bundle before a byte is written (exit 2), in words and in JSON', async () => {
    const args = ['bundle', 'plan.yaml', '--out', s.out, '--signing-key', s.keys.outgoing.sec];
    const said = await exitkit(args, { cwd: s.dir });
    expect(said.code).toBe(2);
    expect(said.stderr).toMatch(
      /^error: 19\d{3} files: the signed manifest would be about 7\d MiB, and verify reads at most 64 MiB: nothing was written$/m,
    );
    expect(said.stderr).toContain('hint: pack small files into a few archives');
    expect(await readdir(s.out)).toEqual([]);
    const json = await exitkit([...args, '--json'], { cwd: s.dir });
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { error: { code: string } }).error.code).toBe('input_invalid');
    expect(await readdir(s.out)).toEqual([]);
  }, 120_000);
});
