/**
 * The receipt (docs/FORMAT.md, "Receipts"; `exitkit acknowledge`): the client or the incoming
 * provider states, under its own signature, which manifest and which archive it received, what
 * the verification concluded, when, and its reserves. Each party has its own chain of receipts
 * (the latest counts; each names the previous one by its SHA-256). The receipt binds digests, not
 * files: it stays true wherever the files are copied.
 */
import type { Text } from './i18n/terminal/index.js';
import { archiveDigest, type Manifest, type ManifestArchive, type Verification } from './manifest.js';
import type { AcknowledgingRole, LiftedReserve, Reserve, Standing } from './reserves.js';

export const RECEIPT_FORMAT = 'exitkit-receipt/2';
/** Receipts of exitkit 0.1: one file for both parties, no reserves, no chain. Still read. */
export const RECEIPT_FORMAT_1 = 'exitkit-receipt/1';

export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  /** 1 for the party's first receipt, then 2, 3… */
  sequence: number;
  /** The party's receipt this one supersedes: its file name (beside this one) and SHA-256. */
  previous: { file: string; sha256: string } | null;
  plan: { id: string; title: string; contract: string };
  manifest: { file: string; sha256: string; created: string; signer: string };
  archive: ManifestArchive;
  verification: {
    ok: boolean;
    complete: boolean;
    missing: string[];
    /** Whether the files were decrypted and re-hashed (the incoming provider), or not (the client). */
    decrypted: boolean;
    faults: string[];
    verifiedAt: string;
  };
  /** Who signs the receipt: its fingerprint, its role in the plan and its name there. */
  signer: { fingerprint: string; role: AcknowledgingRole; name: string };
  /** The party's open reserves, and every reserve it lifted in this chain. */
  reserves: Reserve[];
  lifted: LiftedReserve[];
  /** ISO 8601 date-time, UTC. */
  date: string;
  generator: { name: 'exitkit'; version: string };
}

export function makeReceipt(input: {
  manifestFile: string;
  manifestSha256: string;
  manifest: Manifest;
  verification: Verification;
  signer: Receipt['signer'];
  standing: Standing;
  previous: { sequence: number; file: string; sha256: string } | null;
  now: Date;
  version: string;
}): Receipt {
  const { manifest: m, verification: v, previous } = input;
  return {
    format: RECEIPT_FORMAT,
    sequence: previous ? previous.sequence + 1 : 1,
    previous: previous ? { file: previous.file, sha256: previous.sha256 } : null,
    plan: { id: m.plan.id, title: m.plan.title, contract: m.plan.contract },
    manifest: {
      file: input.manifestFile,
      sha256: input.manifestSha256,
      created: m.created,
      signer: m.signer.fingerprint,
    },
    archive: { ...m.archive! },
    verification: {
      ok: v.ok,
      complete: v.complete,
      missing: [...v.missing],
      decrypted: v.decrypted,
      faults: [...v.faults],
      verifiedAt: v.verifiedAt,
    },
    signer: input.signer,
    reserves: input.standing.reserves,
    lifted: input.standing.lifted,
    date: input.now.toISOString(),
    generator: { name: 'exitkit', version: input.version },
  };
}

/** Checks the shape of a parsed receipt; a problem in words, or null. */
export function receiptShapeProblem(raw: unknown): Text | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return (w) => w.receipt.shape.notObject;
  const r = raw as Partial<Receipt>;
  const missing =
    (field: string): Text =>
    (w) =>
      w.receipt.shape.missing(field);
  const format: unknown = r.format;
  if (format !== RECEIPT_FORMAT && format !== RECEIPT_FORMAT_1)
    return (w) => w.receipt.shape.format(RECEIPT_FORMAT);
  if (r.format === RECEIPT_FORMAT) {
    if (!Number.isInteger(r.sequence) || r.sequence! < 1) return missing('sequence');
    const p = r.previous;
    if (p !== null && (typeof p?.file !== 'string' || typeof p.sha256 !== 'string'))
      return missing('previous');
    if (!Array.isArray(r.reserves)) return missing('reserves');
  }
  if (typeof r.manifest?.sha256 !== 'string') return missing('manifest.sha256');
  const a = r.archive as Partial<Record<'digest' | 'volumes', unknown>> | undefined;
  if (typeof a?.digest !== 'string' && !Array.isArray(a?.volumes)) return missing('archive.digest');
  if (typeof r.verification?.ok !== 'boolean' || !Array.isArray(r.verification.missing))
    return missing('verification {ok, missing}');
  if (typeof r.signer?.fingerprint !== 'string') return missing('signer.fingerprint');
  if (typeof r.date !== 'string') return missing('date');
  return null;
}

/** What ties a receipt to this manifest; each mismatch in words. */
export function receiptBindingFaults(r: Receipt, manifestSha256: string, m: Manifest): Text[] {
  const faults: Text[] = [];
  if (r.manifest.sha256 !== manifestSha256)
    faults.push((w) => w.receipt.otherManifest(r.manifest.sha256, manifestSha256));
  if (m.archive && archiveDigest(r.archive) !== archiveDigest(m.archive))
    faults.push((w) => w.receipt.otherArchive(archiveDigest(r.archive)));
  if (r.plan?.id !== m.plan.id) faults.push((w) => w.receipt.otherExit(String(r.plan?.id), m.plan.id));
  return faults;
}
