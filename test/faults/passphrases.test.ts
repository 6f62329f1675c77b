/**
 * Passphrases (SECURITY.md, "Secrets handling"): never taken from a flag value, never echoed, never in an error,
 * never in a file the CLI leaves behind. Each run uses a unique string, then looks for it in
 * stdout, stderr (human and --json), the output folders, their parents and a private TMPDIR.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { hasScript, onTerminal, tree, scratchDir } from '../helpers/faults.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

const PASS = 'right-horse-battery';
let dir: string;
let s: Scenario;
let manifest: string;

/** A string found nowhere else: if it shows up, it came from this run. */
const unique = (tag: string) => `zz-${tag}-${randomBytes(6).toString('hex')}`;

/** Every file under root whose bytes hold `needle` (as UTF-8 or UTF-16LE), by relative path. */
async function filesHolding(root: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  for (const rel of await tree(root)) {
    const abs = path.join(root, rel);
    if (!(await stat(abs)).isFile()) continue;
    const bytes = await readFile(abs);
    if (forms.some((f) => bytes.includes(f))) found.push(rel);
  }
  return found;
}

beforeAll(async () => {
  dir = await scratchDir('exitkit-faults-pass-');
  s = await makeScenario({ dir: path.join(dir, 's'), passphrase: PASS });
  const made = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec], {
    env: { EXITKIT_PASSPHRASE: PASS },
  });
  if (made.code !== 0) throw new Error(`the bundle for the receiving side failed: ${made.stderr}`);
  manifest = path.join(s.out, `${s.id}.manifest.json`);
});

/** The commands that take a private key, each with a fresh output place under `at`. */
function keyCommands(at: string): Array<[string, string[]]> {
  return [
    ['bundle', ['bundle', s.plan, '--out', path.join(at, 'bundle'), '--signing-key', s.keys.outgoing.sec]],
    ['verify', ['verify', manifest, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec]],
    [
      'extract',
      [
        'extract',
        manifest,
        '--plan',
        s.plan,
        '--decryption-key',
        s.keys.incoming.sec,
        '--to',
        path.join(at, 'x'),
      ],
    ],
    [
      'acknowledge',
      [
        'acknowledge',
        manifest,
        '--signing-key',
        s.keys.client.sec,
        '--plan',
        s.plan,
        '--out',
        path.join(at, 'ack'),
      ],
    ],
    [
      'keys generate',
      ['keys', 'generate', '--name', 'ACME SA', '--email', 'it@acme.example', '--out', path.join(at, 'keys')],
    ],
  ];
}

describe('a passphrase is never a flag value', () => {
  it('--passphrase VALUE and --passphrase=VALUE --json: exit 2 on every command, the value never repeated, a hint to the right ways', async () => {
    const at = path.join(dir, 'flag');
    await mkdir(at);
    const runs = await Promise.all(
      keyCommands(at).flatMap(([name, args]) =>
        (['separate', 'glued'] as const).map(async (form) => {
          const secret = unique(`flag-${form}`);
          const flag = form === 'glued' ? [`--passphrase=${secret}`, '--json'] : ['--passphrase', secret];
          return { name: `${name} (${form})`, form, secret, r: await exitkit([...args, ...flag]) };
        }),
      ),
    );
    for (const { name, form, secret, r } of runs) {
      expect(r.code, name).toBe(2);
      if (form === 'separate') {
        expect(r.stderr, name).toMatch(/^error: nonexistent flag: --passphrase$/m);
        expect(r.stderr, name).toMatch(
          /^hint: a passphrase is never given as a flag value.*--passphrase-file/m,
        );
      } else {
        const j = JSON.parse(r.stdout) as { error: { message: string; hints: string[]; exit: number } };
        expect(j.error, name).toMatchObject({ message: 'nonexistent flag: --passphrase=…', exit: 2 });
        expect(j.error.hints[0], name).toMatch(/never given as a flag value/);
      }
      expect(r.stdout + r.stderr, name).not.toContain(secret);
    }
    expect(await tree(at)).toEqual([]);
  });
});

describe('a wrong passphrase is exit 2, and never appears in the output', () => {
  it('from EXITKIT_PASSPHRASE (human) and from --passphrase-file (--json), on every command that unlocks a key', async () => {
    const at = path.join(dir, 'wrong');
    await mkdir(at);
    const tmp = path.join(dir, 'tmp-wrong');
    await mkdir(tmp);
    const runs = await Promise.all(
      keyCommands(at)
        .filter(([name]) => name !== 'keys generate')
        .flatMap(([name, args], i) =>
          (['EXITKIT_PASSPHRASE', '--passphrase-file'] as const).map(async (via) => {
            const secret = unique(`wrong-${i}`);
            if (via === 'EXITKIT_PASSPHRASE')
              return {
                name,
                via,
                secret,
                r: await exitkit(args, { env: { TMPDIR: tmp, EXITKIT_PASSPHRASE: secret } }),
              };
            const file = path.join(dir, `pass-${i}.txt`);
            await writeFile(file, `${secret}\n`, { mode: 0o600 });
            const r = await exitkit([...args, '--passphrase-file', file, '--json'], { env: { TMPDIR: tmp } });
            return { name, via, secret, r };
          }),
        ),
    );
    for (const { name, via, secret, r } of runs) {
      expect(r.code, name).toBe(2);
      if (via === 'EXITKIT_PASSPHRASE') {
        expect(r.stderr, name).toMatch(/^error: wrong passphrase for the key /m);
        expect(r.stderr, name).toMatch(/^hint: check EXITKIT_PASSPHRASE/m);
      } else {
        const j = JSON.parse(r.stdout) as { error: { message: string; hints: string[]; exit: number } };
        expect(j.error.message, name).toMatch(/^wrong passphrase for the key /);
        expect(j.error.hints.join('\n'), name).toMatch(/check the passphrase file /);
      }
      expect(r.stdout + r.stderr, name).not.toContain(secret);
    }
    // Nothing written, and nothing parked in TMPDIR.
    expect(await tree(at)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('the right passphrase leaves no trace either', () => {
  it('a whole bundle, extract and acknowledge: the passphrase is in no output and no file, not even in TMPDIR', async () => {
    const secret = unique('right');
    const t = await makeScenario({ dir: path.join(dir, 'right'), passphrase: secret });
    const tmp = path.join(dir, 'tmp-right');
    await mkdir(tmp);
    const env = { EXITKIT_PASSPHRASE: secret, TMPDIR: tmp };
    const m = path.join(t.out, `${t.id}.manifest.json`);
    const runs = [
      await exitkit(['bundle', t.plan, '--out', t.out, '--signing-key', t.keys.outgoing.sec, '--json'], {
        env,
      }),
      await exitkit(
        [
          'extract',
          m,
          '--plan',
          t.plan,
          '--decryption-key',
          t.keys.incoming.sec,
          '--to',
          path.join(t.dir, 'x'),
        ],
        { env },
      ),
      await exitkit(['acknowledge', m, '--signing-key', t.keys.client.sec, '--plan', t.plan], { env }),
    ];
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/^error:/m);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
    expect(await filesHolding(dir, secret)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('the hidden prompt on a terminal', () => {
  it.skipIf(!hasScript)(
    'asks for the passphrase without echoing it: right, then wrong (exit 2)',
    async () => {
      const right = await onTerminal(
        ['bundle', s.plan, '--out', path.join(dir, 'tty-right'), '--signing-key', s.keys.outgoing.sec],
        [[/Passphrase for .*infogest\.sec\.asc/, `${PASS}\r`]],
      );
      expect(right.unanswered).toBe(0);
      expect(right.screen).not.toContain(PASS);
      expect(right.screen).not.toMatch(/^error:/m);
      expect(right.code).toBe(0);

      const secret = unique('typed');
      const wrong = await onTerminal(
        ['bundle', s.plan, '--out', path.join(dir, 'tty-wrong'), '--signing-key', s.keys.outgoing.sec],
        [[/Passphrase for .*infogest\.sec\.asc/, `${secret}\r`]],
      );
      expect(wrong.unanswered).toBe(0);
      expect(wrong.screen).toContain('wrong passphrase');
      expect(wrong.screen).toContain('check the passphrase you typed');
      expect(wrong.screen).not.toContain(secret);
      expect(wrong.code).toBe(2);
    },
  );
});
