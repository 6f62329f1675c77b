import { en } from '../core/i18n/terminal/en.js';
import { Args } from '@oclif/core';
import { formatProblem } from '../core/errors.js';
import { english } from '../core/i18n/terminal/index.js';
import { BaseCommand } from '../lib/base-command.js';
import { loadPlan } from '../io/plan/plan-file.js';

export interface ValidateResult {
  valid: boolean;
  plan: string;
  id: string;
  deliverables: number;
  warnings: Array<{ message: string; location: string }>;
}

export default class Validate extends BaseCommand {
  static override summary = en.help.summary.validate;
  static override description = en.help.description.validate;
  static override examples = [
    {
      description: en.help.examples.validate.plan,
      command: '<%= config.bin %> validate plans/acme-exit-2026.yaml',
    },
    {
      description: en.help.examples.validate.json,
      command: '<%= config.bin %> validate exit-plan.yaml --json',
    },
  ];
  static override args = { plan: Args.string({ description: en.help.args.plan, required: true }) };

  async run(): Promise<ValidateResult> {
    const { args } = await this.parse(Validate);
    const loaded = await loadPlan(args.plan);
    for (const w of loaded.warnings) this.note(formatProblem(w, this.m));
    const n = loaded.plan.deliverables.length;
    this.log(this.m.validate.valid(args.plan, loaded.plan.id, n, loaded.warnings.length));
    this.answer(true);
    return {
      valid: true,
      plan: args.plan,
      id: loaded.plan.id,
      deliverables: n,
      warnings: loaded.warnings.map((w) => ({
        message: english(w.message),
        location: `${w.location.file}:${w.location.line ?? 1}:${w.location.column ?? 1}`,
      })),
    };
  }
}
