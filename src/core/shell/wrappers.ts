// Programs that run another program: their own options are skipped and the command they run is
// classified in its place. Data first; the few with odd grammars (find, xargs, parallel) follow.
import type { Word } from './command';
import { placeholder } from './items';
import { unwrapParallel } from './parallel';
import { cmdletNames, unwrapCmdlet } from './powershell';
import { unwrapXargs } from './xargs';
import type { Derived } from './derived';

interface WrapperSpec {
  readonly programs: readonly string[];
  /** Words that must come first (`npm exec`, `poetry run`). */
  readonly sub?: readonly (readonly string[])[];
  /** A word that may come first and is skipped (`pnpm dlx`, `yarn exec`, `bun x`). */
  readonly optionalSub?: readonly string[];
  /** Options that take a separate value. */
  readonly valueOptions?: readonly string[];
  /** Options whose value is a whole command line (`su -c`, `flock -c`, `npx -c`). */
  readonly scriptOptions?: readonly string[];
  /** Positionals before the command (`timeout 10`, `chroot DIR`). */
  readonly skip?: number;
  /** `VAR=value` words before the command are assignments (`env`). */
  readonly assignments?: boolean;
  /** The command is only what follows `--` (`op run -- cmd`). */
  readonly afterDoubleDash?: boolean;
  /** The rest is joined into one command line and run by a shell (`watch`, `ssh host …`). */
  readonly join?: boolean;
  /** With any of these options the wrapper only looks the program up (`command -v rm`). */
  readonly lookupOnly?: readonly string[];
  /** Flags that make the wrapper run the rest through a shell (`entr -s 'cmd'`). */
  readonly joinWith?: readonly string[];
  /** Each operand is a command line of its own (`concurrently 'a' 'b'`, `hyperfine 'a' 'b'`). */
  readonly eachScript?: boolean;
  /** Each operand names a package script (`run-s build test`): run as `npm run NAME`. */
  readonly eachPackageScript?: boolean;
  /** The wrapper's value options are its own wherever they stand, before `--` (`heroku run env -a shop`: oclif's parsing). */
  readonly optionsAnywhere?: boolean;
}

/** Programs that run another program given by name: `sudo`, `timeout 5`, `nice -n 5`. */
const PROGRAM_WRAPPERS: readonly WrapperSpec[] = [
  { programs: ['sudo'], valueOptions: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'], lookupOnly: ['-l', '--list', '-v', '--validate', '-k', '-K'] },
  { programs: ['doas'], valueOptions: ['-u', '-C'] },
  { programs: ['pkexec'], valueOptions: ['--user'] },
  { programs: ['runuser'], valueOptions: ['-u', '--user', '-g', '--group', '-G'], scriptOptions: ['-c', '--command'] },
  { programs: ['su'], valueOptions: ['-s', '--shell', '-g', '--group', '-G', '-w'], scriptOptions: ['-c', '--command'], skip: 99 },
  { programs: ['env'], valueOptions: ['-u', '--unset', '-C', '--chdir'], scriptOptions: ['-S', '--split-string'], assignments: true },
  { programs: ['nice'], valueOptions: ['-n', '--adjustment'] },
  { programs: ['ionice'], valueOptions: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '-u'] },
  { programs: ['nohup', 'setsid', 'unbuffer', 'chronic', 'proxychains', 'proxychains4', 'torsocks', 'catchsegv', 'dbus-run-session', 'xvfb-run', 'builtin', 'time', 'stdbuf'], valueOptions: ['-f', '-o', '--output', '--format', '-i', '-e', '--input', '--error'] },
  { programs: ['timeout'], valueOptions: ['-s', '--signal', '-k', '--kill-after'], skip: 1 },
  { programs: ['taskset', 'faketime', 'chroot', 'gosu', 'su-exec'], skip: 1 },
  { programs: ['direnv'], sub: [['exec']], skip: 1 },
  // daemontools' envdir and runit's chpst set the environment from a directory (wal-g's usual way).
  { programs: ['envdir', 'envuidgid', 'setuidgid'], skip: 1 },
  { programs: ['chpst'], valueOptions: ['-u', '-U', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c'] },
  { programs: ['flock'], valueOptions: ['-w', '--timeout', '-E', '--conflict-exit-code'], scriptOptions: ['-c', '--command'], skip: 1 },
  { programs: ['command'], lookupOnly: ['-v', '-V'] },
  { programs: ['exec'], valueOptions: ['-a'] },
  { programs: ['strace', 'ltrace'], valueOptions: ['-o', '-e', '-p', '-s', '-u', '-E'] },
  { programs: ['script'], valueOptions: ['-t', '--timing', '-I', '-O', '-B', '-T', '-E', '-m'], scriptOptions: ['-c', '--command'], skip: 99 },
  // BSD and macOS: `script [-q] FILE COMMAND…` runs the command with FILE as its typescript.
  { programs: ['script'], valueOptions: ['-t', '-T'], skip: 1 },
  { programs: ['watch'], valueOptions: ['-n', '--interval', '-d', '--differences', '-q', '--equexit'], join: true },
  { programs: ['busybox', 'toybox', 'noglob', 'nocorrect', 'caffeinate', 'rlwrap', 'tini', 'dumb-init', 'catatonit'], valueOptions: ['-t', '-w', '-s'] },
  { programs: ['unshare'], valueOptions: ['-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd', '--map-user', '--map-group'] },
  { programs: ['firejail'], valueOptions: [] },
  { programs: ['arch'], valueOptions: ['-e'] },
  { programs: ['valgrind'], valueOptions: ['--tool', '--log-file'] },
  { programs: ['screen'], valueOptions: ['-S', '-c', '-e', '-h', '-L', '-p', '-s', '-t', '-T', '-X'] },
  { programs: ['tmux'], sub: [['new-session', 'new', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane']], valueOptions: ['-s', '-n', '-c', '-t', '-F', '-x', '-y', '-e', '-l'], join: true },
  { programs: ['sg'], scriptOptions: ['-c'], skip: 99 },
  { programs: ['nix'], sub: [['run', 'shell', 'develop']], afterDoubleDash: true, scriptOptions: ['-c', '--command'] },
  { programs: ['systemd-run'], valueOptions: ['-u', '--unit', '-p', '--property', '-M', '--machine', '--description', '--slice', '-E', '--setenv', '--working-directory'] },
  { programs: ['nsenter'], valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-r', '--root'] },
  { programs: ['setpriv'], valueOptions: ['--reuid', '--regid', '--ruid', '--rgid', '--euid', '--egid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--selinux-label', '--apparmor-profile'] },
  { programs: ['prlimit'], valueOptions: ['-p', '--pid', '-o', '--output'] },
  { programs: ['setarch'], skip: 1, valueOptions: ['--uname-2.6'] },
  { programs: ['linux32', 'linux64'] },
  { programs: ['ssh-agent'], valueOptions: ['-a', '-E', '-P', '-t'] },
  { programs: ['chrt'], skip: 1 },
  { programs: ['cpulimit'], valueOptions: ['-l', '--limit', '-p', '--pid', '-e', '--exe', '-m', '--monitor-forks'] },
  { programs: ['fakeroot'], valueOptions: ['-l', '--lib', '--faked', '-s', '-i'] },
  { programs: ['fakechroot'], valueOptions: ['-l', '--lib', '-d', '--elfloader', '-s', '--use-system-libs', '-e', '--environment', '-c', '--config-dir'] },
  { programs: ['proot'], valueOptions: ['-r', '--rootfs', '-b', '--bind', '-m', '--mount', '-w', '--pwd', '--cwd', '-q', '--qemu', '-k', '--kernel-release', '-v', '--verbose'] },
  { programs: ['sshpass'], valueOptions: ['-p', '-f', '-d', '-P'] },
  { programs: ['perf'], sub: [['record', 'stat', 'trace']], valueOptions: ['-e', '--event', '-o', '--output', '-p', '--pid', '-t', '--tid', '-c', '--count', '-F', '--freq', '-C', '--cpu', '-G', '--cgroup', '--call-graph', '-r', '--repeat'] },
  { programs: ['entr'], joinWith: ['-s'] },
  // watchexec runs its command through a shell unless told otherwise.
  { programs: ['watchexec'], valueOptions: ['-w', '--watch', '-W', '--watch-non-recursive', '-e', '--exts', '-f', '--filter', '-F', '--filter-file', '-j', '--filter-prog', '-i', '--ignore', '--ignore-file',
    '-d', '--debounce', '--delay-run', '-s', '--signal', '--stop-signal', '--stop-timeout', '--shell', '-E', '--env', '--workdir', '--project-origin', '--on-busy-update',
    '--poll', '--emit-events-to', '--log-file', '--color', '--wrap-process', '--timings', '--fs-events'], join: true },
  { programs: ['concurrently'], valueOptions: ['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-s', '--success', '--restart-tries', '--restart-after', '-m', '--max-processes',
    '-l', '--prefix-length', '-t', '--timestamp-format', '--names-separator', '--default-input-target', '--pad-prefix', '--teardown', '-P', '--passthrough-arguments'], eachScript: true },
  { programs: ['hyperfine'], valueOptions: ['-w', '--warmup', '-m', '--min-runs', '-M', '--max-runs', '-r', '--runs', '-S', '--shell', '--style', '-u', '--time-unit', '--sort', '-n', '--command-name',
    '-o', '--output', '--export-asciidoc', '--export-csv', '--export-json', '--export-markdown', '--export-orgmode', '-p', '--prepare', '-c', '--cleanup', '-s', '--setup', '--conclude',
    '--reference', '--input'], eachScript: true },
  { programs: ['run-s', 'run-p', 'npm-run-all', 'npm-run-all2'], valueOptions: ['--max-parallel', '--npm-path'], eachPackageScript: true },
  { programs: ['cross-env'], assignments: true },
  { programs: ['cross-env-shell'], assignments: true, join: true },
  { programs: ['env-cmd'], valueOptions: ['-f', '--file', '-e', '--environments', '-r', '--rc-file'] },
  { programs: ['shx'] },
  { programs: ['corepack'] },
  { programs: ['devbox'], sub: [['run']], valueOptions: ['-c', '--config', '-e', '--env', '--env-file'] },
  { programs: ['lldb'], afterDoubleDash: true },
];

/** Remote shells that run the rest of the line on another machine or container. */
const REMOTE_RUNNERS: readonly WrapperSpec[] = [
  { programs: ['railway'], sub: [['ssh']], valueOptions: ['-s', '--service', '-e', '--environment', '-p', '--project', '-i', '--deployment-instance'], join: true },
  { programs: ['oc'], sub: [['rsh']], skip: 1, valueOptions: ['-c', '--container', '-n', '--namespace', '--shell', '--timeout', '--context', '--kubeconfig'] },
  { programs: ['vagrant'], sub: [['ssh']], scriptOptions: ['-c', '--command'], skip: 99 },
  { programs: ['mosh'], afterDoubleDash: true, join: true },
  { programs: ['az'], sub: [['ssh'], ['vm', 'host', 'arc']], afterDoubleDash: true, join: true },
  { programs: ['gcloud'], sub: [['compute'], ['ssh']], afterDoubleDash: true, join: true },
  // `render ssh SERVICE -- CMD`, `heroku ps:exec -a app -- CMD`.
  { programs: ['render'], sub: [['ssh']], skip: 1, afterDoubleDash: true, join: true },
  { programs: ['heroku'], sub: [['ps:exec']], valueOptions: ['-a', '--app', '-r', '--remote', '-d', '--dyno'], afterDoubleDash: true, join: true },
];

/** Package and environment runners: what they run is mostly a package's binary or a script. */
const RUNNERS: readonly WrapperSpec[] = [
  { programs: ['npx', 'pnpx'], valueOptions: ['-p', '--package', '--cache', '--registry', '--userconfig'], scriptOptions: ['-c', '--call'] },
  { programs: ['bunx'], valueOptions: ['-p', '--package'] },
  { programs: ['npm'], sub: [['exec', 'x']], valueOptions: ['-p', '--package', '-w', '--workspace'], scriptOptions: ['-c', '--call'] },
  // `yarn prisma …` and `pnpm prisma …` run the package's binary; built-in subcommands simply
  // match no rule, so the first word is always tried as a program.
  { programs: ['yarn', 'pnpm', 'bun'], optionalSub: ['exec', 'dlx', 'x', 'run'], valueOptions: ['--cwd', '-C', '--dir', '--filter', '-F', '-w', '--workspace'] },
  { programs: ['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye'], sub: [['run']], valueOptions: ['--with', '--python', '-p', '--env', '-e', '--project', '--directory', '--group', '--extra'] },
  { programs: ['uvx'], valueOptions: ['--from', '--with', '--python', '-p'] },
  { programs: ['pipx'], optionalSub: ['run'], valueOptions: ['--spec', '--pip-args', '--python', '--index-url', '-i'] },
  { programs: ['bundle'], sub: [['exec']] },
  { programs: ['mise', 'asdf', 'rtx'], sub: [['exec', 'x']], afterDoubleDash: true },
  { programs: ['dotenv', 'dotenvx'], valueOptions: ['-e', '-f', '--env-file', '-c', '-v'], afterDoubleDash: true },
  { programs: ['op', 'infisical', 'doppler', 'chamber', 'teller', 'envchain', 'sops'], sub: [['run', 'exec']], valueOptions: ['--env-file', '--env', '-e', '--project', '-p', '--config', '-c', '--token', '--path'], scriptOptions: ['--command'], afterDoubleDash: true },
  { programs: ['aws-vault'], sub: [['exec']], skip: 1, valueOptions: ['-d', '--duration', '--region', '--mfa-token', '-t'] },
  { programs: ['railway'], sub: [['run']], valueOptions: ['-s', '--service', '-e', '--environment'] },
  // The dyno runs the command through a shell: `heroku run "bin/rails db:schema:load …"` is one line.
  { programs: ['heroku'], sub: [['run', 'run:detached']], valueOptions: ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type'], join: true, optionsAnywhere: true },
  // Cloud credential helpers that run a command with a profile's keys (`aws-vault exec` above).
  { programs: ['saml2aws'], sub: [['exec']], valueOptions: ['-a', '--idp-account', '--exec-profile', '--profile', '-p', '--region'], afterDoubleDash: true },
  { programs: ['granted', 'assume'], sub: [['exec']], valueOptions: ['--profile', '-r', '--region'], afterDoubleDash: true },
  { programs: ['aws-sso'], sub: [['exec']], valueOptions: ['-p', '--profile', '-A', '--account', '-R', '--role'], afterDoubleDash: true },
  { programs: ['vercel'], sub: [['env'], ['run']], valueOptions: ['-e', '--environment', '--scope', '--token', '--cwd'], afterDoubleDash: true },
  { programs: ['dotenv-cli'], valueOptions: ['-e', '-v', '-p', '-c'], afterDoubleDash: true },
  { programs: ['nix-shell'], scriptOptions: ['--run', '--command'], skip: 99 },
  // Workspace runners that run one command in every package.
  { programs: ['lerna'], sub: [['exec']], valueOptions: ['--scope', '--ignore', '--concurrency', '--since'] },
  { programs: ['nx'], sub: [['exec']], valueOptions: ['--projects', '-p', '--exclude'], afterDoubleDash: true },
  { programs: ['yarn'], sub: [['workspaces'], ['foreach']], valueOptions: ['--include', '--exclude', '--from', '-j', '--jobs'] },
];

const WRAPPERS: readonly WrapperSpec[] = [...PROGRAM_WRAPPERS, ...RUNNERS, ...REMOTE_RUNNERS];

/** A program may have several (`railway run …`, `railway ssh …`): each is tried. */
const BY_PROGRAM: ReadonlyMap<string, readonly WrapperSpec[]> = WRAPPERS.reduce((map, spec) => {
  for (const program of spec.programs) map.set(program, [...map.get(program) ?? [], spec]);
  return map;
}, new Map<string, WrapperSpec[]>());

/** `/etc/init.d/mysql stop` is `service mysql stop`. */
const INIT_SCRIPT = /^\/etc\/(?:init\.d|rc\.d)\/([\w.@-]+)$/;

/** `rimraf PATH…` (often `npx rimraf`) is `rm -rf PATH…`, read by the same rules and exemptions. */
function unwrapRimraf(argv: readonly Word[]): Derived[] {
  const at = argv[0];
  const paths = argv.slice(1).filter((w) => !w.value.startsWith('-'));
  if (!at || paths.length === 0) return [];
  return [{ kind: 'argv', words: [{ ...at, value: 'rm' }, { ...at, value: '-rf' }, ...paths], via: 'rimraf' }];
}

/** `coproc cmd …` and `coproc NAME { cmd …; }` (tree-sitter reads both as a plain command). */
function unwrapCoproc(argv: readonly Word[]): Derived[] {
  const braced = argv[2]?.value === '{';
  const words = argv.slice(braced ? 3 : 1).filter((w) => w.value !== '}');
  return words.length > 0 ? [{ kind: 'argv', words, via: 'coproc' }] : [];
}

export function wrapperProgramNames(): readonly string[] {
  return [...BY_PROGRAM.keys(), 'xargs', 'find', 'fd', 'fdfind', 'parallel', 'coproc', 'rimraf', 'del', 'del-cli', 'gdb', 'cgdb', 'node', ...cmdletNames()];
}

/**
 * Programs whose operands name the program they run (`sudo "$x"`, `timeout 5 /path/tool`): the
 * terminal gate's filter takes a word after one of them as a program word.
 */
export function execWrapperNames(): readonly string[] {
  return [...PROGRAM_WRAPPERS.flatMap((w) => w.programs), 'xargs', 'parallel'];
}

export interface CommandInput {
  readonly program: string;
  readonly argv: readonly Word[];
  readonly stdin?: string;
  readonly stdinUnknown?: boolean;
  readonly stdinListing?: string;
}

/** The command(s) a wrapper runs, or nothing when `command` is no wrapper. */
export function unwrap(command: CommandInput): Derived[] {
  if (command.program === 'find') return unwrapFind(command.argv);
  if (command.program === 'fd' || command.program === 'fdfind') return unwrapFd(command.argv);
  if (command.program === 'xargs') return unwrapXargs(command);
  if (command.program === 'parallel') return unwrapParallel(command);
  if (command.program === 'coproc') return unwrapCoproc(command.argv);
  if (command.program === 'rimraf') return unwrapRimraf(command.argv);
  const initScript = INIT_SCRIPT.exec(command.argv[0]?.value ?? '');
  if (initScript && command.argv[0]) return [{ kind: 'argv', words: [{ ...command.argv[0], value: 'service' }, { ...command.argv[0], value: initScript[1] ?? '' }, ...command.argv.slice(1)], via: 'init script' }];
  // `node --run build` runs the package script as npm does; `del`/`del-cli` delete as rimraf does.
  if (command.program === 'node') return packageScriptRun(command.argv);
  if (command.program === 'del' || command.program === 'del-cli') return unwrapRimraf(command.argv);
  // `gdb -batch -ex run --args PROGRAM ARG…` runs the program.
  if (command.program === 'gdb' || command.program === 'cgdb') {
    const at = command.argv.findIndex((w) => w.value === '--args');
    return at > 0 && at + 1 < command.argv.length ? [{ kind: 'argv', words: command.argv.slice(at + 1), via: 'gdb --args' }] : [];
  }
  const cmdlet = unwrapCmdlet(command.program, command.argv, command.stdinUnknown === true || command.stdin !== undefined);
  if (cmdlet.length > 0) return cmdlet;
  return (BY_PROGRAM.get(command.program) ?? []).flatMap((spec) => unwrapGeneric(spec, command));
}

/** The words from `from` on with the wrapper's own `-a app`/`--app=app` taken out, up to a `--`. */
function ownOptionsRemoved(argv: readonly Word[], from: number, valueOptions: readonly string[]): Word[] {
  const out = argv.slice(0, from);
  for (let i = from; i < argv.length; i++) {
    const word = argv[i];
    if (!word) continue;
    if (word.value === '--') { out.push(...argv.slice(i)); break; }
    const [name, inline] = splitOption(word.value);
    if (valueOptions.includes(name)) { if (inline === undefined) i++; continue; }
    out.push(word);
  }
  return out;
}

/** `node --run NAME` (Node 22's own script runner). */
function packageScriptRun(argv: readonly Word[]): Derived[] {
  const at = argv.findIndex((w) => w.value === '--run' || w.value.startsWith('--run='));
  const word = argv[at];
  if (!word) return [];
  const name = word.value === '--run' ? argv[at + 1] : { ...word, value: word.value.slice('--run='.length) };
  if (!name) return [];
  return [{ kind: 'argv', words: [{ ...word, value: 'npm' }, { ...word, value: 'run' }, name, ...argv.slice(at + 2)], via: 'node --run' }];
}

function unwrapGeneric(spec: WrapperSpec, command: CommandInput): Derived[] {
  const argv = command.argv;
  const via = argv[0]?.value ?? command.program;
  let i = 1;
  for (const step of spec.sub ?? []) {
    if (!step.includes(argv[i]?.value ?? '')) return [];
    i++;
  }
  if (spec.optionalSub?.includes(argv[i]?.value ?? '')) i++;
  const out: Derived[] = [];
  const assignments = new Map<string, string>();
  let skip = spec.skip ?? 0;
  let sawDoubleDash = false;
  let joined = spec.join === true;
  // oclif's flags may follow the command: they are the wrapper's, not the command's.
  const words = spec.optionsAnywhere ? ownOptionsRemoved(argv, i, spec.valueOptions ?? []) : argv;
  for (; i < words.length; i++) {
    const arg = words[i]?.value ?? '';
    if (arg === '--') { sawDoubleDash = true; i++; break; }
    if (arg.startsWith('-') && arg.length > 1) {
      if (spec.lookupOnly?.includes(arg)) return [];
      if (spec.joinWith?.includes(arg)) joined = true;
      const [name, inline] = splitOption(arg);
      // `script -qc 'cmd'`: a bundle of short flags that ends in the script option.
      const bundled = /^-[a-zA-Z]{2,}$/.test(arg) && spec.scriptOptions?.includes(`-${arg.slice(-1)}`);
      if (spec.scriptOptions?.includes(name) || bundled) {
        const scriptWord = inline === undefined ? words[++i] : words[i];
        if (scriptWord) out.push(script(inline ?? scriptWord.value, `${via} ${name}`, [scriptWord]));
        continue;
      }
      if (inline === undefined && spec.valueOptions?.includes(name)) i++;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
      const eq = arg.indexOf('=');
      assignments.set(arg.slice(0, eq), arg.slice(eq + 1));
      continue;
    }
    if (spec.afterDoubleDash) continue;
    if (skip > 0) { skip--; continue; }
    break;
  }
  if (spec.afterDoubleDash && !sawDoubleDash) return out;
  const rest = words.slice(i);
  if (rest.length === 0) return out;
  if (spec.eachScript || spec.eachPackageScript) {
    // concurrently's `npm:build` is `npm run build`.
    for (const word of rest.filter((w) => !w.value.startsWith('-'))) {
      const text = spec.eachPackageScript ? `npm run ${word.value}` : word.value.replace(/^(npm|yarn|pnpm|bun):(\S+)/, '$1 run $2');
      out.push(script(text, via, [word]));
    }
  } else if (joined) {
    out.push(script(rest.map((w) => w.value).join(' '), via, rest));
  } else {
    out.push({ kind: 'argv', words: rest, via, assignments, stdin: command.stdin, stdinUnknown: command.stdinUnknown, stdinListing: command.stdinListing });
  }
  return out;
}

/**
 * Index of the first operand at or after `from`: options are skipped (with the separate value of
 * those in `valueOptions`), and `--` ends them.
 */
export function firstOperand(argv: readonly Word[], from: number, valueOptions: readonly string[]): number {
  let i = from;
  for (; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    if (arg === '--') return i + 1;
    if (!arg.startsWith('-')) return i;
    if (valueOptions.includes(arg)) i++;
  }
  return i;
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  return eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

function script(text: string, via: string, from: readonly Word[]): Derived {
  return { kind: 'script', text, via, from };
}

const FIND_EXEC = ['-exec', '-execdir', '-ok', '-okdir'];
const FIND_VALUE_TESTS = ['-name', '-iname', '-path', '-ipath', '-wholename', '-regex', '-iregex'];

/** fd's options that take a value (its pattern and paths are the other words). */
const FD_VALUES = ['-e', '--extension', '-t', '--type', '-E', '--exclude', '-d', '--max-depth', '--min-depth', '--exact-depth', '-S', '--size',
  '--changed-within', '--changed-before', '-o', '--owner', '-j', '--threads', '--base-directory', '--path-separator', '-c', '--color',
  '--max-results', '--search-path', '--ignore-file', '--format', '--batch-size'];

/**
 * `fd PATTERN PATH -x CMD` runs CMD on every file it finds, as `find PATH -name … -exec CMD {} ;`
 * does: read as that find, so the find rules judge how broad it is and the command is judged too.
 */
function unwrapFd(argv: readonly Word[]): Derived[] {
  const at = argv[0];
  if (!at) return [];
  const word = (value: string): Word => ({ ...at, value });
  const operands: Word[] = [];
  const names: string[] = [];
  let glob = false;
  let exec: Word[] | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg) continue;
    const [name, inline] = splitOption(arg.value);
    if (name === '-x' || name === '--exec' || name === '-X' || name === '--exec-batch') {
      let end = i + 1;
      while (end < argv.length && argv[end]?.value !== ';') end++;
      exec = argv.slice(i + 1, end);
      i = end;
      continue;
    }
    if (name === '-g' || name === '--glob') { glob = true; continue; }
    if (name === '-e' || name === '--extension') names.push(`*.${(inline ?? argv[i + 1]?.value ?? '').replace(/^\./, '')}`);
    if (arg.value.startsWith('-') && arg.value.length > 1) {
      if (inline === undefined && FD_VALUES.includes(name)) i++;
      continue;
    }
    operands.push(arg);
  }
  if (!exec || exec.length === 0) return [];
  const [pattern, ...paths] = operands;
  // A regex that matches everything (`.`, `^`) filters nothing; a plain word is read as the name it
  // finds (`fd node_modules -x rm -rf`), any other regex as a name it contains.
  const plain = pattern && /^\^?[\w.-]+\$?$/.test(pattern.value) ? pattern.value.replace(/^\^|\$$/g, '') : undefined;
  if (pattern && !/^(?:\.\*?|\^|\.\+)?$/.test(pattern.value)) names.push(glob ? pattern.value : plain ?? `*${pattern.value}*`);
  const filters = names.slice(0, 1).flatMap((n) => [word('-name'), word(n)]);
  const command = exec.some((w) => /\{[/.]*\}/.test(w.value)) ? exec : [...exec, word('{}')];
  return [{ kind: 'argv', words: [word('find'), ...(paths.length > 0 ? paths : [word('.')]), ...filters, word('-exec'), ...command, word(';')], via: 'fd -x' }];
}

function unwrapFind(argv: readonly Word[]): Derived[] {
  const out: Derived[] = [];
  // `{}` is what find matched: its -name pattern when there is one (so `-name node_modules -exec
  // rm -rf {} +` is read as removing node_modules), else the search root.
  const namePattern = argv.find((_w, i) => FIND_VALUE_TESTS.includes(argv[i - 1]?.value ?? ''))?.value;
  const root = argv[1] && !argv[1].value.startsWith('-') ? argv[1].value : '.';
  // What `{}` stands for, as a path under the root: `~/.ssh/*`, `/srv/id_*`.
  const under = root.replace(/\/+$/, '');
  const matched = root === '.' || root === './' ? namePattern ?? root : namePattern ? `${under}/${namePattern.replace(/^.*\//, '')}` : `${under}/*`;
  for (let i = 1; i < argv.length; i++) {
    if (!FIND_EXEC.includes(argv[i]?.value ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < argv.length && argv[end]?.value !== ';' && argv[end]?.value !== '+') end++;
    const words = argv.slice(start, end).map((w) =>
      w.value.includes('{}') ? placeholder(w.value.replace('{}', matched), w, 'name') : w);
    if (words.length > 0) out.push({ kind: 'argv', words, via: `find ${argv[i]?.value ?? ''}` });
    i = end;
  }
  return out;
}

