// PowerShell as agents on Windows (and some on macOS/Linux) use it: `pwsh -NoProfile -Command "…"`,
// `-EncodedCommand` (base64 of UTF-16LE), and the cmdlets that delete, print or send, read as the
// Unix commands the rules know. Parameters are case-insensitive and may be shortened to any
// unambiguous prefix (`-Rec`, `-fo`), as PowerShell takes them.
import type { Word } from './command';
import type { Derived } from './derived';

/** What `pwsh …` runs: a script on the line, a script file (read by the follower), or one the line does not show. */
export type PowershellRun = { readonly script: string; readonly from: Word; readonly via: string } | { readonly file: Word } | 'unseen' | undefined;

/** pwsh's own parameters that take a value: the word after them is no script. */
const VALUED = ['executionpolicy', 'workingdirectory', 'configurationname', 'configurationfile', 'outputformat', 'inputformat',
  'settingsfile', 'custompipename', 'windowstyle', 'version', 'psconsolefile', 'wd', 'ep', 'ex'];

/** True when `word` (without its dash) is a prefix PowerShell would read as `name` (at least `min` letters). */
function abbreviates(word: string, name: string, min: number): boolean {
  return word.length >= min && name.startsWith(word);
}

export function powershellRun(argv: readonly Word[]): PowershellRun {
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (!word) break;
    const value = word.value;
    if (!value.startsWith('-') && !value.startsWith('/')) {
      // A bare script is `-File` for pwsh; Windows PowerShell reads the rest as `-Command`.
      return /\.ps1$/i.test(value) ? { file: word } : { script: asShellText(argv.slice(i).map((w) => w.value).join(' ')), from: word, via: `${argv[0]?.value ?? 'pwsh'}` };
    }
    const name = value.slice(1).toLowerCase().replace(/:.*$/, '');
    if (name === '') continue;
    if (name === 'c' || abbreviates(name, 'command', 2)) {
      // `-command:"…"` carries the script in the same word.
      const inline = /^[-/][A-Za-z]+:(.+)$/s.exec(value)?.[1];
      const rest = inline !== undefined ? [{ ...word, value: inline }, ...argv.slice(i + 1)] : argv.slice(i + 1);
      const first = rest[0];
      if (!first) return undefined;
      // `-Command -` reads the script from stdin.
      return first.value === '-' ? 'unseen' : { script: asShellText(rest.map((w) => w.value).join(' ')), from: first, via: `${argv[0]?.value ?? 'pwsh'} -Command` };
    }
    if (name === 'e' || name === 'ec' || abbreviates(name, 'encodedcommand', 2)) {
      const encoded = argv[i + 1];
      const script = encoded && !encoded.dynamic ? decodeUtf16Base64(encoded.value) : undefined;
      return script !== undefined && encoded ? { script: asShellText(script), from: encoded, via: `${argv[0]?.value ?? 'pwsh'} -EncodedCommand` } : 'unseen';
    }
    if (name === 'f' || abbreviates(name, 'file', 2)) {
      const file = argv[i + 1];
      return file && file.value !== '-' ? { file } : 'unseen';
    }
    if (VALUED.some((v) => abbreviates(name, v, 2) || name === v)) i++;
  }
  return undefined;
}

function decodeUtf16Base64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  if (bytes.length % 2 !== 0) return undefined;
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) out += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  return out;
}

/** Cmdlets (and their aliases that no Unix program has) read as the Unix command they amount to. */
// (`del` is also npm's del-cli, read as rimraf in wrappers.ts: either way a forced delete.)
const REMOVE_ITEM = new Set(['remove-item', 'ri', 'erase', 'rd']);
const INVOKE_WEB = new Set(['invoke-webrequest', 'invoke-restmethod', 'iwr', 'irm']);
const ENV_LISTERS = new Set(['get-childitem', 'gci', 'get-item', 'gi']);
const WRITERS = new Set(['set-content', 'sc', 'add-content', 'ac', 'out-file', 'clear-content', 'clc', 'move-item', 'mi', 'move', 'copy-item', 'cpi', 'copy']);

/** A content or item cmdlet as the shell command it amounts to, so the write, move and start-up file rules read it. */
function writerCommand(program: string, argv: readonly Word[]): Derived[] {
  const at = argv[0];
  if (!at) return [];
  const { named, positional } = parameters(argv, ['force', 'nonewline', 'append', 'passthru', 'recurse', 'whatif', 'confirm']);
  const path = (namedValue(named, 'path', 'literalpath', 'filepath') ?? positional[0])?.value.replace(/\\/g, '/');
  if (!path) return [];
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const via = at.value;
  const item = (target: string): Derived => ({ kind: 'script', text: target, via, from: [at] });
  switch (program) {
    case 'clear-content': case 'clc': return [item(`: > ${quote(path)}`)];
    case 'move-item': case 'mi': case 'move': case 'copy-item': case 'cpi': case 'copy': {
      const destination = (namedValue(named, 'destination') ?? positional[1])?.value.replace(/\\/g, '/');
      const verb = program.startsWith('m') ? 'mv' : 'cp -r';
      return destination ? [item(`${verb} ${quote(path)} ${quote(destination)}`)] : [];
    }
    default: {
      const value = (namedValue(named, 'value', 'inputobject') ?? positional[1])?.value ?? '';
      const append = program === 'add-content' || program === 'ac' || argv.some((w) => /^-append$/i.test(w.value));
      return [item(`printf '%s\\n' ${quote(value)} ${append ? '>>' : '>'} ${quote(path)}`)];
    }
  }
}
/** `iex`: runs the string it is given, or what comes down the pipeline (`irm … | iex`). */
export const INVOKE_EXPRESSION: ReadonlySet<string> = new Set(['invoke-expression', 'iex']);

/** A cmdlet's parameters: `-Name value`, `-Name:value`, switches, and the positional words. */
function parameters(argv: readonly Word[], switches: readonly string[]): { named: Map<string, Word>; flags: Set<string>; positional: Word[] } {
  const named = new Map<string, Word>();
  const flags = new Set<string>();
  const positional: Word[] = [];
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (!word) continue;
    const m = /^-([A-Za-z]+)(?::(.*))?$/s.exec(word.value);
    if (!m) { positional.push(word); continue; }
    const name = (m[1] ?? '').toLowerCase();
    const full = switches.find((s) => abbreviates(name, s, 1));
    if (full) { flags.add(full); continue; }
    const next = m[2] !== undefined ? { ...word, value: m[2] } : argv[++i];
    if (next) named.set(name, next);
  }
  return { named, flags, positional };
}

function namedValue(named: ReadonlyMap<string, Word>, ...names: readonly string[]): Word | undefined {
  for (const [key, word] of named) if (names.some((n) => abbreviates(key, n, 1))) return word;
  return undefined;
}

/**
 * `Remove-Item -Recurse -Force C:\data` is `rm -rf C:\data`; `Invoke-RestMethod -Method Delete -Uri …`
 * is `curl -X DELETE …`, with its body and file. Other words are no cmdlet Airlock reads this way.
 */
export function unwrapCmdlet(program: string, argv: readonly Word[], piped = false): Derived[] {
  const at = argv[0];
  if (!at) return [];
  const word = (value: string): Word => ({ ...at, value });
  // cmd's own spelling, `rd /s /q dir` and `rmdir /s /q dir` (Unix rmdir takes no such switch).
  const cmdSwitches = argv.slice(1).filter((w) => /^\/[a-zA-Z]$/.test(w.value)).map((w) => w.value.toLowerCase());
  if (REMOVE_ITEM.has(program) || (program === 'rmdir' && cmdSwitches.length > 0)) {
    const { named, flags, positional } = parameters(argv.filter((w) => !/^\/[a-zA-Z]$/.test(w.value)), ['recurse', 'force', 'confirm', 'whatif']);
    if (flags.has('whatif')) return [];
    // Windows paths read as the same path with forward slashes (`.\dist` is `./dist`).
    const paths = [...positional, ...[namedValue(named, 'path', 'literalpath')].filter((w): w is Word => w !== undefined)]
      .flatMap((w) => w.value.split(',').map((value) => ({ ...w, value: value.trim().replace(/\\/g, '/') })).filter((p) => p.value !== ''));
    // `Get-ChildItem ~ | Remove-Item -Recurse`: what it deletes comes down the pipeline.
    if (paths.length === 0 && piped) paths.push({ ...at, value: '$input', dynamic: true });
    if (paths.length === 0) return [];
    const options = `-${flags.has('recurse') || cmdSwitches.includes('/s') ? 'r' : ''}f`;
    return [{ kind: 'argv', words: [word('rm'), word(options), ...paths], via: argv[0]?.value ?? program }];
  }
  // Writers: `Set-Content .env x`, `Add-Content ~/.bashrc 'unset BASH_ENV'`, `Clear-Content .env`, and moves and copies.
  if (WRITERS.has(program)) return writerCommand(program, argv);
  // `Start-Process cmd -ArgumentList '/c rd /s /q C:\x'`: the program with its arguments.
  if (program === 'start-process' || program === 'saps') {
    const { named, positional } = parameters(argv, ['wait', 'nonewwindow', 'passthru', 'noprofile']);
    const file = namedValue(named, 'filepath') ?? positional[0];
    const list = namedValue(named, 'argumentlist') ?? positional[1];
    return file ? [{ kind: 'script', text: asShellText(`${file.value} ${(list?.value ?? '').replace(/['"]\s*,\s*['"]/g, ' ').replace(/^['"]|['"]$/g, '')}`), via: argv[0]?.value ?? program, from: [file] }] : [];
  }
  // `gci env:`, `dir env:GITHUB_TOKEN`: the environment drive, listed.
  if (ENV_LISTERS.has(program)) {
    const drive = argv.slice(1).find((w) => /^env:/i.test(w.value));
    if (!drive) return [];
    const name = drive.value.slice(4).replace(/^\\|^\//, '');
    return [{ kind: 'argv', words: name === '' || /[*?]/.test(name) ? [word('env')] : [word('printenv'), { ...drive, value: name }], via: argv[0]?.value ?? program }];
  }
  if (INVOKE_WEB.has(program)) {
    const { named, positional } = parameters(argv, ['usebasicparsing', 'skipcertificatecheck', 'passthru', 'usedefaultcredentials']);
    const uri = namedValue(named, 'uri') ?? positional[0];
    if (!uri) return [];
    const method = namedValue(named, 'method');
    const body = namedValue(named, 'body');
    const file = namedValue(named, 'infile');
    return [{
      kind: 'argv',
      words: [word('curl'), ...(method ? [word('-X'), { ...method, value: method.value.toUpperCase() }] : []), ...(body ? [word('--data'), body] : []),
        ...(file ? [word('--data-binary'), { ...file, value: `@${file.value}` }] : []), uri],
      via: argv[0]?.value ?? program,
    }];
  }
  return [];
}

export function cmdletNames(): readonly string[] {
  return [...REMOVE_ITEM, ...INVOKE_WEB, ...ENV_LISTERS, ...WRITERS, 'rmdir', 'start-process', 'saps'];
}

/**
 * A PowerShell (or cmd) script as the shell reader reads it: `$env:NAME` is the variable the rules
 * know (`echo $env:GITHUB_TOKEN`), Write-Output is echo, and a backslash (no escape there) is the
 * path separator it is (`.\dist` is `./dist`, not bash's `.dist`).
 */
export function asShellText(script: string): string {
  // An expression statement (`$env:PATH -split ';'`, `[string]::IsNullOrEmpty($env:X)`) prints its
  // result, not a program run: a lone variable is printed, anything else computes a value.
  return script.split(/(?<=[;\n])(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/).map((statement) => {
    const trimmed = statement.trim().replace(/;$/, '');
    if (/^\$env:\w+$/i.test(trimmed)) return statement.replace(trimmed, `echo ${trimmed}`);
    return /^[$[]/.test(trimmed) && !/^\$\w+\s*=/.test(trimmed) ? statement.replace(trimmed, ':') : statement;
  }).join('')
    // Script blocks run where they stand (`Invoke-Command { … }`, `Start-Job { … }`, `. { … }`, `% { … }`).
    .replace(/(?:\b(?:Invoke-Command|icm|Start-Job|sajb|ForEach-Object|foreach)\b(?:\s+-\w+)*|(?:^|[\s;|])[.&%])\s*\{([^{}]*)\}/gi, ' ; $1 ;')
    .replace(/\$env:([A-Za-z_]\w*)/gi, '$$$1').replace(/(^|[;|{]\s*)(?:Write-Output|Write-Host|Write)\b/gi, '$1echo')
    // `ls env:` and `dir env:` are Get-ChildItem there, not the Unix programs.
    .replace(/\b(?:ls|dir)(\s+env:)/gi, 'gci$1').replace(/\\/g, '/');
}
