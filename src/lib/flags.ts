/**
 * Flags shared by the commands that take keys, and where a passphrase comes from.
 * A passphrase is never a flag value (SECURITY.md, "Secrets handling"): a file, EXITKIT_PASSPHRASE,
 * or a hidden prompt on a terminal, in that order (src/io/openpgp/passphrase.ts reads them).
 */
import { Flags } from '@oclif/core';
import { password } from '@inquirer/prompts';
import { ExitkitError } from '../core/errors.js';
import type { PassphraseSource } from '../io/openpgp/keys.js';

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

/** Whether a person can be asked: stdin and stderr are both terminals. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/**
 * Asks on the terminal with hidden input (nothing echoed, not even a mask), on stderr so that
 * stdout stays the result. Ctrl-C while asking is "could not" (exit 2), not a stack trace.
 */
export async function askHidden(question: string): Promise<string> {
  try {
    return await password(
      { message: question.replace(/:\s*$/, ''), mask: false },
      { output: process.stderr },
    );
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError')
      throw new ExitkitError('no passphrase: the prompt was cancelled', { code: 'passphrase_missing' });
    throw e;
  }
}

/** The passphrase source for a command's flags: the file if given, and a hidden prompt on a terminal. */
export function passphraseSource(flags: { 'passphrase-file'?: string | undefined }): PassphraseSource {
  return {
    ...(flags['passphrase-file'] ? { file: flags['passphrase-file'] } : {}),
    ...(canPrompt() ? { prompt: askHidden } : {}),
  };
}
