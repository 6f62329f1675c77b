/**
 * The client's own plan (verify --plan) against the plan the manifest was made from, deliverable
 * by deliverable: the ones only in the plan (added), only in the manifest (removed), and those
 * whose title, family, required flag or due date differ (changed). Statuses and waivers are not
 * compared: they move with the handover, and completeness already judges them against the plan.
 */
import type { Messages } from './i18n/terminal/index.js';
import type { Manifest } from './manifest.js';
import type { ExitPlan } from './plan.js';

export type PlanField = keyof Messages['planDiff']['field'];

export interface PlanDifference {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: PlanField[] }>;
}

const FIELDS: PlanField[] = ['title', 'category', 'required', 'due'];

export function planDifference(plan: ExitPlan, m: Manifest): PlanDifference {
  const inManifest = new Map(m.deliverables.map((d) => [d.id, d]));
  const inPlan = new Set(plan.deliverables.map((d) => d.id));
  const changed: PlanDifference['changed'] = [];
  for (const p of plan.deliverables) {
    const d = inManifest.get(p.id);
    if (!d) continue;
    const fields = FIELDS.filter((f) => (p[f] ?? null) !== (d[f] ?? null));
    if (fields.length) changed.push({ id: p.id, fields });
  }
  return {
    added: plan.deliverables.filter((p) => !inManifest.has(p.id)).map((p) => p.id),
    removed: m.deliverables.filter((d) => !inPlan.has(d.id)).map((d) => d.id),
    changed,
  };
}

export function planDiffers(d: PlanDifference): boolean {
  return d.added.length + d.removed.length + d.changed.length > 0;
}

/** The difference as one fault, in the words of `w`. */
export function planDifferenceFault(file: string, d: PlanDifference, w: Messages): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(w.planDiff.added(d.added));
  if (d.removed.length) parts.push(w.planDiff.removed(d.removed));
  for (const c of d.changed)
    parts.push(
      w.planDiff.changed(
        c.id,
        c.fields.map((f) => w.planDiff.field[f]),
      ),
    );
  return w.planDiff.fault(file, parts);
}
