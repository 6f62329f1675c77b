import path from 'node:path';
import type { Problem } from './errors.js';
import { labelIn, type ExitPlan } from './plan.js';

/** A problem found in a plan, located by its path in the document (mapped to line:column later). */
export interface PlanIssue {
  path: Array<string | number>;
  message: string;
  hint?: string;
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
 * the plan's folder. Pure: key files are checked by the loader.
 */
export function checkPlanMeaning(plan: ExitPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const err = (p: PlanIssue['path'], message: string, hint?: string) =>
    issues.push({ path: p, message, level: 'error', ...(hint ? { hint } : {}) });
  const warn = (p: PlanIssue['path'], message: string, hint?: string) =>
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
      err(p, `${v} is not a date that exists`, 'write a real calendar date as YYYY-MM-DD');
  }
  const c = plan.contract;
  if (real(c.start) && real(c.end) && c.start! > c.end) {
    err(
      ['contract', 'end'],
      `the contract ends (${c.end}) before it starts (${c.start})`,
      'check contract.start and contract.end',
    );
  }
  const r = c.reversibility;
  if (r && real(r.start) && real(r.end)) {
    if (r.start > r.end) {
      err(
        ['contract', 'reversibility', 'end'],
        `the reversibility phase ends (${r.end}) before it starts (${r.start})`,
        'swap or correct the two dates',
      );
    }
    if (real(c.end) && r.start > c.end) {
      warn(
        ['contract', 'reversibility', 'start'],
        `the reversibility phase starts (${r.start}) after the contract ends (${c.end})`,
        'the exit is usually prepared before the end date',
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
        `deliverable id "${d.id}" is used twice (first at deliverables[${first}])`,
        'give every deliverable its own id',
      );

    if (d.status === 'waived') {
      if (!d.waiver) {
        err(
          ['deliverables', i, 'status'],
          `"${d.id}" is waived without a waiver`,
          'add waiver: {reason: ..., approved_by: client} (a waiver is not a silent gap)',
        );
      } else {
        if (!d.waiver.reason?.trim())
          err(
            ['deliverables', i, 'waiver', 'reason'],
            `the waiver of "${d.id}" has no reason`,
            'say why in waiver.reason',
          );
        if (!d.waiver.approved_by?.trim())
          err(
            ['deliverables', i, 'waiver', 'approved_by'],
            `the waiver of "${d.id}" does not say who approved it`,
            'set waiver.approved_by (usually client)',
          );
      }
    } else if (d.waiver) {
      warn(
        ['deliverables', i, 'waiver'],
        `"${d.id}" has a waiver but its status is ${d.status}`,
        'set status: waived, or remove the waiver',
      );
    }
    if (d.status !== 'waived' && d.sources.length === 0) {
      warn(
        ['deliverables', i],
        `"${d.id}" has no sources: nothing can be checked or bundled for it`,
        'list its files, folders or globs under sources',
      );
    }
    if (!plan.allow_external_sources) {
      d.sources.forEach((s, j) => {
        if (!staysInside(s)) {
          err(
            ['deliverables', i, 'sources', j],
            `source "${s}" points outside the plan's folder`,
            /(^|[/{,])\.\.($|[/},])/.test(s.replaceAll('\\', '/')) && !/^\s*[/~]/.test(s)
              ? "write it without '..' segments, relative to the plan's folder; or move the files under it, or set allow_external_sources: true at the top of the plan"
              : 'move the files under the plan folder, or set allow_external_sources: true at the top of the plan',
          );
        }
      });
    }
    if (real(d.due) && real(c.end) && d.due! > c.end) {
      warn(['deliverables', i, 'due'], `"${d.id}" is due (${d.due}) after the contract ends (${c.end})`);
    }
  });

  const comp = plan.compensation;
  if (comp) {
    const amount = (p: PlanIssue['path'], v: string | undefined) => {
      if (v !== undefined && !isPlainDecimal(v))
        err(
          p,
          `${v} is not a plain decimal amount`,
          'write digits with an optional decimal point, e.g. 4500 or 8.1',
        );
      return v !== undefined && isPlainDecimal(v) ? Number(v) : undefined;
    };
    amount(['compensation', 'vat_percent'], comp.vat_percent);
    if (Number(comp.vat_percent) > 100)
      warn(
        ['compensation', 'vat_percent'],
        `VAT of ${comp.vat_percent} % is more than 100 %`,
        'write the rate in percent, e.g. 8.1',
      );
    if (amount(['compensation', 'rounding'], comp.rounding) === 0)
      err(
        ['compensation', 'rounding'],
        'the rounding step is 0',
        'write the smallest step of the total, e.g. 0.05 for CHF or 0.01',
      );
    for (const k of ['missing_required', 'late_per_day', 'cap_percent'] as const)
      amount(['compensation', 'penalties', k], comp.penalties[k]);
    if (Number(comp.penalties.cap_percent) > 100)
      warn(
        ['compensation', 'penalties', 'cap_percent'],
        `the penalty cap of ${comp.penalties.cap_percent} % is more than the fees`,
        'the cap is a percent of the fees, usually 5 to 20',
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
          `fee "${labelIn(f.label, plan.language)}" needs either amount, or quantity and unit_price`,
          'write {label, amount} or {label, quantity, unit, unit_price}',
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
  warn: (p: PlanIssue['path'], message: string, hint?: string) => void,
): void {
  const when = plan.compensation?.final_payment?.release_when;
  if (!when) return;
  const at = ['compensation', 'final_payment', 'release_when'];
  for (const [condition, role] of [
    ['receipt_client', 'client'],
    ['receipt_incoming', 'incoming'],
  ] as const) {
    if (when.includes(condition) && !plan.parties[role]?.key)
      warn(
        at,
        `${condition} can never hold: the plan gives no key file for the ${role === 'client' ? 'client' : 'incoming provider'}`,
        `add parties.${role}.key: a receipt is checked against it`,
      );
  }
  if (when.includes('deletion_attested'))
    warn(
      at,
      'deletion_attested cannot hold yet: this version neither writes nor checks deletion attestations',
      'the final payment stays held while release_when names it',
    );
  if (!when.includes('decrypted_verification'))
    warn(
      at,
      'without decrypted_verification, a verification that never decrypted the archive can release the final payment',
      'add decrypted_verification unless the contract says otherwise',
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
