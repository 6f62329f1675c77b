import { describe, expect, it } from 'vitest';
import { ExitkitError } from '../../src/core/errors.js';
import { nextStanding, standingOf, type ReserveRequest } from '../../src/core/reserves.js';

const ids = ['fs01-backup', 'm365-admin', 'runbooks'];
const none: ReserveRequest = { texts: [], due: [], deliverable: [], lift: [] };
const at = (iso: string) => ({ role: 'client' as const, deliverables: ids, now: new Date(iso) });

function refusal(f: () => unknown): ExitkitError {
  try {
    f();
  } catch (e) {
    if (e instanceof ExitkitError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('nextStanding', () => {
  it('opens reserves numbered by party, with their deliverable and due date', () => {
    const s = nextStanding(
      null,
      {
        ...none,
        texts: ['restore test failed', 'runbook for the VPN missing'],
        due: ['2027-01-15'],
        deliverable: [],
      },
      at('2026-12-01T10:00:00Z'),
    );
    expect(s.reserves).toEqual([
      { id: 'C1', text: 'restore test failed', due: '2027-01-15', opened: '2026-12-01T10:00:00.000Z' },
      {
        id: 'C2',
        text: 'runbook for the VPN missing',
        due: '2027-01-15',
        opened: '2026-12-01T10:00:00.000Z',
      },
    ]);
    expect(s.lifted).toEqual([]);
    const incoming = nextStanding(
      null,
      { ...none, texts: ['x'] },
      { ...at('2026-12-01T10:00:00Z'), role: 'incoming' },
    );
    expect(incoming.reserves[0]!.id).toBe('I1');
  });

  it('pairs the n-th --due and --deliverable with the n-th reserve', () => {
    const s = nextStanding(
      null,
      {
        texts: ['a', 'b'],
        due: ['2027-01-01', '2027-02-01'],
        deliverable: ['fs01-backup', 'runbooks'],
        lift: [],
      },
      at('2026-12-01T10:00:00Z'),
    );
    expect(s.reserves.map((r) => [r.id, r.due, r.deliverable])).toEqual([
      ['C1', '2027-01-01', 'fs01-backup'],
      ['C2', '2027-02-01', 'runbooks'],
    ]);
  });

  it('lifts an open reserve, keeps it among the lifted, and never reuses its id', () => {
    const first = nextStanding(null, { ...none, texts: ['a', 'b'] }, at('2026-12-01T10:00:00Z'));
    const second = nextStanding(first, { ...none, lift: ['C1'] }, at('2026-12-05T10:00:00Z'));
    expect(second.reserves.map((r) => r.id)).toEqual(['C2']);
    expect(second.lifted).toEqual([{ ...first.reserves[0], lifted: '2026-12-05T10:00:00.000Z' }]);
    const third = nextStanding(second, { ...none, lift: ['C2'] }, at('2026-12-06T10:00:00Z'));
    const fourth = nextStanding(third, { ...none, texts: ['c'] }, at('2026-12-07T10:00:00Z'));
    expect(fourth.reserves.map((r) => r.id)).toEqual(['C3']);
    expect(fourth.lifted.map((r) => r.id)).toEqual(['C1', 'C2']);
  });

  it('refuses a lift of no open reserve, naming the open ones', () => {
    const first = nextStanding(null, { ...none, texts: ['a'] }, at('2026-12-01T10:00:00Z'));
    const e = refusal(() => nextStanding(first, { ...none, lift: ['C7'] }, at('2026-12-02T10:00:00Z')));
    expect(e.message).toBe('there is no open reserve C7 to lift');
    expect(e.hints).toEqual(['your open reserves are C1']);
    expect(e.code).toBe('usage');
    expect(
      refusal(() => nextStanding(null, { ...none, lift: ['C1'] }, at('2026-12-02T10:00:00Z'))).hints,
    ).toEqual(['your latest receipt has no open reserve']);
  });

  it('refuses what cannot be recorded: a date that is not one, an unknown deliverable, a lone --due', () => {
    const now = at('2026-12-01T10:00:00Z');
    expect(
      refusal(() => nextStanding(null, { ...none, texts: ['a'], due: ['2027-02-30'] }, now)).message,
    ).toBe('the due date 2027-02-30 is not a date');
    const unknown = refusal(() =>
      nextStanding(null, { ...none, texts: ['a'], deliverable: ['fs01-bakup'] }, now),
    );
    expect(unknown.message).toBe('the plan has no deliverable fs01-bakup');
    expect(unknown.hints).toEqual(['did you mean fs01-backup?']);
    expect(refusal(() => nextStanding(null, { ...none, due: ['2027-01-01'] }, now)).message).toBe(
      '--due describes a reserve, and no --reserve was given',
    );
    expect(
      refusal(() =>
        nextStanding(null, { ...none, texts: ['a', 'b', 'c'], due: ['2027-01-01', '2027-01-02'] }, now),
      ).message,
    ).toBe('--due is given 2 times for 3 reserves');
    expect(refusal(() => nextStanding(null, { ...none, texts: ['  '] }, now)).message).toMatch(
      /needs a text/,
    );
  });
});

describe('standingOf', () => {
  it('reads the open and lifted reserves; a receipt without a list has no standing', () => {
    expect(standingOf({})).toBeNull();
    expect(
      standingOf({
        reserves: [{ id: 'C2', text: 'b', opened: 'x' }, 'odd'],
        lifted: [{ id: 'C1', text: 'a', opened: 'x', lifted: 'y' }],
      }),
    ).toEqual({
      reserves: [
        { id: 'C2', text: 'b', opened: 'x' },
        { id: '2', text: '"odd"', opened: '' },
      ],
      lifted: [{ id: 'C1', text: 'a', opened: 'x', lifted: 'y' }],
    });
  });
});
