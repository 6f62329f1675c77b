/**
 * `exitkit rehearse` end to end through the built CLI: a passing rehearsal writes the three
 * reports and leaves no scratch folder; `--sample 1` rehearses one file per deliverable; a
 * required deliverable missing is exit 1 with the walk's finding; a plan that does not validate is
 * exit 2; GnuPG verifies the signed report; SIGINT mid-rehearsal leaves no scratch folder.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { faultEnv, startExitkit, until } from '../helpers/faults.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { englishIn } from '../helpers/language.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let s: Scenario;

beforeAll(async () => {
  s = await makeScenario({
    dir: await tempDir('exitkit-rehearse-'),
    // Two files in one deliverable, so that --sample 1 takes fewer than all.
    extraExports: { 'exports/configs/sw02.cfg': 'hostname sw02\n' },
  });
});

/** The entries of DIR whose name marks a scratch folder. */
const scratchLeft = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('.rehearsal'));

describe('exitkit rehearse', () => {
  it('rehearses the whole exit: exit 0, three reports, the scratch folder gone', async () => {
    const out = path.join(s.dir, 'rehearsal');
    const r = await exitkit(['rehearse', s.plan, '--out', out, '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const result = JSON.parse(r.stdout) as Json;
    expect(result.ok).toBe(true);
    expect((await readdir(out)).sort()).toEqual(['rehearsal.html', 'rehearsal.json', 'rehearsal.md']);
    const report = JSON.parse(await readFile(path.join(out, 'rehearsal.json'), 'utf8')) as Json;
    expect(report.plan.id).toBe(s.id);
    expect(report.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.steps.map((x: Json) => [x.step, x.status])).toEqual([
      ['walk', 'passed'],
      ['bundle', 'passed'],
      ['verify', 'passed'],
      ['extract', 'passed'],
    ]);
    expect(report.sample).toBeNull();
    expect(report.payload.rehearsed).toEqual(report.payload.full);
    expect(report.payload.full.files).toBe(s.files.length);
    expect(report.estimatedSeconds).toBeGreaterThan(0);
    expect(report.ranBy.signer).toBeNull();
    expect(report.findings).toEqual([]);
    // The plan's language (English here) in the documents.
    expect(await readFile(path.join(out, 'rehearsal.md'), 'utf8')).toContain('Rehearsal passed');
    expect(await scratchLeft(out)).toEqual([]);
  });

  it('--sample 1: one file per deliverable, extrapolated to the full payload, in French', async () => {
    const out = path.join(s.dir, 'sample');
    const r = await exitkit(['rehearse', s.plan, '--out', out, '--sample', '1', '--lang', 'fr']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('toutes les étapes ont réussi');
    expect(englishIn(r.stdout + r.stderr)).toEqual([]);
    const report = JSON.parse(await readFile(path.join(out, 'rehearsal.json'), 'utf8')) as Json;
    expect(report.sample).toBe(1);
    expect(report.language).toBe('fr');
    // Five deliverables handed over, one file each; the full payload has every file.
    expect(report.payload.rehearsed.files).toBe(5);
    expect(report.payload.full.files).toBe(s.files.length);
    expect(report.payload.rehearsed.bytes).toBeLessThan(report.payload.full.bytes);
    const html = await readFile(path.join(out, 'rehearsal.html'), 'utf8');
    expect(html).toContain('Répétition réussie');
    expect(html).toContain('échantillon de 1 fichier par livrable');
    // Every word but the plan's own (its title is in English) in French.
    const md = (await readFile(path.join(out, 'rehearsal.md'), 'utf8')).replaceAll(report.plan.title, '');
    expect(englishIn(md)).toEqual([]);
    expect(await scratchLeft(out)).toEqual([]);
  });

  it('a required deliverable missing: exit 1, the finding named, the reports still written', async () => {
    const dir = await tempDir('exitkit-rehearse-missing-');
    const t = await makeScenario({ dir });
    await rm(path.join(dir, 'exports/vault/handover.kdbx'));
    const out = path.join(dir, 'rehearsal');
    const r = await exitkit(['rehearse', t.plan, '--out', out, '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(1);
    const report = JSON.parse(await readFile(path.join(out, 'rehearsal.json'), 'utf8')) as Json;
    expect(report.ok).toBe(false);
    expect(report.steps[0]).toMatchObject({ step: 'walk', status: 'failed' });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ step: 'walk', level: 'error', deliverable: 'm365-admin' }),
    );
    expect(await readFile(path.join(out, 'rehearsal.md'), 'utf8')).toContain('m365-admin');
    expect(await scratchLeft(out)).toEqual([]);
  });

  it('a plan that does not validate: exit 2, nothing written', async () => {
    const bad = path.join(s.dir, 'bad.yaml');
    await writeFile(bad, (await readFile(s.plan, 'utf8')).replace(/^id: .*$/m, 'id: 42'));
    const out = path.join(s.dir, 'bad-rehearsal');
    const r = await exitkit(['rehearse', bad, '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: /m);
    expect(await readdir(out).catch(() => 'absent')).toBe('absent');
  });

  it('--signing-key: rehearsal.json.asc, which GnuPG verifies; the report names the signer', async () => {
    const out = path.join(s.dir, 'signed');
    const r = await exitkit([
      'rehearse',
      s.plan,
      '--out',
      out,
      '--sample',
      '1',
      '--signing-key',
      s.keys.client.sec,
    ]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, 'rehearsal.json'), 'utf8')) as Json;
    expect(report.ranBy.signer.fingerprint.toUpperCase()).toBe(s.keys.client.fingerprint);
    expect(report.ranBy.signer.userId).toContain('ACME SA');
    const home = gpgHome();
    expect(gpg(home, ['--import', s.keys.client.pub]).status).toBe(0);
    const v = gpg(home, ['--verify', path.join(out, 'rehearsal.json.asc'), path.join(out, 'rehearsal.json')]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stderr).toContain('Good signature');
  });

  it('SIGINT while the archive is written: exit 2, no scratch folder, no report', async () => {
    const out = path.join(s.dir, 'signal');
    await mkdir(out);
    const run = startExitkit(['rehearse', s.plan, '--out', out], faultEnv('slow', out, { delayMs: 200 }));
    // The scratch folder holds the bundle once the archive is being written.
    const archiveStarted = async () => {
      for (const name of await scratchLeft(out)) {
        const bundle = await readdir(path.join(out, name, 'bundle')).catch(() => [] as string[]);
        if (bundle.some((f) => f.includes('.tar.pgp'))) return true;
      }
      return false;
    };
    await until(archiveStarted, 'the archive being written', run);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('interrupted by SIGINT');
    expect(await readdir(out)).toEqual([]);
  });
});
