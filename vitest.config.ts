import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so the test run never loads the crx plugin.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // CI also writes a JSON report, from which .ci/run prints the "N passed, N failed" closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
  },
})
