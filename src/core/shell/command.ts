// What the expander hands the rules: one simple command, with the words already unquoted and
// resolved as far as the line itself allows.

export type Runtime = 'word' | 'words' | 'name' | 'names' | 'path' | 'paths' | 'number';

export interface Word {
  /** The value after quote removal and line-local variable substitution. */
  readonly value: string;
  /** True when part of the value is only known at run time ($VAR from outside the line, $(…)). */
  readonly dynamic: boolean;
  /**
   * Set when the line computes the word at run time from what it does not show: `word`, it may be
   * any one word, a subcommand or a flag (`"$(cat verb.txt)"`, `un$(cat f)` any word beginning
   * `un`); `words`, it may also be several (`$(cat args)` unquoted, xargs' input); `name` and
   * `names`, one or several names a listing prints, never flags (`$(git branch --show-current)`,
   * `find`'s paths, a glob); `path` and `paths`, files a listing prints, which may be flags too
   * (`$(git ls-files)`); `number`, an arithmetic result (`$((x))`).
   */
  readonly runtime?: Runtime;
  /** UTF-16 offsets into the top-level line. */
  readonly start: number;
  readonly end: number;
}

export interface SimpleCommand {
  /** argv[0] is the program as written (after wrappers were peeled off). */
  readonly argv: readonly Word[];
  /** Basename of argv[0], lower-cased, `.exe` and interpreter version suffixes removed. */
  readonly program: string;
  /** `VAR=value` prefixes of this command (and of `env VAR=value`). */
  readonly assignments: ReadonlyMap<string, string>;
  /** Text the command reads on stdin when the line shows it: heredoc, here-string, `echo … |`. */
  readonly stdin?: string;
  /** True when stdin comes from something the line does not show (`curl … | sh`). */
  readonly stdinUnknown?: boolean;
  /** The listing (see `listingOf`) that feeds stdin, when one does: `git branch --merged | grep -v main`. */
  readonly stdinListing?: string;
  /** True when stdout feeds the next command of a pipeline (`env | grep …`), not the terminal. */
  readonly pipedOut?: boolean;
  /** The next stage of the pipeline as written (`grep NODE` in `env | grep NODE`), when stdout feeds one. */
  readonly pipedInto?: string;
  /**
   * True when what this command prints reaches no one: stdout on /dev/null, only counted or hashed
   * by the stages after it (`| wc -c`), or taken as the words of `export` or `test`
   * (`export $(grep -v '^#' .env | xargs)`).
   */
  readonly outputHidden?: boolean;
  /** True when the shell traces the command (`set -x`, `bash -x`): its expanded words go to stderr. */
  readonly traced?: boolean;
  /** Redirection targets written by this command (`> file`). */
  readonly writes: readonly string[];
  /** The span a human should see highlighted, in the top-level line. */
  readonly span: readonly [number, number];
  /** How the command was reached: `sudo`, `bash -c`, `ssh prod-db`, `python -c (os.system)`… */
  readonly via: readonly string[];
  /** The host, pod or container a remote runner runs this command on (`ssh prod-db '…'`). */
  readonly target?: string;
  /** The command this one runs inside (wrapper, shell payload, remote host), if any. */
  readonly parent?: SimpleCommand;
  /** Where earlier `cd`s on the line moved it (`cd ~/.claude && … > settings.json`), when they did. */
  readonly dir?: string;
  /** The project file this command was read from, when the line led into one (`npm run x` → package.json). */
  readonly source?: CommandSource;
  /** Variables a script read from a project file set before this command (`export PGHOST=prod-db` in a sourced script). */
  readonly scope?: ReadonlyMap<string, string>;
}

/** A command's place in a project file, and how the line got there. */
export interface CommandSource {
  /** The command that led into the file, as written (`npm run db:reset`). */
  readonly runner: string;
  readonly file: string;
  readonly line?: number;
  /** What in the file was followed (a script's name), for telling a loop back into it. */
  readonly key?: string;
  /** True when the file is interpreter code, read whole rather than command by command. */
  readonly code?: boolean;
  /** Where the runner itself came from, when it was read from a file too. */
  readonly outer?: CommandSource;
}

/** npm packages whose binary has another name (`npx @railway/cli …`, `pnpm dlx netlify-cli …`). */
export const PACKAGE_BINARIES: ReadonlyMap<string, string> = new Map([
  ['@railway/cli', 'railway'], ['netlify-cli', 'netlify'], ['firebase-tools', 'firebase'], ['@planetscale/cli', 'pscale'],
  ['@google-cloud/cli', 'gcloud'], ['@aws-cdk/cli', 'cdk'], ['aws-cdk', 'cdk'], ['cdktf-cli', 'cdktf'], ['@turso/cli', 'turso'],
  ['@mikro-orm/cli', 'mikro-orm'], ['@sequelize/cli', 'sequelize'], ['sequelize-cli', 'sequelize'], ['@prisma/cli', 'prisma'],
]);

/** Program words repeat from command to command: each is normalised once (bounded). */
const PROGRAM_NAMES = new Map<string, string>();
const PROGRAM_NAMES_LIMIT = 4096;
/** Longer words are not kept: a hostile line must not fill memory with them. */
const MEMO_WORD = 256;

/** Normalises a program word to the name rules use: `/usr/bin/Python3.11.exe` → `python3`. */
export function programName(word: string): string {
  if (word.length > MEMO_WORD) return normaliseProgram(word);
  let name = PROGRAM_NAMES.get(word);
  if (name === undefined) {
    name = normaliseProgram(word);
    if (PROGRAM_NAMES.size >= PROGRAM_NAMES_LIMIT) PROGRAM_NAMES.clear();
    PROGRAM_NAMES.set(word, name);
  }
  return name;
}

/** `programName` without the cache, for callers that read many words that name no program. */
export function normaliseProgram(word: string): string {
  const scoped = /^(@[\w.-]+\/[\w.-]+)(?:@[^@/]*)?$/.exec(word.toLowerCase());
  const known = scoped ? PACKAGE_BINARIES.get(scoped[1] ?? '') : undefined;
  if (known) return known;
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  // `aws-cdk@2.100` as npx names it: the package, not the version.
  const unversioned = base.replace(/(.)@[^@]*$/, '$1');
  const noExe = PACKAGE_BINARIES.get(unversioned) ?? (unversioned.endsWith('.exe') ? unversioned.slice(0, -4) : unversioned);
  const versioned = /^(python|pip|ruby|perl|node|php|psql|pg_restore|mysql)(\d[\d.]*)?$/.exec(noExe);
  if (!versioned) return noExe;
  const [, name, version] = versioned;
  return name === 'python' && version?.startsWith('3') ? 'python3' : (name ?? noExe);
}
