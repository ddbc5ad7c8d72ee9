import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: faults, crashes, fuzzing and isolation (issue 6). Separate from
 * `npm test` because it starts child processes and a private PostgreSQL cluster.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Same budget as the main suite: a database per file, two files at once; some start servers of their own.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
