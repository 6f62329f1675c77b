/**
 * The record the parties sign (the checklist as *procès-verbal de réversibilité*, README.md,
 * "Commands"; docs/FORMAT.md, "Receipts"): of the receipts given, the one that counts for each
 * party, the reserves they record (open or lifted), and the conclusion the evidence supports.
 * Shared by the checklist and the release conditions of the compensation summary, so that both
 * documents read the same reserves from the same receipts. Pure.
 */
import { say, words } from './i18n/index.js';
import type { ExitPlan, IsoDate, Language } from './plan.js';
import type { ReceiptEvidence } from './release.js';
import type { AcknowledgingRole } from './reserves.js';

/** The receipts that count: each party's latest valid one; and those that do not hold. */
export interface CountingReceipts {
  /** One a party (client first), the highest of its chain among those given. */
  latest: ReceiptEvidence[];
  /** Not signed by the plan's key of its role for this manifest, or its chain does not hold. */
  invalid: ReceiptEvidence[];
}

const PARTY_ORDER: readonly AcknowledgingRole[] = ['client', 'incoming'];

/**
 * Of the receipts given (`--receipt`, repeatable), the latest of each party counts: a party's
 * receipts form a chain, each one recording where the party stands (docs/FORMAT.md, "Receipts").
 * A receipt that does not hold is never set aside silently: its party's reserves are unknown.
 */
export function countingReceipts(receipts: readonly ReceiptEvidence[]): CountingReceipts {
  const invalid = receipts.filter((r) => !r.valid || !isParty(r.role));
  const latest = PARTY_ORDER.flatMap((role) => {
    const mine = receipts.filter((r) => r.valid && r.role === role);
    const best = mine.reduce<ReceiptEvidence | undefined>(
      (a, r) => (!a || r.sequence > a.sequence || (r.sequence === a.sequence && r.date > a.date) ? r : a),
      undefined,
    );
    return best ? [best] : [];
  });
  return { latest, invalid };
}

const isParty = (role: unknown): role is AcknowledgingRole =>
  (PARTY_ORDER as readonly unknown[]).includes(role);

/** A reserve as the record lists it: who, what, which deliverable, when due, open or lifted. */
export interface RecordedReserve {
  id: string;
  role: AcknowledgingRole;
  text: string;
  deliverable?: string;
  due?: IsoDate;
  /** When it was raised (ISO 8601). */
  opened: string;
  /** When it was lifted (ISO 8601); absent while it is open. */
  lifted?: string;
  /** The day it was lifted (YYYY-MM-DD, UTC). */
  liftedOn?: IsoDate;
  open: boolean;
  /** Open and past its due date on the record's date. */
  overdue: boolean;
}

/** Every reserve the counting receipts record, open and lifted, by party then by number. */
export function recordedReserves(latest: readonly ReceiptEvidence[], date: IsoDate): RecordedReserve[] {
  const out: RecordedReserve[] = [];
  for (const r of latest) {
    if (!isParty(r.role)) continue;
    const role = r.role;
    const shown = (
      x: ReceiptEvidence['lifted'][number] | NonNullable<ReceiptEvidence['reserves']>[number],
    ) => ({
      id: x.id,
      role,
      text: x.text,
      ...(x.deliverable ? { deliverable: x.deliverable } : {}),
      ...(x.due ? { due: x.due } : {}),
      opened: x.opened,
    });
    for (const x of r.reserves ?? [])
      out.push({ ...shown(x), open: true, overdue: x.due !== undefined && x.due < date });
    for (const x of r.lifted)
      out.push({
        ...shown(x),
        lifted: x.lifted,
        liftedOn: x.lifted.slice(0, 10),
        open: false,
        overdue: false,
      });
  }
  const number = (id: string) => Number(id.replace(/^\D+/, '')) || 0;
  return out.sort(
    (a, b) =>
      PARTY_ORDER.indexOf(a.role) - PARTY_ORDER.indexOf(b.role) ||
      number(a.id) - number(b.id) ||
      a.id.localeCompare(b.id),
  );
}

/** What keeps the handover from being accepted yet. */
export type NotYet =
  'no-manifest' | 'incomplete' | 'no-verification' | 'verification-failed' | 'receipt-invalid';

export interface Conclusion {
  /** Without reserves, with reserves (the open ones listed), or not acceptable yet (and why). */
  kind: 'without-reserves' | 'with-reserves' | 'not-yet';
  /** Ids of the reserves still open. */
  open: string[];
  /** Why it cannot be accepted yet (empty unless `not-yet`). */
  why: NotYet[];
  /** Receipts that do not hold (their files), named in the conclusion. */
  invalid: string[];
  /** The parties whose receipts were given and hold. */
  acknowledgedBy: AcknowledgingRole[];
}

/**
 * The conclusion of the record: a handover is acceptable once a signed manifest says what was
 * handed over, a verification of it holds, and every required deliverable was handed over intact
 * or waived; then it is accepted with reserves while any party's latest receipt records one open,
 * and without reserves otherwise. A receipt that does not hold leaves the reserves unknown: not yet.
 */
export function conclude(e: {
  manifest: boolean;
  verification?: { ok: boolean };
  /** Required deliverables neither handed over (intact when known) nor waived. */
  missing: number;
  receipts: CountingReceipts;
  reserves: readonly RecordedReserve[];
}): Conclusion {
  const why: NotYet[] = [];
  if (!e.manifest) why.push('no-manifest');
  if (e.missing > 0) why.push('incomplete');
  if (!e.verification) why.push('no-verification');
  else if (!e.verification.ok) why.push('verification-failed');
  if (e.receipts.invalid.length) why.push('receipt-invalid');
  const open = e.reserves.filter((r) => r.open).map((r) => r.id);
  return {
    kind: why.length ? 'not-yet' : open.length ? 'with-reserves' : 'without-reserves',
    open,
    why,
    invalid: e.receipts.invalid.map((r) => r.file),
    acknowledgedBy: e.receipts.latest.map((r) => r.role).filter(isParty),
  };
}

/** A file's name without its folder: the record names receipts as the parties know them. */
const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** A receipt as the record shows it: whose, when, which key, whether it holds and why not. */
export interface RecordReceipt {
  /** Its file name (without the folder). */
  file: string;
  role: AcknowledgingRole | null;
  name: string;
  date: string;
  fingerprint: string | null;
  valid: boolean;
  faults: string[];
}

/** The record's sections from the receipts: the receipts that count, the reserves, the conclusion. */
export interface RecordSections {
  receipts: RecordReceipt[];
  reserves: Array<RecordedReserve & { partyName: string; deliverableTitle?: string }>;
  conclusion: Conclusion & {
    /** Its title and sentence, in the document's language. */
    title: string;
    detail: string;
    /** Why not yet, one sentence each. */
    reasons: string[];
  };
}

export function recordSections(input: {
  receipts: readonly ReceiptEvidence[];
  plan: ExitPlan;
  manifest: boolean;
  verification?: { ok: boolean };
  missing: number;
  date: IsoDate;
  language: Language;
  partyName: (role: string) => string;
}): RecordSections {
  const { language: lang } = input;
  const t = words(lang);
  const counting = countingReceipts(input.receipts);
  const reserves = recordedReserves(counting.latest, input.date);
  const c = conclude({ ...input, receipts: counting, reserves });
  const titles = new Map(input.plan.deliverables.map((d) => [d.id, d.title]));
  const ids = c.open.join(', ');
  const reasons = c.why.map((w) =>
    w === 'incomplete'
      ? say(lang, t.record.conclusion.why.incomplete, { count: input.missing })
      : say(lang, t.record.conclusion.why[w], { files: c.invalid.map(baseName).join(', ') }),
  );
  const title = {
    'without-reserves': t.record.conclusion.withoutReserves,
    'with-reserves': t.record.conclusion.withReserves,
    'not-yet': t.record.conclusion.notYet,
  }[c.kind];
  const detail =
    c.kind === 'with-reserves'
      ? say(lang, t.record.conclusion.withReservesDetail, { count: c.open.length, ids })
      : c.kind === 'without-reserves'
        ? c.acknowledgedBy.length
          ? t.record.conclusion.withoutReservesDetail
          : t.record.conclusion.withoutReservesNoReceipt
        : t.record.conclusion.notYetDetail;
  const shown = (r: ReceiptEvidence): RecordReceipt => ({
    file: baseName(r.file),
    role: isParty(r.role) ? r.role : null,
    name: isParty(r.role) ? input.partyName(r.role) : '',
    date: r.date,
    fingerprint: r.fingerprint,
    valid: r.valid,
    faults: r.faults,
  });
  return {
    receipts: [...counting.latest, ...counting.invalid].map(shown),
    reserves: reserves.map((r) => ({
      ...r,
      partyName: input.partyName(r.role),
      ...(r.deliverable && titles.has(r.deliverable) ? { deliverableTitle: titles.get(r.deliverable)! } : {}),
    })),
    conclusion: { ...c, title, detail, reasons },
  };
}
