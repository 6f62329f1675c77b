/**
 * Reading, checking and writing receipts (<id>.receipt.json and its armored signature .asc).
 * A receipt is accepted only when signed by a key the plan gives to the client or the incoming
 * provider, and only for the manifest and archive at hand.
 */
import { english } from '../core/i18n/terminal/index.js';
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
import type { LoadedPlan } from './plan/plan-file.js';
import { acknowledgingParty, receiptSigners } from './trust.js';
import { readVerificationFile } from './verification.js';
import { loadPlanOf, readManifestFile, readSignatureFile, runVerification } from './verify.js';

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

/** `exitkit acknowledge`: the verdict, the signer's role, the receipt signed and written. */
export async function acknowledge(
  o: AcknowledgeRequest,
): Promise<{ receipt: Receipt; files: { json: string; signature: string } }> {
  const read = await readManifestFile(o.manifest);
  const plan = o.plan ? await loadPlanOf(o.plan, read.manifest) : undefined;

  let verification: Verification;
  if (o.verification) {
    verification = await readVerificationFile(o.verification, read);
  } else if (o.plan) {
    verification = (await runVerification({ manifest: o.manifest, plan: o.plan })).verification;
  } else {
    throw new ExitkitError('nothing to acknowledge: a receipt records a verification verdict', {
      hints: ['give --verification FILE (what `exitkit verify --json` wrote), or --plan PLAN to verify now'],
    });
  }

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

export async function checkReceipt(opts: {
  file: string;
  manifestSha256: string;
  manifest: Manifest;
  plan?: LoadedPlan;
}): Promise<ReceiptCheck> {
  if (!opts.plan)
    throw new ExitkitError(
      "cannot check the receipt without the plan: it pins the client's and incoming keys",
      {
        code: 'signer_not_pinned',
        hints: ['give --plan PLAN with --receipt'],
      },
    );
  const info = await stat(opts.file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError(`cannot read the receipt ${opts.file}: no such file`, {
      code: 'file_access',
      hints: ['give the <id>.receipt.json that `exitkit acknowledge` wrote'],
    });
  if (info.size > MAX_RECEIPT_BYTES) throw new ExitkitError(`${opts.file} is too large to be a receipt`);
  const bytes = await readFile(opts.file);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ExitkitError(`${opts.file} is not a receipt: it is not JSON`);
  }
  const problem = receiptShapeProblem(raw);
  if (problem) throw new ExitkitError(`${opts.file} is not a readable receipt: ${problem}`);
  const r = raw as Receipt;

  const signers = await receiptSigners(opts.plan);
  if (signers.length === 0)
    throw new ExitkitError(
      `the plan ${opts.plan.file} names no key file for the client or the incoming provider`,
      {
        code: 'signer_not_pinned',
        hints: ['add parties.client.key or parties.incoming.key to the plan'],
      },
    );
  const armored = await readSignatureFile(`${opts.file}.asc`, 'receipt');
  const sig = await verifyDetached(
    bytes,
    armored,
    signers.map((s) => s.key),
  );
  const faults: string[] = [];
  const by = signers.find((s) => sameFingerprint(fingerprintOf(s.key), sig.fingerprint));
  if (!sig.valid)
    faults.push(
      sig.fingerprint === null
        ? `its signature is not by the client's or the incoming provider's key in the plan (${sig.reason === undefined ? 'unknown key' : english(sig.reason)})`
        : `its signature is not valid: ${sig.reason === undefined ? 'it does not match' : english(sig.reason)}`,
    );
  else if (!sameFingerprint(r.signer.fingerprint, sig.fingerprint))
    faults.push(`it claims the signer ${r.signer.fingerprint}, but ${sig.fingerprint} signed it`);
  faults.push(...receiptBindingFaults(r, opts.manifestSha256, opts.manifest));
  const valid = faults.length === 0;
  const v = r.verification;
  const lines = [
    valid
      ? `receipt: ${opts.file}: signed on ${r.date} by the ${by?.role ?? '?'} (${sig.fingerprint}), for this manifest and archive; it records the verdict ${v.ok ? 'OK' : 'NOT OK'}${v.missing.length ? `, missing: ${v.missing.join(', ')}` : ''}`
      : `receipt: ${opts.file}: NOT VALID`,
  ];
  return {
    file: opts.file,
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
    faults,
    lines,
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
    throw new ExitkitError(`${json} already exists`, { hints: ['give --force to replace it'] });
  const outInfo = await stat(outDir).catch(() => null);
  if (!outInfo || !outInfo.isDirectory())
    throw new ExitkitError(`cannot write the receipt into ${outDir}: no such folder`, {
      code: 'file_access',
      hints: ['create the folder, or give another --out'],
    });
  const bytes = Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8');
  const armored = await signDetached(bytes, key);
  await writeFilesAtomically(
    [
      { path: json, data: bytes },
      { path: signature, data: armored },
    ],
    { hint: 'check that the --out folder can be written' },
  );
  return { json, signature };
}
