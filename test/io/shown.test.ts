/** How a path is shown at the terminal: relative inside the working folder, absolute outside it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shown } from '../../src/io/shown.js';

describe('shown', () => {
  it('is relative inside the working folder, absolute outside it (POSIX)', () => {
    const at = '/home/ops/exit';
    expect(shown('/home/ops/exit/out/a.tar.pgp', at, path.posix)).toBe('out/a.tar.pgp');
    expect(shown('out/a.tar.pgp', at, path.posix)).toBe('out/a.tar.pgp');
    expect(shown('/tmp/out/a.tar.pgp', at, path.posix)).toBe('/tmp/out/a.tar.pgp');
    expect(shown('../other/plan.yaml', at, path.posix)).toBe('/home/ops/other/plan.yaml');
    expect(shown('/home/ops', at, path.posix)).toBe('/home/ops');
    expect(shown('/home/ops/exit/..notes', at, path.posix)).toBe('..notes');
    expect(shown('/home/ops/exit', at, path.posix)).toBe('/home/ops/exit');
  });

  it('is relative inside the working folder, absolute outside it and on another drive (Windows)', () => {
    const at = 'C:\\Users\\ops\\exit';
    expect(shown('C:\\Users\\ops\\exit\\out\\a.tar.pgp', at, path.win32)).toBe('out\\a.tar.pgp');
    expect(shown('C:\\Temp\\a.tar.pgp', at, path.win32)).toBe('C:\\Temp\\a.tar.pgp');
    expect(shown('E:\\handover\\a.tar.pgp', at, path.win32)).toBe('E:\\handover\\a.tar.pgp');
    expect(shown('..\\other\\plan.yaml', at, path.win32)).toBe('C:\\Users\\ops\\other\\plan.yaml');
  });
});
