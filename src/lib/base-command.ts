import { Command, Errors } from '@oclif/core';
import {
  ExitkitError,
  ProblemsError,
  describeSystemError,
  errorCode,
  formatLocation,
  formatProblem,
} from '../core/errors.js';
import { exitOnInterrupt } from '../io/cleanup.js';
import { ExitCode } from '../core/exit-codes.js';

/** oclif's own exit code for any error it raises (not exitkit's "no"). */
const OCLIF_DEFAULT_EXIT = 1;

/**
 * Every exitkit command extends this: `--json` through oclif, exit codes from one table, and
 * errors printed as `error:` then `hint:` lines (never a stack trace for a user's input).
 */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  /** A Ctrl-C or SIGTERM at any moment ends any command with exit 2, after undoing what it registered. */
  public override async init(): Promise<void> {
    await super.init();
    exitOnInterrupt({ json: this.jsonEnabled() });
  }

  /** Sets the exit code for a finished command whose answer is yes (0) or no (1). */
  protected answer(yes: boolean): void {
    process.exitCode = yes ? ExitCode.Yes : ExitCode.No;
  }

  /** Progress and notes go to stderr so that stdout stays the result (human or JSON). */
  protected note(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${message}\n`);
  }

  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<unknown> {
    const json = this.jsonEnabled();
    if (err instanceof ExitkitError) {
      const lines: string[] = [];
      if (err instanceof ProblemsError) {
        lines.push(...err.problems.map(formatProblem));
      }
      const where = err.location ? `${formatLocation(err.location)}: ` : '';
      if (json) {
        this.logJson({
          error: {
            code: errorCode(err),
            message: `${where}${err.message}`,
            hints: err.hints,
            exit: err.exit,
            ...(err instanceof ProblemsError ? { problems: err.problems } : {}),
          },
        });
      } else {
        for (const line of lines) process.stderr.write(`${line}\n`);
        process.stderr.write(`error: ${where}${err.message}\n`);
        for (const hint of err.hints) process.stderr.write(`hint: ${hint}\n`);
      }
      process.exitCode = err.exit;
      return;
    }
    // oclif's own parse errors (unknown flag, missing argument) are bad usage: exit 2.
    if (err instanceof Errors.CLIError && !(err instanceof Errors.ExitError)) {
      const exit =
        err.oclif?.exit === undefined || err.oclif.exit === OCLIF_DEFAULT_EXIT
          ? ExitCode.CouldNot
          : err.oclif.exit;
      const message = describeUsageError(err.message);
      const secret = passphraseHint(message);
      if (json) {
        this.logJson({ error: { code: 'usage', message, ...(secret ? { hints: [secret] } : {}), exit } });
        process.exitCode = exit;
        return;
      }
      // Same shape as every other error: `error:` then what to do, no oclif banner or stack.
      process.stderr.write(`error: ${message}\n`);
      if (secret) process.stderr.write(`hint: ${secret}\n`);
      process.stderr.write(
        `hint: \`${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help\` shows the usage and examples\n`,
      );
      process.exitCode = exit;
      return;
    }
    // @oclif/core 4 ignores err.oclif.exit under --json: honour it here.
    if (json && err.oclif?.exit !== undefined) {
      process.exitCode = err.oclif.exit;
      return;
    }
    if (err instanceof Errors.ExitError || err instanceof Errors.CLIError) return super.catch(err);
    // Anything else escaped the typed errors: still no stack trace, and "could not" (2).
    const message = describeSystemError(err);
    if (json) this.logJson({ error: { code: errorCode(err), message, exit: ExitCode.CouldNot } });
    else
      process.stderr.write(
        `error: ${message}\nhint: run again with DEBUG=exitkit* for details, or report it\n`,
      );
    if (process.env.DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
    process.exitCode = ExitCode.CouldNot;
  }
}

/** oclif's parse error ("Missing 1 required arg:\nplan  the plan\nSee more help with --help") on one line. */
export function describeUsageError(message: string): string {
  const [head = '', ...rest] = message
    .split('\n')
    .map((l) => l.replace(/^\s*›?\s*/, '').trim())
    .filter((l) => l && !/^See more help with --help/i.test(l));
  // The lines after the first name what is missing: "plan  the exit plan (YAML)".
  const items = rest.map((l) => l.replace(/^(\S+)\s{2,}(.+)$/, '$1 ($2)'));
  const text = [head, ...items].join(' ').replace(/\s{2,}/g, ' ');
  return withoutFlagValues(text.charAt(0).toLowerCase() + text.slice(1));
}

/**
 * An unknown flag is named without the value glued to it: `--passphrase=...` may carry a secret,
 * and a secret is never repeated (SECURITY.md, "Secrets handling").
 */
function withoutFlagValues(message: string): string {
  if (!/^nonexistent flags?:/i.test(message)) return message;
  return message.replace(/(^|[\s,:])(--?[A-Za-z][\w-]*)=\S*/g, '$1$2=…');
}

/** A hint for an unknown flag that looks like a passphrase: where exitkit reads one instead. */
export function passphraseHint(message: string): string | undefined {
  if (!/^nonexistent flags?:.*--?[\w-]*(pass|secret|pin)/i.test(message)) return undefined;
  return 'a passphrase is never given as a flag value (it would stay in the shell history and the process list): use --passphrase-file FILE, the EXITKIT_PASSPHRASE environment variable, or the hidden prompt on a terminal';
}
