// A rule is data: what program it is about, what it matches, how bad it is, what to tell the human
// and the agent, and the examples it must and must not match (checked by one generic test).
import type { Category, Severity } from '../verdict';
import type { Args } from './args';

export interface RuleExamples {
  /** Command lines this rule must match. */
  readonly match: readonly string[];
  /** Look-alikes it must not match (they may still match other rules unless stated). */
  readonly noMatch: readonly string[];
}

export interface Rule {
  /** `family.what`, e.g. `railway.volume-delete`. */
  readonly id: string;
  /** Program names (after normalisation) and their aliases. */
  readonly programs: readonly string[];
  readonly category: Category;
  readonly severity: Severity;
  /** One line a human understands: what the command destroys or exposes. */
  readonly summary: string;
  /** The safer way to the same goal ("take a snapshot first", "use --dry-run"). */
  readonly hint: string;
  /** The argument pattern. */
  readonly match: (args: Args) => boolean;
  /**
   * The names this command acts on (database, app, stack, namespace…) used to find the target
   * environment; defaults to nothing for local-only families (filesystem, git).
   */
  readonly targets?: (args: Args) => readonly string[];
  /**
   * For deletions of files in the workspace: the literal paths deleted, which the caller's
   * version control may find recoverable. Undefined when they are only known at run time.
   */
  readonly recoverable?: (args: Args) => readonly string[] | undefined;
  /**
   * The rule matches on what the folders a command names hold (an archive's protected files),
   * which no word on the line shows: the terminal gate judges every call of its programs (`true`),
   * or of those listed — the others by what their examples need.
   */
  readonly readsFolders?: boolean | readonly string[];
  /**
   * The harm is the values the command prints into the agent's context (`cat .env`, `gh auth
   * token`): where its output reaches no one (`| wc -c`, `> /dev/null`, `export $(…)`) there is none.
   */
  readonly prints?: boolean;
  /** What exactly this call destroys, when the rule can name it (`GraphQL volumeDelete`): added to the summary. */
  readonly detail?: (args: Args) => string | undefined;
  readonly examples: RuleExamples;
}
