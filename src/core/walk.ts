/**
 * What a walk finds (`exitkit walk`, README.md "Commands"): for each deliverable, from plain facts about its
 * files, the findings (each with what to do) and whether it is ready. Pure: the facts are
 * gathered by src/io/walk.ts, and the same facts always give the same findings.
 */
import { formatBytes } from './bytes.js';
import { byCategory, type Category, type Deliverable, type ExitPlan, type Status } from './plan.js';

export type FindingLevel = 'error' | 'warning' | 'info';

export interface Finding {
  level: FindingLevel;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The file concerned, relative to the plan's folder. */
  path?: string;
}

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
  message: string;
}

/** The encrypted formats a credential export may take, recognized by their first bytes. */
export type CredentialFormat = 'kdbx' | 'kdb' | 'openpgp' | 'age' | 'bitwarden';

export const CREDENTIAL_FORMAT_NAMES: Record<CredentialFormat, string> = {
  kdbx: 'a KeePass database (KDBX)',
  kdb: 'a KeePass 1 database (KDB)',
  openpgp: 'an OpenPGP-encrypted file',
  age: 'an age-encrypted file',
  bitwarden: 'an encrypted Bitwarden export',
};

/** An inventory CSV in numbers, or why it could not be read. */
export interface InventoryFact {
  path: string;
  columns?: string[];
  rows?: number;
  byType?: Record<string, number>;
  missingColumns?: string[];
  error?: string;
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

/** What to do for each kind of source problem. */
const SOURCE_HINTS: Record<SourceIssue['kind'], string> = {
  missing: 'export it to that path, or correct the sources of this deliverable',
  empty: 'put the exported files in it, or correct the sources of this deliverable',
  symlink: 'links are never followed: copy the file itself in its place (cp -L), or list the real path',
  special: 'only regular files can be handed over: remove it or export its content to a file',
  outside: 'move the files under the plan folder, or set allow_external_sources: true at the top of the plan',
  unreadable: 'give the user running exitkit read access to it (chmod/chown)',
  duplicate: 'two files would share one name in the archive: rename one, or split the sources',
};

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
  const add = (level: FindingLevel, message: string, hint?: string, path?: string) =>
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
    add(
      'info',
      w
        ? `waived: ${w.reason} (approved by ${w.approved_by}${w.date ? `, ${w.date}` : ''})`
        : 'waived without a waiver',
      w ? undefined : 'add waiver: {reason: ..., approved_by: client}',
    );
    return { ...base, ready: w !== undefined, checksPass: true, findings };
  }

  if (d.sources.length === 0)
    add(
      'error',
      'no sources: nothing to check or hand over',
      'list its files, folders or globs under sources',
    );
  for (const p of facts.problems) add('error', p.message, SOURCE_HINTS[p.kind], p.path);

  for (const f of facts.files) {
    const where = f.shown ?? f.rel;
    if (f.size === 0) {
      add('error', `${where} is empty (0 bytes)`, 'export it again: an empty file hands nothing over', where);
    } else if (d.checks.min_bytes !== undefined && f.size < d.checks.min_bytes) {
      add(
        'error',
        `${where} is ${formatBytes(f.size)}, less than the ${formatBytes(d.checks.min_bytes)} expected (min_bytes)`,
        'check that the export finished; a truncated export is not a handover',
        where,
      );
    }
    if (d.checks.max_age_days !== undefined) {
      const age = Math.floor((now - f.mtimeMs) / DAY_MS);
      if (age > d.checks.max_age_days) {
        add(
          'error',
          `${where} is stale: last modified ${isoDay(f.mtimeMs)}, ${age} days ago (max_age_days: ${d.checks.max_age_days})`,
          d.category === 'backups' ? 'run a fresh backup and export it again' : 'export a fresh copy',
          where,
        );
      }
    }
    if (f.mtimeMs > now + DAY_MS) {
      add(
        'warning',
        `${where} is dated in the future (${isoDay(f.mtimeMs)})`,
        'check the clock of the machine that exported it',
        where,
      );
    }
  }

  if (d.category === 'backups' && d.checks.max_age_days === undefined && facts.files.length > 0) {
    add('info', 'no freshness check', 'set checks.max_age_days: a backup from last year is not a handover');
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
          `${where} is not in an encrypted format: treated as passwords in clear text`,
          d.checks.allow_cleartext
            ? 'allowed by checks.allow_cleartext; it is still encrypted in the bundle, but prefer a KeePass (KDBX) export'
            : 'export the vault as KeePass (KDBX) or an encrypted Bitwarden export, or encrypt the file with gpg or age',
          where,
        );
      } else {
        add('info', `${where} is ${CREDENTIAL_FORMAT_NAMES[format]}`, undefined, where);
      }
    }
  }

  if (d.category === 'inventory') {
    const csvs = facts.inventories ?? [];
    if (facts.files.length > 0 && csvs.length === 0) {
      add(
        'error',
        'no CSV file among the sources',
        'export the inventory as CSV (type, name, location columns)',
      );
    }
    for (const inv of csvs) {
      if (inv.error !== undefined) {
        add('error', `${inv.path}: ${inv.error}`, 'export the inventory again as CSV (UTF-8)', inv.path);
        continue;
      }
      if (inv.missingColumns && inv.missingColumns.length > 0) {
        add(
          'error',
          `${inv.path} lacks the column${inv.missingColumns.length > 1 ? 's' : ''} ${inv.missingColumns.join(', ')} (it has ${(inv.columns ?? []).join(', ') || 'no header'})`,
          `add ${inv.missingColumns.join(', ')} to its header row`,
          inv.path,
        );
      }
      if (inv.rows === 0) {
        add('error', `${inv.path} lists no items`, 'export the inventory with its rows', inv.path);
      } else if (inv.rows !== undefined) {
        const types = Object.entries(inv.byType ?? {})
          .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        add(
          'info',
          `${inv.path}: ${inv.rows} item${inv.rows === 1 ? '' : 's'}${types ? ` (${types})` : ''}`,
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
    findings.unshift({
      level: 'error',
      message: `marked ${d.status}, but its checks fail`,
      hint: 'fix what is listed below, or set its status back to pending',
    });
  } else if (!marked && checksPass) {
    add(
      'info',
      'its files check out, but it is not marked ready',
      'mark it ready (`exitkit walk` on a terminal), or set status: ready in the plan',
    );
  }
  if (!marked && d.due !== undefined) {
    const late = daysBetween(d.due, now);
    if (late > 0)
      add(
        'warning',
        `due ${d.due}: ${late} day${late === 1 ? '' : 's'} late`,
        'hand it over, or agree a waiver with the client',
      );
  }
  return { ...base, ready: marked && checksPass, checksPass, findings };
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

/**
 * The walk as a person reads it: family by family, each deliverable with its findings and what
 * to do, then a summary and the next step.
 */
export function formatWalkReport(
  plan: { id: string; title: string; file: string },
  assessments: readonly Assessment[],
): string[] {
  const lines: string[] = [];
  lines.push(
    `${plan.file}: ${plan.title} (${plan.id}), ${assessments.length} deliverable${assessments.length === 1 ? '' : 's'}`,
  );
  for (const [category, list] of byCategory(assessments)) {
    lines.push('', `${category} (${list.length})`);
    for (const a of list) {
      const mark = a.status === 'waived' && a.ready ? MARK.waived : a.ready ? MARK.ready : MARK.notReady;
      const size =
        a.status === 'waived' ? '' : `, ${a.files} file${a.files === 1 ? '' : 's'}, ${formatBytes(a.bytes)}`;
      lines.push(`  ${mark} ${a.id}: ${a.title} [${a.status}${a.required ? '' : ', optional'}${size}]`);
      for (const f of a.findings) {
        lines.push(`      ${f.level}: ${f.message}`);
        if (f.hint) lines.push(`        hint: ${f.hint}`);
      }
    }
  }
  const s = summarizeWalk(assessments);
  lines.push(
    '',
    `summary: ${s.ready} ready, ${s.waived} waived, ${s.notReady} not ready, of ${s.deliverables}; ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
  );
  if (s.ok) {
    lines.push(
      `every required deliverable is ready or waived: next, \`exitkit bundle ${plan.file} --out DIR\``,
    );
  } else {
    lines.push(`not ready (required): ${s.blocking.join(', ')}`);
    lines.push(
      'next: fix the errors above, then mark each deliverable ready (`exitkit walk` on a terminal) or waive it',
    );
  }
  return lines;
}
