import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The e2e suite: one real editor per file, run one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
