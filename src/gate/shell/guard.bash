# Airlock's terminal gate for bash. Airlock copies this file into its storage with the tables
# generated from its rules beside it (guard-data.bash, words/); edit Airlock's settings, not this file.
# Loaded through PROMPT_COMMAND (interactive shells) and BASH_ENV (bash -c, scripts, shell tasks).
# A line is first judged by a keyword filter in the shell itself (no process for `git status`);
# anything else asks `airlock gate --line`. See DESIGN.md section 1 for what was verified.
# shellcheck shell=bash
# bash 4.4 or newer: PS0, `local -` and ${var@a} are needed.
[[ -n ${BASH_VERSION-} ]] && (( BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4) )) || return 0 2>/dev/null
# Loaded already: this is PROMPT_COMMAND before a new prompt (the guard's functions are read-only
# by now, and defined once). Forget the last line's approval. Run from a line instead, this only
# takes an approval away. `__airlock_guard` is read-only once loaded: one from the environment is
# not the guard's.
if [[ -n ${__airlock_guard-} && ${__airlock_guard@a} == r ]] && __airlock_builtins "$BASHOPTS"; then
  __airlock_line_ok=
  builtin unset AIRLOCK_LINE_GRANT
  builtin return 0 2>/dev/null
fi
# A script can define a function named after any builtin (`local() { :; }`, `shopt() { :; }`) or
# program path, and a function definition runs no DEBUG trap: every command the guard runs is a
# keyword or goes through `builtin`, and this frees `builtin` first. In POSIX mode the special
# builtins (`unset` among them) are found before functions; one assignment turns that mode on and
# its removal off again. The options that switch changes are set back from $1 (BASHOPTS before).
# Fails when `builtin` cannot be freed: then nothing the guard would run can be trusted.
__airlock_builtins() {
  if [[ -o posix ]]; then
    unset -f builtin
  else
    POSIXLY_CORRECT=1
    [[ -o posix ]] && unset -f builtin && unset POSIXLY_CORRECT && [[ ! -o posix ]] && {
      [[ $1 == *inherit_errexit* ]] || builtin shopt -u inherit_errexit
      # The others are as POSIX mode left them unless a script changed them (BASHOPTS is sorted).
      [[ $- != *i* && $1 != *expand_aliases* && $1 != *shift_verbose* && $1 == *interactive_comments*sourcepath* ]] || __airlock_unposix "$1"
    }
  fi && {
    # localvar_inherit would give the guard's locals a script's attributes (`declare -i l` makes
    # `local l="$1"` arithmetic on the command's text, which runs what a subscript names).
    [[ $1 != *localvar_inherit* ]] || builtin shopt -u localvar_inherit
  }
}
__airlock_unposix() {
  # `builtin local` reads its words as any command's: values are assigned apart.
  builtin local o on off || builtin return 1
  on=() off=()
  for o in expand_aliases shift_verbose interactive_comments sourcepath; do
    if [[ $1 == *$o* ]]; then on+=("$o"); else off+=("$o"); fi
  done
  (( ${#on[@]} == 0 )) || builtin shopt -s "${on[@]}"
  (( ${#off[@]} == 0 )) || builtin shopt -u "${off[@]}"
}
# Functions brought in through the environment (BASH_FUNC_local%%=…) are there before this file.
__airlock_builtins "$BASHOPTS" || { [[ $- == *i* ]] || exit 126; }
# The guard's state is its own: one inherited through the environment (`__airlock_guard=1` or
# a DEBUG trap to chain, set by whatever started this shell) is dropped, never believed.
for __airlock_v in "${!__airlock_@}"; do [[ ${!__airlock_v@a} == *x* ]] && builtin unset "$__airlock_v"; done
builtin unset __airlock_v
builtin declare -gr __airlock_guard=1
# bash's table of hashed paths, read to know when a program runs past its shim
# (__airlock_past_shim): read-only, so a script can neither unset nor shadow it (`hash -p` still
# works, and shows there).
builtin declare -gr BASH_CMDS 2>/dev/null
# The user's own BASH_ENV first, so a DEBUG trap it sets is chained below, not replaced.
if [[ -n ${AIRLOCK_USER_BASH_ENV-} && -f $AIRLOCK_USER_BASH_ENV ]]; then
  builtin . "$AIRLOCK_USER_BASH_ENV"
  __airlock_builtins "$BASHOPTS" || { [[ $- == *i* ]] || exit 126; }
fi
# The line the Enter binding judged whole, and how: `e<n>` let through by the engine, `p<n>` approved by
# a person, where n is bash's number for the line (the prompt's `\#`, which no script can set). Any
# variable can be set by a name the guard never sees (`y=${p}_x=1; (( y ))` assigns an integer), so
# the guard trusts no other state of its own between its calls, and this one only as a string no
# arithmetic can write, for its own line.
__airlock_line_ok=
builtin declare -gr __airlock_number='\#'
# The rules' programs (1, always, or =name for a package's binary) and one literal of each
# protected-path glob; words/<program> holds what a program's rules need in its arguments.
__airlock_dir=${BASH_SOURCE[0]%/*}
builtin . "$__airlock_dir/guard-data.bash" 2>/dev/null
if (( ${#__airlock_progs[@]} == 0 )); then
  # Without its tables the filter cannot clear anything: every command goes to the client.
  __airlock_broken=1
  builtin printf '%s\n' "airlock: the terminal gate's tables are missing in $__airlock_dir; every command is checked (reload the editor window to repair)" >&2
fi
# The ways a line can hide a program's name (hidden.sh, shared with guard.zsh).
builtin . "$__airlock_dir/hidden.sh"
# One pattern for all of them: bash compiles a regex each time it matches one.
__airlock_ifs=$IFS
IFS='|'
__airlock_hidden_re="(${__airlock_hidden[*]})"
IFS=$__airlock_ifs
builtin unset __airlock_ifs

# Bash copies a function's body each time it calls it, and what the copy allocates is paid again
# in copy-on-write faults after every fork: the functions run before every command
# (__airlock_trap, __airlock_suspicious) stay small, and what few lines need is in helpers.

# True when the line might match a rule: it hides a program name, or names a guarded program
# whose arguments hold a word its rules need, or names a protected file.
__airlock_suspicious() {
  [[ -n ${__airlock_broken-} ]] && builtin return 0
  # A redirect where the shell stands in a folder of guard files (`cd ~/.claude` earlier).
  [[ $1 == *'>'* ]] && __airlock_guard_dir "${PWD,,}" && builtin return 0
  # Words split on blanks, whatever the script set IFS to (`IFS=_; dropdb x`).
  # A local the script made read-only globally is not created: fail closed (here and below).
  # The callers' __airlock_scan: every program of the line is read, not only up to the first that
  # makes it suspicious (what __airlock_past_shim tells the client is wanted for all of them).
  builtin local l="$1" w p i words at_program=1 wrapped='' dyn='' flagged='' IFS=$' \t\n' || builtin return 0
  # Output sent to /dev/null or the standard streams overwrites nothing (`2>/dev/null`).
  [[ $l == *'>'*/dev/* ]] && for w in null stdout stderr tty; do l=${l//>\/dev\/$w/ }; l=${l//> \/dev\/$w/ }; done
  # Tests, quotes, separators and what can hide a program's name (__airlock_plain).
  [[ $l == *[\[\'\"\\\;\|\&\(\)\{\}\!\<\>\`\$\*\?\~$'\n'$'\r']* ]] && { __airlock_plain || { [[ -n ${__airlock_scan-} ]] || builtin return 0; flagged=1; }; }
  # Split on blanks without globbing (`local -` restores the user's options on return).
  [[ $l == *[\*\?\[]* ]] && { builtin local -; builtin set -f; }
  words=($l)
  for ((i = 0; i < ${#words[@]}; i++)); do
    w=${words[i],,}
    # A program given by path (`./bin/wipe`, `/tmp/x.sh`) runs a file the engine reads; the
    # system's own folders hold programs read by name.
    # A guarded program's copy run that way is reached past its shim too (__airlock_past_shim).
    if [[ -n $at_program && $w == */* && $w != /@(usr|bin|sbin|lib|lib64|opt|etc|nix|snap|proc|dev)/* && $w != *=* ]]; then
      [[ ( -n $dyn || ${__airlock_scan-} == strict ) && -n ${w##*/} && -n ${__airlock_progs[${w##*/}]-} ]] && __airlock_past_shim
      [[ -n ${__airlock_scan-} ]] || builtin return 0
      flagged=1 at_program=''
      builtin continue
    fi
    # A word after a program wrapper (`sudo "$x"`, `timeout 5 "$x"`) may be the program it runs,
    # named at run time.
    [[ -n $at_program && $w == *[\$\`]* && $w != [a-z_]*([a-z0-9_])=* ]] && { [[ -n ${__airlock_scan-} ]] || builtin return 0; flagged=1 __airlock_dynprog=1; }
    # Looked up, not matched against a pattern of alternatives: bash tries each one in turn.
    p=${__airlock_starts[$w]-}
    if [[ -n $p ]]; then
      at_program=1
      [[ $p == w ]] && wrapped=1
      [[ $w == \; ]] && wrapped=''
    elif [[ $w == *=* && ${w%%=*} == [a-z_]*([a-z0-9_]) ]]; then
      at_program=1
    else
      at_program=$wrapped
    fi
    p=${__airlock_progs[$w]-}
    [[ -z $p && $w == *[@/.0-9]* ]] && __airlock_alias
    [[ -n $p ]] && { __airlock_program || { [[ -n ${__airlock_scan-} ]] || builtin return 0; flagged=1; }; }
  done
  [[ -n $flagged ]]
}

# The line as words (the caller's `l`): tests are not globs, quotes go, separators stay as `;`
# words (a program's own operands end there). Fails when the line hides a program's name (after
# making the words all the same, for a caller reading every program).
__airlock_plain() {
  # `[ … ]` and `[[ … ]]` are tests, not globs in program position (`[[ $x == y ]]` runs no `$x`).
  l=${l//'[[ '/'test '}; l=${l//'[ '/'test '}
  # The caller's `dyn`: the line holds words only known when it runs (`helm $x web`, a glob, `~-`,
  # an extglob `+(u)ninstall`).
  [[ $l == *[\$\`\*\?\[\~]* ]] && dyn=1
  [[ $l == *[+@\!]\(* ]] && dyn=2
  builtin local hidden='' || builtin return 1
  [[ $l == *[\$\`\<\>\*\?\[\{\\]* && $l =~ $__airlock_hidden_re ]] && hidden=1
  l=${l//[\'\"\\]/}
  # `${x}` as `$x`: the braces become separators below, the name stays with its `$`.
  l=${l//'${'/'$'}
  # A backtick opening a substitution stands for the output (a `$` word, as `$(` leaves), the one
  # closing it for the end of a command.
  while [[ $l == *\`*\`* ]]; do l=${l/\`/ \$ ; }; l=${l/\`/ ; }; done
  l=${l//[;|&()\{\}!<>\`$'\n'$'\r']/ ; }
  [[ -z $hidden ]]
}

# The caller's word `w` by another name the tables know: `npx aws-cdk@2` and `@railway/cli@3`
# without their version, `/usr/bin/psql` and `psql.exe` by name, `python3.12` as python3.
__airlock_alias() {
  [[ $w == ?*@* ]] && { w=${w%@*}; p=${w:+${__airlock_progs[$w]-}}; }
  [[ -z $p && $w == */* ]] && { w=${w##*/}; p=${w:+${__airlock_progs[$w]-}}; }
  [[ -z $p && $w == *.exe ]] && { w=${w%.exe}; p=${w:+${__airlock_progs[$w]-}}; }
  [[ -z $p && $w == [a-z]*[0-9]* && $w =~ ^([a-z]+)[0-9][0-9.]*$ ]] && { w=${BASH_REMATCH[1]}; [[ $w == python ]] && w=python3; p=${w:+${__airlock_progs[$w]-}}; }
  builtin return 0
}

# The caller's guarded program `w` (table entry `p`) in the line's `words`: fails when the line
# holds what its rules need.
__airlock_program() {
  # A local the script made read-only globally is not created: fail closed.
  builtin local rest j operand='' x='' hit='' aliases='' past='' || builtin return 1
  rest=" ${words[*],,} "
  # Words the line does not show (`helm $x web`) are read by the program's shim as it starts. A
  # program reached past it has only this guard: asked about, with the values it can send (first,
  # whatever else makes the line suspicious).
  [[ -n $dyn || $rest == *xargs\ * || $rest == *parallel\ * || ${__airlock_scan-} == strict ]] && __airlock_past_shim && past=1
  [[ $p == =* ]] && { w=${p#=}; p=${w:+${__airlock_progs[$w]-}}; }
  [[ $p == always ]] && builtin return 1
  if [[ $p == bare* ]]; then
    # Called without operands (`set`), or with flags only for bare-flags (`env -0`).
    for ((j = i + 1; j < ${#words[@]}; j++)); do
      [[ ${words[j]} == ';' ]] && builtin break
      [[ $p == bare-flags && ${words[j]} == -* ]] || operand=1
    done
    [[ -z $operand ]] && builtin return 1
  fi
  # Words anywhere in the line (`rest`): SQL piped into psql comes before it (`echo "DROP …" | psql`).
  # The program's table (words/<program>) is code, read each time (a function kept from an
  # earlier read could have been defined first by the script itself), without the script's
  # aliases. It sets `hit` when the line holds a word its rules need; a missing table, or one that
  # cannot be read, is judged by the client: fail closed.
  # 0: no words of its own (guards.ts), only the watched ones.
  if [[ $p != 0 ]]; then
    [[ -r $__airlock_dir/words/$w ]] || builtin return 1
    builtin shopt -q expand_aliases && { aliases=1; builtin shopt -u expand_aliases; }
    builtin . "$__airlock_dir/words/$w" "$rest" || hit=1
    [[ -n $aliases ]] && builtin shopt -s expand_aliases
    [[ -n $hit ]] && builtin return 1
  fi
  __airlock_watched "$rest" && builtin return 1
  [[ -z $past ]]
}

# True when the caller's program word (`words[i]`) has operands only known when it runs (a
# variable, a command's output, a glob, `~`, or stdin after xargs; any operands, where the callers'
# __airlock_scan is `strict`) and will not run through its shim: given by path; after sudo and its kind (their own PATH) or a PATH of its own (`PATH=/x
# helm`); hashed by bash to another path (`hash -p`; BASH_CMDS is read-only, so a script can
# neither hide nor replace it); or found on PATH before the shims' folder. bash's builtins never
# meet a shim, unless sudo runs the program of that name. Sets the callers' __airlock_unseen to the
# program (the client asks about it whatever the engine reads) and __airlock_every to the names of
# the variables in its operands (their values go to the client, as the shim would send them).
__airlock_past_shim() {
  # (A local the script made read-only is not created: the program is asked about.)
  builtin local name=${words[i]} d j w found='' via='' || { __airlock_unseen=${__airlock_unseen:-${words[i]-program}}; builtin return 0; }
  # Every later word: a quoted `;` reads as a separator here.
  for ((j = i + 1; j < ${#words[@]}; j++)); do
    [[ ${words[j]} == *[\$\*\?\[]* || ${words[j]} == \~* ]] && found=1
  done
  # extglob patterns (`+(u)ninstall`): their parentheses are separators in `words`.
  [[ $dyn == 2 ]] && found=1
  for ((j = 0; j < i; j++)); do
    # `command -p`: bash's default PATH, which holds no shims.
    [[ ${words[j]} == PATH=* || ( ${words[j]} == -*p* && ${words[j-1]##*/} == command ) ]] && via=1
    case ${words[j]##*/} in
      xargs|parallel) found=1 ;;
      sudo|doas|pkexec|su|runuser|chroot) via=1 ;;
    esac
  done
  [[ -n $found || ${__airlock_scan-} == strict ]] || builtin return 1
  [[ -z $via && $__airlock_bash_builtins == *" $name "* ]] && builtin return 1
  if [[ -z $via && $name != */* ]]; then
    [[ ${BASH_CMDS[$name]-} == "$__airlock_shims/$name" ]] && builtin return 1
    # Where PATH finds it: the shims' folder (`first` empty) or one before it. bash reads a `~` at
    # the start of a PATH entry: the home folder as `~/` or `~`; any other form counts as past them.
    builtin local first='' || { __airlock_unseen=${__airlock_unseen:-$name}; builtin return 0; }
    builtin local -; builtin set -f
    builtin local IFS=: || { __airlock_unseen=${__airlock_unseen:-$name}; builtin return 0; }
    for d in $PATH; do
      [[ $d == "$__airlock_shims" ]] && builtin break
      [[ $d == \~ ]] && d=$HOME
      [[ $d == \~/* ]] && d=$HOME/${d#\~/}
      [[ $d == \~* ]] && { first='~'; builtin break; }
      [[ -f ${d:-.}/$name && -x ${d:-.}/$name ]] && { first=${d:-.}/$name; builtin break; }
    done
    # Hashed by hand to another path (`hash -p`) is past the shim; found by PATH before the shims
    # is the user's own order, which counts for operands only known at run time.
    if [[ -z ${BASH_CMDS[$name]-} || ${BASH_CMDS[$name]} == "$first" ]]; then
      [[ -n $first && -n $found ]] || builtin return 1
    fi
  fi
  __airlock_unseen=${name##*/}
  # The variables named in its own operands, to the end of its command.
  for ((j = i + 1; j < ${#words[@]}; j++)); do
    w=${words[j]}
    [[ $w == ';' ]] && builtin break
    while [[ $w =~ \$([A-Za-z_][A-Za-z0-9_]*) ]]; do
      __airlock_every+=" ${BASH_REMATCH[1]}"
      w=${w#*"${BASH_REMATCH[0]}"}
    done
  done
  builtin return 0
}

# bash's builtins (compgen -b in bash 5.2), which bash runs before any program of their name.
__airlock_bash_builtins=' . : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait '

# VS Code's shell integration functions (shellIntegration-bash.sh in VS Code 1.139).
__airlock_vscode='__vsc_command_complete __vsc_command_output_start __vsc_continuation_end __vsc_continuation_start __vsc_escape_value __vsc_escape_value_fast __vsc_get_trap __vsc_precmd __vsc_preexec __vsc_preexec_all __vsc_preexec_only __vsc_prompt_cmd __vsc_prompt_cmd_original __vsc_prompt_end __vsc_prompt_start __vsc_report_prompt __vsc_restore_exit_code __vsc_update_cwd __vsc_update_env __vsc_update_prompt __updateEnvCache __updateEnvCacheAA'

# Asks the gate client. Prints the grant of an approved line, or why the line was stopped.
# The client comes from the guard's own tables (read-only), never from the environment.
__airlock_ask() {
  if [[ -z ${__airlock_node-} || -z ${__airlock_cli-} ]]; then
    builtin printf 'airlock: cannot check this command (the terminal gate'"'"'s tables are missing); it was not run\n'
    builtin return 126
  fi
  # Locals named apart from the script's variables, whose values __airlock_values reads by name.
  builtin local __airlock_line="$1" || builtin return 126
  __airlock_values
  # `command`: a function can be named after a path too.
  ELECTRON_RUN_AS_NODE=1 NODE_OPTIONS= LD_PRELOAD= builtin command "$__airlock_node" "$__airlock_cli" gate --line "$__airlock_line" --ppid "$$" ${__airlock_unseen:+--unseen "$__airlock_unseen"}
}

# A program named by a variable (`$x -h prod-db …`, `sudo "$x"`) is the variable's value, which the
# shell knows and the client cannot: the caller's `__airlock_line` is sent after an assignment of
# that value, which the client reads as the line's own (`x=/usr/bin/dropdb; $x y`).
__airlock_values() {
  # Locals named apart from the script's variables, which are read here by name.
  # The line's start reads as a separator: each program word follows one.
  builtin local __airlock_rest="; $__airlock_line" __airlock_pre='' __airlock_found='' __airlock_name __airlock_value IFS=$' \t\n' || builtin return 0
  # A program word follows a separator, then assignments and wrappers with their options
  # (`nice -n 5 $x`, `exec -a n $x`, `xargs -0 $x`, `A=1 $x`).
  builtin local __airlock_re='([;&|(!'$'\n'']|[[:space:]](then|do|else))[[:space:]]*(((timeout|command|exec|sudo|doas|nohup|time|builtin|env|nice|ionice|setsid|stdbuf|taskset|chrt|flock|xargs)([[:space:]]+[^[:space:];&|()<>$`]+)*|[A-Za-z_][A-Za-z0-9_]*=[^[:space:];&|()<>]*)[[:space:]]+)*([^[:space:];&|()<>]+)' __airlock_word || builtin return 0
  while [[ $__airlock_rest =~ $__airlock_re ]]; do
    __airlock_word=${BASH_REMATCH[-1]}
    __airlock_rest=${__airlock_rest#*"${BASH_REMATCH[0]}"}
    # An assignment before the program (`A=$S cmd`) names no program, and its value stays here.
    [[ $__airlock_word =~ ^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?= ]] && builtin continue
    # A program named by `${!v}`, `${#v}`, `${a[1]}` or `${v%x}`: a value the client cannot work out.
    [[ $__airlock_word =~ \$\{([!#]|[A-Za-z_][A-Za-z0-9_]*([^A-Za-z0-9_}]|$)) ]] && __airlock_unseen=${__airlock_unseen:-'${…}'}
    # A program named by a glob in its path (`/opt/he?m`): the name it finds is not the one shown.
    [[ $__airlock_word == */* && $__airlock_word == *[*?[]* ]] && __airlock_unseen=${__airlock_unseen:-$__airlock_word}
    # Every variable in it (`$x`, `tools/d$x`), which the client reads with its value.
    while [[ $__airlock_word =~ \$\{?([A-Za-z_][A-Za-z0-9_]*) ]]; do
      __airlock_found+=" ${BASH_REMATCH[1]}"
      __airlock_word=${__airlock_word#*"${BASH_REMATCH[0]}"}
    done
  done
  # After any wrapper (`setarch x86_64 /x/$p`, `timeout -s "$s" 5 /x/$p`), the program may be any
  # later word, which the pattern above cannot always tell: the variables of every later word of
  # that command are sent too.
  builtin local __airlock_after='' __airlock_ws __airlock_sep='[;&|()]' || builtin return 0
  builtin local -; builtin set -f
  __airlock_ws=(${__airlock_line//$__airlock_sep/ ; })
  for __airlock_word in "${__airlock_ws[@]}"; do
    if [[ $__airlock_word == \; ]]; then
      __airlock_after=''
    elif [[ -n $__airlock_after ]]; then
      while [[ $__airlock_word =~ \$\{?([A-Za-z_][A-Za-z0-9_]*) ]]; do
        __airlock_found+=" ${BASH_REMATCH[1]}"
        __airlock_word=${__airlock_word#*"${BASH_REMATCH[0]}"}
      done
    elif [[ ${__airlock_starts[${__airlock_word##*/}]-} == w ]]; then
      __airlock_after=1
    fi
  done
  # The command's own frame's `$_` and parameters (`f() { "$@"; }`), as the trap's action passed
  # them, put in place of their names where bash reads them as whole words ("$@", "$1", "$_"); any
  # other form (unquoted, split on IFS, inside other quotes, `${1%x}`, more than the action passed)
  # cannot be shown, and the command is asked about (__airlock_unseen). Not at Enter, where no
  # trap passed them (the trap judges the line's commands again as they run), nor in a handler,
  # which runs where they are others (a program named by them there is asked about:
  # __airlock_opaque).
  builtin local __airlock_positional='\$(\{[@*0-9_][^}]*\}|[@*0-9]|_([^A-Za-z0-9_]|$))'
  if [[ -z ${__airlock_handler-} && $__airlock_line == *\$* && $__airlock_line =~ $__airlock_positional ]]; then
    builtin local -a __airlock_args
    builtin local __airlock_k=0 __airlock_offset=0 __airlock_i __airlock_all __airlock_bare || builtin return 0
    __airlock_args=()
    while [[ -n ${FUNCNAME[__airlock_k]-} && ${FUNCNAME[__airlock_k]} != __airlock_trap ]]; do
      __airlock_offset=$((__airlock_offset + ${BASH_ARGC[__airlock_k]-0}))
      __airlock_k=$((__airlock_k + 1))
    done
    if [[ -n ${FUNCNAME[__airlock_k]-} ]]; then
      if [[ -n ${BASH_ARGC[__airlock_k]+set} && $__airlock_line != *\'* ]]; then
        for ((__airlock_i = ${BASH_ARGC[__airlock_k]} - 1; __airlock_i >= 0; __airlock_i--)); do
          __airlock_args+=("${BASH_ARGV[__airlock_offset + __airlock_i]}")
        done
        builtin printf -v __airlock_all '%q ' "${__airlock_args[@]:1}"
        (( ${#__airlock_args[@]} <= 32 )) && __airlock_whole '"$@"' "$__airlock_all" && __airlock_whole '"${@}"' "$__airlock_all"
        for ((__airlock_i = 9; __airlock_i >= 0; __airlock_i--)); do
          builtin printf -v __airlock_value '%q' "${__airlock_args[__airlock_i]-}"
          __airlock_name=$__airlock_i
          (( __airlock_i == 0 )) && __airlock_name=_
          __airlock_whole "\"\$$__airlock_name\"" "$__airlock_value"
          __airlock_whole "\"\${$__airlock_name}\"" "$__airlock_value"
        done
      fi
      # What is left, outside single quotes (`awk '{print $1}'`).
      __airlock_bare=$__airlock_line
      while [[ $__airlock_bare =~ ^([^\']*)\'[^\']*\'(.*)$ ]]; do __airlock_bare=${BASH_REMATCH[1]}${BASH_REMATCH[2]}; done
      [[ $__airlock_bare =~ $__airlock_positional ]] && __airlock_unseen=${__airlock_unseen:-'$@'}
    fi
  fi
  # And for a guarded program reached past its shim, the variables its operands name, as the shim
  # would have sent its arguments.
  for __airlock_name in $__airlock_found ${__airlock_every-}; do
    [[ $__airlock_name == _ || " $__airlock_pre" == *" $__airlock_name="* ]] && builtin continue
    if [[ -n ${!__airlock_name+set} ]]; then
      builtin printf -v __airlock_value '%q' "${!__airlock_name}"
      __airlock_pre+="$__airlock_name=$__airlock_value; "
    fi
  done
  # Values too long for a command line are left out: the client then reads the names alone.
  (( ${#__airlock_pre} <= 65536 )) || __airlock_pre=''
  __airlock_line=$__airlock_pre$__airlock_line
}

# The caller's `__airlock_line` with each whole-word $1 (a quoted form, `"$1"`) replaced by $2: a
# blank or separator on each side, outside other double quotes.
__airlock_whole() {
  builtin local __airlock_n=0 __airlock_before __airlock_quotes || builtin return 0
  while [[ $__airlock_line == *"$1"* && $__airlock_line =~ ^(|.*[[:space:]\;\|\&\(])"$1"([[:space:]\;\|\&\)].*|)$ ]] && (( __airlock_n++ < 16 )); do
    __airlock_before=${BASH_REMATCH[1]}
    # A backslash before it could change what the quotes mean (`\\"`): not worked out.
    [[ $__airlock_before == *\\* ]] && builtin return 0
    __airlock_quotes=${__airlock_before//[!\"]/}
    (( ${#__airlock_quotes} % 2 == 0 )) || builtin return 0
    __airlock_line=$__airlock_before$2${BASH_REMATCH[2]}
  done
}

# Enter: the whole line, typed or sent by an agent, before bash runs it. A stopped line is replaced
# by one that prints why and fails, so the agent reading the terminal sees both.
__airlock_readline() {
  if ! __airlock_builtins "$BASHOPTS"; then
    # Nothing the guard would run can be trusted: the line is not run.
    READLINE_LINE='(exit 126)'
    READLINE_POINT=10
  else
    __airlock_line_ok=
    # A line that is only a number has no approval to give: a script can write any variable a number.
    [[ $READLINE_LINE == *[!0-9[:space:]]* ]] || builtin return 0
    # Set by the filter, read when asking (__airlock_past_shim, __airlock_values); named apart from
    # the script's variables, whose values are read by name.
    builtin local __airlock_out __airlock_every='' __airlock_unseen='' __airlock_scan=1 __airlock_dynprog='' || { READLINE_LINE='(exit 126)'; READLINE_POINT=10; builtin return 0; }
    __airlock_suspicious "$READLINE_LINE" || builtin return 0
    if __airlock_out=$(__airlock_ask "$READLINE_LINE"); then
      [[ -n $__airlock_out ]] && builtin export AIRLOCK_LINE_GRANT="$__airlock_out"
      # The trap then judges the line's commands only for tampering, a program run past its shim,
      # or (where no person approved the line) one named only when it runs (__airlock_prompts_own):
      # for the next line number (bash counts it once it runs), with the line in words as bash shows
      # each command. Not when bash will run other text: a history expansion (`!#:1`) or an alias.
      [[ $- == *H* && ( $READLINE_LINE == *!* || $READLINE_LINE == ^* ) ]] && builtin return 0
      builtin local -; builtin set -f
      builtin local __airlock_words __airlock_w IFS=$' \t\n' || builtin return 0
      __airlock_words=$READLINE_LINE
      __airlock_spaced || builtin return 0
      for __airlock_w in "${__airlock_words[@]}"; do
        [[ $__airlock_w != *=* ]] && builtin alias -- "$__airlock_w" >/dev/null 2>&1 && builtin return 0
      done
      __airlock_line_ok=e$((${__airlock_number@P} + 1))
      [[ -n $__airlock_out ]] && __airlock_line_ok=p${__airlock_line_ok#e}
      __airlock_line_ok+=" ${__airlock_words[*]} "
    else
      builtin printf -v READLINE_LINE 'printf "%%s\\n" %q >&2; (exit 126)' "${__airlock_out%$'\n'}"
      READLINE_POINT=${#READLINE_LINE}
    fi
  fi
}


if [[ $- == *i* ]]; then
  for __airlock_map in emacs vi-insert vi-command; do
    builtin bind -m "$__airlock_map" -x '"\C-x\C-q\C-a": __airlock_readline "$_"'
    builtin bind -m "$__airlock_map" '"\C-x\C-q\C-b": accept-line'
    builtin bind -m "$__airlock_map" '"\C-m": "\C-x\C-q\C-a\C-x\C-q\C-b"'
    builtin bind -m "$__airlock_map" '"\C-j": "\C-x\C-q\C-a\C-x\C-q\C-b"'
  done
  builtin unset __airlock_map
fi

# The DEBUG trap: an earlier one (VS Code's shell integration, the user's) runs first, then ours;
# with extdebug a non-zero status skips the command.
# (PROMPT_COMMAND reads it before sourcing this file, where `trap -p` would show none.)
__airlock_previous_trap=${__airlock_trap_before:-$(builtin trap -p DEBUG)}
builtin unset __airlock_trap_before
__airlock_previous_trap=${__airlock_previous_trap#"trap -- '"}
__airlock_previous_trap=${__airlock_previous_trap%"' DEBUG"}
__airlock_previous_trap=${__airlock_previous_trap//"'\\''"/"'"}
if [[ -z $__airlock_previous_trap ]] && (( ${#FUNCNAME[@]} > 0 )); then
  # Inside a function (VS Code's shell integration runs PROMPT_COMMAND from one) `trap -p` shows
  # nothing: take the trap of the integrations that install one (VS Code's chains the user's).
  if builtin declare -F __bp_preexec_invoke_exec >/dev/null; then __airlock_previous_trap='__bp_preexec_invoke_exec "$_"'
  elif builtin declare -F __vsc_preexec_all >/dev/null; then __airlock_previous_trap='__vsc_preexec_all "$_"'
  elif builtin declare -F __vsc_preexec_only >/dev/null; then __airlock_previous_trap='__vsc_preexec_only "$_"'
  fi
fi
# The DEBUG trap's action. It hands the guard the user's `$_` and positional parameters (the
# frame's own: BASH_ARGV does not follow `set --` or `shift`), and its last word sets `$_` back.
builtin declare -gr __airlock_debug='[[ $- != *x* ]] && \__airlock_fast "${BASH_COMMAND,,}" "$_" || { \__airlock_trap "$_" "${@:1:32}" && \builtin : "$__airlock_last"; }'
# What __airlock_handlers makes of each handler a script sets, its signal and its text (quoted)
# between these: `if \airlock_judge_handler "$?" EXIT 'text' "$_"; then \airlock_handler_status
# "$_" && \builtin : "$_"; \builtin eval -- 'text'; fi`. A stopped handler runs nothing (a
# condition's status neither ends a `set -e` script nor runs the ERR handler); a judged one gets
# back the status bash gave it (in a list, whose failure does neither) and its `$_`.
builtin declare -gr __airlock_handler_head='if \airlock_judge_handler "$?" ' __airlock_handler_mid=' "$_"; then \airlock_handler_status "$_" && \builtin : "$_"; \builtin eval -- ' __airlock_handler_tail='; fi'
# The trap's quick way through, tried first: true only for a command __airlock_trap would let
# through unasked and untouched. After a fork (any program the shell starts) every page of memory
# the shell writes costs a fault, and __airlock_trap writes many; this writes two variables. Its
# command ($1, lowercased) is plain words: no quote, expansion, glob or separator, redirections to
# /dev/ aside; it names no guarded program (by any name __airlock_alias knows) but its own program
# when bash runs that through its PATH shim, no wrapper or keyword, no program by path, and no word
# __airlock_check would look into for tampering. No earlier trap is due to run, no handler to
# judge, and the options that carry the trap are on. It runs no builtin (a script can define a function by any builtin's name, which only
# __airlock_trap frees), and its two variables pass only as plain ones it could set (a read-only
# state, or a name reference, would stand still). Its last argument is the user's `$_`, which bash
# sets back from it.
__airlock_fast() {
  # Short, and few patterns, each against the whole line where it can: bash copies a function's
  # body at each call and allocates for each pattern it matches, and after a fork every page those
  # allocations touch costs a fault. What few words need is in __airlock_fast_word.
  # Patterns that fold case (`shopt -s nocasematch`) would take HELM, another program, for helm.
  [[ a != A && $1 != *[!abcdefghijklmnopqrstuvwxyz0123456789\ ./_:=+%,@\>\&-]* && ${IFS-$' \t\n'} == $' \t\n' && -o functrace && ${BASH_ARGC[0]-0} -eq 2 &&
      -z ${__airlock_traps-}${__airlock_broken-} && ( -z ${__airlock_previous_trap-} || ${#FUNCNAME[@]} -gt 1 ) &&
      $1 != @(@(for|select)\ *|*@(__|airlock_|bash[_\ ]|posix|exec|hash|enable|trap|set|shopt|bind|ps0|ps4|zdotdir|prompt_command|env\ |local|declare)*) &&
      ! -R __airlock_fs && ! -R __airlock_fw ]] && __airlock_fs=0 && __airlock_fw= && [[ -z ${__airlock_fs@a}${__airlock_fw@a} ]] && {
    # 0: at the program's position; 1: there after an assignment; 2: at its operands; 3: a
    # redirection's target next; 4: not plain after all.
    for __airlock_fw in $1; do
      # A guarded program or wrapper; a redirection; another name of a guarded program
      # (__airlock_alias: by path, with a version, as .exe); at the program's position, an
      # assignment or a path.
      # (Nothing more once the line is not plain: no `break`, a builtin a script could redefine.)
      (( __airlock_fs == 4 )) || if (( __airlock_fs == 3 )) || [[ -n ${__airlock_progs[$__airlock_fw]-}${__airlock_starts[$__airlock_fw]-} || $__airlock_fw == *[@\>\&]* ||
        $__airlock_fw == @(*.exe|[a-z]*[0-9]*|*/*[a-z]*[0-9]*) || ( $__airlock_fw == */?* && -n ${__airlock_progs[${__airlock_fw##*/}]-} ) ]] ||
        { (( __airlock_fs < 2 )) && [[ $__airlock_fw == *[/=]* ]]; }; then
        __airlock_fast_word "$1"
      elif (( __airlock_fs < 2 )); then
        __airlock_fs=2
      fi
    done
    (( __airlock_fs < 3 ))
  }
}
# __airlock_fast's word (__airlock_fw) of the line $1 that is not a plain operand: the next state.
__airlock_fast_word() {
  if (( __airlock_fs == 3 )); then
    [[ $__airlock_fw == /dev/@(null|stdout|stderr|tty) ]] && __airlock_fs=2 || __airlock_fs=4
  elif [[ -n ${__airlock_progs[$__airlock_fw]-}${__airlock_starts[$__airlock_fw]-} ]]; then
    if (( __airlock_fs == 0 )) && [[ ${BASH_COMMAND%% *} == "$__airlock_fw" && ${__airlock_progs[$__airlock_fw]-} == @(0|1|bare|bare-flags) &&
      ${BASH_CMDS[$__airlock_fw]-} == "$__airlock_shims/$__airlock_fw" && $__airlock_bash_builtins != *" $__airlock_fw "* && -z ${AIRLOCK_LINE_GRANT-} ]]; then
      # The command's own program, guarded (no assignment before it, no other spelling), that bash
      # runs through its shim (hashed there, no builtin of its name): the shim reads its arguments
      # as it starts, as __airlock_program would read them here. Not while a grant is out (one the
      # shim would honour for a command approved earlier).
      __airlock_fs=2
    elif (( __airlock_fs == 0 )) && [[ ${BASH_COMMAND%% *} == "$__airlock_fw" && ${__airlock_progs[$__airlock_fw]-} == 0 && $__airlock_bash_builtins == *" $__airlock_fw "* ]]; then
      # A builtin that needs only the watched words (echo, printf), read as __airlock_program reads
      # them.
      if __airlock_watched " $1 "; then __airlock_fs=4; else __airlock_fs=2; fi
    else
      __airlock_fs=4
    fi
  elif [[ $__airlock_fw == *[\>\&]* ]]; then
    # A redirection: to a file of /dev/ (next) or another stream.
    if [[ $__airlock_fw == ?([012\&])\>?(\>) ]]; then __airlock_fs=3; elif [[ $__airlock_fw != ?([012])\>\&[012] ]]; then __airlock_fs=4; fi
  elif [[ $__airlock_fw == *@(@|.exe)* || ( $__airlock_fw == */?* && -n ${__airlock_progs[${__airlock_fw##*/}]-} ) || ( $__airlock_fw == */* && ${__airlock_fw##*/} == [a-z]*[0-9]* ) ||
    ( $__airlock_fw == [a-z]*[0-9]* && -n ${__airlock_progs[${__airlock_fw%%[0-9]*}]-} ) ]]; then
    # Another name of a guarded program (__airlock_alias: by path, with a version, as .exe).
    __airlock_fs=4
  elif (( __airlock_fs < 2 )); then
    # A program given by path runs a file the engine reads (__airlock_suspicious); an assignment
    # leaves the program's position where it is.
    if [[ $__airlock_fw == [a-z_]*([a-z0-9_])=* ]]; then __airlock_fs=1; elif [[ $__airlock_fw == */* ]]; then __airlock_fs=4; else __airlock_fs=2; fi
  fi
}
__airlock_trap() {
  # A command of the guard's own functions (a handler's judge among them, which the trap follows
  # into as into any function) is let through at once, before anything is traced.
  if [[ -n ${__airlock_own_set[${FUNCNAME[1]-main}]-} ]]; then
    [[ -n run ]]
  elif __airlock_builtins "$BASHOPTS"; then
    # A script's `set -x` traces what it runs, not the guard at work.
    [[ -o xtrace ]] && { builtin local -; builtin set +x; }
    __airlock_last=$1
    # Commands of Airlock's own functions are neither the user's nor the start of a command line:
    # the earlier trap (VS Code's) must not take them for one. First the Enter binding itself, run
    # by readline. Looked up exactly, as below: under `shopt -s nocasematch` the pattern alone
    # would pass `__AIRLOCK_READLINE` too.
    # bash sets READLINE_LINE there, and runs it at the top level.
    [[ $BASH_COMMAND == '__airlock_readline "$_"' && -n ${__airlock_own_set[$BASH_COMMAND]-} && -n ${READLINE_LINE+set} ]] && (( ${#FUNCNAME[@]} == 1 )) && builtin return 0
    (( ${#FUNCNAME[@]} == 1 )) || __airlock_users_frame || builtin return 0
    # Inside a handler of `bash -c` bash shows, for each of its commands, the command that set this
    # trap: the handler was judged as it started (airlock_judge_handler), or is judged now if it
    # runs before the next command could put it behind that (__airlock_handlers).
    if [[ $BASH_COMMAND == 'builtin trap "$__airlock_debug" DEBUG' && -n ${__airlock_own_set[$BASH_COMMAND]-} ]]; then
      [[ $__airlock_traps == "$BASHPID" ]] || builtin return 0
      __airlock_traps=''
      [[ -z $__airlock_traps ]] || { [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
      __airlock_handlers
      builtin return
    fi
    # extdebug makes this trap run inside functions too; the earlier trap ran only for top-level
    # commands, and still does. It runs code that is not the guard's (VS Code's functions, which
    # a script can redefine): `builtin` is freed again after it.
    if [[ -n $__airlock_previous_trap ]] && (( ${#FUNCNAME[@]} == 1 )); then
      # With the user's `$_`, which it may read (VS Code's passes it on), and no alias: one named
      # after a function it calls would run instead.
      builtin local __airlock_aliases='' || builtin return 1
      builtin shopt -q expand_aliases && { __airlock_aliases=1; builtin shopt -u expand_aliases; }
      builtin : "$1"
      builtin eval "$__airlock_previous_trap"
      [[ -n $__airlock_aliases ]] && builtin shopt -s expand_aliases
      __airlock_builtins "$BASHOPTS" && __airlock_check
    else
      __airlock_check
    fi
  else
    # Nothing the guard would run can be trusted: the command is skipped.
    [[ -z skipped ]]
  fi
}

# The trap's judgement of the user's command: 0 runs it.
__airlock_check() {
  # extdebug (a non-zero status skips the command) is turned on here, after start-up: set in a
  # start-up file (BASH_ENV) it would try to load bash's debugger instead.
  builtin shopt -q extdebug || builtin shopt -s extdebug
  # A script's trap inheritance, kept (see `set -T` below); an interactive shell's is extdebug's.
  [[ $- == *[iT]* ]] || builtin set -T
  # A command of an interactive line the Enter binding judged whole (1), or of the user's prompt
  # hooks (strict): judged below only for tampering, a program run past its shim, and one named
  # only when it runs (__airlock_prompts_own).
  builtin local __airlock_judged='' || { [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
  if [[ $- == *i* ]]; then
    __airlock_prompts_own
    case $? in
      0) builtin return 0 ;;
      2) __airlock_judged=1 ;;
      3) __airlock_judged=strict ;;
    esac
  fi
  # Handlers (`trap "$x" ERR`) run where bash still shows another command: once set, before the
  # next command, they are judged by their text and put behind airlock_judge_handler, which judges
  # them again as they run (__airlock_handlers).
  # Only in the process that set them (__airlock_traps holds its BASHPID): a subshell lists its
  # parent's handlers without running them, and setting them there would run them there too.
  if [[ -n ${__airlock_traps-} ]]; then
    if [[ $__airlock_traps == "$BASHPID" ]]; then
      __airlock_traps=''
      [[ -z $__airlock_traps ]] || { [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
      __airlock_handlers || builtin return 1
    else
      __airlock_traps=''
    fi
  fi
  # Only a command holding one of these words, or quotes that could split one (`'tr'ap`), can
  # switch the guard off (__airlock_tampered).
  # One pattern each: bash tries a pattern of alternatives after `*` at every position.
  if [[ $BASH_COMMAND == *__airlock_* || $BASH_COMMAND == *__vsc_* || $BASH_COMMAND == *enable* || $BASH_COMMAND == *trap* || $BASH_COMMAND == *set* ||
    $BASH_COMMAND == *shopt* || $BASH_COMMAND == *PS[04]* || $BASH_COMMAND == *AIRLOCK_* || $BASH_COMMAND == *BASH_* ||
    $BASH_COMMAND == *ZDOTDIR* || $BASH_COMMAND == *PROMPT_COMMAND* || $BASH_COMMAND == *bind* ||
    $BASH_COMMAND == *env[[:space:]]* || $BASH_COMMAND == *[\\\'\"]* || $BASH_COMMAND == *'${!'* || $BASH_COMMAND == @(for|select)[[:space:]]* ||
    $BASH_COMMAND == *bash[[:space:]]* || $BASH_COMMAND == *POSIX* || $BASH_COMMAND == *exec* || $BASH_COMMAND == *hash* ||
    ( $BASH_COMMAND == *-*n* && ( $BASH_COMMAND == *local* || $BASH_COMMAND == *declare* || $BASH_COMMAND == *typeset* ) ) ||
    ( $BASH_COMMAND == *[\$\`]* && ( $BASH_COMMAND == *local* || $BASH_COMMAND == *declare* ||
    $BASH_COMMAND == *typeset* || $BASH_COMMAND == *readonly* || $BASH_COMMAND == *export* || $BASH_COMMAND == *unset* ||
    $BASH_COMMAND == *printf* || $BASH_COMMAND == *read* || $BASH_COMMAND == *mapfile* || $BASH_COMMAND == *getopts* || $BASH_COMMAND == *wait* ) ) ]] && __airlock_tampered; then
    builtin printf 'airlock: stopped %s — it would switch off or fool Airlock'"'"'s terminal gate; ask the user to change Airlock'"'"'s settings instead\n' "$BASH_COMMAND" >&2
    [[ $- == *i* ]] || builtin exit 126
    builtin return 1
  fi
  # Set by the filter, read when asking (__airlock_past_shim, __airlock_values).
  builtin local __airlock_every='' __airlock_unseen='' || { [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
  if [[ -n $__airlock_judged ]]; then
    # Every program of the command is read (__airlock_scan); for the prompt's hooks, whose text no
    # engine read, a guarded program not run through its shim is asked about whatever its operands
    # (__airlock_past_shim).
    builtin local __airlock_scan=$__airlock_judged __airlock_dynprog='' || builtin return 1
    __airlock_suspicious "$BASH_COMMAND"
    # A program past its shim; or, on a line no person approved, one named only now (`$p`, which
    # the engine read without its value).
    [[ -n $__airlock_unseen || ( -n $__airlock_dynprog && ( $__airlock_judged == strict || $__airlock_line_ok != p* ) ) ]] || builtin return 0
  else
    # The trap builtin setting a handler, without a redirection: the handler is judged once set,
    # before the next command, with the values it names (__airlock_handlers), not here by its bare
    # text. Its name looked up
    # exactly (a pattern folds case under nocasematch: TRAP is another program).
    builtin local -A __airlock_trap_builtin || builtin return 1
    __airlock_trap_builtin[trap]=1
    [[ -n ${__airlock_trap_builtin[${BASH_COMMAND%%[[:space:]]*}]-} && -n ${__airlock_traps-} && $BASH_COMMAND != *[\<\>]* ]] && ! builtin declare -F trap >/dev/null && builtin return 0
    __airlock_suspicious "$BASH_COMMAND" || builtin return 0
  fi
  __airlock_judge "$BASH_COMMAND"
}

# True unless the trap runs for a command of the guard's own functions (the Enter binding's, and
# subshells they start).
__airlock_users_frame() {
  builtin local f || builtin return 0
  for f in "${FUNCNAME[@]:2}"; do
    [[ -n ${__airlock_own_set[$f]-} ]] && builtin return 1
  done
  builtin return 0
}

# 0 for the prompt's own work: VS Code's shell-integration functions (known by name, read-only since
# the guard loaded), and the guard's reload from PROMPT_COMMAND (the two commands it adds there, and
# its own file, which only takes an approval away). 3 for what runs the user's PROMPT_COMMAND (its
# functions, read-only since the guard loaded, and VS Code's loop over it, which aliases reach):
# judged for tampering, and for a guarded program not run through its shim or named only now. 2
# for a command of the line the Enter binding judged whole (__airlock_line_ok, for this line's
# number) as the engine read it: at the line's own level, not in a function or a sourced file. 1
# otherwise. None of this rests on state a line could set.
__airlock_prompts_own() {
  # FUNCNAME: this, __airlock_check, __airlock_trap, then the frame the command runs in.
  [[ -n ${__airlock_reload_set[$BASH_COMMAND]-} ]] && builtin return 0
  if [[ -n ${FUNCNAME[3]-} ]]; then
    [[ ${FUNCNAME[3]} == source && ${BASH_SOURCE[3]-} == "$__airlock_dir/guard.bash" ]] && builtin return 0
    # VS Code's functions pass only as bash runs them before a prompt (from PROMPT_COMMAND), not
    # when a line runs one (a line cannot name one, __airlock_tampered).
    case ${__airlock_prompt_set[${FUNCNAME[3]}]-} in
      0) [[ ${FUNCNAME[-1]} == @(__vsc_prompt_cmd|__vsc_prompt_cmd_original|__bp_precmd_invoke_cmd) ]] && builtin return 0 ;;
      3) builtin return 3 ;;
    esac
    builtin return 1
  fi
  if [[ ${__airlock_line_ok%% *} == [ep]"${__airlock_number@P}" ]]; then
    builtin local -; builtin set -f
    builtin local __airlock_words IFS=$' \t\n' || builtin return 1
    __airlock_words=$BASH_COMMAND
    __airlock_spaced || builtin return 1
    # Where the line has a command (its start, or after a separator or keyword), not as operands
    # that a value could turn into one (`echo "${x@P}" tools/dropdb y`).
    [[ $__airlock_line_ok == [ep]+([0-9])" ${__airlock_words[*]} "* || $__airlock_line_ok == *" "[\;\|\&\(\{\!]" ${__airlock_words[*]} "* ||
      $__airlock_line_ok == *" "@(then|do|else|elif|if|while|until|time)" ${__airlock_words[*]} "* ]] && builtin return 2
    builtin return 1
  fi
  # Another line's approval is not this one's.
  [[ -n ${AIRLOCK_LINE_GRANT+set} ]] && builtin unset AIRLOCK_LINE_GRANT
  builtin return 1
}

# The caller's `__airlock_words` (a line, or a command as bash shows it) as words, with blanks
# around separators and redirections (`ls >out;x` and `ls > out` both read `ls > out`), each quoted
# string one word whose blanks and separators read `_`, and no comment: only a command bash will
# run is at a command position. Fails where that cannot be told this simply: `$'…'`, a here-document,
# a command substitution inside double quotes, or a line over 4 KB.
__airlock_spaced() {
  (( ${#__airlock_words} <= 4096 )) || builtin return 1
  builtin local LC_ALL=C __airlock_i __airlock_ch __airlock_quote='' __airlock_out='' || builtin return 1
  for ((__airlock_i = 0; __airlock_i < ${#__airlock_words}; __airlock_i++)); do
    __airlock_ch=${__airlock_words:__airlock_i:1}
    if [[ $__airlock_ch == \\ && $__airlock_quote != \' ]]; then
      __airlock_out+=$__airlock_ch${__airlock_words:__airlock_i+1:1}
      __airlock_i=$((__airlock_i + 1))
      builtin continue
    elif [[ $__airlock_quote == \" && ( $__airlock_ch == \` || ${__airlock_words:__airlock_i:2} == '$(' ) ]]; then
      builtin return 1
    elif [[ -n $__airlock_quote ]]; then
      [[ $__airlock_ch == "$__airlock_quote" ]] && __airlock_quote=''
      [[ $__airlock_ch == [[:space:]\;\|\&\(\)\{\}\!\<\>\#] ]] && __airlock_ch=_
    elif [[ ${__airlock_words:__airlock_i:2} == @(\$\'|\$\"|\<\<) ]]; then
      builtin return 1
    elif [[ $__airlock_ch == [\'\"] ]]; then
      __airlock_quote=$__airlock_ch
    elif [[ $__airlock_ch == \# && ( -z $__airlock_out || $__airlock_out == *[[:space:]\;\|\&\(] ) ]]; then
      # A comment, to the end of its line.
      __airlock_ch=${__airlock_words:__airlock_i}
      [[ $__airlock_ch == *$'\n'* ]] || builtin break
      __airlock_ch=${__airlock_ch%%$'\n'*}
      __airlock_i=$((__airlock_i + ${#__airlock_ch} - 1))
      builtin continue
    elif [[ $__airlock_ch == $'\n' ]]; then
      __airlock_ch=' ; '
    elif [[ $__airlock_ch == [\;\|\&\(\)\<\>] ]]; then
      __airlock_ch=" $__airlock_ch "
    fi
    __airlock_out+=$__airlock_ch
  done
  __airlock_words=($__airlock_out)
}

# True when the caller's declaration (`__airlock_c`) names, through a variable or a positional
# parameter, what the guard reads or carries (BASH_COMMAND, PS4, its own state, the gate's
# variables), or a name it cannot work out (`local "$(f)"=…`). The guard's locals on the way here
# are all named `__airlock_*`: a script's `$c` is read as the script's own.
__airlock_names() {
  builtin local -; builtin set -f
  builtin local __airlock_w __airlock_name __airlock_v __airlock_k=1 __airlock_offset=0 __airlock_words="$__airlock_c" IFS=$' \t\n' || builtin return 0
  # The positional parameters are the frame's own, as the trap's action passed them after `$_`
  # (BASH_ARGV holds each frame's arguments, last first).
  while [[ -n ${FUNCNAME[__airlock_k]-} && ${FUNCNAME[__airlock_k]} != __airlock_trap ]]; do
    __airlock_offset=$((__airlock_offset + ${BASH_ARGC[__airlock_k]-0}))
    __airlock_k=$((__airlock_k + 1))
  done
  # A nameref's target is named after its `=` (`local -n r=$x`).
  [[ $__airlock_words =~ [[:space:]]-[[:alpha:]]*n ]] && __airlock_words+=" ${__airlock_words//=/ }"
  for __airlock_w in ${__airlock_words#*[[:space:]]}; do
    __airlock_name=${__airlock_w%%=*}
    [[ $__airlock_name == *[\$\`]* ]] || builtin continue
    while [[ $__airlock_name =~ ^([A-Za-z0-9_]*)\$(\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9]))(.*)$ ]]; do
      __airlock_v=${BASH_REMATCH[3]}${BASH_REMATCH[4]}
      if [[ $__airlock_v == [0-9]* || $__airlock_v == _ ]]; then
        # The trap's action passed `$_` first, then the frame's first parameters: `$0`, a tenth or
        # later, or any extdebug had not kept yet, cannot be worked out.
        [[ -n ${BASH_ARGC[__airlock_k]+set} ]] || builtin return 0
        if [[ $__airlock_v == _ ]]; then
          __airlock_v=0
        else
          (( __airlock_v >= 1 && __airlock_v <= 9 )) || builtin return 0
        fi
        if (( __airlock_v < ${BASH_ARGC[__airlock_k]} )); then
          __airlock_v=${BASH_ARGV[__airlock_offset + ${BASH_ARGC[__airlock_k]} - 1 - __airlock_v]}
        else
          __airlock_v=''
        fi
      else
        __airlock_v=${!__airlock_v-}
      fi
      __airlock_name=${BASH_REMATCH[1]}$__airlock_v${BASH_REMATCH[5]}
    done
    [[ $__airlock_name == *[!A-Za-z0-9_]* || $__airlock_name == @(BASH_COMMAND|BASH_CMDS|PS0|PS4|POSIXLY_CORRECT|BASH_ENV|ZDOTDIR|PROMPT_COMMAND|READLINE_*|__airlock_*|__vsc_*|AIRLOCK_*) ]] && builtin return 0
  done
  builtin return 1
}

# Commands that would switch the guard off or fool it (the guard's own commands never reach here).
__airlock_tampered() {
  # Quotes and backslashes out (`\trap`, `'trap'`), and the builtins that run another builtin
  # (`command trap - DEBUG`, `builtin shopt -u extdebug`) read as the start of the command.
  builtin local __airlock_c __airlock_start='^[[:space:]]*(([A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*|command|builtin)([[:space:]]+-[[:alpha:]]+)*[[:space:]]+)*' || builtin return 0
  __airlock_c=${BASH_COMMAND//[\\\'\"]/}
  # Any command naming the guard's state or functions: an assignment, `printf -v`, `read`,
  # `builtin declare`, `unset -f`, …
  [[ $__airlock_c == *__airlock_* ]] && builtin return 0
  # VS Code's state and functions (what its prompt work reads, `__vsc_original_PS1`), but in its own.
  [[ $__airlock_c == *__vsc_* && -z ${__airlock_prompt_set[${FUNCNAME[3]:-_}]-} ]] && builtin return 0
  if [[ $__airlock_c == *trap* ]]; then
    __airlock_traps=$BASHPID
    [[ $__airlock_traps == "$BASHPID" ]] || builtin return 0
  fi
  # A declaration whose name is built at run time (`local "$n"=ls`): the name the shell will make.
  [[ $__airlock_c == *[\$\`]* && $__airlock_c =~ ${__airlock_start}(local|declare|typeset|readonly|export|unset|printf[[:space:]]+-v|read|mapfile|readarray)[[:space:]] ]] && __airlock_names && builtin return 0
  # Other ways to set a variable whose name the command does not show: a nameref given no target
  # (`declare -n r; r=$v` names its target in a plain assignment; `declare -n x` takes x's value),
  # a `for` or `select` over a nameref (each word becomes its target), `${!v:=…}`, and getopts or
  # `wait -p` into a name built at run time.
  if [[ $__airlock_c =~ ${__airlock_start}(local|declare|typeset)[[:space:]]+(.*)$ && ${BASH_REMATCH[5]} == *-*n* ]]; then
    builtin local -; builtin set -f
    builtin local __airlock_w __airlock_nameref='' IFS=$' \t\n' || builtin return 0
    for __airlock_w in ${BASH_REMATCH[5]}; do
      if [[ $__airlock_w == [-+]* ]]; then
        [[ $__airlock_w == -*n* ]] && __airlock_nameref=1
      elif [[ -n $__airlock_nameref && $__airlock_w != *=?* ]]; then
        builtin return 0
      fi
    done
  fi
  [[ $__airlock_c =~ ^[[:space:]]*(for|select)[[:space:]]+([A-Za-z_][A-Za-z0-9_]*) && -R ${BASH_REMATCH[2]} ]] && builtin return 0
  [[ $__airlock_c == *'${!'* && $__airlock_c =~ \$\{![A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?:?= ]] && builtin return 0
  [[ $__airlock_c =~ ${__airlock_start}getopts[[:space:]]+[^[:space:]]+[[:space:]]+[^[:space:]]*[\$\`] || $__airlock_c =~ ${__airlock_start}wait[[:space:]](.*[[:space:]])?-[[:alpha:]]*p[[:space:]]*[^[:space:]]*[\$\`] ]] && builtin return 0
  # Readline's keys (`bind '"\C-m": accept-line'` would skip the Enter binding): any `bind` but a
  # listing.
  [[ $__airlock_c == *bind* && $__airlock_c =~ ${__airlock_start}bind([[:space:]]|$) && ! $__airlock_c =~ ${__airlock_start}bind([[:space:]]+-[pPsSvVXl]+)*[[:space:]]*$ ]] && builtin return 0
  # What the guard reads the command from (`f() { local BASH_COMMAND=ls; dropdb x; }`), and a
  # trace prompt that runs code while the guard's own commands are traced (`PS4='$(…)'; set -x`,
  # or `read PS4 < file`, which shows no `$`): named other than to be read.
  [[ $__airlock_c == *BASH_COMMAND* && $__airlock_c =~ (^|[^\${#!])BASH_COMMAND([^[:alnum:]_]|$) ]] && builtin return 0
  [[ $__airlock_c == *PS4* && $__airlock_c =~ (^|[^\${#!])PS4([^[:alnum:]_]|$) ]] && builtin return 0
  # Builtins switched off or replaced (`enable -n shopt`, `enable -f lib.so printf`) would change
  # what the guard's own commands do: any `enable` but a listing.
  [[ $__airlock_c == *enable* && $__airlock_c =~ ${__airlock_start}enable[[:space:]] && ! $__airlock_c =~ ${__airlock_start}enable([[:space:]]+-[aps]+)*[[:space:]]*$ ]] && builtin return 0
  # The options that carry this trap into functions and subshells, switched off however they are
  # written (`set -e +T`, `set +o functrace`, `shopt -qu extdebug`), or named at run time
  # (`set $f`, `shopt $x $y`): before `--`, where `set -- "$@"` sets arguments only.
  if [[ $__airlock_c == *set* && $__airlock_c =~ ${__airlock_start}set([[:space:]]|$) ]]; then
    builtin local __airlock_opts || builtin return 0
    __airlock_opts=${__airlock_c%%' -- '*}
    [[ $__airlock_opts == *[\$\`]* || $__airlock_opts =~ [[:space:]]\+[[:alpha:]]*T || $__airlock_opts =~ [[:space:]]\+[[:alpha:]]*o[[:space:]]+functrace ]] && builtin return 0
  fi
  [[ $__airlock_c == *shopt* && $__airlock_c =~ ${__airlock_start}shopt[[:space:]] && ( $__airlock_c == *[\$\`]* || ( $__airlock_c == *localvar_inherit* && $__airlock_c =~ [[:space:]]-[[:alpha:]]*s ) || ( ( $__airlock_c == *extdebug* || $__airlock_c == *functrace* ) && $__airlock_c =~ [[:space:]]-[[:alpha:]]*u ) ) ]] && builtin return 0
  # The DEBUG trap: only the signals after the action count (`trap 'rm -f "$tmp"' EXIT` leaves it
  # alone); one word alone is a signal to reset (`trap DEBUG`); a signal named at run time, or a
  # line whose action cannot be read, counts as DEBUG.
  # A listing (`trap -p DEBUG`, `trap -l`) sets nothing.
  if [[ $__airlock_c == *trap* && $__airlock_c =~ ${__airlock_start}trap([[:space:]]|$) && ! $__airlock_c =~ ${__airlock_start}trap[[:space:]]+-[lp]([[:space:]]|$) ]]; then
    builtin local __airlock_action='trap[[:space:]]+(--[[:space:]]+)?('"'"'[^'"'"']*'"'"'|"([^"\\]|\\.)*"|[^[:space:]'"'"'"\\]|\\.)+([[:space:]]+(.*))?$' || builtin return 0
    [[ $BASH_COMMAND =~ $__airlock_action ]] || builtin return 0
    builtin local __airlock_signals || builtin return 0
    # Quotes and backslashes out (`"DEB"UG`, `DE\BUG`); a glob or a brace (`D?BUG`, which a file
    # named DEBUG turns into that name) counts as DEBUG.
    __airlock_signals=${BASH_REMATCH[5]:-${BASH_REMATCH[0]}}
    __airlock_signals=${__airlock_signals//[\\\'\"]/}
    # CHLD and RETURN too: their handlers run inside the guard (while it waits for its client, as
    # its own functions return), where no trap judges them.
    [[ ${__airlock_signals^^} == *DEBUG* || ${__airlock_signals^^} == *CHLD* || ${__airlock_signals^^} == *CLD* || ${__airlock_signals^^} == *RETURN* || $__airlock_signals =~ (^|[^0-9])17([^0-9]|$) || $__airlock_signals == *[\$\`*?[{]* ]] && builtin return 0
  fi
  # PS0.
  [[ $__airlock_c == *PS0=* ]] && builtin return 0
  # The variables that carry the gate into commands and new shells: assigned (`export X=…`,
  # `X=… cmd`, `env X=… cmd`) or removed (`unset`, `export -n`, `declare +x`, `env -u`, …).
  if [[ $__airlock_c == *AIRLOCK_* || $__airlock_c == *BASH_ENV* || $__airlock_c == *ZDOTDIR* || $__airlock_c == *PROMPT_COMMAND* ]]; then
    [[ $__airlock_c =~ (^|[[:space:]\;\&\|\(])(AIRLOCK_[[:alnum:]_]+|BASH_ENV|ZDOTDIR|PROMPT_COMMAND)(\[[^]]*\])?\+?= ]] && builtin return 0
    [[ $__airlock_c =~ ${__airlock_start}(unset|export|declare|typeset|readonly|local|printf[[:space:]]+-v|read|mapfile|readarray)[[:space:]] ]] && builtin return 0
    [[ $__airlock_c =~ (^|[[:space:]])(-u[[:space:]]*|--unset[=[:space:]])(AIRLOCK_|BASH_ENV|ZDOTDIR) ]] && builtin return 0
  fi
  # A shell started with an emptied environment runs without the guard, and so does a bash that
  # reads no BASH_ENV: privileged or POSIX mode (`bash -p`, `--posix`, `-o posix`,
  # POSIXLY_CORRECT), interactive on a file (`bash -i job`), or named `sh` (`exec -a sh`).
  [[ $__airlock_c == *env[[:space:]]* && $__airlock_c =~ (^|[[:space:]])env[[:space:]]+(-[[:alnum:]]*i|--ignore-environment)([[:space:]]|$) ]] && builtin return 0
  [[ $__airlock_c == *bash* && $__airlock_c =~ (^|[[:space:]/])bash[[:space:]]+(-[[:alnum:]]+[[:space:]]+)*(-[[:alnum:]]*p[[:alnum:]]*|-[[:alnum:]]*i|--posix|-o[[:space:]]*posix)([[:space:]]|$) ]] && builtin return 0
  [[ $__airlock_c == *POSIXLY_CORRECT* && ( $__airlock_c == *POSIXLY_CORRECT=* || $__airlock_c =~ ${__airlock_start}(export|declare|typeset|readonly|local)[[:space:]] ) ]] && builtin return 0
  [[ $__airlock_c == *exec* && $__airlock_c =~ ${__airlock_start}exec[[:space:]]+(-[[:alpha:]]*[[:space:]]+)*-[[:alpha:]]*a ]] && builtin return 0
  # A program put in bash's table under another name (`hash -p /opt/helm h`) runs past its shim
  # under a name the guard does not watch.
  [[ $__airlock_c == *hash* && $__airlock_c =~ ${__airlock_start}hash[[:space:]]+(-[[:alpha:]]+[[:space:]]+)*-[[:alpha:]]*p ]] && builtin return 0
  builtin return 1
}

# The handlers a script set (EXIT, ERR, a signal's). Bash shows the trap none of a handler's own
# commands (it shows the command that set the guard's trap, the one that failed, or the last one
# run), and a handler may run long after it was set, when what it names has changed (`trap g ERR`,
# then `g() { …; }`). So each is made into one that airlock_judge_handler judges as it runs, with
# the functions it calls as they are then. Handlers found here not made so yet are judged here too,
# as one line: one may be running already (a subshell failed, or the script ended, before any
# command of the script's own could run this). RETURN's and CHLD's run inside the guard's own
# functions: judged each time here.
__airlock_handlers() {
  builtin local __airlock_all __airlock_text='' __airlock_action __airlock_inner __airlock_q __airlock_sig __airlock_sigs __airlock_new='' || builtin return 1
  builtin local -A __airlock_same __airlock_guards || builtin return 1
  __airlock_guards=(["$__airlock_debug"]=1)
  __airlock_sigs=()
  __airlock_all=$(builtin trap -p; builtin echo .)
  # Without the mark at its end, the shell could not start a process for the listing (out of
  # processes or descriptors), and what the handlers are is not known. They are read again before
  # the next command; a script ends here, without its EXIT handler.
  if [[ $__airlock_all != *. ]]; then
    __airlock_traps=$BASHPID
    builtin printf '%s\n' "airlock: cannot read this shell's trap handlers (it could not start a process to list them); stopped here" >&2
    [[ $- == *i* ]] || { builtin trap - EXIT; builtin exit 126; }
    builtin return 1
  fi
  while [[ $__airlock_all =~ trap\ --\ \'(([^\']|\'\\\'\')*)\'\ ([A-Z0-9+-]+) ]]; do
    __airlock_action=${BASH_REMATCH[1]//"'\\''"/"'"}
    __airlock_sig=${BASH_REMATCH[3]}
    __airlock_all=${__airlock_all#*"${BASH_REMATCH[0]}"}
    # The guard's own (looked up exactly: a pattern folds case under `shopt -s nocasematch`).
    [[ -n ${__airlock_guards[$__airlock_action]-} ]] && builtin continue
    # Its own text: what the guard made of it read back, even inside a handler built from that
    # (`trap "$(…trap -p EXIT…); x" EXIT`); one not exactly as the guard makes it is made so now.
    __airlock_inner=$__airlock_action
    __airlock_unwrap
    __airlock_same=(["$__airlock_handler_head$__airlock_sig $__airlock_q$__airlock_handler_mid$__airlock_q$__airlock_handler_tail"]=1)
    if [[ -n ${__airlock_same[$__airlock_inner]-} ]]; then
      builtin :
    elif [[ $__airlock_sig == @(RETURN|CHLD|SIGCHLD) ]]; then
      __airlock_new=1
    elif [[ -n $__airlock_action ]]; then
      builtin trap -- "$__airlock_handler_head$__airlock_sig $__airlock_q$__airlock_handler_mid$__airlock_q$__airlock_handler_tail" "$__airlock_sig" || builtin return 1
      __airlock_new=1
    fi
    __airlock_text+="$__airlock_action"$'\n'
    __airlock_sigs+=("$__airlock_sig")
  done
  [[ -n $__airlock_new ]] || builtin return 0
  __airlock_judge_handlers "${__airlock_sigs[@]}"
}

# The caller's handler text (__airlock_text), handlers of the signals $@, judged: with the bodies
# of the functions it calls, put first (a line's functions are read where they are defined), and
# the values of the variables it names, as they are now (`rm -rf "$tmp"` removes a temporary
# folder; __airlock_values). A stopped one is removed.
__airlock_judge_handlers() {
  builtin local __airlock_all __airlock_own_text __airlock_capped='' __airlock_handler=1 __airlock_every='' __airlock_unseen='' || builtin return 1
  __airlock_own_text=$__airlock_text
  # bash runs this one for any name it does not find.
  builtin declare -F command_not_found_handle >/dev/null 2>&1 && __airlock_text+=$'\n'command_not_found_handle
  __airlock_bodies 64
  [[ -n $__airlock_capped ]] && __airlock_unseen=functions
  __airlock_text=${__airlock_text#"$__airlock_own_text"}$'\n'$__airlock_own_text
  __airlock_opaque
  [[ -n $__airlock_unseen ]] || __airlock_suspicious "$__airlock_text" || builtin return 0
  # (Not bash's own, whose values here are the guard's: LINENO, BASH_COMMAND, FUNCNAME, …)
  __airlock_all=$__airlock_text
  while [[ $__airlock_all =~ \$\{?([A-Za-z_][A-Za-z0-9_]*) ]]; do
    [[ " $__airlock_every " == *" ${BASH_REMATCH[1]} "* || ${BASH_REMATCH[1]} == @(BASH*|LINENO|FUNCNAME|RANDOM|SRANDOM|SECONDS|EPOCH*|PIPESTATUS|__airlock_*) ]] || __airlock_every+=" ${BASH_REMATCH[1]}"
    __airlock_all=${__airlock_all#*"${BASH_REMATCH[0]}"}
  done
  __airlock_judge "$__airlock_text" "$@"
}

# The caller's handler text (__airlock_action) with each handler the guard made of one
# (__airlock_handler_head) read as that one's own text, and __airlock_q set to it quoted. Compared
# as keys: a pattern folds case under `shopt -s nocasematch`.
__airlock_unwrap() {
  builtin local __airlock_rest __airlock_out='' __airlock_after __airlock_whole || builtin return 1
  builtin local -A __airlock_ours || builtin return 1
  __airlock_rest=$__airlock_action
  # (`#` and `%%` match case exactly.)
  __airlock_after=${__airlock_rest#*"$__airlock_handler_head"}
  while (( ${#__airlock_after} < ${#__airlock_rest} )); do
    __airlock_out+=${__airlock_rest%%"$__airlock_handler_head"*}
    __airlock_rest=$__airlock_after
    if [[ $__airlock_rest =~ ^([A-Z0-9+-]+)\ (\'([^\']|\'\\\'\')*\') ]]; then
      __airlock_q=${BASH_REMATCH[2]}
      __airlock_whole="${BASH_REMATCH[1]} $__airlock_q$__airlock_handler_mid$__airlock_q$__airlock_handler_tail"
      __airlock_ours=(["$__airlock_whole"]=1)
      if [[ -n ${__airlock_ours[${__airlock_rest:0:${#__airlock_whole}}]-} ]]; then
        __airlock_q=${__airlock_q:1:${#__airlock_q}-2}
        __airlock_out+=${__airlock_q//"'\\''"/"'"}
        __airlock_rest=${__airlock_rest:${#__airlock_whole}}
        __airlock_after=${__airlock_rest#*"$__airlock_handler_head"}
        builtin continue
      fi
    fi
    __airlock_out+=$__airlock_handler_head
    __airlock_after=${__airlock_rest#*"$__airlock_handler_head"}
  done
  __airlock_action=$__airlock_out$__airlock_rest
  __airlock_q="'${__airlock_action//"'"/"'\\''"}'"
}

# The first command of each handler a script sets (__airlock_handlers), which judges it as it
# runs: $1 is the status bash gave the handler (`$?`); $2 its signal; $3 its text (the same the
# `eval` after this runs); $4 its `$_`, which bash sets back from this call's last argument. True
# when the handler may run; a stopped one ends a script, and runs nothing in an interactive shell.
airlock_judge_handler() {
  if __airlock_builtins "$BASHOPTS"; then
    # The trap is not carried into the guard's own functions called from here (functrace and
    # extdebug carry it), where it would run for each of their commands; both are set back.
    builtin local -
    builtin set +Tx
    builtin shopt -u extdebug
    builtin local __airlock_text || { builtin shopt -s extdebug; [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
    __airlock_text=${3-}
    __airlock_status=${1-}
    if __airlock_judge_handlers "${2-}"; then
      builtin shopt -s extdebug
      builtin return 0
    fi
    builtin shopt -s extdebug
  else
    [[ $- == *i* ]] || builtin exit 126
  fi
  builtin return 1
}

# The status bash gave the handler now running (airlock_judge_handler); $1 is its `$_`. A script
# that changes it changes only what its own handler reads as `$?`.
airlock_handler_status() {
  builtin return "${__airlock_status:-0}"
}

# Sets the caller's __airlock_unseen when its handlers' text (__airlock_text) runs what no text
# shows, or what the tamper check stops on a line of its own (a handler's commands never reach
# it): a file it sources, a string it evaluates, an alias (bash expands one as the handler runs,
# if the handler turns aliases on), a callback, a handler it sets or a trap it removes, the
# guard's state, options or builtins, and a value bash evaluates as code where the handler reads
# it as a name or a number. Read as words where quotes keep theirs whole (__airlock_spaced), or
# else with every separator taken as one and `eval`, `source` and aliases looked for anywhere: at
# worst a person is asked once more.
__airlock_opaque() {
  builtin local -; builtin set -f
  builtin local __airlock_w __airlock_i __airlock_j __airlock_at=1 __airlock_to='' __airlock_crude='' __airlock_words IFS=$' \t\n' || { __airlock_unseen=handler; builtin return 0; }
  if [[ $__airlock_text == *@(__airlock_|__vsc_|AIRLOCK_|BASH_ENV|ZDOTDIR|PROMPT_COMMAND|PS0|PS4|extdebug|functrace)* ]]; then
    __airlock_unseen=guard
    builtin return 0
  fi
  __airlock_words=$__airlock_text
  if ! __airlock_spaced; then
    __airlock_crude=1
    __airlock_w='[;&|(){}!`<>'$'\n'']'
    __airlock_w=${__airlock_text//$__airlock_w/ ; }
    __airlock_words=($__airlock_w)
  fi
  for ((__airlock_i = 0; __airlock_i < ${#__airlock_words[@]}; __airlock_i++)); do
    __airlock_w=${__airlock_words[__airlock_i]//[\\\'\"]/}
    # A command substitution's command, after its backquote.
    [[ $__airlock_w == *\`* ]] && { __airlock_w=${__airlock_w##*\`}; __airlock_at=1; }
    # A redirection (`2>/dev/null eval …`): its target, and the number before it, are no command.
    if [[ -n $__airlock_to ]]; then
      [[ $__airlock_w == @(\<|\>|\&) ]] || __airlock_to=''
      builtin continue
    elif [[ $__airlock_w == @(\<|\>) ]]; then
      __airlock_to=1
      builtin continue
    elif [[ $__airlock_w == +([0-9]) && ${__airlock_words[__airlock_i + 1]-} == @(\<|\>) ]]; then
      builtin continue
    fi
    if [[ $__airlock_w == @(\;|\||\&|\(|\)|\{|\}|\!) ]]; then
      __airlock_at=1
    elif [[ -n $__airlock_at && ${__airlock_words[__airlock_i]} == *[\$\`]* && $__airlock_w != [A-Za-z_]*([A-Za-z0-9_])=* ]]; then
      # A program named at run time: its value can change before the command runs (the handler's
      # own earlier commands may set it).
      __airlock_unseen=${__airlock_words[__airlock_i]}
      builtin return 0
    elif [[ -n $__airlock_at && ${__airlock_starts[${__airlock_w:-_}]-} == w ]]; then
      # A wrapper: its options, their numbers and assignments come before its program.
      for ((__airlock_j = __airlock_i + 1; __airlock_j < ${#__airlock_words[@]}; __airlock_j++)); do
        [[ ${__airlock_words[__airlock_j]} == @(-*|+([0-9.])?([smhd])|[A-Za-z_]*([A-Za-z0-9_])=*) ]] || builtin break
        # An option's value (`-u "$user"`, `-n 5`) is skipped with it, when it is not the program.
        [[ ${__airlock_words[__airlock_j]} == -[a-zA-Z] && ${__airlock_words[__airlock_j + 1]-} != *[\$\`]* && -n ${__airlock_words[__airlock_j + 2]-} ]] && __airlock_j=$((__airlock_j + 1))
      done
      __airlock_i=$((__airlock_j - 1))
    elif [[ -z $__airlock_at ]]; then
      [[ -n $__airlock_crude && ( $__airlock_w == @(eval|source|alias) || ( -n $__airlock_w && -n ${BASH_ALIASES[$__airlock_w]+set} ) ) ]] && { __airlock_unseen=$__airlock_w; builtin return 0; }
    elif [[ $__airlock_w == @(eval|source|.|alias|enable|bind|complete|mapfile|readarray) || ( -n $__airlock_w && -n ${BASH_ALIASES[$__airlock_w]+set} ) ]]; then
      __airlock_unseen=$__airlock_w
      builtin return 0
    elif [[ $__airlock_w == trap ]]; then
      # A listing, or a reset or an ignore (`-`, `''`) of signals named as they are.
      __airlock_j=$((__airlock_i + 1))
      [[ ${__airlock_words[__airlock_j]-} == -- ]] && __airlock_j=$((__airlock_j + 1))
      if [[ ${__airlock_words[__airlock_j]-} != @(-p|-l) ]]; then
        if [[ ${__airlock_words[__airlock_j]-} == @(-|\'\'|\"\") ]]; then
          __airlock_j=$((__airlock_j + 1))
        elif [[ ${__airlock_words[__airlock_j + 1]-} != @(\;|\||\&|\)|) ]]; then
          __airlock_unseen=trap
          builtin return 0
        fi
        for ((; __airlock_j < ${#__airlock_words[@]}; __airlock_j++)); do
          [[ ${__airlock_words[__airlock_j]} == @(\;|\||\&|\)) ]] && builtin break
          [[ ${__airlock_words[__airlock_j]} =~ ^(SIG)?[A-Z][A-Z0-9+-]*$|^[0-9]+$ && ! ${__airlock_words[__airlock_j]} =~ DEBUG|RETURN|CHLD|CLD|^17$ ]] || { __airlock_unseen=trap; builtin return 0; }
        done
      fi
      __airlock_at=''
    elif [[ $__airlock_w != @(if|then|else|elif|while|until|do|time|-p|command|builtin|exec|coproc|[A-Za-z_]*([A-Za-z0-9_])=*|) ]]; then
      __airlock_at=''
    fi
  done
  # Where bash reads a value as a name or a number (`(( x ))`, `${a[x]}`, `${s:x}`, `n=x` for an
  # integer n, `${!x}`, `unset "$x"`, `[[ -v $x ]]`), a value holding `a[$(…)]` runs that command;
  # `${x@P}` runs any command substitution a value holds. No variable may hold one then (bash's
  # own and the guard's aside), and a handler that reads input into variables may not use them so.
  builtin local __airlock_n __airlock_ints='' __airlock_prompt=''
  [[ $__airlock_text == *@P* ]] && __airlock_prompt=1
  for __airlock_n in "${!A@}" "${!B@}" "${!C@}" "${!D@}" "${!E@}" "${!F@}" "${!G@}" "${!H@}" "${!I@}" "${!J@}" "${!K@}" "${!L@}" "${!M@}" "${!N@}" "${!O@}" "${!P@}" "${!Q@}" "${!R@}" "${!S@}" "${!T@}" "${!U@}" "${!V@}" "${!W@}" "${!X@}" "${!Y@}" "${!Z@}" \
    "${!a@}" "${!b@}" "${!c@}" "${!d@}" "${!e@}" "${!f@}" "${!g@}" "${!h@}" "${!i@}" "${!j@}" "${!k@}" "${!l@}" "${!m@}" "${!n@}" "${!o@}" "${!p@}" "${!q@}" "${!r@}" "${!s@}" "${!t@}" "${!u@}" "${!v@}" "${!w@}" "${!x@}" "${!y@}" "${!z@}" "${!_@}"; do
    [[ $__airlock_n == @(BASH*|__airlock_*|__vsc_*|PS1|PS2|PROMPT_COMMAND|_) ]] && builtin continue
    # (bash's own integers are read-only or read no value as a name.)
    [[ ${!__airlock_n@a} == *i* && ${!__airlock_n@a} != *r* && $__airlock_n != @(RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|OPTIND|OPTERR|COLUMNS|LINES) ]] && __airlock_ints=1
    # Every element (`a[*]`, read indirectly).
    __airlock_w=$__airlock_n'[*]'
    [[ ${!__airlock_w} == *\[*@(\$\(|\`)* || ( -n $__airlock_prompt && ${!__airlock_w} == *@(\$\(|\`|\$\{)* ) ]] && { __airlock_unseen=value; builtin return 0; }
  done
  # (`$((…))` is arithmetic, not a command's output.)
  __airlock_w='(^|[^[:alnum:]_])(read|mapfile|readarray|getopts|printf[[:space:]]+-v)[[:space:]]|=["]?(\$\([^(]|`)'
  [[ $__airlock_text =~ $__airlock_w ]] || builtin return 0
  [[ -n $__airlock_ints || -n $__airlock_prompt || $__airlock_text =~ \(\(|\$\[|(^|[^[:alnum:]_])let[[:space:]]|-(eq|ne|lt|le|gt|ge|v)([[:space:]]|$)|\$\{!|\$\{[A-Za-z_][A-Za-z0-9_]*(\[|:)|[A-Za-z_][A-Za-z0-9_]*\[[^]]*\]=|(^|[^[:alnum:]_])(declare|local|typeset|export|readonly|unset|test|wait)[[:space:]] ]] && __airlock_unseen=value
}

# The caller's text (`__airlock_text`) with the body of each function it names appended, and of
# each function those name, up to $1 (64); with $2 (at load), each
# of them is made read-only too, and with `hooks` counted as the work of PROMPT_COMMAND
# (__airlock_prompts_own).
__airlock_bodies() {
  builtin local -; builtin set -f
  builtin local -A __airlock_b_seen || { __airlock_capped=1; builtin return 0; }
  builtin local __airlock_b_words __airlock_b_w __airlock_b_body __airlock_b_i __airlock_b_n=0 __airlock_b_sep IFS=$' \t\n' || { __airlock_capped=1; builtin return 0; }
  # Every word between blanks, separators and quotes: a function may be named by any of them
  # (`f+`, `a.b`).
  __airlock_b_sep=$'[;&|()<>`"\'\\\\\n]'
  __airlock_b_words=(${__airlock_text//$__airlock_b_sep/ })
  for ((__airlock_b_i = 0; __airlock_b_i < ${#__airlock_b_words[@]}; __airlock_b_i++)); do
    __airlock_b_w=${__airlock_b_words[__airlock_b_i]}
    [[ -n ${__airlock_b_seen[$__airlock_b_w]-}${__airlock_own_set[$__airlock_b_w]-} ]] && builtin continue
    __airlock_b_seen[$__airlock_b_w]=1
    builtin declare -F -- "$__airlock_b_w" >/dev/null 2>&1 || builtin continue
    # More than the caller reads: what they run is not all shown (__airlock_judge_handlers).
    (( __airlock_b_n < ${1:-64} )) || { __airlock_capped=1; builtin return 0; }
    __airlock_b_body=$(builtin declare -f -- "$__airlock_b_w")
    # (None when no process could be started for it: not all is shown then.)
    [[ -n $__airlock_b_body ]] || { __airlock_capped=1; builtin return 0; }
    [[ -n ${2-} ]] && builtin declare -fr -- "$__airlock_b_w"
    [[ ${2-} == hooks ]] && __airlock_prompt_set[$__airlock_b_w]=3
    __airlock_text+=$'\n'"$__airlock_b_body"
    __airlock_b_words+=(${__airlock_b_body//$__airlock_b_sep/ })
    __airlock_b_n=$((__airlock_b_n + 1))
  done
}

# A suspicious line ($1), put to the gate client; $2… are the signals whose handlers it is, when it
# is those. Runs when approved (with its grant exported for its shims); otherwise says why, and a
# script or task stops there with the gate's status (a skipped command would leave $? at 0), an
# interactive shell only skips the command.
__airlock_judge() {
  builtin local __airlock_out || { [[ $- == *i* ]] || builtin exit 126; builtin return 1; }
  if __airlock_out=$(__airlock_ask "$1"); then
    [[ -n $__airlock_out ]] && builtin export AIRLOCK_LINE_GRANT="$__airlock_out"
    # What a command runs may set a handler by a name the filter could not read (`$t "$x" ERR`).
    (( $# > 1 )) || __airlock_traps=$BASHPID
    builtin return 0
  fi
  # Stopped handlers are removed first: exiting would run an EXIT handler right here, unjudged.
  (( $# > 1 )) && builtin trap - "${@:2}"
  builtin printf '%s\n' "${__airlock_out%$'\n'}" >&2
  [[ $- == *i* ]] || builtin exit 126
  builtin return 1
}

# The guard's own functions: commands they run are not the user's.
builtin declare -gr __airlock_own='airlock_judge_handler airlock_handler_status __airlock_judge_handlers __airlock_unwrap __airlock_opaque __airlock_builtins __airlock_unposix __airlock_readline __airlock_fast __airlock_fast_word __airlock_trap __airlock_check __airlock_ask __airlock_values __airlock_suspicious __airlock_plain __airlock_alias __airlock_program __airlock_past_shim __airlock_watched __airlock_guard_dir __airlock_users_frame __airlock_prompts_own __airlock_tampered __airlock_names __airlock_handlers __airlock_bodies __airlock_judge __airlock_spaced __airlock_whole'
# Read-only: a function definition runs no DEBUG trap, so `__airlock_suspicious() { return 1; }` in
# a script would otherwise switch the filter off unseen.
builtin declare -fr $__airlock_own
builtin declare -gA __airlock_own_set __airlock_prompt_set
__airlock_own_set=(['builtin trap "$__airlock_debug" DEBUG']=1 ['__airlock_readline "$_"']=1)
for __airlock_v in $__airlock_own; do __airlock_own_set[$__airlock_v]=1; done
# The two commands the gate adds before PROMPT_COMMAND's own (promptCommand in gateFiles.ts): a
# test, and the reload of this file, which only takes an approval away (VS Code's are added below).
# `__airlock_v` keeps the second for the walk below.
builtin declare -gA __airlock_reload_set
__airlock_v="$__airlock_dir/guard.bash"
__airlock_v="\\. '${__airlock_v//"'"/"'\\''"}'"
__airlock_reload_set=(['\[ -n "${__airlock_guard-}" ]']=1 ["$__airlock_v"]=1)
# What runs as the prompt's own work (__airlock_prompts_own) and what the earlier DEBUG trap runs
# (inside this one, where no trap judges anything) is made read-only now, before any line, so a line
# cannot change it (`__vsc_preexec_only() { …; }` would otherwise run unjudged): VS Code's shell
# integration, whose functions are known by name (only those defined by now are its own), with the
# settings it reads once; the functions reached from the earlier trap's text, and from
# PROMPT_COMMAND's (without the gate's own commands), with the variables VS Code's and
# bash-preexec's loops and evals read.
if [[ $- == *i* || -n $__airlock_previous_trap ]]; then
  for __airlock_w in $__airlock_vscode; do
    builtin declare -F -- "$__airlock_w" >/dev/null || builtin continue
    __airlock_prompt_set[$__airlock_w]=0
    builtin declare -fr -- "$__airlock_w"
    # What bash itself runs of it, by exact text: PROMPT_COMMAND, and the marks in PS1 and PS2.
    [[ $__airlock_w == @(__vsc_prompt_cmd|__vsc_prompt_cmd_original|__vsc_prompt_start|__vsc_prompt_end|__vsc_continuation_start|__vsc_continuation_end) ]] && __airlock_reload_set[$__airlock_w]=1
  done
  # VS Code runs the user's PROMPT_COMMAND from this one.
  [[ -n ${__airlock_prompt_set[__vsc_prompt_cmd_original]-} ]] && __airlock_prompt_set[__vsc_prompt_cmd_original]=3
  for __airlock_w in __vsc_stable __vsc_nonce __vsc_is_windows __vsc_history_verify use_associative_array envVarsToReport __vsc_dbg_trap; do
    (( ${#__airlock_prompt_set[@]} )) && [[ -n ${!__airlock_w+set} ]] && builtin declare -gr "$__airlock_w"
  done
  __airlock_text=''
  [[ $__airlock_previous_trap == __vsc_preexec_@(all|only)' "$_"' ]] || __airlock_text+=" $__airlock_previous_trap"
  [[ -n ${__vsc_dbg_trap-} ]] && __airlock_text+=" $__vsc_dbg_trap"
  [[ $__airlock_previous_trap == *__bp_preexec_invoke_exec* ]] && { __airlock_text+=" ${preexec_functions[*]-}"; builtin declare -gr preexec_functions; }
  __airlock_bodies 256 pin
  if [[ $- == *i* ]]; then
    if [[ -n ${__vsc_original_prompt_command[*]-} ]]; then
      __airlock_text=${__vsc_original_prompt_command[*]}
      builtin declare -gr __vsc_original_prompt_command
    else
      __airlock_text=${PROMPT_COMMAND[*]-}
    fi
    __airlock_text=${__airlock_text/"\\[ -n \"\${__airlock_guard-}\" ] || __airlock_trap_before=\$(\\trap -p DEBUG); $__airlock_v; "/}
    __airlock_bodies 256 hooks
  fi
  builtin unset __airlock_text __airlock_capped
fi
builtin unset __airlock_v __airlock_w
# Where children shells find the guard: a script could otherwise write it a number
# (`y=BASH_ENV=0; (( y ))`), which no text shows.
[[ -n ${BASH_ENV-} ]] && builtin declare -gr BASH_ENV
[[ -n ${ZDOTDIR-} ]] && builtin declare -gr ZDOTDIR
# Read-only too, the tables and what the guard was started with: a script can assign through a
# name the guard never sees (`declare -n r=$v`), and a planted folder or earlier trap would be
# sourced or run by the guard itself. Global (-g) everywhere here: VS Code runs PROMPT_COMMAND, and
# so this file, inside a function, where `declare` alone would make a local of each name.
builtin declare -gr __airlock_dir __airlock_progs __airlock_starts __airlock_hidden __airlock_hidden_re __airlock_bash_builtins __airlock_vscode __airlock_previous_trap __airlock_own_set __airlock_prompt_set __airlock_reload_set
[[ -n ${__airlock_broken-} ]] && builtin declare -gr __airlock_broken
# A script's trap is inherited by functions, subshells and command substitutions from its first
# command on (that command may be a subshell, which runs no trap of its own): `set -T` is safe
# here, where extdebug would try to load bash's debugger. An interactive shell loads this from
# PROMPT_COMMAND, whose own functions must not meet the trap; its Enter binding reads each line
# whole before anything of it runs.
[[ $- == *i* ]] || builtin set -T
# Handlers set before this (by the user's BASH_ENV, or an interactive shell's start-up files) are
# judged and made into the guard's at the first command; a script brings none (bash resets them).
[[ $- == *i* || -n ${AIRLOCK_USER_BASH_ENV-} ]] && __airlock_traps=$BASHPID
builtin trap "$__airlock_debug" DEBUG
