import { open } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../core/bytes.js';
import { ExitkitError } from '../core/errors.js';
import type { Messages } from '../core/i18n/terminal/index.js';
import type { Deliverable } from '../core/plan.js';
import {
  applyDecision,
  assessDeliverable,
  choicesFor,
  detectCredentialFormat,
  walkOrder,
  type Assessment,
  type CredentialFormat,
  type Decision,
  type DeliverableFacts,
  type InventoryFact,
} from '../core/walk.js';
import { summarizeInventory } from './plan/inventory.js';
import type { LoadedPlan } from './plan/plan-file.js';
import { planWithStatuses, writePlanAtomically } from './plan/write-back.js';
import { PromptInterrupted, type Choice, type Prompter } from './prompts.js';
import { shown } from './shown.js';
import { resolveSources, type SourceFile } from './plan/sources.js';

/** Enough of a file's start to recognize every encrypted format we accept. */
const HEAD_BYTES = 4096;

/**
 * Looks at a deliverable's files on disk: what the pure walk needs to judge it (`facts`), and the
 * files themselves (`files`, what bundle hands over).
 */
export async function gatherFacts(
  planDir: string,
  d: Deliverable,
  opts: { allowExternal: boolean },
): Promise<{ facts: DeliverableFacts; files: SourceFile[] }> {
  if (d.status === 'waived') return { facts: { files: [], problems: [] }, files: [] };
  const { files, problems } = await resolveSources(planDir, d, opts);
  const shownOf = (abs: string) => {
    const r = path.relative(planDir, abs);
    return r.startsWith('..') || path.isAbsolute(r) ? abs : r.split(path.sep).join('/');
  };
  const facts: DeliverableFacts = {
    files: files.map((f) => ({ rel: f.rel, shown: shownOf(f.abs), size: f.size, mtimeMs: f.mtimeMs })),
    problems,
  };
  if (d.category === 'credentials') {
    const formats: Record<string, CredentialFormat | null> = {};
    for (const f of files)
      if (f.size > 0) formats[shownOf(f.abs)] = detectCredentialFormat(await readHead(f.abs));
    facts.credentialFormats = formats;
  }
  if (d.category === 'inventory') {
    const inventories: InventoryFact[] = [];
    for (const f of files) {
      if (!/\.csv$/i.test(f.rel) || f.size === 0) continue;
      const shown = shownOf(f.abs);
      try {
        const s = await summarizeInventory(f.abs, d.checks.columns);
        inventories.push({
          path: shown,
          columns: s.columns,
          rows: s.rows,
          byType: s.byType,
          missingColumns: s.missingColumns,
        });
      } catch (e) {
        inventories.push({
          path: shown,
          error: e instanceof ExitkitError ? e.text : (m) => m.walk.cannotBeRead,
        });
      }
    }
    facts.inventories = inventories;
  }
  return { facts, files };
}

/** The first bytes of a file, read into a small buffer (the file is never read whole). */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface WalkedDeliverable {
  deliverable: Deliverable;
  /** Its index in the plan's deliverables (for the write-back). */
  index: number;
  facts: DeliverableFacts;
  /** Its files on disk, as the sources resolved (what bundle hands over). */
  files: SourceFile[];
  assessment: Assessment;
}

/** Walks every deliverable, family by family. */
export async function walkPlan(loaded: LoadedPlan, now: number): Promise<WalkedDeliverable[]> {
  const out: WalkedDeliverable[] = [];
  for (const d of walkOrder(loaded.plan)) {
    const { facts, files } = await gatherFacts(loaded.dir, d, {
      allowExternal: loaded.plan.allow_external_sources,
    });
    out.push({
      deliverable: d,
      index: loaded.plan.deliverables.indexOf(d),
      facts,
      files,
      assessment: assessDeliverable(d, facts, now),
    });
  }
  return out;
}

/**
 * The user stopped answering (Ctrl-C, a signal): the decisions taken until then, which the
 * command keeps (`askAndWrite`).
 */
export class AnswersInterrupted extends PromptInterrupted {
  constructor(readonly decisions: ReadonlyMap<number, Decision>) {
    super();
  }
}

/** What may be answered for a deliverable: its actions, or nothing when it is settled. */
type Answer = Decision['action'] | 'allReady';

/**
 * Asks, deliverable by deliverable, what to do with the ones that are not settled. The plan is
 * never changed without an answer: leaving every one as it is changes nothing. Where more than one
 * deliverable checks out, one answer marks them all ready (the questions go on for the others).
 * Interrupted, it throws AnswersInterrupted with the answers given.
 */
export async function askDecisions(
  walked: readonly WalkedDeliverable[],
  prompter: Prompter,
  today: string,
  m: Messages,
): Promise<Map<number, Decision>> {
  const decisions = new Map<number, Decision>();
  const open = walked.filter((w) => choicesFor(w.assessment).length > 0);
  try {
    for (const [i, w] of open.entries()) {
      if (decisions.has(w.index)) continue;
      const actions = choicesFor(w.assessment);
      const choices: Array<Choice<Answer>> = actions.map((a) => ({ value: a, ...m.prompt.choice[a] }));
      const alsoReady = actions.includes('ready')
        ? open.slice(i + 1).filter((o) => choicesFor(o.assessment).includes('ready'))
        : [];
      if (alsoReady.length > 0)
        choices.push({
          value: 'allReady',
          name: m.walkAnswers.allReady(alsoReady.length + 1),
          description: m.walkAnswers.allReadyDescription,
        });
      const action = await prompter.choose(
        `${i + 1}/${open.length} ${describeForPrompt(w, m)}`,
        choices,
        actions.includes('ready') ? 'ready' : 'leave',
      );
      if (action === 'allReady') {
        for (const o of [w, ...alsoReady]) decisions.set(o.index, { action: 'ready' });
      } else if (action === 'waive') {
        const required = (missing: string) => (v: string) => (v.trim() === '' ? missing : undefined);
        const reason = (
          await prompter.text(m.prompt.why(w.deliverable.id), { check: required(m.prompt.needsReason) })
        ).trim();
        const approvedBy = (
          await prompter.text(m.prompt.approvedBy, {
            preset: 'client',
            check: required(m.prompt.needsApprover),
          })
        ).trim();
        decisions.set(w.index, { action: 'waive', reason, approvedBy, date: today });
      } else if (action !== 'leave') {
        decisions.set(w.index, { action });
      }
    }
  } catch (e) {
    if (e instanceof PromptInterrupted) throw new AnswersInterrupted(decisions);
    throw e;
  }
  return decisions;
}

/**
 * The interactive walk: asks, then writes the answers into the plan (atomically). Interrupted
 * after some answers, it writes those (never half a plan) and then says so as an error (exit 2);
 * interrupted before any, "nothing was written".
 */
export async function askAndWrite(
  loaded: LoadedPlan,
  walked: readonly WalkedDeliverable[],
  prompter: Prompter,
  now: number,
  m: Messages,
): Promise<{ walked: WalkedDeliverable[]; updated: string[] }> {
  let decisions: Map<number, Decision>;
  try {
    decisions = await askDecisions(walked, prompter, new Date(now).toISOString().slice(0, 10), m);
  } catch (e) {
    if (!(e instanceof AnswersInterrupted) || e.decisions.size === 0) throw e;
    const after = await applyDecisions(loaded, walked, e.decisions, now);
    const ids = updatedIds(after, e.decisions).join(', ');
    const file = shown(loaded.file);
    throw new ExitkitError((t) => t.walkAnswers.saved(file, ids), {
      code: 'interrupted',
      hints: [(t) => t.walkAnswers.savedHint],
    });
  } finally {
    prompter.close();
  }
  const after = await applyDecisions(loaded, walked, decisions, now);
  return { walked: after, updated: updatedIds(after, decisions) };
}

function updatedIds(
  walked: readonly WalkedDeliverable[],
  decisions: ReadonlyMap<number, Decision>,
): string[] {
  return walked.filter((w) => decisions.has(w.index)).map((w) => w.deliverable.id);
}

/**
 * Writes the decided statuses into the plan (comments, order and formatting kept) and returns
 * the deliverables reassessed under their new status.
 */
export async function applyDecisions(
  loaded: LoadedPlan,
  walked: readonly WalkedDeliverable[],
  decisions: ReadonlyMap<number, Decision>,
  now: number,
): Promise<WalkedDeliverable[]> {
  if (decisions.size === 0) return [...walked];
  const changes: Array<{ index: number; deliverable: Deliverable }> = [];
  const updated = walked.map((w) => {
    const decision = decisions.get(w.index);
    if (!decision) return w;
    const deliverable = applyDecision(w.deliverable, decision);
    changes.push({ index: w.index, deliverable });
    return { ...w, deliverable, assessment: assessDeliverable(deliverable, w.facts, now) };
  });
  await writePlanAtomically(loaded.file, planWithStatuses(loaded.text, loaded.doc, changes), loaded.sha256);
  return updated;
}

/** One line naming a deliverable in a question: id, title, what was found. */
export function describeForPrompt(w: WalkedDeliverable, m: Messages): string {
  const a = w.assessment;
  const errors = a.findings.filter((f) => f.level === 'error').length;
  const state = errors ? m.prompt.errors(errors) : `${m.walk.files(a.files)}, ${formatBytes(a.bytes, m)}`;
  return `${m.category[a.category]} / ${m.walk.entry(a.id, a.title, m.prompt.state(m.status[a.status], state))}`;
}
