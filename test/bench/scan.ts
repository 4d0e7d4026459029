// `airlock scan` next to secretlint (its recommended preset) on a generated 20,000-file project
// with the planted-secret tree inside it (issue 6: ≥ 5× faster, at no lower recall on the planted
// secrets). secretlint is installed into .bench/ for this comparison only, never a dependency.
//
// secretlint 11 as shipped marks a performance entry per rule per file and searches all earlier
// entries at each mark (secretlint#1653): quadratic, unfinished after 38 minutes on such a tree.
// Its fix (secretlint#1673, in a release that needs Node 22) makes the marks no-ops unless
// --profile is given; a preload does the same here, so the comparison is with secretlint at its
// fastest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { score, type Expected, type Score } from '../unit/secrets/planted/tree';
import { writeScanTree } from './scanTree';

/** secretlint 12 needs Node 22; this project supports Node 20. */
const SECRETLINT = ['secretlint@11', '@secretlint/secretlint-rule-preset-recommend@11'];
const ROUNDS = 5;
const FILES = 20_000;

interface Finding { readonly file: string; readonly line: number }

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function secretlintBin(root: string): string | undefined {
  const dir = join(root, '.bench', 'secretlint');
  const bin = join(dir, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const preset = join(dir, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend', 'package.json');
  if (!existsSync(bin) || !existsSync(preset)) {
    console.log(`  installing ${SECRETLINT.join(' ')} into .bench/ for the comparison…`);
    const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', ...SECRETLINT], { stdio: 'ignore' });
    if (npm.status !== 0 || !existsSync(bin)) return undefined;
  }
  return bin;
}

function timed(run: () => Finding[]): { ms: number; findings: Finding[] } {
  const start = process.hrtime.bigint();
  const findings = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, findings };
}

function airlock(cli: string, dir: string): Finding[] {
  const r = spawnSync(process.execPath, [cli, 'scan', dir, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`airlock scan failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

interface SecretlintResult { readonly filePath: string; readonly messages: readonly { readonly loc: { readonly start: { readonly line: number } } }[] }

/** secretlint#1673 backported: no performance marks unless profiling. */
const NO_PROFILER_MARKS = 'globalThis.performance.mark = () => undefined;\n';

function secretlint(bin: string, preload: string, dir: string, rc: string, out: string): Finding[] {
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['--require', preload, bin, '**/*', '--secretlintrc', rc, '--format', 'json', '--output', out, '--no-color'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`secretlint failed (${r.status}): ${r.stderr}`);
  const results = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) as SecretlintResult[] : [];
  return results.flatMap((f) => f.messages.map((m) => ({ file: relative(dir, f.filePath).split('\\').join('/'), line: m.loc.start.line })));
}

/** What went wrong, briefly: a scanner's misses matter for Airlock, its false reports for both. */
function details(s: Score, misses = true): void {
  const show = (label: string, items: readonly string[]): void => {
    if (items.length > 0) console.log(`    ${label}: ${items.slice(0, 6).join(', ')}${items.length > 6 ? `, … (${items.length})` : ''}`);
  };
  if (misses) show('missed', s.missed);
  show('decoys reported', s.decoysReported);
  show('other reports', s.otherReports);
}

function describe(name: string, ms: number, s: Score): string {
  return `  ${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s   recall ${s.found}/${s.planted} (${(100 * s.recall).toFixed(1)}%)   decoys reported ${s.decoysReported.length}   other reports ${s.otherReports.length}`;
}

export function scanBench(root: string): void {
  const work = mkdtempSync(join(tmpdir(), 'airlock-scan-bench-'));
  const dir = join(work, 'tree');
  try {
    const madeAt = process.hrtime.bigint();
    const tree = writeScanTree(dir, FILES);
    const madeMs = Number(process.hrtime.bigint() - madeAt) / 1e6;
    console.log(`\nsecret scan of a generated project: ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB (written in ${(madeMs / 1000).toFixed(1)} s), ${tree.want.secrets.size} planted secrets, ${tree.want.decoys.size} decoys`);
    console.log(`  ${ROUNDS} alternating rounds, median wall time of the whole process (budget: airlock ≥ 5× faster than secretlint, recall no lower):`);
    const cli = join(root, 'dist', 'cli.js');
    const bin = secretlintBin(root);
    const rc = join(work, '.secretlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const out = join(work, 'secretlint.json');
    const preload = join(work, 'no-profiler-marks.cjs');
    writeFileSync(preload, NO_PROFILER_MARKS);
    const runs = { airlock: [] as number[], secretlint: [] as number[] };
    let last = { airlock: [] as Finding[], secretlint: [] as Finding[] };
    for (let i = 0; i < ROUNDS; i++) {
      const a = timed(() => airlock(cli, dir));
      runs.airlock.push(a.ms);
      last = { ...last, airlock: a.findings };
      if (!bin) continue;
      const s = timed(() => secretlint(bin, preload, dir, rc, out));
      runs.secretlint.push(s.ms);
      last = { ...last, secretlint: s.findings };
    }
    report(tree.want, runs, last, bin !== undefined);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report(want: Expected, runs: { airlock: number[]; secretlint: number[] }, last: { airlock: Finding[]; secretlint: Finding[] }, compared: boolean): void {
  const mine = score(last.airlock, want);
  const ms = median(runs.airlock);
  console.log(describe('airlock scan DIR --json', ms, mine));
  details(mine);
  if (!compared) {
    console.log('  secretlint could not be installed (no registry access?): comparison skipped');
    return;
  }
  const theirs = score(last.secretlint, want);
  const other = median(runs.secretlint);
  console.log(describe('secretlint "**/*" (recommended preset)', other, theirs));
  details(theirs, false);
  console.log(`  airlock is ${(other / ms).toFixed(1)}× faster (budget ≥ 5×); recall ${(100 * mine.recall).toFixed(1)}% vs ${(100 * theirs.recall).toFixed(1)}% (budget: no lower)`);
  console.log(`  rounds (s): airlock ${runs.airlock.map((x) => (x / 1000).toFixed(2)).join(' ')}; secretlint ${runs.secretlint.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
}
