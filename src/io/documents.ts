/**
 * The inputs the two documents share (checklist, compensation): the plan, the optional manifest
 * (`bundle`'s <id>.manifest.json) and verification (what `verify --json` wrote), the document's
 * date and language, and where the output goes; and what the checklist reads on disk (the files
 * found from the sources, the inventory CSVs summarised).
 */
import { ExitkitError } from '../core/errors.js';
import { CATALOGS, say, type Messages } from '../core/i18n/terminal/index.js';
import type { Manifest, Verification } from '../core/manifest.js';
import { isRealDate } from '../core/plan-checks.js';
import type { FoundFile, InventoryCounts } from '../core/checklist.js';
import type { Deliverable, IsoDate, Language } from '../core/plan.js';
import type { AttestationEvidence, ReceiptEvidence } from '../core/release.js';
import { summarizeInventory } from './plan/inventory.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { resolveSources } from './plan/sources.js';
import { checkAttestation } from './attestation.js';
import { checkReceipt } from './receipts.js';
import { formatOfFile, type Format } from './render.js';
import { readVerificationFile } from './verification.js';
import { readManifestFile, readSignatureFile, type ReadManifest } from './verify.js';
import path from 'node:path';
import { deliveryNumber, firstDeliveriesOfManifests, mergedManifest } from '../core/chain.js';
import { ExitCode } from '../core/exit-codes.js';
import { followChain, manifestsOf, type ChainLink } from './chain.js';
import { verifyDetached } from './openpgp/signatures.js';
import { pinnedSigner } from './trust.js';

export interface DocumentInputs {
  loaded: LoadedPlan;
  /** The manifest given; for a chain of deliveries, the chain as one (src/core/chain.ts, mergedManifest). */
  manifest?: { manifest: Manifest; sha256: string; file: string };
  verification?: Verification;
  /** A chain of deliveries: each deliverable's delivery day (its first delivery intact). */
  deliveredOn?: ReadonlyMap<string, IsoDate>;
  /** A chain of deliveries: the number of the delivery that first carried each deliverable. */
  deliveredIn?: ReadonlyMap<string, number>;
  date: IsoDate;
  language: Language;
  format: Format;
}

export interface DocumentFlags {
  manifest?: string | undefined;
  verification?: string | undefined;
  lang?: string | undefined;
  format?: string | undefined;
  template?: string | undefined;
  out?: string | undefined;
  date?: string | undefined;
}

export async function readDocumentInputs(planFile: string, flags: DocumentFlags): Promise<DocumentInputs> {
  // Keys are not needed to write a document; their files are checked by validate and bundle.
  const loaded = await loadPlan(planFile, { checkKeys: false });
  const read = flags.manifest ? await readManifestFile(flags.manifest) : undefined;
  const verification = flags.verification ? await readVerificationFile(flags.verification, read) : undefined;
  const chain = read && deliveryNumber(read.manifest) > 1 ? await chainOf(read, loaded, planFile) : undefined;
  const manifest = read && chain ? { ...read, manifest: mergedManifest(chain) } : read;
  const deliveries = chain ? deliveryDays(chain, verification) : undefined;
  const given = flags.date;
  if (given !== undefined && !isRealDate(given)) {
    throw new ExitkitError((m) => m.documents.badDate(given), { hints: [(m) => m.documents.badDateHint] });
  }
  const date = flags.date ?? new Date().toISOString().slice(0, 10);
  const language = (flags.lang as Language | undefined) ?? loaded.plan.language;
  const format: Format =
    (flags.format as Format | undefined) ??
    (flags.template ? formatOfFile(flags.template) : flags.out ? formatOfFile(flags.out) : 'md');
  return {
    loaded,
    ...(manifest
      ? { manifest: { manifest: manifest.manifest, sha256: manifest.sha256, file: manifest.file } }
      : {}),
    ...(verification ? { verification } : {}),
    ...(deliveries
      ? {
          deliveredOn: new Map([...deliveries].map(([id, d]) => [id, d.on])),
          deliveredIn: new Map([...deliveries].map(([id, d]) => [id, d.number])),
        }
      : {}),
    date,
    language,
    format,
  };
}

/**
 * The chain a later delivery's manifest follows, oldest first: every link, the latest included,
 * signed by the plan's outgoing key and matched by SHA-256 (src/io/chain.ts). A link that does not
 * hold is the answer no (exit 1): the documents would otherwise count deliveries nobody signed.
 */
async function chainOf(read: ReadManifest, loaded: LoadedPlan, planFile: string): Promise<Manifest[]> {
  const signer = await pinnedSigner({ plan: loaded, planArg: planFile });
  const check = await verifyDetached(read.bytes, await readSignatureFile(`${read.file}.asc`, 'manifest'), [
    signer,
  ]);
  const latest: ChainLink = {
    number: deliveryNumber(read.manifest),
    read,
    signature: { valid: check.valid, fingerprint: check.fingerprint },
  };
  const { links, faults } = check.valid
    ? await followChain(latest, signer)
    : {
        links: [],
        faults: [
          (w: Messages) =>
            w.deliveries.linkFault(
              latest.number,
              path.basename(read.file),
              w.deliveries.notSigned(check.reason === undefined ? '' : say(w, check.reason)),
            ),
        ],
      };
  if (faults.length)
    throw new ExitkitError(
      (w) =>
        w.deliveries.documentsChain(
          read.file,
          faults.map((f) => say(w, f)),
        ),
      {
        exit: ExitCode.No,
        code: 'input_invalid',
        hints: [(w) => w.deliveries.documentsChainHint],
      },
    );
  return manifestsOf(links);
}

/**
 * Each deliverable's delivery (number and day): from the verification of the chain when given (its
 * first delivery intact, as verify found it), else the first delivery whose signed manifest carried it.
 */
function deliveryDays(
  chain: readonly Manifest[],
  verification?: Verification,
): Map<string, { number: number; on: IsoDate }> {
  const verified = new Map(
    (verification?.deliverables ?? []).flatMap((d) =>
      d.deliveredOn && d.delivery ? [[d.id, { number: d.delivery, on: d.deliveredOn }] as const] : [],
    ),
  );
  return verified.size ? verified : firstDeliveriesOfManifests(chain);
}

/**
 * The evidence the release conditions rest on besides the verification (README.md, "The plan":
 * the money): the receipts (`readReceipts`); the --attestation checked against the outgoing key
 * and that manifest.
 */
export async function readReleaseEvidence(
  inputs: DocumentInputs,
  flags: { receipt?: string[] | undefined; attestation?: string | undefined },
): Promise<{ receipts: ReceiptEvidence[]; attestation?: AttestationEvidence }> {
  const receipts = await readReceipts(inputs, flags.receipt);
  const attestation = await readAttestation(inputs, flags.attestation);
  return { receipts, ...(attestation ? { attestation } : {}) };
}

/**
 * Each --receipt of checklist and compensation, checked as `verify --receipt` checks it: signed by
 * the plan's client or incoming key, bound to the --manifest, its party's chain followed back.
 * One that does not hold is returned with its faults, in the document's language where the
 * terminal speaks it (else English); one that cannot be read is an error (exit 2).
 */
export async function readReceipts(
  inputs: DocumentInputs,
  files: readonly string[] | undefined,
): Promise<ReceiptEvidence[]> {
  if (files?.length && !inputs.manifest)
    throw new ExitkitError((m) => m.documents.receiptWithoutManifest, {
      code: 'usage',
      hints: [(m) => m.documents.receiptWithoutManifestHint],
    });
  const m = (CATALOGS as Readonly<Record<string, Messages>>)[inputs.language] ?? CATALOGS.en;
  const receipts: ReceiptEvidence[] = [];
  for (const file of files ?? []) {
    const r = await checkReceipt({
      file,
      manifestSha256: inputs.manifest!.sha256,
      manifest: inputs.manifest!.manifest,
      plan: inputs.loaded,
    });
    receipts.push({
      file,
      valid: r.valid,
      role: r.role,
      fingerprint: r.fingerprint,
      date: r.date,
      verification: {
        ok: r.verdict.ok,
        complete: r.verdict.complete,
        decrypted: r.verdict.decrypted,
        faults: r.verdict.faults,
      },
      faults: r.said.faults.map((f) => say(m, f)),
      reserves: r.reserves,
      lifted: r.lifted,
      sequence: r.sequence,
    });
  }
  return receipts;
}

/**
 * The --attestation of checklist and compensation, checked against the plan's outgoing key and
 * the --manifest it must follow (the same check as `verify --attestation`).
 */
export async function readAttestation(
  inputs: DocumentInputs,
  file: string | undefined,
): Promise<AttestationEvidence | undefined> {
  if (file === undefined) return undefined;
  return checkAttestation({ file, plan: inputs.loaded, manifest: inputs.manifest });
}

/** What the checklist reads on disk, beside the plan and the manifest. */
export interface ChecklistFacts {
  /** Without a manifest: each deliverable's files as found from its sources, and the problems. */
  diskFiles: Map<string, FoundFile[]>;
  diskProblems: Map<string, string[]>;
  /** Each inventory CSV, summarised. */
  inventory: InventoryCounts[];
}

export async function checklistFacts(inputs: DocumentInputs): Promise<ChecklistFacts> {
  const { loaded } = inputs;
  const allowExternal = loaded.plan.allow_external_sources;
  const facts: ChecklistFacts = { diskFiles: new Map(), diskProblems: new Map(), inventory: [] };
  for (const d of loaded.plan.deliverables) {
    const needFiles = !inputs.manifest && d.status !== 'waived';
    if (!needFiles && d.category !== 'inventory') continue;
    if (d.sources.length === 0) continue;
    const { files, problems } = await resolveSources(loaded.dir, d, { allowExternal });
    if (needFiles) {
      facts.diskFiles.set(
        d.id,
        files.map((f) => ({
          name: f.rel,
          size: f.size,
          modified: new Date(f.mtimeMs).toISOString().slice(0, 10),
        })),
      );
      if (problems.length)
        facts.diskProblems.set(
          d.id,
          // In the document's words where the terminal has them (French, English), else English.
          problems.map((p) => say(CATALOGS[inputs.language === 'fr' ? 'fr' : 'en'], p.message)),
        );
    }
    if (d.category === 'inventory') facts.inventory.push(...(await inventoryOf(d, files)));
  }
  return facts;
}

/** Each CSV among an inventory deliverable's files, summarised (counts by type and by location). */
async function inventoryOf(
  d: Deliverable,
  files: Array<{ abs: string; rel: string }>,
): Promise<InventoryCounts[]> {
  const out: InventoryCounts[] = [];
  for (const f of files) {
    if (!/\.csv$/i.test(f.rel)) continue;
    const s = await summarizeInventory(f.abs, d.checks.columns);
    out.push({
      deliverable: d.id,
      file: f.rel,
      rows: s.rows,
      columns: s.columns,
      byType: counts(s.byType),
      byLocation: counts(s.byLocation),
      missingColumns: s.missingColumns,
    });
  }
  return out;
}

/** Counts as a list, most first, then by name. */
function counts(by: Record<string, number>): Array<{ name: string; count: number }> {
  return Object.entries(by)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
