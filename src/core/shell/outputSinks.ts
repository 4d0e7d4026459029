// Where a command's output ends up, for the rules whose harm is a value printed into the agent's
// context: `gh auth token | wc -c` and `export $(grep -v '^#' .env | xargs)` print no value.

/**
 * Filters that write what they read to their output and nothing to stderr or elsewhere, changed
 * or not: a count taken after them is still only a count. (awk, sed, jq and the interpreters can
 * write to stderr or a file, so they are not among them.)
 */
const PURE_FILTERS: ReadonlySet<string> = new Set(['cat', 'tac', 'base64', 'base32', 'basenc', 'xxd', 'od', 'hexdump', 'rev', 'tr', 'sort', 'uniq', 'head', 'tail',
  'fold', 'fmt', 'nl', 'column', 'gzip', 'bzip2', 'xz', 'zstd', 'lz4', 'iconv', 'paste', 'strings', 'cut', 'pr', 'expand', 'unexpand']);

/** Programs that print only a count or a digest of what they read, never the text. */
const COUNTERS: ReadonlySet<string> = new Set(['wc', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shasum', 'b2sum', 'b3sum', 'cksum', 'sum', 'measure-object', 'measure']);

const GREPS: ReadonlySet<string> = new Set(['grep', 'egrep', 'fgrep', 'rg']);
/** grep's options after which it prints whether, or how many, never the lines (`-o`, `-f` and the like keep it printing). */
const GREP_QUIET = /^(?:-[a-zA-Z]*[qc][a-zA-Z]*|--quiet|--silent|--count)$/;

/** The program of a stage written as words, past `sudo`/`command` and a path. */
function programOf(words: readonly string[]): { readonly program: string; readonly rest: readonly string[] } {
  let i = 0;
  while (i < words.length - 1 && /^(?:sudo|command|nice|nohup|time)$/.test(words[i] ?? '')) i++;
  return { program: (words[i] ?? '').replace(/^.*\//, '').toLowerCase(), rest: words.slice(i + 1) };
}

/**
 * Whether the output fed into these later stages of a pipeline (each as its words) reaches no one:
 * a counter takes it, after only filters that pass it on; `endsHidden` says where the last stage's
 * own output goes. Any other program may print what it reads (`| grep TOKEN`), so it ends the search.
 */
export function hiddenByStages(stages: readonly (readonly string[])[], endsHidden: boolean): boolean {
  for (const words of stages) {
    const { program, rest } = programOf(words);
    // `wc --files0-from=-` reads its input as file names, and names each one it cannot open.
    if (COUNTERS.has(program)) return !rest.some((w) => w.startsWith('--files0'));
    if (GREPS.has(program)) {
      // `-f FILE` reads patterns and `-o` prints parts; otherwise grep passes the lines it keeps on (`grep -v '^#'`).
      if (rest.some((w) => /^-[a-zA-Z]*[of]|^--(?:only-matching|file)/.test(w))) return false;
      if (rest.some((w) => GREP_QUIET.test(w))) return true;
      continue;
    }
    // `xargs` with no command of its own runs `echo`: the words go on to its output.
    const echoes = program === 'xargs' && rest.every((w, i) => w.startsWith('-') || /^\d+$/.test(w) || /^-[dEnLsP]$/.test(rest[i - 1] ?? ''));
    if (!PURE_FILTERS.has(program) && !echoes) return false;
  }
  return endsHidden;
}

/**
 * Where a command's redirects (as written, in order) leave its stdout: on /dev/null (`>/dev/null
 * 2>&1`) or elsewhere (`>/dev/null 1>&2`, `> out.txt`); undefined when none of them moves it
 * (`2>/dev/null`), so it goes where the enclosing command's does.
 */
export function stdoutDiscarded(redirects: readonly string[]): boolean | undefined {
  let discarded: boolean | undefined;
  for (const r of redirects) {
    const m = /^(1|&)?>[|]?\s*(.*)$/s.exec(r.trim());
    if (!m) continue;
    const target = (m[2] ?? '').trim();
    discarded = target === '/dev/null' || (target === '&-' && m[1] !== '&');
  }
  return discarded;
}

/** Programs that can write what they read somewhere of their own choosing (`awk '{print > "/dev/stderr"}'`, `sed 'w …'`). */
const SCRIPTED = new Set(['awk', 'gawk', 'mawk', 'nawk', 'sed', 'gsed', 'vim', 'vi', 'nvim', 'ex', 'ed', 'perl', 'python', 'python3', 'node', 'ruby', 'php',
  'jq', 'yq', 'bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'pwsh', 'openssl', 'tee', 'xargs', 'security']);
const OTHER_OUTPUT = /\/dev\/(?:stderr|tty|fd\/\d)|\/proc\/(?:self|\d+)\/fd\//;

/**
 * Whether a command whose stdout reaches no one prints nothing elsewhere either: not a scripted
 * program, naming no other output (`-out /dev/stderr`), and not a tool that shows the secret on
 * stderr (`gh auth status -t`).
 */
export function printsOnlyToStdout(program: string, args: readonly string[]): boolean {
  if (SCRIPTED.has(program) || args.some((a) => OTHER_OUTPUT.test(a))) return false;
  return !(program === 'gh' && args.includes('status'));
}
