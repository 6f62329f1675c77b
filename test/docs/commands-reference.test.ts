import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const run = promisify(execFile);
const between = (text: string) =>
  text.slice(text.indexOf('\n<!-- commands -->'), text.indexOf('<!-- commandsstop -->'));

describe('docs/commands.md', () => {
  it('is what `oclif readme` makes from the built commands today (else: npm run readme)', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'),
        'readme',
        '--readme-path',
        'docs/commands.md',
        '--no-aliases',
        '--dry-run',
      ],
      // NODE_ENV=production as `npm run readme` runs: under vitest's NODE_ENV=test oclif would look
      // for the help class in src/ and fail to load it (TypeScript in an ESM package).
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', OCLIF_SKIP_NEW_VERSION_CHECK: 'true' },
        maxBuffer: 16 << 20,
      },
    );
    const generated = between(stdout);
    expect(generated).toContain('## `exitkit verify MANIFEST`');
    expect(between(await readFile(path.join(ROOT, 'docs', 'commands.md'), 'utf8'))).toBe(generated);
  });
});
