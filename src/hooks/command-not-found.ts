import type { Hook } from '@oclif/core';
import { ExitCode } from '../core/exit-codes.js';
import { CATALOGS, english, terminalLang, type Messages } from '../core/i18n/terminal/index.js';
import { closest } from '../core/plan-checks.js';

/**
 * `exitkit verfy`: an unknown command is bad usage (exit 2, README.md "Exit codes"), said like
 * every other error (`error:` then `hint:`), in the terminal's language, with the nearest command.
 */
const hook: Hook.CommandNotFound = async function (opts) {
  const argv = opts.argv ?? [];
  const separator = opts.config.topicSeparator;
  const shownId = (id: string) => id.replaceAll(':', separator);
  const ids = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id);
  // With a space as topic separator, oclif joins the words that follow into the id
  // ("verfy:handover/x.manifest.json"): the command is the longest start that is near one.
  const words = opts.id.split(':');
  const starts = words.map((_, i) => words.slice(0, words.length - i).join(':'));
  let near: string | undefined;
  let asked = words.slice(0, opts.config.topics.some((t) => t.name === words[0]) ? 2 : 1).join(':');
  for (const start of starts) {
    near = closest(start, ids);
    if (near) {
      asked = start;
      break;
    }
  }
  const given = shownId(asked);
  const error = (m: Messages) => m.notFound.noCommand(given);
  const hint = near
    ? (m: Messages) => m.schema.didYouMean(shownId(near))
    : (m: Messages) => m.cli.seeHelp(`${opts.config.bin} --help`);
  if (argv.includes('--json')) {
    const json = {
      error: { code: 'usage', message: english(error), hints: [english(hint)], exit: ExitCode.CouldNot },
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const m = CATALOGS[terminalLang(argv, process.env)];
    process.stderr.write(`${m.label.error}${error(m)}\n${m.label.hint}${hint(m)}\n`);
  }
  process.exitCode = ExitCode.CouldNot;
};

export default hook;
