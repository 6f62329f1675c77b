/**
 * Reading, checking and writing receipts: one chain per party (<id>.receipt.client.json and
 * <id>.receipt.incoming.json, the latest; <id>.receipt.client.1.json… the ones they superseded),
 * each with its armored signature .asc. A receipt is accepted only when signed by the key the plan
 * gives to the role it claims, for the manifest and archive at hand, with every earlier link of
 * its chain present, unaltered and signed by the same party.
 */
import { english, say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError } from '../core/errors.js';
import type { Manifest, Verification } from '../core/manifest.js';
import type { Role } from '../core/plan.js';
import {
  makeReceipt,
  RECEIPT_FORMAT,
  receiptBindingFaults,
  receiptShapeProblem,
  type Receipt,
} from '../core/receipt.js';
import {
  chainedReceiptFileName,
  nextStanding,
  receiptFileName,
  standingOf,
  type AcknowledgingRole,
  type LiftedReserve,
  type Reserve,
  type ReserveRequest,
} from '../core/reserves.js';
import { parseStrictJson } from '../core/strict-json.js';
import { writeFilesAtomically } from './atomic.js';
import { sameFingerprint } from '../core/trust.js';
import {
  assertCanSign,
  fingerprintOf,
  readPrivateKeyFile,
  type PassphraseSource,
  type PrivateKey,
} from './openpgp/keys.js';
import { signedJson, verifyDetached } from './openpgp/signatures.js';
import { acknowledgingParty, partyKey, receiptSigners } from './trust.js';
import type { Key } from './openpgp/keys.js';
import { readVerificationFile } from './verification.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import {
  parseManifestBytes,
  planOf,
  readManifestBytes,
  readSignatureFile,
  readSignedManifest,
  runVerification,
  sha256,
  unsignedManifest,
  type ReadManifest,
} from './verify.js';

const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

export interface ReceiptCheck {
  file: string;
  valid: boolean;
  fingerprint: string | null;
  role: Role | null;
  date: string;
  verdict: { ok: boolean; complete: boolean; missing: string[]; decrypted: boolean; faults: string[] };
  /** The open reserves it records; null when it has no reserves list (a receipt of exitkit 0.1). */
  reserves: Reserve[] | null;
  /** The reserves its party lifted. */
  lifted: LiftedReserve[];
  /** Its place in its party's chain (1 for the first), and how many earlier links were checked. */
  sequence: number;
  chain: number;
  faults: string[];
  /** The report lines (not part of the JSON contract). */
  lines: string[];
}

/** A receipt checked: `said` holds its line and faults as Texts, for the terminal's language. */
export interface CheckedReceipt extends ReceiptCheck {
  said: { lines: Text[]; faults: Text[] };
}

export interface AcknowledgeRequest {
  manifest: string;
  signingKey: string;
  passphrase: PassphraseSource;
  /** What `verify --json` wrote for this manifest; else a verification is run now with `plan`. */
  verification?: string | undefined;
  /** Gives the signer's role (it must be the client or the incoming provider). */
  plan?: string | undefined;
  /** Folder for the receipt; default: beside the manifest. */
  out?: string | undefined;
  /** Reserves to open (`--reserve`, `--due`, `--deliverable`) and to lift (`--lift`). */
  reserve: ReserveRequest;
  /** exitkit's version, recorded in the receipt. */
  version: string;
}

/**
 * `exitkit acknowledge`: the manifest read as verify reads it (a size cap, then its signature
 * over its bytes, then the strict parse; never parsed when the signature does not hold), the
 * verdict, the signer's role, the receipt signed and written.
 */
export async function acknowledge(o: AcknowledgeRequest): Promise<{ receipt: Receipt; files: ReceiptFiles }> {
  // The plan names the party (the receipt's file is named after its role) and pins its key.
  if (!o.plan)
    throw new ExitkitError((m) => m.receipt.needsPlanToAcknowledge, {
      code: 'usage',
      hints: [(m) => m.receipt.needsPlanToAcknowledgeHint],
    });
  const { read, verification, plan } = await acknowledgedManifest({ ...o, plan: o.plan });

  const key = await readPrivateKeyFile(o.signingKey, o.passphrase);
  await assertCanSign(key, o.signingKey);
  const fingerprint = fingerprintOf(key);
  const { role, name } = await acknowledgingParty(plan, fingerprint);
  const party = role as AcknowledgingRole;
  const outDir = o.out ?? path.dirname(o.manifest);
  const file = path.join(outDir, receiptFileName(read.manifest.plan.id, party));
  const previous = await previousReceipt(file, plan, party);
  const now = new Date();
  const standing = nextStanding(previous?.standing ?? null, o.reserve, {
    role: party,
    deliverables: plan.plan.deliverables.map((d) => d.id),
    now,
  });
  const receipt = makeReceipt({
    manifestFile: path.basename(o.manifest),
    manifestSha256: read.sha256,
    manifest: read.manifest,
    verification,
    signer: { fingerprint, role: party, name },
    standing,
    previous: previous
      ? {
          sequence: previous.sequence,
          file: chainedReceiptFileName(read.manifest.plan.id, party, previous.sequence),
          sha256: previous.sha256,
        }
      : null,
    now,
    version: o.version,
  });
  const files = await writeReceipt(receipt, key, file, previous);
  return { receipt, files };
}

export interface ReceiptFiles {
  json: string;
  signature: string;
  /** The party's receipt this one superseded, kept under its chained name. */
  previous?: string;
}

/** The party's latest receipt, when there is one: it must be a valid receipt of that party. */
async function previousReceipt(
  file: string,
  plan: LoadedPlan,
  role: AcknowledgingRole,
): Promise<
  | {
      bytes: Buffer;
      signature: string;
      sha256: string;
      sequence: number;
      standing: ReturnType<typeof standingOf>;
    }
  | undefined
> {
  if (!(await stat(file).catch(() => null))) return undefined;
  let link: Link;
  try {
    link = await readLink(file, await receiptSigners(plan));
  } catch (e) {
    if (!(e instanceof ExitkitError)) throw e;
    throw new ExitkitError((m) => m.receipt.previousInvalid(file, say(m, e.text)), {
      hints: [(m) => m.receipt.previousInvalidHint],
    });
  }
  const faults = [...link.faults];
  if (link.by && link.by.role !== role) faults.push((m) => m.receipt.otherParty(m.role[link.by!.role]));
  if (faults.length)
    throw new ExitkitError((m) => m.receipt.previousInvalid(file, m.clauses(faults.map((f) => say(m, f)))), {
      hints: [(m) => m.receipt.previousInvalidHint],
    });
  return {
    bytes: link.bytes,
    signature: link.signature,
    sha256: sha256(link.bytes),
    sequence: link.receipt.format === RECEIPT_FORMAT ? link.receipt.sequence : 1,
    standing: standingOf(link.receipt),
  };
}

/**
 * The manifest acknowledged, and the verdict the receipt rests on. When the plan gives the
 * outgoing provider's key, the signature is checked against it (by verify's own reader, or by the
 * verification run now); else nothing pins the signer here: the verification does, for these
 * exact bytes (their SHA-256, compared before any parse), and it must say that the signature held.
 */
async function acknowledgedManifest(o: AcknowledgeRequest & { plan: string }): Promise<{
  read: { sha256: string; manifest: Manifest };
  verification: Verification;
  plan: LoadedPlan;
}> {
  if (!o.verification) {
    const outcome = await runVerification({ manifest: o.manifest, plan: o.plan, unsigned: 'refuse' });
    const { verification, manifest, plan } = outcome;
    return { read: { sha256: verification.manifest.sha256, manifest }, verification, plan: plan! };
  }
  const bytes = await readManifestBytes(o.manifest);
  const digest = { file: o.manifest, sha256: sha256(bytes) };
  const loaded = await loadPlan(o.plan);
  const signer = await partyKey(loaded, 'outgoing');
  let read: ReadManifest;
  let verification: Verification;
  if (signer) {
    ({ read } = await readSignedManifest(o.manifest, bytes, signer, 'refuse'));
    verification = await readVerificationFile(o.verification, digest);
  } else {
    // A plan without the outgoing provider's key: the verification vouches for these exact bytes.
    verification = await readVerificationFile(o.verification, digest);
    // Its reason is in the verification's (English) words: not repeated here.
    if (!verification.signature.valid) throw unsignedManifest(o.manifest, undefined);
    read = parseManifestBytes(o.manifest, bytes);
  }
  return { read, verification, plan: planOf(o.plan, loaded, read.manifest) };
}

export async function checkReceipt(opts: {
  file: string;
  manifestSha256: string;
  manifest: Manifest;
  plan?: LoadedPlan;
}): Promise<CheckedReceipt> {
  if (!opts.plan)
    throw new ExitkitError((m) => m.receipt.needsPlan, {
      code: 'signer_not_pinned',
      hints: [(m) => m.receipt.needsPlanHint],
    });
  const plan = opts.plan;
  const signers = await receiptSigners(plan);
  if (signers.length === 0)
    throw new ExitkitError((m) => m.receipt.noSigners(plan.file), {
      code: 'signer_not_pinned',
      hints: [(m) => m.receipt.noSignersHint],
    });
  const link = await readLink(opts.file, signers);
  const r = link.receipt;
  const faults: Text[] = [...link.faults, ...receiptBindingFaults(r, opts.manifestSha256, opts.manifest)];
  // The earlier links, signed by the same party's key only.
  const chain = await followChain(
    link,
    link.by ? signers.filter((x) => x.role === link.by!.role) : [],
    faults,
  );
  const standing = standingOf(r);
  const valid = faults.length === 0;
  const v = r.verification;
  const { file } = opts;
  const by = link.by;
  const lines: Text[] = valid
    ? [
        (m) =>
          m.receipt.valid(file, r.date, by ? m.role[by.role] : '?', link.fingerprint ?? '', v.ok, v.missing),
        ...(chain ? [(m: Messages) => m.receipt.chained(chain)] : []),
        ...(standing?.reserves ?? []).map(
          (x): Text =>
            (m) =>
              m.receipt.reserveOpen(x.id, x.text, x.deliverable, x.due),
        ),
        ...(standing?.lifted ?? []).map(
          (x): Text =>
            (m) =>
              m.receipt.reserveLifted(x.id, x.text, x.lifted),
        ),
      ]
    : [(m) => m.receipt.notValidLine(file)];
  return {
    file,
    valid,
    fingerprint: link.fingerprint,
    role: by?.role ?? null,
    date: r.date,
    verdict: {
      ok: v.ok,
      complete: v.complete,
      missing: v.missing,
      decrypted: v.decrypted === true,
      faults: Array.isArray(v.faults) ? v.faults : [],
    },
    reserves: standing?.reserves ?? null,
    lifted: standing?.lifted ?? [],
    sequence: r.format === RECEIPT_FORMAT ? r.sequence : 1,
    chain,
    faults: faults.map(english),
    lines: lines.map(english),
    said: { lines, faults },
  };
}

/** A receipt file read: its signature checked against the parties' keys before it is parsed. */
interface Link {
  file: string;
  bytes: Buffer;
  signature: string;
  receipt: Receipt;
  /** The party whose key made a valid signature, if any. */
  by?: { role: Role; key: Key };
  fingerprint: string | null;
  faults: Text[];
}

/** A size cap, then the signature over the bytes, then the strict parse (as for the manifest). */
async function readLink(file: string, signers: Array<{ role: Role; key: Key }>): Promise<Link> {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError((m) => m.receipt.noSuchFile(file), {
      code: 'file_access',
      hints: [(m) => m.receipt.noSuchFileHint],
    });
  if (info.size > MAX_RECEIPT_BYTES) throw new ExitkitError((m) => m.receipt.tooLarge(file));
  const bytes = await readFile(file);
  const signature = await readSignatureFile(`${file}.asc`, 'receipt');
  const sig = await verifyDetached(
    bytes,
    signature,
    signers.map((x) => x.key),
  );
  let raw: unknown;
  try {
    raw = parseStrictJson(bytes.toString('utf8'));
  } catch {
    throw new ExitkitError((m) => m.receipt.notJson(file));
  }
  const problem = receiptShapeProblem(raw);
  if (problem) throw new ExitkitError((m) => m.receipt.unreadable(file, say(m, problem)));
  const r = raw as Receipt;
  const by = sig.valid
    ? signers.find((x) => sameFingerprint(fingerprintOf(x.key), sig.fingerprint))
    : undefined;
  const faults: Text[] = [];
  const reason = sig.reason;
  if (!sig.valid)
    faults.push(
      sig.fingerprint === null
        ? (m) => m.receipt.notByParty(reason === undefined ? m.receipt.unknownKey : say(m, reason))
        : (m) => m.receipt.notValid(reason === undefined ? m.receipt.doesNotMatch : say(m, reason)),
    );
  else if (!sameFingerprint(r.signer.fingerprint, sig.fingerprint))
    faults.push((m) => m.receipt.otherSigner(r.signer.fingerprint, sig.fingerprint ?? ''));
  else if (by && r.signer.role && r.signer.role !== by.role) {
    const claimed = r.signer.role;
    faults.push((m) => m.receipt.otherRoleClaim(m.role[claimed], m.role[by.role]));
  }
  return { file, bytes, signature, receipt: r, ...(by ? { by } : {}), fingerprint: sig.fingerprint, faults };
}

/** No party acknowledges a handover this many times: a longer chain is not one exitkit wrote. */
const MAX_CHAIN = 1000;

/**
 * Follows a receipt's chain back to the party's first receipt: every earlier link present beside
 * it, with the SHA-256 the later one recorded, signed by the same party, numbered in order. The
 * faults are added to `faults`; returns how many earlier links were read.
 */
async function followChain(
  latest: Link,
  signers: Array<{ role: Role; key: Key }>,
  faults: Text[],
): Promise<number> {
  let current = latest;
  let n = 0;
  for (;;) {
    const r = current.receipt;
    if (r.format !== RECEIPT_FORMAT || !r.previous) {
      if (r.format === RECEIPT_FORMAT && r.sequence !== 1) {
        const at = current.file;
        faults.push((m) => m.receipt.chainStart(at, r.sequence));
      }
      return n;
    }
    const name = r.previous.file;
    if (name !== path.basename(name) || ++n > MAX_CHAIN) {
      faults.push((m) => m.receipt.chainBadLink(name));
      return n;
    }
    const file = path.join(path.dirname(current.file), name);
    let next: Link;
    try {
      next = await readLink(file, signers);
    } catch (e) {
      if (!(e instanceof ExitkitError)) throw e;
      faults.push((m) => m.receipt.chainUnreadable(name, say(m, e.text)));
      return n;
    }
    if (sha256(next.bytes) !== r.previous.sha256) {
      faults.push((m) => m.receipt.chainAltered(name));
      return n;
    }
    for (const f of next.faults) faults.push((m) => m.receipt.chainLink(name, say(m, f)));
    const seq = next.receipt.format === RECEIPT_FORMAT ? next.receipt.sequence : 1;
    if (seq !== r.sequence - 1) faults.push((m) => m.receipt.chainOrder(name, seq, r.sequence - 1));
    current = next;
  }
}

/**
 * Writes the party's receipt and its signature atomically (temporary names beside the final
 * ones, removed on SIGINT/SIGTERM, then renamed). The receipt it supersedes is first kept under
 * its chained name, never overwritten: the chain is evidence.
 */
export async function writeReceipt(
  receipt: Receipt,
  key: PrivateKey,
  json: string,
  previous?: { bytes: Buffer; signature: string; sha256: string },
): Promise<ReceiptFiles> {
  const outDir = path.dirname(json);
  const outInfo = await stat(outDir).catch(() => null);
  if (!outInfo || !outInfo.isDirectory())
    throw new ExitkitError((m) => m.receipt.noOutFolder(outDir), {
      code: 'file_access',
      hints: [(m) => m.receipt.noOutFolderHint],
    });
  const signed = await signedJson(json, receipt, key);
  const hint: Text = (m) => m.receipt.outWritableHint;
  let kept: string | undefined;
  if (previous && receipt.previous) {
    kept = path.join(outDir, receipt.previous.file);
    // Kept already by a run interrupted before it wrote the new receipt: the same bytes.
    const there = await readFile(kept).catch(() => undefined);
    if (!there || sha256(there) !== previous.sha256)
      await writeFilesAtomically(
        [
          { path: kept, data: previous.bytes },
          { path: `${kept}.asc`, data: previous.signature },
        ],
        { exclusive: true, hint },
      );
  }
  await writeFilesAtomically(signed, { hint });
  return { json, signature: `${json}.asc`, ...(kept ? { previous: kept } : {}) };
}
