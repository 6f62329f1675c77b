import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitkit, ROOT, tempDir } from '../helpers/cli.js';

const KNOWN_GOOD = path.join(ROOT, 'test', 'fixtures', 'known-good');
const RECORDER = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'loaded', 'register.mjs')).href;

/** Runs the built CLI and returns its exit code and every module (URL or path) it loaded. */
async function loadedBy(args: string[], cwd = ROOT): Promise<{ code: number | null; modules: string[] }> {
  const log = path.join(await tempDir('exitkit-loaded-'), 'modules.log');
  await writeFile(log, '');
  const r = await exitkit(args, {
    cwd,
    env: { NODE_OPTIONS: `--import=${RECORDER}`, EXITKIT_LOADED_LOG: log },
  });
  return { code: r.code, modules: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

/** The packages among the modules: `openpgp`, `@inquirer/core`... */
function packages(modules: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m);
    if (found) out.add(found[1]!);
  }
  return out;
}

/** The known-good plan without its key files: nothing in it needs a key read. */
async function planWithoutKeys(): Promise<string> {
  const text = await readFile(path.join(KNOWN_GOOD, 'plan.yaml'), 'utf8');
  const stripped = text.replace(/, key: [^}]+\}/g, '}');
  expect(stripped).not.toContain('key:');
  const dir = await tempDir();
  const file = path.join(dir, 'plan.yaml');
  await writeFile(file, stripped);
  return file;
}

// Start-up (issue 16): openpgp, the prompt library, the document templates and catalogs are
// loaded by the commands that use them, not by every command.
describe('what a command loads at start-up', () => {
  it('openpgp is loaded when a key is read (the recording sees it)', async () => {
    const shown = await loadedBy(['keys', 'show', path.join(KNOWN_GOOD, 'keys', 'throwaway-acme.pub.asc')]);
    expect(shown.code).toBe(0);
    expect(packages(shown.modules)).toContain('openpgp');
    // validate reads the plan's key files to check them: then, and only then, it needs openpgp.
    const validate = await loadedBy(['validate', path.join(KNOWN_GOOD, 'plan.yaml')]);
    expect(validate.code).toBe(0);
    expect(packages(validate.modules)).toContain('openpgp');
  });

  it('--version and --help load neither openpgp nor the plan parser', async () => {
    for (const args of [['--version'], ['--help'], ['validate', '--help']]) {
      const { code, modules } = await loadedBy(args);
      expect(code, args.join(' ')).toBe(0);
      const loaded = packages(modules);
      for (const name of ['openpgp', 'yaml', 'ajv', 'handlebars', '@inquirer/prompts'])
        expect(loaded, `${args.join(' ')} loads ${name}`).not.toContain(name);
    }
  });

  it('validate of a plan without key files, and walk, load no openpgp, prompt library, schema compiler or documents', async () => {
    const runs = [
      { args: ['validate', await planWithoutKeys()], code: 0 },
      // walk never reads a key; without a terminal it asks nothing.
      { args: ['walk', path.join(KNOWN_GOOD, 'plan.yaml')], code: 0 },
    ];
    for (const { args, code } of runs) {
      const r = await loadedBy(args);
      expect(r.code, args[0]).toBe(code);
      const loaded = packages(r.modules);
      expect(loaded, `${args[0]} parses the plan`).toContain('yaml');
      for (const name of ['openpgp', '@inquirer/prompts', '@inquirer/core', 'handlebars'])
        expect(loaded, `${args[0]} loads ${name}`).not.toContain(name);
      // The plan's schema check is the one the build compiled: Ajv's compiler is not loaded.
      expect(
        r.modules.filter((m) => /node_modules\/ajv\/dist\/(ajv|core)\.js$/.test(m)),
        args[0],
      ).toEqual([]);
      // The documents' catalogs (checklist, compensation...) are not the terminal's.
      expect(
        r.modules.filter((m) => /\/dist\/core\/i18n\/(de|it)\.js$/.test(m)),
        args[0],
      ).toEqual([]);
    }
  });
});
