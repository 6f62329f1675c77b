import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

function runDemo(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.js'), '--out', out], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run demo', () => {
  it('plays the whole story and leaves every output in its folder', { timeout: 180_000 }, async () => {
    const out = path.join(await tempDir(), 'demo-output');
    const r = await runDemo(out);
    expect(r.stderr).not.toContain('demo failed');
    expect(r.code).toBe(0);
    for (const step of [
      'validate',
      'walk',
      'LANG=fr_CH.UTF-8 exitkit walk',
      'bilan : ',
      'bundle',
      'verify as the client',
      'verify as the incoming provider',
      'tampered',
      'extract',
      'checklist',
      'compensation',
      'acknowledge',
      'rehearse',
      'attest deletion',
    ]) {
      expect(r.stdout).toContain(step);
    }
    const id = 'acme-exit-2026';
    for (const f of [
      `handover/${id}.tar.pgp`,
      `handover/${id}.manifest.json`,
      `handover/${id}.manifest.json.asc`,
      `handover/${id}.receipt.incoming.json`,
      `handover/${id}.receipt.incoming.json.asc`,
      `handover/${id}.receipt.incoming.1.json`,
      `handover/${id}.receipt.incoming.1.json.asc`,
      `received/${id}/bagit.txt`,
      'documents/checklist.fr.md',
      'documents/checklist.fr.html',
      'documents/checklist.en.html',
      'documents/compensation.fr.html',
      'documents/compensation.en.html',
      'documents/compensation.en.md',
      'rehearsal/rehearsal.md',
      'rehearsal/rehearsal.html',
      'rehearsal/rehearsal.json',
      'rehearsal/rehearsal.json.asc',
      `handover/${id}.deletion.json`,
      `handover/${id}.deletion.json.asc`,
    ]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    const verification = JSON.parse(readFileSync(path.join(out, 'verification.json'), 'utf8')) as {
      ok: boolean;
      files: { checked: number };
    };
    expect(verification.ok).toBe(true);
    expect(verification.files.checked).toBeGreaterThan(0);
    // The story ends with a release that rests on a decrypting verification, not on the client's
    // keyless one: held first, released on the incoming provider's signed receipt.
    expect(r.stdout).toMatch(/releasable: false \(not met: decrypted_verification\)/);
    // A reserve holds the payment until the party lifts it in its next, chained receipt.
    expect(r.stdout).toMatch(/reserve I1 open; final payment held \(not met: no_open_reserves\)/);
    expect(r.stdout).toMatch(
      /receipt\.incoming\.json \(reserve I1 lifted\) supersedes acme-exit-2026\.receipt\.incoming\.1\.json/,
    );
    expect(r.stdout).toMatch(/releasable\n[\s\S]*decrypted_verification: NovaIT SA a signé/);
    const statement = readFileSync(path.join(out, 'documents/compensation.en.md'), 'utf8');
    expect(statement).toContain('**Final payment of CHF');
    expect(statement).toContain('can be released**');
    expect(statement).toContain('| a verification that decrypted and re-hashed every file | yes |');
    // The French checklist is French.
    expect(readFileSync(path.join(out, 'documents/checklist.fr.md'), 'utf8')).toMatch(
      /Sauvegardes|sauvegardes/,
    );
  });
});
