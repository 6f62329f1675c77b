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

/** The smallest volume `bundle --volume-size` accepts: 1 MiB (docs/FORMAT.md, "Volumes"). */
export const MIN_VOLUME_SIZE = 1 << 20;

/**
 * A size as a person writes it: bytes (`1048576`), or with a binary unit (`512M`, `4G`, `1.5G`,
 * `64MiB`; K, M, G, T are powers of 1024). Null when it is not one.
 */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = m[2] ? 1024 ** ('kmgt'.indexOf(m[2].toLowerCase()) + 1) : 1;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : null;
}
