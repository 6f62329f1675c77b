import { en } from '../../core/i18n/terminal/en.js';
import { Args } from '@oclif/core';
import { describeKey, readKeyFile, type KeyInfo } from '../../io/openpgp/keys.js';
import { BaseCommand } from '../../lib/base-command.js';

export type KeysShowResult = KeyInfo & { file: string };

export default class KeysShow extends BaseCommand {
  static override summary = en.help.summary['keys:show'];
  static override description = en.help.description['keys:show'];
  static override examples = [
    {
      description: en.help.examples.keysShow.public,
      command: '<%= config.bin %> keys show keys/infogest.pub.asc',
    },
    {
      description: en.help.examples.keysShow.private,
      command: '<%= config.bin %> keys show keys/novait.sec.asc --json',
    },
  ];
  static override args = {
    key: Args.string({ description: en.help.args.key, required: true }),
  };

  async run(): Promise<KeysShowResult> {
    const { args } = await this.parse(KeysShow);
    const info = await describeKey(await readKeyFile(args.key));
    const yes = (b: boolean) => (b ? 'yes' : 'no');
    const date = (iso: string) => iso.slice(0, 10);
    const state = info.revoked ? ', REVOKED' : info.expired ? ', EXPIRED' : '';
    const lines = [
      `fingerprint  ${groups(info.fingerprint)}`,
      ...info.userIds.map((u) => `user id      ${u}`),
      `key          ${info.algorithm} [${info.usage.join(', ')}], created ${date(info.created)}, expires ${info.expires ? date(info.expires) : 'never'}${state}`,
      ...info.subkeys.map(
        (s) =>
          `subkey       ${s.algorithm} [${s.usage.join(', ')}], created ${date(s.created)}, expires ${s.expires ? date(s.expires) : 'never'}`,
      ),
      `can sign     ${yes(info.canSign)}`,
      `can encrypt  ${yes(info.canEncrypt)}`,
      `private      ${info.secret ? `yes, ${info.protected ? 'protected by a passphrase' : 'NOT protected by a passphrase'}` : 'no (public key)'}`,
    ];
    this.log(lines.join('\n'));
    this.answer(true);
    return { file: args.key, ...info };
  }
}

/** Fingerprints read in groups of four, as GnuPG prints them. */
function groups(fpr: string): string {
  return fpr.replace(/(.{4})(?!$)/g, '$1 ');
}
