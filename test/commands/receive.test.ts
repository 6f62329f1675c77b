/**
 * The receiving side end to end on a real bundle (`exitkit bundle` on the shared scenario):
 * the client verifies without a key, the incoming provider extracts with its passphrase-protected
 * key, the client acknowledges, and the receipt is checked back.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { makeScenario } from '../helpers/scenario.js';

describe('the receiving side on a real bundle', () => {
  it('verify (client), extract (incoming, passphrase file), acknowledge, verify --receipt', async () => {
    const s = await makeScenario({ dir: await tempDir(), passphrase: 'correct horse' });
    const pass = path.join(s.dir, 'pass.txt');
    await writeFile(pass, 'correct horse\n');
    const made = await exitkit(
      ['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec, '--passphrase-file', pass],
      { cwd: s.dir },
    );
    expect(made.code, made.stderr).toBe(0);
    const manifest = path.join(s.out, `${s.id}.manifest.json`);

    const client = await exitkit(['verify', manifest, '--plan', s.plan, '--json']);
    expect(client.code, client.stdout).toBe(0);
    const verification = path.join(s.dir, 'verification.json');
    await writeFile(verification, client.stdout);

    const dest = path.join(s.dir, 'handover');
    const wrong = path.join(s.dir, 'wrong.txt');
    await writeFile(wrong, 'wrong\n');
    const [bad, good] = await Promise.all([
      exitkit([
        'extract',
        manifest,
        '--plan',
        s.plan,
        '--to',
        path.join(s.dir, 'never'),
        '--decryption-key',
        s.keys.incoming.sec,
        '--passphrase-file',
        wrong,
      ]),
      exitkit([
        'extract',
        manifest,
        '--plan',
        s.plan,
        '--to',
        dest,
        '--decryption-key',
        s.keys.incoming.sec,
        '--passphrase-file',
        pass,
      ]),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('wrong passphrase');
    expect(bad.stderr).not.toContain('wrong\n');
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const bag = path.join(dest, s.id);
    expect(await readdir(bag)).toContain('bagit.txt');
    expect(await readFile(path.join(bag, 'data/configurations/network-configs/fw01.cfg'), 'utf8')).toContain(
      'hostname fw01',
    );
    expect((await readdir(s.dir)).filter((f) => f.includes('exitkit-'))).toEqual([]);

    const ack = await exitkit([
      'acknowledge',
      manifest,
      '--signing-key',
      s.keys.client.sec,
      '--passphrase-file',
      pass,
      '--verification',
      verification,
      '--plan',
      s.plan,
    ]);
    expect(ack.code, ack.stderr).toBe(0);
    const back = await exitkit([
      'verify',
      manifest,
      '--plan',
      s.plan,
      '--receipt',
      path.join(s.out, `${s.id}.receipt.client.json`),
      '--json',
    ]);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, receipt: { valid: true, role: 'client' } });
  }, 60_000);
});
