/**
 * Issue 7, "Secrets": a clear-text credential export holding a unique string goes through every
 * command; the string appears in no output, report, log or temporary file, only inside the
 * encrypted archive (as ciphertext) and the extracted folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir, type CliResult } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';

const CANARY = `CANARY-${randomBytes(12).toString('hex')}`;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}

describe('a secret canary through walk, bundle, verify, extract, checklist, compensation, acknowledge', () => {
  let s: Scenario;
  let tmp: string;
  const outputs: Array<[string, CliResult]> = [];
  let plaintext: Buffer;

  beforeAll(async () => {
    const dir = await tempDir('exitkit-canary-');
    tmp = path.join(dir, 'private-tmp');
    await mkdir(tmp);
    s = await makeScenario({
      dir: path.join(dir, 'exit'),
      deliverables: [
        ...DEFAULT_DELIVERABLES,
        {
          id: 'wifi-passwords',
          category: 'credentials',
          title: 'Wi-Fi and printer passwords (clear-text export)',
          sources: ['exports/vault/passwords.csv'],
          status: 'ready',
          checks: { allow_cleartext: true },
        },
      ],
      extraExports: { 'exports/vault/passwords.csv': `account,password\nwifi-guest,${CANARY}\n` },
    });
    // Every command runs with a private TMPDIR, so that any temporary file it makes is seen here.
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const run = async (label: string, args: string[], expected: number) => {
      const r = await exitkit(args, { cwd: s.dir, env });
      expect(r.code, `${label}: ${r.stderr}`).toBe(expected);
      outputs.push([label, r]);
      return r;
    };
    const manifest = path.join(s.out, `${s.id}.manifest.json`);
    await run('walk', ['walk', 'plan.yaml', '--no-input'], 0);
    await run('walk --json', ['walk', 'plan.yaml', '--no-input', '--json'], 0);
    await run('bundle', ['bundle', 'plan.yaml', '--out', s.out, '--signing-key', s.keys.outgoing.sec], 0);
    await run('verify (client)', ['verify', manifest, '--plan', 'plan.yaml'], 0);
    const v = await run(
      'verify (incoming)',
      ['verify', manifest, '--plan', 'plan.yaml', '--decryption-key', s.keys.incoming.sec, '--json'],
      0,
    );
    await writeFile(path.join(s.dir, 'verification.json'), v.stdout);
    await run(
      'extract',
      [
        'extract',
        manifest,
        '--plan',
        'plan.yaml',
        '--decryption-key',
        s.keys.incoming.sec,
        '--to',
        'received',
      ],
      0,
    );
    for (const lang of ['fr', 'en']) {
      for (const format of ['md', 'html']) {
        await run(
          `checklist ${lang} ${format}`,
          [
            'checklist',
            'plan.yaml',
            '--manifest',
            manifest,
            '--verification',
            'verification.json',
            '--lang',
            lang,
            '--format',
            format,
          ],
          0,
        );
      }
    }
    await run(
      'compensation',
      ['compensation', 'plan.yaml', '--manifest', manifest, '--verification', 'verification.json'],
      0,
    );
    await run(
      'compensation --json',
      ['compensation', 'plan.yaml', '--manifest', manifest, '--verification', 'verification.json', '--json'],
      0,
    );
    await run(
      'acknowledge',
      [
        'acknowledge',
        manifest,
        '--plan',
        'plan.yaml',
        '--signing-key',
        s.keys.client.sec,
        '--verification',
        'verification.json',
        '--out',
        s.out,
      ],
      0,
    );
    // The real other side decrypts the archive.
    const home = gpgHome();
    expect(gpg(home, ['--import', s.keys.client.sec]).status).toBe(0);
    const d = gpg(home, ['--decrypt', path.join(s.out, `${s.id}.tar.pgp`)]);
    expect(d.status, d.stderr).toBe(0);
    plaintext = d.stdout;
  });

  it('names the clear-text credential file in the walk, never its content', () => {
    const walk = outputs.find(([l]) => l === 'walk')![1];
    expect(walk.stdout + walk.stderr).toContain('passwords.csv');
    expect(walk.stdout + walk.stderr).toMatch(/clear text/);
  });

  it('leaves the string out of every stdout and stderr', () => {
    for (const [label, r] of outputs) {
      expect(r.stdout.includes(CANARY), `${label} stdout`).toBe(false);
      expect(r.stderr.includes(CANARY), `${label} stderr`).toBe(false);
    }
  });

  it('leaves no temporary file, and the string in no file but the source and the extracted bag', async () => {
    expect(await filesUnder(tmp)).toEqual([]);
    const allowed = [
      path.join(s.dir, 'exports', 'vault', 'passwords.csv'),
      path.join(s.dir, 'received') + path.sep,
    ];
    let extractedHasIt = false;
    for (const f of await filesUnder(s.dir)) {
      const holds = (await readFile(f)).includes(CANARY);
      if (f.startsWith(allowed[1]!)) extractedHasIt ||= holds;
      else if (f !== allowed[0]) expect(holds, f).toBe(false);
    }
    // The control: the extraction did bring the secret back (so the search above can find it).
    expect(extractedHasIt).toBe(true);
  });

  it('encrypts it: the plaintext is one clean tar stream of the bag, holding the string and no key packet', () => {
    expect(plaintext.includes(CANARY)).toBe(true);
    // The first tar header names the bag's first file: nothing precedes the tar stream.
    expect(plaintext.subarray(0, 100).toString('utf8').replace(/\0+$/, '')).toBe(`${s.id}/bagit.txt`);
    const listed = spawnSync('tar', ['tf', '-'], { input: plaintext });
    expect(listed.status, listed.stderr.toString()).toBe(0);
    // No part of any party's key travels inside the archive (a key packet's material would).
    for (const role of ['client', 'outgoing', 'incoming'] as const) {
      const binary = gpg(gpgHome(), ['--dearmor'], spawnSync('cat', [s.keys[role].sec]).stdout).stdout;
      const material = binary.subarray(12, 44);
      expect(material.length).toBe(32);
      expect(plaintext.includes(material), `${role} key material`).toBe(false);
    }
  });
});
