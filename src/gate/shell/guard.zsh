# Airlock's terminal gate for zsh. Airlock copies this file into its storage with the tables
# generated from its rules (guard-data.zsh here, ../words); edit Airlock's settings, not this file.
# Loaded from the .zshrc in Airlock's ZDOTDIR, after your own .zshrc. An accept-line widget sees
# the whole line before zsh runs it: a keyword filter in the shell itself first (no process for
# `git status`), then `airlock gate --line` for anything else.
# The guard's state is its own: a value inherited through the environment is dropped, never believed.
for __airlock_v in ${(k)parameters[(I)__airlock_*]}; do [[ ${(tP)__airlock_v} == *export* ]] && unset $__airlock_v; done
unset __airlock_v
[[ -n ${__airlock_guard-} ]] && return 0
__airlock_guard=1
typeset -gA __airlock_progs
__airlock_dir=${${(%):-%x}:h}
. "$__airlock_dir/guard-data.zsh" 2>/dev/null
if (( ${#__airlock_progs} == 0 )); then
  # Without its tables the filter cannot clear anything: every command goes to the client.
  __airlock_broken=1
  print -u2 -r -- "airlock: the terminal gate's tables are missing in $__airlock_dir; every command is checked (reload the editor window to repair)"
fi
# The ways a line can hide a program's name (hidden.sh, shared with guard.bash).
. "${__airlock_dir:h}/hidden.sh"
# One pattern for all of them: the shell compiles a regex each time it matches one.
__airlock_hidden_re="(${(j:|:)__airlock_hidden})"
# Read-only: a line can assign through a name the guard never sees (`${(P)v::=…}`), and a planted
# folder would be sourced by the guard itself.
typeset -r __airlock_dir __airlock_progs __airlock_hidden __airlock_hidden_re

__airlock_suspicious() {
  [[ -n ${__airlock_broken-} ]] && return 0
  emulate -L zsh
  # A redirect where the shell stands in a folder of guard files (`cd ~/.claude` earlier).
  [[ $1 == *'>'* ]] && __airlock_guard_dir "${(L)PWD}" && return 0
  local l=$1 re w p rest i
  # `[ … ]` and `[[ … ]]` are tests, not globs in program position.
  l=${l//'[[ '/'   '}; l=${l//'[ '/'  '}
  # Output sent to /dev/null or the standard streams overwrites nothing (`2>/dev/null`).
  for re in null stdout stderr tty; do l=${l//>\/dev\/$re/ }; l=${l//> \/dev\/$re/ }; done
  if [[ $l == *[\$\`\<\>\*\?\[\{\\]* && $l =~ $__airlock_hidden_re ]]; then return 0; fi
  l=${l//[\'\"\\]/}
  # Separators stay as `;` words: a program's own operands end there.
  l=${l//[;|&()\{\}!<>\`$'\n'$'\r']/ ; }
  local -a words
  words=(${=l})
  local at_program=1
  for ((i = 1; i <= ${#words}; i++)); do
    w=${(L)words[i]}
    # A program given by path (`./bin/wipe`, `/tmp/x.sh`) runs a file the engine reads; the
    # system's own folders hold programs read by name.
    if [[ -n $at_program && $w == */* && $w != /(usr|bin|sbin|lib|lib64|opt|etc|nix|snap|proc|dev)/* && $w != *=* ]]; then return 0; fi
    if [[ $w == ';' || $w == (sudo|exec|time|nohup|command|builtin|nice|env|if|elif|while|until|then|do|else) || $w == [a-z_]*=* ]]; then at_program=1; else at_program=; fi
    p=${w:+${__airlock_progs[$w]-}}
    # `npx aws-cdk@2`, `@railway/cli@3`: the package without its version.
    [[ -z $p && $w == ?*@* ]] && { w=${w%@*}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p ]] && { w=${w##*/}; w=${w%.exe}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p && $w =~ '^([a-z]+)[0-9][0-9.]*$' ]] && { w=${match[1]}; [[ $w == python ]] && w=python3; p=${w:+${__airlock_progs[$w]-}}; }
    [[ -z $p ]] && continue
    [[ $p == '='* ]] && { w=${p#=}; p=${w:+${__airlock_progs[$w]-}}; }
    [[ $p == always ]] && return 0
    if [[ $p == bare* ]]; then
      # Called without operands (`set`), or with flags only for bare-flags (`env -0`).
      local j=$((i + 1)) operand=
      while ((j <= ${#words})) && [[ ${words[j]} != ';' ]]; do [[ $p == bare-flags && ${words[j]} == -* ]] || operand=1; j=$((j + 1)); done
      [[ -z $operand ]] && return 0
    fi
    # Words anywhere in the line: SQL piped into psql comes before it (`echo "DROP …" | psql`).
    rest=" ${words[*]} "
    rest=${(L)rest}
    # The program's table (words/<program>), code that sets `hit` when the line holds one of its
    # words. A missing table, or one the shell could not read, is judged by the client: fail closed.
    [[ -r ${__airlock_dir:h}/words/$w ]] || return 0
    local x= hit=
    . "${__airlock_dir:h}/words/$w" "$rest" || return 0
    [[ -n $hit ]] && return 0
    __airlock_watched "$rest" && return 0
  done
  return 1
}

# Enter: a stopped line is replaced by one that prints why and fails, so nothing of it runs and
# an agent reading the terminal sees both; an approved line runs with the grant its shims present.
# What the line will run, as far as the line shows it: history references expanded in the buffer
# itself (`!-2`), and the text of any alias its words name (`nuke` for `/bin/rm -rf`).
__airlock_line() {
  [[ $BUFFER == *'!'* ]] && zle expand-history
  local w text=$BUFFER
  for w in ${=BUFFER}; do (( ${+aliases[$w]} )) && text+=$'\n'${aliases[$w]}; done
  REPLY=$text
}

# The body of each function the line names, before it: one defined on an earlier line runs from
# here (`f`, `trap f ZERR`, `precmd_functions+=(f)`), and only the shims would see its commands
# otherwise; a line that defines it anew is then read as redefining it. (A body was checked for
# tampering on the line that defined it.) Functions the user's start-up files defined (nvm,
# conda, a prompt's), as they were then, are the user's own: not sent. A line that defines a
# function also carries the names the hook arrays will call: defining one of them is running it.
__airlock_bodies() {
  local w defined=
  # Names as words, and as parts of words (`${x:-f}`).
  for w in ${(u)=BUFFER//[^[:alnum:]_.:@+-]/ } ${(u)=BUFFER//[^[:alnum:]_]/ }; do
    [[ $w != __airlock_* ]] && (( ${+functions[$w]} )) || continue
    (( ${+__airlock_startup[$w]} )) && [[ ${functions[$w]} == "${__airlock_startup[$w]}" ]] && continue
    defined+="$w() {"$'\n'${functions[$w]}$'\n'"}"$'\n'
  done
  REPLY=$defined$REPLY
  [[ $BUFFER == *'()'* || $BUFFER == *function* ]] || return 0
  local hooks=(${precmd_functions-} ${preexec_functions-} ${chpwd_functions-} ${periodic_functions-} ${zshaddhistory_functions-} ${zshexit_functions-})
  (( ${#hooks} == 0 )) || REPLY+=$'\n'": the shell's hooks call ${hooks[*]}"
}

# The variables that carry the gate into commands and new shells, assigned (`export X=…`, `X=… cmd`,
# `env X=… cmd`) or removed (`unset`, `export -n`, `env -u`), and the guard's own state.
__airlock_tampers() {
  # Quotes and backslashes out: `unf""unction g`, `\bindkey` are the same words to zsh.
  local c=${1//[\'\"\\]/}
  [[ $c == *__airlock_* ]] && return 0
  # The guard is these functions and the widgets Enter runs: a function set or removed by a name
  # built at run time (`functions[__air$x]=…`, `unfunction $f`), a name assigned through (P), and
  # Enter bound or a widget replaced (`bindkey '^M' .accept-line`, `zle -A .accept-line accept-line`).
  [[ $c == *functions[\[+=]* ]] && return 0
  [[ $c == *'${('* && $c =~ '\$\{\([^)]*P[^)]*\)[^}]*=' ]] && return 0
  # A function defined through eval by a name built at run time (`eval "$a$b() { : }"`).
  [[ $c == *eval* && $c == *[\$\`]* && $c == *'()'* ]] && return 0
  [[ $c =~ '(^|[[:space:];&|(])(builtin[[:space:]]+)?(unfunction|unhash|disable|bindkey[[:space:]]+(-[[:alnum:]]+[[:space:]]+)*[^-[:space:]]|zle[[:space:]]+-[[:alpha:]]*[NADC]|unset[[:space:]]+(-[[:alnum:]]+[[:space:]]+)*-f)' ]] && return 0
  if [[ $c == *AIRLOCK_* || $c == *BASH_ENV* || $c == *ZDOTDIR* || $c == *PROMPT_COMMAND* ]]; then
    [[ $c =~ '(^|[[:space:];&|("'"'"'])(AIRLOCK_[[:alnum:]_]+|BASH_ENV|ZDOTDIR|PROMPT_COMMAND)(\[[^]]*\])?\+?=' ]] && return 0
    # Any declaration builtin naming one (`export -n`, `typeset +x`, `unset`, `printf -v`, `read`).
    [[ $c =~ '(^|[[:space:];&|(])(builtin[[:space:]]+)?(unset|export|declare|typeset|readonly|local|printf[[:space:]]+-v|read|mapfile|readarray)[[:space:]]' ]] && return 0
    [[ $c =~ '(^|[[:space:]])(-u[[:space:]]*|--unset[=[:space:]])(AIRLOCK_|BASH_ENV|ZDOTDIR)' ]] && return 0
  fi
  # A shell started with an emptied environment runs without the guard.
  [[ $c == *env[[:space:]]* && $c =~ '(^|[[:space:]])env[[:space:]]+(-[[:alnum:]]*i|--ignore-environment)([[:space:]]|$)' ]] && return 0
  return 1
}

# Before any widget that runs the line: a stopped line is replaced by one that prints why and
# fails, so nothing of it runs and an agent reading the terminal sees both; an approved line
# runs with the grant its shims present.
__airlock_check_buffer() {
  unset AIRLOCK_LINE_GRANT
  [[ -n $BUFFER ]] || return 0
  local REPLY out
  __airlock_line
  if __airlock_tampers "$REPLY"; then
    out="airlock: stopped: the line would switch off or fool Airlock's terminal gate; ask the user to change Airlock's settings instead"
    BUFFER="print -u2 -r -- ${(q)out}; (exit 126)"
    return 0
  fi
  __airlock_bodies
  __airlock_suspicious "$REPLY" || return 0
  # The client comes from the guard's own tables (read-only), never from the environment.
  if [[ -z ${__airlock_node-} || -z ${__airlock_cli-} ]]; then
    out="airlock: cannot check this command (the terminal gate's tables are missing); it was not run"
    BUFFER="print -u2 -r -- ${(q)out}; (exit 126)"
  elif out=$(ELECTRON_RUN_AS_NODE=1 NODE_OPTIONS= LD_PRELOAD= "$__airlock_node" "$__airlock_cli" gate --line "$REPLY" --ppid "$$"); then
    [[ -n $out ]] && export AIRLOCK_LINE_GRANT=$out
  else
    BUFFER="print -u2 -r -- ${(q)out}; (exit 126)"
  fi
}

# Every widget that accepts the line (Enter, accept-and-hold, …), each chained to what it was
# before: the user's own widget, or the built-in.
for __airlock_widget in accept-line accept-and-hold accept-line-and-down-history accept-and-infer-next-history; do
  if (( ${+widgets[$__airlock_widget]} )) && [[ ${widgets[$__airlock_widget]} == user:* ]]; then
    zle -A $__airlock_widget __airlock_next_$__airlock_widget
  else
    zle -A .$__airlock_widget __airlock_next_$__airlock_widget
  fi
  functions[__airlock_$__airlock_widget]="__airlock_check_buffer; zle __airlock_next_$__airlock_widget"
  zle -N $__airlock_widget __airlock_$__airlock_widget
done
unset __airlock_widget
# The functions as the start-up files left them (read-only: no line can vouch for a body of its own).
typeset -gA __airlock_startup
__airlock_startup=("${(@kv)functions}")
typeset -r __airlock_startup
