import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers (npm test runs both):
 * - unit (npm run test:unit): test/unit/** mirrors src/ and test/architecture/** checks its
 *   layers; everything runs in this process against src/, with no build and no spawned CLI.
 *   Its heavy files (`*.slow.test.ts`: long property runs, timed imports) form the unit-slow
 *   project, run by npm test and not by the quick tier.
 * - e2e (npm run test:e2e): test/e2e/** spawns the built CLI (bin/ → dist/): exit codes,
 *   streams, terminals, crashes, concurrency, fuzzing, LibreOffice. It builds once first, and
 *   its files import nothing from src/ (the built code is what they test).
 */
export default defineConfig({
  test: {
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest leaves a core free by default; on a 2-CPU machine that is one worker for everything.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Files share a worker's module cache (src/ is loaded once per worker, not once per file):
        // the unit tests keep no global state (no mocks, no stubbed env; run() restores the cwd).
        test: {
          name: 'unit', include: ['test/unit/**/*.test.ts', 'test/architecture/**/*.test.ts'], exclude: ['test/unit/**/*.slow.test.ts'],
          isolate: false, globalSetup: ['test/unit/support/page-bundle.ts'],
        },
      },
      {
        extends: true,
        // The same kind of tests, heavy ones (thousands of property runs, imports of thousands of
        // rows timed): in npm test, out of the quick tier so that it stays under a minute.
        test: { name: 'unit-slow', include: ['test/unit/**/*.slow.test.ts'], isolate: false, globalSetup: ['test/unit/support/page-bundle.ts'] },
      },
      {
        extends: true,
        // (an officer's SKILLSNET_CSV_DELIMITER=";" would turn the CLI's default commas, which the tests read, into semicolons)
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/support/build.ts'], env: { SKILLSNET_CSV_DELIMITER: '' } },
      },
    ],
  },
});
