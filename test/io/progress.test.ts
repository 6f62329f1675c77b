import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';
import { Progress, formatDuration, showsProgress } from '../../src/io/progress.js';

/** Back to the start of the line, and clear it: the line is redrawn in place. */
const CLEAR = '\r\x1b[2K';

describe('progress: shown on a terminal only, never under --json nor in CI', () => {
  it('decides from --json, the terminal and CI', () => {
    const tty = { json: false, stderrIsTTY: true, env: {} };
    expect(showsProgress(tty)).toBe(true);
    expect(showsProgress({ ...tty, json: true })).toBe(false);
    expect(showsProgress({ ...tty, stderrIsTTY: false })).toBe(false);
    expect(showsProgress({ ...tty, stderrIsTTY: undefined })).toBe(false);
    for (const ci of ['true', '1', 'yes', 'woodpecker'])
      expect(showsProgress({ ...tty, env: { CI: ci } }), ci).toBe(false);
    for (const ci of ['', 'false', '0']) expect(showsProgress({ ...tty, env: { CI: ci } }), ci).toBe(true);
  });

  it('says what is done, of how much, the rate and (after a second) the time left, then clears its line', () => {
    const written: string[] = [];
    const p = new Progress(4096, CATALOGS.en, 'verify', (s) => written.push(s));
    p.update(4096);
    expect(written).toHaveLength(1);
    expect(written[0]!.startsWith(CLEAR)).toBe(true);
    expect(written[0]!.slice(CLEAR.length)).toMatch(
      /^decrypting and checking 4(\.0)? KiB of 4(\.0)? KiB \(100 %\), .*\/s$/,
    );
    p.done();
    expect(written[1]).toBe(CLEAR);

    const fr: string[] = [];
    const q = new Progress(1000, CATALOGS.fr, 'extract', (s) => fr.push(s));
    q.update(500);
    expect(fr[0]!.slice(CLEAR.length)).toMatch(/^déchiffrement et extraction : .* sur .* \(50 %\)/);
    // Redrawn at most four times a second: an update right after is skipped, the last one is not.
    q.update(600);
    expect(fr).toHaveLength(1);
    q.update(1000);
    expect(fr).toHaveLength(2);
  });

  it('without words (not shown), writes nothing, not even when done', () => {
    const written: string[] = [];
    const p = new Progress(10, undefined, 'bundle', (s) => written.push(s));
    p.update(10);
    p.done();
    expect(written).toEqual([]);
  });

  it('formats the time left', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(7260)).toBe('2 h 1 min');
  });
});
