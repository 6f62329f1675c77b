import path from 'node:path';
import type { Problem } from './errors.js';
import type { Text } from './i18n/terminal/index.js';
import { exitIssues } from './exit-checks.js';
import { labelIn, type ExitPlan, type IsoDate } from './plan.js';

/** A problem found in a plan, located by its path in the document (mapped to line:column later). */
export interface PlanIssue {
  path: Array<string | number>;
  message: Text;
  hint?: Text;
  level: 'error' | 'warning';
}

/** Whether a YYYY-MM-DD string names a day that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Whether a source pattern, relative to the plan's folder, stays inside it. Globs expand braces
 * ("{a,../b}"), so every alternative is checked, not just the pattern as a whole.
 */
export function staysInside(source: string): boolean {
  const s = source.replaceAll('\\', '/');
  if (s.includes('\0')) return false;
  // An absolute path, a home folder or a drive, at the start or at the start of a brace alternative.
  if (/(^|[{,])\s*(\/|~|[A-Za-z]:)/.test(s)) return false;
  if (path.posix.isAbsolute(s) || path.win32.isAbsolute(source)) return false;
  const normal = path.posix.normalize(s);
  if (normal === '..' || normal.startsWith('../')) return false;
  // A ".." segment anywhere (also inside braces or after a glob) could climb out once expanded.
  return !/(^|[/{,])\.\.($|[/},])/.test(s);
}

/** The candidate nearest to a misspelt word (edit distance at most a third of it), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (!w) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    const d = c.startsWith(w) && w.length >= 3 ? 1 : editDistance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const swap =
        i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? prev[j - 2]! + 1 : Infinity;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), swap);
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** A decimal amount as the compensation needs it: plain digits, an optional fraction. */
export function isPlainDecimal(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value);
}

/**
 * Checks of meaning on a plan that already passed the JSON Schema: unique ids, real dates in
 * order, waivers with a reason and an approver, fee lines that can be computed, sources inside
 * the plan's folder, the exit section a regulation requires. Pure: key files are checked by the
 * loader, and `today` (YYYY-MM-DD) comes in to judge the exit plan's review date.
 */
export function checkPlanMeaning(plan: ExitPlan, opts: { today?: IsoDate } = {}): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const err = (p: PlanIssue['path'], message: Text, hint?: Text) =>
    issues.push({ path: p, message, level: 'error', ...(hint ? { hint } : {}) });
  const warn = (p: PlanIssue['path'], message: Text, hint?: Text) =>
    issues.push({ path: p, message, level: 'warning', ...(hint ? { hint } : {}) });

  const dates: Array<[PlanIssue['path'], string | undefined]> = [
    [['contract', 'start'], plan.contract.start],
    [['contract', 'end'], plan.contract.end],
    [['contract', 'reversibility', 'start'], plan.contract.reversibility?.start],
    [['contract', 'reversibility', 'end'], plan.contract.reversibility?.end],
    [['compensation', 'final_payment', 'due'], plan.compensation?.final_payment?.due],
  ];
  plan.deliverables.forEach((d, i) => {
    dates.push([['deliverables', i, 'due'], d.due]);
    dates.push([['deliverables', i, 'waiver', 'date'], d.waiver?.date]);
  });
  const real = (v: string | undefined) => v !== undefined && isRealDate(v);
  for (const [p, v] of dates) {
    if (v !== undefined && !isRealDate(v))
      err(
        p,
        (m) => m.meaning.notADate(v),
        (m) => m.meaning.notADateHint,
      );
  }
  const c = plan.contract;
  if (real(c.start) && real(c.end) && c.start! > c.end) {
    err(
      ['contract', 'end'],
      (m) => m.meaning.contractEndsBeforeStart(c.end, c.start!),
      (m) => m.meaning.contractEndsBeforeStartHint,
    );
  }
  const r = c.reversibility;
  if (r && real(r.start) && real(r.end)) {
    if (r.start > r.end) {
      err(
        ['contract', 'reversibility', 'end'],
        (m) => m.meaning.reversibilityEndsBeforeStart(r.end, r.start),
        (m) => m.meaning.reversibilityEndsBeforeStartHint,
      );
    }
    if (real(c.end) && r.start > c.end) {
      warn(
        ['contract', 'reversibility', 'start'],
        (m) => m.meaning.reversibilityAfterContract(r.start, c.end),
        (m) => m.meaning.reversibilityAfterContractHint,
      );
    }
  }

  const seen = new Map<string, number>();
  plan.deliverables.forEach((d, i) => {
    const first = seen.get(d.id);
    if (first === undefined) seen.set(d.id, i);
    else
      err(
        ['deliverables', i, 'id'],
        (m) => m.meaning.duplicateId(d.id, first),
        (m) => m.meaning.duplicateIdHint,
      );

    if (d.status === 'waived') {
      if (!d.waiver) {
        err(
          ['deliverables', i, 'status'],
          (m) => m.meaning.waivedWithoutWaiver(d.id),
          (m) => m.meaning.waivedWithoutWaiverHint,
        );
      } else {
        if (!d.waiver.reason?.trim())
          err(
            ['deliverables', i, 'waiver', 'reason'],
            (m) => m.meaning.waiverNoReason(d.id),
            (m) => m.meaning.waiverNoReasonHint,
          );
        if (!d.waiver.approved_by?.trim())
          err(
            ['deliverables', i, 'waiver', 'approved_by'],
            (m) => m.meaning.waiverNoApprover(d.id),
            (m) => m.meaning.waiverNoApproverHint,
          );
      }
    } else if (d.waiver) {
      warn(
        ['deliverables', i, 'waiver'],
        (m) => m.meaning.waiverButStatus(d.id, d.status),
        (m) => m.meaning.waiverButStatusHint,
      );
    }
    if (d.status !== 'waived' && d.sources.length === 0) {
      warn(
        ['deliverables', i],
        (m) => m.meaning.noSources(d.id),
        (m) => m.meaning.listSources,
      );
    }
    if (!plan.allow_external_sources) {
      d.sources.forEach((s, j) => {
        if (!staysInside(s)) {
          err(
            ['deliverables', i, 'sources', j],
            (m) => m.sources.outside(s),
            /(^|[/{,])\.\.($|[/},])/.test(s.replaceAll('\\', '/')) && !/^\s*[/~]/.test(s)
              ? (m) => m.meaning.outsideDotDotHint
              : (m) => m.sources.hint.outside,
          );
        }
      });
    }
    if (real(d.due) && real(c.end) && d.due! > c.end) {
      warn(['deliverables', i, 'due'], (m) => m.meaning.dueAfterContract(d.id, d.due!, c.end));
    }
  });

  exitIssues(plan, opts.today, isRealDate, err, warn);

  const comp = plan.compensation;
  if (comp) {
    const amount = (p: PlanIssue['path'], v: string | undefined) => {
      if (v !== undefined && !isPlainDecimal(v))
        err(
          p,
          (m) => m.meaning.notPlainDecimal(v),
          (m) => m.meaning.notPlainDecimalHint,
        );
      return v !== undefined && isPlainDecimal(v) ? Number(v) : undefined;
    };
    amount(['compensation', 'vat_percent'], comp.vat_percent);
    if (Number(comp.vat_percent) > 100)
      warn(
        ['compensation', 'vat_percent'],
        (m) => m.meaning.vatOver100(comp.vat_percent),
        (m) => m.meaning.vatOver100Hint,
      );
    if (amount(['compensation', 'rounding'], comp.rounding) === 0)
      err(
        ['compensation', 'rounding'],
        (m) => m.meaning.roundingZero,
        (m) => m.meaning.roundingZeroHint,
      );
    for (const k of ['missing_required', 'late_per_day', 'cap_percent'] as const)
      amount(['compensation', 'penalties', k], comp.penalties[k]);
    if (Number(comp.penalties.cap_percent) > 100)
      warn(
        ['compensation', 'penalties', 'cap_percent'],
        (m) => m.meaning.capOver100(comp.penalties.cap_percent!),
        (m) => m.meaning.capOver100Hint,
      );
    amount(['compensation', 'final_payment', 'amount'], comp.final_payment?.amount);
    releaseConditionIssues(plan, warn);
    comp.fees.forEach((f, i) => {
      for (const k of ['amount', 'quantity', 'unit_price'] as const)
        amount(['compensation', 'fees', i, k], f[k]);
      const fixed = f.amount !== undefined;
      const computed = f.quantity !== undefined || f.unit_price !== undefined;
      if (fixed === computed || (computed && (f.quantity === undefined || f.unit_price === undefined))) {
        err(
          ['compensation', 'fees', i],
          (m) => m.meaning.feeShape(labelIn(f.label, plan.language)),
          (m) => m.meaning.feeShapeHint,
        );
      }
    });
  }
  return issues;
}

/**
 * Release conditions that can never hold, or that let a look at the signature alone release the
 * final payment (README.md, "The plan"): warnings, as the contract decides.
 */
function releaseConditionIssues(
  plan: ExitPlan,
  warn: (p: PlanIssue['path'], message: Text, hint?: Text) => void,
): void {
  const when = plan.compensation?.final_payment?.release_when;
  if (!when) return;
  const at = ['compensation', 'final_payment', 'release_when'];
  for (const [condition, role] of [
    ['receipt_client', 'client'],
    ['receipt_incoming', 'incoming'],
    ['deletion_attested', 'outgoing'],
  ] as const) {
    if (when.includes(condition) && !plan.parties[role]?.key)
      warn(
        at,
        (m) => m.release.keyNeverHolds(condition, role),
        (m) => m.release.keyNeverHoldsHint(role, condition),
      );
  }
  if (!when.includes('decrypted_verification'))
    warn(
      at,
      (m) => m.release.notDecrypted,
      (m) => m.release.notDecryptedHint,
    );
}

/** Converts located plan issues into the shared Problem shape. */
export function toProblems(
  issues: PlanIssue[],
  locate: (p: PlanIssue['path']) => Problem['location'],
): Problem[] {
  return issues.map((i) => ({
    message: i.message,
    location: locate(i.path),
    level: i.level,
    ...(i.hint ? { hint: i.hint } : {}),
  }));
}
