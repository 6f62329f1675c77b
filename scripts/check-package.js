#!/usr/bin/env node
// node scripts/check-package.js (run by .ci/run after the tests)
//
// Installs exitkit as a user would get it: `npm pack`, then the tarball installed globally into a
// temporary prefix, then `exitkit --version`, `--help`, `init` and `validate` run from there. A
// file missing from the package's "files" (a template, the schema, the oclif manifest) fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'exitkit-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== (opts.expect ?? 0)) {
    process.stderr.write(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}\n`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  return r.stdout;
}

try {
  const tarball = run(npm, ['pack', '--silent', '--pack-destination', work], { cwd: ROOT })
    .trim()
    .split('\n')
    .pop();
  const prefix = path.join(work, 'prefix');
  run(npm, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', path.join(work, tarball)]);
  const bin =
    process.platform === 'win32' ? path.join(prefix, 'exitkit.cmd') : path.join(prefix, 'bin', 'exitkit');
  const env = {
    ...process.env,
    LANG: 'C',
    LC_ALL: '',
    PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`,
  };
  const version = run(bin, ['--version'], { env });
  run(bin, ['--help'], { env });
  run(bin, ['verify', '--help'], { env });
  const plans = path.join(work, 'exit');
  run(bin, ['init', plans, '--lang', 'fr'], { env });
  const validated = run(bin, ['validate', path.join(plans, 'exit-plan.yaml')], { env });
  if (!/valid plan/.test(validated)) {
    process.stderr.write(`validate from the installed package said: ${validated}\n`);
    process.exit(1);
  }
  console.log(`package: ${tarball} installs and runs (${version.trim()}): --version, --help, init, validate`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
