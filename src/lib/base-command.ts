import { Command, Errors, Flags } from '@oclif/core';
import {
  ExitkitError,
  ProblemsError,
  errorCode,
  formatLocation,
  formatProblem,
  systemErrorText,
} from '../core/errors.js';
import {
  CATALOGS,
  inEnglish,
  say,
  terminalLang,
  type Messages,
  type Text,
} from '../core/i18n/terminal/index.js';
import { en } from '../core/i18n/terminal/en.js';
import { exitOnInterrupt } from '../io/cleanup.js';
import { showsProgress } from '../io/progress.js';
import { ExitCode } from '../core/exit-codes.js';

/** oclif's own exit code for any error it raises (not exitkit's "no"). */
const OCLIF_DEFAULT_EXIT = 1;

/**
 * Every exitkit command extends this: `--json` through oclif, exit codes from one table, and
 * errors printed as `error:` then `hint:` lines (never a stack trace for a user's input).
 */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;
  /** The terminal's language on every command (README.md, "Commands"); the documents' commands
   * and `init` give their own `--lang`, which also sets the language of what they write. */
  static override baseFlags = {
    lang: Flags.string({
      description: en.help.flags.common.lang,
      options: ['fr', 'en'],
      helpGroup: 'GLOBAL',
    }),
  };

  private messages?: Messages;

  /** The catalog of the terminal's language: `--lang`, else the locale, else English. */
  protected get m(): Messages {
    return (this.messages ??= CATALOGS[terminalLang(this.argv, process.env)]);
  }

  /** A Text in the terminal's language. */
  protected say(text: Text): string {
    return say(this.m, text);
  }

  /** A Ctrl-C or SIGTERM at any moment ends any command with exit 2, after undoing what it registered. */
  public override async init(): Promise<void> {
    await super.init();
    exitOnInterrupt({ json: this.jsonEnabled() });
  }

  /** Sets the exit code for a finished command whose answer is yes (0) or no (1). */
  protected answer(yes: boolean): void {
    process.exitCode = yes ? ExitCode.Yes : ExitCode.No;
  }

  /** Whether long work shows its progress on stderr (src/io/progress.ts, showsProgress). */
  protected showsProgress(): boolean {
    return showsProgress({ json: this.jsonEnabled(), stderrIsTTY: process.stderr.isTTY, env: process.env });
  }

  /** Progress and notes go to stderr so that stdout stays the result (human or JSON). */
  note(message: Text): void {
    if (!this.jsonEnabled()) process.stderr.write(`${this.say(message)}\n`);
  }

  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<unknown> {
    const json = this.jsonEnabled();
    const { m } = this;
    if (err instanceof ExitkitError) {
      const lines: string[] = [];
      if (err instanceof ProblemsError) {
        lines.push(...err.problems.map((p) => formatProblem(p, m)));
      }
      const where = err.location ? `${formatLocation(err.location)}: ` : '';
      if (json) {
        this.logJson({
          error: {
            code: errorCode(err),
            message: `${where}${err.message}`,
            hints: err.hints,
            exit: err.exit,
            ...(err instanceof ProblemsError ? { problems: err.problems.map(inEnglish) } : {}),
          },
        });
      } else {
        for (const line of lines) process.stderr.write(`${line}\n`);
        process.stderr.write(`${m.label.error}${where}${say(m, err.text)}\n`);
        for (const hint of err.hintTexts) process.stderr.write(`${m.label.hint}${say(m, hint)}\n`);
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
      const secret = looksLikePassphraseFlag(message);
      if (json) {
        this.logJson({
          error: {
            code: 'usage',
            message,
            ...(secret ? { hints: [CATALOGS.en.cli.passphraseFlag] } : {}),
            exit,
          },
        });
        process.exitCode = exit;
        return;
      }
      // Same shape as every other error: `error:` then what to do, no oclif banner or stack.
      process.stderr.write(`${m.label.error}${m.cli.usage(message)}\n`);
      if (secret) process.stderr.write(`${m.label.hint}${m.cli.passphraseFlag}\n`);
      process.stderr.write(
        `${m.label.hint}${m.cli.seeHelp(`${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help`)}\n`,
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
    const message = systemErrorText(err);
    if (json)
      this.logJson({
        error: { code: errorCode(err), message: say(CATALOGS.en, message), exit: ExitCode.CouldNot },
      });
    else process.stderr.write(`${m.label.error}${say(m, message)}\n${m.label.hint}${m.cli.unexpected}\n`);
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

/** An unknown flag that looks like a passphrase: the hint says where exitkit reads one instead. */
export function looksLikePassphraseFlag(message: string): boolean {
  return /^nonexistent flags?:.*--?[\w-]*(pass|secret|pin)/i.test(message);
}
