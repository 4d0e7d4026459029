// The terminal gate's cost (DESIGN.md section 7: ≤ 1 ms added to a benign command; the issue: a
// shimmed `git status` ≤ 2 ms more). A bash with the guard (BASH_ENV: its DEBUG trap judges every
// simple command with the in-shell filter) runs 1,000 benign commands next to a bash without it;
// the Enter binding's filter is timed per line inside bash; `git status` runs through its PATH
// shim and straight, alternating.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ruleArgFilters } from '../../src/core/argFilter';
import { allRules } from '../../src/core/rules/index';
import { DEFAULT_LIMITS, expand } from '../../src/core/shell/expand';
import type { ShellParser } from '../../src/core/shell/parser';
import { gateFiles, gateLayout } from '../../src/gate/gateFiles';
import { guardWithoutTrap } from '../unit/gate/guardFilter';

const COMMANDS = 1000;
const ROUNDS = 7;
const GIT_RUNS = 200;
const BENIGN = ['true', 'cd .', 'echo hi > /dev/null', 'pwd > /dev/null', 'test -d .', 'ls > /dev/null', 'git status --short > /dev/null', 'date +%s > /dev/null'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function ms(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function terminalGateBench(parser: ShellParser, root: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-gate-bench-'));
  const filters = ruleArgFilters(allRules, (line) => expand(line, () => parser, DEFAULT_LIMITS).commands);
  const scripts = { bash: readFileSync(join(root, 'src', 'gate', 'shell', 'guard.bash'), 'utf8'), zsh: readFileSync(join(root, 'src', 'gate', 'shell', 'guard.zsh'), 'utf8'), hidden: readFileSync(join(root, 'src', 'gate', 'shell', 'hidden.sh'), 'utf8') };
  // A client that must never be started for these lines: if it is, the run fails.
  const client = join(dir, 'no-client');
  writeFileSync(client, '#!/bin/sh\necho "the gate client was started for a benign command" >&2\nexit 1\n');
  chmodSync(client, 0o755);
  for (const file of gateFiles(dir, filters, [], scripts, { node: client, cli: '/none' })) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
    if (file.executable) chmodSync(join(dir, file.path), 0o755);
  }
  const layout = gateLayout(dir);
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  spawnSync('git', ['init', '-q', repo]);
  const script = join(dir, 'benign.sh');
  writeFileSync(script, Array.from({ length: COMMANDS }, (_, i) => BENIGN[i % BENIGN.length]).join('\n') + '\n');
  const path = process.env.PATH ?? '/usr/bin:/bin';
  const gated = { PATH: `${layout.shims}:${path}`, BASH_ENV: layout.bashGuard, HOME: dir };
  const plain = { PATH: path, HOME: dir };
  const with_: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    without.push(ms('bash', [script], plain, repo));
    with_.push(ms('bash', [script], gated, repo));
  }
  const added = (median(with_) - median(without)) / COMMANDS;
  console.log(`\nterminal gate, ${COMMANDS} benign commands in bash (${BENIGN.length} kinds), ${ROUNDS} alternating runs:`);
  console.log(`  without the gate ${median(without).toFixed(0)} ms, with it ${median(with_).toFixed(0)} ms: +${added.toFixed(3)} ms per command (budget ≤ 1 ms)`);

  const lines = join(dir, 'lines.txt');
  writeFileSync(lines, [...BENIGN, 'npm test', 'git log --oneline -5', 'make build', 'cat README.md'].join('\n') + '\n');
  const timing = spawnSync('bash', ['-c', `. '${guardWithoutTrap(layout.bashGuard)}'; mapfile -t L < '${lines}'; n=0; s=$EPOCHREALTIME; for ((r = 0; r < 200; r++)); do for l in "\${L[@]}"; do __airlock_suspicious "$l" && exit 3; n=$((n + 1)); done; done; e=$EPOCHREALTIME; echo "$n $s $e"`], { encoding: 'utf8', env: gated });
  const [n, s, e] = timing.stdout.trim().split(' ').map(Number);
  if (timing.status !== 0 || !n || s === undefined || e === undefined) throw new Error(`the Enter binding's filter failed: ${timing.stderr}`);
  console.log(`  the Enter binding's filter on a benign line: ${(((e - s) * 1e6) / n).toFixed(0)} µs`);

  const startPlain: number[] = [];
  const startGated: number[] = [];
  for (let i = 0; i < 100; i++) {
    startPlain.push(ms('bash', ['-c', 'true'], plain, repo));
    startGated.push(ms('bash', ['-c', 'true'], gated, repo));
  }
  console.log(`  a bash started with the guard (BASH_ENV: scripts, bash -c, shell tasks): +${(median(startGated) - median(startPlain)).toFixed(2)} ms once per shell (100 alternating runs)`);

  const git: number[] = [];
  const gitShimmed: number[] = [];
  for (let i = 0; i < GIT_RUNS; i++) {
    git.push(ms('git', ['status', '--short'], plain, repo));
    gitShimmed.push(ms(join(layout.shims, 'git'), ['status', '--short'], gated, repo));
  }
  console.log(`  git status: ${median(git).toFixed(2)} ms straight, ${median(gitShimmed).toFixed(2)} ms through its shim: +${(median(gitShimmed) - median(git)).toFixed(2)} ms (budget ≤ 2 ms; ${GIT_RUNS} alternating runs)`);
}
