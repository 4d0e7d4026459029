import { defineConfig } from 'vitest/config';

// The load test runs alone, after the unit tests: its 500 hook processes take both cores for a
// minute, and other tests' timeouts would pay for it. Its decision server stands in for the
// editor's extension host, which a hook trusts only by the marker VS Code starts it with.
process.env.VSCODE_ESM_ENTRYPOINT = 'vs/workbench/api/node/extensionHostProcess';

export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    testTimeout: 240_000,
  },
});
