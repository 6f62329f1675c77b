import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/plan.js';
import { exitkit, tempDir } from '../helpers/cli.js';

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
