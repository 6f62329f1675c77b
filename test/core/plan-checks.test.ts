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
