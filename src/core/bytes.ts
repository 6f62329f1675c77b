/** Sizes in words, the same everywhere exitkit prints one: 312 bytes, 1.5 MiB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} byte${n === 1 ? '' : 's'}`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}
