/**
 * Deliveries in waves (docs/FORMAT.md, "Deliveries"): the chain of signed manifests, each later
 * one naming the previous by file name and SHA-256; what a new delivery carries (what is new or
 * changed since the chain's deliveries); each deliverable's delivery (the first in which it
 * arrived intact); completeness over the whole chain; and a chain's verifications as one verdict.
 * Pure: reading, signature checks and hashing are src/io/chain.ts.
 */
import type { FileFaults, Manifest, ManifestFile, Verification } from './manifest.js';
import type { IsoDate } from './plan.js';
import { append } from './arrays.js';

/** A delivery's number: 1 for the first (a manifest without `delivery`), then 2, 3… */
export function deliveryNumber(m: Pick<Manifest, 'delivery'>): number {
  return m.delivery?.number ?? 1;
}

/** The longest chain exitkit follows: a bound on the work a hostile folder can cause. */
export const MAX_DELIVERIES = 999;

/**
 * The file names of delivery `n` of plan `id`: the first keeps the names of a single bundle
 * (`<id>.manifest.json`, `<id>.tar.pgp`), so that a handover in one wave looks as it always did.
 */
export function deliveryFiles(
  id: string,
  n: number,
): { stem: string; manifest: string; signature: string; archive: string } {
  const base = n === 1 ? id : `${id}.delivery-${n}`;
  return {
    stem: base,
    manifest: `${base}.manifest.json`,
    signature: `${base}.manifest.json.asc`,
    archive: `${base}.tar.pgp`,
  };
}

/** The delivery number a manifest file name says (plan `id`), or 0 when it names no delivery of it. */
export function deliveryOfName(name: string, id: string): number {
  if (name === `${id}.manifest.json`) return 1;
  const n = /^(.*)\.delivery-([1-9]\d{0,5})\.manifest\.json$/.exec(name);
  return n && n[1] === id && Number(n[2]) >= 2 ? Number(n[2]) : 0;
}

/** What the chain delivered at one bag path: the latest version of it. */
export interface Delivered {
  size: number;
  digest: string;
  algorithm: Manifest['algorithm'];
  delivery: number;
}

/** Every bag path the chain delivered (oldest first), a later delivery's version replacing an earlier. */
export function deliveredFiles(chain: readonly Manifest[]): Map<string, Delivered> {
  const out = new Map<string, Delivered>();
  for (const m of chain)
    for (const d of m.deliverables)
      for (const f of d.files)
        out.set(f.path, {
          size: f.size,
          digest: f.digest,
          algorithm: m.algorithm,
          delivery: deliveryNumber(m),
        });
  return out;
}

/**
 * Whether a candidate file is new or changed since the chain: a path it never delivered, another
 * size, or (same size) another digest. `digest` is the candidate's digest with the algorithm of
 * the delivery that last carried that path; it is asked only when path and size match.
 */
export function isNewFile(
  known: ReadonlyMap<string, Delivered>,
  file: { bagPath: string; size: number },
  digest: () => string,
): boolean {
  const was = known.get(file.bagPath);
  return !was || was.size !== file.size || was.digest.toLowerCase() !== digest();
}

/** The ids of the deliverables some manifest of the chain carried (files in its payload). */
export function deliveredBefore(chain: readonly Manifest[]): Set<string> {
  return new Set(chain.flatMap((m) => m.deliverables.filter((d) => d.delivered).map((d) => d.id)));
}

/** A problem with the link from one manifest to the one it names as previous, or null. */
export type LinkProblem =
  | { kind: 'number'; expected: number; found: number }
  | { kind: 'previousName'; expected: string; found: string };

/**
 * Checks a manifest's `delivery` against the previous one it names: numbered one more, and named
 * by the file name delivery N-1 has (a link cannot point at another plan's or a later delivery).
 */
export function linkProblem(later: Manifest, previous: Manifest | null): LinkProblem | null {
  const n = deliveryNumber(later);
  if (n === 1) return null;
  const expected = deliveryFiles(later.plan.id, n - 1).manifest;
  if (later.delivery!.previous.file !== expected)
    return { kind: 'previousName', expected, found: later.delivery!.previous.file };
  if (previous && deliveryNumber(previous) !== n - 1)
    return { kind: 'number', expected: n - 1, found: deliveryNumber(previous) };
  return null;
}

/** One link of a verified chain: its manifest and its own verdict (completeness aside). */
export interface LinkVerdict {
  number: number;
  manifest: Manifest;
  verification: Verification;
}

/** A delivery as `verify --json` lists it (`deliveries[]`, docs/FORMAT.md). */
export interface DeliveryReport {
  number: number;
  manifest: string;
  sha256: string;
  created: string;
  ok: boolean;
  signature: { valid: boolean; fingerprint: string | null };
  archive: { ok: boolean; file: string; present: boolean };
  decrypted: boolean;
  /** Ids of the deliverables whose files this delivery carried. */
  deliverables: string[];
  faults: string[];
}

/**
 * Each deliverable's delivery: the first link in which it arrived intact (or, undecrypted, in
 * which it was carried by an archive the signed manifest vouches for), with that link's creation
 * day. A deliverable no link carried intact has none.
 */
export function firstDeliveries(links: readonly LinkVerdict[]): Map<string, { number: number; on: IsoDate }> {
  const out = new Map<string, { number: number; on: IsoDate }>();
  for (const l of links) {
    const v = l.verification;
    const linkSound = v.signature.valid && v.archive.ok;
    for (const d of v.deliverables)
      if (!out.has(d.id) && d.delivered && d.intact !== false && linkSound)
        out.set(d.id, { number: l.number, on: l.manifest.created.slice(0, 10) });
  }
  return out;
}

/** The same, from a manifest chain alone (no verification): each deliverable's first carrier. */
export function firstDeliveriesOfManifests(
  chain: readonly Manifest[],
): Map<string, { number: number; on: IsoDate }> {
  const out = new Map<string, { number: number; on: IsoDate }>();
  for (const m of chain)
    for (const d of m.deliverables)
      if (d.delivered && !out.has(d.id))
        out.set(d.id, { number: deliveryNumber(m), on: m.created.slice(0, 10) });
  return out;
}

/**
 * A chain as the latest manifest, for the documents: each deliverable delivered when some link
 * carried it, with every file the chain delivered (a later version of a path replacing an
 * earlier); `complete` and `missing` as the latest says (bundle judges them over the chain).
 */
export function mergedManifest(chain: readonly Manifest[]): Manifest {
  const latest = chain[chain.length - 1]!;
  const deliverables = latest.deliverables.map((d) => {
    const files = new Map<string, ManifestFile>();
    for (const m of chain)
      for (const f of m.deliverables.find((x) => x.id === d.id)?.files ?? []) files.set(f.path, f);
    const all = [...files.values()];
    return {
      ...d,
      delivered: chain.some((m) => m.deliverables.some((x) => x.id === d.id && x.delivered)),
      files: all,
      bytes: all.reduce((n, f) => n + f.size, 0),
    };
  });
  return { ...latest, deliverables };
}

/**
 * A chain's verdicts as one: `whole`, the latest link's full verdict (its signature, archive and
 * completeness judged over the chain), with every earlier link's faults, each named by its
 * delivery, and the `chainFaults` (a broken, missing or re-signed link) first; each deliverable
 * merged over the links that carried it, with its first delivery; and `deliveries`, one report a
 * link (each link's own verdict: signature, archive and files, completeness aside).
 */
export function chainVerdict(
  links: readonly LinkVerdict[],
  whole: Verification,
  chainFaults: readonly string[],
  named: (link: LinkVerdict, fault: string) => string,
): Verification & { deliveries: DeliveryReport[] } {
  const v = whole;
  const first = firstDeliveries(links);
  const earlierFaults = links.slice(0, -1).flatMap((l) => l.verification.faults.map((f) => named(l, f)));
  const faults = [...chainFaults, ...earlierFaults, ...v.faults];
  const deliverables = v.deliverables.map((row) => {
    const carried = links.flatMap((l) =>
      l.verification.deliverables.filter((d) => d.id === row.id && d.delivered),
    );
    const intacts = carried.map((d) => d.intact);
    const intact = !carried.length
      ? row.intact
      : intacts.includes(false)
        ? false
        : intacts.includes(null)
          ? null
          : true;
    const at = first.get(row.id);
    return {
      ...row,
      delivered: carried.length > 0,
      intact,
      faults: carried.flatMap((d) => d.faults),
      ...(at ? { delivery: at.number, deliveredOn: at.on } : {}),
    };
  });
  const decrypted = links.every((l) => l.verification.decrypted);
  const files = decrypted ? mergedFileFaults(links.map((l) => l.verification.files)) : undefined;
  const integrity = links.every((l) => l.verification.integrity !== false);
  const deliveries = links.map((l) => ({
    number: l.number,
    manifest: l.verification.manifest.file,
    sha256: l.verification.manifest.sha256,
    created: l.manifest.created,
    ok: l.verification.ok,
    signature: { valid: l.verification.signature.valid, fingerprint: l.verification.signature.fingerprint },
    archive: {
      ok: l.verification.archive.ok,
      file: l.verification.archive.file,
      present: l.verification.archive.present,
    },
    decrypted: l.verification.decrypted,
    deliverables: l.manifest.deliverables.filter((d) => d.delivered).map((d) => d.id),
    faults: l.verification.faults,
  }));
  return {
    ...v,
    ok: faults.length === 0,
    decrypted,
    ...(files ? { files } : {}),
    ...(v.integrity !== undefined ? { integrity } : {}),
    deliverables,
    faults,
    deliveries,
  };
}

function mergedFileFaults(all: ReadonlyArray<FileFaults | undefined>): FileFaults {
  const out: FileFaults = { checked: 0, altered: [], missing: [], extra: [], unsafe: [], truncated: [] };
  for (const f of all) {
    if (!f) continue;
    out.checked += f.checked;
    for (const k of ['altered', 'missing', 'extra', 'unsafe', 'truncated'] as const) append(out[k], f[k]);
  }
  return out;
}
