/**
 * The openpgp library, loaded by the first call that needs it and not before: it is the largest
 * module exitkit uses (its loading is most of a command's start-up), and `--version`, `--help`,
 * `validate` (unless a plan's key file is there to read), `walk` and `init` never encrypt, sign or
 * read a key. The files of this folder import its types only and take its functions from here.
 */
import type * as Openpgp from 'openpgp';

export interface OpenpgpLibrary {
  openpgp: typeof Openpgp;
  /** Settings shared by every call: GnuPG 2.2 compatibility first. */
  PGP_CONFIG: Partial<Openpgp.Config>;
  /**
   * Key methods (getEncryptionKey, getSigningKey...) take a whole Config, not a partial one: a
   * partial one lacks rejectCurves, minRSABits... and makes every key look unusable.
   */
  KEY_CONFIG: Openpgp.Config;
}

let loading: Promise<OpenpgpLibrary> | undefined;

/** openpgp and exitkit's settings for it, loaded once. */
export function loadOpenpgp(): Promise<OpenpgpLibrary> {
  return (loading ??= import('openpgp').then((openpgp) => {
    const PGP_CONFIG: Partial<Openpgp.Config> = {
      preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed,
      aeadProtect: false,
      v6Keys: false,
    };
    return { openpgp, PGP_CONFIG, KEY_CONFIG: { ...openpgp.config, ...PGP_CONFIG } };
  }));
}
