import { en } from '../../core/i18n/terminal/en.js';
import { Args } from '@oclif/core';
import { describeKey, readKeyFile, type KeyInfo, type KeyPartInfo } from '../../io/openpgp/keys.js';
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
    const { m } = this;
    const date = (iso: string) => iso.slice(0, 10);
    const part = (p: KeyPartInfo) =>
      m.keyShow.part(
        p.algorithm,
        p.usage.map((u) => m.keyShow.usage[u] ?? u),
        date(p.created),
        p.expires ? date(p.expires) : null,
      );
    const state = info.revoked ? m.keyShow.revoked : info.expired ? m.keyShow.expired : '';
    const rows: Array<[string, string]> = [
      [m.keyShow.fingerprint, groups(info.fingerprint)],
      ...info.userIds.map((u): [string, string] => [m.keyShow.userId, u]),
      [m.keyShow.key, `${part(info)}${state}`],
      ...info.subkeys.map((s): [string, string] => [m.keyShow.subkey, part(s)]),
      [m.keyShow.canSign, info.canSign ? m.keyShow.yes : m.keyShow.no],
      [m.keyShow.canEncrypt, info.canEncrypt ? m.keyShow.yes : m.keyShow.no],
      [m.keyShow.private, info.secret ? m.keyShow.secret(info.protected) : m.keyShow.publicOnly],
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    const lines = rows.map(([label, value]) => `${label.padEnd(width)}${value}`);
    this.log(lines.join('\n'));
    this.answer(true);
    return { file: args.key, ...info };
  }
}

/** Fingerprints read in groups of four, as GnuPG prints them. */
function groups(fpr: string): string {
  return fpr.replace(/(.{4})(?!$)/g, '$1 ');
}
