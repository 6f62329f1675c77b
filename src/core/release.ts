/**
 * Release of the final payment (README.md, "The plan": the money; docs/FORMAT.md, `compensation --json`):
 * the client pays the held-back part only when every condition of the plan's `release_when`
 * holds, each judged from the evidence given, never from what a tool merely saw. Pure.
 *
 * A verification that did not decrypt the archive vouches for the signature and the archive's
 * digest, not for the content: it never satisfies `decrypted_verification`. The incoming
 * provider's signed receipt of a decrypting verification does, once checked against the plan's
 * incoming key (src/io/receipts.ts). A deletion attestation counts once checked against the
 * plan's outgoing key and the delivery at hand (src/io/attestation.ts).
 */
import { formatDate } from './dates.js';
import { say, words } from './i18n/index.js';
import type { DeliverableState } from './deliveries.js';
import type { Manifest, Verification } from './manifest.js';
import {
  RELEASE_CONDITIONS,
  ROLES,
  type ExitPlan,
  type IsoDate,
  type Language,
  type ReleaseCondition,
  type Role,
} from './plan.js';
import { countingReceipts } from './record.js';
import type { LiftedReserve, Reserve } from './reserves.js';
import { faultKind, type AttestationCheck, type AttestationFault } from './attestation.js';

/** One condition of `release_when`, met or not, and the evidence in words (`compensation --json`). */
export interface ConditionResult {
  id: ReleaseCondition;
  met: boolean;
  detail: string;
}

/** A receipt given with --receipt, as src/io/receipts.ts checked it. */
export interface ReceiptEvidence {
  file: string;
  /** Signed by the client's or the incoming provider's key in the plan, for this manifest. */
  valid: boolean;
  role: Role | null;
  fingerprint: string | null;
  /** When it was signed (ISO 8601). */
  date: string;
  /** The verification the receipt rests on. */
  verification: { ok: boolean; complete: boolean; decrypted: boolean; faults: string[] };
  /** Why it is not valid. */
  faults: string[];
  /** The reserves it records as open; null when the receipt has no reserves field at all. */
  reserves: Reserve[] | null;
  /** The reserves its party lifted, up to this receipt. */
  lifted: LiftedReserve[];
  /** Its place in its party's chain of receipts (1 for the first): the highest counts. */
  sequence: number;
}

/** A deletion attestation given with --attestation, as src/io/attestation.ts checked it. */
export type AttestationEvidence = AttestationCheck;

export interface ReleaseEvidence {
  plan: ExitPlan;
  manifest?: Manifest;
  verification?: Verification;
  receipts: readonly ReceiptEvidence[];
  attestation?: AttestationEvidence;
  states: ReadonlyMap<string, DeliverableState>;
  date: IsoDate;
  language: Language;
}

export function evaluateRelease(when: readonly ReleaseCondition[], e: ReleaseEvidence): ConditionResult[] {
  const w = releaseWords(e.language);
  const judge: Record<ReleaseCondition, () => { met: boolean; detail: string }> = {
    decrypted_verification: () => decryptedVerification(e, w),
    complete: () => complete(e, w),
    no_open_reserves: () => noOpenReserves(e, w),
    reversibility_ended: () => {
      const end = e.plan.contract.reversibility?.end ?? e.plan.contract.end;
      const met = e.date > end;
      return {
        met,
        detail: w.reversibility(met, formatDate(end, e.language), formatDate(e.date, e.language)),
      };
    },
    deletion_attested: () => deletionAttested(e, w),
    receipt_client: () => receiptOf('client', e, w),
    receipt_incoming: () => receiptOf('incoming', e, w),
  };
  return when.map((id) => ({ id, ...judge[id]() }));
}

/** What keeps a decrypting verification from vouching for the content. */
export interface DecryptionFaults {
  signature: boolean;
  archive: boolean;
  integrity: boolean;
  /** Bag paths altered, missing, truncated, extra or unsafe. */
  files: string[];
  /** Fewer files re-hashed than the signed payload holds: [re-hashed, in the payload]. */
  partial?: [number, number];
}

/**
 * Why a verification that decrypted the archive does not vouch for every file (nothing when it
 * does), or null when it did not decrypt. "Every file" is checked against the manifest when it is
 * given: fewer files re-hashed than the payload holds is not a verification of the content.
 */
export function decryptionFaults(v: Verification, manifest?: Manifest): DecryptionFaults | null {
  if (!v.decrypted || !v.files) return null;
  const f = v.files;
  return {
    signature: !v.signature.valid,
    archive: !v.archive.ok,
    integrity: v.integrity === false,
    files: [...f.altered, ...f.missing, ...f.truncated, ...f.extra, ...f.unsafe],
    ...(manifest && f.checked < manifest.payload.files
      ? { partial: [f.checked, manifest.payload.files] as [number, number] }
      : {}),
  };
}

const holds = (f: DecryptionFaults) =>
  f.signature || f.archive || f.integrity || f.files.length > 0 || !!f.partial;

type Words = ReturnType<typeof releaseWords>;

function decryptedVerification(e: ReleaseEvidence, w: Words): { met: boolean; detail: string } {
  const v = e.verification;
  const faults = v ? decryptionFaults(v, e.manifest) : null;
  if (v && faults && !holds(faults))
    return { met: true, detail: w.decrypted(v.files!.checked, formatDate(v.verifiedAt, e.language)) };
  const incoming = e.receipts.filter((r) => r.role === 'incoming' && r.valid);
  const vouching = incoming.find((r) => r.verification.decrypted && r.verification.ok);
  const name = e.plan.parties.incoming?.name ?? w.incoming;
  if (vouching)
    return {
      met: true,
      detail: w.incomingReceipt(name, formatDate(vouching.date, e.language), vouching.fingerprint ?? ''),
    };
  const why: string[] = [];
  if (!v) why.push(w.noVerification);
  else if (faults === null) why.push(w.keyless);
  else why.push(w.decryptedFaults(faults));
  for (const r of incoming)
    why.push(r.verification.decrypted ? w.incomingNotOk(name) : w.incomingKeyless(name));
  if (!v && incoming.length === 0) why.push(w.howToDecrypt);
  return { met: false, detail: why.join(w.and) };
}

function complete(e: ReleaseEvidence, w: Words): { met: boolean; detail: string } {
  if (!e.verification && !e.manifest) return { met: false, detail: w.nothingHandedOver };
  const source = e.verification ? w.perVerification : w.perManifest;
  // Every required deliverable the evidence shows missing, whoever owes it, with its owner.
  const owners = new Map(e.plan.deliverables.map((d) => [d.id, d.owner]));
  const ids = new Set([
    ...e.plan.deliverables.filter((d) => e.states.get(d.id)?.missing).map((d) => d.id),
    ...(e.verification?.missing ?? []),
  ]);
  const missing = [...ids].map((id) => (owners.has(id) ? `${id} (${w.owner[owners.get(id)!]})` : id));
  if (missing.length) return { met: false, detail: w.missing(list(missing), source) };
  if (e.verification && !e.verification.complete) return { met: false, detail: w.verificationIncomplete };
  return { met: true, detail: w.complete(source) };
}

function noOpenReserves(e: ReleaseEvidence, w: Words): { met: boolean; detail: string } {
  if (e.receipts.length === 0) return { met: true, detail: w.noReceiptNoReserve };
  // The latest receipt of each party counts (src/core/record.ts): the checklist reads the same.
  const { latest, invalid } = countingReceipts(e.receipts);
  if (invalid.length) return { met: false, detail: w.reservesUnknown(list(invalid.map((r) => r.file))) };
  const open = latest.flatMap((r) => r.reserves ?? []);
  if (open.length)
    return {
      met: false,
      detail: w.openReserves(
        list(
          open.map((r) => `${r.id}${w.colon}${r.text}${r.due ? ` (${formatDate(r.due, e.language)})` : ''}`),
        ),
      ),
    };
  return { met: true, detail: w.noReserve(list(latest.map((r) => w.owner[r.role ?? 'client']))) };
}

function deletionAttested(e: ReleaseEvidence, w: Words): { met: boolean; detail: string } {
  const a = e.attestation;
  if (!a) return { met: false, detail: w.noAttestation };
  if (!a.valid) return { met: false, detail: w.attestationInvalid(a.file, a.faults) };
  const name = e.plan.parties.outgoing?.name ?? w.owner.outgoing;
  return {
    met: true,
    detail: w.attested(
      name,
      formatDate(a.attestation.date, e.language),
      a.attestation.method,
      a.fingerprint ?? '',
    ),
  };
}

function receiptOf(
  role: 'client' | 'incoming',
  e: ReleaseEvidence,
  w: Words,
): { met: boolean; detail: string } {
  const name = e.plan.parties[role]?.name ?? w.owner[role];
  const mine = e.receipts.filter((r) => r.role === role && r.valid);
  const good = mine.find((r) => r.verification.ok);
  if (good)
    return {
      met: true,
      detail: w.receiptSigned(name, formatDate(good.date, e.language), good.fingerprint ?? ''),
    };
  if (mine.length) return { met: false, detail: w.receiptNotOk(name) };
  const invalid = e.receipts.filter((r) => !r.valid);
  return {
    met: false,
    detail: invalid.length
      ? w.receiptInvalid(name, list(invalid.map((r) => `${r.file}${w.colon}${r.faults.join(', ')}`)))
      : w.noReceipt(name),
  };
}

const list = (items: string[], max = 5) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} (+${items.length - max})`;
const short = (fpr: string) => (fpr.length > 16 ? `…${fpr.slice(-16)}` : fpr);

/** The conditions' names and evidence in words, from the document language's catalog. */
export function releaseWords(lang: Language) {
  const t = words(lang);
  return {
    labels: Object.fromEntries(
      RELEASE_CONDITIONS.map((k) => [k, t.compensation.conditions.labels[k]]),
    ) as Record<ReleaseCondition, string>,
    owner: Object.fromEntries(ROLES.map((r) => [r, t.compensation.conditions.owners[r]])) as Record<
      Role,
      string
    >,
    incoming: words(lang).roles.incoming,
    colon: t.colon,
    decrypted: (n: number, when: string) =>
      say(lang, t.compensation.conditions.decrypted, { count: n, date: when }),
    incomingReceipt: (name: string, when: string, fpr: string) =>
      say(lang, t.compensation.conditions.incomingReceipt, { name, date: when, key: short(fpr) }),
    noVerification: t.compensation.conditions.noVerification,
    keyless: t.compensation.conditions.keyless,
    decryptedFaults: (f: DecryptionFaults) =>
      say(lang, t.compensation.conditions.decryptedFaults, {
        faults: [
          ...(f.signature ? [t.compensation.conditions.badSignature] : []),
          ...(f.archive ? [t.compensation.conditions.badArchive] : []),
          ...(f.integrity ? [t.compensation.conditions.badIntegrity] : []),
          ...(f.files.length
            ? [say(lang, t.compensation.conditions.badFiles, { paths: list(f.files, 3) })]
            : []),
          ...(f.partial
            ? [say(lang, t.compensation.conditions.partial, { checked: f.partial[0], total: f.partial[1] })]
            : []),
        ].join(t.compensation.conditions.and),
      }),
    incomingKeyless: (name: string) => say(lang, t.compensation.conditions.incomingKeyless, { name }),
    incomingNotOk: (name: string) => say(lang, t.compensation.conditions.incomingNotOk, { name }),
    howToDecrypt: t.compensation.conditions.howToDecrypt,
    nothingHandedOver: t.compensation.conditions.nothingHandedOver,
    perVerification: t.compensation.conditions.perVerification,
    perManifest: t.compensation.conditions.perManifest,
    missing: (ids: string, source: string) => say(lang, t.compensation.conditions.missing, { ids, source }),
    verificationIncomplete: t.compensation.conditions.verificationIncomplete,
    complete: (source: string) => say(lang, t.compensation.conditions.complete, { source }),
    noReceiptNoReserve: t.compensation.conditions.noReceiptNoReserve,
    reservesUnknown: (files: string) => say(lang, t.compensation.conditions.reservesUnknown, { files }),
    openReserves: (items: string) => say(lang, t.compensation.conditions.openReserves, { items }),
    noReserve: (who: string) => say(lang, t.compensation.conditions.noReserve, { who }),
    reversibility: (met: boolean, end: string, date: string) =>
      say(
        lang,
        met ? t.compensation.conditions.reversibilityEnded : t.compensation.conditions.reversibilityRunning,
        { end, date },
      ),
    noAttestation: t.compensation.conditions.noAttestation,
    attestationInvalid: (file: string, faults: readonly AttestationFault[]) =>
      say(lang, t.compensation.conditions.attestationInvalid, {
        file,
        faults: [...new Set(faults.map((f) => t.attestation.faults[faultKind(f)]))].join(
          t.compensation.conditions.and,
        ),
      }),
    attested: (name: string, when: string, method: string, fpr: string) =>
      say(lang, t.compensation.conditions.attested, { name, date: when, method, key: short(fpr) }),
    receiptSigned: (name: string, when: string, fpr: string) =>
      say(lang, t.compensation.conditions.receiptSigned, { name, date: when, key: short(fpr) }),
    receiptNotOk: (name: string) => say(lang, t.compensation.conditions.receiptNotOk, { name }),
    receiptInvalid: (name: string, what: string) =>
      say(lang, t.compensation.conditions.receiptInvalid, { name, what }),
    noReceipt: (name: string) => say(lang, t.compensation.conditions.noReceipt, { name }),
    /** Between the reasons of one condition's detail. */
    and: t.compensation.conditions.and,
  };
}
