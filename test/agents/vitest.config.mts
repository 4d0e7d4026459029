import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-agent suite: each agent's own CLI against a scripted model, one file at a time. Its
// decision servers stand in for the editor's extension host, which a hook trusts only by the
// marker VS Code starts it with (src/gate/genuine.ts).
process.env.VSCODE_ESM_ENTRYPOINT = 'vs/workbench/api/node/extensionHostProcess';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/agents/**/*.agent.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
