/**
 * The receipt (docs/FORMAT.md, "Receipts"; `exitkit acknowledge`): the client or the incoming provider states, under its
 * own signature, which manifest and which archive it received, what the verification concluded
 * and when. The receipt binds digests, not files: it stays true wherever the files are copied.
 */
import type { Text } from './i18n/terminal/index.js';
import type { Manifest, Verification } from './manifest.js';
import type { Role } from './plan.js';

export const RECEIPT_FORMAT = 'exitkit-receipt/1';

export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  plan: { id: string; title: string; contract: string };
  manifest: { file: string; sha256: string; created: string; signer: string };
  archive: { file: string; size: number; algorithm: 'sha256'; digest: string };
  verification: {
    ok: boolean;
    complete: boolean;
    missing: string[];
    /** Whether the files were decrypted and re-hashed (the incoming provider), or not (the client). */
    decrypted: boolean;
    faults: string[];
    verifiedAt: string;
  };
  /** Who signs the receipt: its fingerprint, and its role in the plan when the plan was given. */
  signer: { fingerprint: string; role: Role | null; name: string | null };
  /** ISO 8601 date-time, UTC. */
  date: string;
  generator: { name: 'exitkit'; version: string };
}

export function makeReceipt(input: {
  manifestFile: string;
  manifestSha256: string;
  manifest: Manifest;
  verification: Verification;
  signer: { fingerprint: string; role: Role | null; name: string | null };
  now: Date;
  version: string;
}): Receipt {
  const { manifest: m, verification: v } = input;
  return {
    format: RECEIPT_FORMAT,
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
    date: input.now.toISOString(),
    generator: { name: 'exitkit', version: input.version },
  };
}

/** A reserve as a receipt records it: what is wrong, the deliverable it concerns, its due date. */
export interface Reserve {
  id: string;
  text: string;
  deliverable?: string;
  due?: string;
}

/**
 * The open reserves a receipt records: its `reserves` list (the latest receipt of a party is the
 * one that counts, so what it lists is open), or null when the receipt has no such list (receipts
 * of this version record none). Entries that are not {id, text} are kept with what they say.
 */
export function reservesOf(raw: unknown): Reserve[] | null {
  const list = (raw as { reserves?: unknown } | null)?.reserves;
  if (!Array.isArray(list)) return null;
  return list.map((x: unknown, i): Reserve => {
    const r = (x ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof r[k] === 'string' ? r[k] : undefined);
    return {
      id: text('id') ?? String(i + 1),
      text: text('text') ?? JSON.stringify(x),
      ...(text('deliverable') ? { deliverable: text('deliverable')! } : {}),
      ...(text('due') ? { due: text('due')! } : {}),
    };
  });
}

/** Checks the shape of a parsed receipt; a problem in words, or null. */
export function receiptShapeProblem(raw: unknown): Text | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return (w) => w.receipt.shape.notObject;
  const r = raw as Partial<Receipt>;
  const missing =
    (field: string): Text =>
    (w) =>
      w.receipt.shape.missing(field);
  if (r.format !== RECEIPT_FORMAT) return (w) => w.receipt.shape.format(RECEIPT_FORMAT);
  if (typeof r.manifest?.sha256 !== 'string') return missing('manifest.sha256');
  if (typeof r.archive?.digest !== 'string') return missing('archive.digest');
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
  if (m.archive && r.archive.digest.toLowerCase() !== m.archive.digest.toLowerCase())
    faults.push((w) => w.receipt.otherArchive(r.archive.digest));
  if (r.plan?.id !== m.plan.id) faults.push((w) => w.receipt.otherExit(String(r.plan?.id), m.plan.id));
  return faults;
}
