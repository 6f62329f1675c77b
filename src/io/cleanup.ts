/**
 * Nothing half-written (a failed or interrupted command leaves no file at a final path; SECURITY.md,
 * "Streaming, and when plaintext is released"): work that writes beside a final path registers
 * how to undo itself; on SIGINT or SIGTERM every registered undo runs before the process exits 2.
 */
import { CATALOGS, english, terminalLang, type Messages } from '../core/i18n/terminal/index.js';
import { rmSync } from 'node:fs';
import { ExitCode } from '../core/exit-codes.js';

type Undo = () => void;
const pending = new Set<Undo>();
let installed = false;
/** Whether the command runs under --json: then the interruption is said as JSON on stdout. */
let json = false;
/** Who takes the next signal instead of ending the process (an open question: see below). */
let interceptor: ((signal: NodeJS.Signals) => void) | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (interceptor) {
    const take = interceptor;
    interceptor = undefined;
    take(signal);
    return;
  }
  for (const undo of pending) {
    try {
      undo();
    } catch {
      // Keep undoing the rest: a failed removal must not leave the others behind.
    }
  }
  pending.clear();
  const said = (m: Messages) => m.cli.interrupted(signal);
  if (json)
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'interrupted', message: english(said), exit: ExitCode.CouldNot } })}\n`,
    );
  else {
    // No command at hand in a signal handler: the same rule as the command's (--lang, else the locale).
    const m = CATALOGS[terminalLang(process.argv.slice(2), process.env)];
    process.stderr.write(`${m.label.error}${said(m)}\n`);
  }
  process.exit(ExitCode.CouldNot);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * From now on, SIGINT and SIGTERM end the process with exit 2 and "nothing was written", after
 * undoing what is registered. For interactive work, where a Ctrl-C can come between two questions
 * (outside the prompt library's raw mode, as a real signal).
 */
export function exitOnInterrupt(opts: { json?: boolean } = {}): void {
  json = opts.json ?? false;
  install();
}

/**
 * While questions are asked, the first SIGINT or SIGTERM goes to `take` (which ends the questions
 * and lets the command keep the answers given) instead of ending the process; a second one ends
 * it as usual. Returns the function that stops intercepting.
 */
export function interceptInterrupt(take: (signal: NodeJS.Signals) => void): () => void {
  install();
  interceptor = take;
  return () => {
    if (interceptor === take) interceptor = undefined;
  };
}

/** Registers paths to remove on interruption; call the returned function once they are final or gone. */
export function removeOnInterrupt(...paths: string[]): () => void {
  install();
  const undo: Undo = () => {
    for (const p of paths) rmSync(p, { recursive: true, force: true });
  };
  pending.add(undo);
  return () => {
    pending.delete(undo);
  };
}
