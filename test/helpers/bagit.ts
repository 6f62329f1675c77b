/**
 * A BagIt validator for tests, following RFC 8493 (written from the RFC, independent of the
 * writer in src/): it reads an unpacked bag folder and lists every way it is not valid.
 *
 * - bagit.txt (§2.1.1): BagIt-Version and Tag-File-Character-Encoding, in that order.
 * - data/ (§2.1.2) exists.
 * - payload manifests manifest-<alg>.txt (§2.1.3): at least one; every line "<digest> <path>"
 *   with CR, LF and % percent-encoded; every listed file exists under data/ with that digest;
 *   every payload file is listed in every payload manifest (§3, "complete").
 * - bag-info.txt (§2.2.2): Payload-Oxum, when present, equals "<octets>.<count>" of the payload.
 * - tag manifests tagmanifest-<alg>.txt (§2.2.1): every listed tag file exists with that digest,
 *   none lists a tag manifest, and (as this project writes them) every tag file is listed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BagReport {
  valid: boolean;
  errors: string[];
  /** Payload files found on disk, relative to the bag, "/"-separated. */
  payload: string[];
  /** The digest algorithms of the payload manifests. */
  algorithms: string[];
  bagInfo: Map<string, string[]>;
}

const NODE_ALGORITHMS: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha512: 'sha512',
};

async function hashFile(file: string, algorithm: string): Promise<string> {
  const h = createHash(algorithm);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

async function walk(dir: string, base: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    const rel = path.relative(base, abs).split(path.sep).join('/');
    if (entry.isDirectory()) out.push(...(await walk(abs, base)));
    else out.push(rel);
  }
  return out;
}

function decodePath(p: string): string {
  return p.replace(/%(25|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parseLines(text: string, name: string, errors: string[]): Array<{ digest: string; path: string }> {
  const entries: Array<{ digest: string; path: string }> = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = /^([0-9a-fA-F]+)[ \t]+(.+?)\r?$/.exec(line);
    if (!m) {
      errors.push(`${name}:${i + 1}: not "<digest> <path>"`);
      return;
    }
    entries.push({ digest: m[1]!.toLowerCase(), path: decodePath(m[2]!) });
  });
  return entries;
}

function unsafe(p: string): boolean {
  return p.startsWith('/') || p.split('/').some((s) => s === '..' || s === '');
}

export function parseBagInfoFields(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      const v = out.get(last)!;
      v[v.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim();
    out.set(last, [...(out.get(last) ?? []), line.slice(i + 1).trim()]);
  }
  return out;
}

export async function validateBag(bagDir: string): Promise<BagReport> {
  const errors: string[] = [];
  const read = (p: string) => readFile(path.join(bagDir, p), 'utf8').catch(() => undefined);

  const bagit = await read('bagit.txt');
  if (bagit === undefined) errors.push('bagit.txt is missing');
  else {
    const lines = bagit.split(/\r?\n/).filter((l) => l !== '');
    if (!/^BagIt-Version: \d+\.\d+$/.test(lines[0] ?? ''))
      errors.push('bagit.txt: first line is not BagIt-Version: M.N');
    if (!/^Tag-File-Character-Encoding: \S+$/.test(lines[1] ?? ''))
      errors.push('bagit.txt: second line is not Tag-File-Character-Encoding');
  }
  const dataInfo = await stat(path.join(bagDir, 'data')).catch(() => null);
  if (!dataInfo?.isDirectory()) errors.push('data/ is missing');

  const all = await walk(bagDir, bagDir);
  const payload = all.filter((p) => p.startsWith('data/'));
  const tagFiles = all.filter((p) => !p.startsWith('data/'));

  const manifests = tagFiles.filter((p) => /^manifest-[a-z0-9]+\.txt$/.test(p));
  if (manifests.length === 0) errors.push('no payload manifest (manifest-<alg>.txt)');
  const algorithms: string[] = [];
  for (const m of manifests) {
    const alg = /^manifest-([a-z0-9]+)\.txt$/.exec(m)![1]!;
    algorithms.push(alg);
    const node = NODE_ALGORITHMS[alg];
    if (!node) {
      errors.push(`${m}: unknown algorithm ${alg}`);
      continue;
    }
    const entries = parseLines((await read(m)) ?? '', m, errors);
    const listed = new Set<string>();
    for (const e of entries) {
      if (unsafe(e.path) || !e.path.startsWith('data/')) {
        errors.push(`${m}: ${JSON.stringify(e.path)} is not a path under data/`);
        continue;
      }
      if (listed.has(e.path)) errors.push(`${m}: ${JSON.stringify(e.path)} is listed twice`);
      listed.add(e.path);
      const abs = path.join(bagDir, ...e.path.split('/'));
      const info = await stat(abs).catch(() => null);
      if (!info?.isFile()) {
        errors.push(`${m}: ${JSON.stringify(e.path)} is listed but missing`);
        continue;
      }
      const actual = await hashFile(abs, node);
      if (actual !== e.digest)
        errors.push(`${m}: ${JSON.stringify(e.path)} has digest ${actual}, not ${e.digest}`);
    }
    for (const p of payload)
      if (!listed.has(p)) errors.push(`${m}: payload file ${JSON.stringify(p)} is not listed`);
  }

  const bagInfoText = await read('bag-info.txt');
  const bagInfo = parseBagInfoFields(bagInfoText ?? '');
  const oxum = bagInfo.get('Payload-Oxum')?.[0];
  if (oxum !== undefined) {
    let octets = 0;
    for (const p of payload) octets += (await stat(path.join(bagDir, ...p.split('/')))).size;
    if (oxum !== `${octets}.${payload.length}`)
      errors.push(`bag-info.txt: Payload-Oxum is ${oxum}, the payload is ${octets}.${payload.length}`);
  }

  const tagManifests = tagFiles.filter((p) => /^tagmanifest-[a-z0-9]+\.txt$/.test(p));
  for (const m of tagManifests) {
    const alg = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(m)![1]!;
    const node = NODE_ALGORITHMS[alg];
    if (!node) {
      errors.push(`${m}: unknown algorithm ${alg}`);
      continue;
    }
    const entries = parseLines((await read(m)) ?? '', m, errors);
    const listed = new Set<string>();
    for (const e of entries) {
      if (unsafe(e.path) || e.path.startsWith('data/')) {
        errors.push(`${m}: ${JSON.stringify(e.path)} is not a tag file`);
        continue;
      }
      if (/^tagmanifest-/.test(e.path)) errors.push(`${m}: lists the tag manifest ${e.path}`);
      listed.add(e.path);
      const abs = path.join(bagDir, ...e.path.split('/'));
      const info = await stat(abs).catch(() => null);
      if (!info?.isFile()) {
        errors.push(`${m}: ${JSON.stringify(e.path)} is listed but missing`);
        continue;
      }
      const actual = await hashFile(abs, node);
      if (actual !== e.digest)
        errors.push(`${m}: ${JSON.stringify(e.path)} has digest ${actual}, not ${e.digest}`);
    }
    for (const t of tagFiles)
      if (!/^tagmanifest-/.test(t) && !listed.has(t)) errors.push(`${m}: tag file ${t} is not listed`);
  }

  return { valid: errors.length === 0, errors, payload, algorithms, bagInfo };
}
