/**
 * What a verification concludes (docs/FORMAT.md, "verify --json"; SECURITY.md, "What a
 * verification proves"), as pure functions over what was observed:
 * the signed manifest, the plan, the signature check, the archive's size and digest, and every
 * tar entry read from the decrypted archive. Also the safety rules for tar entries: a name or a
 * type that could write outside the bag, or that two tar readers would read differently, is
 * unsafe and fails the verification.
 */
import { parseBagInfo, parseManifest } from './bag.js';
import type { FileFaults, Manifest, ManifestFile, Verification } from './manifest.js';
import { MANIFEST_FORMAT } from './manifest.js';
import type { ExitPlan } from './plan.js';
import { isSettled } from './plan.js';

// ---------------------------------------------------------------------------------------------
// The manifest as read

/** Checks the shape of a parsed manifest enough to rely on it; returns a problem in words or null. */
export function manifestShapeProblem(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'it is not a JSON object';
  const m = raw as Partial<Manifest>;
  if (m.format !== MANIFEST_FORMAT) return `its format is not "${MANIFEST_FORMAT}"`;
  if (!m.plan || typeof m.plan.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(m.plan.id))
    return 'plan.id is missing or not an exit id';
  if (m.algorithm !== 'sha256' && m.algorithm !== 'sha512') return 'algorithm must be sha256 or sha512';
  if (!Array.isArray(m.deliverables)) return 'deliverables is not a list';
  if (!Array.isArray(m.tagFiles)) return 'tagFiles is not a list';
  if (!Array.isArray(m.recipients)) return 'recipients is not a list';
  const fileOk = (f: unknown): boolean => {
    const x = f as Partial<ManifestFile> | null;
    return (
      !!x &&
      typeof x.path === 'string' &&
      x.path !== '' &&
      Number.isSafeInteger(x.size) &&
      (x.size as number) >= 0 &&
      typeof x.digest === 'string' &&
      /^[0-9a-f]+$/i.test(x.digest)
    );
  };
  for (const d of m.deliverables) {
    if (!d || typeof d.id !== 'string' || !Array.isArray(d.files)) return 'a deliverable lacks id or files';
    if (!d.files.every(fileOk)) return `a file of deliverable ${d.id} lacks path, size or digest`;
  }
  if (!m.tagFiles.every(fileOk)) return 'a tag file lacks path, size or digest';
  if (typeof m.complete !== 'boolean' || !Array.isArray(m.missing)) return 'complete or missing is absent';
  const a = m.archive;
  if (
    !a ||
    typeof a.file !== 'string' ||
    !Number.isSafeInteger(a.size) ||
    typeof a.digest !== 'string' ||
    a.algorithm !== 'sha256'
  )
    return 'archive {file, size, algorithm: sha256, digest} is missing';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tar entries

/** A tar entry as the reader saw it. */
export interface TarEntry {
  /** The name after PAX / GNU long-name records were applied (what tar-stream and GNU tar use). */
  name: string;
  /** tar-stream's type: file, directory, symlink, link, character-device, ... or null when unknown. */
  type: string | null;
  linkname?: string | null;
  /** The name field of the ustar header itself, when a PAX or GNU record replaced it. */
  headerName?: string;
  /** A PAX global header came before this entry (it changes every entry after it). */
  paxGlobal?: boolean;
  size: number;
}

export type EntrySafety = { ok: true; bagPath: string; segments: string[] } | { ok: false; reason: string };

const TYPE_WORDS: Record<string, string> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a FIFO (named pipe)',
  'contiguous-file': 'a contiguous file (an unusual type a bag never holds)',
};

/** The longest segment and the longest path any common file system holds (bytes, UTF-8). */
export const MAX_SEGMENT_BYTES = 255;
export const MAX_PATH_BYTES = 4096;

/**
 * Checks a name alone: relative, inside `<id>/`, no `..`, no empty or `.` segment, no backslash
 * (a separator on Windows), no segment over 255 bytes nor path over 4096 bytes. The same rules
 * for verify and extract, on every platform: a bag verify accepts is one extract can write.
 */
export function checkName(name: string, bagId: string): EntrySafety {
  if (name.includes('\0')) return { ok: false, reason: 'its name holds a NUL byte' };
  if (name.includes('\\')) return { ok: false, reason: 'a backslash in its name (a separator on Windows)' };
  if (utf8Length(name) > MAX_PATH_BYTES) return { ok: false, reason: `a path over ${MAX_PATH_BYTES} bytes` };
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return { ok: false, reason: 'an absolute path' };
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  if (segments.includes('..')) return { ok: false, reason: 'a path that climbs out with ".."' };
  if (segments.some((s) => s === '' || s === '.'))
    return { ok: false, reason: 'a path with an empty or "." segment' };
  if (segments[0] !== bagId) return { ok: false, reason: `outside the bag folder ${bagId}/` };
  if (segments.some((seg) => utf8Length(seg) > MAX_SEGMENT_BYTES))
    return { ok: false, reason: `a path segment over ${MAX_SEGMENT_BYTES} bytes` };
  return { ok: true, bagPath: segments.slice(1).join('/'), segments: segments.slice(1) };
}

/**
 * The safety rules for one entry. Only plain files and folders inside `<id>/` are allowed; links,
 * devices and FIFOs are refused (a bag never needs them, and a link is how a later entry escapes).
 * A PAX or GNU record that gives an entry a different name than its own header, where that header
 * name would stand on its own, is refused too: readers that ignore the record would see another file.
 */
export function checkEntry(e: TarEntry, bagId: string): EntrySafety {
  if (e.paxGlobal) return { ok: false, reason: 'a PAX global header changes every entry after it' };
  if (e.type !== 'file' && e.type !== 'directory') {
    const what = (e.type && TYPE_WORDS[e.type]) ?? `an entry of unknown type (${e.type ?? 'unknown'})`;
    return { ok: false, reason: e.linkname ? `${what} to ${e.linkname}` : what };
  }
  const named = checkName(e.name, bagId);
  if (!named.ok) return named;
  if (e.headerName !== undefined && e.headerName !== e.name) {
    const own = checkName(e.headerName, bagId);
    const truncated = utf8Length(e.headerName) >= 99 && e.name.startsWith(e.headerName);
    if (own.ok && !truncated)
      return { ok: false, reason: `a PAX header renames it (its tar header says ${e.headerName})` };
  }
  return named;
}

/**
 * The entries of one bag, for the rules between names: no duplicate, no file where another entry
 * has a folder (`f` and `f/g`), and no two names that differ only by case (they are one file on
 * Windows and macOS): refused on every platform, so that a bag extracts the same everywhere.
 */
export class BagNames {
  /** By case-folded name: the name as first seen, and whether it is a file. */
  private readonly seen = new Map<string, { name: string; file: boolean }>();
  /** The folders entries live in, by case-folded name. */
  private readonly folders = new Map<string, string>();

  /** Why this entry (a name inside the bag, checked by checkName) cannot sit beside the earlier ones, or null. */
  add(name: string, isFile: boolean): string | null {
    const exact = name.replace(/\/$/, '').normalize('NFC');
    const key = exact.toLowerCase();
    const before = this.seen.get(key);
    if (before && before.name !== exact)
      return `its name differs only by case from ${JSON.stringify(before.name)}`;
    if (before) return 'a duplicate of an earlier entry with the same name';
    if (isFile && this.folders.has(key)) return 'a file where an earlier entry has a folder of that name';
    const segs = exact.split('/');
    const ups: Array<[string, string]> = [];
    for (let k = 1; k < segs.length; k++) {
      const up = segs.slice(0, k).join('/');
      const upKey = up.toLowerCase();
      const file = this.seen.get(upKey);
      if (file?.file) return `below ${JSON.stringify(file.name)}, which is a file`;
      const folder = this.folders.get(upKey);
      if (folder !== undefined && folder !== up)
        return `its folder ${JSON.stringify(up)} differs only by case from ${JSON.stringify(folder)}`;
      ups.push([upKey, up]);
    }
    for (const [upKey, up] of ups) this.folders.set(upKey, up);
    this.seen.set(key, { name: exact, file: isFile });
    return null;
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The one tag file bundle writes that the signed manifest cannot list (the tag manifest covers
 * the manifest's own copy in the bag): any other file the manifest does not list is extra.
 */
export function unlistedTagManifest(m: Pick<Manifest, 'algorithm'>): string {
  return `tagmanifest-${m.algorithm}.txt`;
}

/** The bag's own text files that are kept (small) to be checked against the rest. */
export function isBagTextFile(bagPath: string): boolean {
  return /^(bagit\.txt|bag-info\.txt|(tag)?manifest-[a-z0-9]+\.txt)$/.test(bagPath);
}

// ---------------------------------------------------------------------------------------------
// Observations and verdict

/** An entry as read from the decrypted tar. */
export interface ObservedEntry {
  name: string;
  /** Bag path (relative to `<id>/`) when the entry is safe. */
  bagPath: string | null;
  type: string | null;
  declaredSize: number;
  /** Bytes actually read. */
  read: number;
  /** Hex digest per algorithm, when the entry was read to its end. */
  digests: Record<string, string>;
  unsafe?: string;
}

export interface ArchiveObservation {
  entries: ObservedEntry[];
  /** The bag's own text files (bagit.txt, bag-info.txt, manifests), by bag path. */
  texts: Record<string, string>;
  /** Why the tar could not be read to its end, if so. */
  tarError?: string;
  /** The OpenPGP integrity check (MDC): true when the message ended cleanly. */
  integrity: boolean;
  integrityError?: string;
  /** The archive could not be decrypted at all (only reported when its digest is wrong too). */
  decryptError?: string;
}

export interface SignatureResult {
  valid: boolean;
  fingerprint: string | null;
  reason?: string;
}

export interface ArchiveCheck {
  file: string;
  size: number;
  digest: string;
}

export interface VerdictInput {
  manifestFile: string;
  manifestSha256: string;
  manifest: Manifest;
  signature: SignatureResult;
  archive: ArchiveCheck;
  /** When given, completeness is judged against it; else the manifest's own word is reported. */
  plan?: ExitPlan;
  decrypted?: ArchiveObservation;
  now: Date;
}

export function allFiles(m: Manifest): ManifestFile[] {
  return [...m.deliverables.flatMap((d) => d.files), ...m.tagFiles];
}

/** Reaches a verdict. Every fault is named in `faults`, in the order: signature, archive, files, bag, completeness. */
export function judge(input: VerdictInput): Verification {
  const { manifest: m } = input;
  const faults: string[] = [];

  if (!input.signature.valid)
    faults.push(`signature: ${input.signature.reason ?? 'the manifest signature is not valid'}`);

  const signed = m.archive!;
  const archiveFaults: string[] = [];
  if (input.archive.size !== signed.size)
    archiveFaults.push(`its size is ${input.archive.size} bytes; the manifest signed ${signed.size}`);
  if (input.archive.digest !== signed.digest.toLowerCase())
    archiveFaults.push(`its sha256 is ${input.archive.digest}; the manifest signed ${signed.digest}`);
  for (const f of archiveFaults) faults.push(`archive ${input.archive.file}: ${f}`);

  let files: FileFaults | undefined;
  const perFile = new Map<string, string>();
  const d = input.decrypted;
  if (d) {
    if (d.decryptError) faults.push(`archive ${input.archive.file}: cannot be decrypted: ${d.decryptError}`);
    // An archive that cannot be decrypted has no files to name: the archive fault says it all.
    if (!d.decryptError) files = checkFiles(m, d, faults, perFile);
    if (!d.decryptError && !d.integrity)
      faults.push(
        `integrity: the OpenPGP integrity check failed${d.integrityError ? ` (${d.integrityError})` : ''}: the archive was altered or cut`,
      );
  }

  const deliverables = m.deliverables.map((dl) => {
    const dfaults = dl.files.flatMap((f) => {
      const why = perFile.get(f.path);
      return why ? [`${f.path}: ${why}`] : [];
    });
    return {
      id: dl.id,
      status: dl.status,
      required: dl.required,
      delivered: dl.delivered,
      intact: d && !d.decryptError && dl.delivered ? dfaults.length === 0 : null,
      faults: dfaults,
    };
  });

  // Completeness: against the plan when given (waivers as the plan says), else the manifest's word.
  const missing: string[] = [];
  if (input.plan) {
    for (const p of input.plan.deliverables) {
      if (!p.required) continue;
      const dl = m.deliverables.find((x) => x.id === p.id);
      const row = deliverables.find((x) => x.id === p.id);
      const waived = p.status === 'waived' && isSettled(p);
      const delivered = !!dl && dl.delivered && dl.files.length > 0 && row?.intact !== false;
      if (!waived && !delivered) missing.push(p.id);
    }
  } else {
    missing.push(...m.missing);
    for (const row of deliverables)
      if (row.required && row.intact === false && !missing.includes(row.id)) missing.push(row.id);
  }
  for (const id of missing)
    faults.push(`incomplete: the required deliverable ${id} is neither delivered intact nor waived`);
  const complete = missing.length === 0 && (input.plan !== undefined || m.complete);

  const verification: Verification = {
    ok: faults.length === 0,
    manifest: {
      file: input.manifestFile,
      sha256: input.manifestSha256,
      planId: m.plan.id,
      created: m.created,
    },
    signature: {
      valid: input.signature.valid,
      fingerprint: input.signature.fingerprint,
      ...(input.signature.reason ? { reason: input.signature.reason } : {}),
    },
    archive: {
      ok: archiveFaults.length === 0,
      file: input.archive.file,
      size: input.archive.size,
      digest: input.archive.digest,
      ...(archiveFaults.length ? { reason: archiveFaults.join('; ') } : {}),
    },
    complete,
    missing,
    decrypted: d !== undefined && !d.decryptError,
    ...(files ? { files } : {}),
    ...(d ? { integrity: d.integrity && !d.decryptError } : {}),
    deliverables,
    faults,
    verifiedAt: input.now.toISOString(),
  };
  return verification;
}

/** Every file against the signed manifest, then the bag's own manifests, tag manifest and Payload-Oxum. */
function checkFiles(
  m: Manifest,
  d: ArchiveObservation,
  faults: string[],
  perFile: Map<string, string>,
): FileFaults {
  const out: FileFaults = { checked: 0, altered: [], missing: [], extra: [], unsafe: [], truncated: [] };
  const seen = new Map<string, ObservedEntry>();
  for (const e of d.entries) {
    if (e.unsafe) {
      out.unsafe.push(e.name);
      faults.push(`unsafe entry ${JSON.stringify(e.name)}: ${e.unsafe}`);
      continue;
    }
    if (e.type === 'file' && e.bagPath !== null) seen.set(e.bagPath, e);
  }
  if (d.tarError) faults.push(`tar: the archive's tar stream could not be read to its end: ${d.tarError}`);

  const signedPaths = new Set<string>();
  for (const f of allFiles(m)) {
    signedPaths.add(f.path);
    const e = seen.get(f.path);
    if (!e) {
      out.missing.push(f.path);
      perFile.set(f.path, 'missing');
      faults.push(
        d.tarError
          ? `missing: ${f.path} was not reached (the tar could not be read past an earlier entry)`
          : `missing: ${f.path} is in the signed manifest but not in the archive`,
      );
      continue;
    }
    out.checked++;
    const digest = e.digests[m.algorithm];
    if (e.read < f.size && (e.read < e.declaredSize || e.declaredSize < f.size)) {
      out.truncated.push(f.path);
      perFile.set(f.path, `truncated (${e.read} of ${f.size} bytes)`);
      faults.push(`truncated: ${f.path} has ${e.read} of the ${f.size} bytes the manifest signed`);
    } else if (e.declaredSize !== f.size || digest !== f.digest.toLowerCase()) {
      out.altered.push(f.path);
      const why =
        e.declaredSize !== f.size
          ? `${e.declaredSize} bytes, the manifest signed ${f.size}`
          : `its ${m.algorithm} differs from the signed manifest`;
      perFile.set(f.path, `altered (${why})`);
      faults.push(`altered: ${f.path}: ${why}`);
    }
  }
  for (const [p] of seen) {
    if (signedPaths.has(p) || p === unlistedTagManifest(m)) continue;
    out.extra.push(p);
    faults.push(`extra: ${p} is in the archive but not in the signed manifest`);
  }
  checkBag(m, d, seen, faults);
  return out;
}

/** RFC 8493: the bag checked against itself (manifests, tag manifests, Payload-Oxum, bagit.txt). */
function checkBag(
  m: Manifest,
  d: ArchiveObservation,
  seen: Map<string, ObservedEntry>,
  faults: string[],
): void {
  if (d.tarError || d.decryptError) return;
  const bag = (msg: string) => faults.push(`bag: ${msg}`);
  if (!seen.has('bagit.txt')) bag('bagit.txt is missing');
  const payload = [...seen.values()].filter((e) => e.bagPath!.startsWith('data/'));
  const manifests = Object.keys(d.texts).filter((p) => /^manifest-[a-z0-9]+\.txt$/.test(p));
  if (manifests.length === 0) bag('no payload manifest (manifest-<algorithm>.txt)');
  const check = (file: string, payloadSide: boolean) => {
    const alg = /-([a-z0-9]+)\.txt$/.exec(file)![1]!;
    let entries;
    try {
      entries = parseManifest(d.texts[file]!);
    } catch (e) {
      bag(`${file} is malformed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const listed = new Set<string>();
    for (const { path: p, digest } of entries) {
      listed.add(p);
      const e = seen.get(p);
      if (!e) {
        bag(`${file} lists ${p}, which is not in the archive`);
        continue;
      }
      if (payloadSide !== p.startsWith('data/'))
        bag(`${file} lists ${p}, which belongs to the ${payloadSide ? 'tag' : 'payload'} files`);
      const got = e.digests[alg];
      if (got === undefined) bag(`${file}: its algorithm ${alg} was not computed, ${p} cannot be checked`);
      else if (got !== digest) bag(`${p} does not match its digest in ${file}`);
    }
    if (payloadSide)
      for (const e of payload) if (!listed.has(e.bagPath!)) bag(`${e.bagPath} is not listed in ${file}`);
  };
  for (const f of manifests) check(f, true);
  for (const f of Object.keys(d.texts).filter((p) => /^tagmanifest-[a-z0-9]+\.txt$/.test(p))) check(f, false);

  const info = d.texts['bag-info.txt'];
  if (info === undefined) bag('bag-info.txt is missing');
  else {
    const fields = parseBagInfo(info);
    const oxum = fields.get('Payload-Oxum')?.[0];
    const bytes = payload.reduce((n, e) => n + e.read, 0);
    const actual = `${bytes}.${payload.length}`;
    if (oxum === undefined) bag('bag-info.txt has no Payload-Oxum');
    else if (oxum !== actual) bag(`Payload-Oxum in bag-info.txt says ${oxum}; the payload is ${actual}`);
    const ext = fields.get('External-Identifier')?.[0];
    if (ext !== undefined && ext !== m.plan.id)
      bag(`External-Identifier in bag-info.txt says ${ext}, not ${m.plan.id}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The human report

/** A line a deliverable, then each fault, then the verdict (the human form of docs/FORMAT.md, "verify --json"). */
export function describeVerification(
  v: Verification,
  m: Manifest,
  opts: { planGiven: boolean; receipt?: string[] },
): string[] {
  const lines: string[] = [];
  lines.push(`manifest ${v.manifest.file} (${m.plan.id}, created ${m.created})`);
  lines.push(
    v.signature.valid
      ? `signature: valid, by the pinned signer ${v.signature.fingerprint ?? ''}`.trimEnd()
      : `signature: NOT VALID`,
  );
  lines.push(
    v.archive.ok
      ? `archive: ${v.archive.file}, ${v.archive.size} bytes, sha256 ${v.archive.digest} as signed`
      : `archive: ${v.archive.file} does NOT match the manifest`,
  );
  if (v.files)
    lines.push(
      `files: ${v.files.checked} re-hashed after decryption; OpenPGP integrity check ${v.integrity ? 'passed' : 'FAILED'}`,
    );
  lines.push('deliverables:');
  for (const d of v.deliverables) {
    const src = m.deliverables.find((x) => x.id === d.id);
    const n = src?.files.length ?? 0;
    const state =
      d.status === 'waived'
        ? `waived: ${src?.waiver?.reason ?? 'no reason given'}${src?.waiver?.approved_by ? ` (approved by ${src.waiver.approved_by})` : ''}`
        : !d.delivered
          ? d.required
            ? 'NOT DELIVERED (required)'
            : 'not delivered (optional)'
          : d.intact === null
            ? `${n} file${n === 1 ? '' : 's'} listed (not decrypted)`
            : d.intact
              ? `${n} file${n === 1 ? '' : 's'} intact`
              : `${d.faults.length} of ${n} file${n === 1 ? '' : 's'} faulty`;
    lines.push(`  ${d.id} (${src?.category ?? '?'}): ${state}`);
  }
  if (!opts.planGiven)
    lines.push(
      `completeness: as the manifest itself declares it (give --plan PLAN to check it against the plan)`,
    );
  if (opts.receipt) lines.push(...opts.receipt);
  if (v.faults.length) {
    lines.push(`faults (${v.faults.length}):`);
    for (const f of v.faults) lines.push(`  - ${f}`);
  }
  lines.push(
    v.ok
      ? `verdict: OK: ${v.decrypted ? 'every file is' : 'the archive is'} exactly what the pinned signer signed${v.complete ? ', and the handover is complete' : ''}`
      : `verdict: NOT OK: ${v.faults.length} fault${v.faults.length === 1 ? '' : 's'}`,
  );
  return lines;
}
