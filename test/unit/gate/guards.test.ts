// The shell guards' in-shell filter, run by a real bash over every corpus line and rule example:
// it must never clear a line the engine flags, and must clear everyday commands without a process.
// Then the guard in non-interactive bash (BASH_ENV, as shell tasks and `bash -c` get it).
import { guardWithoutTrap } from './guardFilter';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ruleArgFilters } from '../../../src/core/argFilter';
import { withFollowFilters } from '../../../src/core/project/gateFilters';
import { allRules } from '../../../src/core/rules/index';
import { gateFiles, gateLayout, promptCommand } from '../../../src/gate/gateFiles';
import { CORPUS_PATH, HOLDOUT_PATH, readCorpus } from '../../corpus/score';
import { classify, expandLine } from '../helpers';
import { CARRIED_LINES } from '../shell/carriedLines';

/** Loads the guard's functions without its DEBUG trap (a stand-in `trap`), to call them directly. */
const SHELL = join(__dirname, '..', '..', '..', 'src', 'gate', 'shell');
// As the build makes them: the rules' filters and what following a line into the project needs.
const FILTERS = withFollowFilters(ruleArgFilters(allRules, (line) => expandLine(line).commands));

let dir: string;
let guard: string;
/** The guard without its DEBUG trap, for driving its filter and Enter binding directly. */
let filterGuard: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-guard-'));
  // The files a terminal gets, as the extension writes them.
  const scripts = { bash: readFileSync(join(SHELL, 'guard.bash'), 'utf8'), zsh: readFileSync(join(SHELL, 'guard.zsh'), 'utf8'), hidden: readFileSync(join(SHELL, 'hidden.sh'), 'utf8') };
  // The client the guards are written with; the environment's AIRLOCK_NODE is never asked.
  for (const file of gateFiles(dir, FILTERS, [], scripts, { node: join(dir, 'tools', 'fake-node'), cli: '/x/cli.js' })) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  guard = join(dir, 'guard.bash');
  filterGuard = guardWithoutTrap(guard);
  // Stand-ins: a program that records its arguments, and a gate client answering $FAKE_ANSWER.
  const tools = join(dir, 'tools');
  mkdirSync(tools);
  const exe = (name: string, text: string): void => { writeFileSync(join(tools, name), text); chmodSync(join(tools, name), 0o755); };
  exe('dropdb', `#!/bin/sh\necho "$@" > ${dir}/dropdb.ran\n`);
  // $FAKE_UNSEEN, when set, answers a call that names a program run past its shim (--unseen);
  // $FAKE_ENGINE=1 allows without a grant, as the engine alone does; $FAKE_DENY, when set, denies a
  // call that holds it (as the engine flags only what names dropdb).
  exe('fake-node', `#!/bin/sh\nshift\nprintf '%s\\n' "$@" >> ${dir}/client.ran\nanswer=$FAKE_ANSWER\ncase " $* " in *' --unseen '*) answer=\${FAKE_UNSEEN:-$answer} ;; esac\nif [ -n "$FAKE_DENY" ]; then case "$*" in *"$FAKE_DENY"*) answer=126 ;; esac; fi\nif [ "$answer" = 0 ]; then [ -n "$FAKE_ENGINE" ] || echo grant-1; else echo 'denied by test'; fi\nexit "$answer"\n`);
});

/** What a guard function, called as `call` with each line as $line (after `setup`), answers for each, as bash itself runs it. */
function answers(call: string, lines: readonly string[], setup = ''): boolean[] {
  const input = join(dir, 'lines.bin');
  writeFileSync(input, lines.map((l) => l.replace(/\0/g, '')).join('\0') + '\0');
  const script = `. ${filterGuard}; ${setup}while IFS= read -r -d '' line; do if ${call}; then echo 1; else echo 0; fi; done < ${input}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((x) => x === '1');
}

/** Which of the lines the bash guard's filter calls suspicious. */
const suspicious = (lines: readonly string[]): boolean[] => answers('__airlock_suspicious "$line"', lines);

/** Every rule example and corpus line the engine flags. */
const flaggedLines = (): string[] => [
  ...allRules.flatMap((r) => r.examples.match),
  ...readCorpus(CORPUS_PATH).map((e) => e.command),
  ...readCorpus(HOLDOUT_PATH).map((e) => e.command),
].filter((l) => classify(l, { cwd: '/work/app' }).findings.length > 0);

describe('the bash guard\'s filter', () => {
  test('calls suspicious every line the engine flags: rule examples and both corpora', () => {
    const lines = flaggedLines();
    const said = suspicious(lines);
    expect(lines.filter((_l, i) => !said[i])).toEqual([]);
  });

  test('loaded again before each prompt (PROMPT_COMMAND), the guard says nothing and keeps its functions', () => {
    const r = spawnSync('bash', ['-c', `. ${filterGuard}; __airlock_line_ok=e1; . ${filterGuard}; echo "line_ok=$__airlock_line_ok"`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r).toMatchObject({ status: 0, stdout: 'line_ok=\n', stderr: '' });
  });

  test('clears everyday commands without starting a process', () => {
    const benign = ['git status', 'ls -la', 'cd src', 'echo hello', 'git log --oneline -5', 'git diff --stat', 'cat README.md', 'pwd', 'node --version',
      'cat src/index.ts', 'ls /tmp/build', 'mkdir -p src/lib'];
    expect(suspicious(benign)).toEqual(benign.map(() => false));
  });

  test('a line that runs a task, a script by path or a file of SQL is judged: what it runs is in the project', () => {
    const followed = ['npm test', 'npm run db:reset', 'pnpm --filter api db:reset', 'make', '[[ -f x ]] && make reset', 'just drop', './scripts/wipe', 'X=1 ./bin/reset',
      'sudo /tmp/x.sh', 'node delete-volume.mjs', 'python3 manage.py flush', 'sh cleanup.sh', 'docker compose run --rm migrate', 'psql -f drop.sql', 'deno task reset'];
    expect(suspicious(followed)).toEqual(followed.map(() => true));
  });

  test('a line whose options or runner carry a command is judged (commandOptions.ts, wrappers.ts)', () => {
    const lines = CARRIED_LINES.map((l) => l.replace('CMD', './x.sh'));
    const said = suspicious(lines);
    expect(lines.filter((_l, i) => !said[i])).toEqual([]);
  });

  test('a program name only known when the line runs is suspicious; a command substitution elsewhere is not', () => {
    const hidden = ['$(echo rm) -rf /', '`echo rm` -rf /', 'X=1 $CMD -rf /', 'r\\\nm -rf /', 'sudo "$x" y', 'timeout 5 "$x" y', 'nice -n 5 $x y', 'command ${x} y', 'xargs -0 "$tool" < list'];
    expect(suspicious(hidden)).toEqual(hidden.map(() => true));
    const plain = ['today=$(date +%F)', 'echo "built at `date`"', 'ls 2>/dev/null', '[[ $x == y ]]', 'if [ "$a" = b ]; then echo ok; fi', 'echo "$HOME"', 'sudo -v'];
    expect(suspicious(plain)).toEqual(plain.map(() => false));
  });
});

test('every function the bash guard defines is read-only (a script could redefine it unseen)', () => {
  const text = readFileSync(join(SHELL, 'guard.bash'), 'utf8');
  const own = /__airlock_own='([^']*)'/.exec(text)?.[1]?.split(' ') ?? [];
  const defined = [...text.matchAll(/^((?:__)?airlock_[a-z_]+)\(\) \{/gm)].map((m) => m[1]);
  expect(defined.length).toBeGreaterThan(10);
  expect(defined.filter((f) => !own.includes(f ?? ''))).toEqual([]);
});

describe('the guard in non-interactive bash (BASH_ENV)', () => {
  const bin = (): string => join(dir, 'tools');

  function run(command: string, answer: number, extra: Record<string, string> = {}): { code: number | null; ran: string; asked: string; out: string; err: string } {
    for (const f of ['dropdb.ran', 'client.ran']) writeFileSync(join(dir, f), '');
    // stdin not a socket: bash would take a socket for an ssh session and read ~/.bashrc instead of BASH_ENV.
    const r = spawnSync('bash', ['-c', command], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: `${bin()}:/usr/bin:/bin`, BASH_ENV: guard, FAKE_ANSWER: String(answer), ...extra },
    });
    return { code: r.status, ran: readFileSync(join(dir, 'dropdb.ran'), 'utf8'), asked: readFileSync(join(dir, 'client.ran'), 'utf8'), out: r.stdout, err: r.stderr };
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

  // Set before the command (here by the environment): the client reads the line alone.
  test.each([
    ['$X y', 'X=DROPDB; $X y'],
    ['"$X" y', 'X=DROPDB; "$X" y'],
    ['true; command ${X} y', 'X=DROPDB; command ${X} y'],
    ['timeout 5 "$X" y', 'X=DROPDB; timeout 5 "$X" y'],
  ])('a program named by a variable is asked about with its value: %s', (command, sent) => {
    const dropdb = join(dir, 'tools', 'dropdb');
    const r = run(command, 126, { X: dropdb });
    expect(r.ran).toBe('');
    expect(r.asked.split('\n')).toContain(sent.replace('DROPDB', dropdb));
  });

  // The shims read the arguments the line does not show (`helm $x web`) as the program starts; a
  // program reached past them has only the guard.
  describe('a guarded program reached past its shim', () => {
    function past(command: string, answer = '126', extra: Record<string, string> = {}): { code: number | null; ran: string; asked: string; err: string } {
      const real = join(dir, 'real');
      mkdirSync(real, { recursive: true });
      writeFileSync(join(real, 'helm'), `#!/bin/sh\necho "helm $*" >> ${dir}/helm.ran\n`);
      chmodSync(join(real, 'helm'), 0o755);
      chmodSync(join(dir, 'bin', 'helm'), 0o755);
      for (const f of ['helm.ran', 'client.ran']) writeFileSync(join(dir, f), '');
      // $R: the real program's folder, written into the line as a script would.
      const r = spawnSync('bash', ['-c', command.replaceAll('$R', real)], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir,
        env: { PATH: `${join(dir, 'bin')}:${bin()}:${real}:/usr/bin:/bin`, BASH_ENV: guard, FAKE_ANSWER: answer, HOME: dir, x: 'uninstall', z: 'list', ...extra },
      });
      return { code: r.status, ran: readFileSync(join(dir, 'helm.ran'), 'utf8'), asked: readFileSync(join(dir, 'client.ran'), 'utf8'), err: r.stderr };
    }

    // A path in a system folder is read by the program's name (a path elsewhere runs a file the
    // engine reads): /proc/self/cwd/real is this test's real/ as bash sees it.
    test('run through its shim, a plain call is left to the shim, which asks about what the trap would have', () => {
      // The first call finds helm through PATH (judged by the trap), and bash hashes it there.
      const r = past('helm list; helm list; helm uninstall web');
      expect(r.ran).toBe('helm list\nhelm list\n');
      // The shim's question (`--program`), with the arguments it read.
      expect(r.asked).toContain('--program\nhelm\n--ppid');
      expect(r.asked).toContain('--\nuninstall\nweb');
      // Its answer is the command's status, as for any call the shim stops.
      expect(r.code).toBe(126);
      // Hashing a program by hand (`hash -p`, a builtin's name hashed to a shim among them) is stopped.
      const builtin = past(`hash -p ${join(dir, 'bin', 'echo')} echo; echo openai_api_key`, '0');
      expect(builtin.err).toContain('stopped hash -p');
      expect(builtin.asked).toBe('');
      // Another program whose name only reads the same lower-cased is not the shim's.
      if (!existsSync(join(dir, 'tools', 'HELM'))) symlinkSync(join(dir, 'real', 'helm'), join(dir, 'tools', 'HELM'));
      const upper = past('helm list; HELM uninstall web');
      expect(upper.ran).toBe('helm list\n');
      expect(upper.asked).toContain('--line\nHELM uninstall web');
      // Nor when patterns fold case (`shopt -s nocasematch`).
      const folded = past('helm list; shopt -s nocasematch; HELM uninstall web');
      expect(folded.ran).toBe('helm list\n');
      expect(folded.asked).toContain('--line\nHELM uninstall web');
      // A program whose name holds a word the guard watches for (`usermod`: rm) is the trap's at
      // every call: the shim reads only the arguments.
      writeFileSync(join(dir, 'real', 'usermod'), `#!/bin/sh\necho "usermod $*" >> ${dir}/helm.ran\n`);
      chmodSync(join(dir, 'real', 'usermod'), 0o755);
      chmodSync(join(dir, 'bin', 'usermod'), 0o755);
      // (`true` between: after an approval the next command is judged for the handlers it may have set.)
      const named = past('usermod --help; true; usermod -L bob', '0', { FAKE_ENGINE: '1' });
      expect(named.asked.split('\n--line\n').filter((q) => q.startsWith('usermod -L bob'))).toHaveLength(1);
      // After the trap's approval its grant is out, which the shim would honour again: the trap asks.
      const again = past('helm uninstall web; true; helm uninstall web', '0');
      expect(again.asked.split('\n--line\n').filter((q) => q.startsWith('helm uninstall web'))).toHaveLength(2);
      // Found first elsewhere on PATH, it is the trap's too.
      const elsewhere = past('PATH=$R:$PATH; helm list; helm uninstall web');
      expect(elsewhere.ran).toBe('helm list\n');
      expect(elsewhere.asked).toContain('--line\nhelm uninstall web');
    });

    test.each([
      ['by its path', '/proc/self/cwd/real/helm $x web'],
      ['by its path, quoted', '"/proc/self/cwd/real/helm" "${x}" web'],
      ['found earlier on a PATH the script changed', 'PATH=$R:$PATH; helm $x web'],
      ['found earlier on a PATH exported for it', 'export PATH=$R:$PATH; helm $x web'],
      ['with other words the filter stops on', '/proc/self/cwd/real/helm $x web -n prod'],
      ['named like the guard\'s own variables', 'name=$x; value=$x; line=$x; /proc/self/cwd/real/helm $name $value $line'],
    ])('%s: asked about with the values the arguments hold, whatever the line reads as', (_how, command) => {
      const r = past(command);
      expect(r.ran).toBe('');
      expect(r.asked).toMatch(/(^|; )[a-z]+=uninstall; /m);
      expect(r.asked).toContain('--unseen\nhelm');
      expect(r.code).toBe(126);
    });

    test.each(['/proc/self/cwd/real/helm `cat verb.txt` web', '/proc/self/cwd/real/helm "$(cat verb.txt)" web', 'f() { /proc/self/cwd/real/helm "$@"; }; f $x web'])(
      'by its path, with an operand a command prints: asked about, as unread (%s)', (command) => {
        writeFileSync(join(dir, 'verb.txt'), 'uninstall\n');
        const r = past(command);
        expect(r.ran).toBe('');
        expect(r.asked).toContain('--unseen\nhelm');
        expect(r.code).toBe(126);
      });

    test('only its own operands count; bash\'s builtins never meet a shim', () => {
      const r = past('echo $x > /dev/null; /proc/self/cwd/real/helm list; printf -v v %s "$x"; PATH=$R:$PATH; printf "%s\\n" "$z" > /dev/null; echo done');
      expect(r).toMatchObject({ asked: '', ran: 'helm list\n', code: 0 });
    });

    test.each([
      ['hashed by hand', 'hash -p /proc/self/cwd/real/helm helm; helm $x web'],
      ['hashed through its table', 'BASH_CMDS[helm]=/proc/self/cwd/real/helm; helm $x web'],
      ['hashed, spelled otherwise', 'command -- hash -p /proc/self/cwd/real/helm helm; y=\'a b\' builtin hash -p "/proc/self/cwd/real/helm" helm; helm $x web'],
      ['hashed through a nameref', 'declare -n r; a=BASH_; r=${a}CMDS; read -r r[helm] <<< /proc/self/cwd/real/helm; helm $x web'],
      ['with a PATH of its own', 'PATH=$R helm $x web'],
      ['with a PATH entry under ~', 'PATH="~/real:$PATH"; helm $x web'],
      ['after a quoted separator', '/proc/self/cwd/real/helm "a;b" $x web'],
      ['with a glob', 'touch uninstall; /proc/self/cwd/real/helm ?ninstall web'],
      ['fed by xargs', 'echo $x | xargs /proc/self/cwd/real/helm'],
      ['a copy outside the system folders', 'cp $R/helm ./helm-copy; ./helm-copy $x web'],
      ['with a tilde operand', 'OLDPWD=$x; /proc/self/cwd/real/helm ~- web'],
      ['with an extglob operand', 'shopt -s extglob\ntouch uninstall; /proc/self/cwd/real/helm +(u)ninstall web'],
      ['with a PATH entry bash reads as ~+', 'PATH="~+/real:$PATH"; helm $x web'],
      ['hashed after the table was unset through a nameref', 'declare -n r; a=BASH_; r=${a}CMDS; unset r; hash -p /proc/self/cwd/real/helm helm; helm $x web'],
      ['hashed after the table was shadowed in a function', 'f() { declare -n r; a=BASH_; r=${a}CMDS; local -A r; hash -p /proc/self/cwd/real/helm helm; helm $x web; }; f'],
    ])('%s: asked about, or stopped', (_how, command) => {
      const r = past(command);
      expect(r.err).not.toMatch(/syntax error/);
      expect(r.ran).not.toContain('uninstall');
      expect(r.code).not.toBe(0);
    });

    test('a program run by `command -p` (bash\'s default PATH, no shims) is asked about with its operands\' values', () => {
      const r = past('f=README; command -p cat $f');
      expect(r.asked).toContain('f=README; command -p cat $f');
      expect(r.asked).toContain('--unseen\ncat');
    });

    test('only the operands\' variables go to the client; a script checking for programs, or listing the table, is not stopped', () => {
      const r = past('S=hunter2; A=$S /proc/self/cwd/real/helm $z; echo "$S" > /dev/null');
      expect(r.asked).toContain('z=list; ');
      expect(r.asked).not.toContain('hunter2');
      const quiet = past('for t in git jq; do hash "$t" 2>/dev/null || true; done; declare -p BASH_CMDS > /dev/null 2>&1; echo BASH_CMDS > /dev/null; hash -r; helm list');
      expect(quiet).toMatchObject({ code: 0, asked: '', ran: 'helm list\n' });
    });

    test('through its shim, and past it with every word shown, nothing more is asked', () => {
      const r = past('helm $z; /proc/self/cwd/real/helm list; PATH=$R:$PATH; helm list; hash; hash -r; hash -t helm >/dev/null');
      expect(r.asked).toBe('');
      expect(r.ran).toBe('helm list\nhelm list\nhelm list\n');
    });
  });

  test('`$_` is the last word of the command before, as without the guard', () => {
    expect(run('echo a b > /dev/null; echo "last=$_"', 126)).toMatchObject({ out: 'last=b\n', code: 0 });
  });

  test('a command run by `"$@"` or `$_` is sent with their values in place; an alias cannot replace the trap', () => {
    const args = run('f() { "$@"; }; f dropdb -h prod-db.internal rentals', 126);
    expect(args.asked).toContain('dropdb -h prod-db.internal rentals');
    expect(args.asked).not.toContain('"$@"');
    // A program word built from a variable anywhere in it goes with the variable's value.
    expect(run('x=ropdb; tools/d$x -h prod-db.internal rentals', 126).asked).toContain('x=ropdb; tools/d$x');
    // After a wrapper and its options, or an assignment.
    for (const wrapped of ['nice -n 5 $x y', 'exec $x y', 'timeout -s KILL 5 $x y', 'command -p $x y', 'env -u FOO $x y', 'echo y | xargs -0 $x', 'A=1 $x y']) {
      expect(run(`x=dropdb; ${wrapped}`, 126).asked).toContain(`x=dropdb; ${wrapped.replace(/^.*\| /, '')}`);
    }
    const last = run('x=dropdb; : "$x"; "$_" -h prod-db.internal rentals', 126);
    expect(last.asked.split('\n')).toContain('dropdb -h prod-db.internal rentals');
    // Forms whose value bash splits or joins are not shown: asked about as unseen.
    for (const unread of ['x=dropdb; f() { $1; }; f "$x -h prod-db.internal rentals"', 'x=dropdb; f() { IFS=/; "$*" y; }; f tools "$x"',
      'x=dropdb; f() { ""$1""; }; f "$x -h prod-db.internal rentals"', 'x=drop; x+=db; v=x; ${!v} -h prod-db.internal rentals', 'x=dropdb; a=(x "$x"); "${a[1]}" y']) {
      expect(run(unread, 126).asked).toContain('--unseen');
    }
    const alias = run('shopt -s expand_aliases; p=__airlock; alias "${p}_trap=:"; dropdb -h prod-db.internal rentals', 126);
    expect(alias).toMatchObject({ ran: '', code: 126 });
    expect(alias.asked).toContain('dropdb -h prod-db.internal rentals');
  });

  test('benign commands never call the client', () => {
    const r = run('set -euo pipefail; echo hi; ls / > /dev/null; cd /; true', 126);
    expect(r).toMatchObject({ code: 0, asked: '', out: 'hi\n', err: '' });
  });

  describe('the trap\'s quick way through (__airlock_fast)', () => {
    /** What __airlock_fast answers for each line, as the trap calls it (lower-cased, with the options the trap has on). */
    const fast = (lines: readonly string[]): boolean[] => answers('__airlock_fast "${line,,}" x', lines, 'set -T; shopt -s extdebug; __airlock_traps=; ');

    test('it clears only what the filter clears: never a line the engine flags, a program by path, a wrapper, or a word the tamper check reads', () => {
      const flagged = flaggedLines();
      const cleared = fast(flagged);
      expect(flagged.filter((_l, i) => cleared[i])).toEqual([]);
      const judged = ['tools/dropdb x', 'X=1 ./bin/reset', 'nohup tools/dropdb x', 'nice ./wipe', '/usr/bin/dropdb x', 'dropdb16 -h prod x', 'pg/dropdb16 x',
        'python3.12 x.py', 'psql.exe -c x', 'npx aws-cdk@2 destroy', 'ls > .env', 'ls > /dev/null > out', 'ls 2>&1 > x', 'set +T', 'shopt -u extdebug', 'trap - DEBUG',
        'enable -n shopt', 'bind -x x', 'env -i bash x.sh', 'local -n r', 'for r in a b', 'typeset -n r', 'unset BASH_ENV', 'export AIRLOCK_NODE=/bin/true', 'PS4=x',
        'ZDOTDIR=/tmp zsh', 'PROMPT_COMMAND=x', '__airlock_trap x', 'x __vsc_prompt_cmd', 'echo $x', 'ls *', 'ls "a b"', "ls 'x'", 'ls a\\ b', 'ls ~', 'ls a;b', 'ls a|b', 'ls $(x)'];
      const judgedAnswers = fast(judged);
      expect(judged.filter((_l, i) => judgedAnswers[i])).toEqual([]);
      // Whatever it clears, the filter clears too.
      const everyday = ['ls -la', 'cd src', 'pwd', 'mkdir -p src/lib', 'date +%s > /dev/null', 'ls > /dev/null 2>&1', 'ls 2> /dev/null', 'wc -l a.txt b.txt', 'x=1', 'A=1 B=2 ls', 'test -d .', 'sleep 1', 'uname -a'];
      expect(fast(everyday)).toEqual(everyday.map(() => true));
      expect(suspicious(everyday)).toEqual(everyday.map(() => false));
    });

    test('a builtin that needs only the watched words is read there: a watched word still goes to the client', () => {
      const r = run('echo hi; printf "%s" ok; echo github_token', 126);
      expect(r.out).toBe('hi\nok');
      expect(r.asked.split('\n').slice(0, 3)).toEqual(['gate', '--line', 'echo github_token']);
      expect(r.code).toBe(126);
    });

    test('a script cannot make it clear a command: its state, IFS, a trace, or a renamed program send the command the long way', () => {
      const mine = join(dir, 'fast-state.bash');
      // The user's own BASH_ENV runs before any trap: the only way to leave the guard's variables read-only or name references.
      for (const state of ['declare -r __airlock_fs=a', 'declare -r __airlock_fw', 'declare -n __airlock_fw=__airlock_fs', 'declare -i __airlock_fs']) {
        writeFileSync(mine, `${state}\n`);
        // Its last word is a state that clears (a reference would put each word in __airlock_fs).
        const r = run('nohup tools/dropdb -h prod-db.internal a', 126, { AIRLOCK_USER_BASH_ENV: mine });
        expect(r.ran, state).toBe('');
        expect(r.asked, state).toContain('nohup tools/dropdb -h prod-db.internal a');
      }
      // A program under another name the filter knows (a version, upper case).
      for (const name of ['dropdb16', 'DROPDB']) if (!existsSync(join(dir, 'tools', name))) symlinkSync(join(dir, 'tools', 'dropdb'), join(dir, 'tools', name));
      for (const command of ['IFS=:; dropdb -h prod-db.internal rentals', 'set -x; nohup tools/dropdb -h prod-db.internal rentals',
        'dropdb16 -h prod-db.internal rentals', 'DROPDB -h prod-db.internal rentals']) {
        const r = run(command, 126);
        expect(r, command).toMatchObject({ ran: '', code: 126 });
        expect(r.asked, command).toContain('-h prod-db.internal rentals');
      }
    });
  });

  test('a script\'s own cleanup trap runs: only a DEBUG trap, or a signal named at run time, is the guard\'s', () => {
    // Not stopped as tampering (the client may still be asked about `rm` in the action, and allows it here).
    const r = run(`t=/tmp/x; trap 'rm -f "$t"' EXIT INT; trap "echo \\"bye\\"" TERM; trap - INT; echo hi`, 0);
    expect(r).toMatchObject({ code: 0, out: 'hi\n', err: '' });
    // The EXIT trap runs when the script ends, judged like any command, and the status is the script's.
    expect(run("trap 'echo bye' EXIT; echo hi", 126)).toMatchObject({ code: 0, out: 'hi\nbye\n', err: '' });
    expect(run("trap 'dropdb x' EXIT; echo hi", 126)).toMatchObject({ code: 126, ran: '' });
    for (const command of ['trap DEBUG; dropdb x', 'sig=DEBUG; trap - "$sig"; dropdb x', "trap 'echo x' EXIT DEBUG; dropdb x"]) {
      const stopped = run(command, 126);
      expect(stopped.code).toBe(126);
      expect(stopped.ran).toBe('');
    }
  });

  test.each([
    '__airlock_line_ok=p1; dropdb x',
    'trap - DEBUG; dropdb x',
    'shopt -u extdebug; dropdb x',
    'unset -f __airlock_trap; dropdb x',
    'x=dropdb; /usr/bin/env $x y',
    // The guard's state set by builtins that assign without `=` at the start of the command.
    'printf -v __airlock_line_ok p1; dropdb x',
    'read __airlock_line_ok <<< p1; dropdb x',
    'builtin declare __airlock_line_ok=1; dropdb x',
    // A function definition runs no DEBUG trap: the guard's functions are read-only.
    '__airlock_suspicious() { return 1; }; dropdb x',
    '__airlock_watched() { return 1; }\ndropdb x',
    '__airlock_trap() { return 0; }\ndropdb x',
    // Builtins the guard runs, switched off.
    'enable -n shopt; dropdb x',
    'builtin enable -n return; dropdb x',
    // The trap removed through another builtin or a quoted name.
    'command trap - DEBUG; dropdb x',
    "'tr'ap - DEBUG; dropdb x",
    '\\trap - DEBUG; dropdb x',
    'command -p shopt -u extdebug; dropdb x',
    // Found in review: IFS, a subshell first, options named at run time, nocasematch.
    'IFS=_; dropdb y',
    'IFS=; dropdb y',
    '(dropdb y)',
    'coproc dropdb y; wait $!',
    'true; f=+T; set $f; (dropdb y)',
    'true; set -e +o functrace; (dropdb y)',
    'x=-u; y=extd; y+=ebug; shopt $x $y; (dropdb y)',
    'shopt -qu extdebug; (dropdb y)',
    'x=-n; enable $x local; dropdb y',
    '__AIRLOCK_JUDGE() { shopt -s nocasematch; dropdb y; }; __AIRLOCK_JUDGE',
    'shopt -s nocasematch; __AIRLOCK_READLINE() { dropdb y; }; __AIRLOCK_READLINE',
  ])('a script cannot switch the guard off first: %s', (command) => {
    const r = run(command, 126);
    expect(r.code).toBe(126);
    expect(r.ran).toBe('');
  });

  // A function definition runs no DEBUG trap: a script could name one after a builtin the guard
  // runs, or after the client's path, before its next command.
  test.each([
    'local() { :; }; dropdb -h prod-db.internal rentals',
    'shopt() { :; }; exit() { :; }; dropdb -h prod-db.internal rentals',
    'return() { :; }; dropdb -h prod-db.internal rentals',
    'printf() { :; }; exit() { :; }; dropdb -h prod-db.internal rentals',
    'builtin() { :; }; local() { :; }; dropdb -h prod-db.internal rentals',
    'command() { :; }; eval() { :; }; unset() { :; }; dropdb -h prod-db.internal rentals',
    'set -o posix; local() { :; }; dropdb -h prod-db.internal rentals',
    'declare -fr builtin 2>/dev/null || builtin() { :; }; declare -fr builtin; local() { :; }; dropdb -h prod-db.internal rentals',
    '__airlock_w_dropdb() { return 1; }; dropdb -h prod-db.internal rentals',
    'function CLIENT { return 0; }; dropdb -h prod-db.internal rentals',
  ])('a function named after what the guard runs does not let a command through: %s', (command) => {
    const r = run(command.replace('CLIENT', join(dir, 'tools', 'fake-node')), 126);
    expect(r.ran).toBe('');
    expect(r.code).not.toBe(0);
  });

  // From a review: each ran dropdb with the client denying.
  test.each([
    'readonly l=ls; dropdb -h prod-db.internal rentals',
    'readonly c=ls words=; dropdb -h prod-db.internal rentals',
    'f() { local BASH_COMMAND=ls; dropdb -h prod-db.internal rentals; }; f',
    'a=drop b=db; trap "$a$b -h prod-db.internal rentals" EXIT; echo hi',
    'a=drop b=db; trap "$a$b -h prod-db.internal rentals" CHLD; true',
    'a=drop b=db; c="$a$b -h prod-db.internal rentals"; PS4=\'+$(eval "$c" >&2)\'; set -x; echo hi',
    'unset(){ set +o posix; }; f=-n g=unset; x= enable $f $g; builtin(){ :; }; dropdb -h prod-db.internal rentals',
    'command dr${x}opdb -h prod-db.internal rentals',
    'exec dr${x}opdb -h prod-db.internal rentals',
    'setpriv dr${x}opdb -h prod-db.internal rentals',
    'shopt -s expand_aliases; alias builtin="return 1 ||"; dropdb -h prod-db.internal rentals',
    'set -o posix; alias builtin="return 1 ||"; dropdb -h prod-db.internal rentals',
    // A second review: handlers run where bash shows another command, and names built at run time.
    'x="dropdb -h prod-db.internal rentals"; trap "$x" ERR; false',
    'x="dropdb -h prod-db.internal rentals"; f(){ :; }; trap "$x" RETURN; f',
    'x="dropdb -h prod-db.internal rentals"; (trap "$x" EXIT; :)',
    'x="dropdb -h prod-db.internal rentals"; trap "$x" EXIT; dropdb -h prod-db.internal other',
    't=trap; x="dropdb -h prod-db.internal rentals"; $t "$x" ERR; false',
    'n=BASH_COMMAN; n+=D; f() { local "$n"=ls; dropdb -h prod-db.internal rentals; }; f',
    'n=BASH_COMMAN; f() { declare "${n}D=ls"; dropdb -h prod-db.internal rentals; }; f',
    'f() { local "$1"=ls; dropdb -h prod-db.internal rentals; }; f BASH_COMMAND',
    'f() { local "$(echo BASH_COMMAND)"=ls; dropdb -h prod-db.internal rentals; }; f',
    // A third review: a handler that calls a function, and a nameref named at run time.
    'f() { dropdb -h prod-db.internal rentals; }; trap f EXIT',
    'f() { dropdb -h prod-db.internal rentals; }; trap f ERR; false',
    'g() { dropdb -h prod-db.internal rentals; }; f() { g; }; trap f EXIT',
    'x=BASH_COMM; x+=AND; f() { local -n r=$x; local r=ls; dropdb -h prod-db.internal rentals; }; f',
    // A fourth review: a declaration's name read from positional parameters the function has
    // since changed, and the other ways to set a variable by a name the command does not show.
    'x=BASH_COMM; x+=AND; f() { set -- "$x"; local -n r=$1; local r=ls; dropdb -h prod-db.internal rentals; }; f ok',
    'x=BASH_COMM; x+=AND; f() { shift; local -n r=$1; local r=ls; dropdb -h prod-db.internal rentals; }; f ok "$x"',
    'x=BASH_COMM; x+=AND; f() { local y=$x; declare -n y; local y=ls; dropdb -h prod-db.internal rentals; }; f',
    'x=BASH_COMM; x+=AND; f() { local -n r; r=$x; local r=ls; dropdb -h prod-db.internal rentals; }; f',
    'x=BASH_COMM; x+=AND; f() { local -n r=; r=$x; local r=ls; dropdb -h prod-db.internal rentals; }; f',
    'x=BASH_COMM; x+=AND; f() { local -n r=y; for r in $x; do local r=ls; dropdb -h prod-db.internal rentals; done; }; f',
    // A fifth review: `$_` read as the guard's own, and an array element named by `${!a[0]:=…}`.
    'x=BASH_COMM; x+=AND; f() { : "$x"; local -n r=$_; local r=ls; dropdb -h prod-db.internal rentals; }; f',
    'x=BASH_COMM; x+=AND; f() { local -a a=("$x"); local r; : "${!a[0]:=ls}"; dropdb -h prod-db.internal rentals; }; f',
  ])('a script cannot fool the guard: %s', (command) => {
    const r = run(command, 126);
    expect(r.ran).toBe('');
    expect(r.code).not.toBe(0);
  });

  test('declarations named at run time that touch nothing of the guard\'s still run', () => {
    const r = run('set_var() { printf -v "$1" %s "$2"; }; set_var greeting hi; n=count; declare "$n=3"; local_demo() { local "$1"=x; echo "$greeting $count"; }; local_demo tmp', 126);
    expect(r).toMatchObject({ code: 0, out: 'hi 3\n', err: '' });
    // Namerefs with a target, `for` over plain names, getopts and `wait` into names it can read.
    const more = run('put() { local -n ref=$1; ref=5; }; put myvar; for v in a b; do :; done; while getopts "ab:" opt -a; do :; done; sleep 0 & wait $!; echo "$myvar $v $opt"', 126);
    expect(more).toMatchObject({ code: 0, out: '5 b ?\n', err: '' });
  });

  // From a review: each ran dropdb with the client denying. Bash shows the trap none of a
  // handler's commands (in an ERR handler, the command that failed), and what a handler names can
  // change after it was set: each handler is judged again as it runs.
  test.each([
    'trap g ERR; true; g() { dropdb -h prod-db.internal rentals; }; false',
    'trap ls ERR; true; ls() { dropdb -h prod-db.internal rentals; }; false',
    "trap 'if g; then :; fi' ERR; true; g() { dropdb -h prod-db.internal rentals; }; false",
    "trap '! g' ERR; true; g() { dropdb -h prod-db.internal rentals; }; false",
    "trap 'time g' ERR; true; g() { dropdb -h prod-db.internal rentals; }; false",
    `trap '"g"' ERR; true; g() { dropdb -h prod-db.internal rentals; }; false`,
    "trap g ERR; true; g() { x=1 h; }; h() { dropdb -h prod-db.internal rentals; }; false",
    "f=true; trap '$f -h prod-db.internal rentals' ERR; true; f=dropdb; false",
    // No command of the script's between: the handler runs before it could be put behind the judge.
    'trap ls ERR; ls() { dropdb -h prod-db.internal rentals; }; (exit 1)',
    'trap g EXIT; true; g() { dropdb -h prod-db.internal rentals; }; echo hi',
    'trap g USR1; true; g() { dropdb -h prod-db.internal rentals; }; (kill -USR1 $$); echo hi',
  ])('a handler is judged as it runs, with what it names then: %s', (command) => {
    const r = run(command, 0, { FAKE_ENGINE: '1', FAKE_DENY: 'dropdb' });
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
    expect(r.asked).toMatch(/dropdb(;\s*\$f)? -h prod-db\.internal rentals/);
  });

  // From a second review: each ran dropdb past the judge of handlers, or past the trap.
  test.each([
    // Guard state set by a name no text shows (an arithmetic assignment) cannot skip the judge.
    'f() { echo cleanup; }; trap f EXIT; echo hi; f() { dropdb -h prod-db.internal rentals; }; a=__air; b=lock_skip; y=$a$b=1; (( y ))',
    // A program a handler names at run time: its value may change before it runs.
    'set -E; trap \'"$@"\' ERR; g() { false; }; g dropdb -h prod-db.internal rentals',
    'echo dropdb > HFILE; trap \'read -r x < HFILE; $x -h prod-db.internal rentals\' EXIT; echo hi',
    'f() { dropdb -h prod-db.internal rentals; }; g=f; trap \'$g\' EXIT; echo hi',
    // A function named with other characters, and more functions than the guard reads.
    'f+() { dropdb -h prod-db.internal rentals; }; trap \'f+\' EXIT; echo hi',
    'DEFINE_65; evil() { dropdb -h prod-db.internal rentals; }; trap \'CALL_65; evil\' EXIT; echo hi',
    // Signals spelled so that the tamper check's words do not show (a file named DEBUG for a glob).
    'mkdir -p HDIR; cd HDIR; : > DEBUG; trap - D?BUG; dropdb -h prod-db.internal rentals',
    'trap - "DEB"UG; dropdb -h prod-db.internal rentals',
    'trap - DE\\BUG; dropdb -h prod-db.internal rentals',
    // A handler that turns aliases on itself.
    'alias g="dropdb -h prod-db.internal rentals"; trap $\'shopt -s expand_aliases\\ng\' EXIT; echo hi',
    // From a third review: a handler that removes the trap, a redirection before `eval`, `"$@"`
    // opening a function, code bash runs for a handler that its text does not show.
    's=DEBUG; trap "trap - \\$s" ERR; false; dropdb -h prod-db.internal rentals',
    'c="dropdb -h prod-db.internal rentals"; trap \'2>/dev/null eval "$c"\' EXIT; echo hi',
    'f() { "$@"; }; trap "f dropdb -h prod-db.internal rentals" EXIT; echo hi',
    'command_not_found_handle() { dropdb -h prod-db.internal rentals; }; trap zzzq EXIT; echo hi',
    'x=\'a[$(dropdb -h prod-db.internal rentals)]\'; trap \'[[ $x -eq 1 ]]\' EXIT; echo hi',
    'x=\'$(dropdb -h prod-db.internal rentals)\'; trap \': "${x@P}"\' EXIT; echo hi',
    'g() { dropdb -h prod-db.internal rentals; }; x=g; trap \'mapfile -t -C "$x" -c 1 a < /etc/hostname\' EXIT; echo hi',
    'c="dropdb -h prod-db.internal rentals"; trap \'coproc eval "$c"; wait\' EXIT; echo hi',
    // From a fourth review: values a handler reads itself, values read as numbers or names,
    // no process to list the handlers with, a script's attributes on the guard's locals.
    'echo dropdb > HFILE; trap \'read -r p < HFILE; command $p -h prod-db.internal rentals\' EXIT; echo hi',
    'echo dropdb > HFILE; trap \'read -r p < HFILE; if $p -h prod-db.internal rentals; then :; fi\' EXIT; echo hi',
    'echo dropdb > HFILE; trap \'read -r p < HFILE; x=`$p -h prod-db.internal rentals`\' EXIT; echo hi',
    'echo \'b[$(dropdb -h prod-db.internal rentals >&2)]\' > HFILE; read -r x < HFILE; a=(1); trap \'echo ${a[x]}\' EXIT; echo',
    'echo \'b[$(dropdb -h prod-db.internal rentals >&2)]\' > HFILE; trap \'read -r x < HFILE; (( x ))\' EXIT; echo',
    'ulimit -S -n 4; trap "dropdb -h prod-db.internal rentals" EXIT; echo a; ulimit -S -n 1024; echo b',
    'h=dr; v="a[\\$(${h}opdb -h prod-db.internal rentals >&2)]"; shopt -s localvar_inherit; declare -i l; x=v*1',
    'TOOLS/dro?db -h prod-db.internal rentals',
    // From a fifth review: a wrapper the pattern did not know, or options holding values, before a
    // program named by a variable; the guard's action copied in capitals under nocasematch; the
    // guard's locals made read-only; a trace prompt read from a file.
    'x=dropdb; setarch x86_64 TOOLS/$x -h prod-db.internal rentals',
    'x=dropdb; s=9; timeout -s "$s" 5 TOOLS/$x -h prod-db.internal rentals',
    'trap \'x=drop; x+=db; prlimit TOOLS/$x -h prod-db.internal rentals\' EXIT; true',
    '__AIRLOCK_FAST() { dropdb -h prod-db.internal rentals; }; v=\'[[ $- != *X* ]] && \\__AIRLOCK_FAST "${BASH_COMMAND,,}" "$_" || { \\__AIRLOCK_TRAP "$_" "${@:1:32}" && \\BUILTIN : "$__AIRLOCK_LAST"; }\'; shopt -s nocasematch; trap "$v" EXIT; true',
    'f() { dropdb -h prod-db.internal rentals; }; readonly words __airlock_b_words; trap f EXIT; true',
    'readonly via; x=-h; TOOLS/dropdb ${x} prod-db.internal rentals',
    'printf "%s%s\\n" "\\$(TOOLS/drop" "db -h prod-db.internal rentals >&2)" > HFILE; read -r PS4 < HFILE; set -x; true',
    // From a sixth review: a program put in bash's table under another name, and a bash that reads no
    // BASH_ENV (privileged or POSIX mode, interactive on a file, named sh).
    'hash -p TOOLS/dropdb foo; foo -h prod-db.internal rentals',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; bash -p HFILE',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; bash --posix HFILE',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; bash -o posix HFILE',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; POSIXLY_CORRECT=1 bash HFILE',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; (exec -a sh bash HFILE)',
    'echo "dropdb -h prod-db.internal rentals" > HFILE; bash -i HFILE < /dev/null',
  ])('a handler, or the trap, cannot be got past: %s', (command) => {
    const many = Array.from({ length: 65 }, (_v, i) => `f${i}`);
    const script = command.replaceAll('HFILE', join(dir, 'h.txt')).replaceAll('TOOLS', join(dir, 'tools')).replaceAll('HDIR', join(dir, 'globs')).replace('DEFINE_65', many.map((f) => `${f}() { :; }`).join('; ')).replace('CALL_65', many.join('; '));
    const r = run(script, 0, { FAKE_ENGINE: '1', FAKE_DENY: 'dropdb', FAKE_UNSEEN: '126' });
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
  });

  test.each([
    ['x=true; trap \'eval "$x"\' ERR; true; x="dropdb -h prod-db.internal rentals"; false', 'eval'],
    ['echo true > LATER; trap \'. LATER\' ERR; true; echo "dropdb -h prod-db.internal rentals" > LATER; false', '.'],
    ['shopt -s expand_aliases; alias h=true; trap h ERR; true; alias h="dropdb -h prod-db.internal rentals"; false', 'h'],
    ['g() { source ./later.sh; }; trap g EXIT; echo hi', 'source'],
    ["trap 'trap \"dropdb -h prod-db.internal rentals\" USR2' EXIT; echo hi", 'trap'],
  ])('a handler that runs what no text shows is asked about: %s', (command, unseen) => {
    const r = run(command.replaceAll('LATER', join(dir, 'later.sh')), 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
    expect(r.asked).toContain(`--unseen\n${unseen}\n`);
  });

  test('handlers keep their status, `$_` and line, and the everyday ones ask nothing', () => {
    const r = run("trap 'echo \"err $? at $LINENO after $_\"' ERR\ntrue\nfalse a b\necho after", 126);
    expect(r).toMatchObject({ code: 0, out: 'err 1 at 3 after b\nafter\n', asked: '' });
    // An EXIT handler sees the script's status; one defined below the trap asks nothing.
    const status = run("trap 'rc=$?; cleanup; exit $rc' EXIT; cleanup() { echo bye; }; echo hi; exit 3", 0, { FAKE_ENGINE: '1' });
    expect(status).toMatchObject({ code: 3, out: 'hi\nbye\n' });
    expect(status.asked).not.toContain('--unseen');
    // A handler's function can be defined again, and what runs is what it is then.
    expect(run('g() { echo one; }; trap g EXIT; true; g() { echo two; }; true', 0, { FAKE_ENGINE: '1' })).toMatchObject({ code: 0, out: 'two\n', err: '' });
    // Resets, ignores and listings in a handler set nothing that runs.
    expect(run("cleanup() { trap - EXIT; trap '' INT; trap -p > /dev/null; echo bye; }; trap cleanup EXIT; echo hi", 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' })).toMatchObject({ code: 0, out: 'hi\nbye\n' });
    // `trap -p` shows the judge before the handler; set again from it, or added to, the handler
    // keeps one judge.
    const again = run("trap 'echo bye' EXIT; true; saved=$(trap -p EXIT); trap - EXIT; eval \"$saved\"; true; trap -p EXIT", 126);
    expect(again).toMatchObject({ code: 0, asked: '' });
    const shown = "'\\''echo bye'\\''";
    expect(again.out).toBe(`trap -- 'if \\airlock_judge_handler "$?" EXIT ${shown} "$_"; then \\airlock_handler_status "$_" && \\builtin : "$_"; \\builtin eval -- ${shown}; fi' EXIT\nbye\n`);
    const added = run("trap 'echo one' EXIT; true; old=$(trap -p EXIT); old=${old#trap -- \\'}; old=${old%\\' EXIT}; old=${old//\\'\\\\\\'\\'/\\'}; trap \"$old; echo two\" EXIT; true; trap -p EXIT | grep -o airlock_judge_handler | wc -l", 126);
    expect(added).toMatchObject({ code: 0, out: '1\none\ntwo\n', asked: '' });
  });

  // From the final read-through: `continue`, `break` and `:` are builtins a function can shadow, and
  // the guard ran them by name, inside itself, where nothing judges.
  test.each([
    'continue() { dropdb -h prod-db.internal rentals; }; ./nothing.sh 2>/dev/null; true',
    'break() { dropdb -h prod-db.internal rentals; }; echo "x; y" > /dev/null; ls -d "$PWD" > /dev/null',
    ':() { dropdb -h prod-db.internal rentals; }; trap "echo x" EXIT; true; trap "echo y" INT; true',
  ])('a function named after a loop builtin is never run by the guard: %s', (command) => {
    expect(run(command, 0, { FAKE_ENGINE: '1', FAKE_DENY: 'dropdb' }).ran).toBe('');
  });

  test('everyday shells and options still run: bash on a file, -c, -lc, mkdir -p, docker exec', () => {
    const r = run(`cd ${dir}; echo 'echo from-file' > job.sh; bash job.sh; bash -c 'echo hi'; bash -lc 'echo lc' 2>/dev/null; mkdir -p sub-p; echo done`, 0, { FAKE_ENGINE: '1', HOME: dir });
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('from-file\nhi\n');
    expect(r.out).toContain('done\n');
  });

  test('the trap builtin with a redirection is judged as any command is', () => {
    const r = run(`cd ${dir}; trap -l > .env; echo hi`, 0, { FAKE_ENGINE: '1', FAKE_DENY: '.env' });
    expect(r).toMatchObject({ code: 126, out: '' });
  });

  test.each([
    'trap \'echo "==> cleanup (eval mode off)"\' EXIT; echo hi',
    'cleanup() { echo "Interrupted! trap handler finished"; }; trap cleanup EXIT; echo hi',
    'cleanup() { echo "removing build dir (source tree untouched)"; }; trap cleanup EXIT; echo hi',
  ])('words inside a handler\'s quotes are no commands: %s', (command) => {
    const r = run(command, 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(r.asked).not.toContain('--unseen');
    expect(r.code).toBe(0);
  });

  test('everyday handlers that count, read a pid file or print a stack trace ask nothing', () => {
    const counted = run("n=0; trap 'n=$((n+1))' ERR; false; false; echo \"n=$n\"", 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(counted).toMatchObject({ code: 0, out: 'n=2\n' });
    expect(counted.asked).not.toContain('--unseen');
    const pid = run(`echo $$ > ${dir}/pid; trap 'read -r p < ${dir}/pid; echo "was $p"' EXIT; true`, 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(pid.code).toBe(0);
    expect(pid.asked).not.toContain('--unseen');
    // A stack trace from bash's arrays (`${BASH_SOURCE[0]}` is no program).
    const trace = run('err() { echo "failed at ${BASH_SOURCE[0]}:${BASH_LINENO[0]}: $BASH_COMMAND" >&2; }; trap err ERR; false; true', 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(trace.code).toBe(0);
    expect(trace.asked).not.toContain('--unseen');
  });

  test('a handler the user\'s own BASH_ENV sets is judged too', () => {
    const userEnv = join(dir, 'user-env.bash');
    writeFileSync(userEnv, "g() { dropdb -h prod-db.internal rentals; }; trap g EXIT\n");
    const r = run('echo hi', 0, { FAKE_ENGINE: '1', FAKE_DENY: 'dropdb', AIRLOCK_USER_BASH_ENV: userEnv });
    expect(r).toMatchObject({ ran: '', code: 126 });
    expect(run('echo hi', 0, { FAKE_ENGINE: '1' })).toMatchObject({ code: 0, out: 'hi\n', asked: '' });
  });

  test('bash options from the environment cannot give the guard\'s locals a script\'s attributes', () => {
    const r = run('h=dr; v="a[\\$(${h}opdb -h prod-db.internal rentals >&2)]"; declare -i l; x=v*1; shopt -q localvar_inherit || echo off', 0, { FAKE_ENGINE: '1', FAKE_DENY: 'dropdb', BASHOPTS: 'localvar_inherit' });
    expect(r.ran).toBe('');
    expect(r.out).toBe('off\n');
  });

  test('a handler runs only where it was set: a subshell right after the trap does not run it', () => {
    const r = run(`cd ${dir}; mkdir -p sub-h; trap 'echo "cleanup $BASHPID"' EXIT; ( cd sub-h && echo built ); for w in $(echo a b); do echo "$w"; done; echo "main $BASHPID"`, 0, { FAKE_ENGINE: '1' });
    const lines = r.out.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['built', 'a', 'b']);
    expect(lines.filter((l) => l.startsWith('cleanup'))).toHaveLength(1);
    expect(lines[4]?.replace('cleanup', 'main')).toBe(lines[3]);
  });

  test('a wrapper before a handler\'s program is no program named at run time (`command ls "$d"`)', () => {
    const r = run(`d=${dir}/wrapped; mkdir -p "$d"; trap 'command ls "$d"; builtin cd "$d"; timeout 2 tail --pid="$$" -f /dev/null' EXIT; echo hi`, 0, { FAKE_ENGINE: '1', FAKE_UNSEEN: '126' });
    expect(r.asked).not.toContain('--unseen');
    expect(r.code).toBe(0);
  });

  // From a review: a handler runs as it would without the guard, `set -e` or not.
  test.each([
    ['set -euo pipefail; tmp=$(mktemp -d); trap \'rm -rf "$tmp"; echo cleaned\' EXIT; grep -q nomatch /dev/null', 'cleaned\n', 1],
    ["set -e; trap 'echo handler' EXIT; exit 2", 'handler\n', 2],
    ["trap 'echo failed; exit 42' ERR; set -e; false", 'failed\n', 42],
    ["set -eE; try() { trap 'echo caught; return 7' ERR; false; }; try; echo \"st=$?\"", 'caught\n', 7],
    ["trap 'echo ERR $LINENO' ERR; trap 'echo bye' EXIT; false", 'ERR 1\nbye\n', 1],
    ["set -e; trap 'echo got TERM $?; exit 5' TERM; (sleep 0.2; kill $$) & wait", 'got TERM 143\n', 5],
  ])('a handler keeps its status, its `set -e` and its ERR: %s', (command, out, code) => {
    expect(run(command, 0, { FAKE_ENGINE: '1' })).toMatchObject({ out, code });
  });

  test('a handler is judged with the values it names: a temporary folder it removes is read as one', () => {
    const r = run('tmp=$(mktemp -d); trap \'rm -rf "$tmp"\' EXIT; echo hi', 0, { FAKE_ENGINE: '1' });
    expect(r).toMatchObject({ code: 0, out: 'hi\n' });
    expect(r.asked).toMatch(/^tmp=\/tmp\/tmp\.\S+; *\n*rm -rf "\$tmp"/m);
  });

  test('the functions a handler calls are sent before its own text, as a line defines them before it calls them', () => {
    const first = run('g() { dropdb -h prod-db.internal rentals; }; trap g ERR; false', 126);
    expect(first.ran).toBe('');
    expect(first.asked).toMatch(/dropdb -h prod-db\.internal rentals;?\n\}\n+g\n/);
  });

  test('a listing of traps (trap -p DEBUG) is no tampering; switching the trap off after it still is', () => {
    const r = run('trap -p DEBUG >/dev/null; trap -p RETURN; echo listed; trap - DEBUG; echo off', 0);
    expect(r.out).toBe('listed\n');
    expect(r.code).toBe(126);
    expect(r.err).toContain('stopped trap - DEBUG');
  });

  test('a program named __AIRLOCK_READLINE under nocasematch is not taken for the Enter binding', () => {
    const r = run(`mkdir -p ${dir}/b; ln -sf ${dir}/tools/dropdb ${dir}/b/__AIRLOCK_READLINE; PATH=${dir}/b:$PATH; shopt -s nocasematch; __AIRLOCK_READLINE`, 126);
    expect(r.ran).toBe('');
  });

  test('a script\'s own handlers run, judged by what they run', () => {
    expect(run("trap 'echo bye' EXIT; echo hi", 126)).toMatchObject({ code: 0, out: 'hi\nbye\n', asked: '' });
    const r = run('a=drop b=db; trap "$a$b -h prod-db.internal rentals" EXIT; echo hi', 126);
    // Judged once set, before the next command.
    expect(r).toMatchObject({ ran: '', out: '', code: 126 });
    expect(r.asked).toContain('dropdb -h prod-db.internal rentals');
  });

  test('`set -x` traces the script, not the guard at work (the lines that free its builtins, not hundreds)', () => {
    const r = run('set -x; git status --short >/dev/null 2>&1; echo done', 126);
    expect(r.out).toBe('done\n');
    const traced = r.err.split('\n').filter((l) => l.startsWith('+'));
    expect(traced).toEqual(expect.arrayContaining(['+ git status --short', '+ echo done']));
    // About twenty a command: the trap's first test (`$-`, which sends a traced script the long
    // way), then the lines that free the guard's builtins.
    expect(traced.length).toBeLessThan(45);
  });

  test.each(['local', 'declare', 'builtin', 'shopt', 'return'])('a function named %s brought in through the environment does not let a command through', (name) => {
    const r = run('dropdb -h prod-db.internal rentals', 126, { [`BASH_FUNC_${name}%%`]: '() { :; }' });
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
  });

  test('freeing builtins leaves the script\'s own options and POSIX mode as they were', () => {
    const r = run([
      'shopt -s expand_aliases shift_verbose; alias hi="echo aliased"', 'true', 'hi',
      'shopt -q inherit_errexit && echo inherit_errexit', 'shopt -q expand_aliases && echo expand_aliases',
      'shopt -q shift_verbose && echo shift_verbose',
      'set -o posix', 'true', 'shopt -qo posix && echo posix',
    ].join('\n'), 126);
    expect(r).toMatchObject({ code: 0, asked: '', err: '' });
    expect(r.out.split('\n')).toEqual(['aliased', 'expand_aliases', 'shift_verbose', 'posix', '']);
  });

  test.each([
    'v=__air; v+=lock_dir; declare -n r=$v; r=/tmp; dropdb x',
    'v=__air; v+=lock_previous_trap; declare -n r=$v; r="return 0"; dropdb x',
    'v=__air; v+=lock_progs; declare -n r=$v; r[dropdb]=; /usr/bin/env dropdb x',
  ])('the guard\'s tables and folder are read-only, even through a name it never sees: %s', (command) => {
    const r = run(command, 126);
    expect(r.ran).toBe('');
    expect(r.code).not.toBe(0);
  });

  test.each([
    'export AIRLOCK_NODE=/bin/true; dropdb -h prod-db.internal rentals',
    'export AIRLOCK_CLI=/dev/null; dropdb -h prod-db.internal rentals',
    'AIRLOCK_NODE=/bin/true; dropdb -h prod-db.internal rentals',
    'unset BASH_ENV; bash -c "dropdb x"',
    'export -n BASH_ENV; dropdb x',
    'export AIRLOCK_IPC=/tmp/planted.json; dropdb x',
    'env -u BASH_ENV bash -c "dropdb x"',
    '__airlock_node=/bin/true; dropdb x',
    'export "BASH_ENV=/dev/null"; bash -c "dropdb x"',
    'declare +x BASH_ENV; bash -c "dropdb x"',
    'env -i bash -c "dropdb x"',
  ])('the gate\'s own variables cannot be changed to let a command through: %s', (command) => {
    const r = run(command, 0);
    expect(r.code).toBe(126);
    expect(r.ran).toBe('');
  });

  test('a redirect in a guard folder the shell moved into earlier is asked about (the line alone names no such file)', () => {
    const claude = join(dir, 'home', '.claude');
    mkdirSync(claude, { recursive: true });
    writeFileSync(join(dir, 'client.ran'), '');
    const r = spawnSync('bash', ['-c', "printf '{}' > settings.json; echo next"], {
      cwd: claude, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: `${bin()}:/usr/bin:/bin`, BASH_ENV: guard, FAKE_ANSWER: '126' },
    });
    expect(readFileSync(join(dir, 'client.ran'), 'utf8')).toContain("printf '{}' > settings.json");
    expect(r.status).toBe(126);
    expect(existsSync(join(claude, 'settings.json'))).toBe(false);
  });

  test.each([
    ['__airlock_guard', '1'],
    ['__airlock_trap_before', 'return 0'],
    ['__airlock_line_ok', '1'],
  ])('guard state inherited through the environment (%s=%s, set by whatever started bash) is dropped', (name, value) => {
    const r = run('dropdb -h prod-db.internal rentals', 126, { [name]: value });
    expect(r.asked.split('\n').slice(0, 3)).toEqual(['gate', '--line', 'dropdb -h prod-db.internal rentals']);
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
  });

  test('an AIRLOCK_NODE the shell inherited is not the client it asks', () => {
    const r = run('dropdb -h prod-db.internal rentals', 126, { AIRLOCK_NODE: '/bin/true', AIRLOCK_CLI: '/dev/null' });
    expect(r.asked.split('\n').slice(0, 3)).toEqual(['gate', '--line', 'dropdb -h prod-db.internal rentals']);
    expect(r.ran).toBe('');
    expect(r.code).toBe(126);
  });

  test('a guard without its tables (which hold its client) runs nothing and says why; the environment\'s client is not taken instead (fail closed)', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken, { recursive: true });
    copyFileSync(guard, join(broken, 'guard.bash'));
    copyFileSync(join(dir, 'hidden.sh'), join(broken, 'hidden.sh'));
    const r = run('ls /; dropdb x', 0, { BASH_ENV: join(broken, 'guard.bash'), AIRLOCK_NODE: join(bin(), 'fake-node'), AIRLOCK_CLI: '/x/cli.js' });
    expect(r.code).toBe(126);
    expect(r.asked).toBe('');
    expect(r.ran).toBe('');
    expect(r.err).toContain('tables are missing');
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

describe('the guard\'s Enter binding (its function, as readline calls it)', () => {
  function enter(line: string, answer: number): { rewritten: string; stderr: string; code: string } {
    const bin = join(dir, 'tools');
    const script = `. ${filterGuard}; READLINE_LINE=${JSON.stringify(line)}; __airlock_readline; printf '%s\\n' "$READLINE_LINE"; eval "$READLINE_LINE" 2>${dir}/enter.err; echo "status=$?"; echo "grant=\${AIRLOCK_LINE_GRANT-}"`;
    const r = spawnSync('bash', ['-c', script], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_ANSWER: String(answer) },
    });
    const lines = r.stdout.split('\n');
    return { rewritten: lines[0] ?? '', stderr: readFileSync(join(dir, 'enter.err'), 'utf8'), code: r.stdout };
  }

  test('a stopped line becomes one that prints why and fails with 126; nothing of it runs', () => {
    writeFileSync(join(dir, 'dropdb.ran'), '');
    const r = enter('dropdb -h prod-db.internal rentals', 126);
    expect(r.rewritten).toMatch(/^printf "%s\\n" .* >&2; \(exit 126\)$/);
    expect(r.stderr).toBe('denied by test\n');
    expect(r.code).toContain('status=126');
    expect(readFileSync(join(dir, 'dropdb.ran'), 'utf8')).toBe('');
  });

  test('an approved line runs as typed, with its grant exported for its shims', () => {
    const r = enter('dropdb -h prod-db.internal rentals', 0);
    expect(r.rewritten).toBe('dropdb -h prod-db.internal rentals');
    expect(r.code).toContain('grant=grant-1');
    expect(readFileSync(join(dir, 'dropdb.ran'), 'utf8')).toBe('-h prod-db.internal rentals\n');
  });

  test('a benign line is left alone and asks nothing', () => {
    writeFileSync(join(dir, 'client.ran'), '');
    expect(enter('git status --short', 126).rewritten).toBe('git status --short');
    expect(readFileSync(join(dir, 'client.ran'), 'utf8')).toBe('');
  });
});


describe('an interactive bash on a real terminal, without VS Code\'s shell integration', () => {
  test('Enter stops a flagged line ($? is 126, nothing ran), the user\'s DEBUG trap keeps firing', () => {
    const tools = join(dir, 'tools');
    const rc = join(dir, 'rc.bash');
    writeFileSync(rc, `trap 'echo "user trap: $BASH_COMMAND" >> ${dir}/user-trap.log' DEBUG\nPS1='$ '\n`);
    for (const f of ['dropdb.ran', 'user-trap.log']) writeFileSync(join(dir, f), '');
    // Typed ahead into the terminal: readline reads it once the guard is loaded by PROMPT_COMMAND.
    const r = spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
      input: 'dropdb -h prod-db.internal rentals\recho status=$?\rexit\r', encoding: 'utf8', timeout: 20_000,
      env: { PATH: `${tools}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)), FAKE_ANSWER: '126' },
    });
    expect(r.stdout, r.stdout + r.stderr).toContain('denied by test');
    expect(r.stdout).toContain('status=126');
    expect(readFileSync(join(dir, 'dropdb.ran'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, 'user-trap.log'), 'utf8')).toContain('user trap: echo status=');
  });

  test('prompts say nothing of the guard\'s own reload: no "airlock: stopped" for its PROMPT_COMMAND, after benign or engine-cleared lines', () => {
    const rc = join(dir, 'rc.bash');
    writeFileSync(rc, `PS1='$ '\ncd ${dir}\n`);
    const r = spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
      input: 'ls\recho one\rrm -f $tmp\rx=$(cat /dev/null); dropdb $x\recho two\rexit\r', encoding: 'utf8', timeout: 20_000,
      env: { PATH: `${join(dir, 'tools')}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)), FAKE_ANSWER: '0', FAKE_ENGINE: '1', tmp: 'x.log' },
    });
    expect(r.stdout).toMatch(/^two\r?$/m);
    expect(r.stdout + r.stderr).not.toContain('airlock:');
    expect(r.stdout + r.stderr).not.toContain('__airlock');
  });

  test('a handler stopped as it runs is skipped, and the shell goes on', () => {
    const rc = join(dir, 'rc.bash');
    writeFileSync(rc, `PS1='$ '\n`);
    // Set while it names nothing; by the time it runs its name is an alias, which no text shows.
    const r = spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
      input: 'trap g ERR\rtrue\ralias g="echo handler-ran"\rfalse\recho next=$?\rexit\r', encoding: 'utf8', timeout: 20_000,
      env: { PATH: `${join(dir, 'tools')}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)), FAKE_ANSWER: '0', FAKE_ENGINE: '1', FAKE_UNSEEN: '126' },
    });
    expect(r.stdout, r.stdout + r.stderr).toContain('denied by test');
    expect(r.stdout).not.toMatch(/^handler-ran/m);
    expect(r.stdout).toMatch(/^next=/m);
  });

  test('a line the engine let through is judged command by command where it holds words only known when it runs', () => {
    const real = join(dir, 'real');
    mkdirSync(real, { recursive: true });
    writeFileSync(join(real, 'helm'), `#!/bin/sh\necho "helm $*" >> ${dir}/helm.ran\n`);
    chmodSync(join(real, 'helm'), 0o755);
    writeFileSync(join(dir, 'build.sh'), '#!/bin/sh\ntrue\n');
    chmodSync(join(dir, 'build.sh'), 0o755);
    for (const f of ['helm.ran', 'client.ran']) writeFileSync(join(dir, f), '');
    const rc = join(dir, 'rc.bash');
    writeFileSync(rc, `PS1='$ '\ncd ${dir}\n`);
    spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
      input: './build.sh; /proc/self/cwd/real/helm $x web\rexit\r', encoding: 'utf8', timeout: 20_000,
      env: { PATH: `${join(dir, 'tools')}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)), FAKE_ANSWER: '0', FAKE_ENGINE: '1', FAKE_UNSEEN: '126', x: 'uninstall' },
    });
    expect(readFileSync(join(dir, 'client.ran'), 'utf8')).toContain('--unseen\nhelm');
    expect(readFileSync(join(dir, 'helm.ran'), 'utf8')).toBe('');
  });

  test('after a line judged whole, a program its own PATH sends past the shim is asked about; an everyday line asks once', () => {
    const real = join(dir, 'real');
    writeFileSync(join(dir, 'verbs'), 'uninstall web\n');
    const rc = join(dir, 'rc.bash');
    writeFileSync(rc, `PS1='$ '\ncd ${dir}\n`);
    const line = (input: string, extra: Record<string, string>): string => {
      for (const f of ['helm.ran', 'client.ran']) writeFileSync(join(dir, f), '');
      spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
        input: `${input}\rexit\r`, encoding: 'utf8', timeout: 20_000,
        // The shims first on PATH, as in an editor's terminal.
        env: { PATH: `${join(dir, 'bin')}:${join(dir, 'tools')}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)), FAKE_ANSWER: '0', FAKE_ENGINE: '1', ...extra },
      });
      return readFileSync(join(dir, 'client.ran'), 'utf8');
    };
    const asked = line(`rm -f build.log; PATH=${real}:/usr/bin:/bin; xargs helm < verbs`, { FAKE_UNSEEN: '126' });
    expect(asked).toContain('--unseen\nhelm');
    expect(readFileSync(join(dir, 'helm.ran'), 'utf8')).toBe('');
    // Flagged by the filter, let through by the engine: one call, at Enter.
    expect(line('rm -f $tmp', { tmp: 'x.log' }).match(/^gate$/gm)).toHaveLength(1);
    // A program named only when the line runs, on a line the engine let through: asked with its value.
    writeFileSync(join(dir, 'cmdfile'), `${real}/helm uninstall web\n`);
    const named = line('p=$(cat cmdfile); $p', { FAKE_UNSEEN: '126' });
    expect(named).toContain('helm\\ uninstall\\ web; $p');
    expect(line('rm -rf "${out:?}/"', { out: 'build' })).not.toContain('bad array subscript');
  });
});

describe('an interactive bash: what the trap lets through rests on nothing a line can set', () => {
  // VS Code's shell integration stands in as its functions, its DEBUG trap and PROMPT_COMMAND run
  // inside a function, defined before the guard loads, as in an editor's terminal; `real/helm`
  // stands for the program past its shim.
  // A prompt hook like direnv's evaluates a command's output at every prompt.
  const rcText = (): string => [
    "PS1='$ '", `cd ${dir}`, '__vsc_update_cwd() { :; }', '__vsc_preexec_only() { :; }', 'trap \'__vsc_preexec_only "$_"\' DEBUG',
    '__vsc_stable=1', '__vsc_report_prompt() { [ "$__vsc_stable" = 0 ] && builtin printf \'%s\' "${__vsc_original_PS1@P}" > /dev/null; }',
    // A folder put before the shims by the user's own start-up (as `brew shellenv` does), holding git.
    `PATH=${dir}/pre:$PATH`,
    '_hook() { git rev-parse --git-dir > /dev/null 2>&1; eval "$(echo true)"; }', 'PROMPT_COMMAND="$PROMPT_COMMAND _hook;"',
    '__vsc_original_prompt_command=$PROMPT_COMMAND',
    '__vsc_prompt_cmd_original() { local cmd; for cmd in "${__vsc_original_prompt_command[@]}"; do eval "${cmd:-}"; done; __vsc_report_prompt; __vsc_update_cwd; }',
    'PROMPT_COMMAND=__vsc_prompt_cmd_original', '',
  ].join('\n');
  function typed(input: string, extra: Record<string, string> = {}, rcExtra = ''): { helm: string; client: string; out: string } {
    const rc = join(dir, 'rc-state.bash');
    writeFileSync(rc, rcText() + rcExtra);
    writeFileSync(join(dir, 'verbs'), 'uninstall web\n');
    for (const f of ['helm.ran', 'client.ran']) writeFileSync(join(dir, f), '');
    const r = spawnSync('script', ['-qc', `bash --rcfile ${rc} -i`, '/dev/null'], {
      input: `${input}\rexit\r`, encoding: 'utf8', timeout: 20_000,
      env: {
        PATH: `${join(dir, 'bin')}:${join(dir, 'tools')}:/usr/bin:/bin`, HOME: dir, TERM: 'xterm', PROMPT_COMMAND: promptCommand(gateLayout(dir)),
        FAKE_ANSWER: '0', FAKE_ENGINE: '1', FAKE_UNSEEN: '126', h: join(dir, 'real', 'helm'), G: join(dir, 'guard.bash'), ...extra,
      },
    });
    return { helm: readFileSync(join(dir, 'helm.ran'), 'utf8'), client: readFileSync(join(dir, 'client.ran'), 'utf8'), out: r.stdout };
  }

  beforeAll(() => {
    mkdirSync(join(dir, 'pre'), { recursive: true });
    writeFileSync(join(dir, 'pre', 'git'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'pre', 'git'), 0o755);
    mkdirSync(join(dir, 'real'), { recursive: true });
    writeFileSync(join(dir, 'real', 'helm'), `#!/bin/sh\necho "helm $*" >> ${dir}/helm.ran\n`);
    chmodSync(join(dir, 'real', 'helm'), 0o755);
  });

  test('loaded inside VS Code\'s prompt function, the guard\'s tables are read-only for the whole shell', () => {
    typed(`readonly -p > ${dir}/state.txt 2>&1`);
    const state = readFileSync(join(dir, 'state.txt'), 'utf8');
    expect(state).toMatch(/^declare -r __airlock_dir=/m);
    expect(state).toMatch(/^declare -Ar __airlock_progs=/m);
    expect(state).toMatch(/^declare -Ar __airlock_reload_set=/m);
    expect(state).toMatch(/^declare -r __airlock_guard=/m);
  });

  test('the stand-in runs helm past its shim when nothing stops it', () => {
    // A PATH put before the shims at Enter: only the trap, as the line runs, sees helm is past its shim.
    const r = typed('rm -f build.log; PATH=${h%/*}:$PATH; helm $(cat verbs)');
    expect(r.client).toContain('--unseen\nhelm');
    expect(r.helm).toBe('');
  });

  // Each was run before this change with `helm uninstall web` and no one asked.
  test.each([
    // The Enter binding's state, set by the line it approved.
    'rm -f build.log; __airlock_busy=1; PATH=${h%/*}:$PATH; helm $(cat verbs)',
    'rm -f build.log; p=__airlock; declare -n r; r=${p}_busy; r=1; PATH=${h%/*}:$PATH; helm $(cat verbs)',
    'rm -f build.log; p=__airlock; y=${p}_at_prompt=1; (( y )); PATH=${h%/*}:$PATH; helm $(cat verbs)',
    'rm -f build.log; p=__airlock; eval "${p}_busy=1"; PATH=${h%/*}:$PATH; helm $(cat verbs)',
    // The guard's reload, sourced in the middle of a line.
    'rm -f build.log; . "$G"; PATH=${h%/*}:$PATH; helm $(cat verbs)',
    // VS Code's functions: redefined (its DEBUG trap runs inside the guard's, unjudged), or one it
    // does not define, named after it.
    'rm -f build.log; __vsc_preexec_only() { $h uninstall web; }; true',
    'rm -f build.log; __vsc_update_cwd() { PATH=${h%/*}:$PATH; helm $(cat verbs); }; __vsc_update_cwd',
    'rm -f build.log; __vsc_restore_exit_code() { PATH=${h%/*}:$PATH; helm $(cat verbs); }; __vsc_restore_exit_code',
    // A fifth review: aliases on the trap's action and on VS Code's, and a variable VS Code expands.
    'p=__airlock; alias "${p}_trap=:"\rPATH=${h%/*}:$PATH; helm $(cat verbs)',
    'alias __vsc_preexec_only="$h uninstall web;:"\recho hi',
    '__vsc_stable=0; __vsc_original_PS1=\'$(hash -p $h helm; helm $(cat verbs))\'\recho hi',
  ])('%s', (input) => {
    expect(typed(input).helm).toBe('');
  });

  test('an approval covers the line as the engine read it, not what an alias on it runs; a prompt hook is the prompt\'s own work', () => {
    // The alias calls the Enter binding's own function with a line of its choosing, then runs
    // another command under the same line number.
    const line = `p=__airlock; alias z='READLINE_LINE="rm -f build.log"; \${p}_readline'$'\\n''$h uninstall web'`;
    const r = typed(`${line}\rz`, { FAKE_ENGINE: '' });
    expect(r.client).toContain(`${join(dir, 'real', 'helm')}; $h uninstall web`);
    expect(r.client).not.toContain('eval');
  });

  // A second review: each ran helm with only the reduced checks of an approved line.
  test.each([
    ['a history expansion', 'echo real/helm uninstall web; !#:1-3'],
    ['a sourced file, named in a comment', 'echo "real/helm uninstall web" > cmd2\r. ./cmd2 # real/helm uninstall web'],
    ['an alias, named in a string', 'alias q="real/helm uninstall web"\rq; echo "; real/helm uninstall web ;"'],
  ])('an approval does not cover what %s runs', (_what, input) => {
    const r = typed(input, { FAKE_ENGINE: '' });
    expect(r.client.split('\n')).toContain('real/helm uninstall web');
  });

  test('an approval does not cover a command a value turns an operand into; VS Code\'s state is not a line\'s to set', () => {
    for (const line of ['echo "${x@P}" real/helm uninstall web', 'echo "${x@P}" # ; real/helm uninstall web', 'echo "${x@P}" "; real/helm uninstall web ;"',
      "echo \"${x@P}\" $'\\'; real/helm uninstall web ;'"]) {
      const operand = typed(`x='$(real/helm uninstall web)'\r${line}`, { FAKE_ENGINE: '' });
      expect(operand.client.split('\n')).toContain('real/helm uninstall web');
    }
    // On a build that expands the prompt itself (__vsc_stable=0): the line sets the value and calls it.
    const called = typed('__vsc_original_PS1=\'$(hash -p $h helm; helm $(cat verbs))\'; __vsc_report_prompt; __vsc_original_PS1=', {}, '__vsc_stable=0\n');
    expect(called.helm).toBe('');
    expect(called.out).toContain('airlock: stopped __vsc_original_PS1=');
    // And as VS Code's prompt expands it: not a command of VS Code's own.
    const prompt = typed('__vsc_original_PS1=\'$(hash -p $h helm; helm $(cat verbs))\'\recho hi', {}, '__vsc_stable=0\n');
    expect(prompt.helm).toBe('');
  });

  test('a prompt hook running a program the user\'s PATH finds first, and an awk program\'s $1, ask nothing', () => {
    const r = typed('rm -f build.log; awk \'{print $1}\' /dev/null');
    expect(r.client).toContain('gate');
    expect(r.client).not.toContain('--unseen');
  });

  test('`$_` is kept across the Enter binding and the prompt', () => {
    expect(typed('echo a b > /dev/null\recho "last=$_"').out).toContain('last=b');
  });

  test('Enter\'s keys cannot be bound elsewhere; a line the engine let through leaves no noise before the next prompt', () => {
    const r = typed('bind \'"\\C-m": accept-line\'; echo bound=$?');
    expect(r.out).toContain('airlock: stopped bind');
    const quiet = typed('rm -f build.log; echo next');
    expect(quiet.out).toContain('next');
    expect(quiet.out).not.toContain('airlock: stopped');
  });
});

describe('the zsh guard', () => {
  let zguard: string;
  beforeAll(() => {
    zguard = join(dir, 'zsh', 'guard.zsh');
  });

  test('its filter calls suspicious every line the engine flags and clears everyday commands', () => {
    const flagged = [
      ...allRules.flatMap((r) => r.examples.match),
      ...readCorpus(CORPUS_PATH).map((e) => e.command),
    ].filter((l) => classify(l, { cwd: '/work/app' }).findings.length > 0);
    const benign = ['git status', 'ls -la', 'cat src/index.ts', 'cd src', 'echo hello', 'git log --oneline -5'];
    const input = join(dir, 'zlines.bin');
    writeFileSync(input, [...flagged, ...benign].join('\0') + '\0');
    // zle is a builtin only an interactive zsh has: a stand-in function lets the guard load here.
    const script = `zle() { :; }; . ${zguard}; while IFS= read -r -d '' line; do if __airlock_suspicious "$line"; then echo 1; else echo 0; fi; done < ${input}`;
    const r = spawnSync('zsh', ['-f', '-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
    expect(r.stderr).toBe('');
    const answers = r.stdout.trim().split('\n');
    expect(flagged.filter((_l, i) => answers[i] !== '1')).toEqual([]);
    expect(answers.slice(flagged.length)).toEqual(benign.map(() => '0'));
  });

  test('accept-line: a stopped line prints why and fails; an approved one runs with its grant; the widget before it still runs', () => {
    const bin = join(dir, 'tools');
    const accept = (line: string, answer: number): string => {
      const script = `zle() { [[ $1 == __airlock_next_accept-line ]] && print -r -- "ACCEPT:$BUFFER"; }; alias nuke='/bin/rm -rf'; . ${zguard}; BUFFER='${line.replace(/'/g, "'\\''")}'; __airlock_accept-line; print -r -- "grant=\${AIRLOCK_LINE_GRANT-}"`;
      return spawnSync('zsh', ['-f', '-c', script], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_ANSWER: String(answer) },
      }).stdout;
    };
    const denied = accept('dropdb -h prod-db.internal rentals', 126);
    expect(denied).toMatch(/^ACCEPT:print -u2 -r -- .*denied.*by.*test.*; \(exit 126\)$/m);
    const allowed = accept('dropdb -h prod-db.internal rentals', 0);
    expect(allowed).toContain('ACCEPT:dropdb -h prod-db.internal rentals');
    expect(allowed).toContain('grant=grant-1');
    expect(accept('git status', 126)).toContain('ACCEPT:git status');
    for (const line of ['bindkey -L', 'bindkey', 'zle -l', 'typeset -f my_fn', 'which accept-line', 'echo "Fix (Perf) issue" x=1']) expect(accept(line, 126)).toContain(`ACCEPT:${line}`);
    // An alias is judged by what it runs.
    expect(accept('nuke ~/projects', 126)).toMatch(/^ACCEPT:print -u2 -r -- .*; \(exit 126\)$/m);
    // So is a function defined on an earlier line, wherever the line names it (run, or set as a
    // trap or hook), or one of the start-up files' functions redefined; not one as start-up left it.
    const withFunction = (line: string): string => spawnSync('zsh', ['-f', '-c',
      `zle() { [[ $1 == __airlock_next_accept-line ]] && print -r -- "ACCEPT:$BUFFER"; }; s() { /opt/x/helm uninstall web; }; u() { :; }; . ${zguard}; ` +
      `f() { /opt/x/helm uninstall web; }; u() { /opt/x/helm uninstall web; }; BUFFER='${line}'; __airlock_accept-line`], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_ANSWER: '0', FAKE_DENY: 'helm uninstall web' },
    }).stdout;
    for (const line of ['f', 'trap f ZERR', 'precmd_functions+=(f)', 'add-zsh-hook precmd f', 'u', '${x:-f}']) expect(withFunction(line), line).toMatch(/^ACCEPT:print -u2 -r -- .*; \(exit 126\)$/m);
    for (const line of ['fx; echo done', 's']) expect(withFunction(line), line).toContain(`ACCEPT:${line}`);
    // Defining anew a function a hook array names runs it at the next prompt.
    const hooked = (line: string): string => spawnSync('zsh', ['-f', '-c',
      `zle() { [[ $1 == __airlock_next_accept-line ]] && print -r -- "ACCEPT:$BUFFER"; }; . ${zguard}; precmd_functions+=(h); BUFFER='${line}'; __airlock_accept-line`], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${join(dir, 'tools')}:/usr/bin:/bin`, FAKE_ANSWER: '0', FAKE_DENY: 'helm uninstall web' },
    }).stdout;
    writeFileSync(join(dir, 'client.ran'), '');
    hooked('h() { /opt/x/helm uninstall web -n production; }');
    const sent = readFileSync(join(dir, 'client.ran'), 'utf8');
    expect(sent).toContain(": the shell's hooks call h");
    // …which the engine reads as running it (the definition alone runs nothing).
    const line = sent.slice(sent.indexOf('h() {'), sent.indexOf(" call h") + 7);
    expect(classify(line).environment.tier).toBe('production');
    expect(classify('h() { /opt/x/helm uninstall web -n production; }').findings).toEqual([]);
    // The gate's variables are not the line's to change, even where the client would allow it.
    for (const line of ['export AIRLOCK_NODE=/bin/true', 'unset ZDOTDIR', 'AIRLOCK_CLI=/dev/null dropdb x', 'typeset -g __airlock_node=/bin/true',
      // The guard's functions and widgets, by a name built at run time, and Enter rebound.
      'x=lock_suspicious; functions[__air$x]="return 1"', 'f=__air; unfunction ${f}lock_check_buffer', "bindkey '^M' .accept-line",
      'zle -A .accept-line accept-line', 'zle -N accept-line my-widget', 'v=x; : ${(P)v::=1}', 'unset -f f', 'disable -f f',
      'a=__air; b=lock_check_buffer; eval "$a$b() { : }"', 'zle -C accept-line complete-word _main_complete', 'eval "unf""unction g"', "b'ind'key '^M' .accept-line"]) {
      expect(accept(line, 0)).toMatch(/^ACCEPT:print -u2 -r -- .*terminal.*gate.*; \(exit 126\)$/m);
    }
  });
});
