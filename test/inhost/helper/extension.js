// Test-only helper extension: runs the in-host suite once the window has started and writes the
// results to $AIRLOCK_INHOST_RESULTS (the e2e harness sets it for code-server).
'use strict';
const vscode = require('vscode');
const { writeFileSync } = require('node:fs');
const { runSuite } = require('./suite.js');

async function activate() {
  const out = process.env.AIRLOCK_INHOST_RESULTS;
  if (!out) return;
  const results = await runSuite(vscode);
  writeFileSync(out, JSON.stringify(results, null, 2));
}

module.exports = { activate, deactivate() {} };
