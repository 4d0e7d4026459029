// The shell guards' in-shell filter, run by a real bash over every corpus line and rule example:
// it must never clear a line the engine flags, and must clear everyday commands without a process.
// Then the guard in non-interactive bash (BASH_ENV, as shell tasks and `bash -c` get it).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { protectedPathItems, ruleArgFilters } from '../../../src/core/argFilter';
import { DECODERS } from '../../../src/core/prefilter';
import { allRules } from '../../../src/core/rules/index';
import { PACKAGE_BINARIES } from '../../../src/core/shell/command';
import { bashGuard, type GuardData } from '../../../src/gate/guards';
import { CORPUS_PATH, HOLDOUT_PATH, readCorpus } from '../../corpus/score';
import { classify, expandLine } from '../helpers';

const FILTERS = ruleArgFilters(allRules, (line) => expandLine(line).commands);
const DATA: GuardData = { filters: FILTERS, pathItems: protectedPathItems([]), runners: DECODERS, packages: PACKAGE_BINARIES };
let dir: string;
let guard: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-guard-'));
  guard = join(dir, 'guard.bash');
  writeFileSync(guard, bashGuard(DATA));
});

/** Which of the lines the bash guard's filter calls suspicious, as bash itself answers. */
function suspicious(lines: readonly string[]): boolean[] {
  const input = join(dir, 'lines.bin');
  writeFileSync(input, lines.map((l) => l.replace(/\0/g, '')).join('\0') + '\0');
  const script = `. ${guard}; trap - DEBUG; while IFS= read -r -d '' line; do if __airlock_suspicious "$line"; then echo 1; else echo 0; fi; done < ${input}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((x) => x === '1');
}

describe('the bash guard\'s filter', () => {
  test('calls suspicious every line the engine flags: rule examples and both corpora', () => {
    const lines = [
      ...allRules.flatMap((r) => r.examples.match),
      ...readCorpus(CORPUS_PATH).map((e) => e.command),
      ...readCorpus(HOLDOUT_PATH).map((e) => e.command),
    ].filter((l) => classify(l, { cwd: '/work/app' }).findings.length > 0);
    const answers = suspicious(lines);
    expect(lines.filter((_l, i) => !answers[i])).toEqual([]);
  });

  test('clears everyday commands without starting a process', () => {
    const benign = ['git status', 'ls -la', 'npm test', 'cd src', 'echo hello', 'git log --oneline -5', 'git diff --stat', 'npm run build', 'make', 'cat README.md', 'pwd', 'node --version'];
    expect(suspicious(benign)).toEqual(benign.map(() => false));
  });
});

describe('the guard in non-interactive bash (BASH_ENV)', () => {
  let bin: string;
  beforeAll(() => {
    bin = join(dir, 'bin');
    mkdirSync(bin);
    const exe = (name: string, text: string): void => { writeFileSync(join(bin, name), text); chmodSync(join(bin, name), 0o755); };
    exe('dropdb', `#!/bin/sh\necho "$@" > ${dir}/dropdb.ran\n`);
    exe('fake-node', `#!/bin/sh\nshift\nprintf '%s\\n' "$@" > ${dir}/client.ran\n[ "$FAKE_ANSWER" = 0 ] && echo grant-1\nexit "$FAKE_ANSWER"\n`);
  });

  function run(command: string, answer: number, extra: Record<string, string> = {}): { code: number | null; ran: string; asked: string; out: string } {
    for (const f of ['dropdb.ran', 'client.ran']) writeFileSync(join(dir, f), '');
    // stdin not a socket: bash would take a socket for an ssh session and read ~/.bashrc instead of BASH_ENV.
    const r = spawnSync('bash', ['-c', command], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: `${bin}:/usr/bin:/bin`, BASH_ENV: guard, AIRLOCK_NODE: join(bin, 'fake-node'), AIRLOCK_CLI: '/x/cli.js', FAKE_ANSWER: String(answer), ...extra },
    });
    return { code: r.status, ran: readFileSync(join(dir, 'dropdb.ran'), 'utf8'), asked: readFileSync(join(dir, 'client.ran'), 'utf8'), out: r.stdout };
  }

  test('a denied command does not run and the script fails', () => {
    const r = run('dropdb -h prod-db.internal rentals', 126);
    expect(r.asked.split('\n').slice(0, 3)).toEqual(['gate', '--line', 'dropdb -h prod-db.internal rentals']);
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
  });

  test('an allowed command runs, with the grant its shims present', () => {
    const r = run('dropdb -h prod-db.internal rentals; echo "grant=$AIRLOCK_LINE_GRANT"', 0);
    expect(r.ran).toBe('-h prod-db.internal rentals\n');
    expect(r.out).toContain('grant=grant-1');
  });

  test('benign commands never call the client', () => {
    const r = run('echo hi; ls / > /dev/null; true', 126);
    expect(r).toMatchObject({ code: 0, asked: '', out: 'hi\n' });
  });

  test('the user\'s BASH_ENV still loads and its DEBUG trap keeps firing', () => {
    const mine = join(dir, 'mine.bash');
    writeFileSync(mine, `mine_loaded=1\ntrap 'echo "trap:$BASH_COMMAND" >> ${dir}/trap.log' DEBUG\n`);
    writeFileSync(join(dir, 'trap.log'), '');
    const r = run('echo "loaded=$mine_loaded"; dropdb x', 126, { AIRLOCK_USER_BASH_ENV: mine });
    expect(r.out).toContain('loaded=1');
    expect(readFileSync(join(dir, 'trap.log'), 'utf8')).toContain('trap:dropdb x');
    expect(r.ran).toBe('');
  });
});
