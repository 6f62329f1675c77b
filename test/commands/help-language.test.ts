import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';
import { exitkit, ROOT } from '../helpers/cli.js';
import { englishIn, frenchIn } from '../helpers/language.js';

const FR = { LANG: 'fr_CH.UTF-8' };
const { en, fr } = CATALOGS;
const COMMANDS = Object.keys(en.help.summary).map((id) => id.replace(':', ' '));

/** Words wrapped at the terminal's width, on one line. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The help without what is a name, not a sentence: command names (`exitkit bundle`), and the
 * values a flag takes (`fr|en|de|it`, where "it" is Italian).
 */
function prose(help: string): string {
  const names = [...COMMANDS, 'help', 'autocomplete', 'keys'].sort((a, b) => b.length - a.length);
  let text = help.replace(/\S+\|\S+/g, ' ');
  for (const name of names) text = text.replace(new RegExp(`(?<![\\w-])${name}(?![\\w-])`, 'g'), ' ');
  return text;
}

/** The lines of a help that are section headings (capitals at the start of a line). */
const headings = (help: string) => help.split('\n').filter((l) => /^\p{Lu}[\p{Lu} ]+$/u.test(l));

describe('--help in the terminal language', () => {
  it('says `verify --help` in French under a French locale and with --lang fr: descriptions and headings', async () => {
    const byLocale = await exitkit(['verify', '--help'], { env: FR });
    const byFlag = await exitkit(['verify', '--help', '--lang', 'fr']);
    const byHelpCommand = await exitkit(['help', 'verify'], { env: FR });
    for (const r of [byLocale, byFlag, byHelpCommand]) {
      expect(r.code).toBe(0);
      expect(headings(r.stdout)).toEqual([
        'UTILISATION',
        'ARGUMENTS',
        'OPTIONS',
        'OPTIONS GÉNÉRALES',
        'DESCRIPTION',
        'EXEMPLES',
      ]);
      const said = flat(r.stdout);
      expect(said.startsWith(fr.help.summary.verify)).toBe(true);
      expect(said).toContain(fr.help.description.verify);
      expect(said).toContain(`--signer=CLÉ ${fr.help.flags.verify.signer}`);
      expect(said).toContain(`MANIFESTE ${fr.help.args.manifest}`);
      expect(said).toContain(`--json ${fr.help.oclif.json}`);
      expect(said).toContain(fr.help.examples.verify.decrypt);
      expect(englishIn(prose(r.stdout))).toEqual([]);
    }
  });

  it('says it in English in the C locale, with --lang en over a French locale, and without a locale', async () => {
    for (const r of [
      await exitkit(['verify', '--help']),
      await exitkit(['verify', '--help', '--lang', 'en'], { env: FR }),
      await exitkit(['verify', '--help'], { env: { LANG: undefined } }),
    ]) {
      expect(headings(r.stdout)).toEqual([
        'USAGE',
        'ARGUMENTS',
        'FLAGS',
        'GLOBAL FLAGS',
        'DESCRIPTION',
        'EXAMPLES',
      ]);
      expect(flat(r.stdout)).toContain(en.help.description.verify);
      expect(frenchIn(prose(r.stdout))).toEqual([]);
    }
  });

  it('lists the commands and topics of `exitkit --help` with their French summaries', async () => {
    const r = await exitkit(['--help'], { env: FR });
    expect(r.code).toBe(0);
    expect(headings(r.stdout)).toEqual(['VERSION', 'UTILISATION', 'THÈMES', 'COMMANDES']);
    const said = flat(r.stdout);
    expect(said.startsWith(fr.help.root)).toBe(true);
    expect(said).toContain('$ exitkit [COMMANDE]');
    expect(said).toContain(`keys ${fr.help.topic.keys}`);
    for (const id of Object.keys(en.help.summary).filter((i) => !i.includes(':')))
      expect(said).toContain(`${id} ${fr.help.summary[id as keyof typeof fr.help.summary]}`);
    expect(englishIn(prose(r.stdout))).toEqual([]);
  });

  it('lists the keys commands of `exitkit keys --help` in French', async () => {
    const r = await exitkit(['keys', '--help'], { env: FR });
    const said = flat(r.stdout);
    expect(said.startsWith(fr.help.topic.keys)).toBe(true);
    expect(said).toContain(`keys generate ${fr.help.summary['keys:generate']}`);
    expect(said).toContain(`keys show ${fr.help.summary['keys:show']}`);
    expect(headings(r.stdout)).toEqual(['UTILISATION', 'COMMANDES']);
  });

  it.each([...COMMANDS, 'autocomplete'])(
    'leaves no English sentence in the French help of %s, and no French one in the English',
    async (command) => {
      const args = [...command.split(' '), '--help'];
      const [french, english] = await Promise.all([exitkit(args, { env: FR }), exitkit(args)]);
      expect(englishIn(prose(french.stdout))).toEqual([]);
      expect(frenchIn(prose(english.stdout))).toEqual([]);
      expect(french.stdout).not.toBe(english.stdout);
      // oclif's own words about a flag, in French too.
      expect(french.stdout.match(/<value>|<option>|\(required\)|\[default:|<options:/g)).toBeNull();
    },
  );

  it('says the first line of `exitkit --help` and the keys topic as package.json does in English', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      description: string;
      oclif: { topics: { keys: { description: string } } };
    };
    expect(en.help.root).toBe(pkg.description);
    expect(en.help.topic.keys).toBe(pkg.oclif.topics.keys.description);
  });
});
