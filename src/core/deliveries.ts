/**
 * What the evidence says of each deliverable (README.md, "The plan": the money; deliveries come in
 * waves, each deliverable with its own delivery date): handed over intact, waived, or missing; on which day it was delivered; how many
 * days late. Shared by the checklist and the compensation summary. Pure.
 */
import { ExitkitError } from './errors.js';
import type { Manifest, Verification } from './manifest.js';
import type { ExitPlan, IsoDate, Role } from './plan.js';

export interface EvidenceInput {
  plan: ExitPlan;
  manifest?: Manifest;
  verification?: Verification;
  /** The date of the document (YYYY-MM-DD): the statement's date. */
  date: IsoDate;
  /**
   * Each deliverable's own delivery date (its first delivery intact), when deliveries come in
   * waves. A deliverable not in it was delivered on the handover date (the manifest's).
   */
  deliveredOn?: ReadonlyMap<string, IsoDate>;
}

/** Days from `from` to `to` (calendar days, UTC); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** Checks that a manifest and a verification concern this plan (else the summary would lie). */
export function checkEvidence(plan: ExitPlan, manifest?: Manifest, verification?: Verification): void {
  if (manifest && manifest.plan?.id !== plan.id) {
    throw new ExitkitError((m) => m.evidence.manifestOtherPlan(manifest.plan?.id, plan.id), {
      hints: [(m) => m.evidence.manifestOtherPlanHint],
    });
  }
  if (verification && verification.manifest?.planId !== plan.id) {
    throw new ExitkitError((m) => m.evidence.verificationOtherPlan(verification.manifest?.planId, plan.id), {
      hints: [(m) => m.evidence.verificationOtherPlanHint],
    });
  }
  if (manifest && verification && verification.manifest.created !== manifest.created) {
    const [created, verified] = [manifest.created, verification.manifest.created];
    throw new ExitkitError((m) => m.evidence.otherBundle, {
      hints: [(m) => m.evidence.otherBundleCreated(created, verified), (m) => m.evidence.verifyAgainHint],
    });
  }
}

/**
 * The handover date: the manifest's, or the verified manifest's, creation day in UTC; without
 * either, the given date (and the documents say so).
 */
export function handoverOf(input: EvidenceInput): { date: IsoDate; basis: 'manifest' | 'date' } {
  const created = input.manifest?.created ?? input.verification?.manifest.created;
  return created ? { date: created.slice(0, 10), basis: 'manifest' } : { date: input.date, basis: 'date' };
}

/** What the evidence says of one deliverable. */
export interface DeliverableState {
  owner: Role;
  waived: boolean;
  delivered: boolean;
  /** null when unknown (not decrypted, or no verification). */
  intact: boolean | null;
  /** Required, not waived, not handed over intact. */
  missing: boolean;
  /** The day it was handed over (null when it was not). */
  deliveredOn: IsoDate | null;
  /** Days between its due date and its delivery (0 when not handed over). */
  daysLate: number;
  /** Missing: days between its due date and the statement's date (the monotone rule's measure). */
  daysOverdue: number;
  /** Handed over after its due date. */
  late: boolean;
}

/**
 * The state of each deliverable from the best evidence at hand: a verification, else a manifest,
 * else the plan's own statuses (ready or delivered counts as handed over, on the statement's date).
 * Lateness is counted per deliverable, from its due date to its own delivery date.
 */
export function deliverableStates(input: EvidenceInput): Map<string, DeliverableState> {
  const { plan, manifest, verification } = input;
  const handoverDate = handoverOf(input).date;
  const states = new Map<string, DeliverableState>();
  for (const d of plan.deliverables) {
    const m = manifest?.deliverables.find((x) => x.id === d.id);
    const v = verification?.deliverables.find((x) => x.id === d.id);
    const waived =
      (d.status === 'waived' && d.waiver !== undefined) || m?.status === 'waived' || v?.status === 'waived';
    let delivered: boolean;
    let intact: boolean | null = null;
    if (verification) {
      delivered = v?.delivered ?? false;
      intact = v ? v.intact : null;
      if (v && verification.missing.includes(d.id)) delivered = false;
    } else if (manifest) {
      delivered = m?.delivered ?? false;
    } else {
      delivered = d.status === 'ready' || d.status === 'delivered';
    }
    const handedOver = delivered && intact !== false && !waived;
    const missing = d.required && !waived && !handedOver;
    const deliveredOn = handedOver ? (input.deliveredOn?.get(d.id) ?? handoverDate) : null;
    const past = (until: IsoDate | null) => (d.due && until ? Math.max(0, daysBetween(d.due, until)) : 0);
    const daysLate = past(deliveredOn);
    states.set(d.id, {
      owner: d.owner,
      waived,
      delivered,
      intact,
      missing,
      deliveredOn,
      daysLate,
      daysOverdue: missing ? past(input.date) : 0,
      late: daysLate > 0,
    });
  }
  return states;
}
