/**
 * The inputs the two documents share (checklist, compensation): the plan, the optional manifest
 * (`bundle`'s <id>.manifest.json) and verification (what `verify --json` wrote), the document's
 * date and language, and where the output goes.
 */
import { ExitkitError } from '../core/errors.js';
import type { Manifest, Verification } from '../core/manifest.js';
import { isRealDate } from '../core/plan-checks.js';
import type { IsoDate, Language } from '../core/plan.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { formatOfFile, type Format } from './render.js';
import { readVerificationFile } from './verification.js';
import { readManifestFile } from './verify.js';

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
  const verification = flags.verification
    ? await readVerificationFile(flags.verification, manifest)
    : undefined;
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
