/**
 * The inputs the two documents share (checklist, compensation): the plan, the optional manifest
 * (`bundle`'s <id>.manifest.json) and verification (what `verify --json` wrote), the document's
 * date and language, and where the output goes.
 */
import { readFile, stat } from 'node:fs/promises';
import { ExitkitError } from '../core/errors.js';
import type { Manifest, Verification } from '../core/manifest.js';
import { isRealDate } from '../core/plan-checks.js';
import type { IsoDate, Language } from '../core/plan.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { formatOfFile, type Format } from './render.js';
import { readManifestFile } from './verify.js';

const MAX_VERIFICATION_BYTES = 64 * 1024 * 1024;

export interface DocumentInputs {
  loaded: LoadedPlan;
  manifest?: { manifest: Manifest; sha256: string; file: string };
  verification?: Verification;
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
  const manifest = flags.manifest ? await readManifestFile(flags.manifest) : undefined;
  const verification = flags.verification ? await readVerificationFile(flags.verification) : undefined;
  if (manifest && verification && verification.manifest.sha256 !== manifest.sha256) {
    throw new ExitkitError(
      `the verification ${flags.verification} is not of the manifest ${flags.manifest}`,
      {
        hints: [
          `it verified a manifest with SHA-256 ${verification.manifest.sha256.slice(0, 16)}…, this one is ${manifest.sha256.slice(0, 16)}…`,
          'run `exitkit verify` again on this manifest with --json',
        ],
      },
    );
  }
  if (flags.date !== undefined && !isRealDate(flags.date)) {
    throw new ExitkitError(`--date ${flags.date} is not a date`, {
      hints: ['write it YYYY-MM-DD, e.g. 2026-12-20'],
    });
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
    date,
    language,
    format,
  };
}

/** Reads what `exitkit verify --json` wrote; anything else is bad input (exit 2). */
export async function readVerificationFile(file: string): Promise<Verification> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    throw new ExitkitError(`cannot read the verification ${file}: no such file`, {
      code: 'file_access',
      hints: ['write it with `exitkit verify MANIFEST --plan PLAN --json > verification.json`'],
    });
  if (info.size > MAX_VERIFICATION_BYTES)
    throw new ExitkitError(`${file} is ${info.size} bytes: too large for a verification`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new ExitkitError(`${file} is not a verification: it is not JSON`, {
      hints: ['give what `exitkit verify --json` wrote'],
    });
  }
  const problem = verificationShapeProblem(raw);
  if (problem)
    throw new ExitkitError(`${file} is not a verification: ${problem}`, {
      hints: ['give what `exitkit verify --json` wrote (a failed verify still writes one)'],
    });
  return raw as Verification;
}

function verificationShapeProblem(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'it is not a JSON object';
  const v = raw as Partial<Verification> & { error?: unknown };
  if (v.error !== undefined) return 'it records an error: verify could not check the handover';
  if (typeof v.ok !== 'boolean') return 'ok is missing';
  if (typeof v.complete !== 'boolean' || !Array.isArray(v.missing)) return 'complete or missing is absent';
  if (!v.manifest || typeof v.manifest.planId !== 'string' || typeof v.manifest.sha256 !== 'string')
    return 'manifest {planId, sha256} is missing';
  if (!v.signature || typeof v.signature.valid !== 'boolean') return 'signature.valid is missing';
  if (!v.archive || typeof v.archive.ok !== 'boolean') return 'archive.ok is missing';
  if (!Array.isArray(v.deliverables) || !v.deliverables.every((d) => d && typeof d.id === 'string'))
    return 'deliverables is not a list of {id, ...}';
  if (!Array.isArray(v.faults)) return 'faults is not a list';
  if (typeof v.verifiedAt !== 'string') return 'verifiedAt is missing';
  return null;
}
