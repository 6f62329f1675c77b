import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';

describe('exitkit validate', () => {
  it('names every problem with file:line:column and exits 2, without a stack trace', async () => {
    const dir = await tempDir();
    const plan = path.join(dir, 'plan.yaml');
    await writeFile(
      plan,
      [
        'version: 1',
        'id: acme-exit-2026',
        'title: Reversibility',
        'contract: {reference: INF-1, end: 2026-12-31}',
        'parties:',
        '  client: {name: ACME}',
        '  outgoing: {name: InfoGest}',
        'deliverables:',
        '  - {id: a, category: backups, title: Backup, due: 2026-02-30, sources: [a.vbk]}',
        '  - {id: a, category: other, title: Twice, status: waived, sources: [../outside]}',
        '',
      ].join('\n'),
    );
    const r = await exitkit(['validate', plan], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan.yaml:9:');
    expect(r.stderr).toContain('2026-02-30 is not a date that exists');
    expect(r.stderr).toMatch(/plan\.yaml:10:\d+: deliverable id "a" is used twice/);
    expect(r.stderr).toContain('waived without a waiver');
    expect(r.stderr).toContain('points outside the plan');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 with a one-line summary for a valid plan', async () => {
    const dir = await tempDir();
    const plan = path.join(dir, 'plan.yaml');
    await writeFile(
      plan,
      'version: 1\nid: x\ntitle: T\ncontract: {reference: R, end: 2026-12-31}\nparties: {client: {name: C}, outgoing: {name: O}}\ndeliverables:\n  - {id: d, category: backups, title: B, sources: [b.vbk]}\n',
    );
    const r = await exitkit(['validate', plan], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('valid plan "x", 1 deliverable');
  });
});
