/**
 * What a verification concludes (docs/FORMAT.md, "verify --json"; SECURITY.md, "What a
 * verification proves"), as pure functions over what was observed:
 * the signed manifest, the plan, the signature check, the archive's size and digest, and every
 * tar entry read from the decrypted archive. The safety rules for tar entries are in
 * bag-names.ts.
 */
import { parseBagInfo, parseManifest } from './bag.js';
import type { FileFaults, Manifest, ManifestFile, ManifestVolume, Verification } from './manifest.js';
import { archiveDigest, MANIFEST_FORMAT, volumesOf } from './manifest.js';
import { say, type Messages, type Text } from './i18n/terminal/index.js';
import type { ExitPlan } from './plan.js';
import { isSettled } from './plan.js';
import { planDifference, planDifferenceFault, planDiffers } from './plan-diff.js';
import { unlistedTagManifest } from './bag-names.js';
import { TextError } from './errors.js';

// ---------------------------------------------------------------------------------------------
// The manifest as read

/** Checks the shape of a parsed manifest enough to rely on it; returns a problem in words or null. */
export function manifestShapeProblem(raw: unknown): Text | null {
  const notList =
    (field: string): Text =>
    (w) =>
      w.shape.notList(field);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return (w) => w.shape.notObject;
  const m = raw as Partial<Manifest>;
  if (m.format !== MANIFEST_FORMAT) return (w) => w.shape.format(MANIFEST_FORMAT);
  if (!m.plan || typeof m.plan.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(m.plan.id))
    return (w) => w.shape.planId;
  if (m.algorithm !== 'sha256' && m.algorithm !== 'sha512') return (w) => w.shape.algorithm;
  if (!Array.isArray(m.deliverables)) return notList('deliverables');
  if (!Array.isArray(m.tagFiles)) return notList('tagFiles');
  if (!Array.isArray(m.recipients)) return notList('recipients');
  const fileOk = (f: unknown): boolean => {
    const x = f as Partial<ManifestFile> | null;
    return (
      !!x &&
      typeof x.path === 'string' &&
      x.path !== '' &&
      Number.isSafeInteger(x.size) &&
      (x.size as number) >= 0 &&
      typeof x.digest === 'string' &&
      /^[0-9a-f]+$/i.test(x.digest) &&
      (x.mtime === undefined || isIsoTime(x.mtime))
    );
  };
  for (const d of m.deliverables) {
    if (!d || typeof d.id !== 'string' || !Array.isArray(d.files)) return (w) => w.shape.deliverable;
    const id = d.id;
    if (!d.files.every(fileOk)) return (w) => w.shape.deliverableFile(id);
  }
  if (!m.tagFiles.every(fileOk)) return (w) => w.shape.tagFile;
  if (typeof m.complete !== 'boolean' || !Array.isArray(m.missing)) return (w) => w.shape.completeOrMissing;
  const link = m.delivery;
  if (
    link !== undefined &&
    (!link ||
      !Number.isSafeInteger(link.number) ||
      link.number < 2 ||
      !link.previous ||
      typeof link.previous.file !== 'string' ||
      typeof link.previous.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(link.previous.sha256))
  )
    return (w) => w.deliveries.shape;
  const a = m.archive as Partial<Record<'file' | 'digest' | 'volumes', unknown>> & Manifest['archive'];
  if (!a || !Number.isSafeInteger(a.size) || a.algorithm !== 'sha256') return (w) => w.shape.archive;
  if (a.volumes === undefined) {
    if (typeof a.file !== 'string' || typeof a.digest !== 'string') return (w) => w.shape.archive;
    return null;
  }
  return volumesShapeProblem(a.volumes, a.size);
}

/** The volumes a manifest lists: each `{file, size, digest}`, a file named once, their sizes adding up. */
function volumesShapeProblem(volumes: unknown, total: number): Text | null {
  if (!Array.isArray(volumes) || volumes.length === 0) return (w) => w.shape.archive;
  const seen = new Set<string>();
  let sum = 0;
  for (const v of volumes as Array<Record<string, unknown> | null>) {
    const file = v?.file;
    if (
      typeof file !== 'string' ||
      !/^[^/\\]+\.tar\.pgp$/.test(file) ||
      !Number.isSafeInteger(v!.size) ||
      (v!.size as number) < 0 ||
      typeof v!.digest !== 'string' ||
      !/^[0-9a-f]{64}$/i.test(v!.digest)
    )
      return (w) => w.shape.archive;
    if (seen.has(file)) return (w) => w.volumes.listedTwice(file);
    seen.add(file);
    sum += v!.size as number;
  }
  return sum === total ? null : (w) => w.shape.archive;
}

/** A time as the manifest writes it: ISO 8601 in UTC, e.g. 2026-12-01T16:01:54.319Z. */
function isIsoTime(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/.test(v) &&
    Number.isFinite(Date.parse(v))
  );
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
  /** Why the entry is unsafe (core/bag-names.ts), in words. */
  unsafe?: Text;
}

export interface ArchiveObservation {
  entries: ObservedEntry[];
  /** The bag's own text files (bagit.txt, bag-info.txt, manifests), by bag path. */
  texts: Record<string, string>;
  /** Why the tar could not be read to its end, if so. */
  tarError?: Text;
  /** The OpenPGP integrity check (MDC): true when the message ended cleanly. */
  integrity: boolean;
  integrityError?: Text;
  /** The archive could not be decrypted at all (only reported when its digest is wrong too). */
  decryptError?: Text;
}

export interface SignatureResult {
  valid: boolean;
  fingerprint: string | null;
  reason?: Text;
}

/**
 * The archive as measured; absent when the manifest arrived first (nothing to measure yet). With
 * volumes, `size` is their total and `digest` unused: each volume is measured in `volumes`.
 */
export type ArchiveCheck =
  { file: string; present: true; size: number; digest: string } | { file: string; present: false };

/** A volume as found beside the manifest: listed in it or not, present or not, and measured. */
export interface ObservedVolume {
  /** Its name (as the manifest lists it), and its path as said to the user. */
  name: string;
  file: string;
  listed: boolean;
  measured: { size: number; digest: string } | null;
}

export interface VerdictInput {
  manifestFile: string;
  manifestSha256: string;
  manifest: Manifest;
  signature: SignatureResult;
  archive: ArchiveCheck;
  /** With volumes: every volume listed (in order), then every one found beside them but not listed. */
  volumes?: ObservedVolume[];
  /** When given, completeness is judged against it; else the manifest's own word is reported. */
  plan?: ExitPlan;
  /** The plan's file as given (named when it differs from the manifest's plan). */
  planFile?: string;
  decrypted?: ArchiveObservation;
  now: Date;
  /**
   * A chain of deliveries (src/core/chain.ts): the deliverables that earlier deliveries handed
   * over intact, which count towards completeness; or `false` for an earlier link itself, judged
   * on its signature, archive and files only (completeness is the latest's to judge).
   */
  earlier?: ReadonlySet<string> | false;
}

/**
 * Each volume against the signed list: present, of the signed size and SHA-256, and read to its
 * end when decrypted; a volume found beside them that the manifest does not list is a fault too.
 */
function judgeVolumes(
  signed: ManifestVolume[],
  observed: ObservedVolume[],
  w: Messages,
): Array<{ file: string; path: string; size: number | null; digest: string | null; reason?: string }> {
  const byName = new Map(observed.map((o) => [o.name, o]));
  const rows = signed.map((s) => {
    const o = byName.get(s.file);
    const path = o?.file ?? s.file;
    const got = o?.measured ?? null;
    const why: string[] = [];
    if (!got) why.push(w.volumes.missing);
    else {
      if (got.size !== s.size) why.push(w.verdict.archiveSize(got.size, s.size));
      if (got.digest !== s.digest.toLowerCase()) why.push(w.verdict.archiveDigest(got.digest, s.digest));
    }
    return { file: s.file, path, size: got?.size ?? null, digest: got?.digest ?? null, why };
  });
  for (const o of observed)
    if (!o.listed)
      rows.push({
        file: o.name,
        path: o.file,
        size: o.measured?.size ?? null,
        digest: o.measured?.digest ?? null,
        why: [w.volumes.extra],
      });
  return rows.map(({ why, ...r }) => ({ ...r, ...(why.length ? { reason: w.clauses(why) } : {}) }));
}

export function allFiles(m: Manifest): ManifestFile[] {
  return [...m.deliverables.flatMap((d) => d.files), ...m.tagFiles];
}

/**
 * Reaches a verdict, its words in the language of `w` (English for `--json`). Every fault is named
 * in `faults`, in the order: signature, archive, files, bag, completeness.
 */
export function judge(input: VerdictInput, w: Messages): Verification {
  const { manifest: m } = input;
  const faults: string[] = [];
  const reason = input.signature.reason === undefined ? undefined : say(w, input.signature.reason);

  if (!input.signature.valid) faults.push(w.verdict.badSignature(reason));

  const signed = m.archive!;
  const archiveFaults: string[] = [];
  const a = input.archive;
  const signedVolumes = volumesOf(signed);
  const volumes =
    signedVolumes && a.present ? judgeVolumes(signedVolumes, input.volumes ?? [], w) : undefined;
  if (!a.present) archiveFaults.push(w.verdict.archiveAbsent);
  else if (volumes) {
    for (const v of volumes) if (v.reason) faults.push(w.verdict.archive(v.path, v.reason));
  } else if (!signedVolumes) {
    if (a.size !== signed.size) archiveFaults.push(w.verdict.archiveSize(a.size, signed.size));
    const digest = archiveDigest(signed);
    if (a.digest !== digest) archiveFaults.push(w.verdict.archiveDigest(a.digest, digest));
  }
  for (const f of archiveFaults) faults.push(w.verdict.archive(input.archive.file, f));
  const volumesOk = !volumes || volumes.every((v) => !v.reason);

  let files: FileFaults | undefined;
  const perFile = new Map<string, string>();
  const d = input.decrypted;
  if (d) {
    if (d.decryptError) faults.push(w.verdict.undecrypted(input.archive.file, say(w, d.decryptError)));
    // An archive that cannot be decrypted has no files to name: the archive fault says it all.
    if (!d.decryptError) files = checkFiles(m, d, faults, perFile, w);
    if (!d.decryptError && !d.integrity)
      faults.push(w.verdict.integrity(d.integrityError === undefined ? undefined : say(w, d.integrityError)));
  }

  const deliverables = m.deliverables.map((dl) => {
    const dfaults = dl.files.flatMap((f) => {
      const why = perFile.get(f.path);
      return why ? [w.about(f.path, why)] : [];
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
  const earlier = input.earlier === false ? undefined : input.earlier;
  if (input.earlier === false) {
    // An earlier link of a chain: completeness is judged over the chain, by the latest link.
  } else if (input.plan) {
    for (const p of input.plan.deliverables) {
      if (!p.required) continue;
      const dl = m.deliverables.find((x) => x.id === p.id);
      const row = deliverables.find((x) => x.id === p.id);
      const waived = p.status === 'waived' && isSettled(p);
      const delivered =
        (!!dl && dl.delivered && dl.files.length > 0 && row?.intact !== false) || !!earlier?.has(p.id);
      if (!waived && !delivered) missing.push(p.id);
    }
  } else {
    missing.push(...m.missing);
    for (const row of deliverables)
      if (row.required && row.intact === false && !missing.includes(row.id)) missing.push(row.id);
  }
  // The client's own plan against the one the manifest was made from: told plainly, a fault (1).
  const difference = input.plan && input.earlier !== false ? planDifference(input.plan, m) : undefined;
  if (difference && planDiffers(difference))
    faults.push(planDifferenceFault(input.planFile ?? 'the plan', difference, w));
  for (const id of missing) faults.push(w.verdict.incomplete(id));
  const complete =
    missing.length === 0 && (input.plan !== undefined || input.earlier === false || m.complete);

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
      ...(reason ? { reason } : {}),
    },
    archive: {
      ok: archiveFaults.length === 0 && volumesOk,
      file: a.file,
      present: a.present,
      size: a.present ? a.size : null,
      digest: a.present && !signedVolumes ? a.digest : null,
      ...(archiveFaults.length ? { reason: w.clauses(archiveFaults) } : {}),
      ...(!volumesOk ? { reason: w.volumes.faulty(volumes!.filter((v) => v.reason).length) } : {}),
      ...(volumes
        ? {
            volumes: volumes.map((v) => ({
              file: v.file,
              ok: !v.reason,
              size: v.size,
              digest: v.digest,
              ...(v.reason ? { reason: v.reason } : {}),
            })),
          }
        : {}),
    },
    complete,
    missing,
    ...(difference
      ? { plan: { file: input.planFile ?? null, matches: !planDiffers(difference), ...difference } }
      : {}),
    decrypted: d !== undefined && !d.decryptError,
    ...(files ? { files } : {}),
    ...(d && !d.decryptError ? { integrity: d.integrity } : {}),
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
  w: Messages,
): FileFaults {
  const out: FileFaults = { checked: 0, altered: [], missing: [], extra: [], unsafe: [], truncated: [] };
  const seen = new Map<string, ObservedEntry>();
  for (const e of d.entries) {
    if (e.unsafe) {
      out.unsafe.push(e.name);
      faults.push(w.verdict.unsafe(JSON.stringify(e.name), say(w, e.unsafe)));
      continue;
    }
    if (e.type === 'file' && e.bagPath !== null) seen.set(e.bagPath, e);
  }
  if (d.tarError) faults.push(w.verdict.tar(say(w, d.tarError)));

  const signedPaths = new Set<string>();
  for (const f of allFiles(m)) {
    signedPaths.add(f.path);
    const e = seen.get(f.path);
    if (!e) {
      out.missing.push(f.path);
      perFile.set(f.path, w.verdict.missingFile);
      faults.push(d.tarError ? w.verdict.notReached(f.path) : w.verdict.missing(f.path));
      continue;
    }
    out.checked++;
    const digest = e.digests[m.algorithm];
    if (e.read < f.size && (e.read < e.declaredSize || e.declaredSize < f.size)) {
      out.truncated.push(f.path);
      perFile.set(f.path, w.verdict.truncatedFile(e.read, f.size));
      faults.push(w.verdict.truncated(f.path, e.read, f.size));
    } else if (e.declaredSize !== f.size || digest !== f.digest.toLowerCase()) {
      out.altered.push(f.path);
      const why =
        e.declaredSize !== f.size
          ? w.verdict.otherSize(e.declaredSize, f.size)
          : w.verdict.otherDigest(m.algorithm);
      perFile.set(f.path, w.verdict.alteredFile(why));
      faults.push(w.verdict.altered(f.path, why));
    }
  }
  for (const [p] of seen) {
    if (signedPaths.has(p) || p === unlistedTagManifest(m)) continue;
    out.extra.push(p);
    faults.push(w.verdict.extra(p));
  }
  checkBag(m, d, seen, faults, w);
  return out;
}

/** RFC 8493: the bag checked against itself (manifests, tag manifests, Payload-Oxum, bagit.txt). */
function checkBag(
  m: Manifest,
  d: ArchiveObservation,
  seen: Map<string, ObservedEntry>,
  faults: string[],
  w: Messages,
): void {
  if (d.tarError || d.decryptError) return;
  const bag = (msg: string) => faults.push(w.verdict.bag(msg));
  if (!seen.has('bagit.txt')) bag(w.verdict.bagMissing('bagit.txt'));
  const payload = [...seen.values()].filter((e) => e.bagPath!.startsWith('data/'));
  const manifests = Object.keys(d.texts).filter((p) => /^manifest-[a-z0-9]+\.txt$/.test(p));
  if (manifests.length === 0) bag(w.verdict.noPayloadManifest);
  const check = (file: string, payloadSide: boolean) => {
    const alg = /-([a-z0-9]+)\.txt$/.exec(file)![1]!;
    let entries;
    try {
      entries = parseManifest(d.texts[file]!);
    } catch (e) {
      bag(
        w.verdict.malformed(
          file,
          e instanceof TextError ? say(w, e.text) : e instanceof Error ? e.message : String(e),
        ),
      );
      return;
    }
    const listed = new Set<string>();
    for (const { path: p, digest } of entries) {
      listed.add(p);
      const e = seen.get(p);
      if (!e) {
        bag(w.verdict.listsAbsent(file, p));
        continue;
      }
      if (payloadSide !== p.startsWith('data/')) bag(w.verdict.listsOtherSide(file, p, payloadSide));
      const got = e.digests[alg];
      if (got === undefined) bag(w.verdict.notComputed(file, alg, p));
      else if (got !== digest) bag(w.verdict.digestMismatch(p, file));
    }
    if (payloadSide)
      for (const e of payload) if (!listed.has(e.bagPath!)) bag(w.verdict.notListed(e.bagPath!, file));
  };
  for (const f of manifests) check(f, true);
  for (const f of Object.keys(d.texts).filter((p) => /^tagmanifest-[a-z0-9]+\.txt$/.test(p))) check(f, false);

  const info = d.texts['bag-info.txt'];
  if (info === undefined) bag(w.verdict.bagMissing('bag-info.txt'));
  else {
    const fields = parseBagInfo(info);
    const oxum = fields.get('Payload-Oxum')?.[0];
    const bytes = payload.reduce((n, e) => n + e.read, 0);
    const actual = `${bytes}.${payload.length}`;
    if (oxum === undefined) bag(w.verdict.noOxum);
    else if (oxum !== actual) bag(w.verdict.oxum(oxum, actual));
    const ext = fields.get('External-Identifier')?.[0];
    if (ext !== undefined && ext !== m.plan.id) bag(w.verdict.externalId(ext, m.plan.id));
  }
}

// ---------------------------------------------------------------------------------------------
// The human report

/**
 * A line a deliverable, then each fault, then the verdict (the human form of docs/FORMAT.md,
 * "verify --json"), in the words of `w`.
 */
export function describeVerification(
  v: Verification,
  m: Manifest,
  opts: { planGiven: boolean; receipt?: string[] },
  w: Messages,
): string[] {
  const lines: string[] = [];
  lines.push(w.report.manifest(v.manifest.file, m.plan.id, m.created));
  lines.push(
    v.signature.valid
      ? w.report.signatureValid(v.signature.fingerprint ?? undefined)
      : w.report.signatureNotValid,
  );
  const volumes = v.archive.volumes;
  lines.push(
    v.archive.present === false
      ? w.report.archiveAbsent(v.archive.file)
      : volumes
        ? w.volumes.archive(v.archive.file, volumes.length, volumes.filter((x) => !x.ok).length)
        : v.archive.ok && v.archive.size !== null && v.archive.digest !== null
          ? w.report.archiveOk(v.archive.file, v.archive.size, v.archive.digest)
          : w.report.archiveNotOk(v.archive.file),
  );
  for (const x of volumes ?? []) lines.push(`  ${w.volumes.line(x.file, x.size, x.reason)}`);
  if (v.deliveries) {
    lines.push(w.deliveries.reportTitle(v.deliveries.length));
    for (const d of v.deliveries)
      lines.push(
        w.deliveries.report(d.number, d.manifest, d.created.slice(0, 10), d.ok, d.deliverables.join(', ')),
      );
  }
  if (v.files) {
    // Counted as bundle counts them: payload files, tag files apart.
    const missing = new Set(v.files.missing);
    const found = (files: ManifestFile[]) => files.filter((f) => !missing.has(f.path)).length;
    const payload = found(m.deliverables.flatMap((d) => d.files));
    lines.push(w.report.files(w.fileCount.payloadAndTags(payload, found(m.tagFiles)), v.integrity === true));
  }
  lines.push(w.report.deliverables);
  for (const d of v.deliverables) {
    const src = m.deliverables.find((x) => x.id === d.id);
    const n = src?.files.length ?? 0;
    const state =
      d.status === 'waived'
        ? w.report.waived(src?.waiver?.reason, src?.waiver?.approved_by)
        : !d.delivered
          ? w.report.notDelivered(d.required)
          : d.intact === null
            ? w.report.listed(n)
            : d.intact
              ? w.report.intact(n)
              : w.report.faulty(d.faults.length, n);
    lines.push(`  ${w.report.deliverable(d.id, src ? w.category[src.category] : '?', state)}`);
  }
  if (!opts.planGiven) lines.push(w.report.completenessAsDeclared);
  if (opts.receipt) lines.push(...opts.receipt);
  if (v.faults.length) {
    lines.push(w.report.faults(v.faults.length));
    for (const f of v.faults) lines.push(`  - ${f}`);
  }
  if (v.plan && !v.plan.matches) lines.push(`${w.label.hint}${w.planDiff.hint}`);
  lines.push(v.ok ? w.report.ok(v.decrypted, v.complete) : w.report.notOk(v.faults.length));
  return lines;
}
