import { defineConfig } from 'vitest/config';

// Unit and in-process DOM tests live next to the code (src/**/*.test.ts).
// Real-browser tests live in tests/browser and run through scripts/run-browser-tests.mjs.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
