// The terminal gate's shell guards, generated from the rule data: a bash script (a readline Enter
// binding that sees the whole line, and a DEBUG trap with `extdebug` as the second net for each
// simple command, non-interactive shells included through BASH_ENV) and a zsh script (an
// `accept-line` widget). Both judge a line first with a keyword filter in the shell itself — no
// process for `git status` — and ask `airlock gate --line` for anything else. A denied line is
// replaced by `(exit 126)` so nothing runs, the shell reports a failure, and the client has
// printed why. See DESIGN.md section 1 for what was verified in VS Code's terminals.
import type { ArgFilter, Item } from '../core/argFilter';

export interface GuardData {
  /** The rules' programs and their argument filters. */
  readonly filters: Readonly<Record<string, ArgFilter>>;
  /** Literal parts of the protected-path globs. */
  readonly pathItems: readonly Item[];
  /** Programs that hide what they run (base64 -d | sh): always judged. */
  readonly runners: readonly string[];
  /** npm packages whose binary has another name (`@railway/cli` → railway). */
  readonly packages: ReadonlyMap<string, string>;
}

/** The ways a line can hide a program's name from a word-by-word reading (the engine's prefilter, in ERE). */
const HIDDEN = [
  "\\$'", '`', '\\$\\(',
  '(^|[;&|({!]|(then|do|else)[[:space:]])[[:space:]]*([A-Za-z_][A-Za-z0-9_]*=[^[:space:];&|({!]*[[:space:]]+)*["\']?\\$',
  '(^|[;&|({!])[[:space:]]*[0-9]*>',
  '(^|[^<])<[^<(&]',
  '(^|[;&|({!])[[:space:]]*[^[:space:];&|(){}<>]*[*?[]',
  '\\{[^{}[:space:]]*(,|\\.\\.)[^{}[:space:]]*\\}',
  '\\\\\n', // a line continuation inside a word: r\⏎m
  '>\\|?[[:space:]]*["\']?(/etc/|/usr/|/boot/|/bin/|/sbin/|/lib|/dev/|~/\\.|\\$HOME/\\.|\\$\\{HOME\\}/\\.|[^[:space:];&|<>]*\\.(db|sqlite3?)([^[:alnum:]_]|$))',
];

function ere(text: string): string {
  return text.replace(/[\\.[\](){}*+?|^$]/g, (c) => `\\${c}`);
}

/** Single-quoted for bash and zsh. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const SAFE_KEY = /^[@a-z0-9][a-z0-9._+@/-]*$/;

interface Tables {
  readonly progs: string;
  readonly words: string;
  readonly flags: string;
}

/** The associative arrays both shells load: program → `1`|`always`|alias target, words, flag letters. */
function tables(data: GuardData): Tables {
  const progs: string[] = [];
  const words: string[] = [];
  const flags: string[] = [];
  for (const [program, filter] of Object.entries(data.filters).sort()) {
    if (!SAFE_KEY.test(program) || data.runners.includes(program)) continue;
    progs.push(`[${q(program)}]=${filter.always ? 'always' : '1'}`);
    const items = [...new Set(filter.clauses.flat(2))];
    const substrings = items.filter((i) => !(i.length === 2 && i[0] === '-' && i[1] !== '-'));
    const letters = items.filter((i) => i.length === 2 && i[0] === '-' && i[1] !== '-').map((i) => i[1] ?? '').filter((c) => /[A-Za-z0-9]/.test(c));
    // A long flag counts from the start of a word (`--force` in `--force-with-lease`), `--` alone as a word.
    const alternatives = substrings.map((i) => (i === '--' ? '(^| )--( |$)' : i.startsWith('--') ? `(^| )${ere(i)}` : ere(i)));
    if (alternatives.length > 0) words.push(`[${q(program)}]=${q(alternatives.join('|'))}`);
    if (letters.length > 0) flags.push(`[${q(program)}]=${q(`(^| )-[[:alnum:]]*[${[...new Set(letters)].join('')}]`)}`);
  }
  for (const runner of data.runners) if (SAFE_KEY.test(runner)) progs.push(`[${q(runner)}]=always`);
  for (const [name, program] of data.packages) if (SAFE_KEY.test(name)) progs.push(`[${q(name)}]=${q(`=${program}`)}`);
  return { progs: progs.join(' '), words: words.join(' '), flags: flags.join(' ') };
}

function pathsPattern(data: GuardData): string {
  return data.pathItems.length === 0 ? '' : data.pathItems.map(ere).join('|');
}

export function bashGuard(data: GuardData): string {
  const t = tables(data);
  return `# Airlock's terminal gate for bash, generated from Airlock's rules; Airlock rewrites this file.
# Loaded through PROMPT_COMMAND (interactive shells) and BASH_ENV (bash -c, scripts, shell tasks).
if [[ -n \${__airlock_guard-} ]]; then
  # Loaded already: this is PROMPT_COMMAND before a new prompt. Forget the last line's approval.
  __airlock_line_ok=
  unset AIRLOCK_LINE_GRANT
  return 0 2>/dev/null
fi
[[ -n \${BASH_VERSION-} && \${BASH_VERSINFO[0]} -ge 4 ]] || return 0 2>/dev/null
__airlock_guard=1
# The user's own BASH_ENV first, so a DEBUG trap it sets is chained below, not replaced.
if [[ -n \${AIRLOCK_USER_BASH_ENV-} && -f $AIRLOCK_USER_BASH_ENV ]]; then . "$AIRLOCK_USER_BASH_ENV"; fi
__airlock_line_ok=
__airlock_busy=
declare -gA __airlock_progs=(${t.progs})
declare -gA __airlock_words=(${t.words})
declare -gA __airlock_flags=(${t.flags})
__airlock_paths=${q(pathsPattern(data))}
__airlock_hidden=(${HIDDEN.map(q).join(' ')})

# True when the line might match a rule: it hides a program name, or names a guarded program
# whose arguments hold a word its rules need, or names a protected file.
__airlock_suspicious() {
  local l=$1 re w p rest i n
  # \`[ … ]\` and \`[[ … ]]\` are tests, not globs in program position.
  l=\${l//'[ '/'  '}
  # Writing to /dev/null and the standard streams overwrites nothing.
  l=\${l//\/dev\/null/ }; l=\${l//\/dev\/stdout/ }; l=\${l//\/dev\/stderr/ }; l=\${l//\/dev\/tty/ }
  if [[ $l == *[\\$\\\`\\<\\>\\*\\?\\[\\{\\\\]* ]]; then
    for re in "\${__airlock_hidden[@]}"; do [[ $l =~ $re ]] && return 0; done
  fi
  l=\${l//[\\'\\"\\\\]/}
  l=\${l//[;|&()\\{\\}!<>\\\`$'\\n'$'\\r']/ }
  local -a words
  read -r -a words <<<"$l" || true
  n=\${#words[@]}
  for ((i = 0; i < n; i++)); do
    w=\${words[i],,}
    p=\${__airlock_progs[$w]-}
    # \`npx aws-cdk@2\`, \`@railway/cli@3\`: the package without its version.
    [[ -z $p && $w == ?*@* ]] && { w=\${w%@*}; p=\${__airlock_progs[$w]-}; }
    [[ -z $p ]] && { w=\${w##*/}; w=\${w%.exe}; p=\${__airlock_progs[$w]-}; }
    [[ -z $p && $w =~ ^([a-z]+)[0-9][0-9.]*$ ]] && { w=\${BASH_REMATCH[1]}; [[ $w == python ]] && w=python3; p=\${__airlock_progs[$w]-}; }
    [[ -z $p ]] && continue
    [[ $p == =* ]] && { w=\${p#=}; p=\${__airlock_progs[$w]-}; }
    [[ $p == always ]] && return 0
    # Words anywhere in the line: SQL piped into psql comes before it (\`echo "DROP …" | psql\`).
    rest=" \${words[*]} "
    re=\${__airlock_words[$w]-}
    [[ -n $re && \${rest,,} =~ $re ]] && return 0
    re=\${__airlock_flags[$w]-}
    [[ -n $re && $rest =~ $re ]] && return 0
    [[ -n $__airlock_paths && \${rest,,} =~ $__airlock_paths ]] && return 0
  done
  return 1
}

# Asks the gate client; on an approval it prints a grant that the shims of this line present.
__airlock_ask() {
  if [[ -z \${AIRLOCK_NODE-} || -z \${AIRLOCK_CLI-} ]]; then
    printf 'airlock: cannot check this command (the terminal gate is not set up in this shell); it was not run\\n' >&2
    return 126
  fi
  ELECTRON_RUN_AS_NODE=1 "$AIRLOCK_NODE" "$AIRLOCK_CLI" gate --line "$1" --ppid "$$"
}

__airlock_readline() {
  __airlock_line_ok=
  [[ -z $READLINE_LINE ]] && return 0
  __airlock_suspicious "$READLINE_LINE" || return 0
  local grant
  __airlock_busy=1
  if grant=$(__airlock_ask "$READLINE_LINE"); then
    __airlock_line_ok=1
    [[ -n $grant ]] && export AIRLOCK_LINE_GRANT=$grant
  else
    READLINE_LINE='(exit 126) # stopped by Airlock'
    READLINE_POINT=\${#READLINE_LINE}
  fi
  __airlock_busy=
}

__airlock_debug() {
  [[ -n $__airlock_busy || -n $__airlock_line_ok ]] && return 0
  # Commands inside Airlock's own functions and VS Code's shell integration are not the user's.
  [[ \${FUNCNAME[2]-} == __airlock* || \${FUNCNAME[2]-} == __vsc* ]] && return 0
  __airlock_suspicious "$BASH_COMMAND" || return 0
  local grant
  __airlock_busy=1
  if grant=$(__airlock_ask "$BASH_COMMAND"); then
    __airlock_busy=
    [[ -n $grant ]] && export AIRLOCK_LINE_GRANT=$grant
    return 0
  fi
  __airlock_busy=
  # A script or task stops here with the gate's status (a skipped command would leave $? at 0);
  # an interactive shell only skips the command.
  [[ $- == *i* ]] || exit 126
  return 1
}

if [[ $- == *i* ]]; then
  for __airlock_map in emacs vi-insert; do
    bind -m "$__airlock_map" -x '"\\C-x\\C-q\\C-a": __airlock_readline'
    bind -m "$__airlock_map" '"\\C-x\\C-q\\C-b": accept-line'
    bind -m "$__airlock_map" '"\\C-m": "\\C-x\\C-q\\C-a\\C-x\\C-q\\C-b"'
    bind -m "$__airlock_map" '"\\C-j": "\\C-x\\C-q\\C-a\\C-x\\C-q\\C-b"'
  done
  unset __airlock_map
fi

# The DEBUG trap: an earlier one (VS Code's shell integration, the user's) runs first, then ours;
# with extdebug a non-zero status skips the command.
__airlock_previous_trap=$(trap -p DEBUG)
__airlock_previous_trap=\${__airlock_previous_trap#"trap -- '"}
__airlock_previous_trap=\${__airlock_previous_trap%"' DEBUG"}
__airlock_previous_trap=\${__airlock_previous_trap//"'\\\\''"/"'"}
__airlock_trap() {
  [[ -n $__airlock_previous_trap ]] && builtin eval "$__airlock_previous_trap"
  # extdebug (a non-zero status skips the command) is turned on here, after start-up: set in a
  # start-up file (BASH_ENV) it would try to load bash's debugger instead.
  shopt -q extdebug || shopt -s extdebug
  __airlock_debug
}
trap '__airlock_trap' DEBUG
`;
}

export function zshGuard(data: GuardData): string {
  const t = tables(data);
  return `# Airlock's terminal gate for zsh, generated from Airlock's rules; Airlock rewrites this file.
# Loaded from the .zshrc in Airlock's ZDOTDIR, after yours.
[[ -n \${__airlock_guard-} ]] && return 0
__airlock_guard=1
typeset -gA __airlock_progs __airlock_words __airlock_flags
__airlock_progs=(${t.progs.replace(/\[('[^']*')\]=/g, '$1 ')})
__airlock_words=(${t.words.replace(/\[('[^']*')\]=/g, '$1 ')})
__airlock_flags=(${t.flags.replace(/\[('[^']*')\]=/g, '$1 ')})
__airlock_paths=${q(pathsPattern(data))}
__airlock_hidden=(${HIDDEN.map(q).join(' ')})

__airlock_suspicious() {
  emulate -L zsh
  setopt extendedglob
  local l=$1 re w p rest i
  for re in "\${__airlock_hidden[@]}"; do [[ $l =~ $re ]] && return 0; done
  l=\${l//[\\'\\"\\\\]/}
  l=\${l//[;|&()\\{\\}!<>\\\`]/ }
  local -a words
  words=(\${=l})
  for ((i = 1; i <= \${#words}; i++)); do
    w=\${(L)words[i]}
    p=\${__airlock_progs[$w]-}
    [[ -z $p ]] && { w=\${w##*/}; w=\${w%.exe}; p=\${__airlock_progs[$w]-}; }
    [[ -z $p && $w =~ '^([a-z]+)[0-9][0-9.]*$' ]] && { w=\${match[1]}; [[ $w == python ]] && w=python3; p=\${__airlock_progs[$w]-}; }
    [[ -z $p ]] && continue
    [[ $p == =* ]] && { w=\${p#=}; p=\${__airlock_progs[$w]-}; }
    [[ $p == always ]] && return 0
    rest=" \${words[*]} "
    re=\${__airlock_words[$w]-}
    [[ -n $re && \${(L)rest} =~ $re ]] && return 0
    re=\${__airlock_flags[$w]-}
    [[ -n $re && $rest =~ $re ]] && return 0
    [[ -n $__airlock_paths && \${(L)rest} =~ $__airlock_paths ]] && return 0
  done
  return 1
}

__airlock_accept_line() {
  unset AIRLOCK_LINE_GRANT
  if [[ -n $BUFFER ]] && __airlock_suspicious "$BUFFER"; then
    local grant
    if [[ -z \${AIRLOCK_NODE-} || -z \${AIRLOCK_CLI-} ]]; then
      print -u2 'airlock: cannot check this command (the terminal gate is not set up in this shell); it was not run'
      BUFFER='(exit 126) # stopped by Airlock'
    elif grant=$(ELECTRON_RUN_AS_NODE=1 "$AIRLOCK_NODE" "$AIRLOCK_CLI" gate --line "$BUFFER" --ppid "$$" </dev/tty); then
      [[ -n $grant ]] && export AIRLOCK_LINE_GRANT=$grant
    else
      BUFFER='(exit 126) # stopped by Airlock'
    fi
  fi
  zle __airlock_next_accept_line
}
# Chain whatever accept-line is now (the user's own widget or the built-in).
if (( \${+widgets[accept-line]} )) && [[ \${widgets[accept-line]} == user:* ]]; then
  zle -A accept-line __airlock_next_accept_line
else
  zle -A .accept-line __airlock_next_accept_line
fi
zle -N accept-line __airlock_accept_line
`;
}
