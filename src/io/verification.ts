/**
 * The one reader of a verification file: what `exitkit verify --json` wrote, given back to
 * `acknowledge` and to the documents with --verification. Anything else is bad input (exit 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { ExitkitError } from '../core/errors.js';
import { say } from '../core/i18n/terminal/index.js';
import { verificationShapeProblem, type Verification } from '../core/manifest.js';

const MAX_VERIFICATION_BYTES = 64 * 1024 * 1024;

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
    throw new ExitkitError((m) => m.verificationFile.noFile(file), {
      code: 'file_access',
      hints: [(m) => m.verificationFile.writeItHint],
    });
  const size = info.size;
  if (size > MAX_VERIFICATION_BYTES) throw new ExitkitError((m) => m.verificationFile.tooLarge(file, size));
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new ExitkitError((m) => m.verificationFile.notJson(file), {
      hints: [(m) => m.verificationFile.giveItHint],
    });
  }
  const problem = verificationShapeProblem(raw);
  if (problem)
    throw new ExitkitError((m) => m.verificationFile.badShape(file, say(m, problem)), {
      hints: [(m) => m.verificationFile.badShapeHint],
    });
  const verification = raw as Verification;
  if (manifest && verification.manifest.sha256 !== manifest.sha256) {
    const [theirs, ours] = [verification.manifest.sha256.slice(0, 16), manifest.sha256.slice(0, 16)];
    throw new ExitkitError((m) => m.verificationFile.otherManifest(file, manifest.file), {
      hints: [
        (m) => m.verificationFile.otherManifestHint(theirs, ours),
        (m) => m.verificationFile.verifyAgainHint,
      ],
    });
  }
  return verification;
}
