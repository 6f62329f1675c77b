/**
 * `exitkit keys generate`'s file work: PREFIX.pub.asc and PREFIX.sec.asc, never half a key pair
 * and never an overwrite without `force`.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError } from '../core/errors.js';
import type { Text } from '../core/i18n/terminal/index.js';
import { writeFilesAtomically } from './atomic.js';
import { generateKeyPair } from './openpgp/keys.js';
import { newPassphrase, type PassphraseSource } from './openpgp/passphrase.js';
import { shown } from './shown.js';

export interface KeyPairRequest {
  name: string;
  email: string;
  type: 'curve25519' | 'rsa4096';
  /** Path prefix: PREFIX.pub.asc and PREFIX.sec.asc. */
  prefix: string;
  force: boolean;
  /** Where the new passphrase comes from; null for an unprotected key. */
  passphrase: PassphraseSource | null;
  note: (message: Text) => void;
}

export interface KeyPairFiles {
  fingerprint: string;
  publicKey: string;
  secretKey: string;
  protected: boolean;
}

export async function writeKeyPair(r: KeyPairRequest): Promise<KeyPairFiles> {
  const pub = path.resolve(`${r.prefix}.pub.asc`);
  const sec = path.resolve(`${r.prefix}.sec.asc`);
  if (!r.force) {
    for (const f of [pub, sec]) {
      if (await stat(f).catch(() => null))
        throw new ExitkitError((m) => m.keyPair.exists(shown(f)), {
          code: 'output_exists',
          hints: [(m) => m.keyPair.existsHint],
        });
    }
  }
  // The folder of the prefix is made when missing (`--out keys/x`, as `bundle --out`), once the
  // key is made: a refused passphrase leaves no empty folder behind.
  const folder = path.dirname(pub);
  const there = await stat(folder).catch(() => null);
  if (there && !there.isDirectory())
    throw new ExitkitError((m) => m.keysOut.notAFolder(shown(folder)), {
      code: 'file_access',
      hints: [(m) => m.keysOut.notAFolderHint],
    });

  const passphrase = r.passphrase ? await newPassphrase(r.passphrase) : undefined;
  if (r.type === 'rsa4096') r.note((m) => m.keyPair.rsaSlow);
  const made = await generateKeyPair({
    name: r.name,
    email: r.email,
    type: r.type,
    ...(passphrase === undefined ? {} : { passphrase }),
  });
  if (!there)
    await mkdir(folder, { recursive: true }).catch((e: Error) => {
      const why = e.message;
      throw new ExitkitError((m) => m.init.cannotCreate(shown(folder), why), {
        code: 'file_access',
        hints: [(m) => m.keysOut.notAFolderHint],
      });
    });
  await writeFilesAtomically(
    [
      { path: pub, data: made.publicKey, mode: 0o644 },
      { path: sec, data: made.privateKey, mode: 0o600 },
    ],
    { exclusive: !r.force, hint: (m) => m.keyPair.existsHint },
  );
  return {
    fingerprint: made.fingerprint,
    publicKey: pub,
    secretKey: sec,
    protected: passphrase !== undefined,
  };
}
