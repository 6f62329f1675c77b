/**
 * The project's own typed error: what went wrong, where, and what to do.
 * Anything a user can cause (a bad plan, a missing file, a wrong key) is reported with one of
 * these and exits 2; anything else is a bug. Its words are Texts: the command prints them in the
 * user's language, `--json` and Error.message in English.
 */
import { ExitCode } from './exit-codes.js';
import { english, say, type Messages, type Text } from './i18n/terminal/index.js';

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

/**
 * The machine-readable kind of an error, printed as `error.code` under `--json`: a closed set,
 * stable across versions and languages (docs/FORMAT.md, "Errors"). Scripts branch on it; people
 * read the message.
 */
export const ERROR_CODES = [
  'usage',
  'plan_invalid',
  'input_invalid',
  'file_access',
  'output_exists',
  'key_invalid',
  'key_wrong',
  'passphrase_missing',
  'passphrase_wrong',
  'signer_not_pinned',
  'not_ready',
  'disk_full',
  'interrupted',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class ExitkitError extends Error {
  override readonly name = 'ExitkitError';
  /** 1 when the answer is "no" (e.g. a bundle refused because the plan is incomplete), 2 otherwise. */
  readonly exit: ErrorExit;
  /** The message, in any language (`message` is its English). */
  readonly text: Text;
  readonly hintTexts: Text[];
  /** The hints in English. */
  readonly hints: string[];
  readonly location?: Location;
  /** Set at the throw site when `errorCode`'s default would be wrong. */
  readonly code?: ErrorCode;

  constructor(
    message: Text,
    opts: { hints?: Text[]; location?: Location; exit?: ErrorExit; cause?: unknown; code?: ErrorCode } = {},
  ) {
    super(english(message), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.text = message;
    this.exit = opts.exit ?? ExitCode.CouldNot;
    this.hintTexts = opts.hints ?? [];
    this.hints = this.hintTexts.map(english);
    if (opts.location) this.location = opts.location;
    if (opts.code) this.code = opts.code;
  }
}

/**
 * A fault of exitkit itself, not of the user's input (a worker thread that died): `internal` under
 * `--json`, like any bug, but said in words in the user's language.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(readonly text: Text) {
    super(english(text));
  }
}

/** Several problems found in one input (every problem, not just the first). */
export interface Problem {
  message: Text;
  hint?: Text;
  location: Location;
  level?: 'error' | 'warning';
}

export class ProblemsError extends ExitkitError {
  readonly problems: Problem[];
  constructor(summary: Text, problems: Problem[]) {
    super(summary, { exit: ExitCode.CouldNot });
    this.problems = problems;
  }
}

export function formatProblem(p: Problem, m: Messages): string {
  const head = `${formatLocation(p.location)}: ${p.level === 'warning' ? m.label.warning : ''}${say(m, p.message)}`;
  return p.hint ? `${head}\n  ${m.label.hint}${say(m, p.hint)}` : head;
}

/** The code of a Node system error, or of the system error an ExitkitError was made from. */
function systemCode(err: unknown): ErrorCode | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS'].includes(code)) return 'file_access';
  return undefined;
}

/**
 * The `error.code` of any error: the one set at the throw site, else what its class or its cause
 * says (a plan's problems, a full disk, a missing file), else `input_invalid` for an ExitkitError
 * (something the user gave is wrong) and `internal` for anything else (a bug).
 */
export function errorCode(err: unknown): ErrorCode {
  if (err instanceof ExitkitError) {
    if (err.code) return err.code;
    if (err instanceof ProblemsError) return 'plan_invalid';
    return systemCode(err.cause) ?? (err.exit === 1 ? 'not_ready' : 'input_invalid');
  }
  return systemCode(err) ?? 'internal';
}

/** A Node system error (ENOENT, EACCES, ENOSPC...) in words, with the path it concerns. */
export function systemErrorText(err: Error & { code?: string; path?: string }): Text {
  const path = err.path;
  switch (err.code) {
    case 'ENOENT':
      return (m) => m.system.noSuchFile(path);
    case 'EACCES':
    case 'EPERM':
      return (m) => m.system.permissionDenied(path);
    case 'ENOSPC':
    case 'EDQUOT':
      return (m) => m.system.diskFull(path);
    case 'EISDIR':
      return (m) => m.system.folderForFile(path);
    case 'ENOTDIR':
      return (m) => m.system.fileForFolder(path);
    default:
      return err instanceof InternalError ? err.text : err.message;
  }
}

/** The same, in English. */
export function describeSystemError(err: Error & { code?: string; path?: string }): string {
  return english(systemErrorText(err));
}

/**
 * An error whose words are a Text, for the readers' own refusals (an archive or a tar of another
 * shape): the verdict says them in the user's language, Error.message in English.
 */
export class TextError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(english(text));
    this.text = text;
  }
}
