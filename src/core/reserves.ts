/**
 * Reserves (docs/FORMAT.md, "Receipts"): what a party accepts the handover subject to. A party's
 * receipts form a chain; each one records the reserves still open and every reserve lifted so far,
 * so that the latest receipt alone says where the party stands. Pure.
 */
import { ExitkitError } from './errors.js';
import { closest, isRealDate } from './plan-checks.js';
import type { IsoDate, Role } from './plan.js';

/** The parties who acknowledge a handover (the outgoing provider cannot acknowledge its own). */
export type AcknowledgingRole = Exclude<Role, 'outgoing'>;

export interface Reserve {
  /** `C1`, `C2`… for the client, `I1`… for the incoming provider: unique in the whole handover. */
  id: string;
  text: string;
  /** The deliverable it concerns, if any. */
  deliverable?: string;
  /** When it must be lifted (YYYY-MM-DD). */
  due?: IsoDate;
  /** When it was raised (ISO 8601 date-time, UTC). */
  opened: string;
}

export interface LiftedReserve extends Reserve {
  /** When it was lifted (ISO 8601 date-time, UTC). */
  lifted: string;
}

/** What a party stands on: its open reserves and every reserve it lifted. */
export interface Standing {
  reserves: Reserve[];
  lifted: LiftedReserve[];
}

/** What `acknowledge` was asked: new reserves (`--reserve`, `--due`, `--deliverable`) and lifts. */
export interface ReserveRequest {
  texts: readonly string[];
  due: readonly string[];
  deliverable: readonly string[];
  lift: readonly string[];
}

const PREFIX: Record<AcknowledgingRole, string> = { client: 'C', incoming: 'I' };

/**
 * The party's standing after this acknowledgement: the previous receipt's open reserves less the
 * lifted ones, plus the new ones, numbered after every id the chain ever used. Anything asked
 * that cannot be done (a lift of no open reserve, a due date that is not a date, a deliverable the
 * plan does not have) is refused, exit 2, before anything is signed.
 */
export function nextStanding(
  previous: Standing | null,
  request: ReserveRequest,
  context: { role: AcknowledgingRole; deliverables: readonly string[]; now: Date },
): Standing {
  const open = previous?.reserves ?? [];
  const lifted = [...(previous?.lifted ?? [])];
  const now = context.now.toISOString();
  for (const id of new Set(request.lift)) {
    const r = open.find((x) => x.id === id);
    if (!r)
      throw new ExitkitError((m) => m.reserve.noSuchReserve(id), {
        code: 'usage',
        hints: [
          open.length
            ? (m) => m.reserve.openOnes(open.map((x) => x.id).join(', '))
            : (m) => m.reserve.noneOpen,
        ],
      });
    lifted.push({ ...r, lifted: now });
  }
  const kept = open.filter((r) => !request.lift.includes(r.id));

  const used = [...open, ...lifted].map((r) => Number(r.id.slice(1))).filter(Number.isInteger);
  let n = Math.max(0, ...used);
  const added = pair(request, context.deliverables).map((r): Reserve => ({
    id: `${PREFIX[context.role]}${++n}`,
    ...r,
    opened: now,
  }));
  return { reserves: [...kept, ...added], lifted };
}

/**
 * Each `--reserve` with its `--due` and `--deliverable`: given once, one applies to every reserve
 * of the command; given several times, the n-th goes with the n-th reserve.
 */
function pair(
  request: ReserveRequest,
  deliverables: readonly string[],
): Array<Omit<Reserve, 'id' | 'opened'>> {
  const { texts } = request;
  for (const [flag, values] of [
    ['--due', request.due],
    ['--deliverable', request.deliverable],
  ] as const) {
    if (values.length && !texts.length)
      throw new ExitkitError((m) => m.reserve.withoutReserve(flag), {
        code: 'usage',
        hints: [(m) => m.reserve.withoutReserveHint(flag)],
      });
    if (values.length > 1 && values.length !== texts.length)
      throw new ExitkitError((m) => m.reserve.countMismatch(flag, values.length, texts.length), {
        code: 'usage',
        hints: [(m) => m.reserve.countMismatchHint(flag)],
      });
  }
  const at = (values: readonly string[], i: number) => (values.length === 1 ? values[0] : values[i]);
  return texts.map((raw, i) => {
    const text = raw.trim();
    if (!text) throw new ExitkitError((m) => m.reserve.emptyText, { code: 'usage' });
    const due = at(request.due, i);
    if (due !== undefined && !isRealDate(due))
      throw new ExitkitError((m) => m.reserve.badDue(due), {
        code: 'usage',
        hints: [(m) => m.reserve.badDueHint],
      });
    const deliverable = at(request.deliverable, i);
    if (deliverable !== undefined && !deliverables.includes(deliverable)) {
      const near = closest(deliverable, deliverables);
      throw new ExitkitError((m) => m.reserve.noSuchDeliverable(deliverable), {
        code: 'usage',
        hints: [
          near
            ? (m) => m.reserve.didYouMean(near)
            : (m) => m.reserve.deliverablesAre(deliverables.join(', ')),
        ],
      });
    }
    return { text, ...(deliverable ? { deliverable } : {}), ...(due ? { due } : {}) };
  });
}

/** A party's receipt for a handover: `<id>.receipt.client.json`, the latest of its chain. */
export function receiptFileName(planId: string, role: AcknowledgingRole): string {
  return `${planId}.receipt.${role}.json`;
}

/** The name a superseded receipt keeps in the chain: `<id>.receipt.client.1.json` for the first. */
export function chainedReceiptFileName(planId: string, role: AcknowledgingRole, sequence: number): string {
  return `${planId}.receipt.${role}.${sequence}.json`;
}

/**
 * A receipt's standing as read (any JSON), or null when it has no reserves list (receipts written
 * before reserves). An entry that is not {id, text} is kept with what it says: a reserve is never
 * dropped silently, since the final payment waits on it.
 */
export function standingOf(raw: unknown): Standing | null {
  const r = raw as { reserves?: unknown; lifted?: unknown } | null;
  if (!Array.isArray(r?.reserves)) return null;
  const read = (x: unknown, i: number): Reserve => {
    const o = (x ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
    return {
      id: text('id') ?? String(i + 1),
      text: text('text') ?? JSON.stringify(x),
      ...(text('deliverable') ? { deliverable: text('deliverable')! } : {}),
      ...(text('due') ? { due: text('due')! } : {}),
      opened: text('opened') ?? '',
    };
  };
  const lifted = Array.isArray(r.lifted) ? r.lifted : [];
  return {
    reserves: r.reserves.map(read),
    lifted: lifted.map((x, i) => ({
      ...read(x, i),
      lifted: String((x as { lifted?: unknown })?.lifted ?? ''),
    })),
  };
}
