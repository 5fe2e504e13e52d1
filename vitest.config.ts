import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // The fuzz tests' time oracle is a hang guard here (test/fuzz/oracle.ts); npm run fuzz keeps 2 s.
          env: { PYCRANE_FUZZ_LIMIT_MS: '10000' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // One engine, two cores: build one image at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
