import { en } from '../../core/i18n/terminal/en.js';
import { Flags } from '@oclif/core';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError } from '../../core/errors.js';
import { writeFilesAtomically } from '../../io/atomic.js';
import { generateKeyPair } from '../../io/openpgp/keys.js';
import { readPassphraseFile } from '../../io/openpgp/passphrase.js';
import { BaseCommand } from '../../lib/base-command.js';
import { askHidden, canPrompt, passphraseFileFlag } from '../../lib/flags.js';

export interface KeysGenerateResult {
  fingerprint: string;
  userId: string;
  type: 'curve25519' | 'rsa4096';
  publicKey: string;
  secretKey: string;
  protected: boolean;
}

export default class KeysGenerate extends BaseCommand {
  static override summary = en.help.summary['keys:generate'];
  static override description = `Writes PREFIX.pub.asc (the public key, to hand to the other parties and to name in the plan) and PREFIX.sec.asc (the private key, to keep). The key is a v4 OpenPGP key that GnuPG 2.2 imports as it is: Ed25519 for signing with a Curve25519 encryption subkey by default, or RSA 4096 with --type rsa4096. It advertises no AEAD feature, so messages encrypted to it are SEIPD v1, which GnuPG 2.2 decrypts.

The private key is protected by a passphrase read from --passphrase-file, else EXITKIT_PASSPHRASE, else asked twice on the terminal (hidden); --no-passphrase makes an unprotected key. Existing files are never overwritten without --force.`;
  static override examples = [
    '<%= config.bin %> keys generate --name "InfoGest Sàrl" --email ops@infogest.example --out keys/infogest',
    '<%= config.bin %> keys generate --name "NovaIT SA" --email handover@novait.example --out keys/novait --type rsa4096 --passphrase-file secret.txt',
    '<%= config.bin %> keys generate --name "Test" --email test@example.org --out /tmp/test --no-passphrase',
  ];
  static override flags = {
    name: Flags.string({ description: "the party's name, as in the plan", required: true }),
    email: Flags.string({ description: "the party's contact address", required: true }),
    out: Flags.string({
      description: 'path prefix: writes PREFIX.pub.asc and PREFIX.sec.asc',
      required: true,
      helpValue: 'PREFIX',
    }),
    type: Flags.string({
      description: 'key algorithm',
      options: ['curve25519', 'rsa4096'],
      default: 'curve25519',
    }),
    'passphrase-file': passphraseFileFlag,
    'no-passphrase': Flags.boolean({
      description: 'leave the private key unprotected (for tests and throwaway keys)',
      exclusive: ['passphrase-file'],
    }),
    force: Flags.boolean({ description: 'overwrite existing key files' }),
  };

  async run(): Promise<KeysGenerateResult> {
    const { flags } = await this.parse(KeysGenerate);
    const type = flags.type as 'curve25519' | 'rsa4096';
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(flags.email))
      throw new ExitkitError(`"${flags.email}" is not an e-mail address`, {
        hints: ['give the contact address of the party, e.g. ops@infogest.example'],
      });
    if (/[<>]/.test(flags.name))
      throw new ExitkitError('the name must not contain < or >', { hints: ['give the party name only'] });

    const pub = path.resolve(`${flags.out}.pub.asc`);
    const sec = path.resolve(`${flags.out}.sec.asc`);
    if (!flags.force) {
      for (const f of [pub, sec]) {
        if (await exists(f))
          throw new ExitkitError(`${shown(f)} exists already`, {
            hints: ['choose another --out PREFIX, or add --force to overwrite it'],
          });
      }
    }
    if (!(await isDir(path.dirname(pub))))
      throw new ExitkitError(`the folder ${shown(path.dirname(pub))} does not exist`, {
        hints: ['create it first, or give another --out PREFIX'],
      });

    const passphrase = flags['no-passphrase'] ? undefined : await newPassphrase(flags['passphrase-file']);
    const userId = `${flags.name} <${flags.email}>`;
    if (type === 'rsa4096') this.note('making an RSA 4096 key: this can take a few seconds');
    const made = await generateKeyPair({
      name: flags.name,
      email: flags.email,
      type,
      ...(passphrase === undefined ? {} : { passphrase }),
    });

    // Never half a key pair, and never an overwrite without --force.
    await writeFilesAtomically(
      [
        { path: pub, data: made.publicKey, mode: 0o644 },
        { path: sec, data: made.privateKey, mode: 0o600 },
      ],
      { exclusive: !flags.force, hint: 'choose another --out PREFIX, or add --force to overwrite it' },
    );

    this.log(`wrote ${shown(pub)} (public) and ${shown(sec)} (private, keep it)`);
    this.log(`fingerprint ${made.fingerprint}  ${userId}`);
    if (passphrase === undefined) this.note('warning: the private key has no passphrase');
    return {
      fingerprint: made.fingerprint,
      userId,
      type,
      publicKey: pub,
      secretKey: sec,
      protected: passphrase !== undefined,
    };
  }
}

/** A passphrase for a new key: the file, the environment, or asked twice on a terminal. */
async function newPassphrase(file: string | undefined): Promise<string> {
  let value: string | undefined;
  if (file) {
    value = await readPassphraseFile(file);
  } else if (process.env.EXITKIT_PASSPHRASE !== undefined) {
    value = process.env.EXITKIT_PASSPHRASE;
  } else if (canPrompt()) {
    value = await askHidden('Passphrase for the new private key:');
    const again = await askHidden('The same passphrase again:');
    if (again !== value)
      throw new ExitkitError('the two passphrases differ', { hints: ['run the command again'] });
  } else {
    throw new ExitkitError('no passphrase for the new private key, and no terminal to ask for one', {
      hints: [
        'give one with --passphrase-file FILE or the EXITKIT_PASSPHRASE environment variable',
        'or add --no-passphrase to make an unprotected key',
      ],
    });
  }
  if (value === '')
    throw new ExitkitError('the passphrase is empty', {
      hints: ['give a non-empty passphrase, or add --no-passphrase to make an unprotected key'],
    });
  return value;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function isDir(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
