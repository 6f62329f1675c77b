/**
 * Trust, the pure part: a fingerprint as exitkit compares and prints it, and which party of the
 * plan a fingerprint is. Which key the plan pins for a party (reading its key file) is
 * src/io/trust.ts.
 */
import { ROLES, type Role } from './plan.js';

/** The fingerprint each party of the plan is pinned to (absent: the plan pins none for it). */
export type Pins = Partial<Record<Role, string>>;

/** A fingerprint as exitkit compares and prints it: hex digits in upper case, no spaces. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/\s+/g, '').toUpperCase();
}

/** Whether two fingerprints name the same key, however they are spaced or cased; absent is no key. */
export function sameFingerprint(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && normalizeFingerprint(a) === normalizeFingerprint(b);
}

/** The party whose pinned key has this fingerprint, looked up in `among`'s order, or null. */
export function roleOfFingerprint(
  pins: Pins,
  fingerprint: string,
  among: readonly Role[] = ROLES,
): Role | null {
  return among.find((role) => sameFingerprint(pins[role], fingerprint)) ?? null;
}
