/**
 * Flags shared by the commands that take keys, and where a passphrase comes from.
 * A passphrase is never a flag value (SECURITY.md, "Secrets handling"): a file, EXITKIT_PASSPHRASE,
 * or a hidden prompt on a terminal, in that order (src/io/openpgp/passphrase.ts reads them).
 */
import { en } from '../core/i18n/terminal/en.js';
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import { Flags } from '@oclif/core';
import { availableParallelism } from 'node:os';
import { ExitkitError } from '../core/errors.js';
import type { PassphraseSource } from '../io/openpgp/keys.js';
import { askHidden, onTerminal } from '../io/prompts.js';

export const signingKeyFlag = Flags.string({
  description: en.help.flags.common.signingKey,
  helpValue: en.help.placeholders.key,
});

export const passphraseFileFlag = Flags.string({
  description: en.help.flags.common.passphraseFile,
  helpValue: en.help.placeholders.file,
});

export const decryptionKeyFlag = Flags.string({
  description: en.help.flags.common.decryptionKey,
  helpValue: en.help.placeholders.key,
});

export const recipientFlag = Flags.string({
  description: en.help.flags.common.recipient,
  helpValue: en.help.placeholders.key,
  multiple: true,
});

export const jobsFlag = Flags.string({
  description: en.help.flags.common.jobs,
  helpValue: en.help.placeholders.n,
});

/** `--jobs`: how many volumes side by side, a whole number of at least 1 (default: the cores). */
export function jobsOf(given: string | undefined): number {
  if (given === undefined) return availableParallelism();
  const n = /^\d{1,4}$/.test(given.trim()) ? Number(given.trim()) : 0;
  if (n < 1)
    throw new ExitkitError((m) => m.volumes.badJobs(given), {
      code: 'usage',
      hints: [(m) => m.volumes.badJobsHint],
    });
  return n;
}

/** The passphrase source for a command's flags: the file if given, and a hidden prompt on a terminal. */
export function passphraseSource(
  flags: { 'passphrase-file'?: string | undefined },
  m: Messages,
): PassphraseSource {
  return {
    ...(flags['passphrase-file'] ? { file: flags['passphrase-file'] } : {}),
    ...(onTerminal() ? { prompt: (question: Text) => askHidden(say(m, question)) } : {}),
  };
}
