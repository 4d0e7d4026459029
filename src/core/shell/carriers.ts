// Commands carried where the line does not run them directly: a `trap` handler, awk's
// `system()` and pipes, variables that tools run as commands (`GIT_SSH_COMMAND`, `PAGER`,
// `EDITOR`…), and the shell setup code that completion and init generators print.
import type { Word } from './command';
import type { Derived } from './derived';
import { builtinOptions } from './variables';

/**
 * Variables whose value some program runs as a command line: git, ssh, pagers and editors, the
 * shell's own start-up hooks. Set anywhere on the line, their value is judged as if typed.
 */
export const COMMAND_VARIABLES: ReadonlySet<string> = new Set([
  'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EXTERNAL_DIFF', 'GIT_PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_ASKPASS',
  'GIT_PROXY_COMMAND', 'SSH_ASKPASS', 'PAGER', 'MANPAGER', 'SYSTEMD_PAGER', 'LESSOPEN', 'LESSCLOSE', 'EDITOR', 'VISUAL',
  'SUDO_EDITOR', 'KUBE_EDITOR', 'FCEDIT', 'BROWSER', 'PROMPT_COMMAND', 'BASH_ENV', 'ENV', 'RSYNC_RSH', 'CVS_RSH',
  // Prompts: the shell expands them as it shows them (`PS4='$(…)'; set -x` runs the substitution).
  'PS0', 'PS1', 'PS2', 'PS4',
]);

/** Git settings whose value git runs as a command (`git -c core.sshCommand='…' fetch`). */
export const COMMAND_GIT_SETTINGS: ReadonlySet<string> = new Set([
  'core.sshcommand', 'core.pager', 'core.editor', 'core.fsmonitor', 'core.askpass', 'core.gitproxy', 'diff.external',
  'sequence.editor', 'credential.helper', 'gpg.program', 'uploadpack.packobjectshook',
]);

/** `trap 'handler' SIGNAL…`: the handler runs on those signals (EXIT: when the shell ends). */
export function trapHandler(argv: readonly Word[]): Derived | undefined {
  let i = 1;
  if (argv[i]?.value === '--') i++;
  const handler = argv[i];
  // `trap -p`, `trap -l` list; `trap - EXIT` and `trap '' INT` reset or ignore.
  if (!handler || handler.value === '-' || handler.value.trim() === '' || /^-[lp]+$/.test(handler.value)) return undefined;
  if (argv.length === i + 1 && /^\d+$/.test(handler.value)) return undefined;
  return { kind: 'script', text: handler.value, via: 'trap', from: [handler], sameShell: true };
}

/**
 * Builtins that run a command or function they are given: `mapfile -C cb`, `compgen -F f`,
 * `complete -C cmd` (at each completion), `bind -x '"\C-t": cmd'` (at each key press).
 */
export function builtinCallback(program: string, argv: readonly Word[]): Derived | undefined {
  const [valued, runs] = program === 'mapfile' || program === 'readarray' ? ['dnOsuCc', 'C']
    : program === 'compgen' || program === 'complete' ? ['oAGWFCXPS', 'CF'] : program === 'bind' ? ['mfqurxl', 'x'] : ['', ''];
  for (const [flag, value] of builtinOptions(argv.slice(1), valued).options) {
    if (!value || !runs.includes(flag)) continue;
    // bind -x binds `KEYSEQ: command` (the key sequence quoted inside the word).
    const text = program === 'bind' ? value.value.replace(/^\s*"(?:[^"\\]|\\.)*"\s*:?\s*|^[^:]*:\s*/s, '') : value.value;
    // Run in this shell, a callback with words of its own (`mapfile -C f` calls `f index line`).
    const words = program === 'bind' ? '' : ' "$callback_word" "$callback_word"';
    return { kind: 'script', text: text + words, via: `${program} -${flag}`, from: [value], sameShell: true };
  }
  return undefined;
}

const AWK_VALUE_OPTIONS = ['-F', '-v', '--assign', '--field-separator'];
const AWK_FILE_OPTIONS = ['-f', '--file', '-E', '--exec'];

export interface AwkScan {
  readonly derived: Derived[];
  /** `system(cmd)` or a pipe whose command is built at run time. */
  readonly dynamicCalls: readonly string[];
}

/**
 * The shell commands an awk program runs: `system("…")`, `print … | "cmd"`, `"cmd" | getline`.
 * String pieces are kept, computed pieces become `$x` so the command reads as partly dynamic.
 */
export function awkCommands(argv: readonly Word[]): AwkScan {
  let program: Word | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    if (arg === '--') { program = argv[i + 1]; break; }
    // A program file is not on the line (reading project files is the caller's part).
    if (AWK_FILE_OPTIONS.includes(arg) || AWK_FILE_OPTIONS.some((o) => arg.startsWith(`${o}=`))) return { derived: [], dynamicCalls: [] };
    if (arg === '-e' || arg === '--source') { program = argv[i + 1]; break; }
    if (AWK_VALUE_OPTIONS.includes(arg)) { i++; continue; }
    if (arg.startsWith('-') && arg.length > 1) continue;
    program = argv[i];
    break;
  }
  if (!program) return { derived: [], dynamicCalls: [] };
  const derived: Derived[] = [];
  const dynamicCalls: string[] = [];
  const text = program.value;
  const calls = [
    ...[...text.matchAll(/\bsystem\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/\|&?\s*("(?:[^"\\]|\\.)*"[^;}\n]*)/g)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/("(?:[^"\\]|\\.)*"(?:\s+[\w$]+|\s*"(?:[^"\\]|\\.)*")*)\s*\|&?\s*getline/g)].map((m) => m[1] ?? ''),
  ];
  for (const call of calls) {
    const command = awkExpression(call);
    // `print | "sh"` feeds the program's own output to a shell: commands the line does not show.
    if (command === undefined || /^\s*(?:\/\S*\/)?(?:ba|z|da|k|mk)?sh\s*$/.test(command)) dynamicCalls.push(`awk ${call.trim().slice(0, 40)}`);
    else if (command.trim() !== '') derived.push({ kind: 'script', text: command, via: 'awk system', from: [program] });
  }
  return { derived, dynamicCalls };
}

/** An awk string expression as shell text: literals joined, other operands as `$x`; undefined when no literal. */
function awkExpression(expression: string): string | undefined {
  const parts = [...expression.matchAll(/"((?:[^"\\]|\\.)*)"|([^\s"]+)/g)];
  if (!parts.some((p) => p[1] !== undefined)) return undefined;
  return parts.map((p) => (p[1] !== undefined ? p[1].replace(/\\(.)/g, '$1') : '"$x"')).join('');
}

/**
 * Commands that only print shell set-up code (completions, prompt and version-manager hooks):
 * `source <(kubectl completion bash)` and `eval "$(direnv hook bash)"` run that code, nothing else.
 * Only well-known programs by their bare names: what `./tool completion bash` prints is whatever
 * that file (perhaps written a minute ago) wants.
 */
const COMPLETING = [
  'kubectl', 'k', 'helm', 'kind', 'k3d', 'minikube', 'kustomize', 'flux', 'argocd', 'istioctl', 'eksctl', 'oc', 'gh', 'glab',
  'docker', 'podman', 'npm', 'pnpm', 'yarn', 'bun', 'deno', 'rustup', 'cargo', 'poetry', 'pip', 'pip3', 'uv', 'pipx', 'hatch',
  'doctl', 'hcloud', 'linode-cli', 'fly', 'flyctl', 'vercel', 'netlify', 'supabase', 'railway', 'stripe', 'just', 'task',
  'mise', 'terraform', 'tofu', 'pulumi', 'vault', 'nomad', 'consul', 'packer', 'op', 'doppler', 'infisical', 'velero',
  'restic', 'rclone', 'kubeadm', 'crictl', 'nerdctl', 'cilium', 'talosctl', 'tilt', 'skaffold', 'goreleaser', 'hugo', 'gopass',
].join('|');
const SETUP_GENERATOR = new RegExp([
  String.raw`^(?:${COMPLETING}) (?:completion|completions)(?: (?:-s |--shell[= ])?(?:bash|zsh|fish|sh))?$`,
  String.raw`^(?:${COMPLETING}) (?:--)?completion[-_ ]?(?:script[-_ ]?)?(?:bash|zsh|fish)$`,
  String.raw`^(?:direnv|starship|zoxide|atuin|mcfly|oh-my-posh|mise|rtx|fnm|nodenv|pyenv|rbenv|jenv|goenv|thefuck|navi|broot) (?:hook|init|activate|env)(?: [\w=-]+)*$`,
  String.raw`^(?:pyenv|rbenv|nodenv|jenv|goenv) (?:init|virtualenv-init) -$`,
  String.raw`^(?:/opt/homebrew/bin/|/usr/local/bin/|/home/linuxbrew/\.linuxbrew/bin/)?brew shellenv$`,
  String.raw`^conda shell\.(?:bash|zsh|fish) hook$`,
  String.raw`^ssh-agent(?: -[sc])?$`,
  String.raw`^register-python-argcomplete [\w.-]+$`,
  String.raw`^dircolors(?: -b)?$`,
  String.raw`^(?:minikube|docker-machine) (?:docker-|podman-)?env(?: [\w=-]+)*$`,
  String.raw`^(?:opam env|luarocks path)$`,
].join('|'));

/** Commands that print where a program is: what `$(which node) app.js` runs is still node. */
const PROGRAM_LOOKUP = /^(?:which|whereis|command -[vV]|type -[aPpt]+|realpath|readlink(?: -[fem])?|dirname|(?:npm|yarn|pnpm) bin|(?:pyenv|rbenv|nodenv|jenv|goenv|asdf|mise|rtx|rustup) which|xcrun (?:-f|--find)) /;

/**
 * The command whose output a program word is (`$(cat cmd.txt)`, `` `curl -s x` ``), unless it only
 * looks a program up: the line runs whatever that prints, so what runs is not on the line.
 */
export function printedProgram(word: string): string | undefined {
  const m = /^(?:\$\((.*)\)|`(.*)`)$/s.exec(word.trim());
  const inner = (m?.[1] ?? m?.[2])?.trim().replace(/\s+/g, ' ');
  return inner === undefined || inner === '' || PROGRAM_LOOKUP.test(`${inner} `) ? undefined : inner;
}

/** `$(which helm)`, `$(command -v python3)`: the program a lookup of one plain name finds runs by that name. */
export function lookedUpProgram(word: string): string | undefined {
  const m = /^(?:\$\((.*)\)|`(.*)`)$/s.exec(word.trim());
  const inner = m?.[1] ?? m?.[2];
  // `$(command -v helm || command -v /opt/helm)`: whichever is found runs, so only one name names it.
  const lookups = inner?.split(/\s*\|\|\s*/).map((part) => /^\s*(?:which|command -[vV]|type -[Pp])\s+([\w.+-]+)\s*$/.exec(part)?.[1]);
  return lookups?.every((name) => name !== undefined && name === lookups[0]) ? lookups[0] : undefined;
}

/** True for `<(kubectl completion bash)` / `$(direnv hook bash)`: the text of a set-up generator's output. */
export function isShellSetup(substitution: string): boolean {
  const m = /^[<$]\((.*)\)$/s.exec(substitution.trim());
  const inner = m?.[1]?.trim().replace(/\s+/g, ' ');
  return inner !== undefined && SETUP_GENERATOR.test(inner);
}
