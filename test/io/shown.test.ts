/** How a path is shown at the terminal: relative inside the working folder, absolute outside it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shown } from '../../src/io/shown.js';

describe('shown', () => {
  it.each([
    {
      platform: 'POSIX',
      p: path.posix,
      at: '/home/ops/exit',
      cases: [
        ['/home/ops/exit/out/a.tar.pgp', 'out/a.tar.pgp'],
        ['out/a.tar.pgp', 'out/a.tar.pgp'],
        ['/home/ops/exit/..notes', '..notes'],
        ['/home/ops/exit', '/home/ops/exit'],
        ['/tmp/out/a.tar.pgp', '/tmp/out/a.tar.pgp'],
        ['../other/plan.yaml', '/home/ops/other/plan.yaml'],
        ['/home/ops', '/home/ops'],
      ],
    },
    {
      platform: 'Windows',
      p: path.win32,
      at: 'C:\\Users\\ops\\exit',
      cases: [
        ['C:\\Users\\ops\\exit\\out\\a.tar.pgp', 'out\\a.tar.pgp'],
        ['C:\\Temp\\a.tar.pgp', 'C:\\Temp\\a.tar.pgp'],
        ['E:\\handover\\a.tar.pgp', 'E:\\handover\\a.tar.pgp'],
        ['..\\other\\plan.yaml', 'C:\\Users\\ops\\other\\plan.yaml'],
      ],
    },
  ])(
    'is relative inside the working folder, absolute outside it or on another drive ($platform)',
    ({ p, at, cases }) => {
      for (const [file, expected] of cases) expect(shown(file!, at, p), file).toBe(expected);
    },
  );
});
