import { describe, expect, it } from 'vitest';
import {
  checkPlanMeaning,
  closest,
  isPlainDecimal,
  isRealDate,
  staysInside,
} from '../../src/core/plan-checks.js';
import { english } from '../../src/core/i18n/terminal/index.js';
import type { Deliverable, ExitPlan } from '../../src/core/plan.js';

function deliverable(d: Partial<Deliverable> = {}): Deliverable {
  return {
    id: 'd',
    category: 'backups',
    title: 'D',
    required: true,
    owner: 'outgoing',
    sources: ['a.vbk'],
    checks: {},
    status: 'pending',
    ...d,
  };
}

function plan(p: Partial<ExitPlan> = {}): ExitPlan {
  return {
    version: 1,
    id: 'x',
    title: 'T',
    language: 'en',
    contract: { reference: 'R', end: '2026-12-31' },
    parties: { client: { name: 'C' }, outgoing: { name: 'O' } },
    deliverables: [deliverable()],
    allow_external_sources: false,
    ...p,
  };
}

const errors = (p: ExitPlan) => checkPlanMeaning(p).filter((i) => i.level === 'error');

describe('isRealDate', () => {
  it.each([
    ['2026-12-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-1', false],
  ])('%s -> %s', (v, ok) => expect(isRealDate(v)).toBe(ok));
});

describe('staysInside', () => {
  it.each([
    ['exports/fs01.vbk', true],
    ['exports/**/*.cfg', true],
    ['./docs/{a,b}.md', true],
    ['..', false],
    ['../x', false],
    ['exports/../../x', false],
    ['a/../b', false],
    ['**/../../x', false],
    ['exports/{a,../../etc/passwd}', false],
    ['{/etc/passwd,a}', false],
    ['/etc/shadow', false],
    ['~/x', false],
    ['~root/x', false],
    ['C:\\Users\\x', false],
    ['C:/x', false],
    ['..\\x', false],
    ['\\\\server\\share', false],
    ['a\0b', false],
    ['..hidden/x', true],
  ])('%s -> %s', (s, ok) => expect(staysInside(s)).toBe(ok));
});

describe('closest', () => {
  it('suggests the nearest known word, or nothing', () => {
    expect(closest('stauts', ['status', 'sources'])).toBe('status');
    expect(closest('categroy', ['category', 'checks'])).toBe('category');
    expect(closest('backup', ['backups', 'other'])).toBe('backups');
    expect(closest('zzz', ['status', 'sources'])).toBeUndefined();
    expect(closest('', ['a'])).toBeUndefined();
  });
});

describe('checkPlanMeaning', () => {
  it('accepts a sound plan', () => {
    expect(errors(plan())).toEqual([]);
  });

  it('places waiver problems on the missing field, and asks for a waiver when waived', () => {
    const p = plan({
      deliverables: [
        deliverable({ id: 'a', status: 'waived' }),
        deliverable({ id: 'b', status: 'waived', waiver: { reason: ' ', approved_by: '' } }),
      ],
    });
    expect(errors(p).map((i) => i.path.join('.'))).toEqual([
      'deliverables.0.status',
      'deliverables.1.waiver.reason',
      'deliverables.1.waiver.approved_by',
    ]);
  });

  it('refuses sources outside the folder unless the plan allows them', () => {
    const d = [deliverable({ sources: ['ok.vbk', '../x', '/etc/passwd'] })];
    expect(errors(plan({ deliverables: d })).map((i) => i.path)).toEqual([
      ['deliverables', 0, 'sources', 1],
      ['deliverables', 0, 'sources', 2],
    ]);
    expect(errors(plan({ deliverables: d, allow_external_sources: true }))).toEqual([]);
  });

  it('refuses amounts that are not plain decimals and a rounding step of 0', () => {
    const p = plan({
      compensation: {
        currency: 'CHF',
        vat_percent: '1e+21',
        rounding: '0',
        fees: [
          { label: 'F', amount: 'Infinity' },
          { label: 'G', quantity: '2' },
        ],
        penalties: { cap_percent: 'NaN' },
      },
    });
    expect(errors(p).map((i) => i.path.join('.'))).toEqual([
      'compensation.vat_percent',
      'compensation.rounding',
      'compensation.penalties.cap_percent',
      'compensation.fees.0.amount',
      'compensation.fees.1',
    ]);
    expect(isPlainDecimal('4500.50')).toBe(true);
    expect(isPlainDecimal('4,500')).toBe(false);
  });

  it('gives every error a hint', () => {
    const p = plan({
      contract: {
        reference: 'R',
        start: '2027-01-01',
        end: '2026-12-31',
        reversibility: { start: '2026-12-01', end: '2026-02-30' },
      },
      deliverables: [deliverable({ due: '2026-13-01' }), deliverable({ sources: ['~/x'] })],
    });
    const found = errors(p);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const i of found) expect(i.hint, english(i.message)).toBeTruthy();
  });
});

describe('the exit section (README.md, "For regulated clients")', () => {
  const person = (name: string) => ({ name, contact: `${name.toLowerCase()}@x.example` });
  const exit = (e: Partial<NonNullable<ExitPlan['exit']>> = {}): NonNullable<ExitPlan['exit']> => ({
    triggers: ['contract end'],
    scenarios: [{ title: 'Planned end', target_days: 90 }],
    roles: [
      { party: 'client', role: 'Exit lead', person: person('Anna'), deputy: person('Bruno') },
      { party: 'outgoing', role: 'Handover lead', person: person('Chloé'), deputy: person('David') },
    ],
    success_criteria: ['restore test passed'],
    next_review: '2027-06-30',
    ...e,
  });
  const issues = (p: ExitPlan, today = '2026-12-01') =>
    checkPlanMeaning(p, { today }).map((i) => ({
      level: i.level,
      path: i.path.join('.'),
      message: english(i.message),
      hint: english(i.hint ?? ''),
    }));

  it('is optional without a regulation, and a complete one under a regulation says nothing', () => {
    expect(issues(plan())).toEqual([]);
    expect(issues(plan({ exit: exit({ triggers: [], roles: [] }) }))).toEqual([]);
    expect(issues(plan({ regulation: 'dora', exit: exit() }))).toEqual([]);
  });

  it('under a regulation, a plan without the section is an error at regulation:, citing the rule', () => {
    expect(issues(plan({ regulation: 'finma' }))).toEqual([
      {
        level: 'error',
        path: 'regulation',
        message: 'regulation: finma requires an exit: section, and the plan has none',
        hint: expect.stringContaining('FINMA circular 2018/3 asks for a documented exit plan') as string,
      },
    ]);
  });

  it('names every empty part at its place, with the rule of the regulation in the hint', () => {
    const found = issues(
      plan({ regulation: 'eba', exit: { triggers: [], scenarios: [], roles: [], success_criteria: [] } }),
    );
    expect(found.map((i) => [i.level, i.path])).toEqual([
      ['error', 'exit.triggers'],
      ['error', 'exit.scenarios'],
      ['error', 'exit.roles'],
      ['error', 'exit.success_criteria'],
      ['error', 'exit.next_review'],
    ]);
    for (const i of found) expect(i.hint).toContain('EBA GL 2019/02 §§106-108');
  });

  it('wants people of the client and of the outgoing provider, and warns about a role without a deputy', () => {
    const found = issues(
      plan({
        regulation: 'dora',
        exit: exit({ roles: [{ party: 'client', role: 'Exit lead', person: person('Anna') }] }),
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        level: 'error',
        path: 'exit.roles',
        message: 'exit.roles names no one for the outgoing provider, and regulation: dora requires it',
      }),
      expect.objectContaining({
        level: 'warning',
        path: 'exit.roles.0',
        message: 'Anna (Exit lead) has no deputy',
        hint: expect.stringContaining('DORA Art. 28(8)') as string,
      }),
    ]);
    // Without a regulation, a role without a deputy is the client's choice.
    expect(
      issues(plan({ exit: exit({ roles: [{ party: 'client', role: 'L', person: person('A') }] }) })),
    ).toEqual([]);
  });

  it('warns when the review date is past (today comes in), and refuses a date that does not exist', () => {
    const past = plan({ regulation: 'finma', exit: exit({ next_review: '2026-11-30' }) });
    expect(issues(past, '2026-12-01')).toEqual([
      {
        level: 'warning',
        path: 'exit.next_review',
        message: 'the exit plan was due for review on 2026-11-30 (today is 2026-12-01)',
        hint: expect.stringContaining(
          '(FINMA circular 2018/3: the exit plan is reviewed periodically)',
        ) as string,
      },
    ]);
    expect(issues(past, '2026-11-30')).toEqual([]);
    expect(checkPlanMeaning(past)).toEqual([]);
    expect(issues(plan({ exit: exit({ next_review: '2026-02-30' }) }))).toEqual([
      expect.objectContaining({
        level: 'error',
        path: 'exit.next_review',
        message: '2026-02-30 is not a date that exists',
      }),
    ]);
  });
});
