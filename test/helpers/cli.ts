import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'run.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a test runs the CLI in: this one, without EXITKIT_PASSPHRASE, without colours,
 * in the C locale so that the terminal speaks English unless a test asks otherwise (README.md,
 * "Commands"); then `extra`, where a value of undefined removes the variable.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C' };
  delete env.EXITKIT_PASSPHRASE;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env as NodeJS.ProcessEnv;
}

/**
 * Runs the built CLI as a person would type it (npm test builds first), with no terminal.
 * `env` is merged over a clean environment without EXITKIT_PASSPHRASE, in the C locale (an
 * `env` value of undefined removes the variable); `node`: flags for node itself.
 */
export function exitkit(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string; node?: string[] } = {},
): Promise<CliResult> {
  const env = cleanEnv(opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.node ?? []), BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const created: string[] = [];
// Registered when a test file imports this module, so it runs after that file's tests: an
// afterAll registered from inside a test or a hook would never run.
afterAll(async () => {
  await Promise.all(created.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A temporary folder removed after the test file. */
export async function tempDir(prefix = 'exitkit-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Every path under a folder (to prove that nothing was written anywhere). */
export async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    out.push(path.relative(root, path.join(e.parentPath, e.name)));
  return out.sort();
}
