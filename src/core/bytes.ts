import type { Messages } from './i18n/terminal/index.js';

/** Sizes in words, the same everywhere exitkit prints one: 312 bytes, 1.5 MiB (312 octets, 1,5 Mio). */
export function formatBytes(n: number, m: Messages): string {
  if (n < 1024) return m.units.bytes(Math.round(n));
  let v = n / 1024;
  let power = 0;
  while (v >= 1024 && power < 3) {
    v /= 1024;
    power++;
  }
  return m.units.size(v, power);
}
