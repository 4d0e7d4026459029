// Programs whose argument is itself a command line: shells (`bash -c`, a script on stdin),
// `eval`, remote runners (`ssh host '…'`, `kubectl exec … --`, `docker exec`) and interpreters.
import type { Word } from './command';
import { RUNTIME_TEXT, shownAs } from './items';
import { COMMAND_GIT_SETTINGS, awkCommands, builtinCallback, isShellSetup, trapHandler } from './carriers';
import { optionCarrierNames, optionCommands } from './commandOptions';
import type { Derived } from './derived';
import { FLEET_PROGRAMS, fleetCommands } from './fleet';
import { inlineCode, interpreterPrograms, scanCode } from './interpreters';
import { firstOperand, type CommandInput } from './wrappers';
import { INVOKE_EXPRESSION, powershellRun, asShellText } from './powershell';

// Other shells' `-c` text is read as sh would read it: their plain commands (`rm -rf /data`) read the same.
const SHELLS: readonly string[] = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'fish', 'csh', 'tcsh', 'pwsh', 'powershell', 'nu', 'xonsh', 'elvish', 'rc'];

/**
 * Interpreters whose code is not scanned call by call: the option that takes their code, and what
 * in it runs a command. Code that can run one has each string that reads like a command line judged.
 */
const OTHER_INTERPRETERS: Readonly<Record<string, { readonly options: readonly string[]; readonly runs: RegExp }>> = {
  lua: { options: ['-e'], runs: /\bos\.execute|\bio\.popen/ },
  luajit: { options: ['-e'], runs: /\bos\.execute|\bio\.popen/ },
  Rscript: { options: ['-e'], runs: /\bsystem2?\s*\(|\bshell\s*\(/ },
  R: { options: ['-e'], runs: /\bsystem2?\s*\(|\bshell\s*\(/ },
  julia: { options: ['-e', '--eval', '-E', '--print'], runs: /\brun\s*\(|`/ },
  osascript: { options: ['-e'], runs: /do shell script/i },
  groovy: { options: ['-e'], runs: /\.execute\s*\(/ },
  tclsh: { options: [], runs: /\bexec\b/ },
  jshell: { options: [], runs: /ProcessBuilder|Runtime\.getRuntime/ },
  elixir: { options: ['-e', '--eval'], runs: /System\.(?:cmd|shell)/ },
  erl: { options: ['-eval'], runs: /os:cmd/ },
};
const AWKS: readonly string[] = ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'];
const CALLBACK_BUILTINS: readonly string[] = ['mapfile', 'readarray', 'compgen', 'complete', 'bind'];

export interface PayloadResult {
  readonly derived: Derived[];
  /** Calls whose command could not be read (interpreter code passing a variable to `system`). */
  readonly dynamicCalls: readonly string[];
  /** A shell reads a script from a source the line does not show (`curl … | sh`). */
  readonly unseenScript?: boolean;
}

const NONE: PayloadResult = { derived: [], dynamicCalls: [] };

export function payloads(command: CommandInput): PayloadResult {
  const own = programPayloads(command);
  const carried = optionCommands(command.program, command.argv);
  if (carried.derived.length === 0 && carried.dynamicCalls.length === 0) return own;
  return { ...own, derived: [...carried.derived, ...own.derived], dynamicCalls: [...carried.dynamicCalls, ...own.dynamicCalls] };
}

function programPayloads(command: CommandInput): PayloadResult {
  const { program, argv } = command;
  if (SHELLS.includes(program)) return shell(command);
  if (program === 'source' || program === '.') return sourced(command);
  // `at` and `batch` run the commands they read on stdin later.
  if ((program === 'at' || program === 'batch') && command.stdin !== undefined && command.argv[0]) {
    return derived({ kind: 'script', text: command.stdin, via: `${program} (stdin)`, from: [command.argv[0]] });
  }
  if (program === 'eval') return evaluated(argv);
  // PowerShell's eval: `iex 'Remove-Item …'`, and `irm https://… | iex`, whose script the line does not show.
  if (INVOKE_EXPRESSION.has(program)) {
    return argv.length > 1 ? derived(script(argv.slice(1), program)) : { derived: [], dynamicCalls: [], unseenScript: command.stdinUnknown === true };
  }
  // Windows' `cmd /c "rd /s /q C:\Users\me"` runs the rest as its command line.
  if (program === 'cmd') {
    const at = argv.findIndex((w, i) => i > 0 && /^\/[ck]$/i.test(w.value));
    const words = argv.slice(at + 1);
    if (at > 0 && words[0]) return derived({ kind: 'script', text: asShellText(words.map((w) => w.value).join(' ')), via: 'cmd /c', from: words });
  }
  if (program === 'trap') return derived(trapHandler(argv));
  if (CALLBACK_BUILTINS.includes(program)) return derived(builtinCallback(program, argv));
  if (AWKS.includes(program)) return awkCommands(argv);
  if (program === 'ssh') return ssh(command);
  if (program === 'crontab') return cronJobs(command);
  if (program === 'expect') return optionScript(argv, ['-c'], 'expect -c', spawned);
  if (program === 'kubectl' || program === 'oc') return kubectlExec(command);
  if (program === 'git') return gitAlias(argv);
  if (program === 'docker' || program === 'podman' || program === 'nerdctl' || program === 'docker-compose') return dockerExec(command);
  if ((program === 'railway' || program === 'fly' || program === 'flyctl') && command.stdin !== undefined) {
    const session = databaseSession(command);
    if (session) return session;
  }
  if (program === 'fly' || program === 'flyctl') return optionScript(argv, ['-C', '--command'], `${program} ssh console`);
  if (program === 'gcloud') return optionScript(argv, ['--command'], 'gcloud compute ssh');
  if (FLEET_PROGRAMS.includes(program)) return derived(...fleetCommands(program, argv));
  const head = argv[0]?.value;
  const other = OTHER_INTERPRETERS[head === undefined ? program : afterFirstLineSlash(head)] ?? OTHER_INTERPRETERS[program];
  if (other) return otherCode(command, other);
  const code = inlineCode(program, argv, command.stdin);
  if (code) {
    const scan = scanCode(code.language, code.code, code.from, `${argv[0]?.value ?? program} code`);
    return { derived: scan.derived, dynamicCalls: scan.dynamicCalls };
  }
  return NONE;
}

/**
 * What `word.replace(/^.*\//, '')` leaves, without a regular expression per command: the text after
 * the last slash before the first line break (where `.` stops matching).
 */
function afterFirstLineSlash(word: string): string {
  const slash = word.lastIndexOf('/');
  if (slash < 0) return word;
  const lineBreak = word.search(/[\n\r\u2028\u2029]/);
  const last = lineBreak < 0 ? slash : word.lastIndexOf('/', lineBreak);
  return last < 0 ? word : word.slice(last + 1);
}

export function payloadProgramNames(): readonly string[] {
  return [...optionCarrierNames(), 'crontab', 'expect', 'cmd', ...INVOKE_EXPRESSION, ...Object.keys(OTHER_INTERPRETERS), ...SHELLS, ...AWKS, ...CALLBACK_BUILTINS, 'trap', 'source', '.', 'at', 'batch', 'eval', 'ssh', 'git', 'kubectl', 'oc', 'docker', 'podman', 'nerdctl', 'docker-compose', 'fly', 'flyctl', 'gcloud', ...FLEET_PROGRAMS, ...interpreterPrograms()];
}

/**
 * `eval "$(…)"` runs what the substitution prints: unseen, unless it only prints shell set-up code.
 * `eval "$cmd"` runs a script only known at run time, as `bash -c "$cmd"` does.
 */
function evaluated(argv: readonly Word[]): PayloadResult {
  const words = argv.slice(1);
  if (words.length === 1 && isShellSetup(words[0]?.value ?? '')) return NONE;
  const printed = words.some((w) => w.dynamic && /^(?:\$\(|`)/.test(w.value.trim()) && !isShellSetup(w.value));
  const variable = words.length > 0 && words.every((w) => w.dynamic && LONE_VARIABLE.test(w.value.trim()));
  return printed || variable ? { derived: [], dynamicCalls: [], unseenScript: true } : derived(script(words, 'eval', true));
}

/** A word that is one variable and nothing else (`$cmd`, `${CMD}`, `"$@"`). */
const LONE_VARIABLE = /^(?:\$\{?[\w@*#?!-]+\}?|\{\})$/;

function derived(...items: (Derived | undefined)[]): PayloadResult {
  return { derived: items.filter((d): d is Derived => d !== undefined), dynamicCalls: [] };
}

function script(words: readonly Word[], via: string, sameShell = false): Derived | undefined {
  if (words.length === 0) return undefined;
  return { kind: 'script', text: words.map((w) => w.value).join(' '), via, from: words, ...(sameShell ? { sameShell } : {}) };
}

/** Shell options that take a value (`-o pipefail`, `-O extglob`, `--rcfile f`). */
const SHELL_VALUE_OPTIONS = ['-o', '+o', '-O', '+O', '--rcfile', '--init-file', '-C', '--init-command'];

function shell(command: CommandInput): PayloadResult {
  const argv = command.argv;
  const name = argv[0]?.value ?? command.program;
  // PowerShell's parameters are words, not letters (`-NoProfile` is no `-n`).
  if (command.program === 'pwsh' || command.program === 'powershell') {
    const run = powershellRun(argv);
    if (run === 'unseen') return { derived: [], dynamicCalls: [], unseenScript: true };
    // A script file is the follower's to read, as `bash x.sh`'s is.
    return run && 'script' in run ? derived(scriptOf(run.from, run.script, run.via)) : NONE;
  }
  let commandOption: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    // fish spells it --command=…
    if (arg.startsWith('--command=')) return derived(scriptOf(argv[i], arg.slice('--command='.length), `${name} --command`));
    // `-n` (noexec) reads the script for syntax errors and runs none of it.
    if (/^-[A-Za-z]*n[A-Za-z]*$/.test(arg) || (arg === '-o' && argv[i + 1]?.value === 'noexec')) return NONE;
    // `-c`, also bundled (`-lc`, `-xec`); its script is the first operand after it (`bash -c -x '…'`).
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(arg) || arg === '--command') { commandOption = arg; continue; }
    if (SHELL_VALUE_OPTIONS.includes(arg)) { i++; continue; }
    if (arg === '--' || ((arg.startsWith('-') || arg.startsWith('+')) && arg.length > 1)) continue;
    const word = argv[i];
    if (commandOption !== undefined) return commandScript(word, argv.slice(i + 1), `${name} ${commandOption}`);
    // A script file's contents are not on the line; a process substitution's output is not either.
    return { derived: [], dynamicCalls: [], unseenScript: (arg.startsWith('<(') && !isShellSetup(arg)) || (arg === '/dev/stdin' && command.stdinUnknown === true) };
  }
  if (command.stdin !== undefined) {
    const at = argv[0];
    return derived(at && { kind: 'script', text: command.stdin, via: `${name} (stdin)`, from: [at] });
  }
  return { derived: [], dynamicCalls: [], unseenScript: command.stdinUnknown === true };
}

/**
 * `sh -c SCRIPT NAME ARG…`: the operands after the script are `$0`, `$1`… inside it, so
 * `bash -c '$1' _ 'rm -rf ~'` runs the last word. A script only known at run time (`xargs -I{}
 * bash -c {}`, `bash -c "$CMD"`) is a script the line does not show.
 */
function commandScript(word: Word | undefined, operands: readonly Word[], via: string): PayloadResult {
  if (!word) return NONE;
  const positional = (index: number): string => (operands[index] ? shownAs(operands[index]) : '');
  const text = operands.length === 0 ? word.value : word.value
    .replace(/"\$(?:@|\{@\})"|\$(?:[@*]|\{[@*]\})/g, operands.slice(1).map(shownAs).join(' '))
    .replace(/\$(?:(\d)|\{(\d+)\})/g, (_m, a: string | undefined, b: string | undefined) => positional(Number(a ?? b)));
  if (word.dynamic && LONE_VARIABLE.test(text.trim())) return { derived: [], dynamicCalls: [], unseenScript: true };
  // `xargs -I{} sh -c 'helm {} web'`: the item read at run time, read in the script as what it may be.
  return derived(scriptOf(word, word.runtime ? text.replaceAll('{}', RUNTIME_TEXT[word.runtime]) : text, via));
}

function scriptOf(word: Word | undefined, text: string, via: string): Derived | undefined {
  return word && { kind: 'script', text, via, from: [word] };
}

/** `source <(…)`, `. /dev/stdin`: the script comes from where the line does not show. */
function sourced(command: CommandInput): PayloadResult {
  const file = command.argv[1]?.value ?? '';
  const at = command.argv[0];
  if ((file === '/dev/stdin' || file === '-') && command.stdin !== undefined && at) {
    return derived({ kind: 'script', text: command.stdin, via: `${command.program} (stdin)`, from: [at], sameShell: true });
  }
  return { derived: [], dynamicCalls: [], unseenScript: (file.startsWith('<(') && !isShellSetup(file)) || file === '/dev/stdin' };
}

const SSH_VALUE_OPTIONS = ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'];

function ssh(command: CommandInput): PayloadResult {
  const argv = command.argv;
  const i = firstOperand(argv, 1, SSH_VALUE_OPTIONS);
  const host = argv[i]?.value;
  if (host === undefined) return NONE;
  const rest = argv.slice(argv[i + 1]?.value === '--' ? i + 2 : i + 1);
  // `ssh dokku@host apps:destroy web`: dokku's own user runs its CLI with the words sent.
  const dokku = /^dokku@/.test(host) || argv.slice(1, i).some((w, k, all) => w.value === '-l' && all[k + 1]?.value === 'dokku');
  const remote = rest.length > 0 ? script(dokku ? [{ ...rest[0], value: 'dokku' }, ...rest] : rest, `ssh ${host}`) : undefined;
  // The remote command reads what ssh reads on stdin (`ssh prod bash <<'EOF' … EOF`).
  if (remote) return derived({ ...remote, target: host, stdin: command.stdin, stdinUnknown: command.stdinUnknown });
  const at = argv[0];
  return command.stdin !== undefined && at
    ? derived({ kind: 'script', text: command.stdin, via: `ssh ${host} (stdin)`, from: [at], target: host })
    : NONE;
}

/**
 * `git -c alias.nuke='reset --hard' nuke` runs `git reset --hard`; an alias starting with `!`
 * (`-c alias.x='!rm -rf /srv'`) runs a shell command.
 */
function gitAlias(argv: readonly Word[]): PayloadResult {
  const aliases = new Map<string, Word>();
  const commands: Derived[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    if (arg === '-c' || arg === '--config') {
      const setting = argv[++i];
      const m = /^alias\.([^=]+)=(.*)$/s.exec(setting?.value ?? '');
      if (m && setting) aliases.set(m[1] ?? '', { ...setting, value: m[2] ?? '' });
      const runs = /^([\w.-]+)=(.+)$/s.exec(setting?.value ?? '');
      if (runs && setting && COMMAND_GIT_SETTINGS.has((runs[1] ?? '').toLowerCase())) {
        commands.push({ kind: 'script', text: (runs[2] ?? '').replace(/^!/, ''), via: `git -c ${runs[1] ?? ''}`, from: [setting] });
      }
      continue;
    }
    if (arg === '-C' || arg === '--git-dir' || arg === '--work-tree' || arg === '--namespace') { i++; continue; }
    if (!arg.startsWith('-')) break;
  }
  const alias = aliases.get(argv[i]?.value ?? '');
  const git = argv[0];
  if (!alias || !git) return derived(...commands);
  if (alias.value.startsWith('!')) return derived(...commands, { kind: 'script', text: alias.value.slice(1), via: 'git alias', from: [alias] });
  const words = alias.value.split(/\s+/).filter(Boolean).map((value) => ({ ...alias, value }));
  return derived(...commands, { kind: 'argv', words: [git, ...words, ...argv.slice(i + 1)], via: 'git alias' });
}

function kubectlExec(command: CommandInput): PayloadResult {
  const argv = command.argv;
  const dash = argv.findIndex((w) => w.value === '--');
  if (dash < 0) return NONE;
  const before = argv.slice(1, dash).map((w) => w.value);
  // `exec` into a pod, or a new pod (`run tmp --image=postgres -- dropdb …`), or a debug container.
  const verb = ['exec', 'run', 'debug'].find((v) => before.includes(v));
  if (verb === undefined) return NONE;
  const rest = argv.slice(dash + 1);
  const pod = before.slice(before.indexOf(verb) + 1).find((a) => !a.startsWith('-')) ?? '';
  return rest.length > 0
    ? derived({ kind: 'argv', words: rest, via: `${argv[0]?.value ?? 'kubectl'} ${verb} ${pod}`.trim(), target: pod, stdin: command.stdin, stdinUnknown: command.stdinUnknown })
    : NONE;
}

const DOCKER_GLOBAL_VALUE_OPTIONS = ['--context', '-c', '-H', '--host', '--config', '-l', '--log-level', '-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory'];
const DOCKER_EXEC_VALUE_OPTIONS = ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys', '--index', '--name', '-v', '--volume', '-p', '--publish', '--entrypoint', '--network', '--mount', '-l', '--label', '--platform', '-m', '--memory', '--hostname', '-h', '--add-host', '--restart', '--cpus'];

function dockerExec(command: CommandInput): PayloadResult {
  const { argv, program } = command;
  let i = firstOperand(argv, 1, DOCKER_GLOBAL_VALUE_OPTIONS);
  if (argv[i]?.value === 'compose' || argv[i]?.value === 'container') i = firstOperand(argv, i + 1, DOCKER_GLOBAL_VALUE_OPTIONS);
  const verb = argv[i]?.value;
  if (verb !== 'exec' && verb !== 'run') return NONE;
  i = firstOperand(argv, i + 1, DOCKER_EXEC_VALUE_OPTIONS);
  const target = argv[i]?.value;
  const rest = argv.slice(i + 1);
  return target !== undefined && rest.length > 0
    ? derived({ kind: 'argv', words: rest, via: `${argv[0]?.value ?? program} ${verb} ${target}`, target, stdin: command.stdin, stdinUnknown: command.stdinUnknown })
    : NONE;
}

/**
 * `railway connect postgres < drop.sql`, `fly postgres connect -a db <<< 'DROP …'`: a database
 * shell on a hosted database, fed SQL on stdin: read as `psql` with that stdin.
 */
function databaseSession(command: CommandInput): PayloadResult | undefined {
  const words = command.argv.map((w) => w.value);
  const operands = words.slice(1).filter((w) => !w.startsWith('-'));
  const railway = command.program === 'railway' && operands[0] === 'connect';
  const fly = command.program !== 'railway' && ['postgres', 'pg', 'mpg'].includes(operands[0] ?? '') && operands[1] === 'connect';
  const at = command.argv[0];
  if ((!railway && !fly) || !at) return undefined;
  const client = railway && /mysql/i.test(operands[1] ?? '') ? 'mysql' : 'psql';
  return derived({ kind: 'argv', words: [{ ...at, value: client }], via: words.slice(0, 3).join(' '), stdin: command.stdin });
}

function optionScript(argv: readonly Word[], options: readonly string[], via: string, read: (text: string) => string = (t) => t): PayloadResult {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    const option = options.find((o) => arg === o || arg.startsWith(o + '='));
    if (!option) continue;
    const body = arg === option ? argv[i + 1] : argv[i];
    const text = arg === option ? body?.value : arg.slice(option.length + 1);
    if (body && text !== undefined) return derived({ kind: 'script', text: read(text), via, from: [body] });
  }
  return NONE;
}

/** The options that give each of those interpreters its code: the gate's filter sends a line with one. */
export function otherInterpreterOptions(): Readonly<Record<string, readonly string[]>> {
  return Object.fromEntries(Object.entries(OTHER_INTERPRETERS).map(([p, spec]) => [p, spec.options]));
}

/** Strings in another interpreter's code that read like command lines, when the code can run one; its stdin too. */
function otherCode(command: CommandInput, spec: { readonly options: readonly string[]; readonly runs: RegExp }): PayloadResult {
  const argv = command.argv;
  const at = argv.findIndex((w) => spec.options.includes(w.value));
  const word = at > 0 ? argv[at + 1] : undefined;
  const code = word?.value ?? command.stdin;
  const from = word ?? argv[0];
  if (code === undefined || from === undefined || !spec.runs.test(code)) return NONE;
  const literals = [...code.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const runs = literals.filter((l) => /\S\s+\S/.test(l) && !l.includes('\n') && l.length <= 2000);
  return derived(...runs.map((text): Derived => ({ kind: 'script', text, via: `${argv[0]?.value ?? command.program} code`, from: [from] })));
}

/** The programs an expect script starts (`spawn dropdb prod; interact`), one per line. */
function spawned(script: string): string {
  return [...script.matchAll(/(?:^|[;\n{])\s*spawn\s+(?:-\w+\s+)*([^;\n}]+)/g)].map((m) => m[1] ?? '').join('\n');
}

/**
 * `crontab -` (or no file) installs the jobs it reads on stdin; each runs later, by cron, unseen:
 * judged now. A job file (`crontab jobs.txt`) is a script the line does not show.
 */
function cronJobs(command: CommandInput): PayloadResult {
  const operands = command.argv.slice(1).filter((w) => !w.value.startsWith('-') || w.value === '-');
  if (command.argv.some((w) => /^-[a-zA-Z]*[lre]/.test(w.value) && w.value !== '-')) return NONE;
  const file = operands.find((w) => w.value !== '-');
  if (file) return { derived: [], dynamicCalls: [], unseenScript: true };
  // Jobs from a stream the line does not show are most often the ones already installed
  // (`(crontab -l; echo "…") | crontab -`): only what the line shows is judged.
  if (command.stdin === undefined) return NONE;
  const at = command.argv[0];
  // Each job line without its schedule: five time fields, or an @-word.
  const jobs = command.stdin.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#') && !/^[A-Za-z_]+=/.test(l))
    .map((l) => l.replace(/^(?:@\w+|(?:\S+\s+){5})/, ''));
  return at ? derived({ kind: 'script', text: jobs.join('\n'), via: 'crontab', from: [at] }) : NONE;
}
