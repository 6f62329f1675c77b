/**
 * Flags shared by the commands that take keys, and where a passphrase comes from.
 * A passphrase is never a flag value (SECURITY.md, "Secrets handling"): a file, EXITKIT_PASSPHRASE,
 * or a hidden prompt on a terminal, in that order (src/io/openpgp/passphrase.ts reads them).
 */
import { en } from '../core/i18n/terminal/en.js';
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import { Flags } from '@oclif/core';
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
