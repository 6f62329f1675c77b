/**
 * The plan's exit section read from a file (README.md, "For regulated clients"): its shape from the
 * schema (unknown keys refused at their place), and what a regulation requires, each problem at
 * its file:line:column.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../../src/core/errors.js';
import { english } from '../../../src/core/i18n/terminal/index.js';
import { loadPlan } from '../../../src/io/plan/plan-file.js';
import { tempDir } from '../../helpers/cli.js';

const HEAD = [
  'version: 1',
  'id: bank-exit',
  'title: Exit',
  'contract: {reference: R, end: 2026-12-31}',
  'parties:',
  '  client: {name: Bank}',
  '  outgoing: {name: Host}',
  'deliverables: []',
];

async function load(lines: string[], today = '2026-12-01') {
  const file = path.join(await tempDir(), 'plan.yaml');
  await writeFile(file, [...HEAD, ...lines, ''].join('\n'));
  return loadPlan(file, { today });
}

async function problems(lines: string[]): Promise<Array<[number, number, string, string]>> {
  const err = await load(lines).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProblemsError);
  return (err as ProblemsError).problems.map((p) => [
    p.location.line!,
    p.location.column!,
    english(p.message),
    english(p.hint ?? ''),
  ]);
}

const EXIT = [
  'exit:',
  '  triggers: [contract end, provider insolvency]',
  '  scenarios:',
  '    - {title: Planned end, description: Handover over the notice period, target_days: 90}',
  '    - {title: Provider insolvency, target_days: 30}',
  '  roles:',
  '    - party: client',
  '      role: Exit lead',
  '      person: {name: Anna Meier, contact: anna@bank.example}',
  '      deputy: {name: Bruno Rossi, contact: bruno@bank.example}',
  '    - party: outgoing',
  '      role: Handover lead',
  '      person: {name: Chloé Favre}',
  '  success_criteria: [restore test passed at the incoming provider]',
  '  next_review: 2026-06-30',
];

describe('the exit section in a plan file', () => {
  it('reads it whole; under a regulation, a past review and a missing deputy are warnings at their place', async () => {
    const loaded = await load(['regulation: finma', ...EXIT]);
    expect(loaded.plan.regulation).toBe('finma');
    expect(loaded.plan.exit?.scenarios[0]).toEqual({
      title: 'Planned end',
      description: 'Handover over the notice period',
      target_days: 90,
    });
    expect(loaded.plan.exit?.roles[1]?.person).toEqual({ name: 'Chloé Favre' });
    expect(loaded.warnings.map((w) => [w.location.line, w.location.column, english(w.message)])).toEqual([
      [20, 7, 'Chloé Favre (Handover lead) has no deputy'],
      [24, 16, 'the exit plan was due for review on 2026-06-30 (today is 2026-12-01)'],
    ]);
  });

  it('under a regulation, an absent section is an error at regulation:, and missing parts at exit:', async () => {
    expect(await problems(['regulation: dora'])).toEqual([
      [
        9,
        13,
        'regulation: dora requires an exit: section, and the plan has none',
        expect.stringContaining('DORA Art. 28(8)'),
      ],
    ]);
    const found = await problems([
      'regulation: dora',
      'exit:',
      '  triggers: []',
      '  next_review: 2027-06-30',
    ]);
    expect(found.map(([l, c, m]) => [l, c, m])).toEqual([
      [10, 1, 'exit.scenarios is missing or empty, and regulation: dora requires it'],
      [10, 1, 'exit.roles is missing or empty, and regulation: dora requires it'],
      [10, 1, 'exit.success_criteria is missing or empty, and regulation: dora requires it'],
      [11, 13, 'exit.triggers is missing or empty, and regulation: dora requires it'],
    ]);
  });

  it('refuses an unknown key, an unknown regulation or party, and a role without a person, at their place', async () => {
    const found = await problems([
      'regulation: gdpr',
      'exit:',
      '  trigers: [contract end]',
      '  roles:',
      '    - {party: auditor, role: Lead}',
    ]);
    expect(found.map(([l, c]) => [l, c])).toEqual([
      [9, 13],
      [11, 3],
      [13, 7],
      [13, 15],
    ]);
    expect(found[1]![2]).toContain('trigers');
  });
});
