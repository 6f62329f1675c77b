/**
 * What the bag writer takes and returns: the payload entries and tag files, and
 * how a source file is opened and held to what was listed (no link, same size and time).
 */
import { createHash } from 'node:crypto';
import { ExitkitError } from '../../core/errors.js';
import type { DigestAlgorithm, ManifestFile } from '../../core/manifest.js';
import type { PublicKey } from '../openpgp/keys.js';
import type { SourceFault } from './sealed-stream.js';

export interface PayloadEntry {
  /** Absolute path of the source file. */
  abs: string;
  /** Path inside the bag (NFC), e.g. data/backups/fs01-backup/fs01.vbk. */
  bagPath: string;
  /** Size and mtime when the sources were listed: the file must still match them. */
  size: number;
  mtimeMs: number;
  /** How the file is named to the user in an error (relative to the plan). */
  shown: string;
}

export interface TagFile {
  /** Path inside the bag, e.g. bag-info.txt. */
  path: string;
  content: Uint8Array;
}

export interface WriteBagOptions {
  /** The temporary file the encrypted archive is written to (created, never overwritten). */
  file: string;
  /** The bag's folder name in the tar (the plan id). */
  bagId: string;
  payload: readonly PayloadEntry[];
  algorithm: DigestAlgorithm;
  recipients: PublicKey[];
  /**
   * The tag files written after the payload, in order, given the payload as measured
   * (bag-info.txt with Payload-Oxum, manifest-<alg>.txt, exit-plan.yaml, exit-manifest.json).
   * bagit.txt goes first and tagmanifest-<alg>.txt last; they are written here. A function is
   * called with the tag files written before it (exit-manifest.json lists them with digests).
   */
  tagFiles: (payload: ManifestFile[]) => Array<TagFile | ((written: ManifestFile[]) => TagFile)>;
  /** Called as payload bytes are read. */
  onProgress?: (payloadBytes: number) => void;
  /**
   * Volumes (docs/FORMAT.md, "Volumes"): the tar cut into consecutive segments, each its own
   * message in its own file, every file under `size` bytes; `file(n)` is volume n's (from 1),
   * created, never overwritten. Without it, the one message goes to `file`.
   */
  volumes?: { size: number; file: (n: number) => string };
  /** With volumes: how many are sealed side by side at most (1: one after another). */
  jobs?: number;
}

export interface WrittenBag {
  payload: ManifestFile[];
  /** Every tag file but tagmanifest-<alg>.txt, with its digest (for the manifest's tagFiles). */
  tagFiles: ManifestFile[];
  /** The archive's size and SHA-256; with volumes, their total size (each has its own SHA-256). */
  archive: { size: number; sha256?: string };
  /** With volumes: each volume's file, size and SHA-256, in order (`archive` is then their total). */
  volumes?: Array<{ file: string; size: number; sha256: string }>;
}

export function digest(algorithm: DigestAlgorithm, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}
/** A source that changed, vanished or was swapped while it was read, named as listed. */
export function sourceError(entry: PayloadEntry, fault: SourceFault): ExitkitError {
  if (fault.how === 'link')
    return new ExitkitError((m) => m.sealing.becameLink(entry.shown), {
      hints: [(m) => m.sealing.becameLinkHint],
    });
  if (fault.how === 'notRegular')
    return new ExitkitError((m) => m.sealing.notRegular(entry.shown), {
      hints: [(m) => m.sealing.notRegularHint],
    });
  const how = fault.how;
  return new ExitkitError((m) => m.sealing.changed(entry.shown, how), {
    hints: [(m) => m.sealing.changedHint],
  });
}
