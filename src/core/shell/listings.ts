// Listings: commands whose output is names or ids the line cannot choose (`git branch`, `lsof -t`,
// `pwd`), so a word made of one is no flag or subcommand the line hides (see runtimeArguments.ts).
// Each lister is data with a line it reads; options and filters that print chosen text are refused.

/**
 * What a listing prints: ids (digits, hashes) no line chooses, names of things that exist that are
 * never flags, or paths of files, which may be (`git ls-files` prints a tracked `--force` as is).
 */
export type Listing = 'ids' | 'names' | 'paths';

/** A listing's first command, as data: what it prints, the shape it must have, and a line it reads. */
interface Lister {
  readonly prints: Listing;
  readonly shape: RegExp;
  readonly example: string;
  /**
   * Parts a filter cuts from its lines (`sed 's/origin\///'`, `cut -d/ -f2`) are names too: git's
   * refs and kubectl's names begin no part with `-`. Any other listing cut may be a chosen part
   * (`touch a--force; find . | cut -d- -f2-` prints `-force`).
   */
  readonly cuts?: true;
}

/** Formats that print only hashes (`git log --format=%H`) or ref names (`git branch --format='%(refname:short)'`). */
const HASH_FORMAT = String.raw`(?:--format=|--pretty=(?:format:|tformat:)?)(?:'%[Hh]'|"%[Hh]"|%[Hh])(?=\s|$)`;
const REF_FORMAT = String.raw`--format=(?:'%\(refname(?::short|:lstrip=\d+)?\)'|"%\(refname(?::short|:lstrip=\d+)?\)"|%\(refname(?::short|:lstrip=\d+)?\))(?=\s|$)`;

/** An operand that is no option, quoted or not (`main`, `origin/main`, `"$0"`). */
const OPERAND = String.raw`(?:'(?!-)[^']*'|"(?!-)[^"]*"|[^\s'"-]\S*)`;
/**
 * A revision `git rev-parse` cannot print back as a flag, refspec or subcommand (it echoes an
 * argument it does not know): `HEAD~1`, `@{u}`, `origin/main`.
 */
const REVISION = String.raw`(?:(?:HEAD|@)(?:[~^]\d*|\{\w+\})*|[A-Za-z0-9_][\w.-]*\/[\w./-]+)`;

/**
 * Listers whose options cannot make them print chosen text (no `--format`, `-printf`, `-d SEP`,
 * `--sq-quote`): `kill $(lsof -ti:3000)`, `for b in $(git branch --merged)`. Git's refs never begin
 * with `-` (they may with `+`: a branch named `+main` the line itself made would read as a force push).
 */
export const LISTERS: readonly Lister[] = [
  { prints: 'ids', shape: /^lsof(?=.*\s-[A-Za-z]*t)(?:\s+-[A-Za-z]+(?::\S+)?|\s+[^\s-]\S*)*$/, example: 'lsof -ti :3000' },
  { prints: 'ids', shape: new RegExp(String.raw`^git\s+log(?=.*\s${HASH_FORMAT})(?:\s+(?:${HASH_FORMAT}|-n\s*\d+|-\d+|--max-count=\d+|--no-merges|--reverse|--first-parent|--(?:before|after|since|until)=(?:"[^"]*"|'[^']*'|\S+))|\s+(?:${REVISION}|[\w./-]+\.\.\.?[\w./-]+|[A-Za-z0-9_][\w.-]*))*(?:\s+--(?:\s+${OPERAND})*)?$`), example: 'git log -1 --pretty=%H -- src/app.ts' },
  // `date +%s`, `date -u +%Y%m%d`: no text of the line's choosing.
  // Conversions only, no literal text, no newline or tab (which split words) and no zone name (`TZ` may be chosen).
  { prints: 'ids', shape: /^date(?:\s+-u)?(?:\s+['"]?\+%[a-mo-su-zA-Y](?:[-_:./T]?%[a-mo-su-zA-Y])*['"]?)?$/, example: 'date +%Y-%m-%d' },
  { prints: 'ids', shape: new RegExp(String.raw`^pgrep(?:\s+-[fxnoi]+|\s+-[uUPgGt]\s*\S+)*\s+${OPERAND}$`), example: 'pgrep -f vite' },
  { prints: 'ids', shape: /^pidof(?:\s+-[sxzq]+)*(?:\s+[^\s-]\S*)+$/, example: 'pidof node' },
  { prints: 'ids', shape: /^(?:jobs\s+-p|nproc|id\s+-[ug])$/, example: 'jobs -p' },
  { prints: 'ids', shape: /^docker\s+(?:ps|images)(?=.*\s-[a-z]*q)(?:\s+-[a-z]+|\s+(?:-f|--filter)[=\s]?\S+)*$/, example: 'docker ps -aq -f status=exited' },
  { prints: 'ids', shape: new RegExp(String.raw`^git\s+rev-parse(?:\s+(?:--short(?:=\d+)?|--verify|-q|--quiet))*\s+${REVISION}$`), example: 'git rev-parse HEAD' },
  { prints: 'ids', shape: new RegExp(String.raw`^git\s+rev-list(?:\s+(?:-n\s*\d+|-\d+|--max-count=\d+|--count|--tags|--all|--branches|--no-merges|--merges|--reverse|--first-parent|--(?:before|after|since|until)=(?:"[^"]*"|'[^']*'|\S+))|\s+\^?(?:${REVISION}|[\w./-]+\.\.\.?[\w./-]+|[A-Za-z0-9_][\w.-]*))*$`), example: 'git rev-list --count HEAD ^main' },
  { prints: 'ids', shape: new RegExp(String.raw`^git\s+merge-base(?:\s+${OPERAND}){2,}$`), example: 'git merge-base main HEAD' },
  { prints: 'names', cuts: true, shape: new RegExp(String.raw`^git\s+branch(?:\s+(?:--merged|--no-merged|--show-current|-r|-a|--remotes|--all|--list|${REF_FORMAT}))*(?:\s+${OPERAND})?$`), example: "git branch --format='%(refname:short)' --merged main" },
  { prints: 'names', cuts: true, shape: new RegExp(String.raw`^git\s+tag(?:\s+(?:-l|--list|--points-at[=\s]\S+|--merged(?:[=\s][^\s-]\S*)?|--sort=\S+|--contains[=\s]\S+))*(?:\s+${OPERAND})?$`), example: 'git tag --points-at HEAD' },
  { prints: 'names', cuts: true, shape: new RegExp(String.raw`^git\s+(?:symbolic-ref\s+--short\s+HEAD|rev-parse\s+(?:--abbrev-ref\s+${REVISION}|--show-toplevel|--git-dir)|describe(?:\s+(?:--tags|--abbrev=\d+|--always|--exact-match))*(?:\s+${OPERAND})?)$`), example: 'git describe --tags --abbrev=0' },
  { prints: 'paths', shape: new RegExp(String.raw`^git\s+(?:ls-files(?:\s+-[mdoz]+|\s+--(?:modified|deleted|others|exclude-standard))*(?:\s+${OPERAND})*|diff(?=.*\s--name-(?:only|status)\b)(?:\s+--(?:name-only|name-status|cached|staged|diff-filter=\w+)|\s+[^\s-]\S*)*)$`), example: "git ls-files '*.py'" },
  // Files holding a match (`grep -rl oldName src | xargs sed -i …`).
  { prints: 'paths', shape: new RegExp(String.raw`^(?:git\s+grep|grep|rg)(?=\s+-[A-Za-z]*l)(?:\s+-[A-Za-z]+)*(?:\s+${OPERAND})+$`), example: 'grep -rl oldName src' },
  { prints: 'names', shape: /^(?:mktemp(?:\s+-[dqu]+)*|(?:npm|pnpm|yarn)\s+(?:bin|prefix|root)(?:\s+-g)?|pwd|hostname|whoami|uname(?:\s+-[a-z]+)?|(?:command\s+-v|which)\s+[\w.-]+|dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\})"?)$/, example: 'mktemp -d' },
  // Paths under a root the line shows (`./x`), never flags: not the root itself chosen by a glob.
  { prints: 'names', shape: /^find\s+[^\s-*?[]\S*(?:\s+[^\s*?[]\S*|\s+'[^']*'|\s+"[^"]*")*$/, example: 'find . -name "*.pyc"' },
  // Files a glob with a suffix matches (`ls *.log`): they end in it, so no flag or subcommand a rule reads.
  { prints: 'names', shape: /^ls(?:\s+-[1t]+)*(?:\s+[\w./-]*\*[\w.-]*\.\w+)+$/, example: 'ls *.log' },
  { prints: 'names', cuts: true, shape: /^kubectl\s+get(?=.*\s-o\s*name\b)(?!(?:.*\s(?:-o|--output)){2})(?:\s+\S+)*$/, example: 'kubectl get pods -l app=api -o name' },
  // A pid file by its name (`server.pid`, `.server_pid`, `"$PIDFILE"`): its contents are a process id.
  { prints: 'names', shape: /^cat\s+"?(?:[\w./-]*[._][pP][iI][dD]|\$\{?\w*PID_?FILE\}?)"?$/, example: 'cat "$PIDFILE"' },
];

/** Options that make any of them print chosen text or read another command's output. */
const PRINTS_TEXT = new RegExp(String.raw`\s(?:-exec|-execdir|-ok|-okdir|-printf|-fprintf|-fprint|-fls|-F|(?!${HASH_FORMAT}|${REF_FORMAT})(?:--format|--pretty)\S*|--oneline|--sq\S*|--line-prefix\S*|--(?:src|dst)-prefix\S*|--output\S*|--)(?:\s|=|$)`);

/** Later stages that keep whole lines of a listing, reading only the pipe: they pick, order or trim them. */
const SELECTING_FILTERS: readonly RegExp[] = [
  new RegExp(String.raw`^(?:e|f)?grep(?:\s+-[viEFwx]+)*(?:\s+-e)?\s+${OPERAND}$`),
  /^(?:head|tail)(?:\s+-n\s*\d+|\s+-\d+)?$/,
  /^sort(?:\s+-[runV]+|\s+-[kt]\s*\S+)*$/,
  /^uniq$/,
  // Trims blanks (`tr -d '\n'`), never letters that would leave a chosen part.
  /^tr\s+-d\s+(?:'(?:\\[nrt]|\[:space:\]| )+'|"(?:\\[nrt]|\[:space:\]| )+")$/,
  /^xargs$/,
];

/** Later stages that cut parts of a listing's lines (`cut -d/ -f2`, `awk '{print $1}'`, `sed 's/^..//'`), writing no text of their own. */
const CUTTING_FILTERS: readonly RegExp[] = [
  /^cut(?:\s+-[df]\s*(?:'[^']*'|"[^"]*"|\S+))+$/,
  /^awk\s+(?:-F\s*\S+\s+)?'\{\s*print\s+\$\d+\s*\}'$/,
  /^sed\s+(?:-[eE]\s+)*(?:'s([/|#])(?:[^'\\/|#]|\\[^'])*\1\1g?'|"s([/|#])(?:[^"\\/|#$`]|\\[^"$`])*\2\2g?")$/,
];

/** A pipeline's stages, split at `|` outside quotes (`grep -Ev "(main|master)"` is one). */
function pipelineStages(text: string): string[] {
  const stages: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '|') { stages.push(text.slice(from, i).trim()); from = i + 1; }
  }
  stages.push(text.slice(from).trim());
  return stages;
}

/** Programs a listing may start with: a cheap test before the listers' shapes are read. */
const LISTING_PROGRAMS = /^\s*(?:\$\(|`)?\s*(?:git|ls|find|lsof|pgrep|pidof|jobs|nproc|id|docker|date|mktemp|npm|pnpm|yarn|pwd|hostname|whoami|uname|command|which|dirname|kubectl|cat|e?grep|fgrep|rg|ps|cd)(?:\s|\)|`|$)/;

/** True when a command or substitution may be a listing (see `listingOf`). */
export function mayList(text: string): boolean {
  return LISTING_PROGRAMS.test(text);
}

/**
 * What a command (`git branch --merged | grep -v main`) or a substitution of one (`$(pwd)`)
 * prints, when it is a listing; one pipeline whose arguments may name a variable, not another
 * substitution (the output of `basename "$(cat f)"` is what the file holds).
 */
export function listingOf(text: string): Listing | undefined {
  if (!mayList(text)) return undefined;
  let inner = (/^\$\((.*)\)$/s.exec(text)?.[1] ?? /^`(.*)`$/s.exec(text)?.[1] ?? text).replace(/\s2>\s*\/dev\/null/g, '').trim();
  // A listing's own arguments may be listings (`git describe --tags $(git rev-list --tags --max-count=1)`).
  for (let nested = /\$\(([^()`]*)\)/.exec(inner); nested; nested = /\$\(([^()`]*)\)/.exec(inner)) {
    if (!listingOf(nested[0])) return undefined;
    inner = inner.replace(nested[0], 'listed');
  }
  // `$(cd "$(dirname "$0")" && pwd)`: a folder's absolute path, wherever the folder comes from.
  if (/^cd\s[^;&|>\n]*(?:&&|;)\s*pwd$/.test(inner)) return 'names';
  if (/\$\(|`|[;&\n<>]|\|\|/.test(inner)) return undefined;
  const stages = pipelineStages(inner);
  const first = stages[0] ?? '';
  // What bash unquotes or expands first (`\--format=-1`, `"-printf"`, `$'…'`, `$F`, `{+,}`) may be an option the text does not show.
  if (stages.some(hidesOption)) return undefined;
  const filters = stages.slice(1);
  // `ps aux | grep node | awk '{print $2}'`: the process id column of ps's own layout.
  if (/^ps(?:\s+(?:aux|ax|-ef|-e|-A|-aux|-fe))?$/.test(first) && /^awk\s+'\{\s*print\s+\$2\s*\}'$/.test(filters[filters.length - 1] ?? '') &&
    filters.slice(0, -1).every((stage) => SELECTING_FILTERS.some((f) => f.test(stage)))) return 'ids';
  // `git log … -- src/app.ts`: paths after `--` only narrow what it lists.
  const options = /^git\s+log\b/.test(first) ? first.replace(/\s--(?:\s+\S+)*$/, '') : first;
  const lister = PRINTS_TEXT.test(options) ? undefined : LISTERS.find((l) => l.shape.test(first));
  const keeps = (stage: string): boolean => SELECTING_FILTERS.some((f) => f.test(stage)) || (lister?.cuts === true && CUTTING_FILTERS.some((f) => f.test(stage)));
  return lister && filters.every(keeps) ? lister.prints : undefined;
}

/**
 * True when bash may read an option in a stage that its text does not show: a quoted word starting
 * with `-`, a backslash or `$'…'` outside quotes, a variable, a brace expansion, an option's glob (`-pr*`).
 */
function hidesOption(stage: string): boolean {
  const unquoted = stage
    .replace(/'[^']*'/g, (q) => (q.startsWith("'-") ? '\\' : "''"))
    .replace(/"(?:[^"\\$`]|\\.)*"/g, (q) => (q.startsWith('"-') ? '\\' : '""'));
  return /\\|\$'|\$(?!0\b|\{BASH_SOURCE\[0\]\}|\{?\w*PID_?FILE\b)|\{[^}]*,|(?:^|\s)-\S*[*?[]/.test(unquoted);
}

/**
 * What a value is when a listing's substitution makes it, alone or before a path or a refspec's
 * other side (`$(npm bin)/tsc`, `$(git branch --show-current):main`); undefined for anything else
 * (`$(jobs -p)uninstall` is any word).
 */
export function leadingListing(value: string): Listing | undefined {
  let end = -1;
  if (value.startsWith('`')) end = value.indexOf('`', 1);
  else if (value.startsWith('$(') && !value.startsWith('$((')) {
    for (let i = 1, depth = 0; i < value.length && end < 0; i++) {
      if (value[i] === '(') depth++;
      else if (value[i] === ')' && --depth === 0) end = i;
    }
  }
  // Before a path (`/tsc`) or a refspec's other side (`:main`, `:release/$(date +%F)`), still a name.
  const rest = value.slice(end + 1);
  return end > 0 && (rest === '' || /^[/:]/.test(rest)) && onlyListings(rest) ? listingOf(value.slice(0, end + 1)) : undefined;
}

/** True when every substitution in a value is a listing's and nothing else in it is only known at run time. */
export function onlyListings(value: string): boolean {
  let rest = value;
  for (let at = rest.indexOf('$('); at >= 0; at = rest.indexOf('$(')) {
    let end = -1;
    for (let i = at + 1, depth = 0; i < rest.length && end < 0; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) end = i;
    }
    if (end < 0 || rest.startsWith('$((', at) || !listingOf(rest.slice(at, end + 1))) return false;
    rest = rest.slice(0, at) + rest.slice(end + 1);
  }
  return !/[$`]/.test(rest);
}
