/**
 * The project's own typed error: what went wrong, where, and what to do.
 * Anything a user can cause (a bad plan, a missing file, a wrong key) is reported with one of
 * these and exits 2; anything else is a bug.
 */
import { ExitCode } from './exit-codes.js';

/** The exit codes an error can end with: "no" or "could not". */
export type ErrorExit = typeof ExitCode.No | typeof ExitCode.CouldNot;
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export function formatLocation(loc: Location): string {
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}

export class ExitkitError extends Error {
  override readonly name = 'ExitkitError';
  /** 1 when the answer is "no" (e.g. a bundle refused because the plan is incomplete), 2 otherwise. */
  readonly exit: ErrorExit;
  readonly hints: string[];
  readonly location?: Location;

  constructor(
    message: string,
    opts: { hints?: string[]; location?: Location; exit?: ErrorExit; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.exit = opts.exit ?? ExitCode.CouldNot;
    this.hints = opts.hints ?? [];
    if (opts.location) this.location = opts.location;
  }
}

/** Several problems found in one input (every problem, not just the first). */
export interface Problem {
  message: string;
  hint?: string;
  location: Location;
  level?: 'error' | 'warning';
}

export class ProblemsError extends ExitkitError {
  readonly problems: Problem[];
  constructor(summary: string, problems: Problem[]) {
    super(summary, { exit: ExitCode.CouldNot });
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  const head = `${formatLocation(p.location)}: ${p.level === 'warning' ? 'warning: ' : ''}${p.message}`;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}

/** A Node system error (ENOENT, EACCES, ENOSPC...) in words, with the path it concerns. */
export function describeSystemError(err: Error & { code?: string; path?: string }): string {
  const where = err.path ? ` (${err.path})` : '';
  switch (err.code) {
    case 'ENOENT':
      return `no such file or folder${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied${where}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full${where}`;
    case 'EISDIR':
      return `a folder was found where a file was expected${where}`;
    case 'ENOTDIR':
      return `a file was found where a folder was expected${where}`;
    default:
      return err.message;
  }
}
