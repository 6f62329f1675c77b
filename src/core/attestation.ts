/**
 * The deletion attestation (docs/FORMAT.md, "Deletion attestations: <id>.deletion.json";
 * `exitkit attest deletion`): after the data was returned, the outgoing provider states under its
 * own signature that it destroyed its copies (GDPR Art. 28(3)(g), nLPD, DORA Art. 30): the scope,
 * the method, the date, what it keeps and on which legal basis, and the delivery it follows, bound
 * by the SHA-256 of that delivery's manifest. Pure: what the attestation says, what makes one
 * acceptable to write, and what ties one to a plan and a delivery.
 */
import { english, say, type Messages, type Text } from './i18n/terminal/index.js';
import { ExitkitError } from './errors.js';
import type { Manifest } from './manifest.js';
import type { ExitPlan, IsoDate } from './plan.js';
import { isRealDate } from './plan-checks.js';
import { sameFingerprint } from './trust.js';

export const ATTESTATION_FORMAT = 'exitkit-deletion/1';

/** A data set the attestation covers: a deliverable of the plan, or one the provider named. */
export interface DataSet {
  title: string;
  /** The plan's deliverable id, when it is one. */
  deliverable?: string;
}

/** What the outgoing provider keeps by law, and the basis (e.g. invoices, ten years, CO art. 958f). */
export interface Retained {
  data: string;
  basis: string;
}

export interface DeletionAttestation {
  format: typeof ATTESTATION_FORMAT;
  plan: { id: string; title: string; contract: string };
  /** The delivery it follows: the manifest's base name, the SHA-256 of its bytes, when it was made. */
  manifest: { file: string; sha256: string; created: string; signer: string };
  scope: { systems: string[]; datasets: DataSet[] };
  method: string;
  /** The day the deletion was completed (YYYY-MM-DD). */
  date: IsoDate;
  /** Empty: nothing is kept. */
  retained: Retained[];
  signer: { fingerprint: string; name: string };
  /** When it was signed (ISO 8601, UTC). */
  signedAt: string;
  generator: { name: 'exitkit'; version: string };
}

export interface AttestationRequest {
  plan: ExitPlan;
  manifest: { file: string; sha256: string; manifest: Manifest };
  /** --system, --dataset (a deliverable id is replaced by that deliverable), --method. */
  systems: string[];
  datasets: string[];
  method: string;
  /** --date; default today. */
  date?: string | undefined;
  /** --retained and --basis, paired in order. */
  retained: string[];
  basis: string[];
  signer: { fingerprint: string; name: string };
  now: Date;
  version: string;
}

/** Checks what the outgoing provider asked to attest and makes the attestation; exit 2 when it cannot be attested. */
export function makeAttestation(r: AttestationRequest): DeletionAttestation {
  const today = r.now.toISOString().slice(0, 10);
  const created = r.manifest.manifest.created;
  const date = r.date ?? today;
  if (!isRealDate(date))
    throw new ExitkitError((m) => m.attest.badDate(date), {
      code: 'usage',
      hints: [(m) => m.attest.badDateHint],
    });
  if (date > today)
    throw new ExitkitError((m) => m.attest.futureDate(date), {
      code: 'usage',
      hints: [(m) => m.attest.futureDateHint],
    });
  if (date < created.slice(0, 10))
    throw new ExitkitError((m) => m.attest.beforeDelivery(date, created), {
      code: 'usage',
      hints: [(m) => m.attest.beforeDeliveryHint],
    });
  if (r.method.trim() === '')
    throw new ExitkitError((m) => m.attest.noMethod, {
      code: 'usage',
      hints: [(m) => m.attest.noMethodHint],
    });
  if (r.retained.length !== r.basis.length || [...r.retained, ...r.basis].some((x) => x.trim() === ''))
    throw new ExitkitError((m) => m.attest.unpaired(r.retained.length, r.basis.length), {
      code: 'usage',
      hints: [(m) => m.attest.unpairedHint],
    });
  const deliverables = new Map(r.plan.deliverables.map((d) => [d.id, d.title]));
  const datasets: DataSet[] = r.datasets.length
    ? r.datasets.map((x) =>
        deliverables.has(x) ? { title: deliverables.get(x)!, deliverable: x } : { title: x },
      )
    : r.plan.deliverables.map((d) => ({ title: d.title, deliverable: d.id }));
  const m = r.manifest.manifest;
  return {
    format: ATTESTATION_FORMAT,
    plan: { id: r.plan.id, title: r.plan.title, contract: r.plan.contract.reference },
    manifest: { file: r.manifest.file, sha256: r.manifest.sha256, created, signer: m.signer.fingerprint },
    scope: { systems: r.systems.map((s) => s.trim()).filter(Boolean), datasets },
    method: r.method.trim(),
    date,
    retained: r.retained.map((data, i) => ({ data: data.trim(), basis: r.basis[i]!.trim() })),
    signer: r.signer,
    signedAt: r.now.toISOString(),
    generator: { name: 'exitkit', version: r.version },
  };
}

/** Checks the shape of a parsed attestation; a problem in words (it names JSON fields), or null. */
export function attestationShapeProblem(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'it is not a JSON object';
  const a = raw as Partial<DeletionAttestation>;
  const text = (x: unknown) => typeof x === 'string';
  if (a.format !== ATTESTATION_FORMAT) return `its format is not "${ATTESTATION_FORMAT}"`;
  if (!text(a.plan?.id)) return 'plan.id is missing';
  if (!text(a.manifest?.sha256) || !text(a.manifest?.created) || !text(a.manifest?.file))
    return 'manifest {file, sha256, created} is missing';
  if (!Array.isArray(a.scope?.systems) || !Array.isArray(a.scope?.datasets)) return 'scope is missing';
  if (!text(a.method)) return 'method is missing';
  if (!text(a.date)) return 'date is missing';
  if (!Array.isArray(a.retained)) return 'retained is missing';
  if (!text(a.signer?.fingerprint)) return 'signer.fingerprint is missing';
  return null;
}

/** Why an attestation does not hold for this plan and this delivery, each named. */
export type AttestationFault =
  /** Its signature is not the outgoing key's: `keyId` made it (null: no readable signature). */
  | { kind: 'signature'; keyId: string | null; byOutgoing: boolean }
  | { kind: 'signer'; claimed: string; actual: string }
  | { kind: 'plan'; found: string; expected: string }
  /** It follows another delivery; `older` when that delivery was made before this one. */
  | { kind: 'delivery'; file: string; sha256: string; created: string; older: boolean }
  /** It is dated before the delivery it follows was made. */
  | { kind: 'before'; date: string; created: string };

export interface AttestationCheck {
  file: string;
  valid: boolean;
  /** The key that signed it, when it is the outgoing provider's key of the plan. */
  fingerprint: string | null;
  /** The outgoing provider's key the plan pins (what the signature was checked against). */
  outgoing: string;
  faults: AttestationFault[];
  attestation: DeletionAttestation;
}

/** What ties a signed attestation to the plan and to the delivery at hand (pure: the signature check comes in). */
export function attestationFaults(
  a: DeletionAttestation,
  sig: { valid: boolean; fingerprint: string | null; keyId: string | null },
  delivery: { planId: string; sha256: string; created: string },
): AttestationFault[] {
  const faults: AttestationFault[] = [];
  if (!sig.valid) faults.push({ kind: 'signature', keyId: sig.keyId, byOutgoing: sig.fingerprint !== null });
  else if (!sameFingerprint(a.signer.fingerprint, sig.fingerprint))
    faults.push({ kind: 'signer', claimed: a.signer.fingerprint, actual: sig.fingerprint ?? '' });
  if (a.plan.id !== delivery.planId)
    faults.push({ kind: 'plan', found: a.plan.id, expected: delivery.planId });
  if (a.manifest.sha256.toLowerCase() !== delivery.sha256.toLowerCase())
    faults.push({
      kind: 'delivery',
      file: a.manifest.file,
      sha256: a.manifest.sha256,
      created: a.manifest.created,
      older: a.manifest.created < delivery.created,
    });
  else if (a.date < delivery.created.slice(0, 10))
    faults.push({ kind: 'before', date: a.date, created: delivery.created });
  return faults;
}

/** A fault as documents name it (core/i18n `attestation.faults`). */
export function faultKind(f: AttestationFault): AttestationFault['kind'] | 'older' {
  return f.kind === 'delivery' && f.older ? 'older' : f.kind;
}

/** A fault in words, in the terminal's language. */
export function faultText(f: AttestationFault, outgoing: string): Text {
  switch (f.kind) {
    case 'signature':
      return f.byOutgoing ? (m) => m.attestation.tampered : (m) => m.attestation.otherKey(f.keyId, outgoing);
    case 'signer':
      return (m) => m.attestation.otherSigner(f.claimed, f.actual);
    case 'plan':
      return (m) => m.attestation.otherPlan(f.found, f.expected);
    case 'delivery':
      return f.older
        ? (m) => m.attestation.olderDelivery(f.file, f.created)
        : (m) => m.attestation.otherDelivery(f.file, f.sha256);
    case 'before':
      return (m) => m.attestation.datedBefore(f.date, f.created);
  }
}

/** The report line of a checked attestation and its faults, in the words of `m` (verify). */
export function describeAttestation(c: AttestationCheck, m: Messages): { line: string; faults: string[] } {
  const a = c.attestation;
  return {
    line: c.valid
      ? m.attestation.valid(c.file, a.date, a.method, c.fingerprint ?? '')
      : m.attestation.notValid(c.file),
    faults: c.faults.map((f) => m.attestation.fault(say(m, faultText(f, c.outgoing)))),
  };
}

/** The attestation as `--json` gives it (verify, compensation): what it says, and whether it holds, in English. */
export function attestationJson(c: AttestationCheck) {
  const a = c.attestation;
  return {
    file: c.file,
    valid: c.valid,
    fingerprint: c.fingerprint,
    planId: a.plan.id,
    manifest: { file: a.manifest.file, sha256: a.manifest.sha256 },
    scope: a.scope,
    method: a.method,
    date: a.date,
    retained: a.retained,
    signedAt: a.signedAt,
    faults: c.faults.map((f) => english(faultText(f, c.outgoing))),
  };
}
export type AttestationJson = ReturnType<typeof attestationJson>;
