import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/core/bytes.js';
import { en } from '../../src/core/i18n/terminal/en.js';
import { normalizeFingerprint, roleOfFingerprint, sameFingerprint } from '../../src/core/trust.js';

const A = '0123456789ABCDEF0123456789ABCDEF01234567';
const B = 'FEDCBA9876543210FEDCBA9876543210FEDCBA98';

describe('fingerprints', () => {
  it('compares them however they are spaced or cased; an absent one is no key', () => {
    expect(normalizeFingerprint('0123 4567 89ab cdef 0123  4567 89AB CDEF 0123 4567')).toBe(A);
    expect(sameFingerprint(A.toLowerCase(), A)).toBe(true);
    expect(sameFingerprint(A, B)).toBe(false);
    expect(sameFingerprint(undefined, A)).toBe(false);
    expect(sameFingerprint(null, null)).toBe(false);
  });

  it('names the party a fingerprint is pinned to, in the order asked, or none', () => {
    const pins = { client: A, outgoing: B };
    expect(roleOfFingerprint(pins, B.toLowerCase())).toBe('outgoing');
    expect(roleOfFingerprint(pins, A, ['incoming', 'client'])).toBe('client');
    expect(roleOfFingerprint(pins, A, ['incoming'])).toBeNull();
    expect(roleOfFingerprint({}, A)).toBeNull();
  });
});

describe('formatBytes', () => {
  it('says bytes below 1 KiB, then one decimal in binary units', () => {
    expect(formatBytes(1, en)).toBe('1 byte');
    expect(formatBytes(1000, en)).toBe('1000 bytes');
    expect(formatBytes(1536, en)).toBe('1.5 KiB');
    expect(formatBytes(1024 * 1024, en)).toBe('1.0 MiB');
    expect(formatBytes(3.5 * 1024 ** 3, en)).toBe('3.5 GiB');
    expect(formatBytes(512.4, en)).toBe('512 bytes');
  });
});
