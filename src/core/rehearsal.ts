/**
 * A rehearsal of the exit (`exitkit rehearse`, docs/FORMAT.md "Rehearsal reports"): what each step
 * did and how long it took, the duration extrapolated to the full payload from the measured
 * throughput, the findings, and the verdict. Pure: the steps are run and timed by
 * src/io/rehearse.ts; the same runs always give the same report.
 */
import { say as sayDocument, words, type Lang } from './i18n/index.js';
import { formatBytes } from './bytes.js';
import { english, say, type Messages, type Text } from './i18n/terminal/index.js';

/** The steps of an exit, in the order they are rehearsed. */
export const REHEARSAL_STEPS = ['walk', 'bundle', 'verify', 'extract'] as const;
export type RehearsalStep = (typeof REHEARSAL_STEPS)[number];

/** A step passed, failed, or was not run because an earlier one failed. */
export type StepStatus = 'passed' | 'failed' | 'skipped';

/** One step as run: its outcome, its time, and the payload bytes it went through. */
export interface StepRun {
  step: RehearsalStep;
  status: StepStatus;
  seconds: number;
  /** Payload bytes the step read or wrote (the walk: the full payload it looked at). */
  bytes: number;
  /** The step ran over the full payload whatever the sample (the walk). */
  full?: boolean;
}

export interface RehearsalFinding {
  step: RehearsalStep;
  level: 'error' | 'warning';
  deliverable?: string;
  message: Text;
}

export interface PayloadSize {
  files: number;
  bytes: number;
}

export interface RehearsalInput {
  plan: { id: string; title: string; file: string; sha256: string };
  /** When the rehearsal ran. */
  date: Date;
  language: Lang;
  /** `--sample N`: files per deliverable; null for the whole payload. */
  sample: number | null;
  ranBy: { user: string | null; signer: { fingerprint: string; userId: string | null } | null };
  payload: { rehearsed: PayloadSize; full: PayloadSize };
  steps: StepRun[];
  findings: RehearsalFinding[];
  version: string;
}

/** A step as rehearsal.json gives it. */
export interface StepReport {
  step: RehearsalStep;
  status: StepStatus;
  seconds: number;
  bytes: number;
  /** Bytes per second, when the step went through payload bytes. */
  throughput: number | null;
  /** What the step would take on the full payload; null when it cannot be told (nothing measured). */
  estimatedSeconds: number | null;
}

/** rehearsal.json (docs/FORMAT.md, "Rehearsal reports"): English words, the same in every language. */
export interface RehearsalReport {
  rehearsal: 1;
  ok: boolean;
  date: string;
  language: Lang;
  plan: { id: string; title: string; file: string; sha256: string };
  ranBy: RehearsalInput['ranBy'];
  sample: number | null;
  payload: { rehearsed: PayloadSize; full: PayloadSize };
  steps: StepReport[];
  /** The whole exit on the full payload: the sum of the estimates of the steps that ran. */
  estimatedSeconds: number | null;
  findings: Array<{ step: RehearsalStep; level: 'error' | 'warning'; deliverable?: string; message: string }>;
  generator: string;
}

/**
 * What a step would take on the full payload: its time scaled by full / rehearsed bytes (the
 * measured throughput applied to the full size). A step that already went through the full
 * payload takes what it took; one that went through no byte cannot be scaled (null), unless the
 * full payload is empty too.
 */
export function extrapolate(seconds: number, rehearsedBytes: number, fullBytes: number): number | null {
  if (rehearsedBytes >= fullBytes) return seconds;
  if (rehearsedBytes <= 0) return null;
  return (seconds * fullBytes) / rehearsedBytes;
}

/** Bytes per second, or null when no byte or no time was measured. */
export function throughput(bytes: number, seconds: number): number | null {
  return bytes > 0 && seconds > 0 ? bytes / seconds : null;
}

const ms = (s: number) => Math.round(s * 1000) / 1000;

/** The report: every step with its estimate, the verdict (every step passed), the findings in English. */
export function rehearsalReport(r: RehearsalInput): RehearsalReport {
  const steps = r.steps.map((s): StepReport => {
    const estimate =
      s.status === 'skipped'
        ? null
        : s.full
          ? s.seconds
          : extrapolate(s.seconds, s.bytes, r.payload.full.bytes);
    // A step that looked at the full payload (the walk reads names and sizes, not content) has no
    // throughput to speak of.
    const rate = s.full ? null : throughput(s.bytes, s.seconds);
    return {
      step: s.step,
      status: s.status,
      seconds: ms(s.seconds),
      bytes: s.bytes,
      throughput: rate === null ? null : Math.round(rate),
      estimatedSeconds: estimate === null ? null : ms(estimate),
    };
  });
  // The steps that ran: a step not run has no time to extrapolate.
  const estimates = steps.filter((s) => s.status !== 'skipped').map((s) => s.estimatedSeconds);
  const total = estimates.some((e) => e === null)
    ? null
    : ms(estimates.reduce((n: number, e) => n + (e ?? 0), 0));
  return {
    rehearsal: 1,
    ok: r.steps.length === REHEARSAL_STEPS.length && r.steps.every((s) => s.status === 'passed'),
    date: r.date.toISOString(),
    language: r.language,
    plan: r.plan,
    ranBy: r.ranBy,
    sample: r.sample,
    payload: r.payload,
    steps,
    estimatedSeconds: total,
    findings: findingsIn(r.findings, english),
    generator: `exitkit ${r.version}`,
  };
}

/** The findings in the words `said` gives them. */
export function findingsIn(
  findings: readonly RehearsalFinding[],
  said: (t: Text) => string,
): RehearsalReport['findings'] {
  return findings.map((f) => ({
    step: f.step,
    level: f.level,
    ...(f.deliverable === undefined ? {} : { deliverable: f.deliverable }),
    message: said(f.message),
  }));
}

/** The steps not run after a failure: skipped, with no time. */
export function skippedAfter(done: readonly StepRun[]): StepRun[] {
  return REHEARSAL_STEPS.filter((s) => !done.some((d) => d.step === s)).map((step) => ({
    step,
    status: 'skipped',
    seconds: 0,
    bytes: 0,
  }));
}

/**
 * A duration as a reader writes it in a document: "0.42 s", "3 min 20 s", "2 h 05 min" (French
 * "0,42 s"). Seconds under ten keep two decimals: a sampled step often takes less than one.
 */
export function formatSeconds(seconds: number, lang: Lang): string {
  const t = words(lang);
  const num = (n: number, digits: number) =>
    new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-CH`, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(n);
  if (seconds < 10) return sayDocument(lang, t.rehearsal.units.seconds, { n: num(seconds, 2) });
  const total = Math.round(seconds);
  if (total < 60) return sayDocument(lang, t.rehearsal.units.seconds, { n: String(total) });
  const min = Math.floor(total / 60);
  if (min < 60)
    return sayDocument(lang, t.rehearsal.units.minutes, {
      m: String(min),
      s: String(total % 60).padStart(2, '0'),
    });
  return sayDocument(lang, t.rehearsal.units.hours, {
    h: String(Math.floor(min / 60)),
    m: String(min % 60).padStart(2, '0'),
  });
}

/** The terminal's lines for a report: each step, the estimate, the findings, the verdict. */
export function describeRehearsal(
  r: RehearsalReport,
  findings: readonly RehearsalFinding[],
  m: Messages,
): string[] {
  const secs = (s: number | null) => (s === null ? m.rehearse.unknown : m.rehearse.seconds(s));
  const lines = [m.rehearse.heading(r.plan.id, r.sample)];
  for (const s of r.steps)
    lines.push(
      m.rehearse.step(
        m.rehearse.stepName[s.step],
        m.rehearse.status[s.status],
        s.status === 'skipped' ? '' : secs(s.seconds),
      ),
    );
  lines.push(
    m.rehearse.estimate(
      secs(r.estimatedSeconds),
      formatBytes(r.payload.full.bytes, m),
      r.sample === null ? null : formatBytes(r.payload.rehearsed.bytes, m),
    ),
  );
  for (const f of findings)
    lines.push(
      m.rehearse.finding(m.rehearse.stepName[f.step], f.deliverable, say(m, f.message), f.level === 'error'),
    );
  lines.push(
    r.ok ? m.rehearse.passed : m.rehearse.failed(r.steps.filter((s) => s.status === 'failed').length),
  );
  return lines;
}
