import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: faults, crashes, fuzzing and isolation (issue 6). Separate from
 * `npm test` because it starts child processes and a private PostgreSQL cluster.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Same budget as the main suite: one PGlite (~240 MB) or PostgreSQL database per file, two at once.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
