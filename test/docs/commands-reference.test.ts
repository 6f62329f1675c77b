import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';
import { ROOT } from '../helpers/cli.js';

const run = promisify(execFile);
const between = (text: string) =>
  text.slice(text.indexOf('\n<!-- commands -->'), text.indexOf('<!-- commandsstop -->'));

/** What `oclif readme` would write into docs/commands.md, run with `env` over this environment. */
async function readme(env: Record<string, string> = {}): Promise<string> {
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
      env: { ...process.env, ...env, NODE_ENV: 'production', OCLIF_SKIP_NEW_VERSION_CHECK: 'true' },
      maxBuffer: 16 << 20,
    },
  );
  return between(stdout);
}

describe('docs/commands.md', () => {
  it('is what `oclif readme` makes from the built commands today (else: npm run readme)', async () => {
    const generated = await readme();
    expect(generated).toContain('## `exitkit verify MANIFEST`');
    expect(between(await readFile(path.join(ROOT, 'docs', 'commands.md'), 'utf8'))).toBe(generated);
  });

  it('is English whatever the locale of whoever runs `oclif readme` (--help follows the locale)', async () => {
    const generated = await readme({ LANG: 'fr_CH.UTF-8', LC_ALL: 'fr_CH.UTF-8' });
    expect(generated).toContain(CATALOGS.en.help.summary.verify);
    expect(generated).not.toContain(CATALOGS.fr.help.summary.verify);
    expect(generated).not.toContain('UTILISATION');
  });
});
