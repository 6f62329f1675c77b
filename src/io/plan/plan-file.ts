/** Reads an exit plan from its file and checks it whole: parse (core/plan-parse.ts), meaning, key files. */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError, ProblemsError, type Location, type Problem } from '../../core/errors.js';
import { checkPlanMeaning, toProblems, type PlanIssue } from '../../core/plan-checks.js';
import { byPosition, firstLine, lineAndColumn, locationIn, parsePlan } from '../../core/plan-parse.js';
import type { ParsedPlan } from '../../core/plan-parse.js';
import { say, type Text } from '../../core/i18n/terminal/index.js';
import type { ExitPlan } from '../../core/plan.js';
import { sameFingerprint } from '../../core/trust.js';
import { fingerprintOf, readKeyFile } from '../openpgp/keys.js';
import { shown } from '../shown.js';
import { schemaValidator } from './plan-schema.js';

export { SCHEMA_PATH } from './plan-schema.js';

/** A plan larger than this is not a plan (it is read whole: it is a small YAML file). */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;

/** A plan as read from its file: the parsed plan, where it is, and its bytes' SHA-256. */
export interface LoadedPlan extends ParsedPlan {
  /** Absolute path of the plan file, and its folder (sources are relative to it). */
  file: string;
  dir: string;
  /** The SHA-256 (hex) of the bytes as read: the manifest binds them. */
  sha256: string;
  /** Warnings found on the way (errors make loadPlan throw). */
  warnings: Problem[];
}

/**
 * Reads, parses and checks a plan. Every problem (not just the first) is collected with its
 * file:line:column and what to do; any error throws a ProblemsError (exit 2). A plan that cannot
 * be read at all (no such file, a folder) throws an ExitkitError naming the file.
 */
export async function loadPlan(
  file: string,
  opts: { checkKeys?: boolean; today?: string } = {},
): Promise<LoadedPlan> {
  const abs = path.resolve(file);
  const shownAs = shown(abs);
  const at = locationIn(shownAs);
  const fail = (summary: Text, problems: Problem[]): never => {
    throw new ProblemsError(summary, problems);
  };
  const bytes = await readPlanBytes(abs, shownAs, at);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { plan, text, doc, lineCounter, locate } = parsePlan(bytes, shownAs, await schemaValidator());
  // Today in UTC, like every date exitkit writes: the exit plan's review date is judged against it.
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const issues: PlanIssue[] = checkPlanMeaning(plan, { today });
  if (opts.checkKeys !== false) issues.push(...(await checkKeyFiles(plan, path.dirname(abs))));
  const located = toProblems(issues, locate).sort(byPosition);
  const errors = located.filter((p) => p.level !== 'warning');
  const warnings = located.filter((p) => p.level === 'warning');
  if (errors.length) fail((m) => m.plan.problems(shownAs, errors.length), [...errors, ...warnings]);
  return { plan, file: abs, dir: path.dirname(abs), text, sha256, doc, lineCounter, warnings, locate };
}

/** Reads at most MAX_PLAN_BYTES + 1 bytes: a huge or growing file is never read whole. */
async function readPlanBytes(
  abs: string,
  shown: string,
  at: (line?: number, column?: number) => Location,
): Promise<Buffer> {
  let info;
  try {
    info = await stat(abs);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const denied = code === 'EACCES' || code === 'EPERM';
    throw new ExitkitError((m) => m.plan.cannotRead(shown, denied ? m.plan.denied : m.plan.noSuchFile), {
      code: 'file_access',
      hints: [(m) => m.plan.givePlan],
    });
  }
  if (!info.isFile())
    throw new ExitkitError((m) => m.plan.notAFile(shown), { hints: [(m) => m.plan.notAFileHint] });
  let bytes: Buffer;
  try {
    const handle = await open(abs, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(info.size, MAX_PLAN_BYTES) + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buffer.length) break;
      }
      bytes = buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    const denied = code === 'EACCES' || code === 'EPERM';
    throw new ExitkitError((m) => m.plan.cannotRead(shown, denied ? m.plan.denied : firstLine(e)), {
      code: 'file_access',
      hints: [(m) => m.plan.checkReadable],
    });
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    const { line, col } = lineAndColumn(bytes.subarray(0, MAX_PLAN_BYTES).toString('utf8'), Infinity);
    const size = Math.max(info.size, bytes.length);
    throw new ProblemsError(
      (m) => m.parse.notAPlan(shown),
      [
        {
          message: (m) => m.plan.tooLarge(MAX_PLAN_BYTES / 1024 / 1024, size),
          hint: (m) => m.plan.tooLargeHint,
          location: at(line, col),
        },
      ],
    );
  }
  return bytes;
}

async function checkKeyFiles(plan: ExitPlan, dir: string): Promise<PlanIssue[]> {
  const issues: PlanIssue[] = [];
  for (const role of ['client', 'outgoing', 'incoming'] as const) {
    const party = plan.parties[role];
    if (!party?.key) continue;
    const at: PlanIssue['path'] = ['parties', role, 'key'];
    const file = path.resolve(dir, party.key);
    const key = party.key;
    const exportHint: Text = (m) => m.plan.exportKey(key);
    let info;
    try {
      info = await stat(file);
    } catch {
      issues.push({
        path: at,
        level: 'error',
        message: (m) => m.plan.keyMissing(role, key),
        hint: (m) => m.plan.keyMissingHint(file, say(m, exportHint)),
      });
      continue;
    }
    if (!info.isFile()) {
      issues.push({
        path: at,
        level: 'error',
        message: (m) => m.plan.keyNotAFile(role, key),
        hint: exportHint,
      });
      continue;
    }
    try {
      const read = await readKeyFile(file);
      if (party.fingerprint && !sameFingerprint(party.fingerprint, fingerprintOf(read))) {
        const found = fingerprintOf(read);
        issues.push({
          path: ['parties', role, 'fingerprint'],
          level: 'error',
          message: (m) => m.plan.keyNotPinned(key, found),
          hint: (m) => m.plan.keyNotPinnedHint,
        });
      }
      if (read.isPrivate()) {
        issues.push({
          path: at,
          level: 'warning',
          message: (m) => m.plan.keyPrivate(role, key),
          hint: (m) => m.plan.keyPrivateHint,
        });
      }
    } catch (e) {
      const tooLarge = e instanceof ExitkitError && /too large/.test(e.message);
      issues.push({
        path: at,
        level: 'error',
        message: (m) => m.plan.keyUnreadable(role, key, tooLarge),
        hint: exportHint,
      });
    }
  }
  return issues;
}
