/**
 * Deletion attestations on disk (docs/FORMAT.md, "Deletion attestations"): `attest deletion`
 * finds the latest delivery, checks that the outgoing provider signed it, and writes
 * <id>.deletion.json with its armored detached signature; `checkAttestation` (verify, checklist,
 * compensation) checks one against the plan's outgoing key and the delivery at hand. The pure
 * part is src/core/attestation.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  attestationFaults,
  attestationShapeProblem,
  makeAttestation,
  type AttestationCheck,
  type AttestationRequest,
  type DeletionAttestation,
} from '../core/attestation.js';
import { ExitkitError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { say } from '../core/i18n/terminal/index.js';
import type { Manifest } from '../core/manifest.js';
import { parseStrictJson } from '../core/strict-json.js';
import { writeFilesAtomically } from './atomic.js';
import { fingerprintOf, readKeyFile, type PassphraseSource } from './openpgp/keys.js';
import { signedJson, verifyDetached } from './openpgp/signatures.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { outgoingSigningKey, partyKey } from './trust.js';
import { planOf, readManifestFile, readSignatureFile } from './verify.js';
import { latestDeliveryIn } from './chain.js';

/** An attestation is a few kilobytes; anything past this is not one (it is read whole). */
const MAX_ATTESTATION_BYTES = 1024 * 1024;

/** What `attest deletion` was asked: the words attested (core's request), and the files. */
export type AttestRequest = Pick<
  AttestationRequest,
  'systems' | 'datasets' | 'method' | 'date' | 'retained' | 'basis' | 'version'
> & {
  plan: string;
  signingKey: string;
  passphrase: PassphraseSource;
  /** The delivery it follows; default: the latest delivery of the plan in `out`, else beside the plan. */
  manifest?: string | undefined;
  /** Where the attestation goes, and where the delivery is looked for; default: the manifest's folder. */
  out?: string | undefined;
  force: boolean;
};

/** `exitkit attest deletion`: the attestation made, signed and written. */
export async function attestDeletion(
  o: AttestRequest,
): Promise<{ attestation: DeletionAttestation; files: { json: string; signature: string } }> {
  const plan = await loadPlan(o.plan);
  const manifestFile = o.manifest ?? (await latestDelivery(o.out ?? plan.dir, plan.plan.id));
  const read = await readManifestFile(manifestFile);
  const loaded = planOf(o.plan, plan, read.manifest);
  const outgoing = loaded.plan.parties.outgoing;
  // What is attested is checked before the key's passphrase is asked.
  const attestation = makeAttestation({
    plan: loaded.plan,
    manifest: { file: path.basename(manifestFile), sha256: read.sha256, manifest: read.manifest },
    systems: o.systems,
    datasets: o.datasets,
    method: o.method,
    date: o.date,
    retained: o.retained,
    basis: o.basis,
    signer: { fingerprint: fingerprintOf(await readKeyFile(o.signingKey)), name: outgoing?.name ?? '' },
    now: new Date(),
    version: o.version,
  });
  const key = await outgoingSigningKey(loaded, o.signingKey, o.passphrase);
  const signed = await verifyDetached(
    read.bytes,
    await readSignatureFile(`${manifestFile}.asc`, 'manifest'),
    [key.toPublic()],
  );
  if (!signed.valid) {
    const why = signed.reason;
    throw new ExitkitError((m) => m.attest.manifestNotSigned(manifestFile, why ? say(m, why) : '?'), {
      exit: ExitCode.No,
      code: 'input_invalid',
      hints: [(m) => m.attest.manifestNotSignedHint],
    });
  }

  const outDir = o.out ?? path.dirname(manifestFile);
  if (!(await stat(outDir).catch(() => null))?.isDirectory())
    throw new ExitkitError((m) => m.attest.noFolder(outDir), {
      code: 'file_access',
      hints: [(m) => m.attest.noFolderHint],
    });
  const json = path.join(outDir, `${attestation.plan.id}.deletion.json`);
  const signature = `${json}.asc`;
  if (!o.force && (await stat(json).catch(() => null)))
    throw new ExitkitError((m) => m.files.exists(json), {
      code: 'output_exists',
      hints: [(m) => m.files.existsHint],
    });
  await writeFilesAtomically(await signedJson(json, attestation, key), {
    hint: (m) => m.files.cannotWriteHint,
  });
  return { attestation, files: { json, signature } };
}

/**
 * The latest delivery of the plan in `dir`: the highest `<id>.delivery-N.manifest.json`, else
 * `<id>.manifest.json` (the first delivery). None is the answer no (exit 1): nothing was returned
 * yet, so there is no deletion to attest.
 */
async function latestDelivery(dir: string, id: string): Promise<string> {
  const latest = await latestDeliveryIn(dir, id).catch(() => {
    throw new ExitkitError((m) => m.attest.noFolder(dir), {
      code: 'file_access',
      hints: [(m) => m.attest.noFolderHint],
    });
  });
  if (!latest)
    throw new ExitkitError((m) => m.attest.noDelivery(dir, id), {
      exit: ExitCode.No,
      code: 'not_ready',
      hints: [(m) => m.attest.noDeliveryHint],
    });
  return latest;
}

/**
 * Checks a deletion attestation against the outgoing provider's key of the plan and the delivery
 * at hand (its manifest's SHA-256 and creation time). What does not hold is a fault, named
 * (exit 1 where the command answers); what cannot be read is an error (exit 2).
 */
export async function checkAttestation(o: {
  file: string;
  plan?: LoadedPlan | undefined;
  manifest?: { sha256: string; manifest: Manifest } | undefined;
}): Promise<AttestationCheck> {
  const info = await stat(o.file).catch(() => null);
  if (!info?.isFile())
    throw new ExitkitError((m) => m.attestation.noFile(o.file), {
      code: 'file_access',
      hints: [(m) => m.attestation.noFileHint],
    });
  if (!o.plan)
    throw new ExitkitError((m) => m.attestation.needsPlan, {
      code: 'signer_not_pinned',
      hints: [(m) => m.attestation.needsPlanHint],
    });
  if (!o.manifest)
    throw new ExitkitError((m) => m.attestation.needsManifest, {
      code: 'usage',
      hints: [(m) => m.attestation.needsManifestHint],
    });
  const plan = o.plan;
  const key = await partyKey(plan, 'outgoing');
  if (!key)
    throw new ExitkitError((m) => m.attestation.noOutgoingKey(plan.file), {
      code: 'signer_not_pinned',
      hints: [(m) => m.attestation.noOutgoingKeyHint],
    });
  if (info.size > MAX_ATTESTATION_BYTES) throw new ExitkitError((m) => m.attestation.tooLarge(o.file));
  const bytes = await readFile(o.file);
  // The signature over the bytes first, then the parse (as for a manifest).
  const sig = await verifyDetached(bytes, await readSignatureFile(`${o.file}.asc`, 'attestation'), [key]);
  let raw: unknown;
  try {
    raw = parseStrictJson(bytes.toString('utf8'));
  } catch (e) {
    const problem = e instanceof SyntaxError ? 'it is not JSON' : e instanceof Error ? e.message : String(e);
    throw new ExitkitError((m) => m.attestation.unreadable(o.file, problem), {
      hints: [(m) => m.attestation.noFileHint],
    });
  }
  const problem = attestationShapeProblem(raw);
  if (problem)
    throw new ExitkitError((m) => m.attestation.unreadable(o.file, problem), {
      hints: [(m) => m.attestation.noFileHint],
    });
  const attestation = raw as DeletionAttestation;
  const faults = attestationFaults(attestation, sig, {
    planId: plan.plan.id,
    sha256: o.manifest.sha256,
    created: o.manifest.manifest.created,
  });
  return {
    file: o.file,
    valid: faults.length === 0,
    fingerprint: sig.valid ? sig.fingerprint : null,
    outgoing: fingerprintOf(key),
    faults,
    attestation,
  };
}
