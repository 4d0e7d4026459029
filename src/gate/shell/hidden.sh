# Airlock's terminal gate: the ways a command line can hide a program's name from a word-by-word
# reading (the engine's prefilter, src/core/prefilter.ts, in POSIX ERE). Sourced by guard.bash and
# guard.zsh; Airlock copies this file into its storage.
__airlock_hidden=(
  "\\\$'"                        # ANSI-C quoting: $'\x72m'
  # $var, $(…) or `…` anywhere in the program word (/bin/$x), after up to a few assignments
  # (elsewhere their words are read like the rest of the line, and what they run meets the DEBUG
  # trap as it runs). A newline separates commands too. Unbounded (`*`, where the engine's
  # prefilter bounds the run at 256): it matches more, and glibc compiles `{0,256}` in about 6 ms
  # against 0.4 ms, on every command that holds a `$`.
  '(^|[;&|({!'$'\n'']|(then|do|else)[[:space:]])[[:space:]]*([A-Za-z_][A-Za-z0-9_]*=[^[:space:];&|({!]*[[:space:]]+)*[^[:space:];&|(){}<>="'"'"'$`]*["'"'"']?[$`]'
  '(^|[;&|({!'$'\n''])[[:space:]]*[0-9]*>' # a bare `> file`, which empties it
  '(^|[^<])<[^<(&]'              # `< file`: any command can be fed a secret file
  '(^|[;&|({!'$'\n''])[[:space:]]*[^[:space:];&|(){}<>]*[*?[]' # a glob in program position: /bin/r[m]
  '\{[^{}[:space:]]*(,|\.\.)[^{}[:space:]]*\}'          # brace expansion: r{m,}
  $'\\\\\n'                      # a line continuation inside a word
  # a shell function: what it runs is called by a name of the line's own
  '(^|[;&|({!'$'\n''])[[:space:]]*(function[[:space:]]+)?[[:alnum:]_:.@+-]{1,64}[[:space:]]*\([[:space:]]*\)'
  '(^|[;&|({!'$'\n''])[[:space:]]*function[[:space:]]+[[:alnum:]_:.@+-]'
  # overwriting a system file, a dotfile, a database or a secret file
  '>\|?[[:space:]]*["'"'"']?(/etc/|/usr/|/boot/|/bin/|/sbin/|/lib|/proc/|/var/log/|/dev/|~/\.|\$HOME/\.|\$\{HOME\}/\.|[^[:space:];&|<>]*\.(db|sqlite3?|pem|key|env)([^[:alnum:]_]|$))'
)
