/**
 * A chain of deliveries on disk (docs/FORMAT.md, "Deliveries"): the latest delivery of a plan in a
 * folder, and the chain followed back from a manifest, every link read in the one safe order
 * (its bytes, their SHA-256 against what the later link recorded, its signature against the
 * pinned key, only then its parse). The decisions are src/core/chain.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { deliveryFiles, deliveryNumber, deliveryOfName, linkProblem, MAX_DELIVERIES } from '../core/chain.js';
import { ExitkitError, TextError } from '../core/errors.js';
import { say, type Text } from '../core/i18n/terminal/index.js';
import type { Manifest } from '../core/manifest.js';
import type { Key } from './openpgp/keys.js';
import { verifyDetached } from './openpgp/signatures.js';
import { parseManifestBytes, readManifestBytes, sha256, type ReadManifest } from './manifest-file.js';

/**
 * The manifest of the latest delivery of plan `id` in `dir` (the highest
 * `<id>.delivery-N.manifest.json`, else `<id>.manifest.json`), or null when there is none.
 */
export async function latestDeliveryIn(dir: string, id: string): Promise<string | null> {
  const names = await readdir(dir);
  const latest = names
    .filter((n) => deliveryOfName(n, id) > 0)
    .sort((a, b) => deliveryOfName(b, id) - deliveryOfName(a, id))[0];
  return latest ? path.join(dir, latest) : null;
}

/** One link of a chain as read: its number, its manifest, and its signature by the pinned key. */
export interface ChainLink {
  number: number;
  read: ReadManifest;
  signature: { valid: boolean; fingerprint: string | null; reason?: Text };
}

/**
 * Follows the chain back from the latest manifest (already read and signed by `signer`): every
 * earlier link beside it, each matched with the SHA-256 the later one recorded and signed by
 * `signer`. The links come oldest first, the latest last. A link that is missing, altered,
 * signed by another key, unreadable or misnumbered stops the walk and is one fault, named.
 */
export async function followChain(
  latest: ChainLink,
  signer: Key,
): Promise<{ links: ChainLink[]; faults: Text[] }> {
  const dir = path.dirname(latest.read.file);
  const links: ChainLink[] = [latest];
  const fault = (n: number, file: string, why: Text): { links: ChainLink[]; faults: Text[] } => ({
    links,
    faults: [(w) => w.deliveries.linkFault(n, file, say(w, why))],
  });
  let later = latest;
  while (deliveryNumber(later.read.manifest) > 1 && links.length <= MAX_DELIVERIES) {
    const m = later.read.manifest;
    const n = deliveryNumber(m) - 1;
    const named = m.delivery!.previous.file;
    const problem = linkProblem(m, null);
    if (problem)
      return fault(n, named, (w) =>
        w.deliveries.badName(later.number, named, deliveryFiles(m.plan.id, n).manifest),
      );
    const file = path.join(dir, named);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return fault(n, named, (w) => w.deliveries.missing);
    let bytes: Buffer;
    try {
      bytes = await readManifestBytes(file);
    } catch (e) {
      return fault(n, named, e instanceof TextError || e instanceof ExitkitError ? e.text : String(e));
    }
    if (sha256(bytes) !== m.delivery!.previous.sha256.toLowerCase())
      return fault(n, named, (w) => w.deliveries.otherDigest(later.number));
    const armored = await readFile(`${file}.asc`, 'utf8').catch(() => null);
    if (armored === null) return fault(n, named, (w) => w.deliveries.noSignature(`${named}.asc`));
    const check = await verifyDetached(bytes, armored, [signer]);
    if (!check.valid)
      return fault(n, named, (w) =>
        w.deliveries.notSigned(check.reason === undefined ? '' : say(w, check.reason)),
      );
    let read: ReadManifest;
    try {
      read = parseManifestBytes(file, bytes);
    } catch (e) {
      return fault(n, named, e instanceof TextError || e instanceof ExitkitError ? e.text : String(e));
    }
    if (read.manifest.plan.id !== m.plan.id || deliveryNumber(read.manifest) !== n)
      return fault(n, named, (w) =>
        w.deliveries.misnumbered(deliveryNumber(read.manifest), read.manifest.plan.id),
      );
    const link: ChainLink = {
      number: n,
      read,
      signature: { valid: true, fingerprint: check.fingerprint },
    };
    links.unshift(link);
    later = link;
  }
  if (deliveryNumber(later.read.manifest) > 1)
    return fault(later.number - 1, later.read.manifest.delivery!.previous.file, (w) =>
      w.deliveries.tooLong(MAX_DELIVERIES),
    );
  return { links, faults: [] };
}

/** The manifests of a chain, oldest first. */
export function manifestsOf(links: readonly ChainLink[]): Manifest[] {
  return links.map((l) => l.read.manifest);
}
