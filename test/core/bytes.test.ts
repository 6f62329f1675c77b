import { describe, expect, it } from 'vitest';
import { MIN_VOLUME_SIZE, parseSize } from '../../src/core/bytes.js';

describe('parseSize (bundle --volume-size)', () => {
  it.each([
    ['1048576', 1048576],
    ['512M', 512 * 2 ** 20],
    ['4G', 4 * 2 ** 30],
    ['4g', 4 * 2 ** 30],
    ['64MiB', 64 * 2 ** 20],
    ['1.5G', 1.5 * 2 ** 30],
    ['2T', 2 * 2 ** 40],
    ['100K', 100 * 1024],
    ['700b', 700],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'abc', '4X', '-1M', '1,5G', 'M', '4 G B', '1e9'])('refuses %j', (text) => {
    expect(parseSize(text)).toBeNull();
  });

  it('1 MiB is the smallest volume', () => {
    expect(MIN_VOLUME_SIZE).toBe(parseSize('1M'));
  });
});
