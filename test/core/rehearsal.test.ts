import { describe, expect, it } from 'vitest';
import {
  extrapolate,
  formatSeconds,
  rehearsalReport,
  skippedAfter,
  type RehearsalInput,
  type StepRun,
} from '../../src/core/rehearsal.js';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';

const input = (steps: StepRun[], over: Partial<RehearsalInput> = {}): RehearsalInput => ({
  plan: { id: 'acme-exit-2026', title: 'ACME', file: 'plan.yaml', sha256: 'a'.repeat(64) },
  date: new Date('2026-12-01T10:00:00Z'),
  language: 'fr',
  sample: 1,
  ranBy: { user: 'alice', signer: null },
  payload: { rehearsed: { files: 2, bytes: 1000 }, full: { files: 20, bytes: 100_000 } },
  steps,
  findings: [],
  version: '0.1.0',
  ...over,
});

const passed = (step: StepRun['step'], seconds: number, bytes: number, full = false): StepRun => ({
  step,
  status: 'passed',
  seconds,
  bytes,
  ...(full ? { full } : {}),
});

describe('extrapolate', () => {
  it('scales the time by full / rehearsed bytes (the measured throughput on the full payload)', () => {
    expect(extrapolate(2, 1000, 100_000)).toBe(200);
  });
  it('keeps the time of a run on the whole payload, and cannot scale a run on no byte', () => {
    expect(extrapolate(3, 5000, 5000)).toBe(3);
    expect(extrapolate(3, 0, 5000)).toBeNull();
    expect(extrapolate(3, 0, 0)).toBe(3);
  });
});

describe('rehearsalReport', () => {
  it('passes when the four steps passed; each estimate scaled, the walk kept as measured', () => {
    const r = rehearsalReport(
      input([
        passed('walk', 0.5, 100_000, true),
        passed('bundle', 2, 1000),
        passed('verify', 1, 1000),
        passed('extract', 1, 1000),
      ]),
    );
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.estimatedSeconds)).toEqual([0.5, 200, 100, 100]);
    expect(r.steps.map((s) => s.throughput)).toEqual([null, 500, 1000, 1000]);
    expect(r.estimatedSeconds).toBe(400.5);
  });

  it('fails when a step failed; the steps not run are skipped and left out of the estimate', () => {
    const done: StepRun[] = [
      { step: 'walk', status: 'failed', seconds: 0.5, bytes: 100_000, full: true },
      passed('bundle', 2, 1000),
    ];
    const r = rehearsalReport(
      input([...done, ...skippedAfter(done)], {
        findings: [
          { step: 'walk', level: 'error', deliverable: 'm365-admin', message: (m) => m.walk.noSources },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => s.status)).toEqual(['failed', 'passed', 'skipped', 'skipped']);
    expect(r.estimatedSeconds).toBe(200.5);
    // The JSON speaks English whatever the report's language.
    expect(r.findings).toEqual([
      { step: 'walk', level: 'error', deliverable: 'm365-admin', message: CATALOGS.en.walk.noSources },
    ]);
  });
});

describe('formatSeconds', () => {
  it('writes a duration as a reader of each language does', () => {
    expect(formatSeconds(0.4213, 'en')).toBe('0.42 s');
    expect(formatSeconds(0.4213, 'fr')).toBe('0,42\u00a0s');
    expect(formatSeconds(125, 'en')).toBe('2 min 05 s');
    expect(formatSeconds(4500, 'de')).toBe('1 h 15 min');
  });
});
