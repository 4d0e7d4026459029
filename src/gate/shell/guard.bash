# Airlock's terminal gate for bash. Airlock copies this file into its storage with the tables
# generated from its rules beside it (guard-data.bash, words/); edit Airlock's settings, not this file.
# Loaded through PROMPT_COMMAND (interactive shells) and BASH_ENV (bash -c, scripts, shell tasks).
# A line is first judged by a keyword filter in the shell itself (no process for `git status`);
# anything else asks `airlock gate --line`. See DESIGN.md section 1 for what was verified.
# shellcheck shell=bash
# bash 4.4 or newer: PS0, `local -` and ${var@a} are needed.
[[ -n ${BASH_VERSION-} ]] && (( BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4) )) || return 0 2>/dev/null
# The guard's state is its own: one inherited through the environment (`__airlock_guard=1` or
# a DEBUG trap to chain, set by whatever started this shell) is dropped, never believed.
for __airlock_v in "${!__airlock_@}"; do [[ ${!__airlock_v@a} == *x* ]] && unset "$__airlock_v"; done
unset __airlock_v
if [[ -n ${__airlock_guard-} ]]; then
  # Loaded already: this is PROMPT_COMMAND before a new prompt. Forget the last line's approval;
  # until Enter is pressed, what runs is the prompt's own work (PROMPT_COMMAND hooks, PS1).
  __airlock_line_ok=
  __airlock_at_prompt=1
  unset AIRLOCK_LINE_GRANT
  return 0 2>/dev/null
fi
__airlock_guard=1
# The user's own BASH_ENV first, so a DEBUG trap it sets is chained below, not replaced.
if [[ -n ${AIRLOCK_USER_BASH_ENV-} && -f $AIRLOCK_USER_BASH_ENV ]]; then . "$AIRLOCK_USER_BASH_ENV"; fi
__airlock_line_ok=
__airlock_busy=
__airlock_at_prompt=0
if [[ $- == *i* ]]; then
  __airlock_at_prompt=1
  # PS0 is expanded for every line bash accepts, however it was entered (Enter in any keymap,
  # C-o): from there on, the DEBUG trap judges what runs. It expands to nothing.
  PS0='${__airlock_ps0[__airlock_at_prompt=0]}'${PS0-}
fi
# The rules' programs (1, always, or =name for a package's binary) and one literal of each
# protected-path glob; words/<program> holds what a program's rules need in its arguments.
__airlock_dir=${BASH_SOURCE[0]%/*}
declare -gA __airlock_loaded=()
. "$__airlock_dir/guard-data.bash" 2>/dev/null
if (( ${#__airlock_progs[@]} == 0 )); then
  # Without its tables the filter cannot clear anything: every command goes to the client.
  __airlock_broken=1
  printf '%s\n' "airlock: the terminal gate's tables are missing in $__airlock_dir; every command is checked (reload the editor window to repair)" >&2
fi
# The ways a line can hide a program's name (hidden.sh, shared with guard.zsh).
. "$__airlock_dir/hidden.sh"
# One pattern for all of them: bash compiles a regex each time it matches one.
__airlock_ifs=$IFS
IFS='|'
__airlock_hidden_re="(${__airlock_hidden[*]})"
IFS=$__airlock_ifs
unset __airlock_ifs

# True when the line might match a rule: it hides a program name, or names a guarded program
# whose arguments hold a word its rules need, or names a protected file.
# This runs before every command: each step is skipped when the line has nothing for it to do,
# since what the shell allocates here is paid again after every fork (copy-on-write faults).
__airlock_suspicious() {
  [[ -n ${__airlock_broken-} ]] && return 0
  # A redirect where the shell stands in a folder of guard files (`cd ~/.claude` earlier).
  [[ $1 == *'>'* ]] && __airlock_guard_dir "${PWD,,}" && return 0
  local l=$1 re w p rest i n words
  # `[ … ]` and `[[ … ]]` are tests, not globs in program position.
  [[ $l == *'[ '* ]] && { l=${l//'[[ '/'   '}; l=${l//'[ '/'  '}; }
  # Output sent to /dev/null or the standard streams overwrites nothing (`2>/dev/null`).
  if [[ $l == *'>'*/dev/* ]]; then
    for re in null stdout stderr tty; do l=${l//>\/dev\/$re/ }; l=${l//> \/dev\/$re/ }; done
  fi
  if [[ $l == *[\$\`\<\>\*\?\[\{\\]* && $l =~ $__airlock_hidden_re ]]; then return 0; fi
  [[ $l == *[\'\"\\]* ]] && l=${l//[\'\"\\]/}
  # Separators stay as `;` words: a program's own operands end there.
  [[ $l == *[\;\|\&\(\)\{\}\!\<\>\`$'\n'$'\r']* ]] && l=${l//[;|&()\{\}!<>\`$'\n'$'\r']/ ; }
  # Split on blanks without globbing (\`local -\` restores the user's options on return).
  if [[ $l == *[\*\?\[]* ]]; then
    local -
    set -f
  fi
  words=($l)
  n=${#words[@]}
  local at_program=1
  for ((i = 0; i < n; i++)); do
    w=${words[i],,}
    # A program given by path (`./bin/wipe`, `/tmp/x.sh`) runs a file the engine reads; the
    # system's own folders hold programs read by name.
    if [[ -n $at_program && $w == */* && $w != /@(usr|bin|sbin|lib|lib64|opt|etc|nix|snap|proc|dev)/* && $w != *=* ]]; then return 0; fi
    if [[ $w == ';' || $w == @(sudo|exec|time|nohup|command|builtin|nice|env|if|elif|while|until|then|do|else) || $w == [a-z_]*([a-z0-9_])=* ]]; then at_program=1; else at_program=; fi
    p=${w:+${__airlock_progs[$w]-}}
    # `npx aws-cdk@2`, `@railway/cli@3`: the package without its version.
    [[ -z $p && $w == ?*@* ]] && { w=${w%@*}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p && $w == */* ]] && { w=${w##*/}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p && $w == *.exe ]] && { w=${w%.exe}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p && $w == [a-z]*[0-9]* && $w =~ ^([a-z]+)[0-9][0-9.]*$ ]] && { w=${BASH_REMATCH[1]}; [[ $w == python ]] && w=python3; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p ]] && continue
    [[ $p == =* ]] && { w=${p#=}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ $p == always ]] && return 0
    if [[ $p == bare* ]]; then
      # Called without operands (`set`), or with flags only for bare-flags (`env -0`).
      local j=$((i + 1)) operand=
      while ((j < n)) && [[ ${words[j]} != ';' ]]; do [[ $p == bare-flags && ${words[j]} == -* ]] || operand=1; j=$((j + 1)); done
      [[ -z $operand ]] && return 0
    fi
    # Words anywhere in the line: SQL piped into psql comes before it (`echo "DROP …" | psql`).
    rest=" ${words[*],,} "
    # The program's table (words/<program>) defines its function once per shell. A missing table,
    # or one the shell could not load, is judged by the client: fail closed.
    if [[ -z ${__airlock_loaded[$w]-} ]]; then
      [[ -r $__airlock_dir/words/$w ]] || return 0
      . "$__airlock_dir/words/$w" || return 0
      declare -fr "__airlock_w_$w" || return 0
      __airlock_loaded[$w]=1
    fi
    "__airlock_w_$w" "$rest"
    (( $? == 1 )) || return 0
    __airlock_path_words "$rest" && return 0
    # The words destructive calls are spelled with, whatever the rules' examples show.
    __airlock_stem "$rest" && return 0
  done
  return 1
}

# VS Code's shell integration functions (shellIntegration-bash.sh in VS Code 1.139).
__airlock_vscode='__vsc_command_complete __vsc_command_output_start __vsc_continuation_end __vsc_continuation_start __vsc_escape_value __vsc_escape_value_fast __vsc_get_trap __vsc_precmd __vsc_preexec __vsc_preexec_all __vsc_preexec_only __vsc_prompt_cmd __vsc_prompt_cmd_original __vsc_prompt_end __vsc_prompt_start __vsc_report_prompt __vsc_restore_exit_code __vsc_update_cwd __vsc_update_env __vsc_update_prompt'

# Commands that would switch the guard off or fool it: its state, its functions, the DEBUG trap,
# extdebug. (Its own functions never reach this: the trap skips their frames.)
# Each pattern is tried only when the command holds the word it needs: bash compiles a regex each
# time it matches one, and this runs before every command.
__airlock_tampers() {
  local c=$1
  # Any command naming the guard's state or functions: an assignment, `printf -v`, `read`,
  # `builtin declare`, `unset -f`, … (the guard's own commands never reach here).
  [[ $c == *__airlock_* ]] && return 0
  # Builtins switched off or replaced (`enable -n shopt`, `enable -f lib.so printf`) would change
  # what the guard's own commands do.
  [[ $c == *enable* && $c =~ ^[[:space:]]*(builtin[[:space:]]+)?enable[[:space:]]+(.*[[:space:]])?-[[:alpha:]]*[nfd] ]] && return 0
  [[ $c == *trap* && $c =~ ^[[:space:]]*(builtin[[:space:]]+)?trap([[:space:]]|$) && ( $c == *DEBUG* || $c == *[\$\`]* ) ]] && return 0
  [[ ( $c == *extdebug* || $c == *+T* || $c == *functrace* ) && $c =~ ^[[:space:]]*(builtin[[:space:]]+)?(shopt[[:space:]].*extdebug|set[[:space:]]+[+]T|set[[:space:]]+[+]o[[:space:]]+functrace) ]] && return 0
  [[ $c == *PS0=* ]] && return 0
  # The variables that carry the gate into commands and new shells: assigned (`export X=…`,
  # `X=… cmd`, `env X=… cmd`) or removed (`unset`, `export -n`, `env -u`).
  if [[ $c == *AIRLOCK_* || $c == *BASH_ENV* || $c == *ZDOTDIR* || $c == *PROMPT_COMMAND* ]]; then
    [[ $c =~ (^|[[:space:]\;\&\|\(\"\'])(AIRLOCK_[[:alnum:]_]+|BASH_ENV|ZDOTDIR|PROMPT_COMMAND)(\[[^]]*\])?\+?= ]] && return 0
    # Any declaration builtin naming one (`export -n`, `declare +x`, `unset`, `printf -v`, `read`).
    [[ $c =~ ^[[:space:]]*(builtin[[:space:]]+)?(unset|export|declare|typeset|readonly|local|printf[[:space:]]+-v|read|mapfile|readarray)[[:space:]] ]] && return 0
    [[ $c =~ (^|[[:space:]])(-u[[:space:]]*|--unset[=[:space:]])(AIRLOCK_|BASH_ENV|ZDOTDIR) ]] && return 0
  fi
  # A shell started with an emptied environment runs without the guard.
  [[ $c == *env[[:space:]]* && $c =~ (^|[[:space:]])env[[:space:]]+(-[[:alnum:]]*i|--ignore-environment)([[:space:]]|$) ]] && return 0
  return 1
}

# Asks the gate client. Prints the grant of an approved line, or why the line was stopped.
# The client comes from the guard's own tables (read-only), never from the environment.
__airlock_ask() {
  if [[ -z ${__airlock_node-} || -z ${__airlock_cli-} ]]; then
    printf 'airlock: cannot check this command (the terminal gate'"'"'s tables are missing); it was not run\n'
    return 126
  fi
  ELECTRON_RUN_AS_NODE=1 "$__airlock_node" "$__airlock_cli" gate --line "$1" --ppid "$$"
}

# Enter: the whole line, typed or sent by an agent, before bash runs it. A stopped line is replaced
# by one that prints why and fails, so the agent reading the terminal sees both.
__airlock_readline() {
  __airlock_at_prompt=0
  __airlock_line_ok=
  [[ -z $READLINE_LINE ]] && return 0
  __airlock_suspicious "$READLINE_LINE" || return 0
  local out
  __airlock_busy=1
  if out=$(__airlock_ask "$READLINE_LINE"); then
    __airlock_line_ok=1
    [[ -n $out ]] && export AIRLOCK_LINE_GRANT=$out
  else
    printf -v READLINE_LINE 'printf "%%s\\n" %q >&2; (exit 126)' "${out%$'\n'}"
    READLINE_POINT=${#READLINE_LINE}
  fi
  __airlock_busy=
}

__airlock_debug() {
  [[ -n $__airlock_busy || -n $__airlock_line_ok ]] && return 0
  (( __airlock_at_prompt )) && return 0
  # The prompt's own work in VS Code's shell integration (interactive shells only, by exact name:
  # a script defining a function of that name gets no pass).
  local f
  if [[ $- == *i* ]]; then
    for f in "${FUNCNAME[@]:2}"; do [[ " $__airlock_vscode " == *" $f "* ]] && return 0; done
  fi
  if __airlock_tampers "$BASH_COMMAND"; then
    printf 'airlock: stopped %s — it would switch off or fool Airlock'"'"'s terminal gate; ask the user to change Airlock'"'"'s settings instead\n' "$BASH_COMMAND" >&2
    [[ $- == *i* ]] || exit 126
    return 1
  fi
  __airlock_suspicious "$BASH_COMMAND" || return 0
  local out
  __airlock_busy=1
  if out=$(__airlock_ask "$BASH_COMMAND"); then
    __airlock_busy=
    [[ -n $out ]] && export AIRLOCK_LINE_GRANT=$out
    return 0
  fi
  __airlock_busy=
  printf '%s\n' "${out%$'\n'}" >&2
  # A script or task stops here with the gate's status (a skipped command would leave $? at 0);
  # an interactive shell only skips the command.
  [[ $- == *i* ]] || exit 126
  return 1
}

if [[ $- == *i* ]]; then
  for __airlock_map in emacs vi-insert vi-command; do
    bind -m "$__airlock_map" -x '"\C-x\C-q\C-a": __airlock_readline'
    bind -m "$__airlock_map" '"\C-x\C-q\C-b": accept-line'
    bind -m "$__airlock_map" '"\C-m": "\C-x\C-q\C-a\C-x\C-q\C-b"'
    bind -m "$__airlock_map" '"\C-j": "\C-x\C-q\C-a\C-x\C-q\C-b"'
  done
  unset __airlock_map
fi

# The DEBUG trap: an earlier one (VS Code's shell integration, the user's) runs first, then ours;
# with extdebug a non-zero status skips the command.
# (PROMPT_COMMAND reads it before sourcing this file, where `trap -p` would show none.)
__airlock_previous_trap=${__airlock_trap_before:-$(trap -p DEBUG)}
unset __airlock_trap_before
__airlock_previous_trap=${__airlock_previous_trap#"trap -- '"}
__airlock_previous_trap=${__airlock_previous_trap%"' DEBUG"}
__airlock_previous_trap=${__airlock_previous_trap//"'\\''"/"'"}
if [[ -z $__airlock_previous_trap ]] && (( ${#FUNCNAME[@]} > 0 )); then
  # Inside a function (VS Code's shell integration runs PROMPT_COMMAND from one) `trap -p` shows
  # nothing: take the trap of the integrations that install one (VS Code's chains the user's).
  if declare -F __bp_preexec_invoke_exec >/dev/null; then __airlock_previous_trap='__bp_preexec_invoke_exec "$_"'
  elif declare -F __vsc_preexec_all >/dev/null; then __airlock_previous_trap='__vsc_preexec_all "$_"'
  elif declare -F __vsc_preexec_only >/dev/null; then __airlock_previous_trap='__vsc_preexec_only "$_"'
  fi
fi
__airlock_trap() {
  # Commands of Airlock's own functions (the Enter binding's) are neither the user's nor the start
  # of a command line: the earlier trap (VS Code's) must not take them for one.
  local f
  [[ $BASH_COMMAND == __airlock_readline ]] && return 0 # the Enter binding itself, run by readline
  # Commands of the guard's own functions (and of subshells they start).
  for f in "${FUNCNAME[@]:1}"; do
    case $f in __airlock_readline | __airlock_trap | __airlock_debug | __airlock_ask | __airlock_suspicious | __airlock_stem | __airlock_tampers) return 0 ;; esac
  done
  # extdebug makes this trap run inside functions too; the earlier trap ran only for top-level
  # commands, and still does.
  if [[ -n $__airlock_previous_trap ]] && (( ${#FUNCNAME[@]} == 1 )); then builtin eval "$__airlock_previous_trap"; fi
  # extdebug (a non-zero status skips the command) is turned on here, after start-up: set in a
  # start-up file (BASH_ENV) it would try to load bash's debugger instead.
  shopt -q extdebug || shopt -s extdebug
  __airlock_debug
}
# Read-only: a function definition runs no DEBUG trap, so `__airlock_suspicious() { return 1; }` in
# a script would otherwise switch the filter off unseen.
declare -fr __airlock_suspicious __airlock_tampers __airlock_ask __airlock_readline __airlock_debug __airlock_trap __airlock_path_words __airlock_guard_dir __airlock_stem
trap '__airlock_trap' DEBUG
