// The generated PATH shims, run by a real /bin/sh: benign calls go straight to the real program
// without the client; suspicious ones ask first; the shim never runs itself.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { protectedPathItems, ruleArgFilters } from '../../../src/core/argFilter';
import { allRules } from '../../../src/core/rules/index';
import { Args } from '../../../src/core/rules/args';
import { shQuote } from '../../../src/gate/shellQuote';
import { SHIM_MARKER, itemPattern, shimCheck, shimPrograms, shimScript } from '../../../src/gate/shims';
import { expandLine } from '../helpers';

const FILTERS = ruleArgFilters(allRules, (line) => expandLine(line).commands);
let dir: string;
let shims: string;
/** The stand-in client the shims are generated with. */
const CLIENT = () => ({ node: join(dir, 'fake-node'), cli: '/x/cli.js' });
let real: string;

function executable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-shims-'));
  shims = join(dir, 'shims');
  real = join(dir, 'real');
  mkdirSync(shims);
  mkdirSync(real);
  for (const program of ['railway', 'git', 'dropdb']) {
    const filter = FILTERS[program];
    if (!filter) throw new Error(`no filter for ${program}`);
    executable(join(shims, program), shimScript(program, filter, protectedPathItems([]), shims, CLIENT()));
  }
  // Stand-ins that record what they were run with.
  for (const program of ['railway', 'git']) executable(join(real, program), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/${program}.ran"\n`);
  // The client: records its arguments and answers with $FAKE_ANSWER.
  executable(join(dir, 'fake-node'), `#!/bin/sh\nshift\nprintf '%s\\n' "$@" > "${dir}/client.ran"\necho "denied by test" >&2\nexit "\${FAKE_ANSWER:-0}"\n`);
  symlinkSync(shims, join(dir, 'shims-link'));
});

function run(command: string, options: { path?: string; answer?: number; env?: Record<string, string> } = {}): { code: number | null; stderr: string; ran: string | undefined; asked: string | undefined } {
  for (const f of ['railway.ran', 'git.ran', 'client.ran']) writeFileSync(join(dir, f), '');
  const env: Record<string, string> = { PATH: options.path ?? `${shims}:${real}:/usr/bin:/bin`, FAKE_ANSWER: String(options.answer ?? 0), ...options.env };
  const r = spawnSync('/bin/sh', ['-c', command], { env, encoding: 'utf8' });
  const read = (f: string): string | undefined => { const t = readFileSync(join(dir, f), 'utf8'); return t === '' ? undefined : t; };
  return { code: r.status, stderr: r.stderr, ran: read(command.startsWith('git') ? 'git.ran' : 'railway.ran'), asked: read('client.ran') };
}

describe('PATH shims', () => {
  test('a benign call runs the real program without asking', () => {
    const r = run('railway status');
    expect(r).toMatchObject({ code: 0, asked: undefined, ran: 'status\n' });
    expect(run('git status --short').asked).toBeUndefined();
  });

  test('a suspicious call asks the client with the exact argv first; allowed → runs', () => {
    const r = run("railway volume delete -v 'pg data' -e production -y");
    expect(r.asked?.split('\n').slice(0, 3)).toEqual(['gate', '--program', 'railway']);
    expect(r.asked?.split('\n')[4]).toMatch(/^\d+$/);
    expect(r.asked?.split('\n').slice(5, 12)).toEqual(['--', 'volume', 'delete', '-v', 'pg data', '-e', 'production']);
    expect(r.ran).toBe('volume\ndelete\n-v\npg data\n-e\nproduction\n-y\n');
    expect(run('railway VOLUME Delete x').asked).toBeDefined();
  });

  test('denied → the real program does not run and the shim exits with the client\'s status', () => {
    const r = run('railway volume delete -v pgdata -y', { answer: 126 });
    expect(r.code).toBe(126);
    expect(r.ran).toBeUndefined();
    expect(r.stderr).toContain('denied by test');
  });

  test('a program always judged asks even without arguments', () => {
    executable(join(real, 'dropdb'), '#!/bin/sh\nexit 0\n');
    expect(run('dropdb app').asked).toContain('dropdb');
  });

  test.each([
    ['AIRLOCK_NODE', '/bin/true'],
    ['AIRLOCK_CLI', '/dev/null'],
  ])('the client is the one written into the shim: %s=%s in the environment changes nothing', (name, value) => {
    const r = run('railway volume delete -v pgdata -y', { answer: 126, env: { [name]: value } });
    expect(r.code).toBe(126);
    expect(r.asked).toContain('railway');
    expect(r.ran).toBeUndefined();
  });

  test('never runs another editor\'s shims either (two shim directories on PATH)', () => {
    const other = join(dir, 'other-shims');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, SHIM_MARKER), '');
    const filter = FILTERS.railway;
    if (!filter) throw new Error('no filter for railway');
    executable(join(other, 'railway'), shimScript('railway', filter, protectedPathItems([]), other, CLIENT()));
    writeFileSync(join(shims, SHIM_MARKER), '');
    const r = run('railway status', { path: `${shims}:${other}:${real}:/usr/bin:/bin` });
    expect(r).toMatchObject({ code: 0, ran: 'status\n' });
  });

  test('never runs itself: the shim directory twice, or through a link, on PATH', () => {
    const r = run('railway status', { path: `${shims}:${join(dir, 'shims-link')}:${shims}:${real}:/usr/bin:/bin` });
    expect(r).toMatchObject({ code: 0, ran: 'status\n' });
  });

  test('no real program: a clear "command not found" (127)', () => {
    const r = run('railway status', { path: `${shims}:/usr/bin:/bin` });
    expect(r.code).toBe(127);
    expect(r.stderr).toContain('railway: command not found');
  });

  test('shims only for names that are files on PATH; patterns read letters in either case', () => {
    const names = shimPrograms(FILTERS);
    expect(names).toContain('railway');
    expect(names).not.toContain('>');
    expect(names).not.toContain(':');
    expect(itemPattern('delete')).toBe('*[dD][eE][lL][eE][tT][eE]*');
    expect(itemPattern('-r')).toBe('-r*|-[!-]*r*');
    expect(itemPattern('--force')).toBe('\\-\\-[fF][oO][rR][cC][eE]*');
    expect(existsSync(join(shims, 'railway'))).toBe(true);
  });
});

describe('the shims\' filter, as /bin/sh runs it', () => {
  test('asks about every call a rule example makes to a shimmed program by its arguments (a lone short flag too: `iptables -F`)', () => {
    const shimmed = new Set(shimPrograms(FILTERS));
    const calls: { program: string; argv: readonly string[]; example: string }[] = [];
    for (const rule of allRules) {
      for (const example of rule.examples.match) {
        for (const command of expandLine(example).commands) {
          if (!shimmed.has(command.program) || !rule.programs?.includes(command.program)) continue;
          // What a shim sees: the arguments, not the line's stdin or redirects (the shell guard reads those).
          const argvOnly = { ...command, stdin: undefined, stdinUnknown: undefined, writes: [] };
          let matched: boolean;
          try { matched = rule.match(new Args(argvOnly)); } catch { matched = true; }
          if (matched) calls.push({ program: command.program, argv: command.argv.slice(1).map((w) => w.value), example });
        }
      }
    }
    expect(calls.length).toBeGreaterThan(500);
    // One sh process: a function per program holding its shim's check, then every call.
    const programs = [...new Set(calls.map((c) => c.program))];
    const script = [
      ...programs.map((p, i) => `check_${i}() {\n${shimCheck(FILTERS[p] ?? { always: true, clauses: [] }, protectedPathItems([]))}\n[ -n "$ask" ]\n}`),
      ...calls.map((c) => `check_${programs.indexOf(c.program)} ${c.argv.map(shQuote).join(' ')} && echo 1 || echo 0`),
    ].join('\n');
    const r = spawnSync('/bin/sh', [], { input: script, encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(r.stderr).toBe('');
    const answers = r.stdout.trim().split('\n');
    expect(calls.filter((_c, i) => answers[i] !== '1').map((c) => c.example)).toEqual([]);
  });
});
