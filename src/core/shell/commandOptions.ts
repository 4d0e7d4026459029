// Commands carried in another program's options: `tar -I 'cmd'`, `rg --pre ./x.sh`, `rsync -e
// 'cmd'`, `ssh -o ProxyCommand='cmd'`, `git rebase -x 'cmd'`, an editor's `-c '!cmd'`, a SQL
// shell's `\! cmd`, sed's `e`. The program runs them itself, so the line never shows them as
// commands: each is judged as if typed (GTFOBins lists most of these as shell escapes).
import { COMMAND_GIT_SETTINGS } from './carriers';
import type { Word } from './command';
import type { Derived } from './derived';

/** How a program runs an option's value: through a shell (`script`), or as a program it adds arguments to. */
type Carried = 'script' | 'program';

/**
 * Options whose value a program runs, by program. Each must name the option exactly as the tool
 * spells it; `--name=value`, `--name value` and `-Xvalue` are all read.
 */
const COMMAND_OPTIONS: Readonly<Record<string, Readonly<Record<string, Carried>>>> = {
  // GNU tar: a compressor, each member piped to a command, a script at each volume, a remote shell.
  tar: { '-I': 'script', '--use-compress-program': 'script', '--to-command': 'script', '-F': 'script', '--info-script': 'script',
    '--new-volume-script': 'script', '--rsh-command': 'program' },
  bsdtar: { '--use-compress-program': 'script' },
  // ripgrep runs its preprocessor on every file it searches.
  rg: { '--pre': 'program' },
  sort: { '--compress-program': 'program' },
  zip: { '-TT': 'script', '--unzip-command': 'script' },
  rsync: { '-e': 'script', '--rsh': 'script', '--rsync-path': 'script' },
  man: { '-P': 'script', '--pager': 'script', '-H': 'script', '--html': 'script' },
  nodemon: { '--exec': 'script', '-x': 'script' },
  'chokidar-cli': { '-c': 'script', '--command': 'script' },
  chokidar: { '-c': 'script', '--command': 'script' },
  hyperfine: { '-p': 'script', '--prepare': 'script', '-c': 'script', '--cleanup': 'script', '-s': 'script', '--setup': 'script',
    '--conclude': 'script', '--reference': 'script' },
};

/** ssh's `-o` settings whose value ssh runs as a command. */
const SSH_COMMAND_SETTINGS = /^(?:ProxyCommand|LocalCommand|KnownHostsCommand|RemoteCommand)\s*[= ]\s*(.+)$/is;
const SSH_PROGRAMS = new Set(['ssh', 'scp', 'sftp', 'autossh']);

/** Editors whose `-c CMD`, `--cmd CMD` and `+CMD` run ex commands, and gdb's `-ex CMD`. */
const VIMS = new Set(['vim', 'vi', 'nvim', 'view', 'vimdiff', 'gvim', 'ex', 'rvim', 'evim', 'nvi']);
const VIM_OPTIONS = ['-c', '--cmd'];
const GDB_OPTIONS = ['-ex', '--ex', '-eval-command', '--eval-command', '-iex', '--init-eval-command'];

/** An ex command that runs a shell command: `!cmd`, `silent !cmd`, `r !cmd`, `w !cmd`, `terminal cmd`, `call system('cmd')`. */
const VIM_SHELL = /^\s*:*\s*(?:silent!?\s*|exe(?:cute)?\s+['"])?(?:!|r(?:ead)?\s*!|w(?:rite)?\s*!|ter(?:minal)?\s+|(?:call\s+)?system\s*\(\s*['"])(.+?)(?:['"]\s*\)\s*)?$/s;
/** gdb: `!cmd`, `shell cmd`, `pipe … | cmd`. */
const GDB_SHELL = /^\s*(?:!|shell\s+|pipe\s[^|]*\|)(.+)$/s;

/** SQL shells' own commands that run a shell command. */
const SQL_SHELL_COMMANDS: Readonly<Record<string, { readonly options: readonly string[]; readonly pattern: RegExp; readonly positional?: boolean }>> = {
  psql: { options: ['-c', '--command'], pattern: /\\!\s*([^\n]+)|\\[og]\s*\|\s*([^\n]+)|\bprogram\s+'([^']+)'/gi },
  mysql: { options: ['-e', '--execute'], pattern: /(?:^|;|\n)\s*(?:system|\\!)\s+([^;\n]+)/gi },
  mariadb: { options: ['-e', '--execute'], pattern: /(?:^|;|\n)\s*(?:system|\\!)\s+([^;\n]+)/gi },
  sqlite3: { options: ['-cmd'], pattern: /(?:^|;|\n)\s*\.(?:system|shell)\s+([^;\n]+)/gi, positional: true },
};

/** sed's `e COMMAND` (runs it), a bare `e` or the `s///e` flag (runs the pattern space: a command only known at run time). */
// GNU sed takes the command right after the `e` too (`1edropdb x`).
const SED_E_COMMAND = /(?:^|[;\n{}])\s*(?:(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/)(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/))?)?\s*!?\s*e(?:[ \t]*([^\s;}][^\n]*))?(?=$|[\n;}])/g;
const SED_S_EXEC = /(?:^|[;\n{}]|\/)\s*s([^\s\\\n])(?:(?!\1)[^\\\n]|\\.)*\1(?:(?!\1)[^\\\n]|\\.)*\1[gpiImM0-9]*e/;

export interface CarriedCommands {
  readonly derived: Derived[];
  /** Commands the program builds at run time (sed's `s///e`). */
  readonly dynamicCalls: string[];
}

/** The commands `argv`'s options carry; none for most programs. */
export function optionCommands(program: string, argv: readonly Word[]): CarriedCommands {
  const out: CarriedCommands = { derived: [], dynamicCalls: [] };
  const via = argv[0]?.value ?? program;
  const table = COMMAND_OPTIONS[program];
  if (table) {
    for (const { option, value } of optionValues(argv, Object.keys(table))) {
      const text = value.value.replace(/^exec=/, '');
      out.derived.push(table[option] === 'program'
        ? { kind: 'script', text: `${text} "$file"`, via: `${via} ${option}`, from: [value] }
        : { kind: 'script', text, via: `${via} ${option}`, from: [value] });
    }
  }
  if (program === 'tar' || program === 'bsdtar') {
    for (const word of argv) {
      const m = /^--checkpoint-action=(?:exec|ttyout)=(.+)$/s.exec(word.value);
      if (m?.[1] && word.value.includes('=exec=')) out.derived.push({ kind: 'script', text: m[1], via: `${via} --checkpoint-action`, from: [word] });
    }
  }
  if (program === 'make') {
    for (const word of argv.slice(1)) {
      const m = /^(?:SHELL|MAKESHELL)=(.+)$/s.exec(word.value);
      if (m?.[1]) out.derived.push({ kind: 'script', text: `${m[1]} -c :`, via: `${via} SHELL=`, from: [word] });
    }
  }
  if (SSH_PROGRAMS.has(program) || program === 'rsync' || program === 'sshfs') {
    for (const { value } of optionValues(argv, ['-o'])) {
      const m = SSH_COMMAND_SETTINGS.exec(value.value.trim());
      if (m?.[1]) out.derived.push({ kind: 'script', text: m[1], via: `${via} -o`, from: [value] });
    }
    if (program === 'scp' || program === 'sftp') {
      for (const { value } of optionValues(argv, ['-S'])) out.derived.push({ kind: 'script', text: `${value.value} "$host"`, via: `${via} -S`, from: [value] });
    }
  }
  if (VIMS.has(program)) {
    const commands = [...optionValues(argv, VIM_OPTIONS).map((o) => o.value), ...argv.slice(1).filter((w) => w.value.startsWith('+') && w.value.length > 1)
      .map((w) => ({ ...w, value: w.value.slice(1) }))];
    for (const word of commands) {
      const m = VIM_SHELL.exec(word.value);
      if (m?.[1]) out.derived.push({ kind: 'script', text: m[1], via: `${via} -c`, from: [word] });
    }
  }
  if (program === 'less' || program === 'more' || program === 'most') {
    for (const word of argv.slice(1)) {
      const m = /^\+!(.+)$/s.exec(word.value);
      if (m?.[1]) out.derived.push({ kind: 'script', text: m[1], via: `${via} +!`, from: [word] });
    }
  }
  if (program === 'gdb' || program === 'lldb') {
    for (const { value } of optionValues(argv, [...GDB_OPTIONS, '-o', '--one-line', '-O', '--one-line-before-file'])) {
      const m = GDB_SHELL.exec(value.value) ?? /^\s*(?:platform\s+shell|script\s+import\s+os;\s*os\.system\(\s*['"])\s*(.+?)['")\s]*$/s.exec(value.value);
      if (m?.[1]) out.derived.push({ kind: 'script', text: m[1], via: `${via} -ex`, from: [value] });
    }
  }
  const sql = SQL_SHELL_COMMANDS[program];
  if (sql) {
    const texts = [...optionValues(argv, sql.options).map((o) => o.value), ...(sql.positional ? argv.slice(2).filter((w) => !w.value.startsWith('-')) : [])];
    for (const word of texts) {
      for (const m of word.value.matchAll(sql.pattern)) {
        const text = m[1] ?? m[2] ?? m[3];
        if (text) out.derived.push({ kind: 'script', text, via: `${via} shell command`, from: [word] });
      }
    }
  }
  if (program === 'sed' || program === 'gsed') sedCommands(argv, via, out);
  if (program === 'git') out.derived.push(...gitCommands(argv));
  if (program === 'tmux' || program === 'screen') out.derived.push(...typedKeys(program, argv));
  return out;
}

/** tmux's key names that end a typed line. */
const TMUX_ENTER = /^(?:Enter|C-m|C-j|KPEnter|\\n|\\r)$/i;

/**
 * Lines typed into another terminal: `tmux send-keys -t prod 'dropdb app' C-m`, `tmux run-shell
 * 'cmd'`, `screen -S prod -X stuff 'dropdb app\n'`. The other shell runs them as typed.
 */
function typedKeys(program: string, argv: readonly Word[]): Derived[] {
  const words = argv.map((w) => w.value);
  if (program === 'tmux') {
    const at = words.findIndex((w) => /^(?:send-keys|send|run-shell|run)$/.test(w));
    if (at < 0) return [];
    const shell = /^run/.test(words[at] ?? '');
    const keys: Word[] = [];
    for (let i = at + 1; i < argv.length; i++) {
      const w = argv[i];
      if (!w) continue;
      if (/^-[tcsdN]$/.test(w.value)) { i++; continue; }
      if (w.value.startsWith('-')) continue;
      keys.push(w);
    }
    const text = keys.map((k) => (TMUX_ENTER.test(k.value) ? '\n' : k.value)).join(shell ? ' ' : '');
    return keys.length > 0 ? [{ kind: 'script', text, via: `tmux ${words[at] ?? ''}`, from: keys }] : [];
  }
  const stuff = words.indexOf('stuff');
  const body = stuff > 0 ? argv[stuff + 1] : undefined;
  return body ? [{ kind: 'script', text: body.value.replace(/\\n|\\r|\^M/g, '\n'), via: 'screen stuff', from: [body] }] : [];
}

/** Git's options before its subcommand that take a value. */
const GIT_VALUE_OPTIONS = new Set(['-c', '--config', '-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--config-env']);

/** Per subcommand, the options whose value git runs through a shell. */
const GIT_SCRIPT_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  rebase: ['-x', '--exec'],
  difftool: ['-x', '--extcmd'],
  fetch: ['--upload-pack'], pull: ['--upload-pack'], 'ls-remote': ['--upload-pack'], clone: ['-u', '--upload-pack'],
  push: ['--receive-pack', '--exec'], archive: ['--exec'],
};

/**
 * What git runs for its subcommand: `rebase -x CMD`, `bisect run CMD…`, `submodule foreach CMD`,
 * `difftool -x CMD`, `fetch --upload-pack=CMD`, and a `git config` that stores a command git runs
 * later (`alias.x '!cmd'`, `core.fsmonitor cmd`): judged now, as the next git call will run it.
 */
function gitCommands(argv: readonly Word[]): Derived[] {
  let i = 1;
  while (i < argv.length && (argv[i]?.value ?? '').startsWith('-')) i += GIT_VALUE_OPTIONS.has(argv[i]?.value ?? '') ? 2 : 1;
  const sub = argv[i]?.value ?? '';
  const rest = argv.slice(i);
  const out: Derived[] = [];
  for (const { option, value } of optionValues(rest, GIT_SCRIPT_OPTIONS[sub] ?? [])) out.push({ kind: 'script', text: value.value, via: `git ${sub} ${option}`, from: [value] });
  if (sub === 'bisect' && rest[1]?.value === 'run' && rest.length > 2) out.push({ kind: 'argv', words: rest.slice(2), via: 'git bisect run' });
  if (sub === 'submodule') {
    const at = rest.findIndex((w) => w.value === 'foreach');
    const words = at < 0 ? [] : rest.slice(at + 1).filter((w, k) => k > 0 || !w.value.startsWith('-'));
    const body = words.filter((w) => w.value !== '--recursive');
    if (body.length > 0) out.push({ kind: 'script', text: body.map((w) => w.value).join(' '), via: 'git submodule foreach', from: body });
  }
  if (sub === 'config') {
    const operands = rest.slice(1).filter((w) => !w.value.startsWith('-'));
    const [key, value] = operands[0]?.value === 'set' ? operands.slice(1) : operands;
    const name = key?.value.toLowerCase() ?? '';
    if (value && (COMMAND_GIT_SETTINGS.has(name) || (name.startsWith('alias.') && value.value.startsWith('!')))) {
      out.push({ kind: 'script', text: value.value.replace(/^!/, ''), via: `git config ${key?.value ?? ''}`, from: [value] });
    }
  }
  return out;
}

function sedCommands(argv: readonly Word[], via: string, out: CarriedCommands): void {
  const explicit = optionValues(argv, ['-e', '--expression']).map((o) => o.value);
  // A script file written on the line (`printf '1e …' > s.sed && sed -f s.sed`) is not read here: asked.
  if (optionValues(argv, ['-f', '--file']).length > 0) out.dynamicCalls.push(`${via} -f (a script file)`);
  const scripts = explicit.length > 0 ? explicit : argv.slice(1).filter((w) => !w.value.startsWith('-')).slice(0, 1);
  for (const word of scripts) {
    for (const m of word.value.matchAll(SED_E_COMMAND)) {
      if (m[1]) out.derived.push({ kind: 'script', text: m[1], via: `${via} e`, from: [word] });
      else out.dynamicCalls.push(`${via} e (runs each line it reads)`);
    }
    if (SED_S_EXEC.test(word.value)) out.dynamicCalls.push(`${via} s///e (runs each line it makes)`);
  }
}

/**
 * The values given to any of `options`: `--name=value`, `--name value`, and for short options
 * `-Xvalue` as well (`-oProxyCommand=…`). Options after `--` are operands.
 */
function optionValues(argv: readonly Word[], options: readonly string[]): { option: string; value: Word }[] {
  const found: { option: string; value: Word }[] = [];
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    const arg = word?.value ?? '';
    if (arg === '--') break;
    if (!word || !arg.startsWith('-')) continue;
    for (const option of options) {
      const next = argv[i + 1];
      // getopt_long and git take any unambiguous start of a long option (`--to-com=…`, `--exe`).
      const name = arg.startsWith('--') ? arg.replace(/=.*$/s, '') : arg;
      const abbreviated = option.startsWith('--') && name.length >= 4 && name !== option && option.startsWith(name);
      if ((arg === option || (abbreviated && name === arg)) && next) found.push({ option, value: next });
      else if (option.startsWith('--') && (arg.startsWith(`${option}=`) || (abbreviated && arg.startsWith(`${name}=`)))) found.push({ option, value: { ...word, value: arg.slice(name.length + 1) } });
      else if (!option.startsWith('--') && option.length === 2 && arg.length > 2 && arg.startsWith(option) && !arg.startsWith('--')) {
        found.push({ option, value: { ...word, value: arg.slice(2).replace(/^=/, '') } });
      } else continue;
      break;
    }
  }
  return found;
}

/** A short flag keeps its case (the filter looks for its letter); anything else is matched lower-cased. */
const filterWord = (option: string): string => (/^-[A-Za-z0-9]$/.test(option) ? option : option.toLowerCase());

/**
 * The words that tell the terminal gate's filter a line may carry a command here (lower-cased, as
 * it reads them): each program's line is sent to the engine when it holds one.
 */
export const CARRIER_WORDS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.entries(COMMAND_OPTIONS).map(([program, options]) => [program, Object.keys(options).map(filterWord)])),
  tar: [...Object.keys(COMMAND_OPTIONS.tar ?? {}).map(filterWord), '--checkpoint-action'],
  make: ['shell=', 'makeshell='],
  ...Object.fromEntries([...SSH_PROGRAMS, 'sshfs'].map((p) => [p, ['proxycommand', 'localcommand', 'knownhostscommand', 'remotecommand', ...(p === 'scp' || p === 'sftp' ? ['-S'] : [])]])),
  rsync: ['-e', '--rsh', '--rsync-path', 'proxycommand', 'localcommand'],
  ...Object.fromEntries([...VIMS].map((p) => [p, ['!', 'system', 'ter']])),
  ...Object.fromEntries(['less', 'more', 'most'].map((p) => [p, ['+!']])),
  gdb: ['!', 'shell', 'pipe', '--args'],
  lldb: ['!', 'shell', '--'],
  psql: ['\\!', '\\o', '\\g', 'program'],
  mysql: ['system', '\\!'],
  mariadb: ['system', '\\!'],
  sqlite3: ['.system', '.shell'],
  tmux: ['send-keys', 'send', 'run-shell', 'run'],
  screen: ['stuff'],
  git: ['-x', '--exec', 'run', 'foreach', '--extcmd', '--upload-pack', '--receive-pack', 'alias.', ...[...COMMAND_GIT_SETTINGS].map((k) => k.toLowerCase())],
  // sed's `e`: after an address or a separator, or as the `s///e` flag.
  ...Object.fromEntries(['sed', 'gsed'].map((p) => [p, ['1e', '$e', ';e', '/e', '}e', '!e', ' e ']])),
};

/** Programs read here: the prefilter must send their lines to the engine. */
export function optionCarrierNames(): readonly string[] {
  return Object.keys(CARRIER_WORDS);
}
