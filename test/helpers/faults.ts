/**
 * Fault injection for the end-to-end tests of test/faults/: no LD_PRELOAD, no privileges.
 *
 * `faultEnv(...)` returns the environment that makes the built CLI load a small preload module
 * (node --import; a worker thread is wrapped so that it loads it too) which watches every write
 * to a file under a path prefix (asking /proc/self/fd which file a descriptor is):
 *
 * - `full`: once `roomBytes` have been written (0 by default), every write to a watched file goes
 *   to /dev/full instead, so the kernel itself answers ENOSPC, exactly as a full disk does (the
 *   file exists, holds what fitted, and must be cleaned up);
 * - `slow`: every write to a watched file waits a little first, so that a signal or a change to a
 *   source can land while the archive is being written, without depending on the machine's speed;
 * - `slow-read`: every read of a watched file waits a little first, so that a signal can land while
 *   an input (a hostile archive) is being read, whatever the machine's speed.
 *
 * The product's code is untouched: the module patches node:fs (callback and sync writes, and
 * FileHandle) and syncs the ES module bindings, so `import { write } from 'node:fs'` sees it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { BIN, cleanEnv } from './cli.js';
import { gpg } from './gpg.js';

const PRELOAD = String.raw`
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import wt from 'node:worker_threads';

const prefix = process.env.EXITKIT_FAULT_PREFIX;
const mode = process.env.EXITKIT_FAULT_MODE;
const delay = Number(process.env.EXITKIT_FAULT_DELAY_MS ?? '25');
let room = Number(process.env.EXITKIT_FAULT_ROOM ?? '0');
let full;
const fullFd = () => (full ??= fs.openSync('/dev/full', 'w'));
const { read, readlinkSync, write, writev, writeSync, writevSync } = fs;

// Which file a descriptor writes to, asked of the kernel: right in any thread, whoever opened it.
const watched = (fd) => {
  if (!prefix || typeof fd !== 'number') return false;
  try {
    const p = readlinkSync('/proc/self/fd/' + fd);
    return p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
  } catch {
    return false;
  }
};
const size = (x) =>
  Array.isArray(x) ? x.reduce((n, b) => n + b.byteLength, 0) : (x?.byteLength ?? String(x ?? '').length);
// The disk has room for EXITKIT_FAULT_ROOM bytes (in each thread), then every write fails whole.
const target = (fd, data) => {
  if (mode !== 'full' || !watched(fd)) return fd;
  if (room >= size(data)) {
    room -= size(data);
    return fd;
  }
  return fullFd();
};
const later = (fd, go) => (mode === 'slow' && watched(fd) ? setTimeout(go, delay) : go());
const pause = (fd) => {
  if (mode === 'slow' && watched(fd)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
};

// Reads (a read stream's, and a FileHandle's below) wait first in 'slow-read'.
const slowRead = (fd) => mode === 'slow-read' && watched(fd);
if (mode === 'slow-read') {
  fs.read = function (fd, ...rest) {
    if (!slowRead(fd)) return read.call(fs, fd, ...rest);
    setTimeout(() => read.call(fs, fd, ...rest), delay);
  };
  // util.promisify(fs.read) resolves {bytesRead, buffer} through these: keep them.
  for (const k of Object.getOwnPropertySymbols(read)) fs.read[k] = read[k];
}
// FileHandle: its methods live on one prototype.
const probe = await fs.promises.open('/dev/null', 'r');
const proto = Object.getPrototypeOf(probe);
await probe.close();
const realRead = proto.read;
if (mode === 'slow-read') proto.read = function (...args) {
  if (!slowRead(this.fd)) return realRead.apply(this, args);
  return new Promise((resolve) => setTimeout(resolve, delay)).then(() => realRead.apply(this, args));
};

fs.write = function (fd, ...rest) {
  later(fd, () => write.call(fs, target(fd, rest[0]), ...rest));
};
fs.writev = function (fd, ...rest) {
  later(fd, () => writev.call(fs, target(fd, rest[0]), ...rest));
};
fs.writeSync = function (fd, ...rest) {
  pause(fd);
  return writeSync.call(fs, target(fd, rest[0]), ...rest);
};
fs.writevSync = function (fd, ...rest) {
  pause(fd);
  return writevSync.call(fs, target(fd, rest[0]), ...rest);
};

for (const name of ['write', 'writev', 'writeFile', 'appendFile']) {
  const real = proto[name];
  proto[name] = function (...args) {
    if (!watched(this.fd)) return real.apply(this, args);
    return new Promise((resolve, reject) => {
      const go = () => {
        if (mode === 'full' && room < size(args[0]))
          return reject(Object.assign(new Error('ENOSPC: no space left on device, write'), {
            errno: -28, code: 'ENOSPC', syscall: 'write',
          }));
        if (mode === 'full') room -= size(args[0]);
        real.apply(this, args).then(resolve, reject);
      };
      mode === 'slow' ? setTimeout(go, delay) : go();
    });
  };
}

// A worker does not run --import: wrap its module so that it loads this one first.
const self = import.meta.url;
const RealWorker = wt.Worker;
wt.Worker = class extends RealWorker {
  constructor(file, options = {}) {
    const href =
      file instanceof URL ? file.href : String(file).startsWith('file:') ? String(file) : 'file://' + String(file);
    const wrap = !options.eval;
    super(
      wrap ? 'import(' + JSON.stringify(self) + ').then(() => import(' + JSON.stringify(href) + '))' : file,
      wrap ? { ...options, eval: true } : options,
    );
  }
};
syncBuiltinESMExports();
`;

/**
 * Folders removed after the test file. (Registered when this module loads, at the file's top
 * level: an afterAll registered from inside a hook or a test is not run.)
 */
const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A temporary folder removed after the test file. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

let preloadFile: string | undefined;

/** Writes the preload module once per test process (outside every folder a test inspects). */
function preload(): string {
  if (!preloadFile) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'exitkit-faults-'));
    scratch.push(dir);
    // Readable by everyone: a test may run the CLI as another user (nobody).
    chmodSync(dir, 0o755);
    preloadFile = path.join(dir, 'preload.mjs');
    writeFileSync(preloadFile, PRELOAD, { mode: 0o644 });
  }
  return preloadFile;
}

export type FaultMode = 'full' | 'slow' | 'slow-read';

/** The environment that injects `mode` into writes (or reads) under `prefix` (an absolute path). */
export function faultEnv(
  mode: FaultMode,
  prefix: string,
  opts: { delayMs?: number; roomBytes?: number } = {},
): Record<string, string> {
  const base = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return {
    NODE_OPTIONS: `${base}--import ${preload()}`,
    EXITKIT_FAULT_MODE: mode,
    EXITKIT_FAULT_PREFIX: prefix,
    EXITKIT_FAULT_DELAY_MS: String(opts.delayMs ?? 25),
    EXITKIT_FAULT_ROOM: String(opts.roomBytes ?? 0),
  };
}

/** Every path under a folder, relative and sorted (to prove that nothing was left). */
export async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    out.push(path.relative(root, path.join(e.parentPath, e.name)));
  return out.sort();
}

/**
 * Polls (no timing assertion: only how long to wait at most) until `ready` holds; gives up at
 * once, with its output, when the process `run` has ended meanwhile.
 */
export async function until(
  ready: () => Promise<boolean>,
  what: string,
  run?: Running,
  maxMs = 30_000,
): Promise<void> {
  const end = Date.now() + maxMs;
  while (!(await ready())) {
    if (run && run.child.exitCode !== null) {
      const r = await run.done;
      throw new Error(`the CLI ended (exit ${r.code}) before ${what}: ${r.stderr}`);
    }
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A running CLI whose output is collected, to be signalled mid-way. */
export interface Running {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the built CLI; `uid`/`gid` run it as another user (root only). */
export function startExitkit(
  args: string[],
  env: Record<string, string | undefined> = {},
  opts: { uid?: number; gid?: number; cwd?: string } = {},
): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...opts,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * Runs the built CLI on a pseudo-terminal (util-linux `script`) and types `steps` when their
 * prompt appears on screen: driven by what the program prints, never by timing. A step may be a
 * function instead of keys: it gets the pid of `script`, whose child is exitkit (to signal it).
 */
export function onTerminal(
  args: string[],
  steps: Array<[RegExp, string | ((scriptPid: number) => void)]>,
  opts: { env?: Record<string, string>; cwd?: string } = {},
): Promise<{ code: number | null; screen: string; unanswered: number }> {
  const env = opts.env ?? {};
  // exec: no shell stays between the terminal and exitkit (a Ctrl-C outside the prompt's raw mode
  // is a SIGINT to the whole foreground group, and would kill that shell instead).
  const command = `exec ${[process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: cleanEnv({ TERM: 'dumb', CI: '', ...env, EXITKIT_PASSPHRASE: undefined }),
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    let screen = '';
    let pending = '';
    const feed = (d: Buffer) => {
      screen += d.toString();
      pending += d.toString();
      while (steps.length > 0 && steps[0]![0].test(pending)) {
        const [, keys] = steps.shift()!;
        pending = '';
        if (typeof keys === 'string') child.stdin.write(keys);
        else keys(child.pid!);
      }
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen, unanswered: steps.length }));
  });
}

/** util-linux `script`, which makes the pseudo-terminal. */
export const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Mounts a tmpfs of `size` at `dir` (root only); returns why not when it cannot. */
export function mountTmpfs(dir: string, size: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return undefined;
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return (err.stderr?.toString('utf8').trim() || err.message).split('\n')[0];
  }
}

export function umount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' });
}

/** A key that GnuPG made and that cannot be used now, each for a different reason. */
export type BadKeyKind = 'expired' | 'revoked' | 'cert-only';

export interface ArmoredPair {
  publicKey: string;
  secretKey: string;
  fingerprint: string;
}

/**
 * Makes with GnuPG (the real other side) an ed25519 key with a cv25519 encryption subkey that is
 * `expired` (made in 2020 to last one day), `revoked` (its own revocation certificate imported),
 * or `cert-only` (a certify-only primary: it can be encrypted to, but cannot sign).
 */
export function gpgBadKey(home: string, kind: BadKeyKind, email: string): ArmoredPair {
  const past = kind === 'expired' ? ['--faked-system-time', '20200101T000000!'] : [];
  const run = (args: string[]) => {
    const r = gpg(home, [...past, '--passphrase', '', ...args]);
    if (r.status !== 0) throw new Error(`gpg ${args.join(' ')} failed: ${r.stderr}`);
    return r;
  };
  run([
    '--quick-generate-key',
    `${kind} <${email}>`,
    'ed25519',
    kind === 'cert-only' ? 'cert' : 'sign,cert',
    kind === 'expired' ? '1d' : 'never',
  ]);
  const list = gpg(home, ['--with-colons', '--list-secret-keys', email]).stdout.toString('utf8');
  const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(list)?.[1];
  if (!fingerprint) throw new Error(`no fingerprint for ${email}`);
  run(['--quick-add-key', fingerprint, 'cv25519', 'encr', kind === 'expired' ? '1d' : 'never']);
  if (kind === 'revoked') {
    // GnuPG writes a revocation certificate with every key, its armor lines guarded by a ':'.
    const cert = readFileSync(path.join(home, 'openpgp-revocs.d', `${fingerprint}.rev`), 'utf8');
    const imp = gpg(home, ['--import'], cert.replace(/^:/gm, ''));
    if (imp.status !== 0) throw new Error(`gpg could not revoke ${email}: ${imp.stderr}`);
  }
  const publicKey = gpg(home, ['--armor', '--export', fingerprint]).stdout.toString('utf8');
  const secretKey = gpg(home, [
    '--passphrase',
    '',
    '--armor',
    '--export-secret-keys',
    fingerprint,
  ]).stdout.toString('utf8');
  return { publicKey, secretKey, fingerprint };
}
