import type * as Inquirer from '@inquirer/prompts';
import { ExitkitError } from '../core/errors.js';
import type { Messages } from '../core/i18n/terminal/index.js';
import { exitOnInterrupt, interceptInterrupt } from './cleanup.js';

/**
 * The prompt library, loaded by the first question: most runs ask nothing (no terminal, --json,
 * --no-input, or a command that never asks), and it is a large part of a command's start-up.
 */
function inquirer(): Promise<typeof Inquirer> {
  return import('@inquirer/prompts');
}

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/**
 * The few questions exitkit asks on a terminal. Commands talk to this interface, never to the
 * prompt library, so that a test can answer in its place.
 */
export interface Prompter {
  choose<T extends string>(message: string, choices: Array<Choice<T>>, preset?: T): Promise<T>;
  /** A line of text; `check` returns an error message while the answer is not acceptable. */
  text(
    message: string,
    opts?: { preset?: string; check?: (value: string) => string | undefined },
  ): Promise<string>;
  /** No more questions: a signal ends the process again. */
  close(): void;
}

/**
 * Whether a person is there to answer: stdin and stderr (where questions go, so that stdout stays
 * the result) are both terminals. CI without a terminal never asks.
 */
export function onTerminal(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Whether a command may ask questions: on a terminal, and nobody asked it not to. */
export function canAsk(opts: { noInput: boolean; json: boolean }): boolean {
  return !opts.noInput && !opts.json && onTerminal();
}

/**
 * Asks on the terminal with hidden input (nothing echoed, not even a mask), on stderr so that
 * stdout stays the result. Ctrl-C while asking is "could not" (exit 2), not a stack trace.
 */
export async function askHidden(question: string): Promise<string> {
  const { password } = await inquirer();
  try {
    return await password(
      { message: question.replace(/:\s*$/, ''), mask: false },
      { output: process.stderr },
    );
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError')
      throw new ExitkitError((m) => m.keys.promptCancelled, { code: 'passphrase_missing' });
    throw e;
  }
}

/** The user pressed Ctrl-C or closed the terminal while a question was open. */
export class PromptInterrupted extends ExitkitError {
  constructor() {
    super((m) => m.prompt.interrupted, { hints: [(m) => m.prompt.interruptedHint] });
  }
}

/** Questions on the terminal with @inquirer/prompts, its key tips in the words of `m`. */
export function terminalPrompter(m: Messages): Prompter {
  const keysHelpTip = (keys: Array<[string, string]>) =>
    keys
      .map(
        ([key, action]) => `${key} ${action in m.prompt.keys ? m.prompt.keys[action as 'select'] : action}`,
      )
      .join(' • ');
  exitOnInterrupt();
  // A Ctrl-C inside a question is a key the prompt library turns into ExitPromptError; a signal
  // (a Ctrl-C between two questions, a kill) closes the open question, or the next one, likewise:
  // either way the caller gets PromptInterrupted and may keep the answers already given.
  let interrupted = false;
  let open: AbortController | undefined;
  const close = interceptInterrupt(() => {
    interrupted = true;
    open?.abort();
  });
  const guard = async <T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (interrupted) throw new PromptInterrupted();
    open = new AbortController();
    try {
      return await ask(open.signal);
    } catch (e) {
      if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError'))
        throw new PromptInterrupted();
      throw e;
    } finally {
      open = undefined;
    }
  };
  return {
    close,
    choose: async (message, choices, preset) => {
      const { select } = await inquirer();
      return guard((signal) =>
        select(
          {
            message,
            choices,
            theme: { style: { keysHelpTip } },
            ...(preset === undefined ? {} : { default: preset }),
          },
          { output: process.stderr, signal },
        ),
      );
    },
    text: async (message, opts = {}) => {
      const { input } = await inquirer();
      return guard((signal) =>
        input(
          {
            message,
            ...(opts.preset === undefined ? {} : { default: opts.preset }),
            validate: (v: string) => opts.check?.(v) ?? true,
          },
          { output: process.stderr, signal },
        ),
      );
    },
  };
}

/** A scripted answer that interrupts the question, as Ctrl-C does on a terminal. */
export const CTRL_C = '\u0003';

/**
 * A prompter that gives recorded answers in order (tests): a choice is answered by its value, a
 * text by the string. It fails loudly when a question comes that has no answer, or an answer is
 * not among the choices.
 */
export function scriptedPrompter(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string): string => {
    asked.push(message);
    const a = answers.shift();
    if (a === undefined) throw new Error(`no scripted answer for: ${message}`);
    if (a === CTRL_C) throw new PromptInterrupted();
    return a;
  };
  return {
    asked,
    close: () => undefined,
    choose: <T extends string>(message: string, choices: Array<Choice<T>>) => {
      const a = next(message);
      const found = choices.find((c) => c.value === a);
      if (!found) throw new Error(`scripted answer "${a}" is not a choice for: ${message}`);
      return Promise.resolve(found.value);
    },
    text: (message, opts = {}) => {
      const a = next(message) || opts.preset || '';
      const wrong = opts.check?.(a);
      if (wrong !== undefined) throw new Error(`scripted answer "${a}" refused for: ${message}: ${wrong}`);
      return Promise.resolve(a);
    },
  };
}
