/**
 * Progress of long work (bundle, verify --decryption-key, extract) on stderr, only when stderr is
 * a terminal, not under --json nor in CI (stdout stays the result): bytes done, rate and time
 * left, redrawn in place at most four times a second.
 */
import { formatBytes } from '../core/bytes.js';
import type { Messages } from '../core/i18n/terminal/index.js';

/** The work a progress line is about (the catalogs' `work` section). */
export type Work = keyof Messages['work'];

/**
 * Whether progress is shown: on a terminal (stderr), never under --json, never in CI (where a
 * terminal may be faked and the redrawn line only litters the log).
 */
export function showsProgress(o: {
  json: boolean;
  stderrIsTTY: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
}): boolean {
  const ci = o.env.CI;
  return !o.json && o.stderrIsTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  /** Shown in the words of `m`; without `m`, not shown. */
  constructor(
    private readonly total: number,
    private readonly m: Messages | undefined,
    private readonly work: Work = 'bundle',
    private readonly write: (s: string) => void = (s) => process.stderr.write(s),
  ) {}

  update(done: number): void {
    const { m } = this;
    if (!m) return;
    const now = Date.now();
    if (now - this.last < 250 && done < this.total) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    // The rate of the first second says little: no time left until then.
    const left = rate > 0 && seconds >= 1 ? Math.ceil((this.total - done) / rate) : undefined;
    const pct = this.total > 0 ? Math.floor((done / this.total) * 100) : 100;
    const line = m.progress.line(
      m.work[this.work],
      formatBytes(done, m),
      formatBytes(this.total, m),
      pct,
      formatBytes(rate, m),
      left === undefined ? undefined : formatDuration(left),
    );
    this.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Clears the line, so that the summary starts on a clean one. */
  done(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${seconds % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
