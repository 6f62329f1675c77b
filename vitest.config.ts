import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on the built CLI, GnuPG or tar in a child process: vitest's default (one
    // worker fewer than the cores, so one on a 2-core machine) leaves a core idle while they run.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default'],
  },
});
