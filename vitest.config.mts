import { defineConfig } from 'vitest/config';

// The unit tests' decision servers run in the test workers and stand in for the editor's extension
// host, which a hook trusts only by the marker VS Code starts it with (src/gate/genuine.ts). Set
// here, in the main process, so the workers start with it in their environment.
process.env.VSCODE_ESM_ENTRYPOINT = 'vs/workbench/api/node/extensionHostProcess';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
