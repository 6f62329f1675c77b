/**
 * What a walk finds (`exitkit walk`, README.md "Commands"): for each deliverable, from plain facts about its
 * files, the findings (each with what to do) and whether it is ready. Pure: the facts are
 * gathered by src/io/walk.ts, and the same facts always give the same findings.
 */
import { deliverableNameFindings } from './bag-names.js';
import { formatBytes } from './bytes.js';
import { say, type Messages, type Text } from './i18n/terminal/index.js';
import { UNSPECIFIED } from './inventory.js';
import { byCategory, type Category, type Deliverable, type ExitPlan, type Status } from './plan.js';

export type FindingLevel = 'error' | 'warning' | 'info';

export interface Finding {
  level: FindingLevel;
  message: Text;
  /** What to do about it. */
  hint?: Text;
  /** The file concerned, relative to the plan's folder. */
  path?: string;
}

/** A finding as `walk --json` gives it: its words in English, whatever the terminal speaks. */
export type FindingJson = Omit<Finding, 'message' | 'hint'> & { message: string; hint?: string };

/** A file of a deliverable as found on disk (a SourceFile from src/io/sources.ts fits). */
export interface FileFact {
  rel: string;
  /** Where it is, relative to the plan's folder (for messages); `rel` when absent. */
  shown?: string;
  size: number;
  mtimeMs: number;
}

/** A problem met while resolving sources (a SourceProblem from src/io/sources.ts fits). */
export interface SourceIssue {
  source: string;
  path?: string;
  kind: 'missing' | 'empty' | 'symlink' | 'special' | 'outside' | 'unreadable' | 'duplicate';
  message: Text;
}

/**
 * The source problems bundle cannot get past, whatever it is asked (exit 2, bad input): a link, a
 * special file, an unreadable file, a path outside the plan's tree, two files on one name. A
 * missing source or an empty folder makes the deliverable not ready (exit 1), as any walk error.
 */
export const INPUT_FAULTS: ReadonlySet<SourceIssue['kind']> = new Set([
  'symlink',
  'special',
  'outside',
  'unreadable',
  'duplicate',
]);

/** The encrypted formats a credential export may take, recognized by their first bytes. */
export type CredentialFormat = 'kdbx' | 'kdb' | 'openpgp' | 'age' | 'bitwarden';

/** An inventory CSV in numbers, or why it could not be read. */
export interface InventoryFact {
  path: string;
  columns?: string[];
  rows?: number;
  byType?: Record<string, number>;
  missingColumns?: string[];
  error?: Text;
}

export interface DeliverableFacts {
  files: FileFact[];
  problems: SourceIssue[];
  /** Credentials: the encrypted format of each file (by its `shown` path), or null for clear text. */
  credentialFormats?: Record<string, CredentialFormat | null>;
  /** Inventory: the summary of each CSV file. */
  inventories?: InventoryFact[];
}

export interface Assessment {
  id: string;
  category: Category;
  title: string;
  required: boolean;
  status: Status;
  /** Nothing stands in the way of handing it over: ready or delivered without errors, or waived. */
  ready: boolean;
  /** Its files check out: it could be marked ready. */
  checksPass: boolean;
  files: number;
  bytes: number;
  findings: Finding[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first bytes of a credential file say whether it is encrypted (never its content in a report). */
export function detectCredentialFormat(head: Uint8Array): CredentialFormat | null {
  const b = head;
  // KeePass: signature 1 0x9AA2D903, signature 2 0xB54BFB67 (KDBX) or 0xB54BFB65 (KDB 1.x), little-endian.
  if (b.length >= 8 && b[0] === 0x03 && b[1] === 0xd9 && b[2] === 0xa2 && b[3] === 0x9a) {
    if (b[4] === 0x67 && b[5] === 0xfb && b[6] === 0x4b && b[7] === 0xb5) return 'kdbx';
    if (b[4] === 0x65 && b[5] === 0xfb && b[6] === 0x4b && b[7] === 0xb5) return 'kdb';
  }
  if (b.length > 0 && isOpenPgpEncryptedPacket(b[0]!)) return 'openpgp';
  const text = latin1(b.subarray(0, 4096));
  if (text.startsWith('age-encryption.org/v1\n')) return 'age';
  if (/^\s*-----BEGIN AGE ENCRYPTED FILE-----/.test(text)) return 'age';
  const armored =
    /^\s*-----BEGIN PGP MESSAGE-----\r?\n((?:[^\r\n]+:[^\r\n]*\r?\n)*)\r?\n([A-Za-z0-9+/=]{4})/.exec(text);
  if (armored) {
    const first = base64FirstByte(armored[2]!);
    // An armored message that is only signed or compressed is not encrypted.
    return first !== undefined && isOpenPgpEncryptedPacket(first) ? 'openpgp' : null;
  }
  // Bitwarden's encrypted JSON export starts {"encrypted": true, ...}; the clear one says false.
  if (/^\uFEFF?\s*\{[^]*?"encrypted"\s*:\s*true\b/.test(text)) return 'bitwarden';
  return null;
}

/**
 * An OpenPGP message that is encrypted starts with a session-key packet (tag 1 PKESK, 3 SKESK)
 * or an encrypted data packet (tag 9, 18 SEIPD, 20 AEAD), in old or new packet format (RFC 9580 §4.2).
 */
function isOpenPgpEncryptedPacket(first: number): boolean {
  if ((first & 0x80) === 0) return false;
  const tag = (first & 0x40) !== 0 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 1 || tag === 3 || tag === 9 || tag === 18 || tag === 20;
}

function base64FirstByte(four: string): number | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const a = alphabet.indexOf(four[0]!);
  const b = alphabet.indexOf(four[1]!);
  return a < 0 || b < 0 ? undefined : ((a << 2) | (b >> 4)) & 0xff;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysBetween(fromIsoDay: string, toMs: number): number {
  return Math.floor((toMs - Date.parse(`${fromIsoDay}T00:00:00Z`)) / DAY_MS);
}

/**
 * The findings of one deliverable and whether it is ready. `now` is the walk's time (ms since
 * the epoch): freshness and due dates are measured against it.
 */
export function assessDeliverable(d: Deliverable, facts: DeliverableFacts, now: number): Assessment {
  const findings: Finding[] = [];
  const add = (level: FindingLevel, message: Text, hint?: Text, path?: string) =>
    findings.push({ level, message, ...(hint ? { hint } : {}), ...(path ? { path } : {}) });
  const bytes = facts.files.reduce((sum, f) => sum + f.size, 0);
  const base = {
    id: d.id,
    category: d.category,
    title: d.title,
    required: d.required,
    status: d.status,
    files: facts.files.length,
    bytes,
  };

  // A waiver settles a deliverable, but it is not a silent gap: the walk says so, with its reason.
  if (d.status === 'waived') {
    const w = d.waiver;
    if (w) add('info', (m) => m.walk.waived(w.reason, w.approved_by, w.date));
    else
      add(
        'info',
        (m) => m.walk.waivedWithoutWaiver,
        (m) => m.walk.waivedWithoutWaiverHint,
      );
    return { ...base, ready: w !== undefined, checksPass: true, findings };
  }

  if (d.sources.length === 0)
    add(
      'error',
      (m) => m.walk.noSources,
      (m) => m.meaning.listSources,
    );
  for (const p of facts.problems) add('error', p.message, (m) => m.sources.hint[p.kind], p.path);
  if (d.sources.length > 0 && facts.files.length === 0 && facts.problems.length === 0) {
    const sources = d.sources;
    add(
      'error',
      (m) => m.walkRefuses.noFile(sources),
      (m) => m.sources.hint.missing,
    );
  }

  // An empty file hands nothing over: an error when nothing else is (a sole file, or every file
  // empty); among files with content, a warning naming it (an empty .cfg among a switch's
  // exports), unless the plan asks every file for min_bytes.
  const allEmpty = facts.files.every((f) => f.size === 0);
  for (const f of facts.files) {
    const where = f.shown ?? f.rel;
    if (f.size === 0 && allEmpty) {
      add(
        'error',
        (m) => m.walk.emptyFile(where),
        (m) => m.walk.emptyFileHint,
        where,
      );
    } else if (f.size === 0 && d.checks.min_bytes === undefined) {
      add(
        'warning',
        (m) => m.walkRefuses.emptyAmongOthers(where),
        (m) => m.walkRefuses.emptyAmongOthersHint,
        where,
      );
    } else if (d.checks.min_bytes !== undefined && f.size < d.checks.min_bytes) {
      const min = d.checks.min_bytes;
      add(
        'error',
        (m) => m.walk.tooSmall(where, formatBytes(f.size, m), formatBytes(min, m)),
        (m) => m.walk.tooSmallHint,
        where,
      );
    }
    if (d.checks.max_age_days !== undefined) {
      const age = Math.floor((now - f.mtimeMs) / DAY_MS);
      const max = d.checks.max_age_days;
      if (age > max) {
        add(
          'error',
          (m) => m.walk.stale(where, isoDay(f.mtimeMs), age, max),
          d.category === 'backups' ? (m) => m.walk.staleBackupHint : (m) => m.walk.staleHint,
          where,
        );
      }
    }
    if (f.mtimeMs > now + DAY_MS) {
      add(
        'warning',
        (m) => m.walk.future(where, isoDay(f.mtimeMs)),
        (m) => m.walk.futureHint,
        where,
      );
    }
  }

  // Names a receiver on Windows cannot write out (a warning), and names that differ only by case
  // (an error: verify refuses them on every platform), each named (src/core/bag-names.ts).
  for (const n of deliverableNameFindings(facts.files)) {
    if (n.kind === 'windows') add('warning', n.message, (m) => m.names.windowsCannotHoldHint, n.where);
    else add('error', n.message, (m) => m.names.differOnlyByCaseHint, n.where);
  }

  if (d.category === 'backups' && d.checks.max_age_days === undefined && facts.files.length > 0) {
    add(
      'info',
      (m) => m.walk.noFreshness,
      (m) => m.walk.noFreshnessHint,
    );
  }

  if (d.category === 'credentials') {
    for (const f of facts.files) {
      const where = f.shown ?? f.rel;
      const format = facts.credentialFormats?.[where];
      if (f.size === 0 || format === undefined) continue;
      if (format === null) {
        // Named, never shown: the content of a credential file reaches no report (SECURITY.md,
        // "Secrets handling").
        add(
          d.checks.allow_cleartext ? 'warning' : 'error',
          (m) => m.walk.clearText(where),
          d.checks.allow_cleartext ? (m) => m.walk.clearTextAllowedHint : (m) => m.walk.clearTextHint,
          where,
        );
      } else {
        add('info', (m) => m.walk.encrypted(where, m.walk.format[format]), undefined, where);
      }
    }
  }

  if (d.category === 'inventory') {
    const csvs = facts.inventories ?? [];
    if (facts.files.length > 0 && csvs.length === 0) {
      add(
        'error',
        (m) => m.walk.noCsv,
        (m) => m.walk.noCsvHint,
      );
    }
    for (const inv of csvs) {
      if (inv.error !== undefined) {
        const error = inv.error;
        add(
          'error',
          (m) => m.about(inv.path, say(m, error)),
          (m) => m.walk.csvAgainHint,
          inv.path,
        );
        continue;
      }
      const missing = inv.missingColumns ?? [];
      if (missing.length > 0) {
        const has = inv.columns ?? [];
        add(
          'error',
          (m) => m.walk.lacksColumns(inv.path, missing, has),
          (m) => m.walk.lacksColumnsHint(missing),
          inv.path,
        );
      }
      if (inv.rows === 0) {
        add(
          'error',
          (m) => m.walk.noItems(inv.path),
          (m) => m.walk.noItemsHint,
          inv.path,
        );
      } else if (inv.rows !== undefined) {
        const rows = inv.rows;
        const types = Object.entries(inv.byType ?? {}).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
        add(
          'info',
          (m) =>
            m.walk.items(
              inv.path,
              rows,
              types.map(([t, n]) => [t === UNSPECIFIED ? m.walk.unspecifiedType : t, n]),
            ),
          undefined,
          inv.path,
        );
      }
    }
  }

  const hasErrors = findings.some((f) => f.level === 'error');
  const checksPass = !hasErrors;
  const marked = d.status === 'ready' || d.status === 'delivered';
  if (marked && hasErrors) {
    const status = d.status;
    findings.unshift({
      level: 'error',
      message: (m) => m.walk.markedButFailing(status),
      hint: (m) => m.walk.markedButFailingHint,
    });
  } else if (!marked && checksPass) {
    add('info', (m) => m.walk.notMarked, NOT_MARKED_HINT);
  }
  if (!marked && d.due !== undefined) {
    const late = daysBetween(d.due, now);
    const due = d.due;
    if (late > 0)
      add(
        'warning',
        (m) => m.walk.late(due, late),
        (m) => m.walk.lateHint,
      );
  }
  return { ...base, ready: marked && checksPass, checksPass, findings };
}

/** A file under the sources' folders that no deliverable claims (and `ignore:` does not silence). */
export interface UnclaimedFile {
  /** Relative to the plan's folder. */
  path: string;
  size: number;
}

/** How many unclaimed files the report names; the rest are counted. */
const UNCLAIMED_SHOWN = 20;

/** The unclaimed files as the walk report says them: a warning, the files with their size, a hint. */
function unclaimedLines(files: readonly UnclaimedFile[], m: Messages): string[] {
  if (files.length === 0) return [];
  const bytes = files.reduce((n, f) => n + f.size, 0);
  return [
    '',
    `${m.label.warning}${m.walkRefuses.unclaimed(files.length, formatBytes(bytes, m))}`,
    ...files
      .slice(0, UNCLAIMED_SHOWN)
      .map((f) => `    ${m.walkRefuses.unclaimedFile(f.path, formatBytes(f.size, m))}`),
    ...(files.length > UNCLAIMED_SHOWN
      ? [`    ${m.walkRefuses.unclaimedMore(files.length - UNCLAIMED_SHOWN)}`]
      : []),
    `  ${m.label.hint}${m.walkRefuses.unclaimedHint}`,
  ];
}

export interface WalkSummary {
  deliverables: number;
  ready: number;
  waived: number;
  notReady: number;
  /** Required deliverables neither ready nor waived (ids): they make the walk answer no. */
  blocking: string[];
  errors: number;
  warnings: number;
  /** Every required deliverable is ready or waived. */
  ok: boolean;
}

export function summarizeWalk(assessments: readonly Assessment[]): WalkSummary {
  const waived = assessments.filter((a) => a.status === 'waived' && a.ready).length;
  const ready = assessments.filter((a) => a.status !== 'waived' && a.ready).length;
  const blocking = assessments.filter((a) => a.required && !a.ready).map((a) => a.id);
  const count = (level: FindingLevel) =>
    assessments.reduce((n, a) => n + a.findings.filter((f) => f.level === level).length, 0);
  return {
    deliverables: assessments.length,
    ready,
    waived,
    notReady: assessments.length - ready - waived,
    blocking,
    errors: count('error'),
    warnings: count('warning'),
    ok: blocking.length === 0,
  };
}

/** The deliverables in the walk's order: family by family (fixed order), plan order within. */
export function walkOrder(plan: ExitPlan): Deliverable[] {
  return byCategory(plan.deliverables).flatMap(([, list]) => list);
}

/** What the user may choose for a deliverable in an interactive walk. */
export type Decision =
  | { action: 'ready' }
  | { action: 'pending' }
  | { action: 'waive'; reason: string; approvedBy: string; date: string }
  | { action: 'leave' };

/** The choices offered for a deliverable: marking ready only when its files check out. */
export function choicesFor(a: Assessment): Array<Decision['action']> {
  if (a.status === 'waived') return [];
  const marked = a.status === 'ready' || a.status === 'delivered';
  if (marked && a.checksPass) return [];
  const out: Array<Decision['action']> = [];
  if (!marked && a.checksPass) out.push('ready');
  if (marked) out.push('pending');
  out.push('waive', 'leave');
  return out;
}

/** A deliverable as it stands after a decision (what the plan will say). */
export function applyDecision(d: Deliverable, decision: Decision): Deliverable {
  switch (decision.action) {
    case 'ready':
      return { ...d, status: 'ready' };
    case 'pending':
      return { ...d, status: 'pending' };
    case 'waive':
      return {
        ...d,
        status: 'waived',
        waiver: { reason: decision.reason, approved_by: decision.approvedBy, date: decision.date },
      };
    case 'leave':
      return d;
  }
}

const MARK: Record<string, string> = { ready: '✓', waived: '–', notReady: '✗' };

/** "Mark it ready (`exitkit walk` on a terminal)": said by a report, not by a walk that then asks. */
const NOT_MARKED_HINT: Text = (m) => m.walk.notMarkedHint;

/**
 * The walk as a person reads it: family by family, each deliverable with its findings and what
 * to do, then a summary and the next step.
 */
export function formatWalkReport(
  plan: { id: string; title: string; file: string },
  assessments: readonly Assessment[],
  m: Messages,
  opts: { asking?: boolean; unclaimed?: readonly UnclaimedFile[] } = {},
): string[] {
  const lines: string[] = [];
  lines.push(m.walk.header(plan.file, plan.title, plan.id, assessments.length));
  for (const [category, list] of byCategory(assessments)) {
    lines.push('', `${m.category[category]} (${list.length})`);
    for (const a of list) {
      const mark = a.status === 'waived' && a.ready ? MARK.waived : a.ready ? MARK.ready : MARK.notReady;
      const state = [m.status[a.status]];
      if (!a.required) state.push(m.walk.optional);
      if (a.status !== 'waived') state.push(m.walk.files(a.files), formatBytes(a.bytes, m));
      lines.push(`  ${mark} ${m.walk.entry(a.id, a.title, state.join(', '))}`);
      for (const f of a.findings) {
        lines.push(`      ${m.label[f.level]}${say(m, f.message)}`);
        if (f.hint && !(opts.asking && f.hint === NOT_MARKED_HINT))
          lines.push(`        ${m.label.hint}${say(m, f.hint)}`);
      }
    }
  }
  lines.push(...unclaimedLines(opts.unclaimed ?? [], m));
  const s = summarizeWalk(assessments);
  lines.push('', m.walk.summary(s));
  if (s.ok) {
    lines.push(m.walk.allReady(`exitkit bundle ${plan.file} --out DIR`));
  } else {
    lines.push(m.walk.blocking(s.blocking.join(', ')));
    lines.push(opts.asking ? m.walkAnswers.next : m.walk.blockingNext);
  }
  return lines;
}
