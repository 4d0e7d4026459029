// verdict = classify(commandLine, context): prefilter, expand, match rules, resolve each finding's
// environment, then decide by policy. Synchronous once the parser is loaded; the parser is loaded
// lazily, only for lines the prefilter cannot clear.
import { raiseFindings } from './environment/credentialTier';
import { LOCAL, resolveEnvironment, type EnvironmentContext } from './environment/resolve';
import { printsOnlyToStdout } from './shell/outputSinks';
import type { EnvironmentMap } from './environment/tiers';
import { withLineState } from './environment/lineState';
import { NO_TOOL_STATE, type ToolState } from './environment/toolState';
import { DEFAULT_POLICY, decide, type Actor, type Policy } from './policy';
import { CONTROL_CHARACTERS, DECODERS, createPrefilter } from './prefilter';
import { Args, type PathGlobs } from './rules/args';
import { allRules, indexByProgram } from './rules/index';
import { problemRules, type ProblemRule } from './rules/problems';
import type { Rule } from './rules/types';
import { RuntimeBudget, runtimeMatch } from './runtimeArguments';
import { Follower, followedPrograms, type ProjectContext } from './project/follow';
import { through } from './project/through';
import type { Credential } from './secrets/credentials';
import type { WorkspaceRecovery } from './recovery';
import type { CredentialOrigins } from './secrets/origins';
import { traceCredential } from './secrets/trace';
import type { SimpleCommand } from './shell/command';
import { DEFAULT_LIMITS, expand, type Expansion, type Problem } from './shell/expand';
import type { ShellParser } from './shell/parser';
import { payloadProgramNames } from './shell/payloads';
import { wrapperProgramNames } from './shell/wrappers';
import { ALLOW_VERDICT, maxRisk, tierRank, type Category, type Environment, type Finding, type Verdict } from './verdict';

export interface ClassifyContext {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly actor?: Actor;
  readonly toolState?: ToolState;
  readonly environments?: EnvironmentMap;
  readonly policy?: Policy;
  /** The user's protected paths and exceptions, on top of the built-in secret globs. */
  readonly paths?: PathGlobs;
  /** The workspace's env files, to name the file a flagged command's credential comes from. */
  readonly credentialOrigins?: CredentialOrigins;
  /** Version control's view of the workspace: whether a deletion there can be undone. */
  readonly recovery?: WorkspaceRecovery;
  /**
   * The project's files, to follow the line into what it runs (task runners, scripts, input
   * files). Read only for lines that run one; without it (or without `cwd`) the line is judged alone.
   */
  readonly project?: ProjectContext;
}

export interface Explanation {
  readonly verdict: Verdict;
  readonly expansion: Expansion;
  /** For each simple command, the rules that matched it (or why it was skipped). */
  readonly matches: ReadonlyMap<SimpleCommand, readonly string[]>;
}

const RULE_INDEX = indexByProgram(allRules);
const PROBLEM_RULES: ReadonlyMap<string, ProblemRule> = new Map(problemRules.map((r) => [r.problem, r]));
/** Every program name the prefilter looks for; the CLI's launcher gets a copy at build time. */
export const PREFILTER_PROGRAMS: readonly string[] = [
  ...RULE_INDEX.keys(), ...wrapperProgramNames(), ...payloadProgramNames(), ...DECODERS, ...followedPrograms(),
];
export const PREFILTER = createPrefilter(PREFILTER_PROGRAMS);

/** Thrown by a parser getter whose parser is not loaded yet (see LazyEngine). */
export class ParserNotLoaded extends Error {}

export class Engine {
  /**
   * `parser` is asked for only when a line is neither cleared by the prefilter nor plain.
   * `usePrefilter: false` reads every line in full (tests use it to check the prefilter is safe).
   */
  constructor(private readonly parser: () => ShellParser, private readonly usePrefilter = true) {}

  classify(line: string, context: ClassifyContext = {}): Verdict {
    return this.explain(line, context).verdict;
  }

  /** Fails closed: an internal error on a line is a deny that says so, never an exception or an allow. */
  explain(line: string, context: ClassifyContext = {}): Explanation {
    try {
      return this.read(line, context);
    } catch (error) {
      if (error instanceof ParserNotLoaded) throw error;
      return { verdict: failClosed(line, error), expansion: { commands: [], problems: [], assigned: new Map() }, matches: new Map() };
    }
  }

  private read(line: string, context: ClassifyContext): Explanation {
    const hasControl = CONTROL_CHARACTERS.test(line);
    if (!hasControl && this.usePrefilter && !PREFILTER.mightMatch(line)) {
      return { verdict: ALLOW_VERDICT, expansion: { commands: [], problems: [], assigned: new Map() }, matches: new Map() };
    }
    const text = hasControl ? line.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), ' ') : line;
    const follower = context.project && context.cwd ? new Follower({ files: context.project.files, cwd: context.cwd, home: context.project.home }) : undefined;
    const expansion = expand(text, this.parser, DEFAULT_LIMITS, follower);
    // The expander's problems, and those found here: control characters, arguments too many to read.
    const problems: Problem[] = [...expansion.problems];
    if (hasControl) problems.push({ kind: 'control-characters', span: [0, line.length], detail: 'control characters in the line' });
    const env = expansion.assigned.size > 0 ? { ...context.env, ...Object.fromEntries(expansion.assigned) } : context.env ?? {};
    const envContext: EnvironmentContext = {
      cwd: context.cwd ?? '.',
      env,
      toolState: withLineState(context.toolState ?? NO_TOOL_STATE, expansion.commands),
      environments: context.environments,
      project: follower?.environment(),
    };
    const findings: Finding[] = [];
    const matches = new Map<SimpleCommand, string[]>();
    const seen = new Set<string>();
    const flagged = new Set<SimpleCommand>();
    // Each guarded command's arguments, read once for the rules and again for an allowed line's environment.
    const argsOf = new Map<SimpleCommand, Args>();
    const budget = new RuntimeBudget();
    for (const command of expansion.commands) {
      const matched: string[] = [];
      matches.set(command, matched);
      const rules = RULE_INDEX.get(command.program);
      if (!rules) continue;
      const args = new Args(command, context.paths, context.cwd, context.project);
      argsOf.set(command, args);
      const exempt = isExempt(args);
      for (const rule of rules) {
        // A dry run still prints what it would send (`kubectl create secret … --dry-run=client -o yaml`).
        if (exempt && rule.category !== 'filesystem' && rule.category !== 'secrets') { matched.push(`(${rule.id} exempt: --help or a dry run)`); continue; }
        if (!safeMatch(rule, args)) continue;
        if (rule.prints && command.outputHidden && !command.traced && printsOnlyToStdout(command.program, args.list)) { matched.push(`(${rule.id}: what it prints reaches no one)`); continue; }
        matched.push(rule.id);
        const key = `${rule.id}@${command.span[0]}:${command.span[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        flagged.add(command);
        findings.push(finding(rule, command.span, safeEnvironment(() => resolveEnvironment(command, args, rule, envContext)),
          alone(command, expansion.commands) ? recoveryOf(rule, args, context) : undefined, ...reachedAndDetail(command, rule, args)));
      }
      if (flagged.has(command) || exempt) continue;
      const runtime = runtimeMatch(command, rules, budget, safeMatch, context.paths, context.cwd);
      if (runtime === 'exhausted') {
        matched.push('(arguments only known at run time: too many to read)');
        problems.push({ kind: 'runtime-arguments', span: command.span, detail: 'too many arguments only known at run time', command });
      } else if (runtime) {
        const { rule, args: spelled, word, as } = runtime;
        matched.push(`${rule.id} (if ${word.value} is "${as}")`);
        flagged.add(command);
        const detail = `${word.value.slice(0, 40)} is only known at run time and may be "${as.slice(0, 60)}"`;
        findings.push(finding(rule, command.span, safeEnvironment(() => resolveEnvironment(command, spelled, rule, envContext)),
          undefined, through(command, detail), detail));
      }
    }
    const unexplained = findings.length === 0;
    for (const problem of problems) {
      const rule = PROBLEM_RULES.get(problem.kind);
      if (!rule || (rule.onlyIfUnexplained && !unexplained)) continue;
      const key = `${rule.id}@${problem.span[0]}:${problem.span[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(rule, problem.span, { tier: 'unknown' }, undefined, problem.kind === 'unread-definition' ? problem.detail : problem.command && through(problem.command)));
    }
    const verdict = findings.length > 0
      ? flaggedVerdict(findings, [...flagged], expansion, text, env, context)
      : { ...ALLOW_VERDICT, environment: quietEnvironment(expansion.commands, envContext, argsOf) };
    return { verdict, expansion: problems.length !== expansion.problems.length ? { ...expansion, problems } : expansion, matches };
  }
}

/**
 * The engine for processes that answer one line and exit (the CLI, hooks): the parser's
 * WebAssembly loads only when a line needs it, so a plain benign command never pays for it.
 */
export class LazyEngine {
  private parser: ShellParser | undefined;
  private readonly engine = new Engine(() => {
    if (!this.parser) throw new ParserNotLoaded('the bash parser is not loaded yet');
    return this.parser;
  });

  /** One load for all callers: two loads at once initialise the WebAssembly runtime twice and corrupt it. */
  private loading: Promise<ShellParser> | undefined;

  constructor(private readonly load: () => Promise<ShellParser>) {}

  async explain(line: string, context: ClassifyContext = {}): Promise<Explanation> {
    try {
      return this.engine.explain(line, context);
    } catch (error) {
      if (!(error instanceof ParserNotLoaded)) throw error;
      this.loading ??= this.load().catch((failure: unknown) => {
        // A failed load is tried again by the next line.
        this.loading = undefined;
        throw failure;
      });
      this.parser = await this.loading;
      return this.engine.explain(line, context);
    }
  }

  async classify(line: string, context: ClassifyContext = {}): Promise<Verdict> {
    return (await this.explain(line, context)).verdict;
  }

  /** The verdict at once, or undefined when the line needs the parser and it is not loaded yet. */
  classifyLoaded(line: string, context: ClassifyContext = {}): Verdict | undefined {
    try {
      return this.engine.classify(line, context);
    } catch (error) {
      if (error instanceof ParserNotLoaded) return undefined;
      throw error;
    }
  }
}

function finding(rule: Rule | ProblemRule, span: readonly [number, number], environment: Environment, recovery?: string, reached?: string, detail?: string): Finding {
  const summary = detail ? `${rule.summary} (${detail})` : rule.summary;
  const base: Finding = { rule: rule.id, category: rule.category, severity: rule.severity, summary, hint: rule.hint, span, environment, ...(reached ? { through: reached } : {}) };
  return recovery === undefined ? base : { ...base, severity: 'low', recovery };
}

/**
 * True when the line runs nothing but this command (and the wrappers it runs in): what git sees
 * now is what the command will delete, with no earlier command moving data into its path.
 */
function alone(command: SimpleCommand, commands: readonly SimpleCommand[]): boolean {
  return commands.every((c) => {
    for (let up: SimpleCommand | undefined = command; up; up = up.parent) if (up === c) return true;
    return false;
  });
}

/** How a high deletion in the workspace can be undone, when the caller's version control says so. */
function recoveryOf(rule: Rule, args: Args, context: ClassifyContext): string | undefined {
  if (!rule.recoverable || !context.recovery || rule.severity !== 'high') return undefined;
  try {
    const paths = rule.recoverable(args);
    return paths && paths.length > 0 ? context.recovery.recovery(paths, context.cwd ?? '.') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The verdict of a flagged line with the credential it acts with. A credential from a file whose
 * name says a more dangerous tier raises the findings of the command that uses it.
 */
function flaggedVerdict(findings: readonly Finding[], flagged: readonly SimpleCommand[], expansion: Expansion, line: string,
  env: Readonly<Record<string, string>>, context: ClassifyContext): Verdict {
  const traced = traceCredential(flagged, expansion.commands, line, expansion.assigned, env,
    { cwd: context.cwd ?? '.', origins: context.credentialOrigins, environments: context.environments });
  if (!traced) return verdictOf(findings, context);
  const raised = traced.traced.reduce((all, use) => raiseFindings(all, use.command, use.origin), findings);
  return withCredential(verdictOf(raised, context), traced.credential);
}

function withCredential(verdict: Verdict, credential: Credential): Verdict {
  return { ...verdict, credential };
}

function reachedAndDetail(command: SimpleCommand, rule: Rule, args: Args): [string | undefined, string | undefined] {
  const detail = detailOf(rule, args);
  return [through(command, detail), detail];
}

/** What exactly the call destroys, as the rule names it; bounded, and nothing when the rule cannot say. */
function detailOf(rule: Rule, args: Args): string | undefined {
  try {
    const detail = rule.detail?.(args);
    return detail ? detail.replace(/\s+/g, ' ').slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}

/** A rule that throws on odd input must not turn into an allow: it counts as a match. */
function safeMatch(rule: Rule, args: Args): boolean {
  try {
    return rule.match(args);
  } catch {
    return true;
  }
}

/**
 * The environment an allowed line works in (`kubectl get pods -n production`), for the audit log:
 * read from the guarded commands' flags, targets and variables, without any rule's targets.
 */
function quietEnvironment(commands: readonly SimpleCommand[], withProject: EnvironmentContext, argsOf: ReadonlyMap<SimpleCommand, Args>): Environment {
  // The project's files are read for what needs a human, not for the audit line of an allowed command.
  const context: EnvironmentContext = { ...withProject, project: undefined };
  let best: Environment | undefined;
  for (const command of commands) {
    // Guarded programs, and anything run on a remote host (`ssh prod-web 'uptime'`).
    // The family that reads the program's targets: a remote one where any of its rules is (curl's
    // `http`, not the `git` of a GitHub-API rule that happens to come first).
    const rules = RULE_INDEX.get(command.program);
    const category = (rules?.find((r) => !LOCAL.has(r.category)) ?? rules?.[0])?.category ?? (command.target ? 'shell' : undefined);
    if (!category) continue;
    const env = safeEnvironment(() => resolveEnvironment(command, argsOf.get(command) ?? new Args(command), quietRule(category, command.program), context, true));
    if (env.tier !== 'unknown' && (!best || tierRank(env.tier) > tierRank(best.tier))) best = env;
  }
  return best ?? { tier: 'unknown' };
}

/** One stand-in rule per guarded program (remote commands share the shell's), so what resolving caches per rule is reused. */
const QUIET_RULES = new Map<string, Pick<Rule, 'category' | 'programs' | 'targets'>>();

function quietRule(category: Category, program: string): Pick<Rule, 'category' | 'programs' | 'targets'> {
  const key = category === 'shell' ? 'shell' : program;
  let rule = QUIET_RULES.get(key);
  if (!rule) {
    // Every name the command mentions counts: the result informs the audit log, never the decision.
    rule = { category, programs: category === 'shell' ? [] : [program], targets: (a: Args) => a.positionals };
    QUIET_RULES.set(key, rule);
  }
  return rule;
}

/** The verdict for a line the engine failed on: a deny that says why. */
export function failClosed(line: string, error: unknown): Verdict {
  const environment: Environment = { tier: 'unknown' };
  const finding: Finding = {
    rule: 'engine.internal-error',
    category: 'shell',
    severity: 'high',
    summary: `Airlock failed while reading this command line (${error instanceof Error ? error.message : String(error)}), so it is denied`,
    hint: 'Run the command yourself if you have checked it is safe, and report the line to Airlock',
    span: [0, line.length],
    environment,
  };
  return { decision: 'deny', risk: 'high', environment, findings: [finding], confirmation: 'none' };
}

/** A resolver or rule that throws leaves the finding standing with an unknown target. */
function safeEnvironment(resolve: () => Environment): Environment {
  try {
    return resolve();
  } catch {
    return { tier: 'unknown' };
  }
}

/**
 * `--help` and dry runs of CLIs that have them: only among the options before `--`. Never for the
 * filesystem family, whose operands are arbitrary paths (`rm -rf -- --help /srv` deletes /srv), nor
 * for secret reads, which a dry run prints as well.
 */
function isExempt(args: Args): boolean {
  const dash = args.list.indexOf('--');
  const options = dash < 0 ? args.list : args.list.slice(0, dash);
  if (options.includes('--help') || options.includes('-help') || args.positionals[0] === 'help') return true;
  // The AWS CLI's help is a trailing word: `aws s3 rb help`.
  if (args.program === 'aws' && args.list[args.list.length - 1] === 'help') return true;
  return options.some((a) => a === '--dryrun' || a === '--dry_run' || a === '--what-if' || a === '--preview-only' ||
    (a.startsWith('--dry-run') && a !== '--dry-run=none' && a !== '--dry-run=false'));
}

/**
 * The decision rests on what cannot be undone: findings with a way back (`recovery`) are
 * audited, and a line holding only such findings is allowed.
 */
export function verdictOf(findings: readonly Finding[], context: ClassifyContext): Verdict {
  const deciding = findings.filter((f) => f.recovery === undefined);
  if (deciding.length === 0 && findings.length > 0) {
    return { decision: 'allow', risk: maxRisk(findings), environment: findings[0]?.environment ?? { tier: 'unknown' }, findings, confirmation: 'none' };
  }
  const risk = maxRisk(deciding);
  let environment: Environment = { tier: 'unknown' };
  let envSeverity = -1;
  for (const f of deciding) {
    const rank = tierRank(f.environment.tier) * 10 + ['low', 'high', 'critical'].indexOf(f.severity);
    if (rank > envSeverity) { environment = f.environment; envSeverity = rank; }
  }
  const readsSecrets = deciding.some((f) => f.category === 'secrets');
  const { decision, confirmation } = decide(risk, environment.tier, context.actor ?? 'agent', context.policy ?? DEFAULT_POLICY, readsSecrets);
  return { decision, risk, environment, findings, confirmation };
}
