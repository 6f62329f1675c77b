import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import { formatProblem } from '../core/errors.js';
import {
  formatWalkReport,
  summarizeWalk,
  type Assessment,
  type FindingJson,
  type UnclaimedFile,
  type WalkSummary,
} from '../core/walk.js';
import { findUnclaimed } from '../io/plan/unclaimed.js';
import { loadPlan } from '../io/plan/plan-file.js';
import { canAsk, terminalPrompter } from '../io/prompts.js';
import { shown } from '../io/shown.js';
import { askAndWrite, walkPlan } from '../io/walk.js';
import { inEnglish } from '../core/i18n/terminal/index.js';
import { BaseCommand } from '../lib/base-command.js';

/** One entry a deliverable in `walk --json` (docs/FORMAT.md: id, status, ready, findings...). */
export type WalkEntry = Omit<Assessment, 'checksPass' | 'findings'> & { findings: FindingJson[] };

export interface WalkResult {
  plan: string;
  id: string;
  /** Every required deliverable is ready or waived. */
  ok: boolean;
  summary: WalkSummary;
  /** Ids of the deliverables whose status this walk wrote into the plan. */
  updated: string[];
  deliverables: WalkEntry[];
  /** Files under the sources' folders that no deliverable claims and `ignore:` does not silence. */
  unclaimed: UnclaimedFile[];
}

export default class Walk extends BaseCommand {
  static override summary = en.help.summary.walk;
  static override description = en.help.description.walk;
  static override examples = [
    { description: en.help.examples.walk.ask, command: '<%= config.bin %> walk plans/acme-exit-2026.yaml' },
    {
      description: en.help.examples.walk.report,
      command: '<%= config.bin %> walk plans/acme-exit-2026.yaml --no-input',
    },
    { description: en.help.examples.walk.json, command: '<%= config.bin %> walk exit-plan.yaml --json' },
  ];
  static override args = { plan: Args.string({ description: en.help.args.plan, required: true }) };
  static override flags = {
    'no-input': Flags.boolean({ description: en.help.flags.walk.noInput }),
  };

  async run(): Promise<WalkResult> {
    const { args, flags } = await this.parse(Walk);
    // Keys are checked by validate and used by bundle; a walk is about the deliverables.
    const loaded = await loadPlan(args.plan, { checkKeys: false });
    for (const w of loaded.warnings) this.note(formatProblem(w, this.m));
    const now = Date.now();
    let walked = await walkPlan(loaded, now);
    const unclaimed = await findUnclaimed(
      loaded,
      walked.flatMap((w) => w.files.map((f) => f.abs)),
    );
    const planFile = shown(loaded.file);
    const header = { id: loaded.plan.id, title: loaded.plan.title, file: planFile };
    const asking = canAsk({ noInput: flags['no-input'], json: this.jsonEnabled() });
    for (const line of formatWalkReport(
      header,
      walked.map((w) => w.assessment),
      this.m,
      { asking, unclaimed },
    ))
      this.log(line);

    let updated: string[] = [];
    if (asking) {
      this.log('');
      ({ walked, updated } = await askAndWrite(loaded, walked, terminalPrompter(this.m), now, this.m));
      if (updated.length > 0) {
        this.log('', this.m.walk.wrote(planFile, updated.join(', ')));
        const s = summarizeWalk(walked.map((w) => w.assessment));
        this.log(s.ok ? this.m.walk.nowReady : this.m.walk.stillBlocking(s.blocking.join(', ')));
      } else {
        this.log('', this.m.walk.unchanged);
      }
    }

    const assessments = walked.map((w) => w.assessment);
    const summary = summarizeWalk(assessments);
    this.answer(summary.ok);
    return {
      plan: planFile,
      id: loaded.plan.id,
      ok: summary.ok,
      summary,
      updated,
      deliverables: assessments.map(({ checksPass: _internal, findings, ...entry }) => ({
        ...entry,
        findings: findings.map(inEnglish),
      })),
      unclaimed,
    };
  }
}
