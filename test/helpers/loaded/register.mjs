/**
 * Records every module a process loads, for tests that prove what a command does not load
 * (test/commands/startup.test.ts): given as `--import` in NODE_OPTIONS, with EXITKIT_LOADED_LOG
 * naming the file that receives one URL or path a line. ES modules are seen by the loader hook
 * (./hooks.mjs, which runs in the loader's own thread); CommonJS modules are in require's cache
 * when the process exits.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.EXITKIT_LOADED_LOG;
if (log) {
  register(new URL('./hooks.mjs', import.meta.url));
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const files = Object.keys(require.cache);
    if (files.length) appendFileSync(log, `${files.join('\n')}\n`);
  });
}
