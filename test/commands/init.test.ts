import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATEGORIES } from '../../src/core/plan.js';
import { ROOT, exitkit, tempDir } from '../helpers/cli.js';

describe('exitkit init', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`writes a commented ${lang} starter plan that validates and names its schema`, async () => {
      const dir = await tempDir();
      const r = await exitkit(['init', 'acme exit', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(0);
      const file = path.join(dir, 'acme exit', 'exit-plan.yaml');
      const text = await readFile(file, 'utf8');
      const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
      expect(schemaLine).not.toBeNull();
      expect(existsSync(path.resolve(path.dirname(file), schemaLine![1]!))).toBe(true);
      expect(text).toMatch(/^id: acme-exit # /m);
      expect(text).toMatch(new RegExp(`^language: ${lang} `, 'm'));
      for (const c of CATEGORIES) expect(text).toContain(`category: ${c}`);
      for (const id of [
        'full-backups',
        'restore-test',
        'business-data',
        'password-vault',
        'mfa-recovery',
        'registrar-dns',
        'cloud-m365-admin',
        'firewall-config',
        'network-configs',
        'server-backup-configs',
        'network-diagram',
        'procedures',
        'intervention-log',
        'inventory',
        'licences-contracts',
        'processing-records',
      ]) {
        // Each deliverable comes with a one-line comment saying what it is.
        expect(text).toMatch(new RegExp(`\\n  # [^\\n]+\\n  - id: ${id}\\n`));
      }
      const v = await exitkit(['validate', file], { cwd: dir });
      expect(v.stderr).not.toMatch(/error/);
      expect(v.code).toBe(0);

      // The exit section a regulated client writes is there, commented; uncommented, it is complete.
      const start = text.indexOf('\n# regulation: finma');
      expect(start).toBeGreaterThan(0);
      const regulated =
        text.slice(0, start) + text.slice(start).replace(/^# ((?:regulation|exit):.*| {2}.*)$/gm, '$1');
      const exitPlan = parse(regulated) as { regulation: string; exit: Record<string, unknown[]> };
      expect(exitPlan.regulation).toBe('finma');
      expect(Object.keys(exitPlan.exit)).toEqual([
        'triggers',
        'scenarios',
        'roles',
        'success_criteria',
        'next_review',
      ]);
      await writeFile(file, regulated);
      const w = await exitkit(['validate', file, '--json'], { cwd: dir });
      expect(w.code, w.stderr).toBe(0);
      expect((JSON.parse(w.stdout) as { warnings: unknown[] }).warnings).toEqual([]);
    });
  }

  it('never overwrites an existing plan without --force (exit 2 and a hint), and replaces it with --force', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'exit-plan.yaml');
    await writeFile(file, '# my own plan\n');
    const r = await exitkit(['init', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: exit-plan.yaml already exists: it was not overwritten');
    expect(r.stderr).toContain('hint: edit it, or run again with --force');
    expect(await readFile(file, 'utf8')).toBe('# my own plan\n');

    const f = await exitkit(['init', '--lang', 'en', '--force', '--json'], { cwd: dir });
    expect(f.code).toBe(0);
    expect(JSON.parse(f.stdout)).toMatchObject({ file: 'exit-plan.yaml', lang: 'en', replaced: true });
    expect(await readFile(file, 'utf8')).toContain('category: credentials');
  });

  it('refuses an id that cannot be used in file names', async () => {
    const dir = await tempDir();
    const r = await exitkit(['init', '--id', 'Acme Exit'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: "Acme Exit" is not a plan id');
    expect(existsSync(path.join(dir, 'exit-plan.yaml'))).toBe(false);
  });
});

const KDBX = Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0, 0, 4, 0]);

interface StarterDeliverable {
  id: string;
  category: string;
  sources: string[];
  checks?: { min_bytes?: number; columns?: string[] };
}

/**
 * Fills a starter plan's sources as its comments say a provider would: a file in each folder, a
 * file for each `name.*`, credentials as KeePass databases, the inventory as CSV, each file as
 * large as the deliverable's min_bytes asks.
 */
async function fillSources(dir: string, deliverables: StarterDeliverable[]): Promise<void> {
  for (const d of deliverables) {
    const size = Math.max(d.checks?.min_bytes ?? 0, 2048);
    const ext = d.category === 'credentials' ? 'kdbx' : d.category === 'inventory' ? 'csv' : 'pdf';
    for (const source of d.sources) {
      const file = source.endsWith('/')
        ? path.join(dir, source, `${d.id}.${ext}`)
        : path.join(dir, source.replace('*', ext));
      await mkdir(path.dirname(file), { recursive: true });
      const data = file.endsWith('.csv')
        ? `${(d.checks?.columns ?? ['type', 'name', 'location']).join(',')}\n${(d.checks?.columns ?? ['type', 'name', 'location']).map((c) => `${c}-1`).join(',')}\n`
        : Buffer.concat([file.endsWith('.kdbx') ? KDBX : Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 7)]);
      await writeFile(file, data);
    }
  }
}

describe('exitkit init: plans that travel', () => {
  it('writes the JSON Schema beside the plan and names it relatively, so the plan checks once moved', async () => {
    const dir = await tempDir();
    const r = await exitkit(['init', 'exit', '--lang', 'en', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      schema: path.join('exit', 'exit-plan.schema.json'),
      gitignore: { file: path.join('exit', '.gitignore'), outcome: 'created' },
    });
    const text = await readFile(path.join(dir, 'exit', 'exit-plan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./exit-plan.schema.json');
    expect(text).not.toContain('node_modules');
    expect(await readFile(path.join(dir, 'exit', 'exit-plan.schema.json'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'plans', 'exit-plan.schema.json'), 'utf8'),
    );
    // The folder travels (committed, cloned elsewhere): the $schema line still finds its schema.
    await rename(path.join(dir, 'exit'), path.join(dir, 'moved'));
    expect(existsSync(path.join(dir, 'moved', 'exit-plan.schema.json'))).toBe(true);
    expect((await exitkit(['validate', 'moved/exit-plan.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('writes a .gitignore that keeps private keys out of git, and appends to an existing one only when needed', async () => {
    const dir = await tempDir();
    const fresh = await exitkit(['init', 'a', '--lang', 'fr'], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(
      '.gitignore : écrit, pour que les clés privées (*.sec.asc) restent hors de git',
    );
    expect((await readFile(path.join(dir, 'a', '.gitignore'), 'utf8')).split('\n')).toContain('*.sec.asc');
    execFileSync('git', ['init', '-q', path.join(dir, 'a')]);
    const ignored = execFileSync('git', ['-C', path.join(dir, 'a'), 'check-ignore', 'keys/client.sec.asc']);
    expect(ignored.toString()).toBe('keys/client.sec.asc\n');

    await mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'b', '.gitignore'), 'exports/\n# no newline at the end\nnode_modules');
    const appended = await exitkit(['init', 'b', '--lang', 'en'], { cwd: dir });
    expect(appended.code).toBe(0);
    expect(appended.stdout).toContain(
      '.gitignore: added a line to it, so that private keys (*.sec.asc) stay out of git',
    );
    const text = await readFile(path.join(dir, 'b', '.gitignore'), 'utf8');
    expect(text.startsWith('exports/\n# no newline at the end\nnode_modules\n')).toBe(true);
    expect(text.split('\n')).toContain('*.sec.asc');

    const again = await exitkit(['init', 'b', '--lang', 'en', '--force'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already keeps private keys (*.sec.asc) out of git');
    expect(await readFile(path.join(dir, 'b', '.gitignore'), 'utf8')).toBe(text);
  });

  it('writes neither schema nor .gitignore when it refuses to overwrite a plan', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'exit-plan.yaml'), '# mine\n');
    const r = await exitkit(['init', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(existsSync(path.join(dir, '.gitignore'))).toBe(false);
    expect(existsSync(path.join(dir, 'exit-plan.schema.json'))).toBe(false);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`a ${lang} starter filled as its comments say walks without an error (no min_bytes from the restore test)`, async () => {
      const dir = await tempDir();
      expect((await exitkit(['init', '--lang', lang], { cwd: dir })).code).toBe(0);
      const plan = parse(await readFile(path.join(dir, 'exit-plan.yaml'), 'utf8')) as {
        deliverables: StarterDeliverable[];
      };
      await fillSources(dir, plan.deliverables);
      const w = await exitkit(['walk', 'exit-plan.yaml', '--json'], { cwd: dir });
      const result = JSON.parse(w.stdout) as {
        deliverables: Array<{ id: string; findings: Array<{ level: string; message: string }> }>;
      };
      const errors = result.deliverables.flatMap((d) =>
        d.findings.filter((f) => f.level === 'error').map((f) => `${d.id}: ${f.message}`),
      );
      expect(errors).toEqual([]);
      const restore = result.deliverables.find((d) => d.id === 'restore-test');
      expect(restore?.findings.filter((f) => f.level !== 'info')).toEqual([]);
    });
  }

  it('gives the French and English starters the same currency default, and the French one the prestataire entrant', async () => {
    const starter = async (lang: string) =>
      readFile(path.join(ROOT, 'templates/init', `exit-plan.${lang}.yaml`), 'utf8');
    const money = (text: string) => {
      const c = (parse(text.replaceAll(/\{\{\w+\}\}/g, 'x')) as { compensation: Record<string, unknown> })
        .compensation;
      return [c.currency, c.vat_percent, c.rounding];
    };
    const fr = await starter('fr');
    expect(money(fr)).toEqual(money(await starter('en')));
    expect(fr).toContain('prestataire entrant');
    expect(fr).toContain('PRESTATAIRE ENTRANT');
    expect(fr).not.toMatch(/repreneur/i);
  });
});
