/**
 * Where a passphrase comes from: a file, the environment or a hidden prompt; never a flag value
 * (docs/FORMAT.md, "Keys"). A passphrase never reaches an error, a log or a file.
 */
import type { Text } from '../../core/i18n/terminal/index.js';
import { readFile } from 'node:fs/promises';
import { ExitkitError } from '../../core/errors.js';

/** Where a passphrase may come from. */
export interface PassphraseSource {
  /** --passphrase-file */
  file?: string;
  /** Asks on the terminal with hidden input; absent when there is no terminal. */
  prompt?: (question: Text) => Promise<string>;
}

/** Where the passphrase came from, for the hint after a wrong one. */
export type PassphraseOrigin = 'file' | 'environment' | 'prompt';

/** The passphrase of the key in `file` (shown with its fingerprint when asked), and where it came from. */
export async function passphraseFor(
  file: string,
  fingerprint: string,
  source: PassphraseSource,
): Promise<{ passphrase: string; origin: PassphraseOrigin }> {
  const found = await passphraseText(file, fingerprint, source);
  const origin: PassphraseOrigin = source.file
    ? 'file'
    : process.env.EXITKIT_PASSPHRASE !== undefined
      ? 'environment'
      : 'prompt';
  return { passphrase: found, origin };
}

/** A passphrase file holds the passphrase on its first line (as gpg --passphrase-file reads it). */
export async function readPassphraseFile(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
  } catch {
    throw new ExitkitError((m) => m.keys.cannotReadPassphraseFile(file), {
      code: 'file_access',
      hints: [(m) => m.keys.cannotReadPassphraseFileHint],
    });
  }
}

async function passphraseText(file: string, fingerprint: string, source: PassphraseSource): Promise<string> {
  if (source.file) return readPassphraseFile(source.file);
  const env = process.env.EXITKIT_PASSPHRASE;
  if (env !== undefined) return env;
  if (source.prompt) return source.prompt((m) => m.keys.askPassphrase(file, fingerprint));
  throw new ExitkitError((m) => m.keys.noPassphrase(file), {
    code: 'passphrase_missing',
    hints: [(m) => m.keys.noPassphraseHint],
  });
}

/**
 * A passphrase for a new key: the file, the environment, or asked twice on a terminal. Never
 * empty: an unprotected key is asked for by name (--no-passphrase), not by an empty line.
 */
export async function newPassphrase(source: PassphraseSource): Promise<string> {
  let value: string;
  if (source.file) {
    value = await readPassphraseFile(source.file);
  } else if (process.env.EXITKIT_PASSPHRASE !== undefined) {
    value = process.env.EXITKIT_PASSPHRASE;
  } else if (source.prompt) {
    value = await source.prompt((m) => m.keys.askNewPassphrase);
    const again = await source.prompt((m) => m.keys.askAgain);
    if (again !== value) throw new ExitkitError((m) => m.keys.differ, { hints: [(m) => m.keys.runAgain] });
  } else {
    throw new ExitkitError((m) => m.keys.noNewPassphrase, {
      code: 'passphrase_missing',
      hints: [(m) => m.keys.noNewPassphraseHint, (m) => m.keys.noPassphraseFlagHint],
    });
  }
  if (value === '')
    throw new ExitkitError((m) => m.keys.emptyPassphrase, { hints: [(m) => m.keys.emptyPassphraseHint] });
  return value;
}
