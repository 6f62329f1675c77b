import { en } from '../../core/i18n/terminal/en.js';
import { Flags } from '@oclif/core';
import { ExitkitError } from '../../core/errors.js';
import { writeKeyPair } from '../../io/key-pair.js';
import { shown } from '../../io/shown.js';
import { BaseCommand } from '../../lib/base-command.js';
import { passphraseFileFlag, passphraseSource } from '../../lib/flags.js';

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
      description: 'path prefix: writes PREFIX.pub.asc and PREFIX.sec.asc (its folder is made if missing)',
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
      throw new ExitkitError((m) => m.keys.notAnEmail(flags.email), {
        hints: [(m) => m.keys.notAnEmailHint],
      });
    if (/[<>]/.test(flags.name))
      throw new ExitkitError((m) => m.keys.badName, { hints: [(m) => m.keys.badNameHint] });

    const userId = `${flags.name} <${flags.email}>`;
    const made = await writeKeyPair({
      name: flags.name,
      email: flags.email,
      type,
      prefix: flags.out,
      force: flags.force,
      passphrase: flags['no-passphrase'] ? null : passphraseSource(flags, this.m),
      note: (text) => this.note(text),
    });
    this.log(this.m.keys.wrote(shown(made.publicKey), shown(made.secretKey)));
    this.log(this.m.keys.fingerprint(made.fingerprint, userId));
    if (!made.protected) this.note((m) => `${m.label.warning}${m.keys.unprotected}`);
    return {
      fingerprint: made.fingerprint,
      userId,
      type,
      publicKey: made.publicKey,
      secretKey: made.secretKey,
      protected: made.protected,
    };
  }
}
