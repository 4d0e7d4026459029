// The same in-host suite under @vscode/test-electron, where a VS Code build can be downloaded
// (this project's CI cannot; it runs the suite inside code-server instead):
//   npm run build && node test/inhost/runTestElectron.js
'use strict';
const { join } = require('node:path');
const { mkdtempSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = join(__dirname, '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'airlock-inhost-'));
  mkdirSync(join(workspace, 'project'));
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'electronEntry.js'),
    launchArgs: [join(workspace, 'project'), '--disable-extensions'],
    extensionTestsEnv: { AIRLOCK_STATE_DIR: join(workspace, 'state') },
  });
}

main().catch((error) => {
  console.error(`in-host suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
