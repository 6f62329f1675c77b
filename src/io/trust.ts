/**
 * Trust: which key the plan pins for which party, read from its key file (relative to the plan)
 * or, without one, its `fingerprint` field. Every check of a signer, a recipient or an
 * acknowledging party against the plan is here; the pure part (comparing fingerprints, which
 * party a fingerprint is) is src/core/trust.ts.
 */
import path from 'node:path';
import type { Recipient } from '../core/build-manifest.js';
import { ExitkitError } from '../core/errors.js';
import type { Role } from '../core/plan.js';
import { normalizeFingerprint, roleOfFingerprint, sameFingerprint, type Pins } from '../core/trust.js';
import {
  assertCanEncrypt,
  assertCanSign,
  fingerprintOf,
  readKeyFile,
  readPrivateKeyFile,
  type Key,
  type PassphraseSource,
  type PrivateKey,
  type PublicKey,
} from './openpgp/keys.js';
import type { LoadedPlan } from './plan/plan-file.js';

/** The key of a party in the plan, read from its key file; null when the plan names none. */
export async function partyKey(plan: LoadedPlan, role: Role): Promise<Key | null> {
  const party = plan.plan.parties[role];
  if (!party?.key) return null;
  return readKeyFile(path.resolve(plan.dir, party.key));
}

/** The fingerprint the plan pins for a party: its key file's, else its `fingerprint` field. */
export async function partyFingerprint(plan: LoadedPlan, role: Role): Promise<string | undefined> {
  const key = await partyKey(plan, role);
  if (key) return fingerprintOf(key);
  const field = plan.plan.parties[role]?.fingerprint;
  return field === undefined ? undefined : normalizeFingerprint(field);
}

/** The fingerprint pinned for every party the plan pins. */
export async function planPins(plan: LoadedPlan): Promise<Pins> {
  const pins: Pins = {};
  for (const role of ['client', 'outgoing', 'incoming'] as const) {
    const f = await partyFingerprint(plan, role);
    if (f) pins[role] = f;
  }
  return pins;
}

/**
 * bundle: the signing key must be the outgoing provider's key of the plan, and able to sign;
 * checked before the passphrase is asked and before any source is read.
 */
export async function outgoingSigningKey(
  plan: LoadedPlan,
  file: string,
  passphrase: PassphraseSource,
): Promise<PrivateKey> {
  const pin = await partyFingerprint(plan, 'outgoing');
  if (!pin)
    throw new ExitkitError((m) => m.trust.outgoingNotPinned, {
      code: 'signer_not_pinned',
      location: plan.locate(['parties', 'outgoing']),
      hints: [(m) => m.trust.outgoingNotPinnedHint],
    });
  const key = await readKeyFile(file);
  if (!sameFingerprint(fingerprintOf(key), pin))
    throw new ExitkitError((m) => m.trust.notOutgoingKey(file, fingerprintOf(key), pin), {
      code: 'key_wrong',
      hints: [(m) => m.trust.notOutgoingKeyHint],
    });
  await assertCanSign(key, file);
  return readPrivateKeyFile(file, passphrase);
}

/**
 * verify: the signer is pinned by the person verifying, never by the manifest (which could name
 * any key): `--signer KEY`, or the outgoing provider's key in the plan; when both are given they
 * must agree. `planArg` is the plan as the user gave it.
 */
export async function pinnedSigner(o: {
  plan?: LoadedPlan | undefined;
  planArg?: string | undefined;
  signer?: string | undefined;
}): Promise<Key> {
  const fromPlan = o.plan ? await partyKey(o.plan, 'outgoing') : null;
  if (o.signer) {
    const key = await readKeyFile(o.signer);
    const want = o.plan ? await partyFingerprint(o.plan, 'outgoing') : undefined;
    if (want && !sameFingerprint(fingerprintOf(key), want)) {
      const file = o.signer;
      throw new ExitkitError((m) => m.trust.signerNotOutgoing(file, fingerprintOf(key), want), {
        code: 'key_wrong',
        hints: [(m) => m.trust.signerNotOutgoingHint],
      });
    }
    return key;
  }
  if (fromPlan) return fromPlan;
  if (o.plan) {
    const file = o.planArg ?? o.plan.file;
    throw new ExitkitError((m) => m.trust.noOutgoingKey(file), {
      code: 'signer_not_pinned',
      hints: [(m) => m.trust.noOutgoingKeyHint],
    });
  }
  throw new ExitkitError((m) => m.verify.noSigner, {
    code: 'signer_not_pinned',
    hints: [(m) => m.verify.noSignerHint],
  });
}

/** bundle: the plan's client and incoming keys, then every extra key file, each able to encrypt now. */
export async function recipientsOf(
  plan: LoadedPlan,
  extra: string[],
): Promise<{ keys: PublicKey[]; recipients: Recipient[] }> {
  const keys: PublicKey[] = [];
  const recipients: Recipient[] = [];
  const add = async (key: Key, shownAs: string, role?: Role, name?: string) => {
    await assertCanEncrypt(key, shownAs);
    const fingerprint = fingerprintOf(key);
    if (recipients.some((r) => sameFingerprint(r.fingerprint, fingerprint))) return;
    keys.push(key.toPublic());
    recipients.push({ fingerprint, ...(role ? { role } : {}), ...(name ? { name } : {}) });
  };
  for (const role of ['client', 'incoming'] as const) {
    const party = plan.plan.parties[role];
    if (!party) continue;
    const key = await partyKey(plan, role);
    if (!key || !party.key)
      throw new ExitkitError((m) => m.trust.noRecipientKey(m.role[role], party.name), {
        location: plan.locate(['parties', role]),
        hints: [(m) => m.trust.noRecipientKeyHint(role)],
      });
    await add(key, party.key, role, party.name);
  }
  for (const file of extra) await add(await readKeyFile(file), file);
  return { keys, recipients };
}

/** The keys the plan gives to the parties that may sign a receipt. */
export async function receiptSigners(plan: LoadedPlan): Promise<Array<{ role: Role; key: Key }>> {
  const out: Array<{ role: Role; key: Key }> = [];
  for (const role of ['client', 'incoming'] as const) {
    const key = await partyKey(plan, role);
    if (key) out.push({ role, key });
  }
  return out;
}

/** acknowledge: the signer must be the client or the incoming provider of the plan. */
export async function acknowledgingParty(
  plan: LoadedPlan,
  fingerprint: string,
): Promise<{ role: Role; name: string }> {
  const role = roleOfFingerprint(await planPins(plan), fingerprint, ['client', 'incoming', 'outgoing']);
  if (role === 'outgoing')
    throw new ExitkitError((m) => m.trust.outgoingAcknowledges, {
      code: 'key_wrong',
      hints: [(m) => m.trust.outgoingAcknowledgesHint],
    });
  if (role === null)
    throw new ExitkitError((m) => m.trust.notAcknowledgingParty(fingerprint, plan.file), {
      code: 'key_wrong',
      hints: [(m) => m.trust.notAcknowledgingPartyHint],
    });
  return { role, name: plan.plan.parties[role]!.name };
}
