/**
 * The exit manifest (docs/FORMAT.md, "The manifest") and the verification result (docs/FORMAT.md,
 * "verify --json"; both have a JSON Schema in docs/schemas/).
 * These shapes are read by other tools: fields may be added, never renamed.
 */
import type { DeliveryReport } from './chain.js';
import type { Text } from './i18n/terminal/index.js';
import type { Category, IsoDate, Role, Status, Waiver } from './plan.js';

export const MANIFEST_FORMAT = 'exitkit-manifest/1';

export type DigestAlgorithm = 'sha512' | 'sha256';

export interface ManifestFile {
  /** Path inside the bag, NFC, e.g. "data/backups/fs01-backup/fs01-2026-12-01.vbk". */
  path: string;
  size: number;
  /** Hex digest with the manifest's `algorithm`. */
  digest: string;
  /** The source file's modification time (ISO 8601, UTC): payload files; extract restores it. */
  mtime?: string;
}

/** A walk finding as the manifest records it (never file content). */
export interface ManifestFinding {
  level: 'error' | 'warning' | 'info';
  message: string;
}

export interface ManifestDeliverable {
  id: string;
  title: string;
  category: Category;
  required: boolean;
  status: Status;
  due?: IsoDate;
  waiver?: Waiver;
  /** Whether its files are in the payload. */
  delivered: boolean;
  files: ManifestFile[];
  bytes: number;
  /** The walk's findings when it was bundled (absent from manifests older than 0.1 wrote them). */
  findings?: ManifestFinding[];
}

export interface ManifestParty {
  name: string;
  contact?: string;
  fingerprint?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  plan: { id: string; title: string; file: string; sha256: string; contract: string };
  parties: { client: ManifestParty; outgoing: ManifestParty; incoming?: ManifestParty };
  /** ISO 8601 date-time, UTC. */
  created: string;
  /**
   * Delivery 2 and later (docs/FORMAT.md, "Deliveries"): its number and the previous delivery's
   * manifest by file name and SHA-256 of its exact bytes. Absent from a first delivery.
   */
  delivery?: { number: number; previous: { file: string; sha256: string } };
  generator: { name: 'exitkit'; version: string };
  algorithm: DigestAlgorithm;
  signer: { fingerprint: string };
  recipients: Array<{ fingerprint: string; role?: Role; name?: string }>;
  deliverables: ManifestDeliverable[];
  /** The bag's tag files (bagit.txt, bag-info.txt, manifests, exit-plan.yaml, exit-manifest.json). */
  tagFiles: ManifestFile[];
  payload: { files: number; bytes: number; oxum: string };
  complete: boolean;
  /** Ids of required deliverables neither in the payload nor waived. */
  missing: string[];
  /** Absent from the copy inside the bag (it cannot hold its own archive's digest). */
  archive?: ManifestArchive;
}

/**
 * The archive: one file, or (bundle --volume-size) its volumes in order, each its own message,
 * with their total size (docs/FORMAT.md, "Volumes").
 */
export type ManifestArchive =
  | { file: string; size: number; algorithm: 'sha256'; digest: string }
  | { size: number; algorithm: 'sha256'; volumes: ManifestVolume[] };

export interface ManifestVolume {
  file: string;
  size: number;
  digest: string;
}

export interface FileFaults {
  checked: number;
  altered: string[];
  missing: string[];
  extra: string[];
  unsafe: string[];
  truncated: string[];
}

export interface Verification {
  /** The whole verdict: signature, archive, completeness and, when decrypted, every file. */
  ok: boolean;
  manifest: { file: string; sha256: string; planId: string; created: string };
  signature: { valid: boolean; fingerprint: string | null; reason?: string };
  /** `present` is false when the archive has not arrived (the manifest came first). */
  archive: {
    ok: boolean;
    file: string;
    present: boolean;
    size: number | null;
    digest: string | null;
    reason?: string;
    /** With volumes: each one listed, in order, then any found beside them but not listed. */
    volumes?: Array<{
      file: string;
      ok: boolean;
      size: number | null;
      digest: string | null;
      reason?: string;
    }>;
  };
  complete: boolean;
  missing: string[];
  /** With --plan: that plan against the one the manifest was made from (src/core/plan-diff.ts). */
  plan?: {
    file: string | null;
    matches: boolean;
    added: string[];
    removed: string[];
    changed: Array<{ id: string; fields: Array<'title' | 'category' | 'required' | 'due'> }>;
  };
  decrypted: boolean;
  files?: FileFaults;
  /** The OpenPGP integrity check (MDC) at the end of the message, when decrypted. */
  integrity?: boolean;
  /** Per deliverable: whether its files were found intact (when decrypted) or listed (otherwise). */
  deliverables: Array<{
    id: string;
    status: Status;
    required: boolean;
    delivered: boolean;
    intact: boolean | null;
    faults: string[];
    /** A chain of deliveries: the first delivery in which it arrived intact, and that delivery's day. */
    delivery?: number;
    deliveredOn?: IsoDate;
  }>;
  /** Every fault in words, in the order found. */
  faults: string[];
  verifiedAt: string;
  /** A chain of deliveries (the manifest is delivery 2 or later): one report a delivery, oldest first. */
  deliveries?: DeliveryReport[];
}

/**
 * Checks the shape of what `verify --json` wrote, as read back by `acknowledge` and the
 * documents; a problem in words, or null. An error object is no verification.
 */
export function verificationShapeProblem(raw: unknown): Text | null {
  const missing =
    (field: string): Text =>
    (m) =>
      m.shape.missing(field);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return (m) => m.shape.notObject;
  const v = raw as Partial<Verification> & { error?: unknown };
  if (v.error !== undefined) return (m) => m.shape.recordsError;
  if (typeof v.ok !== 'boolean') return missing('ok');
  if (typeof v.complete !== 'boolean' || !Array.isArray(v.missing)) return (m) => m.shape.completeOrMissing;
  if (!v.manifest || typeof v.manifest.planId !== 'string' || typeof v.manifest.sha256 !== 'string')
    return missing('manifest {planId, sha256}');
  if (!v.signature || typeof v.signature.valid !== 'boolean') return missing('signature.valid');
  if (!v.archive || typeof v.archive.ok !== 'boolean') return missing('archive.ok');
  if (typeof v.decrypted !== 'boolean') return missing('decrypted');
  if (!Array.isArray(v.deliverables) || !v.deliverables.every((d) => d && typeof d.id === 'string'))
    return (m) => m.shape.deliverablesList;
  if (!Array.isArray(v.faults)) return (m) => m.shape.notList('faults');
  if (typeof v.verifiedAt !== 'string') return missing('verifiedAt');
  return null;
}

/** The volumes of a manifest's archive, or null when it is one file. */
export function volumesOf(a: ManifestArchive): ManifestVolume[] | null {
  return 'volumes' in a ? a.volumes : null;
}

/** What identifies an archive's bytes: its SHA-256, or its volumes' in order (lowercase, comma-separated). */
export function archiveDigest(a: ManifestArchive): string {
  const v = volumesOf(a);
  return v ? v.map((x) => x.digest.toLowerCase()).join(',') : (a as { digest: string }).digest.toLowerCase();
}
