/**
 * Reading, checking and writing receipts (<id>.receipt.json and its armored signature .asc).
 * A receipt is accepted only when signed by a key the plan gives to the client or the incoming
 * provider, and only for the manifest and archive at hand.
 */
import { english, say, type Text } from '../core/i18n/terminal/index.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError } from '../core/errors.js';
import type { Manifest, Verification } from '../core/manifest.js';
import type { Role } from '../core/plan.js';
import {
  makeReceipt,
  receiptBindingFaults,
  receiptShapeProblem,
  reservesOf,
  type Receipt,
  type Reserve,
} from '../core/receipt.js';
import { writeFilesAtomically } from './atomic.js';
import { sameFingerprint } from '../core/trust.js';
import {
  assertCanSign,
  fingerprintOf,
  readPrivateKeyFile,
  type PassphraseSource,
  type PrivateKey,
} from './openpgp/keys.js';
import { signDetached, verifyDetached } from './openpgp/signatures.js';
import { acknowledgingParty, partyKey, receiptSigners } from './trust.js';
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
  /** The open reserves it records; null when it has no reserves list. */
  reserves: Reserve[] | null;
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
  force: boolean;
  /** exitkit's version, recorded in the receipt. */
  version: string;
}

/**
 * `exitkit acknowledge`: the manifest read as verify reads it (a size cap, then its signature
 * over its bytes, then the strict parse; never parsed when the signature does not hold), the
 * verdict, the signer's role, the receipt signed and written.
 */
export async function acknowledge(
  o: AcknowledgeRequest,
): Promise<{ receipt: Receipt; files: { json: string; signature: string } }> {
  if (!o.verification && !o.plan)
    throw new ExitkitError((m) => m.receipt.nothingToAcknowledge, {
      hints: [(m) => m.receipt.nothingToAcknowledgeHint],
    });
  const { read, verification, plan } = await acknowledgedManifest(o);

  const key = await readPrivateKeyFile(o.signingKey, o.passphrase);
  await assertCanSign(key, o.signingKey);
  const fingerprint = fingerprintOf(key);
  const { role, name } = plan ? await acknowledgingParty(plan, fingerprint) : { role: null, name: null };
  const receipt = makeReceipt({
    manifestFile: path.basename(o.manifest),
    manifestSha256: read.sha256,
    manifest: read.manifest,
    verification,
    signer: { fingerprint, role, name },
    now: new Date(),
    version: o.version,
  });
  const files = await writeReceipt(receipt, key, o.out ?? path.dirname(o.manifest), { force: o.force });
  return { receipt, files };
}

/**
 * The manifest acknowledged, and the verdict the receipt rests on. When the plan gives the
 * outgoing provider's key, the signature is checked against it (by verify's own reader, or by the
 * verification run now); else nothing pins the signer here: the verification does, for these
 * exact bytes (their SHA-256, compared before any parse), and it must say that the signature held.
 */
async function acknowledgedManifest(o: AcknowledgeRequest): Promise<{
  read: { sha256: string; manifest: Manifest };
  verification: Verification;
  plan?: LoadedPlan;
}> {
  if (!o.verification) {
    const outcome = await runVerification({ manifest: o.manifest, plan: o.plan!, unsigned: 'refuse' });
    const { verification, manifest, plan } = outcome;
    return {
      read: { sha256: verification.manifest.sha256, manifest },
      verification,
      ...(plan ? { plan } : {}),
    };
  }
  const bytes = await readManifestBytes(o.manifest);
  const digest = { file: o.manifest, sha256: sha256(bytes) };
  const loaded = o.plan ? await loadPlan(o.plan) : undefined;
  const signer = loaded ? await partyKey(loaded, 'outgoing') : null;
  let read: ReadManifest;
  let verification: Verification;
  if (signer) {
    ({ read } = await readSignedManifest(o.manifest, bytes, signer, 'refuse'));
    verification = await readVerificationFile(o.verification, digest);
  } else {
    verification = await readVerificationFile(o.verification, digest);
    // Its reason is in the verification's (English) words: not repeated here.
    if (!verification.signature.valid) throw unsignedManifest(o.manifest, undefined);
    read = parseManifestBytes(o.manifest, bytes);
  }
  const plan = loaded && o.plan ? planOf(o.plan, loaded, read.manifest) : undefined;
  return { read, verification, ...(plan ? { plan } : {}) };
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
  const { file } = opts;
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError((m) => m.receipt.noSuchFile(file), {
      code: 'file_access',
      hints: [(m) => m.receipt.noSuchFileHint],
    });
  if (info.size > MAX_RECEIPT_BYTES) throw new ExitkitError((m) => m.receipt.tooLarge(file));
  const bytes = await readFile(file);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ExitkitError((m) => m.receipt.notJson(file));
  }
  const problem = receiptShapeProblem(raw);
  if (problem) throw new ExitkitError((m) => m.receipt.unreadable(file, say(m, problem)));
  const r = raw as Receipt;

  const plan = opts.plan;
  const signers = await receiptSigners(plan);
  if (signers.length === 0)
    throw new ExitkitError((m) => m.receipt.noSigners(plan.file), {
      code: 'signer_not_pinned',
      hints: [(m) => m.receipt.noSignersHint],
    });
  const armored = await readSignatureFile(`${file}.asc`, 'receipt');
  const sig = await verifyDetached(
    bytes,
    armored,
    signers.map((s) => s.key),
  );
  const faults: Text[] = [];
  const by = signers.find((s) => sameFingerprint(fingerprintOf(s.key), sig.fingerprint));
  const reason = sig.reason;
  if (!sig.valid)
    faults.push(
      sig.fingerprint === null
        ? (m) => m.receipt.notByParty(reason === undefined ? m.receipt.unknownKey : say(m, reason))
        : (m) => m.receipt.notValid(reason === undefined ? m.receipt.doesNotMatch : say(m, reason)),
    );
  else if (!sameFingerprint(r.signer.fingerprint, sig.fingerprint))
    faults.push((m) => m.receipt.otherSigner(r.signer.fingerprint, sig.fingerprint ?? ''));
  faults.push(...receiptBindingFaults(r, opts.manifestSha256, opts.manifest));
  const valid = faults.length === 0;
  const v = r.verification;
  const line: Text = valid
    ? (m) => m.receipt.valid(file, r.date, by ? m.role[by.role] : '?', sig.fingerprint ?? '', v.ok, v.missing)
    : (m) => m.receipt.notValidLine(file);
  return {
    file,
    valid,
    fingerprint: sig.fingerprint,
    role: by?.role ?? null,
    date: r.date,
    verdict: {
      ok: v.ok,
      complete: v.complete,
      missing: v.missing,
      decrypted: v.decrypted === true,
      faults: Array.isArray(v.faults) ? v.faults : [],
    },
    reserves: reservesOf(raw),
    faults: faults.map(english),
    lines: [english(line)],
    said: { lines: [line], faults },
  };
}

/**
 * Writes the receipt and its signature atomically: both go to temporary names beside the final
 * ones (removed on SIGINT/SIGTERM), then are renamed.
 */
export async function writeReceipt(
  receipt: Receipt,
  key: PrivateKey,
  outDir: string,
  opts: { force?: boolean } = {},
): Promise<{ json: string; signature: string }> {
  const json = path.join(outDir, `${receipt.plan.id}.receipt.json`);
  const signature = `${json}.asc`;
  if (!opts.force && (await stat(json).catch(() => null)))
    throw new ExitkitError((m) => m.receipt.exists(json), { hints: [(m) => m.receipt.existsHint] });
  const outInfo = await stat(outDir).catch(() => null);
  if (!outInfo || !outInfo.isDirectory())
    throw new ExitkitError((m) => m.receipt.noOutFolder(outDir), {
      code: 'file_access',
      hints: [(m) => m.receipt.noOutFolderHint],
    });
  const bytes = Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8');
  const armored = await signDetached(bytes, key);
  await writeFilesAtomically(
    [
      { path: json, data: bytes },
      { path: signature, data: armored },
    ],
    { hint: (m) => m.receipt.outWritableHint },
  );
  return { json, signature };
}
