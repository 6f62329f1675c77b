/**
 * Release of the final payment (README.md, "The plan": the money; docs/FORMAT.md, `compensation --json`):
 * the client pays the held-back part only when every condition of the plan's `release_when`
 * holds, each judged from the evidence given, never from what a tool merely saw. Pure.
 *
 * A verification that did not decrypt the archive vouches for the signature and the archive's
 * digest, not for the content: it never satisfies `decrypted_verification`. The incoming
 * provider's signed receipt of a decrypting verification does, once checked against the plan's
 * incoming key (src/io/receipts.ts). Evidence this version does not produce (deletion
 * attestations) is never taken as given.
 */
import { formatDate } from './dates.js';
import type { DeliverableState } from './deliveries.js';
import type { Manifest, Verification } from './manifest.js';
import type { ExitPlan, IsoDate, Language, ReleaseCondition, Role } from './plan.js';
import type { Reserve } from './receipt.js';

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
}

/** A deletion attestation given with --attestation. */
export interface AttestationEvidence {
  file: string;
  /** This version neither writes nor checks attestations: one given is named, never believed. */
  checked: false;
}

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
  const w = RELEASE_WORDS[e.language];
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
    deletion_attested: () => ({
      met: false,
      detail: e.attestation ? w.attestationUnchecked(e.attestation.file) : w.noAttestation,
    }),
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

type Words = (typeof RELEASE_WORDS)[Language];

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
  return { met: false, detail: why.join('; ') };
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
  const invalid = e.receipts.filter((r) => !r.valid);
  if (invalid.length) return { met: false, detail: w.reservesUnknown(list(invalid.map((r) => r.file))) };
  const open = e.receipts.flatMap((r) => r.reserves ?? []);
  if (open.length)
    return {
      met: false,
      detail: w.openReserves(
        list(open.map((r) => `${r.id}: ${r.text}${r.due ? ` (${formatDate(r.due, e.language)})` : ''}`)),
      ),
    };
  return { met: true, detail: w.noReserve(list(e.receipts.map((r) => w.owner[r.role ?? 'client']))) };
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
      ? w.receiptInvalid(name, list(invalid.map((r) => `${r.file}: ${r.faults.join(', ')}`)))
      : w.noReceipt(name),
  };
}

const list = (items: string[], max = 5) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} (+${items.length - max})`;
const short = (fpr: string) => (fpr.length > 16 ? `…${fpr.slice(-16)}` : fpr);

/** The conditions' names and evidence in words, in each document language. */
export const RELEASE_WORDS = {
  en: {
    labels: {
      decrypted_verification: 'a verification that decrypted and re-hashed every file',
      complete: 'the handover is complete',
      no_open_reserves: 'no open reserve',
      reversibility_ended: 'the reversibility period has ended',
      deletion_attested: 'the deletion of the data is attested',
      receipt_client: 'the client’s signed receipt',
      receipt_incoming: 'the incoming provider’s signed receipt',
    } as Record<ReleaseCondition, string>,
    owner: { client: 'client', outgoing: 'outgoing provider', incoming: 'incoming provider' } as Record<
      Role,
      string
    >,
    incoming: 'the incoming provider',
    decrypted: (n: number, when: string) =>
      `the verification of ${when} decrypted the archive and re-hashed every file (${n}): all intact, signature and archive digest valid`,
    incomingReceipt: (name: string, when: string, fpr: string) =>
      `${name} signed on ${when} (key ${short(fpr)}) a receipt of a verification that decrypted the archive and re-hashed every file`,
    noVerification: 'no verification given',
    keyless:
      "the verification given did not decrypt the archive: it vouches for the signature and the archive's digest, not for the content",
    decryptedFaults: (f: DecryptionFaults) =>
      `the decrypting verification did not hold: ${[
        ...(f.signature ? ["the manifest's signature is not valid"] : []),
        ...(f.archive ? ['the archive does not match the manifest'] : []),
        ...(f.integrity ? ['the OpenPGP integrity check failed'] : []),
        ...(f.files.length ? [`files altered, missing or unexpected: ${list(f.files, 3)}`] : []),
        ...(f.partial ? [`${f.partial[0]} of ${f.partial[1]} files re-hashed`] : []),
      ].join('; ')}`,
    incomingKeyless: (name: string) => `the receipt of ${name} rests on a verification that did not decrypt`,
    incomingNotOk: (name: string) =>
      `the receipt of ${name} records a decrypting verification that did not hold`,
    howToDecrypt:
      "give --verification (what `exitkit verify --decryption-key KEY --json` wrote) or the incoming provider's receipt (--receipt)",
    nothingHandedOver:
      'no manifest or verification given: nothing shows what was handed over (the plan’s statuses are not evidence)',
    perVerification: 'per the verification',
    perManifest: 'per the manifest, not verified here',
    missing: (ids: string, source: string) => `not handed over intact nor waived (${source}): ${ids}`,
    verificationIncomplete: 'the verification found the handover incomplete',
    complete: (source: string) => `every required deliverable was handed over intact or waived (${source})`,
    noReceiptNoReserve: 'no receipt given: no reserve known',
    reservesUnknown: (files: string) => `cannot tell: the receipt ${files} does not hold`,
    openReserves: (items: string) => `open reserves: ${items}`,
    noReserve: (who: string) => `the receipts given (${who}) record no open reserve`,
    reversibility: (met: boolean, end: string, date: string) =>
      met
        ? `the reversibility period ended on ${end}`
        : `the reversibility period ends on ${end}; this statement is of ${date}`,
    noAttestation: 'no deletion attestation given (--attestation)',
    attestationUnchecked: (file: string) =>
      `deletion attestations are not produced or checked by this version of exitkit: ${file} is not taken as evidence`,
    receiptSigned: (name: string, when: string, fpr: string) =>
      `${name} signed a receipt on ${when} (key ${short(fpr)}) for this manifest and archive`,
    receiptNotOk: (name: string) => `the receipt of ${name} records a verdict that is not OK`,
    receiptInvalid: (name: string, what: string) => `no valid receipt of ${name}: ${what}`,
    noReceipt: (name: string) => `no receipt of ${name} given (--receipt)`,
  },
  fr: {
    labels: {
      decrypted_verification: 'une vérification qui a déchiffré et recalculé chaque fichier',
      complete: 'la remise est complète',
      no_open_reserves: 'aucune réserve ouverte',
      reversibility_ended: 'la période de réversibilité a pris fin',
      deletion_attested: 'la suppression des données est attestée',
      receipt_client: 'l’accusé de réception signé du client',
      receipt_incoming: 'l’accusé de réception signé du prestataire entrant',
    } as Record<ReleaseCondition, string>,
    owner: { client: 'client', outgoing: 'prestataire sortant', incoming: 'prestataire entrant' } as Record<
      Role,
      string
    >,
    incoming: 'le prestataire entrant',
    decrypted: (n: number, when: string) =>
      `la vérification du ${when} a déchiffré l’archive et recalculé l’empreinte de chaque fichier (${n})\u00a0: tous intacts, signature et empreinte de l’archive valables`,
    incomingReceipt: (name: string, when: string, fpr: string) =>
      `${name} a signé le ${when} (clé ${short(fpr)}) un accusé de réception d’une vérification qui a déchiffré l’archive et recalculé l’empreinte de chaque fichier`,
    noVerification: 'aucune vérification fournie',
    keyless:
      'la vérification fournie n’a pas déchiffré l’archive\u00a0: elle atteste la signature et l’empreinte de l’archive, pas son contenu',
    decryptedFaults: (f: DecryptionFaults) =>
      `la vérification avec déchiffrement n’est pas concluante\u00a0: ${[
        ...(f.signature ? ['la signature du manifeste n’est pas valable'] : []),
        ...(f.archive ? ['l’archive ne correspond pas au manifeste'] : []),
        ...(f.integrity ? ['le contrôle d’intégrité OpenPGP a échoué'] : []),
        ...(f.files.length ? [`fichiers altérés, manquants ou inattendus\u00a0: ${list(f.files, 3)}`] : []),
        ...(f.partial ? [`${f.partial[0]} fichiers recalculés sur ${f.partial[1]}`] : []),
      ].join('\u202f; ')}`,
    incomingKeyless: (name: string) =>
      `l’accusé de réception de ${name} repose sur une vérification sans déchiffrement`,
    incomingNotOk: (name: string) =>
      `l’accusé de réception de ${name} consigne une vérification avec déchiffrement non concluante`,
    howToDecrypt:
      'fournissez --verification (ce qu’écrit `exitkit verify --decryption-key CLÉ --json`) ou l’accusé de réception du prestataire entrant (--receipt)',
    nothingHandedOver:
      'ni manifeste ni vérification fournis\u00a0: rien n’établit ce qui a été remis (les statuts du plan ne sont pas une preuve)',
    perVerification: 'selon la vérification',
    perManifest: 'selon le manifeste, non vérifié ici',
    missing: (ids: string, source: string) => `ni remis intacts ni dispensés (${source})\u00a0: ${ids}`,
    verificationIncomplete: 'la vérification a constaté une remise incomplète',
    complete: (source: string) => `chaque livrable obligatoire a été remis intact ou dispensé (${source})`,
    noReceiptNoReserve: 'aucun accusé de réception fourni\u00a0: aucune réserve connue',
    reservesUnknown: (files: string) =>
      `impossible de le dire\u00a0: l’accusé de réception ${files} n’est pas valable`,
    openReserves: (items: string) => `réserves ouvertes\u00a0: ${items}`,
    noReserve: (who: string) =>
      `les accusés de réception fournis (${who}) ne consignent aucune réserve ouverte`,
    reversibility: (met: boolean, end: string, date: string) =>
      met
        ? `la période de réversibilité a pris fin le ${end}`
        : `la période de réversibilité prend fin le ${end}\u00a0; ce décompte est du ${date}`,
    noAttestation: 'aucune attestation de suppression fournie (--attestation)',
    attestationUnchecked: (file: string) =>
      `cette version d’exitkit ne produit ni ne contrôle d’attestation de suppression\u00a0: ${file} n’est pas retenu comme preuve`,
    receiptSigned: (name: string, when: string, fpr: string) =>
      `${name} a signé un accusé de réception le ${when} (clé ${short(fpr)}) pour ce manifeste et cette archive`,
    receiptNotOk: (name: string) => `l’accusé de réception de ${name} consigne un verdict non conforme`,
    receiptInvalid: (name: string, what: string) =>
      `aucun accusé de réception valable de ${name}\u00a0: ${what}`,
    noReceipt: (name: string) => `aucun accusé de réception de ${name} fourni (--receipt)`,
  },
};
