import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { englishIn, frenchIn } from '../helpers/language.js';
import { DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';

const FR = { LANG: 'fr_CH.UTF-8' };

/** The JSON without what changes from one run to the next (the time of the verdict). */
const stable = (json: string) => json.replace(/"verifiedAt": "[^"]*"/, '"verifiedAt": ""');

describe('bundle, verify and extract speak the terminal language', () => {
  let s: Scenario;
  beforeAll(async () => {
    // Names, not sentences, in the plan: only exitkit's own words are judged.
    s = await makeScenario({
      deliverables: DEFAULT_DELIVERABLES.map((d) => ({
        ...d,
        title: d.id.toUpperCase(),
        ...(d.waiver ? { waiver: { ...d.waiver, reason: 'CAD' } } : {}),
      })),
    });
  });
  afterAll(async () => s.cleanup());

  it('bundles, verifies and extracts in French, and in English with --lang en; the JSON is the same', async () => {
    const sign = ['--signing-key', s.keys.outgoing.sec];
    const fr = await exitkit(['bundle', 'plan.yaml', '--out', 'fr', ...sign], { cwd: s.dir, env: FR });
    const en = await exitkit(['bundle', 'plan.yaml', '--out', 'en', ...sign, '--lang', 'en'], {
      cwd: s.dir,
      env: FR,
    });
    expect(fr.code).toBe(0);
    expect(en.code).toBe(0);
    expect(fr.stdout).toMatch(
      /^acme-exit-2026 : \d+ fichiers \(\+ \d+ fichiers de contrôle\), .* complète ; chiffrée pour /,
    );
    expect(englishIn(fr.stdout + fr.stderr)).toEqual([]);
    expect(frenchIn(en.stdout + en.stderr)).toEqual([]);

    const manifest = path.join('fr', 'acme-exit-2026.manifest.json');
    const key = ['--decryption-key', s.keys.incoming.sec, '--plan', 'plan.yaml'];
    const verifyFr = await exitkit(['verify', manifest, ...key], { cwd: s.dir, env: FR });
    const verifyEn = await exitkit(['verify', manifest, ...key, '--lang', 'en'], { cwd: s.dir, env: FR });
    expect(verifyFr.code).toBe(0);
    expect(verifyFr.stdout).toContain(
      'verdict : OK : chaque fichier est exactement ce que le signataire attendu a signé, et la remise est complète',
    );
    expect(englishIn(verifyFr.stdout + verifyFr.stderr)).toEqual([]);
    expect(verifyEn.stdout).toContain('verdict: OK: every file is exactly what the pinned signer signed');
    expect(frenchIn(verifyEn.stdout + verifyEn.stderr)).toEqual([]);
    const jsonFr = await exitkit(['verify', manifest, ...key, '--json'], { cwd: s.dir, env: FR });
    const jsonEn = await exitkit(['verify', manifest, ...key, '--json'], { cwd: s.dir });
    expect(stable(jsonFr.stdout)).toBe(stable(jsonEn.stdout));

    const extractFr = await exitkit(['extract', manifest, ...key, '--to', 'got-fr'], { cwd: s.dir, env: FR });
    const extractEn = await exitkit(['extract', manifest, ...key, '--to', 'got-en', '--lang', 'en'], {
      cwd: s.dir,
      env: FR,
    });
    expect(extractFr.code).toBe(0);
    expect(extractFr.stdout).toContain(`extrait : ${path.join(s.dir, 'got-fr', 'acme-exit-2026')}`);
    expect(englishIn(extractFr.stdout + extractFr.stderr)).toEqual([]);
    expect(extractEn.stdout).toContain('extracted: ');
    expect(frenchIn(extractEn.stdout + extractEn.stderr)).toEqual([]);
  });

  it('names every fault of a tampered archive in French, with the JSON unchanged', async () => {
    const out = await tempDir();
    const b = await exitkit(['bundle', 'plan.yaml', '--out', out, '--signing-key', s.keys.outgoing.sec], {
      cwd: s.dir,
    });
    expect(b.code).toBe(0);
    const archive = path.join(out, 'acme-exit-2026.tar.pgp');
    const bytes = await readFile(archive);
    bytes[bytes.length - 100] ^= 0xff;
    await writeFile(archive, bytes);
    const manifest = path.join(out, 'acme-exit-2026.manifest.json');
    const args = ['verify', manifest, '--plan', 'plan.yaml', '--decryption-key', s.keys.client.sec];
    const fr = await exitkit(args, { cwd: s.dir, env: FR });
    const en = await exitkit([...args, '--lang', 'en'], { cwd: s.dir, env: FR });
    expect(fr.code).toBe(1);
    expect(en.code).toBe(1);
    expect(fr.stdout).toMatch(/^verdict : PAS OK : \d+ défauts?$/m);
    expect(fr.stdout).toMatch(/sha256 .* ; le manifeste a signé/);
    expect(englishIn(fr.stdout + fr.stderr), fr.stdout).toEqual([]);
    expect(en.stdout).toMatch(/^verdict: NOT OK: \d+ faults?$/m);
    expect(frenchIn(en.stdout + en.stderr)).toEqual([]);
    const jsonFr = await exitkit([...args, '--json'], { cwd: s.dir, env: FR });
    const jsonEn = await exitkit([...args, '--json'], { cwd: s.dir });
    expect(jsonFr.code).toBe(1);
    expect(stable(jsonFr.stdout)).toBe(stable(jsonEn.stdout));
    expect(JSON.parse(jsonFr.stdout).faults.join('\n')).toContain('the manifest signed');

    const missing = await exitkit(['verify', 'nowhere.manifest.json', '--plan', 'plan.yaml'], {
      cwd: s.dir,
      env: FR,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^erreur : impossible de lire le manifeste nowhere\.manifest\.json : fichier introuvable$/m,
    );
    expect(englishIn(missing.stderr)).toEqual([]);
  });
});
