/**
 * The one reader of a verification file: what `exitkit verify --json` wrote, given back to
 * `acknowledge` and to the documents with --verification. Anything else is bad input (exit 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { ExitkitError } from '../core/errors.js';
import { verificationShapeProblem, type Verification } from '../core/manifest.js';

const MAX_VERIFICATION_BYTES = 64 * 1024 * 1024;
const WRITE_IT = 'write it with `exitkit verify MANIFEST --plan PLAN --json > verification.json`';

/**
 * Reads and checks a verification; with `manifest`, it must be the verification of that manifest
 * (the same SHA-256).
 */
export async function readVerificationFile(
  file: string,
  manifest?: { file: string; sha256: string },
): Promise<Verification> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    throw new ExitkitError(`cannot read the verification ${file}: no such file`, {
      code: 'file_access',
      hints: [WRITE_IT],
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
  const verification = raw as Verification;
  if (manifest && verification.manifest.sha256 !== manifest.sha256)
    throw new ExitkitError(`the verification ${file} is not of the manifest ${manifest.file}`, {
      hints: [
        `it verified a manifest with SHA-256 ${verification.manifest.sha256.slice(0, 16)}…, this one is ${manifest.sha256.slice(0, 16)}…`,
        'run `exitkit verify` again on this manifest with --json',
      ],
    });
  return verification;
}
