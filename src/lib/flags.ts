/**
 * Flags shared by the commands that take keys, and where a passphrase comes from.
 * A passphrase is never a flag value (SECURITY.md, "Secrets handling"): a file, EXITKIT_PASSPHRASE,
 * or a hidden prompt on a terminal, in that order (src/io/openpgp/passphrase.ts reads them).
 */
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import { Flags } from '@oclif/core';
import type { PassphraseSource } from '../io/openpgp/keys.js';
import { askHidden, onTerminal } from '../io/prompts.js';

export const signingKeyFlag = Flags.string({
  description: 'armored private key that signs (a file written by `gpg --export-secret-keys --armor`)',
  helpValue: 'KEY',
});

export const passphraseFileFlag = Flags.string({
  description:
    'file whose first line is the passphrase of the private key (else EXITKIT_PASSPHRASE, else a hidden prompt on a terminal)',
  helpValue: 'FILE',
});

export const decryptionKeyFlag = Flags.string({
  description: "armored private key of a recipient (the client's or the incoming provider's)",
  helpValue: 'KEY',
});

export const recipientFlag = Flags.string({
  description: 'armored public key of one more recipient (repeat the flag for several)',
  helpValue: 'KEY',
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
