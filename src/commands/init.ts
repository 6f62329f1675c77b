import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitkitError } from '../core/errors.js';
import type { Language } from '../core/plan.js';
import {
  SCHEMA_BESIDE,
  keepPrivateKeysOutOfGit,
  writeSchemaBeside,
  type GitignoreOutcome,
} from '../io/plan/beside.js';
import { writeNewPlan } from '../io/plan/write-back.js';
import { shown } from '../io/shown.js';
import { BaseCommand } from '../lib/base-command.js';

export const STARTER_DIR = fileURLToPath(new URL('../../templates/init', import.meta.url));
export const PLAN_FILE = 'exit-plan.yaml';

export interface InitResult {
  file: string;
  id: string;
  lang: Language;
  replaced: boolean;
  /** The JSON Schema written beside the plan, which its `$schema` line names. */
  schema: string;
  gitignore: { file: string; outcome: GitignoreOutcome };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A plan id from a folder name: lowercase letters, digits and '-' (the schema's pattern). */
export function planIdFor(folder: string): string {
  const slug = folder
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return slug ? (slug.endsWith('exit') ? slug : `${slug}-exit`) : 'exit-plan';
}

export default class Init extends BaseCommand {
  static override summary = en.help.summary.init;
  static override description = en.help.description.init;
  static override examples = [
    { description: en.help.examples.init.here, command: '<%= config.bin %> init' },
    { description: en.help.examples.init.folder, command: '<%= config.bin %> init exits/acme --lang fr' },
    {
      description: en.help.examples.init.english,
      command: '<%= config.bin %> init exits/durand --lang en --id durand-exit-2026',
    },
  ];
  static override args = {
    dir: Args.string({ description: en.help.args.dir, default: '.' }),
  };
  static override flags = {
    lang: Flags.string({
      description: en.help.flags.init.lang,
      options: ['fr', 'en'],
      default: 'fr',
    }),
    id: Flags.string({ description: en.help.flags.init.id }),
    force: Flags.boolean({ description: en.help.flags.init.force }),
  };

  async run(): Promise<InitResult> {
    const { args, flags } = await this.parse(Init);
    const lang = flags.lang as Language;
    const dir = path.resolve(args.dir);
    const id = flags.id ?? planIdFor(path.basename(dir));
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      throw new ExitkitError((m) => m.init.badId(id), { hints: [(m) => m.init.badIdHint] });
    const file = path.join(dir, PLAN_FILE);
    const shownAs = shown(file);
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      const why = (e as Error).message;
      throw new ExitkitError((m) => m.init.cannotCreate(args.dir, why), {
        hints: [(m) => m.init.cannotCreateHint],
      });
    }

    const template = await readFile(
      path.join(STARTER_DIR, `${PLAN_FILE.replace('.yaml', '')}.${lang}.yaml`),
      'utf8',
    );
    const now = Date.now();
    const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
    const values: Record<string, string> = {
      schema: `./${SCHEMA_BESIDE}`,
      id,
      file: shownAs.includes(' ') ? `"${shownAs}"` : shownAs,
      today: day(0),
      contract_end: day(180),
      reversibility_start: day(90),
      due: day(159),
      next_review: day(365),
    };
    const text = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
    const outcome = await writeNewPlan(file, text, { force: flags.force, shown: shownAs });
    const schema = shown(await writeSchemaBeside(dir));
    const ignore = await keepPrivateKeysOutOfGit(dir);
    const gitignore = { file: shown(ignore.file), outcome: ignore.outcome };

    this.log(this.m.init.wrote(shownAs, outcome === 'replaced', id, lang));
    this.log(this.m.initBeside.schema(schema));
    this.log(this.m.initBeside.gitignore(gitignore.file, gitignore.outcome));
    this.log(this.m.init.next(`exitkit validate ${values.file}`));
    this.answer(true);
    return { file: shownAs, id, lang, replaced: outcome === 'replaced', schema, gitignore };
  }
}
