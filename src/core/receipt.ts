/**
 * The receipt (docs/FORMAT.md, "Receipts"; `exitkit acknowledge`): the client or the incoming provider states, under its
 * own signature, which manifest and which archive it received, what the verification concluded
 * and when. The receipt binds digests, not files: it stays true wherever the files are copied.
 */
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
export function receiptShapeProblem(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'it is not a JSON object';
  const r = raw as Partial<Receipt>;
  if (r.format !== RECEIPT_FORMAT) return `its format is not "${RECEIPT_FORMAT}"`;
  if (typeof r.manifest?.sha256 !== 'string') return 'manifest.sha256 is missing';
  if (typeof r.archive?.digest !== 'string') return 'archive.digest is missing';
  if (typeof r.verification?.ok !== 'boolean' || !Array.isArray(r.verification.missing))
    return 'verification {ok, missing} is missing';
  if (typeof r.signer?.fingerprint !== 'string') return 'signer.fingerprint is missing';
  if (typeof r.date !== 'string') return 'date is missing';
  return null;
}

/** What ties a receipt to this manifest; each mismatch in words. */
export function receiptBindingFaults(r: Receipt, manifestSha256: string, m: Manifest): string[] {
  const faults: string[] = [];
  if (r.manifest.sha256 !== manifestSha256)
    faults.push(`it acknowledges another manifest (sha256 ${r.manifest.sha256}, not ${manifestSha256})`);
  if (m.archive && r.archive.digest.toLowerCase() !== m.archive.digest.toLowerCase())
    faults.push(`it acknowledges another archive (sha256 ${r.archive.digest})`);
  if (r.plan?.id !== m.plan.id) faults.push(`it is for the exit "${r.plan?.id}", not "${m.plan.id}"`);
  return faults;
}
