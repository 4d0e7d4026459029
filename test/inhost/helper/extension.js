// Test-only helper extension. Two jobs, each switched on by the e2e harness through the environment:
// - AIRLOCK_INHOST_RESULTS: run the in-host suite once the window has started and write its results.
// - AIRLOCK_TEST_DRIVER: a directory of requests (<id>.json) to open terminals the way agents do
//   (hidden, named, any shell), send them lines, run shell and process tasks, change settings and
//   run commands on files and read a file's diagnostics and quick fixes; each answer goes
//   to <id>.result.json with the command line the shell ran, its exit code and its output.
'use strict';
const vscode = require('vscode');
const { readdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { runSuite } = require('./suite.js');

const terminals = new Map();

function answer(dir, id, result) {
  writeFileSync(join(dir, `${id}.result.tmp`), JSON.stringify(result));
  renameSync(join(dir, `${id}.result.tmp`), join(dir, `${id}.result.json`));
}

async function shellReady(terminal) {
  if (terminal.shellIntegration) return;
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 15000);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) { clearTimeout(timer); sub.dispose(); resolve(); }
    });
  });
}

/** Sends a line and reports the next command the terminal runs: its line, exit code and output. */
async function runInTerminal(request) {
  let terminal = terminals.get(request.terminal);
  if (!terminal) {
    terminal = vscode.window.createTerminal({ name: request.terminal, hideFromUser: request.hidden === true, env: request.env, cwd: request.cwd, shellPath: request.shell });
    terminals.set(request.terminal, terminal);
    if (!request.hidden) terminal.show(true);
  }
  await shellReady(terminal);
  const done = new Promise((resolve) => {
    const start = vscode.window.onDidStartTerminalShellExecution(async (e) => {
      if (e.terminal !== terminal) return;
      start.dispose();
      let output = '';
      const reading = (async () => { for await (const data of e.execution.read()) output += data; })();
      const end = vscode.window.onDidEndTerminalShellExecution(async (f) => {
        if (f.execution !== e.execution) return;
        end.dispose();
        await Promise.race([reading, new Promise((r) => setTimeout(r, 2000))]);
        resolve({ commandLine: e.execution.commandLine.value, exitCode: f.exitCode, output });
      });
    });
  });
  terminal.sendText(request.text, true);
  return done;
}

async function runTask(request) {
  const execution = request.op === 'process'
    ? new vscode.ProcessExecution(request.process, request.args, { env: request.env, cwd: request.cwd })
    : new vscode.ShellExecution(request.command, { env: request.env, cwd: request.cwd });
  const task = new vscode.Task({ type: request.op === 'process' ? 'process' : 'shell' }, vscode.TaskScope.Workspace, request.name, 'airlock-test', execution);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Never };
  const ended = new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name !== request.name) return;
      sub.dispose();
      resolve({ exitCode: e.exitCode });
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

/** A user setting changed through the API, as the Settings editor does. */
async function setting(request) {
  const [section, ...rest] = request.key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), request.value, vscode.ConfigurationTarget.Global);
  return { done: true };
}

function drive(dir) {
  const busy = new Set();
  const timer = setInterval(() => {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json') || name.endsWith('.result.json') || busy.has(name)) continue;
      busy.add(name);
      const id = name.slice(0, -'.json'.length);
      const request = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      const work = request.op === 'codeActions'
        ? vscode.workspace.openTextDocument(vscode.Uri.file(request.path)).then((doc) => vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(request.line - 1, 0, request.line - 1, 1)))
          .then((actions) => ({ actions: (actions || []).map((a) => ({ title: a.title, command: a.command && a.command.command })) }))
        : request.op === 'diagnostics'
        ? Promise.resolve({ diagnostics: vscode.languages.getDiagnostics(vscode.Uri.file(request.path)).map((d) => ({ line: d.range.start.line + 1, source: d.source, code: d.code, message: d.message })) })
        : request.op === 'command' ? vscode.commands.executeCommand(request.id, vscode.Uri.file(request.path)).then(() => ({ done: true }))
        : request.op === 'setting' ? setting(request)
        : request.op === 'task' || request.op === 'process' ? runTask(request) : runInTerminal(request);
      work.then((result) => answer(dir, id, result), (error) => answer(dir, id, { error: String(error) }));
    }
  }, 100);
  return { dispose: () => clearInterval(timer) };
}

async function activate(context) {
  const driver = process.env.AIRLOCK_TEST_DRIVER;
  if (driver) context.subscriptions.push(drive(driver));
  const out = process.env.AIRLOCK_INHOST_RESULTS;
  if (!out) return;
  const results = await runSuite(vscode);
  writeFileSync(out, JSON.stringify(results, null, 2));
}

module.exports = { activate, deactivate() {} };
