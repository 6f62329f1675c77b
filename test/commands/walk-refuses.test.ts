/**
 * What walk refuses, bundle refuses (README.md): through the built CLI, a deliverable whose walk
 * findings include an error is not ready whatever its status; the manifest records each
 * deliverable's findings and each file's modification time, which extract restores; an empty file
 * among others is a warning; files no deliverable claims are listed until `ignore:` silences them.
 */
import { appendFile, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/core/dates.js';
import type { Manifest } from '../../src/core/manifest.js';
import { exitkit, tempDir } from '../helpers/cli.js';
import { englishIn } from '../helpers/language.js';
import {
  DEFAULT_DELIVERABLES,
  makeScenario,
  type DeliverableSpec,
  type Scenario,
} from '../helpers/scenario.js';

const DAY = 24 * 60 * 60 * 1000;
const FR = { LANG: 'fr_CH.UTF-8' };

const withDeliverable = (id: string, over: Partial<DeliverableSpec>) =>
  DEFAULT_DELIVERABLES.map((d) => (d.id === id ? { ...d, ...over } : d));

const bundle = (s: Scenario, ...more: string[]) =>
  exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec, ...more]);

const walkJson = async (s: Scenario) => {
  const r = await exitkit(['walk', s.plan, '--json']);
  return {
    code: r.code,
    json: JSON.parse(r.stdout) as {
      deliverables: Array<{
        id: string;
        ready: boolean;
        findings: Array<{ level: string; message: string }>;
      }>;
      unclaimed: Array<{ path: string; size: number }>;
    },
  };
};

const readManifest = async (s: Scenario) =>
  JSON.parse(await readFile(path.join(s.out, `${s.id}.manifest.json`), 'utf8')) as Manifest;

describe('bundle refuses what walk refuses', () => {
  it('a stale backup marked ready: walk says stale, bundle names it and exits 1; --allow-incomplete leaves it out, listed missing', async () => {
    const s = await makeScenario({
      dir: await tempDir(),
      deliverables: withDeliverable('fs01-backup', { checks: { max_age_days: 7 } }),
    });
    const backup = path.join(s.dir, 'exports/backups/fs01-2026-12-01.vbk');
    const nineDaysAgo = new Date(Date.now() - 9 * DAY);
    await utimes(backup, nineDaysAgo, nineDaysAgo);

    const walked = await walkJson(s);
    expect(walked.code).toBe(1);
    const fs01 = walked.json.deliverables.find((d) => d.id === 'fs01-backup')!;
    expect(fs01.ready).toBe(false);
    expect(fs01.findings).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/fs01-2026-12-01\.vbk is stale/),
      }),
    );

    const refused = await bundle(s);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: not ready, whatever the plan's status says/);
    expect(refused.stderr).toMatch(/fs01-backup: .*exports\/backups\/fs01-2026-12-01\.vbk is stale/);
    expect(refused.stderr).toContain('--allow-incomplete');
    expect(await readdir(s.out)).toEqual([]);

    const json = await bundle(s, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'not_ready', exit: 1 } });

    // In French, the same refusal in French words.
    const fr = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec], {
      env: FR,
    });
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain('pas prêt, quel que soit le statut indiqué dans le plan');
    expect(englishIn(fr.stderr)).toEqual([]);

    const allowed = await bundle(s, '--allow-incomplete');
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toMatch(/left out of the payload, its checks fail: fs01-backup: .*is stale/);
    expect(allowed.stdout).toContain('INCOMPLETE (missing: fs01-backup)');
    const m = await readManifest(s);
    expect(m).toMatchObject({ complete: false, missing: ['fs01-backup'] });
    const d = m.deliverables.find((x) => x.id === 'fs01-backup')!;
    expect(d).toMatchObject({ status: 'ready', delivered: false, files: [], bytes: 0 });
    expect(d.findings).toContainEqual({
      level: 'error',
      message: expect.stringMatching(
        /^exports\/backups\/fs01-2026-12-01\.vbk is stale: last modified .*max_age_days: 7\)$/,
      ),
    });
    // verify, with the plan, agrees: the handover is incomplete.
    const v = await exitkit([
      'verify',
      path.join(s.out, `${s.id}.manifest.json`),
      '--plan',
      s.plan,
      '--json',
    ]);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout)).toMatchObject({ complete: false, missing: ['fs01-backup'] });
  });

  it('a clear-text password CSV under a credentials deliverable marked ready is refused, named, never shown', async () => {
    const secret = 'admin,Sup3r-S3cret-never-shown';
    const s = await makeScenario({
      dir: await tempDir(),
      deliverables: withDeliverable('m365-admin', { sources: ['exports/vault/passwords.csv'] }),
      extraExports: { 'exports/vault/passwords.csv': `user,password\n${secret}\n` },
    });
    const r = await bundle(s);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m365-admin: .*exports\/vault\/passwords\.csv is not in an encrypted format/);
    expect(r.stdout + r.stderr).not.toContain('Sup3r-S3cret');
    expect(await readdir(s.out)).toEqual([]);
  });
});

describe('file times in the manifest, restored by extract, shown in the checklist', () => {
  it("records each payload file's mtime and each deliverable's findings; extract gives the files their times back", async () => {
    const s = await makeScenario({ dir: await tempDir() });
    const backup = path.join(s.dir, 'exports/backups/fs01-2026-12-01.vbk');
    const config = path.join(s.dir, 'exports/configs/fw01.cfg');
    // Whole seconds: what every file system keeps.
    const backupTime = new Date(Math.floor((Date.now() - 3 * DAY) / 1000) * 1000);
    const configTime = new Date(Date.UTC(2026, 9, 15, 8, 30, 0));
    await utimes(backup, backupTime, backupTime);
    await utimes(config, configTime, configTime);

    const b = await bundle(s);
    expect(b.code, b.stderr).toBe(0);
    const m = await readManifest(s);
    const fileOf = (end: string) => m.deliverables.flatMap((d) => d.files).find((f) => f.path.endsWith(end))!;
    expect(fileOf('/fs01-2026-12-01.vbk').mtime).toBe(backupTime.toISOString());
    expect(fileOf('/fw01.cfg').mtime).toBe('2026-10-15T08:30:00.000Z');
    expect(m.deliverables.flatMap((d) => d.files).every((f) => typeof f.mtime === 'string')).toBe(true);
    // Findings: level and message, as the walk said them; a waived one says its waiver.
    expect(m.deliverables.find((d) => d.id === 'cad-licences')!.findings).toEqual([
      { level: 'info', message: 'waived: Licences end with the contract (approved by client, 2026-11-02)' },
    ]);
    expect(m.deliverables.find((d) => d.id === 'fs01-backup')!.findings).toContainEqual({
      level: 'info',
      message: 'no freshness check',
    });
    for (const d of m.deliverables)
      for (const f of d.findings ?? []) expect(Object.keys(f).sort()).toEqual(['level', 'message']);

    const dest = path.join(s.dir, 'received');
    const x = await exitkit([
      'extract',
      path.join(s.out, `${s.id}.manifest.json`),
      '--to',
      dest,
      '--decryption-key',
      s.keys.incoming.sec,
      '--plan',
      s.plan,
    ]);
    expect(x.code, x.stderr).toBe(0);
    const bag = path.join(dest, s.id);
    expect((await stat(path.join(bag, fileOf('/fs01-2026-12-01.vbk').path))).mtime.getTime()).toBe(
      backupTime.getTime(),
    );
    expect((await stat(path.join(bag, fileOf('/fw01.cfg').path))).mtime.getTime()).toBe(configTime.getTime());

    // The checklist shows the backup's date beside its size.
    const c = await exitkit(['checklist', s.plan, '--manifest', path.join(s.out, `${s.id}.manifest.json`)]);
    expect(c.stdout).toContain(`fs01-2026-12-01.vbk · `);
    expect(c.stdout).toContain(` · ${formatDate(backupTime.toISOString().slice(0, 10), 'en', 'short')} · `);
    expect(c.stdout).toContain(` · ${formatDate('2026-10-15', 'en', 'short')} · `);
  });

  it("walk's help says freshness is judged by the modification time", async () => {
    const r = await exitkit(['walk', '--help']);
    expect(r.stdout).toMatch(/Freshness \(max_age_days\) is judged by each file's modification time/);
    expect(r.stdout).toMatch(/a file dated in the future is flagged/);
  });
});

describe('an empty file among others', () => {
  it('is a warning naming it, and the deliverable is bundled; an empty sole file stays an error', async () => {
    const s = await makeScenario({
      dir: await tempDir(),
      extraExports: { 'exports/configs/sw02.cfg': '' },
    });
    const w = await exitkit(['walk', s.plan, '--no-input']);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain(
      'warning: exports/configs/sw02.cfg is empty (0 bytes), among files that are not',
    );
    const b = await bundle(s, '--json');
    expect(b.code, b.stderr).toBe(0);
    const m = await readManifest(s);
    const configs = m.deliverables.find((d) => d.id === 'network-configs')!;
    expect(configs.files.map((f) => f.path)).toContain('data/configurations/network-configs/sw02.cfg');
    expect(configs.findings).toContainEqual({
      level: 'warning',
      message: 'exports/configs/sw02.cfg is empty (0 bytes), among files that are not',
    });

    const sole = await makeScenario({
      dir: await tempDir(),
      deliverables: withDeliverable('network-configs', { sources: ['exports/configs/sw02.cfg'] }),
      extraExports: { 'exports/configs/sw02.cfg': '' },
    });
    const ws = await walkJson(sole);
    expect(ws.code).toBe(1);
    expect(ws.json.deliverables.find((d) => d.id === 'network-configs')!.findings).toContainEqual({
      level: 'error',
      message: 'exports/configs/sw02.cfg is empty (0 bytes)',
      hint: expect.any(String),
      path: 'exports/configs/sw02.cfg',
    });
    const bs = await bundle(sole);
    expect(bs.code).toBe(1);
    expect(bs.stderr).toMatch(/network-configs: .*exports\/configs\/sw02\.cfg is empty \(0 bytes\)/);
  });
});

describe('files no deliverable claims', () => {
  it('are listed with their size and a hint, until ignore: in the plan silences them', async () => {
    const s = await makeScenario({
      dir: await tempDir(),
      extraExports: {
        'exports/backups/old-fs01.vbk': Buffer.alloc(4096, 1),
        'exports/configs/archive/fw01-2025.cfg': 'hostname fw01\n',
      },
      deliverables: withDeliverable('network-configs', { sources: ['exports/configs/*.cfg'] }),
    });
    const text = await exitkit(['walk', s.plan, '--no-input']);
    expect(text.code).toBe(0); // a note, not a refusal
    expect(text.stdout).toContain("2 files (4.0 KiB) under the sources' folders that no deliverable claims");
    expect(text.stdout).toContain('exports/backups/old-fs01.vbk (4.0 KiB)');
    expect(text.stdout).toContain('exports/configs/archive/fw01-2025.cfg (14 bytes)');
    expect(text.stdout).toMatch(
      /hint: add them to a deliverable's sources, or list them under ignore: in the plan/,
    );
    const json = await walkJson(s);
    expect(json.json.unclaimed).toEqual([
      { path: 'exports/backups/old-fs01.vbk', size: 4096 },
      { path: 'exports/configs/archive/fw01-2025.cfg', size: 14 },
    ]);

    await appendFile(s.plan, 'ignore:\n  - exports/backups/old-*.vbk\n  - exports/configs/archive\n');
    const validated = await exitkit(['validate', s.plan]);
    expect(validated.code, validated.stderr).toBe(0);
    const quiet = await exitkit(['walk', s.plan, '--no-input']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('no deliverable claims');
    expect((await walkJson(s)).json.unclaimed).toEqual([]);
  });

  it('an ignore: that is not a list of strings is a plan error', async () => {
    const s = await makeScenario({ dir: await tempDir() });
    await writeFile(s.plan, `${await readFile(s.plan, 'utf8')}ignore: old.vbk\n`);
    const r = await exitkit(['validate', s.plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ignore/);
  });
});
