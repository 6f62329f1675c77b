/**
 * What the terminal says, in the user's language (README.md, "Commands"): `--lang`, else the
 * locale (LC_ALL, then LC_MESSAGES, then LANG), else English. Pure: the arguments and the
 * environment come in. JSON results and exit codes never depend on it: they are rendered in
 * English (see `english`).
 */
import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import { TERMINAL_LANGS, type TerminalLang } from './plural.js';

export type { Messages } from './en.js';
export { plural, type TerminalLang } from './plural.js';

export const CATALOGS: Readonly<Record<TerminalLang, Messages>> = { en, fr };

/**
 * Something a person reads, not yet in a language: a function of the catalog (the usual case,
 * `(m) => m.walk.empty(path)`), or text that has no translation (a library's own message).
 */
export type Text = string | ((m: Messages) => string);

/** The text in the language of `m`. */
export function say(m: Messages, text: Text): string {
  return typeof text === 'string' ? text : text(m);
}

/** The text in English: what `--json` results and Error.message carry, whatever the language. */
export function english(text: Text): string {
  return say(en, text);
}

/** Something with words (a finding, a problem) as `--json` gives it: the words in English. */
export function inEnglish<T extends { message: Text; hint?: Text }>(
  x: T,
): Omit<T, 'message' | 'hint'> & { message: string; hint?: string } {
  return { ...x, message: english(x.message), ...(x.hint === undefined ? {} : { hint: english(x.hint) }) };
}

/** The `--lang` value on the command line, if any (`--lang fr` or `--lang=fr`, before `--`). */
function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The language of the terminal: `--lang` when it names one the terminal speaks (a document in
 * German still talks French or English at the terminal), else the first locale variable that is
 * set (POSIX order: LC_ALL, LC_MESSAGES, LANG; `fr_CH.UTF-8` is French, `C` and `POSIX` English),
 * else English.
 */
export function terminalLang(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): TerminalLang {
  const flag = langArgument(argv);
  if (TERMINAL_LANGS.includes(flag as TerminalLang)) return flag as TerminalLang;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^fr([_.@-]|$)/i.test(value) ? 'fr' : 'en';
  }
  return 'en';
}
