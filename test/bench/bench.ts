// `npm run bench`: the engine's speed against DESIGN.md section 7 — in-process verdict time per
// command over the labelled corpora (median ≤ 30 µs, p99 ≤ 0.5 ms), the whole-process time of
// `airlock check` on benign commands next to bare `node -e 0` (within 10 ms), `airlock check
// --batch` throughput (≥ 20,000 lines/s beyond start-up), and `airlock hook`
// side by side with cc-safety-net's Claude Code hook (≤ 0.75× its time, within 10 ms of node), the
// terminal gate, and `airlock scan` next to secretlint (≥ 5× faster). `node .bench/bench.mjs scan`
// (or engine, process, batch, hook, gate) runs only the sections named.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/core/engine';
import { loadParser } from '../../src/cli/parser';
import { launcherScript } from '../../src/agents/install/launcher';
import { HOLDOUT_PATH, readCorpus } from '../corpus/score';
import { scanBench } from './scan';
import { terminalGateBench } from './terminalGate';

const RUNS_PER_LINE = 40;
const PROCESS_RUNS = 40;
/** The hook comparison is the tighter budget: more rounds, for a steadier median on a noisy machine. */
const HOOK_ROUNDS = 100;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

async function inProcess(): Promise<void> {
  const parser = await loadParser();
  const engine = new Engine(() => parser);
  const lines = [...readCorpus(), ...readCorpus(HOLDOUT_PATH)].map((e) => e.command);
  for (let round = 0; round < 3; round++) for (const line of lines) engine.classify(line);
  const samples: number[] = [];
  const perLine: { line: string; median: number }[] = [];
  for (const line of lines) {
    const mine: number[] = [];
    for (let i = 0; i < RUNS_PER_LINE; i++) {
      const start = process.hrtime.bigint();
      engine.classify(line);
      mine.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    samples.push(...mine);
    perLine.push({ line, median: median(mine) });
  }
  samples.sort((a, b) => a - b);
  const passStart = process.hrtime.bigint();
  const passes = 20;
  for (let i = 0; i < passes; i++) for (const line of lines) engine.classify(line);
  const seconds = Number(process.hrtime.bigint() - passStart) / 1e9;
  const slowest = [...perLine].sort((a, b) => b.median - a.median).slice(0, 5);
  console.log(`in-process, ${lines.length} corpus lines × ${RUNS_PER_LINE} runs:`);
  console.log(`  median ${percentile(samples, 0.5).toFixed(1)} µs   (budget ≤ 30 µs)`);
  console.log(`  p99    ${percentile(samples, 0.99).toFixed(1)} µs   (budget ≤ 500 µs)`);
  console.log(`  max    ${(samples[samples.length - 1] ?? NaN).toFixed(1)} µs`);
  console.log(`  ${Math.round((lines.length * passes) / seconds)} verdicts per second`);
  console.log('  slowest lines (median):');
  for (const s of slowest) console.log(`    ${s.median.toFixed(0).padStart(5)} µs  ${s.line.replace(/\s+/g, ' ').slice(0, 90)}`);
}

function runMs(args: readonly string[], input?: string, command = process.execPath, env?: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'], input, env });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Bare `node -e 0` and the CLI run alternately, so drift in the machine's speed hits both alike;
 * the figure is the median of the per-pair differences.
 */
function overheadMs(args: readonly string[]): { bare: number; cli: number; extra: number } {
  runMs(args); // the first run writes the code cache
  const bare: number[] = [];
  const cli: number[] = [];
  const extra: number[] = [];
  for (let i = 0; i < PROCESS_RUNS; i++) {
    const b = runMs(['-e', '0']);
    const c = runMs(args);
    bare.push(b);
    cli.push(c);
    extra.push(c - b);
  }
  return { bare: median(bare), cli: median(cli), extra: median(extra) };
}

function wholeProcess(): void {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  console.log(`\nwhole process, ${PROCESS_RUNS} alternating runs (budget: a benign command within 10 ms of bare node -e 0):`);
  const benign = ['ls -la', 'npm test', 'git status', 'kubectl get pods -n production'];
  for (const line of [...benign, 'git push --force origin main', 'echo $(date) | tee log.txt']) {
    const { bare, cli: ms, extra } = overheadMs([cli, 'check', '--', line]);
    const note = benign.includes(line) ? 'benign' : line.includes('$(') ? 'loads the parser' : 'flagged';
    console.log(`  airlock check -- ${line.padEnd(32)} ${ms.toFixed(1)} ms vs node -e 0 ${bare.toFixed(1)} ms: +${extra.toFixed(1)} ms (${note})`);
  }
}

/**
 * `airlock check --batch` over every corpus line: lines per second beyond start-up. Start-up here
 * is the process, the parser and V8 compiling the engine's code for the first passes over the
 * corpus, so the rate is the difference between a batch of BATCH_LINES and one twice as long.
 */
const BATCH_LINES = 60_000;
const BATCH_ROUNDS = 7;

function batchThroughput(): void {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const corpus = [...readCorpus(), ...readCorpus(HOLDOUT_PATH)].map((e) => JSON.stringify({ command: e.command, env: e.env ?? {} }));
  const lines = (n: number): string => Array.from({ length: n }, (_, i) => corpus[i % corpus.length] ?? '').join('\n') + '\n';
  // A folder outside any git work tree or env files: the batch measures the engine and the protocol.
  const cwd = mkdtempSync(join(tmpdir(), 'airlock-batch-'));
  const run = (input: string): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'check', '--batch', '--cwd', cwd], { input, stdio: ['pipe', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const once = lines(BATCH_LINES);
  const twice = lines(2 * BATCH_LINES);
  run(once);
  const short: number[] = [];
  const long: number[] = [];
  const extra: number[] = [];
  // Alternating pairs, and the median of each pair's difference: drift in the machine's speed hits both alike.
  for (let i = 0; i < BATCH_ROUNDS; i++) {
    const a = run(once);
    const b = run(twice);
    short.push(a);
    long.push(b);
    extra.push(b - a);
  }
  const a = median(short);
  console.log(`\nairlock check --batch over the corpora, ${BATCH_ROUNDS} alternating rounds (budget ≥ 20,000 lines/s beyond start-up):`);
  console.log(`  ${BATCH_LINES} lines ${a.toFixed(0)} ms (${Math.round(BATCH_LINES / (a / 1000))} lines/s all in), ${2 * BATCH_LINES} lines ${median(long).toFixed(0)} ms: ${Math.round(BATCH_LINES / (median(extra) / 1000))} lines/s beyond start-up`);
}

/** cc-safety-net, installed into .bench/ for this comparison only (never a dependency). */
const CC_SAFETY_NET_VERSION = '2.4.5';

function ccSafetyNet(): string | undefined {
  const dir = join(__dirname, 'cc-safety-net');
  const bin = join(dir, 'node_modules', 'cc-safety-net', 'dist', 'bin', 'cc-safety-net.js');
  if (!existsSync(bin)) {
    console.log(`  installing cc-safety-net@${CC_SAFETY_NET_VERSION} into .bench/ for the comparison…`);
    const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `cc-safety-net@${CC_SAFETY_NET_VERSION}`], { stdio: 'ignore' });
    if (npm.status !== 0 || !existsSync(bin)) return undefined;
  }
  return bin;
}

function hookSideBySide(): void {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const payload = JSON.stringify({
    session_id: 'bench', transcript_path: '/tmp/t.jsonl', cwd: process.cwd(), permission_mode: 'default', hook_event_name: 'PreToolUse',
    tool_name: 'Bash', tool_input: { command: 'ls -la', description: 'List files' }, tool_use_id: 'toolu_bench',
  });
  // A private state directory: the hook's audit line is part of its cost, but not of the user's log.
  const env = { ...process.env, AIRLOCK_STATE_DIR: mkdtempSync(join(tmpdir(), 'airlock-bench-')) };
  const net = ccSafetyNet();
  // The same hook as the agents' settings run it: through the stable launcher script.
  const launcher = join(env.AIRLOCK_STATE_DIR, 'airlock');
  writeFileSync(launcher, launcherScript(process.execPath, cli), { mode: 0o755 });
  console.log(`\nClaude Code hook on a benign \`ls -la\` payload, ${HOOK_ROUNDS} alternating rounds (budget: ≤ 0.75× cc-safety-net, within 10 ms of node -e 0):`);
  const runs: Record<string, number[]> = { node: [], airlock: [], launcher: [], net: [], npmTest: [] };
  // `npm test` in a project whose test script runs vitest: followed into package.json (issue 13: ≤ 3 ms more).
  const project = mkdtempSync(join(tmpdir(), 'airlock-bench-project-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bench', scripts: { test: 'vitest run', build: 'tsc -p .' } }));
  const npmTest = payload.replace('"ls -la"', '"npm test"').replace(JSON.stringify(process.cwd()), JSON.stringify(project));
  runMs([cli, 'hook', '--agent', 'claude-code'], payload, process.execPath, env);
  if (net) runMs([net, 'hook', '--claude-code'], payload);
  for (let i = 0; i < HOOK_ROUNDS; i++) {
    runs.node.push(runMs(['-e', '0']));
    runs.airlock.push(runMs([cli, 'hook', '--agent', 'claude-code'], payload, process.execPath, env));
    runs.launcher.push(runMs(['hook', '--agent', 'claude-code'], payload, launcher, env));
    if (net) runs.net.push(runMs([net, 'hook', '--claude-code'], payload));
    runs.npmTest.push(runMs([cli, 'hook', '--agent', 'claude-code'], npmTest, process.execPath, env));
  }
  const node = median(runs.node);
  const airlock = median(runs.airlock);
  // Differences per round, so drift in the machine's speed hits both sides of each pair alike.
  const over = (xs: readonly number[]): number => median(xs.map((x, i) => x - (runs.node[i] ?? NaN)));
  console.log(`  node -e 0                                  ${node.toFixed(1)} ms`);
  const viaLauncher = median(runs.launcher);
  console.log(`  airlock hook --agent claude-code           ${airlock.toFixed(1)} ms  (+${over(runs.airlock).toFixed(1)} ms over node)`);
  console.log(`  the same through the installed launcher    ${viaLauncher.toFixed(1)} ms  (+${over(runs.launcher).toFixed(1)} ms: sh, then node)`);
  const npmOver = median(runs.npmTest.map((x, i) => x - (runs.airlock[i] ?? NaN)));
  console.log(`  \`npm test\` (script followed into package.json) ${median(runs.npmTest).toFixed(1)} ms  (${npmOver >= 0 ? '+' : ''}${npmOver.toFixed(1)} ms over the \`ls -la\` hook; budget ≤ 3 ms)`);
  if (net) {
    const other = median(runs.net);
    console.log(`  cc-safety-net hook --claude-code (${CC_SAFETY_NET_VERSION})   ${other.toFixed(1)} ms  (airlock = ${(airlock / other).toFixed(2)}× its time; through the launcher ${(viaLauncher / other).toFixed(2)}×)`);
  } else {
    console.log('  cc-safety-net could not be installed (no registry access?): comparison skipped');
  }
}

const SECTIONS: Readonly<Record<string, () => unknown>> = {
  engine: inProcess,
  process: wholeProcess,
  batch: batchThroughput,
  hook: hookSideBySide,
  gate: async () => terminalGateBench(await loadParser(), join(__dirname, '..')),
  scan: () => scanBench(join(__dirname, '..')),
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}: choose from ${Object.keys(SECTIONS).join(', ')}`);
for (const [name, run] of Object.entries(SECTIONS)) if (wanted.length === 0 || wanted.includes(name)) await run();
