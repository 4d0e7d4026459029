// The keyword prefilter: a line that names no guarded program, hides no program name (expansions,
// globs, braces, continuations) and has no redirect a rule reads cannot match any rule, so it is
// allowed without parsing. The keywords come from the rule data itself; a test runs every corpus
// line and rule example through an engine without the prefilter to check it never clears a flag.

import { normaliseProgram } from './shell/command';

/** Control characters can hide what a line does on a terminal: such a line is always read in full. */
export const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Programs that decode text into commands the line does not show (`base64 -d | sh`). */
export const DECODERS: readonly string[] = ['base64', 'xxd', 'openssl', 'uudecode'];

export interface Prefilter {
  /** True when the line might match a rule and must be parsed. */
  mightMatch(line: string): boolean;
}

/** Ways a program name can be hidden from a plain reading of the text. */
const HIDDEN_NAME = [
  /\$'/, // ANSI-C quoting: $'\x72m'
  /`/, // backticks
  /\$\(/, // command substitution
  // $var, $(…) or `…` anywhere in the program word: /bin/$x (bounded runs of assignments and of
  // word characters keep this linear on hostile lines)
  /(?:^|[;&|({!\n]|\b(?:then|do|else)\b)\s*(?:[A-Za-z_][A-Za-z0-9_]*=[^\s;&|({!]*\s+){0,8}[^\s;&|(){}<>='"$`]{0,256}["']?[$`]/,
  /(?:^|[;&|({!\n])\s*\d*>/, // a bare `> file`, which truncates it
  /(?:^|[^<])<(?![<(&])\s*[^\s<>|&;]/, // `< file`: any command can be fed a secret file
  /(?:^|[;&|({!\n])\s*[^\s;&|(){}<>]*[*?[]/, // a glob in program position: /bin/r[m]
  /\{[^{}\s]*(?:,|\.\.)[^{}\s]*\}/, // brace expansion: r{m,}
  /\\\r?\n/, // a line continuation inside a word: r\⏎m
  // A shell function: what it runs is called by a name of the line's own (`nuke() { …; }; nuke`).
  /(?:^|[;&|({!\n])\s*(?:function\s+)?[\w:.@+-]{1,64}\s*\(\s*\)|(?:^|[;&|({!\n])\s*function\s+[\w:.@+-]/,
  />\|?\s*["']?(?:\/etc\/|\/usr\/|\/boot\/|\/bin\/|\/sbin\/|\/lib|\/proc\/|\/var\/log\/|\/dev\/(?!null|stdout|stderr|tty)|~\/\.|\$HOME\/\.|\$\{HOME\}\/\.|[^\s;&|<>]*\.(?:db|sqlite3?|pem|key)\b|[^\s;&|<>]*\.env\b)/, // overwriting a system, dotfile, database or secret file
];

/**
 * A program given by path (`./cleanup.sh`, `scripts/wipe`, `/tmp/x.sh`): the file's content is
 * what runs. The system's own folders are left out: their programs are read by name.
 */
const PATH_PROGRAM = /(?:^|[;&|({!\n]|\b(?:if|elif|while|until|then|do|else|exec|sudo|nohup|time|command)\s)\s*(?:[A-Za-z_][A-Za-z0-9_]*=[^\s;&|({!]*\s+){0,8}(?!\/(?:usr|bin|sbin|lib|lib64|opt|etc|nix|snap|dev|proc)\/)[^\s;&|(){}<>='"$`]{0,256}\//;

/** A variable that carries the terminal gate, named anywhere (`BASH_ENV=`, `unset ZDOTDIR`): the engine reads what the line does to it. */
const GATE_VARIABLE_NAME = /\b(?:AIRLOCK_[A-Z0-9_]+|BASH_ENV|ZDOTDIR|PROMPT_COMMAND)\b|(?:^|[\s;&|(])PATH=/;

/** A character every HIDDEN_NAME pattern needs: without one, none of them can match (and none is compiled). */
const HIDING_CHARACTER = /[$`<>*?[{\\]/;

/** A token that may be a program name: what lies between the separators of a line. */
const TOKEN = /[A-Za-z0-9_.@/:+-]+/g;

export function createPrefilter(programs: Iterable<string>): Prefilter {
  const names: ReadonlySet<string> = new Set([...programs].map((p) => p.toLowerCase()));
  return {
    mightMatch(line) {
      // Most lines that reach the engine name a guarded program, often as their first word: the
      // names are looked for first, and the patterns only for lines that name none.
      // Quotes and backslashes inside a word do not stop bash from running it: r''m, \rm, "rm".
      // Each token is read as the expander reads a program word (`/usr/bin/Git.exe` → git); most
      // tokens are no program, so the expander's cache of program words is left out of it.
      // Read one token at a time: a line that names one early is not split to its end.
      const text = line.replace(/['"\\]/g, '');
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
        const token = m[0];
        if (names.has(token.toLowerCase()) || names.has(normaliseProgram(token))) return true;
      }
      if (HIDING_CHARACTER.test(line) && HIDDEN_NAME.some((re) => re.test(line))) return true;
      // Quotes do not stop bash from running a path: `"./x.sh"`, `'scripts/wipe'`.
      if (line.includes('/') && (PATH_PROGRAM.test(line) || PATH_PROGRAM.test(line.replace(/['"\\]/g, '')))) return true;
      return GATE_VARIABLE_NAME.test(line);
    },
  };
}
