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
  static override description = en.help.description['keys:generate'];
  static override examples = [
    {
      description: en.help.examples.keysGenerate.outgoing,
      command:
        '<%= config.bin %> keys generate --name "InfoGest Sàrl" --email ops@infogest.example --out keys/infogest',
    },
    {
      description: en.help.examples.keysGenerate.rsa,
      command:
        '<%= config.bin %> keys generate --name "NovaIT SA" --email handover@novait.example --out keys/novait --type rsa4096 --passphrase-file secret.txt',
    },
    {
      description: en.help.examples.keysGenerate.throwaway,
      command:
        '<%= config.bin %> keys generate --name "Test" --email test@example.org --out /tmp/test --no-passphrase',
    },
  ];
  static override flags = {
    name: Flags.string({ description: en.help.flags.keys.name, required: true }),
    email: Flags.string({ description: en.help.flags.keys.email, required: true }),
    out: Flags.string({
      description: en.help.flags.keys.out,
      required: true,
      helpValue: en.help.placeholders.prefix,
    }),
    type: Flags.string({
      description: en.help.flags.keys.type,
      options: ['curve25519', 'rsa4096'],
      default: 'curve25519',
    }),
    'passphrase-file': passphraseFileFlag,
    'no-passphrase': Flags.boolean({
      description: en.help.flags.keys.noPassphrase,
      exclusive: ['passphrase-file'],
    }),
    force: Flags.boolean({ description: en.help.flags.keys.force }),
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
