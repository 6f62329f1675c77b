/**
 * What a bundle holds and what its manifest says: pure decisions over the plan and the digests
 * measured while the archive was written (src/io/bundle.ts does the reading and writing).
 */
import { bagInfoTxt, manifestLine, payloadOxum } from './bag.js';
import {
  MANIFEST_FORMAT,
  type DigestAlgorithm,
  type Manifest,
  type ManifestDeliverable,
  type ManifestFile,
  type ManifestFinding,
  type ManifestParty,
} from './manifest.js';
import { english, type Text } from './i18n/terminal/index.js';
import type { Deliverable, ExitPlan, Party, Role } from './plan.js';
import type { Assessment, Finding } from './walk.js';

/**
 * Which deliverables go into the payload. The plan's status is the outgoing provider's word that
 * a deliverable is the version to hand over, so only `ready` and `delivered` ones are bundled.
 * A `pending` one stays out even when its files are all there (it may be a draft or a stale
 * export: `exitkit walk` marks it ready), and a `waived` one stays out by agreement.
 */
export function isBundled(d: Pick<Deliverable, 'status'>): boolean {
  return d.status === 'ready' || d.status === 'delivered';
}

/** A deliverable whose status says ready or delivered, but whose walk findings include an error. */
export interface RefusedDeliverable {
  id: string;
  required: boolean;
  /** The walk's error findings, in its words. */
  errors: Text[];
}

/**
 * What bundle hands over, decided by the walk's assessments (the same findings `exitkit walk`
 * shows, README.md "What walk refuses, bundle refuses"): a deliverable goes into the payload when
 * its status says ready or delivered AND its checks pass. One whose findings include an error (a
 * stale backup, a clear-text credential export, a missing or empty sole file) is refused whatever
 * its status: bundle names it, or with --allow-incomplete leaves it out.
 */
export function handoverSelection(assessments: readonly Assessment[]): {
  bundled: Set<string>;
  refused: RefusedDeliverable[];
} {
  const bundled = new Set<string>();
  const refused: RefusedDeliverable[] = [];
  for (const a of assessments) {
    if (!isBundled(a)) continue;
    if (a.ready) bundled.add(a.id);
    else
      refused.push({
        id: a.id,
        required: a.required,
        errors: a.findings.filter((f) => f.level === 'error').map((f) => f.message),
      });
  }
  return { bundled, refused };
}

/** A walk finding as the manifest records it: level and message in English, never file content. */
export function manifestFinding(f: Finding): ManifestFinding {
  return { level: f.level, message: english(f.message) };
}

/** Whether a deliverable counts as settled by a waiver: waived, with a reason on record. */
function isWaived(d: Deliverable): boolean {
  return d.status === 'waived' && d.waiver !== undefined;
}

export interface Completeness {
  /** True when every required deliverable is in the payload or waived. */
  complete: boolean;
  /** Ids of required deliverables neither in the payload nor waived, in plan order. */
  missing: string[];
}

/** Completeness against the plan, given the ids of the deliverables whose files are in the payload. */
export function completeness(plan: ExitPlan, bundled: ReadonlySet<string>): Completeness {
  const missing = plan.deliverables
    .filter((d) => d.required && !bundled.has(d.id) && !isWaived(d))
    .map((d) => d.id);
  return {
    complete: missing.length === 0,
    missing,
  };
}

export interface Recipient {
  fingerprint: string;
  role?: Role;
  name?: string;
}

export interface ManifestInput {
  plan: ExitPlan;
  /** The plan file's name as the manifest records it (its base name), and the SHA-256 of its bytes. */
  planFile: string;
  planSha256: string;
  algorithm: DigestAlgorithm;
  /** Files in the payload by deliverable id, as measured while the archive was written. */
  payload: ReadonlyMap<string, ManifestFile[]>;
  tagFiles: ManifestFile[];
  created: Date;
  version: string;
  signer: string;
  recipients: Recipient[];
  /** The walk's findings by deliverable id, as they stood when it was bundled. */
  findings: ReadonlyMap<string, ManifestFinding[]>;
  /** Fingerprints of the parties' keys named in the plan. */
  partyFingerprints: Partial<Record<Role, string>>;
  archive?: Manifest['archive'];
  /** Delivery 2 and later: its number and the previous delivery's manifest (src/core/chain.ts). */
  delivery?: Manifest['delivery'];
  /** The deliverables earlier deliveries carried: completeness is judged over the chain. */
  deliveredBefore?: ReadonlySet<string>;
}

export function buildManifest(input: ManifestInput): Manifest {
  const { plan } = input;
  const deliverables: ManifestDeliverable[] = plan.deliverables.map((d) => {
    const files = input.payload.get(d.id) ?? [];
    return {
      id: d.id,
      title: d.title,
      category: d.category,
      required: d.required,
      status: d.status,
      ...(d.due ? { due: d.due } : {}),
      ...(d.waiver ? { waiver: d.waiver } : {}),
      delivered: input.payload.has(d.id),
      files,
      bytes: files.reduce((n, f) => n + f.size, 0),
      findings: input.findings.get(d.id) ?? [],
    };
  });
  const files = deliverables.reduce((n, d) => n + d.files.length, 0);
  const bytes = deliverables.reduce((n, d) => n + d.bytes, 0);
  const { complete, missing } = completeness(
    plan,
    new Set([...input.payload.keys(), ...(input.deliveredBefore ?? [])]),
  );
  const party = (role: Role, p: Party): ManifestParty => ({
    name: p.name,
    ...(p.contact ? { contact: p.contact } : {}),
    ...(input.partyFingerprints[role] ? { fingerprint: input.partyFingerprints[role] } : {}),
  });
  return {
    format: MANIFEST_FORMAT,
    plan: {
      id: plan.id,
      title: plan.title,
      file: input.planFile,
      sha256: input.planSha256,
      contract: plan.contract.reference,
    },
    parties: {
      client: party('client', plan.parties.client),
      outgoing: party('outgoing', plan.parties.outgoing),
      ...(plan.parties.incoming ? { incoming: party('incoming', plan.parties.incoming) } : {}),
    },
    created: input.created.toISOString(),
    ...(input.delivery ? { delivery: input.delivery } : {}),
    generator: { name: 'exitkit', version: input.version },
    algorithm: input.algorithm,
    signer: { fingerprint: input.signer },
    recipients: input.recipients,
    deliverables,
    tagFiles: input.tagFiles,
    payload: { files, bytes, oxum: payloadOxum(bytes, files) },
    complete,
    missing,
    ...(input.archive ? { archive: input.archive } : {}),
  };
}

/** The manifest as written: stable key order, two-space indent, a final newline. */
export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** bag-info.txt (RFC 8493 §2.2.2), with the exit's identity and the contract reference. */
export function bagInfo(opts: {
  plan: ExitPlan;
  bytes: number;
  files: number;
  created: Date;
  version: string;
}): string {
  const { plan } = opts;
  const outgoing = plan.parties.outgoing;
  const fields: Array<[string, string]> = [['Source-Organization', outgoing.name]];
  if (outgoing.contact && /@/.test(outgoing.contact)) fields.push(['Contact-Email', outgoing.contact]);
  fields.push(
    ['External-Identifier', plan.id],
    ['External-Description', plan.title],
    ['Contract-Reference', plan.contract.reference],
    ['Bagging-Date', opts.created.toISOString().slice(0, 10)],
    ['Payload-Oxum', payloadOxum(opts.bytes, opts.files)],
    ['Bag-Software-Agent', `exitkit ${opts.version}`],
  );
  return bagInfoTxt(fields);
}

/** A payload or tag manifest (RFC 8493 §2.1.3, §2.2.1), one line a file in the given order. */
export function manifestText(files: readonly ManifestFile[]): string {
  return files.map((f) => manifestLine(f.digest, f.path)).join('');
}
