/**
 * BagIt (RFC 8493) text formats: the pure half of writing and reading a bag.
 */
import { TextError } from './errors.js';
import type { Category } from './plan.js';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/**
 * RFC 8493 §2.1.3: in a manifest, CR, LF and % in a file path (and only those) are
 * percent-encoded.
 */
export function encodeManifestPath(p: string): string {
  return p.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%(25|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One manifest line; two spaces, as sha256sum writes, so `sha256sum -c` reads it too. */
export function manifestLine(digest: string, bagPath: string): string {
  return `${digest}  ${encodeManifestPath(bagPath)}\n`;
}

export interface ManifestEntry {
  digest: string;
  path: string;
}

/** Parses a payload or tag manifest; throws on a malformed line (the caller names the file). */
export function parseManifest(text: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '' || line === '\r') continue;
    const m = /^([0-9a-fA-F]+)[ \t]+(.+?)\r?$/.exec(line);
    if (!m) throw new TextError((w) => w.shape.manifestLine(i + 1));
    entries.push({ digest: m[1]!.toLowerCase(), path: decodeManifestPath(m[2]!) });
  }
  return entries;
}

/** RFC 8493 §2.2.2: Payload-Oxum is "<octets>.<files>". */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** bag-info.txt: "Label: value" lines; a value never spans lines here (newlines become spaces). */
export function bagInfoTxt(fields: Array<[string, string]>): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`).join('');
}

export function parseBagInfo(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      const values = out.get(last)!;
      values[values.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const idx = line.indexOf(':');
    if (idx <= 0) continue;
    last = line.slice(0, idx).trim();
    out.set(last, [...(out.get(last) ?? []), line.slice(idx + 1).trim()]);
  }
  return out;
}

/** Where a deliverable's file goes in the bag: data/<category>/<deliverable-id>/<relative path>, NFC. */
export function payloadPath(category: Category, deliverableId: string, relative: string): string {
  return `data/${category}/${deliverableId}/${relative.normalize('NFC')}`;
}
