// @vscode/test-electron's entry: run the suite and fail the run on any failed check.
'use strict';
const vscode = require('vscode');
const { runSuite } = require('./suite.js');

async function run() {
  const results = await runSuite(vscode);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.problem ? `: ${r.problem}` : ''}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} in-host check(s) failed`);
}

module.exports = { run };
