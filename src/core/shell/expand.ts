// Expands one command line into every simple command it would run: through operators, pipes,
// subshells, substitutions, wrappers, shell payloads, remote runners and interpreter one-liners,
// recursively with a depth limit. What it cannot read it reports as a problem, never as "safe".
import type { Follower } from '../project/follow';
import { lineAt, type Followed, type Source } from '../project/followed';
import { escapeRegExp } from '../environment/tiers';
import { isProtectedPath } from '../secrets/paths';
import { printedThrough } from '../secrets/printers';
import { programName, type CommandSource, type Runtime, type SimpleCommand, type Word } from './command';
import type { Derived } from './derived';
import { expandBraces } from './braces';
import { COMMAND_VARIABLES, lookedUpProgram, printedProgram } from './carriers';
import { roughCommands } from './fallback';
import { inlineCode, stringLiterals } from './interpreters';
import { isPlainLine } from './plain';
import type { ShellParser, SyntaxNode } from './parser';
import { payloads } from './payloads';
import { leadingListing, listingOf, mayList, onlyListings, type Listing } from './listings';
import { isDecoder, staticOutput } from './producers';
import { expansionValue, wordValue, type WordScope } from './words';
import {
  MAX_CHOICES, arrayElements, assignedNames, choicesOf, forgetAll, setChoices, inherited, inputVariables, isArray, isLineVariable, isUnknown, mergeBranches, mergeMaybe, movePositionals,
  namedVariables, plainVariables, positionals, setArray, setElement, setUnknown, setVariable, splitWords, variablesKey, withAssignments,
  withPositionalsOf, withoutPositionals, type Variables,
} from './variables';
import { unwrap } from './wrappers';
import { hiddenByStages, stdoutDiscarded } from './outputSinks';
import { isShellStartupFile, startupTampering } from './startupFiles';

/**
 * Variables that carry Airlock's terminal gate into commands and new shells (its client, state and
 * window, and the start-up files that load the guards): set by the editor, never by a command.
 */
// PROMPT_COMMAND runs the bash guard's reload before each prompt.
export const GATE_VARIABLE = /^(?:AIRLOCK_[A-Z0-9_]+|BASH_ENV|ZDOTDIR|PROMPT_COMMAND)$/;

export type ProblemKind =
  | 'parse-error' | 'too-long' | 'too-deep' | 'dynamic-program' | 'dynamic-exec' | 'hidden-script' | 'control-characters'
  | 'self-call' | 'gate-variable' | 'unread-definition' | 'runtime-arguments' | 'sourced-secret' | 'startup-tamper';

export interface Problem {
  readonly kind: ProblemKind;
  readonly span: readonly [number, number];
  readonly detail: string;
  /** The command it is about, when one: a finding then says how the line reached it (a script's line). */
  readonly command?: SimpleCommand;
}

export interface Expansion {
  readonly commands: readonly SimpleCommand[];
  readonly problems: readonly Problem[];
  /** Variables the line assigns at top level (`export AWS_PROFILE=prod; …`), in effect for later commands. */
  readonly assigned: ReadonlyMap<string, string>;
}

export interface ExpandLimits {
  /** Nesting of payloads (`bash -c "ssh h 'sudo sh -c …'"`). */
  readonly payloadDepth: number;
  /** Nesting of syntax (`$($($(…)))`). */
  readonly syntaxDepth: number;
  /** Longest text handed to tree-sitter; longer lines are tokenized roughly. */
  readonly parseLength: number;
  /** Most simple commands read from one line; a line with more is reported as too long. */
  readonly commands: number;
  /** Tokenize plain texts without tree-sitter (they read the same either way). */
  readonly plainFastPath: boolean;
}

export const DEFAULT_LIMITS: ExpandLimits = { payloadDepth: 8, syntaxDepth: 120, parseLength: 64 * 1024, commands: 2000, plainFastPath: true };

interface Frame {
  readonly vars: Map<string, string>;
  /** Remote host, pod or container the commands of this text run on. */
  readonly target?: string;
  readonly depth: number;
  readonly via: readonly string[];
  readonly parent?: SimpleCommand;
  /** Offset of this text in the top-level line, when it stands there verbatim. */
  readonly shift: number;
  /** The span everything gets when the text does not stand verbatim in the line (decoded, joined). */
  readonly fixed?: readonly [number, number];
  /** Where the line's own `cd`s have moved this text so far (undefined: the line's start). */
  readonly place: { dir?: string };
  /** The project file this text was read from: its own (lines counted from offsets) or a fixed place. */
  readonly origin?: { readonly kind: 'file'; readonly source: Source; readonly outer?: CommandSource } | { readonly kind: 'fixed'; readonly source: CommandSource };
  /** Where the statement read in the background starts (`V=x &`), so it is detached once. */
  readonly background?: number;
}

/** A function's body as written, where it stands in the line, and the file it came from. */
interface FunctionBody {
  readonly text: string;
  readonly shift: number;
  readonly fixed?: readonly [number, number];
  readonly origin?: Frame['origin'];
}

/** A word (at `at`, `count` words long) that a variable with several known values fills: the words for each. */
interface Choice {
  readonly at: number;
  readonly count: number;
  readonly values: readonly (readonly Word[])[];
}

/** A trap's handler: it runs later, with the variables as they are then. */
interface Handler {
  readonly text: string;
  readonly command: SimpleCommand;
  /** The variables when it was read at the `trap`. */
  readonly key: string;
}

interface Input {
  /** This statement's stdout feeds the next stage of a pipeline. */
  readonly pipedOut?: boolean;
  /** That next stage, as written. */
  readonly pipedInto?: string;
  /** Files a redirect on the enclosing statement writes (`: > db.sqlite3`). */
  readonly writes?: readonly string[];
  readonly stdin?: string;
  readonly stdinUnknown?: boolean;
  /** The listing that feeds stdin (`git branch --merged | while read -r b`): its lines are names, never flags. */
  readonly stdinListing?: string;
  readonly fromDecoder?: boolean;
  /** The file stdin was read from (`psql < drop.sql`). */
  readonly stdinSource?: CommandSource;
  /** What the statement prints reaches no one (see SimpleCommand.outputHidden). */
  readonly outputHidden?: boolean;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const DECLARATIONS: ReadonlySet<string> = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

/** Words that make a command with an unknown program name worth a human's look. */
const SUSPICIOUS_ARGUMENT = /^-|^[/~]|^\$HOME|\b(delete|destroy|drop|rm|remove|purge|wipe|reset|prune|truncate|terminate|kill|flush)\b/i;

/** `parser` is asked for only when a text is not plain (see plain.ts), so it may be loaded lazily. */
/** `follower`: reads what task runners, scripts and input files run, when the caller hands the project's files. */
export function expand(line: string, parser: () => ShellParser, limits: ExpandLimits = DEFAULT_LIMITS, follower?: Follower): Expansion {
  return new Expander(line, parser, limits, follower).run();
}

/** Functions inside functions inside functions…: deeper than any script's helpers go. */
const MAX_CALL_DEPTH = 64;
/** Builtins that read their words, or what they store, as names or numbers (`printf -v x …` then `(( x ))`, `test -v`). */
const NAME_READERS: ReadonlySet<string> = new Set(['printf', 'read', 'test', '[', 'let', 'declare', 'typeset', 'local', 'export', 'readonly']);
const TRACING_SHELLS: ReadonlySet<string> = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash']);

/** `set -x`, `set -o xtrace`, `set -v`, `bash -x …`, `sh -xc …`: a command after which the shell echoes what it runs. */
function tracesLine(command: SimpleCommand): boolean {
  const words = command.argv.slice(1).map((w) => w.value);
  if (command.program === 'set') return words.some((w, i) => /^-[a-zA-Z]*[xv]/.test(w) || (w === '-o' && /^(?:xtrace|verbose)$/.test(words[i + 1] ?? '')));
  return TRACING_SHELLS.has(command.program) && words.some((w) => /^-[a-zA-Z]*[xv][a-zA-Z]*$/.test(w) || /^-o(?:xtrace|verbose)$/.test(w));
}

/** A string test of one quoted word (`[ -n "$(…)" ]`, `test -z "$(…)"`, `[[ -n $(…) ]]`): it prints nothing of the word. */
const QUIET_TEST = /^(?:\[|test)\s+-[nz]\s+"(?:[^"\\]|\\.)*"\s*\]?\s*$|^\[\[\s+-[nz]\s+(?:"(?:[^"\\]|\\.)*"|\$\((?:[^()]|\([^()]*\))*\))\s+\]\]$/;
/** A substitution reading a dotenv file, and one naming a credential file whose words are no `NAME=value`. */
const DOTENV_ONLY = /(?:^|[\s'"<(/])(?:\.env[\w.-]*|[\w-]+\.env)(?=[\s'"|)]|$)/;
const OTHER_SECRET_FILE = /\.aws|\.ssh|\.kube|\.docker|netrc|npmrc|credentials|id_|\.pem|\.key\b/;

/**
 * The input of a command whose own redirects move its stdout: onto /dev/null it reaches no one;
 * elsewhere (`>&2`, a file) it no longer feeds the pipeline's next stage.
 */
function movedOutput(outer: Input, discarded: boolean | undefined): Input {
  if (discarded === undefined) return outer;
  return discarded ? { ...outer, outputHidden: true } : { ...outer, outputHidden: false, pipedOut: false, pipedInto: undefined };
}

/** `cmd > f <<< word`, with the here-string moved before the output redirect; undefined for any other text. */
const OUTPUT_THEN_HERESTRING = /^([^|;&<>`$()]*?)(\s\d?>>?\s*[^\s|;&<>`$()]+)(\s+<<<\s*(?:'[^']*'|"[^"\\`$]*"|[^\s|;&<>`$()'"]+))(\s*)$/;

function hereStringFirst(text: string): string | undefined {
  const m = OUTPUT_THEN_HERESTRING.exec(text);
  return m ? `${m[1] ?? ''}${m[3] ?? ''}${m[2] ?? ''}${m[4] ?? ''}` : undefined;
}

/** A subscript running a substitution (`a[$(…)]`), as text a variable may hold. */
const RUNNING_SUBSCRIPT = /\[[^]*?(?:\$\(|`)/;
/** The builtins that set variables or positionals, or read words as names (`setsVariables`). */
const SETS_VARIABLES: ReadonlySet<string> = new Set([
  'shift', 'set', 'hash', 'unset', 'read', 'mapfile', 'readarray', 'printf', 'getopts', 'test', '[', 'let',
  'declare', 'typeset', 'local', 'export', 'readonly',
]);
/** Most commands one simple command fans out to, a way for each value its variables may have. */
const MAX_FANOUT = 16;
/** A `for` loop over at most this many values the line shows is read once per value. */
const LOOP_READS = 8;

/** Functions bash or zsh calls by their names alone: traps, hooks and the handler of unknown commands. */
const SHELL_CALLED = /^(?:TRAP[A-Z0-9]+|command_not_found_handler?|precmd|preexec|chpwd|periodic|zshexit|zshaddhistory|zsh_directory_name)$/;

/** Interpreter code read from a file, as the one-liner the scanners and rules read. */
const CODE_COMMAND: Readonly<Record<string, readonly [string, string]>> = {
  javascript: ['node', '-e'], python: ['python3', '-c'], ruby: ['ruby', '-e'], perl: ['perl', '-e'], php: ['php', '-r'],
};

class Expander {
  private readonly commands: SimpleCommand[] = [];
  private readonly problems: Problem[] = [];
  /**
   * Shell functions the line defines, read where they are called: as text, since the syntax tree
   * of a sourced file is gone by the time the line calls what it defined.
   */
  private readonly functions = new Map<string, FunctionBody[]>();
  private readonly calling = new Set<string>();
  /** Per text being parsed (innermost last): its place in `texts`, and where in it each function is defined. */
  private readonly defining: { readonly text: number; readonly names: [string, number, number, FunctionBody][]; readonly handlers: Handler[] }[] = [];
  /** Every text read, for the names a function is mentioned by. */
  private readonly texts: string[] = [];
  private bodyReads = 0;
  /** The variables (positionals left out) at each function's last call read: a later read with the same ones adds nothing. */
  private readonly calledWith = new Map<string, string>();
  /** True once a program is named at run time (`$x`, `${a#x}`): it may be any function. */
  private dynamicName = false;
  /** Loops being read pass by pass, value by value. */
  private iterating = 0;
  /** True once a variable may hold one of several values: only then is a word read each way. */
  private choosing = false;
  /** Aliases the texts define (`alias x='helm uninstall …'`): a later command by that name runs each text it was given. */
  private readonly aliases = new Map<string, string[]>();
  /** `declare -n r=c`: each name and what it stands for ('' until it is given a target); assigning the name assigns the target. */
  private readonly namerefs = new Map<string, string>();
  /** Words whose value the line computes at run time (`c=$(cat f); $c`): as a program, asked about. */
  private readonly computed = new WeakSet<Word>();
  /** Some text read has a lone `&`: only then is each statement's next sibling looked at (a call into the parser). */
  private backgrounds = false;
  /** The line has set variables by names only running tells (`export $(cat vars.txt)`): any it does not show may hold anything. */
  private anyVariable = false;
  /** The shell echoes what it runs (`set -x`, `bash -x`): from then on every expanded word reaches the terminal. */
  private tracing = false;
  /** Variables a sourced secret file (`.env.production`) set: printing one prints the secret. */
  private readonly sourcedSecrets = new Set<string>();
  /** Parts of those texts that run nothing (comments, `case` arms not taken): [text, start, end]. */
  private readonly inert: [number, number, number][] = [];

  constructor(private readonly line: string, private readonly parser: () => ShellParser, private readonly limits: ExpandLimits,
    private readonly follower?: Follower) {}

  run(): Expansion {
    const vars = new Map<string, string>();
    this.script(this.line, { vars, depth: 0, via: [], shift: 0, place: {} });
    return { commands: this.commands, problems: this.problems, assigned: plainVariables(vars) };
  }

  /** `input`: what the text's commands read on stdin (`ssh host bash <<EOF`, `docker exec -i db psql <<< …`). */
  private script(text: string, frame: Frame, input: Input = {}, body = false): void {
    if (!this.backgrounds && /(?:^|[^&>])&(?![&>])/.test(text)) this.backgrounds = true;
    const plain = isPlainLine(text);
    if (plain && (this.limits.plainFastPath || text.length > this.limits.parseLength)) {
      this.texts.push(text);
      this.defining.push({ text: -1, names: [], handlers: [] });
      try {
        this.rough(text, frame, input);
        this.readUncalled(frame);
      } finally {
        this.defining.pop();
      }
      return;
    }
    if (text.length > this.limits.parseLength) {
      this.texts.push(text);
      this.problem('too-long', this.span(0, text.length, frame), `${text.length} characters: read by the rough tokenizer only`);
      this.rough(text, frame, input);
      return;
    }
    // Bash drops backslash-newline before it reads words (`r\⏎m` is `rm`); tree-sitter splits there.
    if (/\\\r?\n/.test(text)) {
      const joined = joinContinuations(text);
      if (joined !== text) {
        this.script(joined, { ...frame, fixed: frame.fixed ?? this.span(0, text.length, frame) }, input, body);
        return;
      }
    }
    // A function's body read at a call is no new mention of anything: its definition was one.
    const index = body ? -1 : this.texts.push(text) - 1;
    let reordered: string | undefined;
    const parsed = this.parser().parse(text, (root) => {
      // tree-sitter-bash reads no here-string after an output redirect (`cat > a.ts <<< 'x'`), which
      // bash runs as it runs `cat <<< 'x' > a.ts`: read that order, the same length, instead.
      if (root.hasError && (reordered = hereStringFirst(text)) !== undefined) return true;
      if (root.hasError) {
        this.problem('parse-error', this.span(0, text.length, frame), 'the shell syntax is incomplete or invalid');
        this.rough(text, frame, input);
      }
      this.defining.push({ text: index, names: [], handlers: [] });
      try {
        this.walk(root, frame, input, 0);
        this.readUncalled(frame);
      } finally {
        this.defining.pop();
      }
      return true;
    });
    if (reordered !== undefined) {
      this.script(reordered, { ...frame, fixed: frame.fixed ?? this.span(0, text.length, frame) }, input, body);
      return;
    }
    if (!parsed) {
      this.problem('too-long', this.span(0, text.length, frame), 'too complex to parse in time: read by the rough tokenizer only');
      this.rough(text, frame, input);
    }
  }

  /** Commands from the rough tokenizer, with leading `NAME=value` words read as bash reads them. */
  private rough(text: string, frame: Frame, initial: Input = {}): void {
    let input: Input = initial;
    // The pipeline so far, as written, for telling a listing (`git branch --merged | grep -v main |`).
    const stages: string[] = [];
    const raws = roughCommands(text);
    // Each command's next pipeline stage, as written.
    const pipedInto = raws.map((raw, k) => (raw.pipesToNext ? raws[k + 1]?.words.map((w) => w.value).join(' ') : undefined));
    const hidden = raws.map((raw, k) => {
      if (!raw.pipesToNext) return initial.outputHidden;
      let end = k + 1;
      while (raws[end]?.pipesToNext) end++;
      return hiddenByStages(raws.slice(k + 1, end + 1).map((r) => r.words.map((w) => w.value)), initial.outputHidden === true);
    });
    for (const [k, raw] of raws.entries()) {
      const words = raw.words.map((w) => this.roughWord(w.value, w.start, w.end, frame));
      const assignments = new Map<string, string>();
      let first = 0;
      for (; first < words.length && ASSIGNMENT.test(words[first]?.value ?? ''); first++) {
        const value = words[first]?.value ?? '';
        assignments.set(value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1));
      }
      const argv = words.slice(first);
      const program = argv[0]?.value;
      if (program !== undefined && DECLARATIONS.has(program) && assignments.size === 0 && argv.slice(1).every((w) => /^-[a-zA-Z]+$/.test(w.value))) {
        // `export -p`, `declare -x`: no assignment, so it prints the variables instead.
        this.emit(this.command(argv, frame, assignments, { ...input, pipedOut: raw.pipesToNext, pipedInto: pipedInto[k], outputHidden: hidden[k] }, [], undefined, raw.words[first]?.start), frame);
        input = {};
        continue;
      }
      if (program === undefined || DECLARATIONS.has(program)) {
        // `x=1` and `export X=1` set variables for the rest of the line; they run nothing.
        const declared = argv.slice(1).filter((w) => ASSIGNMENT.test(w.value))
          .map((w): [string, string] => [w.value.slice(0, w.value.indexOf('=')), w.value.slice(w.value.indexOf('=') + 1)]);
        if (program !== undefined) this.unexported(argv.map((w) => w.value), [words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0]);
        if (program !== undefined && argv.slice(1).some((w) => /^-[a-zA-Z]*n[a-zA-Z]*$/.test(w.value))) {
          for (const [name, target] of declared) this.nameref(name, target, [words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0], frame);
          input = {};
          continue;
        }
        for (const [written, value] of [...assignments, ...declared]) {
          // The rough reader keeps `$…` as text: a value holding one is taken as computed.
          const name = written.replace(/\+$/, '');
          const whole = name === written ? value : (frame.vars.get(name) ?? '') + value;
          setVariable(frame.vars, name, whole, whole.includes('$') || whole.includes('`') ? 'computed' : false);
          this.carried(name, whole, [words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0], frame);
        }
        input = {};
        continue;
      }
      const command = this.command(argv, frame, assignments, { ...input, pipedOut: raw.pipesToNext, pipedInto: pipedInto[k], outputHidden: hidden[k] }, [], undefined, raw.words[first]?.start);
      this.emit(command, frame, input.fromDecoder);
      this.remember(command, frame, input.stdin);
      this.call(command, frame, input);
      if (!raw.pipesToNext) {
        input = {};
        stages.length = 0;
        continue;
      }
      const args = argv.slice(1).map((w) => w.value);
      const output = staticOutput({ program: command.program, args, dynamic: argv.some((w) => w.dynamic), stdin: input.stdin });
      const fromDecoder = isDecoder(command.program, args);
      stages.push(text.slice(raw.words[0]?.start ?? 0, raw.words[raw.words.length - 1]?.end ?? 0));
      const listing = stages.join(' | ');
      const fed = output === undefined ? this.catFeeds(argv, frame, raw.words[first]?.start ?? 0) : undefined;
      input = output !== undefined ? { stdin: output, fromDecoder } : fed ?? { stdinUnknown: true, fromDecoder, ...(mayList(stages[0] ?? '') && this.listed(listing) ? { stdinListing: listing } : {}) };
    }
  }

  /** Walks a statement; returns its static output when the line fully shows it. */
  private walk(node: SyntaxNode, frame: Frame, input: Input, depth: number): string | undefined {
    if (depth > this.limits.syntaxDepth) {
      this.problem('too-deep', this.nodeSpan(node, frame), 'nested too deeply to read');
      return undefined;
    }
    // A statement run in the background (`V=x &`, `source env.sh &`, `{ …; } &`) runs in a subshell:
    // what it assigns, and where it `cd`s, stay there.
    if (this.backgrounds && node.nextSibling?.type === '&' && frame.background !== node.startIndex) {
      this.walk(node, { ...frame, vars: new Map(frame.vars), place: { ...frame.place }, background: node.startIndex }, input, depth);
      return undefined;
    }
    switch (node.type) {
      case 'command':
        return this.simple(node, frame, input, depth);
      case 'pipeline':
        return this.pipeline(node.namedChildren.filter(isNode), frame, input, depth);
      case 'redirected_statement':
        return this.redirected(node, frame, input, depth);
      case 'variable_assignment':
        this.assign(node, frame, depth);
        return undefined;
      case 'declaration_command':
        if (this.declaresNothing(node, frame, input)) return undefined;
        this.declaration(node, frame, input, depth);
        return undefined;
      case 'function_definition':
        this.define(node, frame, depth);
        return undefined;
      case 'for_statement':
        this.forLoop(node, frame, input, depth);
        return undefined;
      case 'case_statement':
        if (this.caseBranch(node, frame, input, depth)) return undefined;
        this.caseArms(node, frame, input, depth);
        return undefined;
      case 'if_statement':
        this.ifStatement(node, frame, input, depth);
        return undefined;
      case 'list': {
        // `a && b`, `a || b`: the right side may not run.
        const [left, right] = node.namedChildren.filter(isNode);
        if (left) this.walk(left, frame, input, depth + 1);
        if (right) this.maybe(frame, (f) => this.walk(right, f, input, depth + 1));
        return undefined;
      }
      case 'while_statement':
      case 'until_statement':
      case 'c_style_for_statement':
        this.anyTimes(node.text, node.namedChildren.filter(isNode), frame, input, depth);
        return undefined;
      case 'subshell':
        this.walkIsolated(node, frame, input, depth);
        return undefined;
      case 'unset_command': {
        // Its own node in the grammar, read as the command it is (`unset BASH_ENV` switches the gate off).
        const [start, end] = this.nodeSpan(node, frame);
        const scope = this.scope(frame);
        const words = [{ value: 'unset', dynamic: false, start, end: start + 5 }, ...node.namedChildren.filter(isNode).flatMap((c) => this.words(c, frame, scope))];
        this.emit(this.command(words, frame, new Map(), input, [], [start, end], node.startIndex), frame);
        return undefined;
      }
      case 'test_command':
        for (const expansion of node.descendantsOfType('expansion')) if (expansion) this.assignsDefault(expansion.text, frame);
        // `[[ -v 'a[$(…)]' ]]`: a name bash reads, subscript and all.
        for (const child of node.descendantsOfType(['raw_string', 'ansi_c_string'])) if (child) this.literalSubscript(wordValue(child, this.scope(frame)).value, child, frame);
        // What a substitution in a string test prints is only tested (`[ -n "$(gh auth token)" ]`).
        for (const child of node.namedChildren) if (child) this.walk(child, frame, QUIET_TEST.test(node.text) ? { ...input, outputHidden: true } : input, depth + 1);
        return undefined;
      case 'comment':
        this.markInert(node);
        return undefined;
      case 'heredoc_body':
        this.substitutions(node, frame, depth);
        return undefined;
      default:
        for (const child of node.namedChildren) if (child) this.walk(child, frame, input, depth + 1);
        return undefined;
    }
  }

  private pipeline(stages: readonly SyntaxNode[], frame: Frame, input: Input, depth: number, lastInput?: Input): string | undefined {
    let current = input;
    let output: string | undefined;
    let lead: string | undefined;
    stages.forEach((stage, i) => {
      if (lastInput && i === stages.length - 1 && i > 0) current = lastInput;
      // Each stage of a pipeline runs in a subshell: what it assigns stays there.
      const stageFrame = stages.length > 1 && !(i === stages.length - 1 && this.line.includes('lastpipe')) ? { ...frame, vars: new Map(frame.vars) } : frame;
      const hidden = hiddenByStages(stages.slice(i + 1).map((s) => s.text.split(/\s+/)), input.outputHidden === true);
      output = this.walk(stage, stageFrame, i < stages.length - 1 ? { ...current, pipedOut: true, pipedInto: stages[i + 1]?.text, outputHidden: hidden }
        : { ...current, outputHidden: input.outputHidden }, depth + 1);
      if (i === stages.length - 1) return;
      const decoder = stage.type === 'command' && this.isDecoderNode(stage, frame);
      // The pipeline so far, as written, when it may be a listing (each node's text is a call into the parser).
      lead ??= stages[0]?.text ?? '';
      const listing = output === undefined && mayList(lead) ? stages.slice(0, i + 1).map((s) => s.text).join(' | ') : undefined;
      const fed = output === undefined ? this.catFeeds(this.nodeWords(stage, frame), frame, stage.startIndex) : undefined;
      current = output !== undefined ? { stdin: output, fromDecoder: decoder }
        : fed ?? { stdinUnknown: true, fromDecoder: decoder, ...(listing !== undefined && this.listed(listing) ? { stdinListing: listing } : {}) };
    });
    return output;
  }

  /** `cat drop.sql | psql …`: the next stage reads the file, as `psql … < drop.sql` does. */
  private catFeeds(words: readonly { readonly value: string; readonly dynamic: boolean }[], frame: Frame, at: number): Input | undefined {
    if (!this.follower) return undefined;
    const operands = words.slice(1).filter((w) => w.value !== '--');
    if (programName(words[0]?.value ?? '') !== 'cat' || operands.length !== 1 || operands[0]?.dynamic || operands[0]?.value.startsWith('-')) return undefined;
    const file = operands[0]?.value ?? '';
    const fed = this.follower.input(file, frame.place.dir, `cat ${file}`);
    return fed ? { stdin: fed.text, stdinSource: { runner: `cat ${file}`, file: fed.source.file, outer: this.sourceOf(frame, at) } } : undefined;
  }

  /** A command node's words, as the line shows them. */
  private nodeWords(stage: SyntaxNode, frame: Frame): { readonly value: string; readonly dynamic: boolean }[] {
    if (stage.type !== 'command') return [];
    return stage.namedChildren.filter(isNode).filter((c) => c.type !== 'variable_assignment')
      .map((c) => wordValue(c.type === 'command_name' ? (c.namedChildren.find(isNode) ?? c) : c, this.scope(frame)));
  }

  private redirected(node: SyntaxNode, frame: Frame, outer: Input, depth: number): string | undefined {
    const body = node.childForFieldName('body');
    const discarded = stdoutDiscarded(node.childrenForFieldName('redirect').filter(isNode).map((r) => r.text));
    const input = movedOutput(outer, discarded);
    let stdin = input;
    const writes: string[] = [];
    const extraStages: SyntaxNode[] = [];
    // `cat > x.sh <<'EOF' && bash x.sh`: tree-sitter hangs what follows the heredoc's start on it.
    const after: SyntaxNode[] = [];
    for (const redirect of node.childrenForFieldName('redirect')) {
      if (!redirect) continue;
      this.substitutions(redirect, frame, depth);
      const got = this.redirectInput(redirect, frame, writes);
      if (got) stdin = { ...got, outputHidden: input.outputHidden };
      if (redirect.type === 'heredoc_redirect') {
        const start = redirect.namedChildren.find((c) => c?.type === 'heredoc_start');
        for (const child of redirect.namedChildren) {
          // `cat <<'EOF' > x.sh`: the redirect after the heredoc's start is the command's too.
          if (child?.type === 'file_redirect') { this.redirectInput(child, frame, writes); continue; }
          if (!child || !['pipeline', 'command', 'list', 'redirected_statement'].includes(child.type)) continue;
          const operator = redirect.text.slice((start?.endIndex ?? redirect.startIndex) - redirect.startIndex, child.startIndex - redirect.startIndex);
          if (child.type === 'pipeline' || /\|/.test(operator.replace(/\|\|/g, ''))) extraStages.push(...(child.type === 'pipeline' ? child.namedChildren.filter(isNode) : [child]));
          else after.push(child);
        }
      }
    }
    if (after.length > 0 && body) {
      this.walk(body, frame, body.type === 'command' ? { ...stdin, writes } : stdin, depth + 1);
      for (const next of after) this.walk(next, frame, {}, depth + 1);
      return undefined;
    }
    if (!body) {
      // A bare `> file` truncates the file: read it as the `:` command bash runs for it.
      if (writes.length > 0) {
        const [start, end] = this.nodeSpan(node, frame);
        this.emit(this.command([{ value: ':', dynamic: false, start, end }], frame, new Map(), {}, writes, [start, end]), frame);
      }
      return undefined;
    }
    if (extraStages.length > 0) return this.pipeline([body, ...extraStages], frame, stdin, depth);
    if (body.type === 'list' && writes.length > 0) {
      this.listWithTrailingWrites(body, frame, stdin, writes, depth + 1);
      return undefined;
    }
    // A compound command's or a pipeline's redirect (`{ echo; } > .env`, `done > f`, `a | b > f`)
    // writes over its files whatever runs inside; a function's, only when the function is called.
    if (body.type !== 'command' && body.type !== 'function_definition') this.writesOver(node, frame, writes);
    // `a | b < f`: tree-sitter hangs the redirect on the pipeline; bash feeds the file to the last command.
    if (body.type === 'pipeline' && stdin !== input) return this.pipeline(body.namedChildren.filter(isNode), frame, input, depth + 1, stdin);
    const output = this.walk(body, frame, body.type === 'command' ? { ...stdin, writes } : stdin, depth + 1);
    // `grep -q x ~/.bashrc || echo '…' >> ~/.bashrc`: the redirect is the list's last statement's.
    const last = body.type === 'list' ? body.namedChildren.filter(isNode).pop() : undefined;
    const written = last ? this.statementOutput(last, frame) : output;
    for (const redirect of node.childrenForFieldName('redirect')) {
      const destination = redirect?.type === 'file_redirect' && /^(?:\d*|&)>/.test(redirect.text) ? redirect.childForFieldName('destination') : undefined;
      if (destination) this.startupWrite(wordValue(destination, this.scope(frame)).value, written, this.nodeSpan(node, frame));
    }
    // What a pipeline or compound command wrote is what a later command finds there
    // (`echo … | base64 -d > a.sh; sh a.sh`): its output when the line shows it, else unknown.
    if (body.type !== 'command' && body.type !== 'function_definition' && frame.target === undefined) {
      for (const target of writes) this.follower?.wrote(target, frame.place.dir, output);
    }
    return output;
  }

  /** Each file a compound command's redirect writes over, as the pseudo-command `> file` the rules read. */
  private writesOver(node: SyntaxNode, frame: Frame, writes: readonly string[]): void {
    const [start, end] = this.nodeSpan(node, frame);
    for (const target of writes) {
      const words: Word[] = [{ value: '>', dynamic: false, start, end }, { value: target, dynamic: false, start, end }];
      this.commands.push(this.command(words, frame, new Map(), {}, [], [start, end]));
    }
  }

  /** `a && b > f`: tree-sitter hangs the redirect on the whole list; bash gives it to the last command. */
  private listWithTrailingWrites(list: SyntaxNode, frame: Frame, input: Input, writes: readonly string[], depth: number): void {
    const parts = list.namedChildren.filter(isNode);
    parts.forEach((part, i) => {
      if (i < parts.length - 1) this.walk(part, frame, input, depth + 1);
      else if (part.type === 'list') this.listWithTrailingWrites(part, frame, input, writes, depth + 1);
      else this.walk(part, frame, part.type === 'command' ? { ...input, writes } : input, depth + 1);
    });
  }

  /** Stdin that a redirect supplies (heredoc, here-string, `< file`); records `> file` targets. */
  private redirectInput(redirect: SyntaxNode, frame: Frame, writes: string[]): Input | undefined {
    if (redirect.type === 'heredoc_redirect') {
      const body = redirect.namedChildren.find((c) => c?.type === 'heredoc_body');
      // `<<EOF` (its word unquoted) expands the body as bash would (`\$1`, `$A`, `$(…)`); `<<'EOF'` keeps it as written.
      const start = redirect.namedChildren.find((c) => c?.type === 'heredoc_start')?.text ?? '';
      const text = body && !/['"\\]/.test(start) ? wordValue(body, this.scope(frame)).value : body?.text ?? '';
      const stripTabs = redirect.text.startsWith('<<-');
      return { stdin: stripTabs ? text.replace(/^\t+/gm, '') : text };
    }
    if (redirect.type === 'herestring_redirect') {
      const word = redirect.namedChildren.find(isNode);
      return word ? { stdin: wordValue(word, this.scope(frame)).value + '\n' } : undefined;
    }
    if (redirect.type === 'file_redirect') {
      const destination = redirect.childForFieldName('destination');
      const target = destination ? wordValue(destination, this.scope(frame)).value : '';
      if (/^\d*</.test(redirect.text) && !redirect.text.includes('<&')) {
        // `cat < .env`: the file read, as the pseudo-command `< file` the rules read.
        const [start, end] = this.nodeSpan(redirect, frame);
        this.commands.push(this.command([{ value: '<', dynamic: false, start, end }, { value: target, dynamic: false, start, end }], frame, new Map(), {}));
        // `psql "$DATABASE_URL" < drop.sql`: the command reads the file's text.
        const fed = destination && !wordValue(destination, this.scope(frame)).dynamic ? this.follower?.input(target, frame.place.dir, `< ${target}`) : undefined;
        return fed ? { stdin: fed.text, stdinSource: { runner: `< ${target}`, file: fed.source.file, outer: this.sourceOf(frame, redirect.startIndex) } } : { stdinUnknown: true };
      }
      // `>`, `>|`, `2>`, `&>` truncate the file; `>>` only appends: what the file then holds is not on the line.
      if (/^(?:\d*|&)>(?!>)/.test(redirect.text)) writes.push(target);
      else if (/^(?:\d*|&)>>/.test(redirect.text)) {
        // Appending is writing too: a line added to an agent's hook settings or a TOML config can
        // switch its hooks off (`[features] hooks = false`). Read as the pseudo-command `>> file`.
        const [start, end] = this.nodeSpan(redirect, frame);
        this.commands.push(this.command([{ value: '>>', dynamic: false, start, end }, { value: target, dynamic: false, start, end }], frame, new Map(), {}, [], [start, end]));
        if (frame.target === undefined) this.follower?.wrote(target, frame.place.dir, undefined);
      }
    }
    return undefined;
  }

  private simple(node: SyntaxNode, frame: Frame, outer: Input, depth: number): string | undefined {
    const scope = this.scope(frame);
    const discarded = stdoutDiscarded(node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'file_redirect').map((r) => r.text));
    const input = movedOutput(outer, discarded);
    // `test -n "$(gh auth token)"`: the substitution's output is only tested (other tests print a
    // value they cannot read in their error: `test "$(cat .env)" -eq 1`).
    const tested = node.namedChildren.find((c) => c?.type === 'command_name')?.text === 'test' && QUIET_TEST.test(node.text);
    const assignments = new Map<string, string>();
    const words: Word[] = [];
    let stdin = input;
    const writes: string[] = [...(input.writes ?? [])];
    // Words a variable with several known values fills, each way it may (`helm $action web`).
    const choices: Choice[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      this.substitutions(child, frame, depth, tested && child.type !== 'variable_assignment');
      if (child.type === 'variable_assignment') {
        const name = child.childForFieldName('name')?.text;
        const value = child.childForFieldName('value');
        if (name) assignments.set(name, value ? wordValue(value, scope).value : '');
      } else if (child.type.endsWith('_redirect')) {
        const got = this.redirectInput(child, frame, writes);
        if (got) stdin = { ...got, outputHidden: input.outputHidden };
      } else {
        const word = child.type === 'command_name' ? child.namedChildren.find(isNode) ?? child : child;
        const filled = this.words(word, frame, scope);
        const values = this.choiceWords(word, frame);
        if (values) choices.push({ at: words.length, count: filled.length, values });
        words.push(...filled);
      }
    }
    if (words.length === 0) return undefined;
    const first = words[0];
    if (first && !first.dynamic && hasGlob(first)) words[0] = { ...first, dynamic: true };
    const looked = first?.dynamic ? lookedUpProgram(first.value) : undefined;
    if (first && looked !== undefined) words[0] = { ...first, value: looked, dynamic: false };
    // `$VENV/bin/python`, `"$(dirname "$0")/run.sh"`, `$(npm bin)/eslint`: whatever the folder, the
    // program is the file named last; unless a value computed at run time is split into words there
    // (`x=$(cat f); $x/y`), as a listing's path is not.
    if (first?.dynamic && looked === undefined && /\/[\w.+-]+$/.test(first.value) && !/^\$\(.*\)$/s.test(first.value) &&
      (!this.computed.has(first) || first.runtime === 'names' || first.runtime === 'paths' || node.namedChildren.find((c) => c?.type === 'command_name')?.namedChildren.find(isNode)?.type === 'string')) {
      words[0] = { ...first, dynamic: false };
    }
    if (choices.length > 0) return this.fanOut(node, frame, words, choices, assignments, stdin, writes);
    const command = this.command(words, frame, assignments, stdin, writes, this.nodeSpan(node, frame), node.startIndex);
    if (command.program === 'tee') for (const file of words.slice(1).filter((w) => !w.value.startsWith('-'))) this.startupWrite(file.value, stdin.stdin, command.span);
    this.emit(command, frame, stdin.fromDecoder);
    this.remember(command, frame, stdin.stdin);
    this.overwrites(command, frame);
    this.call(command, frame, stdin);
    return staticOutput({ program: command.program, args: words.slice(1).map((w) => w.value), dynamic: words.some((w) => w.dynamic), stdin: stdin.stdin });
  }

  private command(words: readonly Word[], frame: Frame, assignments: ReadonlyMap<string, string>, input: Input,
    writes: readonly string[] = [], span?: readonly [number, number], raw?: number): SimpleCommand {
    const first = words[0];
    const last = words[words.length - 1];
    const source = input.stdinSource ?? this.sourceOf(frame, raw);
    const scoped = frame.origin?.kind === 'file' && frame.vars.size > 0;
    // One shape for every command (absent parts undefined, not missing): the rules read
    // thousands of them, and property reads stay fast only while the shapes agree.
    return {
      argv: words,
      program: programName(first?.value ?? ''),
      assignments,
      stdin: input.stdin,
      stdinUnknown: input.stdinUnknown,
      stdinListing: input.stdinListing,
      pipedOut: input.pipedOut,
      pipedInto: input.pipedInto,
      outputHidden: input.outputHidden,
      traced: this.tracing,
      writes,
      span: span ?? [first?.start ?? 0, last?.end ?? 0],
      via: frame.via,
      parent: frame.parent,
      target: frame.target,
      dir: frame.place.dir,
      source,
      scope: scoped ? plainVariables(frame.vars) : undefined,
    };
  }

  private emit(command: SimpleCommand, frame: Frame, fromDecoder = false): void {
    // `/bin/ca[t] .env`, `/usr/bin/dropd?`: a glob in the program word names a program only the
    // file system tells. A one-letter class is that letter; any other glob hides the name.
    const head = command.argv[0];
    if (head && head.value !== '[' && (!head.dynamic || head.runtime === 'name') && /[[?*]/.test(head.value) && !/[$`]/.test(head.value)) {
      const plain = head.value.replace(/\[([^\]!^\\])\]/g, '$1');
      if (!/[[?*]/.test(plain)) {
        this.emit({ ...command, argv: [{ value: plain, dynamic: false, start: head.start, end: head.end }, ...command.argv.slice(1)], program: programName(plain) }, frame, fromDecoder);
        return;
      }
      this.problem('dynamic-program', command.span, `the program name ${head.value} is a glob: what it names is only known at run time`, command);
    }
    if (this.commands.length >= this.limits.commands) {
      if (!this.problems.some((p) => p.kind === 'too-long')) this.problem('too-long', command.span, `more than ${this.limits.commands} commands: the rest were not read`);
      return;
    }
    this.commands.push(command);
    // `set -x`, `set -o verbose`, `bash -x …`: what the shell runs from here on is echoed, values and all.
    if (!this.tracing && tracesLine(command)) this.tracing = true;
    if (this.sourcedSecrets.size > 0) this.printsSourcedSecret(command);
    this.setsVariables(command, frame);
    if ((command.program === 'cd' || command.program === 'pushd') && command.target === undefined) frame.place.dir = changedDirectory(frame.place.dir, command);
    else if (command.program === 'popd' && command.target === undefined) frame.place.dir = undefined;
    for (const [name, value] of command.assignments) this.carried(name, value, command.span, frame, command);
    const program = command.argv[0];
    // A program named at run time may be any function the line defines.
    if (program?.dynamic) this.dynamicName = true;
    // `BASH_FUNC_f%%=() { …; }`: a function the next bash imports from the environment and may run by that name.
    for (const word of command.argv) {
      if (/^BASH_FUNC_[^=]*=\s*\(\)/.test(word.value)) this.problem('dynamic-exec', command.span, 'defines a shell function through the environment', command);
    }
    const printed = program?.dynamic ? printedProgram(program.value) : undefined;
    if (printed !== undefined) this.problem('hidden-script', command.span, `the line runs what \`${printed}\` prints`, command);
    // A program the line itself names, by a value it reads at run time or an operator it leaves
    // unread (`read c; $c`, `"${@#x}"`), may be anything; an outside variable (`$EDITOR f`) is the user's.
    else if (program?.dynamic && (this.computed.has(program) || namedVariables(program.value).some((name) => isLineVariable(frame.vars, name)) ||
      command.argv.slice(1).some((w) => SUSPICIOUS_ARGUMENT.test(w.value)))) {
      this.problem('dynamic-program', command.span, `the program name ${program.value} is only known at run time`, command);
    }
    const derived: Derived[] = [...unwrap(command), ...this.aliased(command, frame)];
    // `export NODE_OPTIONS='-r ./x.js'; npm test`: every Node program after it loads the preload.
    const nodeOptions = command.assignments.has('NODE_OPTIONS') ? undefined : frame.vars.get('NODE_OPTIONS');
    const followedAs = nodeOptions ? { ...command, assignments: new Map([...command.assignments, ['NODE_OPTIONS', nodeOptions]]) } : command;
    const followed = this.follower?.follow(followedAs, frame.place.dir) ?? [];
    // A file sourced from where the line does not show may set any variable.
    if ((command.program === '.' || command.program === 'source') && followed.length === 0) {
      forgetAll(frame.vars);
    }
    const found = payloads(command);
    derived.push(...found.derived);
    for (const call of found.dynamicCalls) this.problem('dynamic-exec', command.span, `${command.program} runs a command it builds at run time (${call})`, command);
    if (found.unseenScript) {
      this.problem('hidden-script', command.span, fromDecoder ? 'a shell runs decoded text the line does not show' : 'a shell runs a script the line does not show', command);
    }
    if (derived.length === 0 && followed.length === 0) return;
    if (frame.depth + 1 > this.limits.payloadDepth) {
      this.problem('too-deep', command.span, 'commands nested in commands too deeply to read');
      return;
    }
    for (const item of followed) this.followed(item, command, frame);
    for (const item of derived) {
      const via = [...frame.via, item.via];
      if (item.kind === 'argv') {
        const child: Frame = { ...frame, depth: frame.depth + 1, via, parent: command, target: item.target, origin: fixedOrigin(command) };
        const inner = this.command(item.words, child, item.assignments ?? new Map(), { stdin: item.stdin, stdinUnknown: item.stdinUnknown, stdinListing: item.stdinListing });
        this.emit(inner, child);
        // `time f`, `! f`: a function the line defined. (Programs such as `sudo` cannot run one; reading it anyway only asks more.)
        if (item.target === undefined) this.call(inner, child, {});
      } else {
        // A trap's handler is read again at the end of the text, when it runs.
        if (item.via === 'trap') this.defining[this.defining.length - 1]?.handlers.push({ text: item.text, command, key: variablesKey(frame.vars) });
        // `eval`, `source`, an alias and a callback run in this shell: what they assign stays.
        const vars = item.sameShell && command.assignments.size === 0 ? frame.vars : withAssignments(frame.vars, command.assignments);
        this.script(item.text, { vars, depth: frame.depth + 1, via, parent: command, target: item.target, place: { ...frame.place }, origin: fixedOrigin(command), ...this.placement(item.text, item.from) },
          { stdin: item.stdin, stdinUnknown: item.stdinUnknown });
      }
    }
  }

  /**
   * `alias name=text…`, and `BASH_ALIASES[name]=text`: a later command by that name runs the
   * text. Taken as in effect from the next command on, though bash only expands an alias from
   * the next line, and not at all in a non-interactive bash without `expand_aliases` (zsh always
   * does; reading more only asks more). `unalias` is not read: a function defined meanwhile keeps
   * the alias it was defined with.
   */
  private defineAlias(name: string, text: string): void {
    const known = this.aliases.get(name);
    if (!known) this.aliases.set(name, [text]);
    else if (!known.includes(text)) known.push(text);
  }

  /** The alias a command's name expands to (each text it was given), with a trailing blank expanding the next word too. */
  private aliased(command: SimpleCommand, frame: Frame): Derived[] {
    if (command.program === 'alias') {
      for (const word of command.argv.slice(1)) {
        const at = word.value.indexOf('=');
        if (at > 0) this.defineAlias(word.value.slice(0, at), word.value.slice(at + 1));
      }
    }
    const program = command.argv[0];
    if (this.aliases.size === 0 || !program || program.dynamic || frame.via.includes(`alias ${program.value}`)) return [];
    const texts = this.aliases.get(program.value) ?? [];
    return texts.map((text) => {
      let rest = command.argv.slice(1);
      let expanded = text;
      // Bash does not expand an alias again inside its own text (`alias ls='ls -F'`).
      while (/\s$/.test(expanded) && rest[0] && !rest[0].dynamic && this.aliases.has(rest[0].value) && rest[0].value !== program.value) {
        expanded += this.aliases.get(rest[0].value)?.[0] ?? '';
        rest = rest.slice(1);
      }
      const line = [expanded, ...rest.map((w) => (w.dynamic ? w.value : quoted(w.value)))].join(' ');
      return { kind: 'script', text: line, via: `alias ${program.value}`, from: command.argv, sameShell: true };
    });
  }

  /**
   * What a command leaves in the shell's variables: `shift` and `set --` move the positionals,
   * `read`, `printf -v`, `mapfile` and `unset` make theirs unknown (a run-time value in a variable
   * some program runs, `PS4` or `PAGER`, is asked about).
   */
  private setsVariables(command: SimpleCommand, frame: Frame): void {
    // Most commands set nothing: only builtins are read here, and every command passes.
    if (!SETS_VARIABLES.has(command.program)) return;
    movePositionals(command, frame.vars);
    // Reached through a wrapper (`command declare c=helm`), a declaration is a command: its assignments count.
    if (DECLARATIONS.has(command.program) && command.via.length > 0 && command.parent) {
      for (const word of command.argv.slice(1)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(word.value);
        if (m) setUnknown(frame.vars, m[1] ?? '');
      }
    }
    // `hash -p /path/helm ls`: `ls` runs that file from here on.
    if (command.program === 'hash') {
      const at = command.argv.findIndex((w) => w.value === '-p');
      const path = command.argv[at + 1];
      const names = command.argv.slice(at + 2);
      if (at > 0 && path && !path.dynamic) for (const n of names) this.defineAlias(n.value, quoted(path.value));
      else if (at > 0) this.problem('dynamic-exec', command.span, 'hash -p makes a name run a program only known at run time', command);
    }
    if (NAME_READERS.has(command.program)) {
      for (const word of command.argv.slice(1)) if (!word.dynamic) this.literalSubscript(word.value, command.span, frame);
      if (command.program === 'read' && command.stdin !== undefined) this.literalSubscript(command.stdin, command.span, frame);
    }
    const unset = command.program === 'unset' && !command.argv[0]?.dynamic && !command.argv.some((w) => w.value === '-f')
      ? command.argv.slice(1).filter((w) => !w.value.startsWith('-')).map((w) => w.value) : [];
    // Lines read from a listing (`git branch --merged | while read -r b`) are names, as `b=$(…)` would show.
    const shown = command.program === 'read' && command.stdinListing ? `$(${command.stdinListing})` : undefined;
    // `printf -v "$n"`, `read "$n"`, `let "$n=1"`: a name only running tells may be any variable.
    if (command.program === 'let' && command.argv.some((w) => w.dynamic)) this.anyVariable = true;
    for (const name of [...inputVariables(command), ...unset]) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\[.*\])?$/s.test(name)) this.anyVariable = true;
      setUnknown(frame.vars, name, unset.includes(name) ? undefined : shown);
      const base = name.replace(/\[.*$/s, '');
      if (COMMAND_VARIABLES.has(base) && !unset.includes(name)) this.problem('dynamic-exec', command.span, `sets ${base}, which the shell or a program runs, to what only running the line tells`, command);
      if (GATE_VARIABLE.test(base)) this.problem('gate-variable', command.span, `sets ${base}, which carries Airlock's terminal gate`, command);
    }
  }

  /**
   * What a task, script or input file runs, read as if typed: shell text through the parser,
   * interpreter code through the one-liner scanners, described commands as commands.
   */
  private followed(item: Followed, command: SimpleCommand, frame: Frame): void {
    if (item.kind === 'unread') {
      this.problem('unread-definition', command.span, item.detail);
      return;
    }
    const outer = command.source;
    // A task or script that leads back into itself (`"test": "pnpm -r test"` at the root) runs nothing new.
    // (A whole file has no line of its own: running it again from inside itself is the same loop.)
    const again = (s: CommandSource): boolean => s.file === item.source.file &&
      (item.source.key !== undefined ? s.key === item.source.key : item.source.line === undefined || s.line === item.source.line);
    for (let s = outer; s; s = s.outer) if (again(s)) return;
    const via = [...frame.via, `${item.source.runner} (${item.source.file})`];
    const [start, end] = command.span;
    const word = (value: string): Word => ({ value, dynamic: false, start, end });
    if (item.kind === 'script') {
      // A sourced file runs in this shell: it starts with the line's variables.
      const sourced = command.program === '.' || command.program === 'source';
      // Another script sees what the line exported (which is not told apart: each value may be unset
      // there) and the command's own prefix assignments (`A=uninstall bash s.sh`).
      const start = sourced ? new Map(frame.vars) : inherited(frame.vars, command.assignments);
      if (!sourced && start.size > 0) this.choosing = true;
      const vars = item.args && item.args.length > 0 ? positionals(start, item.args) : start;
      // A script finds its neighbours through its own path (`. "$(dirname "$0")/lib.sh"`, `${BASH_SOURCE%/*}`);
      // a sourced file keeps its caller's `$0`.
      if (item.path !== undefined) {
        setVariable(vars, 'BASH_SOURCE', item.path, false);
        if (!sourced) setVariable(vars, '0', item.path, false);
      }
      this.script(item.text, { vars, depth: frame.depth + 1, via, parent: command, shift: 0, fixed: command.span, place: { dir: item.dir }, origin: { kind: 'file', source: item.source, outer } });
      // What a file of plain assignments (`.env`) sets holds after it, when the line sources it as it
      // is; anything else may stop early (`"ret"urn`) or be changed first: what it assigns may hold.
      if (sourced && isAssignmentsFile(item.text) && this.asWritten(command)) mergeBranches(frame.vars, [withPositionalsOf(vars, frame.vars)]);
      else if (sourced) mergeMaybe(frame.vars, withPositionalsOf(vars, frame.vars));
      if (this.tracing && isProtectedPath(item.source.file)) this.problem('sourced-secret', command.span, `the shell traces what it runs (set -x): every value of ${item.source.file} goes to the terminal`, command);
      if (sourced && isProtectedPath(item.source.file)) {
        for (const m of item.text.slice(0, 64 * 1024).matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/gm)) this.sourcedSecrets.add(m[1] ?? '');
      }
      return;
    }
    const fixed: CommandSource = { runner: item.source.runner, file: item.source.file, line: item.source.line, key: item.source.key, outer, ...(item.kind === 'code' ? { code: true } : {}) };
    const child: Frame = { vars: new Map(), depth: frame.depth + 1, via, parent: command, shift: 0, fixed: command.span, place: { ...frame.place }, origin: { kind: 'fixed', source: fixed } };
    if (item.kind === 'code') {
      const [program, option] = CODE_COMMAND[item.language] ?? ['node', '-e'];
      this.emit(this.command([word(program), word(option), word(item.code)], child, new Map(), {}), child);
    } else {
      this.emit(this.command(item.words.map(word), child, new Map(), { stdin: item.stdin }), child);
    }
  }

  /**
   * True when the file a line sources is the one the engine read: the line names it at most once
   * (so writes, moves or removes nothing by that name first) and sets no `PATH` bash could find
   * another file by that name on.
   */
  private asWritten(command: SimpleCommand): boolean {
    const file = command.argv[1]?.value ?? '';
    const base = file.replace(/^.*\//, '');
    return base !== '' && this.line.split(base).length <= 2 && !/\bPATH=/.test(this.line);
  }

  /** Where a command read at `raw` (an offset in the frame's text) stands in a project file. */
  private sourceOf(frame: Frame, raw: number | undefined): CommandSource | undefined {
    const origin = frame.origin;
    if (!origin) return undefined;
    if (origin.kind === 'fixed') return origin.source;
    const { source, outer } = origin;
    const line = source.line ?? (source.text !== undefined && raw !== undefined ? lineAt(source.text, (source.offset ?? 0) + raw) : undefined);
    return { runner: source.runner, file: source.file, line, key: source.key, outer };
  }

  /**
   * A file the command writes, for later commands that run it: the text when the line shows it
   * (`cat > x.sh <<EOF`, `tee x.sh`), else marked unknown (`cp evil.sh run.sh`, `tee -a`, `curl -o`),
   * so what is on disk now is not taken for what will run.
   */
  private remember(command: SimpleCommand, frame: Frame, stdin: string | undefined): void {
    if (!this.follower || command.target !== undefined) return;
    const args = command.argv.slice(1).map((w) => w.value);
    const unseen = writtenFiles(command.program, args);
    if (command.writes.length === 0 && unseen.length === 0 && command.program !== 'tee') return;
    const output = command.writes.length > 0 ? staticOutput({ program: command.program, args, dynamic: command.argv.some((w) => w.dynamic), stdin }) : undefined;
    for (const path of command.writes) this.follower.wrote(path, frame.place.dir, output);
    for (const path of unseen) this.follower.wrote(path, frame.place.dir, undefined);
    if (command.program === 'tee') {
      const append = args.some((a) => /^-[a-z]*a|^--append$/.test(a));
      for (const path of args.filter((a) => !a.startsWith('-'))) this.follower.wrote(path, frame.place.dir, append ? undefined : stdin);
    }
  }

  /**
   * `for c in a b; do …; done` (and `select`) runs its body once per value: a few values the line
   * shows are read in turn (`for d in dist build; do rm -rf "$d"; done`); others once, the variable unknown.
   */
  private forLoop(node: SyntaxNode, frame: Frame, input: Input, depth: number): void {
    const name = node.childForFieldName('variable')?.text;
    const body = node.childForFieldName('body');
    const valueNodes = node.childrenForFieldName('value').filter(isNode);
    for (const value of valueNodes) this.substitutions(value, frame, depth);
    if (!name || !body) return;
    const scope = this.scope(frame);
    const words = valueNodes.flatMap((value) => this.words(value, frame, scope));
    for (const word of words) if (!word.dynamic) this.literalSubscript(word.value, [word.start, word.end], frame);
    const values = valueNodes.length === 0 ? arrayElements(frame.vars, '@')
      : words.some((w) => w.dynamic || hasGlob(w)) ? undefined : words.map((w) => w.value);
    // `select` runs its body only for what a person types; `break` and `continue` cut a pass short.
    const select = node.text.startsWith('select');
    const cut = /\b(?:break|continue)\b/.test(body.text);
    // Only the outermost such loop is read pass by pass: nested ones would multiply (8 deep, 8^8 passes).
    if (!select && this.iterating === 0 && values && values.length > 0 && values.length <= LOOP_READS) {
      this.iterating++;
      try {
        for (const value of values) {
          setVariable(frame.vars, name, value, false);
          this.carried(name, value, [words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0], frame);
          if (cut) this.maybe(frame, (f) => this.walk(body, f, input, depth + 1));
          else this.walk(body, frame, input, depth + 1);
        }
      } finally {
        this.iterating--;
      }
      if (cut && values.length > 1) setUnknown(frame.vars, name);
      return;
    }
    // Over one listing (`for b in $(git branch --merged)`) each value is one of its names, as `b=$(…)` would show.
    // Over one glob (`for f in *.log`) each value is a file it matches: `rm $f` removes what `rm *.log` would.
    const only = words.length === 1 ? words[0] : undefined;
    const listing = only && ((only.dynamic && this.listed(only.value)) || (!only.dynamic && hasGlob(only))) ? only.value : undefined;
    setUnknown(frame.vars, name, listing);
    if (COMMAND_VARIABLES.has(name)) this.problem('dynamic-exec', this.nodeSpan(node, frame), `sets ${name}, which the shell or a program runs, to each of several values`);
    for (const word of words) if (COMMAND_VARIABLES.has(name) && !word.dynamic) this.carried(name, word.value, [word.start, word.end], frame);
    this.anyTimes(body.text, [body], frame, input, depth);
  }

  /**
   * A part run any number of times (a loop's body; many branches read as one): in one pass that
   * first forgets what it assigns, since a later run sees what an earlier one left.
   */
  private anyTimes(text: string, nodes: readonly SyntaxNode[], frame: Frame, input: Input, depth: number): void {
    this.forgetAssigned(text, frame);
    this.maybe(frame, (f) => { for (const child of nodes) this.walk(child, f, input, depth + 1); });
  }

  /** Ways a statement may go, each read from where it starts; `surely`: one of them runs (an `else`, a `*)` arm). */
  private oneOf(ways: readonly (readonly SyntaxNode[])[], surely: boolean, frame: Frame, input: Input, depth: number): void {
    const ends = ways.map((nodes) => {
      const vars = new Map(frame.vars);
      for (const child of nodes) this.walk(child, { ...frame, vars }, input, depth + 1);
      return vars;
    });
    if (mergeBranches(frame.vars, surely ? ends : [new Map(frame.vars), ...ends])) this.choosing = true;
  }

  /**
   * Before a loop's body is read: what it assigns, itself or through the functions it calls, may
   * come from an earlier pass, so it is unknown.
   */
  private forgetAssigned(text: string, frame: Frame): void {
    const texts = [text];
    const seen = new Set<string>();
    for (let i = 0; i < texts.length && this.functions.size > 0; i++) {
      for (const word of (texts[i] ?? '').split(/[\s;&|(){}<>`"'$=]+/)) {
        const bodies = this.functions.get(word);
        if (!bodies || seen.has(word)) continue;
        seen.add(word);
        texts.push(...bodies.map((b) => b.text));
      }
    }
    for (const name of texts.flatMap(assignedNames)) setUnknown(frame.vars, name);
  }

  /** `if …; then …; elif …; else …; fi`: the first condition runs, each branch may. */
  private ifStatement(node: SyntaxNode, frame: Frame, input: Input, depth: number): void {
    const conditions = node.childrenForFieldName('condition').filter(isNode).map((c) => c.startIndex);
    const children = node.namedChildren.filter(isNode);
    for (const child of children) if (conditions.includes(child.startIndex)) this.walk(child, frame, input, depth + 1);
    // The `then` part, each `elif` and the `else` are the ways it may go; without an `else`, also none.
    const then = children.filter((c) => !conditions.includes(c.startIndex) && c.type !== 'elif_clause' && c.type !== 'else_clause');
    const branches = [then, ...children.filter((c) => c.type === 'elif_clause' || c.type === 'else_clause').map((c) => [c])];
    // More branches than values are followed: all are read in one pass.
    if (branches.length > MAX_CHOICES + 1) this.anyTimes(node.text, branches.flat(), frame, input, depth);
    else this.oneOf(branches, children.some((c) => c.type === 'else_clause'), frame, input, depth);
  }

  /** A `case` whose arm is only known at run time: each arm may run; with a `*)` arm, one surely does. */
  private caseArms(node: SyntaxNode, frame: Frame, input: Input, depth: number): void {
    const children = node.namedChildren.filter(isNode);
    const arms = children.filter((c) => c.type === 'case_item');
    for (const child of children) if (child.type !== 'case_item') this.walk(child, frame, input, depth + 1);
    // More arms than values are followed: all are read in one pass.
    if (arms.length > MAX_CHOICES + 1) this.anyTimes(node.text, arms, frame, input, depth);
    else this.oneOf(arms.map((arm) => [arm]), arms.some((arm) => arm.childrenForFieldName('value').some((p) => p?.text === '*')), frame, input, depth);
  }

  /** Reads a part that may or may not run: each variable it assigns is unknown afterwards. */
  private maybe(frame: Frame, read: (frame: Frame) => void): void {
    const vars = new Map(frame.vars);
    read({ ...frame, vars });
    if (mergeMaybe(frame.vars, vars)) this.choosing = true;
  }

  /** A subshell, `$(…)` or `<(…)`: what it assigns stays inside. */
  private walkIsolated(node: SyntaxNode, frame: Frame, input: Input, depth: number): void {
    const inner = { ...frame, vars: new Map(frame.vars) };
    for (const child of node.namedChildren) if (child) this.walk(child, inner, input, depth + 1);
  }

  /**
   * `local c`, `declare -n r=c`, `declare "c=$v"`: names declared without a value are unknown (a
   * `local` hides the caller's), a nameref makes its target unknown (assignments through it are
   * not followed), and a quoted `NAME=value` word assigns as a plain one does.
   */
  private declaration(node: SyntaxNode, frame: Frame, input: Input, depth: number): void {
    const words = node.text.split(/\s+/);
    const scope = this.scope(frame);
    const options = node.namedChildren.filter(isNode).map((c) => wordValue(c, scope).value).filter((v) => /^[-+][a-zA-Z]+$/.test(v));
    const nameref = options.some((v) => /^-[a-zA-Z]*n/.test(v));
    this.unexported(words, this.nodeSpan(node, frame));
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'variable_name' && nameref) this.nameref(child.text, '', this.nodeSpan(child, frame), frame);
      else if (child.type === 'variable_name' && words[0] !== 'export' && words[0] !== 'readonly') setUnknown(frame.vars, child.text);
      else if (child.type === 'variable_assignment' && child.childForFieldName('value')?.type !== 'array' &&
        /^\s*\(/.test(wordValue(child.childForFieldName('value') ?? child, scope).value) && child.childForFieldName('value')) {
        // `declare -a a='(…)'` makes an array of the quoted text's words.
        setUnknown(frame.vars, child.childForFieldName('name')?.text ?? '');
      } else if (child.type === 'variable_assignment' && nameref) {
        const target = child.childForFieldName('value');
        this.nameref(child.childForFieldName('name')?.text ?? '', target ? wordValue(target, scope).value : '', this.nodeSpan(child, frame), frame);
      } else if (child.type === 'string' || child.type === 'raw_string' || child.type === 'concatenation' || (child.type === 'word' && !child.text.startsWith('-'))) {
        this.substitutions(child, frame, depth);
        const { value, dynamic, computed } = wordValue(child, scope);
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=(.*)$/s.exec(value);
        if (/^[-+][a-zA-Z]+$/.test(value)) continue;
        if (m && nameref) this.nameref(m[1] ?? '', m[3] ?? '', this.nodeSpan(child, frame), frame);
        // `declare a='(…)'` may make an array of the quoted text's words.
        else if (m && /^\s*\(/.test(m[3] ?? '')) setUnknown(frame.vars, m[1] ?? '');
        else if (m) {
          setVariable(frame.vars, m[1] ?? '', m[3] ?? '', dynamic ? (computed ? 'computed' : 'outside') : false);
          this.carried(m[1] ?? '', m[3] ?? '', this.nodeSpan(child, frame), frame);
        } else if (/^[A-Za-z_][A-Za-z0-9_]*(?:\[.*\])?$/s.test(value) && words[0] !== 'export' && words[0] !== 'readonly') {
          if (nameref) this.nameref(value, '', this.nodeSpan(child, frame), frame);
          setUnknown(frame.vars, value);
        } else if (dynamic && computed) this.anyVariable = true;
      } else {
        // `export $(cat vars.txt)`, `declare "$line"`: names only running tells.
        if (['command_substitution', 'simple_expansion', 'expansion'].includes(child.type) && wordValue(child, scope).computed) this.anyVariable = true;
        // What `export $(… .env …)` is given becomes variables, never printed (`export -p` prints, and is
        // judged as it); a key's or credential file's words are no names, and their errors print them.
        this.walk(child, frame, child.type === 'command_substitution' && DOTENV_ONLY.test(child.text) && !OTHER_SECRET_FILE.test(child.text) ? { ...input, outputHidden: true } : input, depth + 1);
      }
    }
  }

  /** `${C:=helm}` assigns C where it is unset or empty: from here on it is unknown (a prompt's default is read as what it runs). */
  private assignsDefault(text: string, frame: Frame): void {
    const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?=(.*)\}$/s.exec(text);
    if (!m || (frame.vars.get(m[1] ?? '') && !isUnknown(frame.vars, m[1] ?? ''))) return;
    const name = m[1] ?? '';
    if (COMMAND_VARIABLES.has(name)) this.valueScript(`${name}=`, (m[2] ?? '').replace(/^(['"])(.*)\1$/s, '$2'), [0, 0], frame);
    setUnknown(frame.vars, name);
  }

  /** `declare -n name=target`: assignments through the name are not followed, so the target is unknown from here on. */
  private nameref(name: string, target: string, span: readonly [number, number], frame: Frame): void {
    if (COMMAND_VARIABLES.has(target) || GATE_VARIABLE.test(target)) this.problem('dynamic-exec', span, `makes a second name for ${target}, whose value the shell or a program runs`);
    this.namerefs.set(name, target);
    if (target !== '' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(target)) this.anyVariable = true;
    if (target !== '') setUnknown(frame.vars, target);
    setUnknown(frame.vars, name);
  }

  /** `${x@P}`: the value read as a prompt, whose substitutions run. One named at run time (`${!y@P}`) is asked about. */
  private promptExpansion(node: SyntaxNode, frame: Frame): void {
    const inner = node.text.slice(2, -3);
    const span = this.nodeSpan(node, frame);
    const known = inner.startsWith('!') ? undefined : expansionValue(`\${${inner}}`, frame.vars);
    if (known && !known.unknown) this.valueScript(node.text, known.value, span, frame);
    else this.problem('dynamic-exec', span, `expands ${node.text} as a prompt, running what its value holds`);
  }

  /**
   * A value such as `'a[$(…)]'` where bash reads it as a name or a number (`[[ -v … ]]`, `(( x ))`
   * once a variable holds it): the substitution runs.
   */
  private literalSubscript(text: string, node: SyntaxNode | readonly [number, number], frame: Frame): void {
    if (RUNNING_SUBSCRIPT.test(text)) this.valueScript('a[…]', text, 'type' in node ? this.nodeSpan(node, frame) : node, frame);
  }

  /**
   * `case "$1" in status) …;; reset) …;; esac` with a value the line shows (a script's argument):
   * only the branch it selects runs. False when the value or a pattern is only known at run time,
   * or a branch falls through (`;&`): then every branch is read.
   */
  private caseBranch(node: SyntaxNode, frame: Frame, input: Input, depth: number): boolean {
    const valueNode = node.childForFieldName('value');
    if (!valueNode || /;;?&/.test(node.text)) return false;
    this.substitutions(valueNode, frame, depth);
    const value = wordValue(valueNode, this.scope(frame));
    if (value.dynamic) return false;
    const items = node.namedChildren.filter((item): item is SyntaxNode => item?.type === 'case_item');
    let taken: SyntaxNode | undefined;
    for (const item of items) {
      const patterns = item.childrenForFieldName('value').filter(isNode);
      // Classes, quotes inside a pattern, extglob and nocasematch are matched as bash does only by bash.
      if (patterns.some((p) => /[$`[\]\\]|.['"]|['"]./.test(p.text.replace(/^(['"])([^'"]*)\1$/s, '$2'))) || /\b(?:nocasematch|extglob)\b/.test(this.line)) return false;
      // A pattern quoted whole is matched as text (`"*")` is a star).
      if (patterns.some((p) => (/^(['"])(.*)\1$/s.test(p.text) ? p.text.slice(1, -1) === value.value : globMatches(p.text, value.value)))) {
        taken = item;
        break;
      }
    }
    // The arms not taken run nothing: a function named only there is not called (`reset-db) reset_db ;;`).
    for (const item of items) if (item !== taken) this.markInert(item);
    if (taken) {
      const starts = new Set(taken.childrenForFieldName('value').filter(isNode).map((p) => p.startIndex));
      for (const child of taken.namedChildren) if (child && !starts.has(child.startIndex)) this.walk(child, frame, input, depth + 1);
    }
    // No pattern matches: the statement runs nothing.
    return true;
  }

  /** `export -p`, `declare -x`: a declaration without names prints the variables: read as a command. */
  private declaresNothing(node: SyntaxNode, frame: Frame, input: Input): boolean {
    const words = node.text.trim().split(/\s+/);
    if (!DECLARATIONS.has(words[0] ?? '') || !words.slice(1).every((w) => /^-[a-zA-Z]+$/.test(w))) return false;
    const [start] = this.nodeSpan(node, frame);
    let at = start;
    const argv = words.map((value): Word => { const word = { value, dynamic: false, start: at, end: at + value.length }; at += value.length + 1; return word; });
    this.emit(this.command(argv, frame, new Map(), input), frame);
    return true;
  }

  /**
   * `name() { …; }` runs nothing until it is called: its body is read at each call on the line
   * (a function that is never called runs nothing). Substitutions in its body still wait too.
   */
  private define(node: SyntaxNode, frame: Frame, depth: number): void {
    const name = node.childForFieldName('name')?.text;
    const body = node.childForFieldName('body');
    if (!name || !body) {
      for (const child of node.namedChildren) if (child) this.walk(child, frame, {}, depth + 1);
      return;
    }
    const origin = frame.origin?.kind === 'file'
      ? { ...frame.origin, source: { ...frame.origin.source, offset: (frame.origin.source.offset ?? 0) + body.startIndex } }
      : frame.origin;
    // Every body a name is given is kept: one defined in a subshell or a branch may not replace the
    // one bash calls, and a call reads each.
    const fn: FunctionBody = { text: body.text, shift: frame.shift + body.startIndex, fixed: frame.fixed, origin };
    const bodies = this.functions.get(name);
    if (!bodies) this.functions.set(name, [fn]);
    else if (!bodies.some((b) => b.text === fn.text)) bodies.push(fn);
    this.defining[this.defining.length - 1]?.names.push([name, node.startIndex, node.endIndex, fn]);
  }

  /**
   * A function the text defines may run where the expander reads no call, or later than the calls
   * it read, with other variables: the shell calls some by their names (`TRAPZERR`,
   * `command_not_found_handle`, `precmd`), and a name the line mentions again may be called from
   * a trap, `eval`, `mapfile -C`, an exported function in `bash -c`, `PROMPT_COMMAND`. So at the
   * end of the text each such body is read once more as called, with the variables as they stand
   * then and its arguments unknown; so is every body when a program is named at run time (`$x`).
   * A function named nowhere else runs nothing.
   */
  private readUncalled(frame: Frame): void {
    const here = this.defining[this.defining.length - 1];
    if (!here) return;
    // A trap's handler runs on its signal, or at exit: with the variables as they stand then.
    for (const handler of here.handlers) {
      if (handler.key === variablesKey(frame.vars) || frame.depth + 1 > this.limits.payloadDepth) continue;
      this.script(handler.text, { ...frame, vars: new Map(frame.vars), depth: frame.depth + 1, via: [...frame.via, 'trap'], parent: handler.command, shift: 0, fixed: handler.command.span, origin: fixedOrigin(handler.command) });
    }
    for (let i = 0; i < here.names.length; i++) {
      const [name, start, end, fn] = here.names[i] ?? ['', 0, 0, undefined];
      if (!fn || this.calling.has(name) || this.calledWith.get(name) === variablesKey(frame.vars)) continue;
      if (!SHELL_CALLED.test(name) && !this.dynamicName && !this.mentionedElsewhere(name, here.text, start, end)) continue;
      // The handler of unknown commands gets their words: what it runs with them is only known then.
      if (/^command_not_found_handler?$/.test(name) && /\$\{?[@*#0-9]|\bshift\b/.test(fn.text)) {
        this.problem('dynamic-exec', this.span(start, end, frame), `${name} runs what an unknown command's words say`);
      }
      this.readBody(name, fn, { ...frame, vars: withoutPositionals(frame.vars) }, {}, undefined);
    }
  }

  /** A function's body, read as the shell runs it at a call (`parent`), with the call's frame. */
  private readBody(name: string, fn: FunctionBody, frame: Frame, input: Input, parent: SimpleCommand | undefined): void {
    // Functions calling functions several times each grow without end (8 calls, 7 deep, in 300
    // characters): past the commands a line may hold, or as many reads, the rest is not read.
    if (this.commands.length >= this.limits.commands || ++this.bodyReads > this.limits.commands) {
      if (!this.problems.some((p) => p.kind === 'too-long')) this.problem('too-long', parent?.span ?? this.span(0, fn.text.length, frame), 'functions call functions too many times to read');
      return;
    }
    // Each function is read at most once at a time (no recursion), so this bounds the nesting.
    if (this.calling.size >= MAX_CALL_DEPTH) {
      this.problem('too-deep', parent?.span ?? this.span(0, fn.text.length, frame), 'functions calling functions too deeply to read');
      return;
    }
    this.calling.add(name);
    try {
      this.script(fn.text, { ...frame, via: [...frame.via, `${name}()`], parent: parent ?? frame.parent, shift: fn.shift, fixed: fn.fixed, origin: fn.origin }, input, true);
    } finally {
      this.calling.delete(name);
    }
  }

  /**
   * True when a text read names the function outside its own definition (text `index`,
   * `start`–`end`), comments and `case` arms not taken: as a word of its own, or inside one
   * (`${x:-f}`, `x=.f; ${x#.}`), where only word characters end it.
   */
  private mentionedElsewhere(name: string, index: number, start: number, end: number): boolean {
    const word = new RegExp(`(?<!\\w)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g');
    const inert = (i: number, at: number): boolean => this.inert.some(([t, s, e]) => t === i && at >= s && at < e);
    return this.texts.some((text, i) => {
      for (let m = (word.lastIndex = 0, word.exec(text)); m !== null; m = word.exec(text)) {
        if ((i !== index || m.index < start || m.index >= end) && !inert(i, m.index)) return true;
      }
      return false;
    });
  }

  /** Marks a part of the text being parsed as running nothing, for `mentionedElsewhere`. */
  private markInert(node: SyntaxNode): void {
    const here = this.defining[this.defining.length - 1];
    if (here && here.text >= 0) this.inert.push([here.text, node.startIndex, node.endIndex]);
  }

  private call(command: SimpleCommand, frame: Frame, input: Input): void {
    const name = command.argv[0]?.value;
    const bodies = name === undefined || command.argv[0]?.dynamic ? undefined : this.functions.get(name);
    if (!bodies || name === undefined) return;
    if (this.calling.has(name)) {
      this.problem('self-call', command.span, `the function ${name} calls itself`);
      return;
    }
    // Inside the function, `$1`… are the call's own arguments (`run_sql "DROP …"`).
    // An argument known only at run time leaves every positional unknown, never the caller's.
    const args = command.argv.slice(1);
    // `c=helm f`: the prefix assignments are the function's too.
    const caller = command.assignments.size === 0 ? frame.vars : withAssignments(frame.vars, command.assignments);
    this.calledWith.set(name, variablesKey(frame.vars));
    for (const fn of bodies) {
      const vars = positionals(caller, args.some((w) => w.dynamic) ? undefined : args.map((w) => w.value));
      this.readBody(name, fn, { ...frame, vars }, { stdin: input.stdin, stdinUnknown: input.stdinUnknown }, command);
      // A function's assignments are the shell's own (unless `local`, which is not told apart here).
      if (mergeMaybe(frame.vars, withPositionalsOf(vars, frame.vars))) this.choosing = true;
    }
  }

  /** Each file a redirect truncates, as the pseudo-command `> file` the rules read. */
  private overwrites(command: SimpleCommand, frame: Frame): void {
    for (const target of command.writes) {
      const [start, end] = command.span;
      const words: Word[] = [{ value: '>', dynamic: false, start, end }, { value: target, dynamic: false, start, end }];
      this.commands.push(this.command(words, { ...frame, via: [...frame.via, command.program] }, new Map(), {}, [], command.span));
    }
  }

  /** Where a payload's text stands in the top-level line, so spans still point at it. */
  private placement(text: string, from: readonly Word[]): { shift: number; fixed?: readonly [number, number] } {
    const first = from[0];
    const last = from[from.length - 1];
    if (!first || !last) return { shift: 0, fixed: [0, 0] };
    const source = this.line.slice(first.start, last.end);
    const at = text.length > 0 ? source.indexOf(text) : -1;
    return at >= 0 ? { shift: first.start + at } : { shift: 0, fixed: [first.start, last.end] };
  }

  private assign(node: SyntaxNode, frame: Frame, depth: number): void {
    this.substitutions(node, frame, depth);
    const nameNode = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (!nameNode) return;
    const scope = this.scope(frame);
    // `a[2]=x`, `BASH_ALIASES[x]=helm`: one element.
    const subscript = nameNode.type === 'subscript' ? /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(nameNode.text) : null;
    const name = subscript?.[1] ?? nameNode.text;
    const appends = node.text.startsWith('+=', nameNode.text.length);
    if (value?.type === 'array') {
      const words = value.namedChildren.filter(isNode).flatMap((child) => this.words(child, frame, scope));
      // `([key]=value …)`: elements by key, of an associative array or at an index.
      const keyed = words.map((w) => /^\[(.+?)\]=(.*)$/s.exec(w.value));
      if (name === 'BASH_ALIASES') for (const k of keyed) if (k) this.defineAlias(k[1] ?? '', k[2] ?? '');
      for (const w of words) if (RUNNING_SUBSCRIPT.test(w.value)) this.valueScript(`${name}=(…)`, w.value, this.nodeSpan(node, frame), frame);
      const before = appends ? arrayElements(frame.vars, name) : [];
      setArray(frame.vars, name, before && !keyed.some(Boolean) && !words.some((w) => w.dynamic) ? [...before, ...words.map((w) => w.value)] : undefined);
      return;
    }
    const { value: text, dynamic, computed } = value ? wordValue(value, scope) : { value: '', dynamic: false, computed: false };
    const unknown = dynamic ? (computed ? 'computed' : 'outside') : false;
    if (subscript) {
      if (name === 'BASH_ALIASES') this.defineAlias(wordValue(nameNode.namedChildren[1] ?? nameNode, scope).value, text);
      setElement(frame.vars, name, subscript[2] ?? '', appends ? (arrayElements(frame.vars, name)?.[Number(subscript[2])] ?? '') + text : text, unknown !== false);
      this.carried(name, text, this.nodeSpan(node, frame), frame);
      return;
    }
    const whole = appends ? (frame.vars.get(name) ?? '') + text : text;
    this.assignedThrough(name, whole, frame, this.nodeSpan(node, frame));
    // `x=$a`, `x="${a}l"` with several values of `a`: several values of `x`.
    const ways = value && !subscript && !isArray(frame.vars, name) ? this.choiceScopes(value.text, frame) : undefined;
    if (ways && value) {
      const values = ways.map((vars) => wordValue(value, this.scope({ ...frame, vars })));
      if (values.every((v) => !v.dynamic)) {
        setChoices(frame.vars, name, values.map((v) => (appends ? (frame.vars.get(name) ?? '') : '') + v.value));
        return;
      }
    }
    // `a=x` on an array sets its first element only.
    if (isArray(frame.vars, name)) setElement(frame.vars, name, '0', whole, unknown !== false);
    else setVariable(frame.vars, name, whole, unknown || (appends && isUnknown(frame.vars, name) ? 'computed' : false));
    this.carried(name, whole, this.nodeSpan(node, frame), frame);
  }

  /** An assignment to a nameref assigns its target: a nameref given no target takes the value as its target's name. */
  private assignedThrough(name: string, value: string, frame: Frame, span: readonly [number, number]): void {
    const target = this.namerefs.get(name);
    if (target === undefined) return;
    if (target === '') this.nameref(name, value, span, frame);
    else setUnknown(frame.vars, target);
  }

  /**
   * `source .env.production && echo $RAILWAY_TOKEN`: the line holds the file's values, so the
   * rules would read the token in the variable's place and see no secret variable printed.
   */
  private printsSourcedSecret(command: SimpleCommand): void {
    if (command.writes.length > 0 || !printedThrough(command)) return;
    const [start, end] = command.span;
    const text = this.line.slice(start, end);
    const words = command.argv.slice(1).map((w) => w.value);
    const named = [...this.sourcedSecrets].find((name) => {
      if (command.program === 'echo' || command.program === 'printf') return new RegExp(`\\$\\{?!?${name}\\b`).test(text);
      return command.program === 'printenv' && words.includes(name);
    });
    if (named !== undefined) this.problem('sourced-secret', command.span, `prints ${named}, which the line took from a secret file`, command);
  }

  /** `export -n BASH_ENV`, `declare +x ZDOTDIR`: kept in this shell, gone from the shells it starts. */
  private unexported(words: readonly string[], span: readonly [number, number]): void {
    if (!((words[0] === 'export' && words.some((w) => /^-[a-zA-Z]*n[a-zA-Z]*$/.test(w))) || words.includes('+x'))) return;
    const gate = words.slice(1).map((w) => w.replace(/=.*$/s, '')).find((w) => GATE_VARIABLE.test(w));
    if (gate !== undefined) this.problem('gate-variable', span, `takes ${gate}, which carries Airlock's terminal gate, from the shells this one starts`);
  }

  /**
   * A variable some program runs as a command (`GIT_SSH_COMMAND`, `PAGER`, `EDITOR`…): its value
   * is judged as if typed, wherever the line sets it, since a later command may run it.
   */
  private carried(name: string, value: string, span: readonly [number, number], frame: Frame, parent?: SimpleCommand): void {
    if (GATE_VARIABLE.test(name)) this.problem('gate-variable', span, `sets ${name}, which carries Airlock's terminal gate`);
    // A PATH that does not keep the old one (`export PATH=/usr/bin:/bin`) drops Airlock's shims from it.
    if (name === 'PATH' && value !== '' && (/\$\{PATH[#%/:]/.test(value) || (!/\$PATH\b|\$\{PATH\}/.test(value) && !value.includes('airlock')))) {
      this.problem('gate-variable', span, 'replaces PATH, dropping Airlock\'s shims from it');
    }
    // A value such as `a[$(…)]` runs the substitution wherever bash reads it as a number or a name
    // (`(( x ))`, `[[ -v $x ]]`, `printf -v "$x"`).
    if (COMMAND_VARIABLES.has(name) || RUNNING_SUBSCRIPT.test(value)) this.valueScript(`${name}=`, value, span, frame, parent);
  }

  /** A variable's value read as the commands it runs (`via`: how, such as `PAGER=`), standing at `span`. */
  private valueScript(via: string, value: string, span: readonly [number, number], frame: Frame, parent?: SimpleCommand): void {
    if (value.trim() === '') return;
    if (frame.depth + 1 > this.limits.payloadDepth) {
      this.problem('too-deep', span, 'commands nested in commands too deeply to read');
      return;
    }
    const origin = parent ? fixedOrigin(parent) : frame.origin;
    this.script(value, { vars: new Map(frame.vars), depth: frame.depth + 1, via: [...frame.via, via], parent: parent ?? frame.parent, target: frame.target, shift: 0, fixed: span, place: { ...frame.place }, origin });
  }

  /** Commands inside `$(…)`, backticks and `<(…)` run too, and in a prompt expansion's value (`${x@P}`). */
  private substitutions(node: SyntaxNode, frame: Frame, depth: number, hidden = false): void {
    if (depth > this.limits.syntaxDepth) {
      this.problem('too-deep', this.nodeSpan(node, frame), 'nested too deeply to read');
      return;
    }
    if (node.type === 'expansion' && node.text.endsWith('@P}')) this.promptExpansion(node, frame);
    if (node.type === 'expansion') this.assignsDefault(node.text, frame);
    // `$(< .env.production)`: bash reads the file in, as `$(cat .env.production)` would.
    const read = node.type === 'command_substitution' ? /^\$\(\s*<\s*([^\s()<>;&|`$]+)\s*\)$/.exec(node.text) : null;
    if (read?.[1]) {
      this.script(`cat -- ${read[1]}`, { ...frame, vars: new Map(frame.vars), fixed: this.nodeSpan(node, frame) });
      return;
    }
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.walkIsolated(node, frame, hidden && node.type === 'command_substitution' ? { outputHidden: true } : {}, depth);
      return;
    }
    for (const child of node.namedChildren) {
      if (child && child.namedChildCount > 0) this.substitutions(child, frame, depth + 1, hidden);
    }
  }

  private scope(frame: Frame): WordScope {
    return { vars: frame.vars, anyVariable: this.anyVariable, substitution: (node) => this.substitutionOutput(node, frame) };
  }

  /** The output of `$(echo rm)` or `$(echo cm0= | base64 -d)`, trailing newlines removed as bash does. */
  private substitutionOutput(node: SyntaxNode, frame: Frame): string | undefined {
    const inner = node.namedChildren.filter(isNode);
    if (inner.length !== 1 || !inner[0]) return undefined;
    if (inner[0].type === 'list') return this.folderOf(inner[0], frame);
    return this.statementOutput(inner[0], frame)?.replace(/\n+$/, '');
  }

  /** What a command or pipeline of producers prints (`echo …`, `printf … | base64 -d`), when the line shows it. */
  private statementOutput(statement: SyntaxNode, frame: Frame): string | undefined {
    const stages = statement.type === 'pipeline' ? statement.namedChildren.filter(isNode) : [statement];
    let stdin: string | undefined;
    for (const stage of stages) {
      if (stage.type !== 'command') return undefined;
      const words = stage.namedChildren.filter(isNode).filter((c) => c.type !== 'variable_assignment')
        // A substitution inside, read the same way (`$(dirname "$(readlink -f "$0")")`).
        .map((c) => wordValue(c.type === 'command_name' ? (c.namedChildren.find(isNode) ?? c) : c, { vars: frame.vars, substitution: (n) => this.substitutionOutput(n, frame) }));
      const [program, ...args] = words;
      if (!program) return undefined;
      stdin = staticOutput({ program: programName(program.value), args: args.map((w) => w.value), dynamic: words.some((w) => w.dynamic), stdin });
      if (stdin === undefined) return undefined;
    }
    return stdin;
  }

  /** `$(cd "$(dirname "$0")" && pwd)`: the folder a script names itself by, when the line or file tells it. */
  private folderOf(list: SyntaxNode, frame: Frame): string | undefined {
    const [cd, pwd] = list.namedChildren.filter(isNode);
    if (list.namedChildren.length !== 2 || cd?.type !== 'command' || pwd?.type !== 'command' || !/^\s*&&/.test(list.text.slice(cd.endIndex - list.startIndex))) return undefined;
    const words = (stage: SyntaxNode): Word[] => stage.namedChildren.filter(isNode)
      .map((c) => wordValue(c.type === 'command_name' ? (c.namedChildren.find(isNode) ?? c) : c, { vars: frame.vars, substitution: (n) => this.substitutionOutput(n, frame) }))
      .map((w) => ({ ...w, start: 0, end: 0 }));
    const [cdName, target, ...more] = words(cd);
    const [pwdName, ...options] = words(pwd);
    if (cdName?.value !== 'cd' || !target || target.dynamic || more.length > 0 || !target.value.startsWith('/')) return undefined;
    if (pwdName?.value !== 'pwd' || options.some((o) => o.value !== '-P' && o.value !== '-L')) return undefined;
    return target.value;
  }

  private isDecoderNode(node: SyntaxNode, frame: Frame): boolean {
    const words = node.namedChildren.filter(isNode).map((c) => c.type === 'command_name' ? (c.namedChildren.find(isNode) ?? c) : c)
      .map((c) => wordValue(c, { vars: frame.vars, substitution: () => undefined }).value);
    return isDecoder(programName(words[0] ?? ''), words.slice(1));
  }

  /**
   * A word node's values as bash hands them to the program: an unquoted `$var` holding spaces
   * splits into several words, and unquoted braces expand (`r{m,}` → `rm r`).
   */
  private words(node: SyntaxNode, frame: Frame, scope: WordScope): Word[] {
    const [start, end] = this.nodeSpan(node, frame);
    // (Each read of a node's type is a call into the parser's runtime.)
    const type = node.type;
    // `"$@"` is each positional parameter as a word of its own (`run() { "$@"; }; run helm uninstall …`),
    // `"${@:2}"`, `"${@:1:3}"` a run of them, and `"${cmd[@]}"` each element of an array the line set.
    const expansion = type === 'string' || type === 'expansion' || type === 'simple_expansion';
    const all = expansion ? /^("?)\$(?:@|\{(@|[A-Za-z_][A-Za-z0-9_]*\[@\])(?::([1-9][0-9]*)(?::([0-9]+))?)?\})\1$/.exec(node.text) : null;
    const elements = all ? arrayElements(scope.vars, (all[2] ?? '@').replace('[@]', '')) : undefined;
    if (all && elements) {
      const from = all[3] === undefined ? 0 : Number(all[3]) - (all[2]?.endsWith(']') ? 0 : 1);
      const run = elements.slice(from, all[4] === undefined ? undefined : from + Number(all[4]));
      // Unquoted, each element is split again.
      const values = all[1] === '"' ? run : run.flatMap((v) => splitWords(v, scope.vars));
      return values.map((value) => ({ value, dynamic: false, start, end }));
    }
    const { value, dynamic, computed } = wordValue(node, scope);
    const unquoted = type === 'simple_expansion' || type === 'expansion' || type === 'command_substitution';
    // An unquoted expansion to nothing is no word at all (`c=; $c helm …` runs helm).
    if (unquoted && value === '' && !dynamic) return [];
    // Split where bash splits: by an `IFS` only known at run time, anywhere.
    if (computed || ((unquoted || type === 'concatenation') && isUnknown(scope.vars, 'IFS'))) return this.computedWords(node, scope, value, start, end);
    // A value only known in part splits where the part the line shows has blanks (`c="helm $x"`);
    // the output of a substitution (`c=$(cat cmd.txt)`) is one unknown word.
    const blanks = /\s/.test(value) || scope.vars.has('IFS');
    const splits = blanks && (unquoted || (type === 'concatenation' && node.namedChildren.some((c) => c?.type === 'simple_expansion' || c?.type === 'expansion' || c?.type === 'command_substitution')));
    // Unquoted, a value's glob (`A="u*"; helm $A`) is a name of a file it matches, as the line's own is.
    const globs = unquoted || type === 'word' || type === 'concatenation';
    if (splits && !(dynamic && value === node.text)) {
      return splitWords(value, scope.vars).map((part) => ({ value: part, dynamic: dynamic && /[$`]/.test(part), start, end, ...(globs && /[*?[]/.test(part) ? { runtime: 'name' } : {}) }));
    }
    if (value.includes('{') && hasUnquotedBraces(node)) {
      const expanded = expandBraces(value);
      // Too many words to list: the value is only known at run time.
      if (!expanded) return [{ value, dynamic: true, start, end }];
      return expanded.map((part) => ({ value: part, dynamic, start, end }));
    }
    // An unquoted glob (`helm u* web`) is a name of a file it matches, only known at run time.
    if (globs && /[*?[]/.test(value)) return [{ value, dynamic, start, end, runtime: 'name' }];
    return [{ value, dynamic, start, end }];
  }

  /**
   * `PM=npm; [ -f yarn.lock ] && PM=yarn; $PM test`: each command the line may run, each read as a
   * way the line may go (what it assigns, the folder it leaves, are one of the ways' after). The
   * first words' values are combined, up to MAX_FANOUT ways; later words keep their unknown value.
   */
  private fanOut(node: SyntaxNode, frame: Frame, words: readonly Word[], choices: readonly Choice[], assignments: ReadonlyMap<string, string>,
    stdin: Input, writes: readonly string[]): string | undefined {
    let ways: Word[][] = [[...words]];
    // From the last word back, so each choice's place in the words still holds.
    const taken = choices.filter((_, i) => choices.slice(0, i + 1).reduce((n, c) => n * c.values.length, 1) <= MAX_FANOUT);
    for (const choice of [...taken].reverse()) {
      ways = ways.flatMap((w) => choice.values.map((value) => [...w.slice(0, choice.at), ...value, ...w.slice(choice.at + choice.count)]));
    }
    const ends: Variables[] = [];
    const dirs = new Set<string | undefined>();
    const outputs = new Set<string | undefined>();
    for (const way of ways) {
      if (way.length === 0) continue;
      const wayFrame: Frame = { ...frame, vars: new Map(frame.vars), place: { ...frame.place } };
      const command = this.command(way, wayFrame, assignments, stdin, writes, this.nodeSpan(node, frame), node.startIndex);
      this.emit(command, wayFrame, stdin.fromDecoder);
      this.remember(command, wayFrame, stdin.stdin);
      this.overwrites(command, wayFrame);
      this.call(command, wayFrame, stdin);
      ends.push(wayFrame.vars);
      dirs.add(wayFrame.place.dir);
      outputs.add(staticOutput({ program: command.program, args: way.slice(1).map((w) => w.value), dynamic: way.some((w) => w.dynamic), stdin: stdin.stdin }));
    }
    if (mergeBranches(frame.vars, ends)) this.choosing = true;
    frame.place.dir = dirs.size === 1 ? [...dirs][0] : undefined;
    return outputs.size === 1 ? [...outputs][0] : undefined;
  }

  /**
   * The words a word naming variables with several known values (`$a`, `"${a}l"`, `$a$b`,
   * `"${cmd[@]}"`) stands for, each way (up to MAX_FANOUT); undefined for any other word.
   */
  private choiceWords(node: SyntaxNode, frame: Frame): Word[][] | undefined {
    // Only a line with a variable of several values has such words.
    if (!this.choosing) return undefined;
    const ways = this.choiceScopes(node.text, frame);
    return ways?.map((vars) => this.words(node, { ...frame, vars }, this.scope({ ...frame, vars })));
  }

  /** The variables for each way the variables `text` names may be, when some have several known values. */
  private choiceScopes(text: string, frame: Frame): Variables[] | undefined {
    if (!this.choosing || !text.includes('$')) return undefined;
    let ways: Variables[] | undefined;
    for (const name of new Set(namedVariables(text))) {
      const choices = choicesOf(frame.vars, name);
      if (!choices || choices.values.length < 2) continue;
      ways ??= [frame.vars];
      if (ways.length * choices.values.length > MAX_FANOUT) break;
      ways = ways.flatMap((vars) => choices.values.map((value) => {
        const way = new Map(vars);
        if (choices.array) setArray(way, name, value);
        else setVariable(way, name, value[0] ?? '', false);
        return way;
      }));
    }
    return ways;
  }

  /** A word computed at run time, one word as the line shows it (`$(cat cmd.txt)` is not split at its blanks). */
  private computedWords(node: SyntaxNode, scope: WordScope, value: string, start: number, end: number): Word[] {
    const splits = (node.type === 'simple_expansion' || node.type === 'expansion') && !isUnknown(scope.vars, 'IFS');
    const parts = splits && !/^(?:\$\(.*\)|`.*`)$/s.test(value) ? splitWords(value, scope.vars) : [value];
    return parts.map((part) => {
      const quoted = node.type === 'string';
      const runtime = /[$`]/.test(part) && !this.trustsListings(part) ? (quoted ? 'word' : 'words') : runtimeOf(part, quoted);
      const word = { value: part, dynamic: true, start, end, ...(runtime ? { runtime } : {}) };
      this.computed.add(word);
      return word;
    });
  }

  /** What a command or substitution prints, when it is a listing the line has not made print something else. */
  private listed(text: string): Listing | undefined {
    return this.trustsListings(text) ? listingOf(text) : undefined;
  }

  /**
   * False when the line may have changed what a listing in `text` prints: it defines a function or
   * alias by a name the text uses (`lsof(){ echo -1; }`) or a handler of unknown commands, sets
   * where programs and their data are found or how words split (`PATH=`, `BASH_CMDS[x]=`, `TMPDIR=`,
   * `TZ=`, `IFS=`, `GIT_DIR=`…), or, for a file it reads (`cat x.pid`), names that file again or sets
   * a variable the text names (`echo -1 > ./x.pid`, `PIDFILE=x`).
   */
  private trustsListings(text: string): boolean {
    if (LISTING_SETTINGS.test(this.line) || this.functions.has('command_not_found_handle')) return false;
    const words = text.split(/[\s()|;&`$"'<>={}]+/).filter(Boolean);
    if (words.some((w) => this.functions.has(w) || this.aliases.has(w))) return false;
    // A glob `ls` expands may meet a file the line just made, named like an option (`touch -- --ignore=x.log`).
    if (/(?:^|[\s(|`])ls\s/.test(text) && /\b(?:touch|mkdir)\b|(?<![\d&])>(?!\s*\/dev\/null|&)/.test(this.line)) return false;
    if (!/(?:^|[\s(|`])cat\s/.test(text)) return true;
    // The file is named nowhere else on the line (`echo $! > app.pid`, `sort -o app.pid`, `open('app.pid','w')`).
    const files = words.filter((w) => /[./_]/.test(w)).map((w) => w.replace(/^.*\//, ''));
    return !files.some((f) => this.line.split(f).length > 2) && !words.some((w) => new RegExp(String.raw`(?:^|[\s;&|(])${escapeRegExp(w)}=`).test(this.line));
  }

  private nodeSpan(node: SyntaxNode, frame: Frame): [number, number] {
    return this.span(node.startIndex, node.endIndex, frame);
  }

  private span(start: number, end: number, frame: Frame): [number, number] {
    return frame.fixed ? [frame.fixed[0], frame.fixed[1]] : [start + frame.shift, end + frame.shift];
  }

  private roughWord(value: string, start: number, end: number, frame: Frame): Word {
    const fixed = frame.fixed;
    return fixed ? { value, dynamic: value.includes('$'), start: fixed[0], end: fixed[1] }
      : { value, dynamic: value.includes('$'), start: start + frame.shift, end: end + frame.shift };
  }

  /** Text written into a shell startup file: what turns the gate off there, or text the line does not show, is asked about. */
  private startupWrite(target: string, text: string | undefined, span: readonly [number, number]): void {
    if (!isShellStartupFile(target)) return;
    const does = text === undefined ? 'writes what only running the line shows' : startupTampering(text);
    if (does) this.problem('startup-tamper', span, `${does} in ${target}, which every new shell runs`);
  }

  private problem(kind: ProblemKind, span: readonly [number, number], detail: string, command?: SimpleCommand): void {
    this.problems.push(command?.source ? { kind, span, detail, command } : { kind, span, detail });
  }
}

/**
 * The directory after `cd`: `~` without an operand, an absolute or home path as written, a
 * relative one joined to where the line already is. `cd -` and a directory known only at run
 * time leave it unknown (undefined, read as the line's start: paths are then judged as written).
 */
function changedDirectory(current: string | undefined, command: SimpleCommand): string | undefined {
  const operands = command.argv.slice(1).filter((w) => !/^-[LPe@]+$/.test(w.value) && w.value !== '--');
  const to = operands[0];
  if (!to) return command.program === 'cd' ? '~' : undefined;
  // `$HOME/…` is home whatever HOME holds; anything else known only at run time is unknown.
  if ((to.dynamic && !/^(?:\$HOME|\$\{HOME\})(?:\/|$)/.test(to.value)) || to.value === '-' || /^[+-]\d+$/.test(to.value)) return undefined;
  if (/^(?:\/|~|\$HOME\b|\$\{HOME\})/.test(to.value) || current === undefined) return to.value;
  return `${current.replace(/\/+$/, '')}/${to.value}`;
}

/** Files a command writes with content the line does not show: `cp`/`mv`/`install`/`ln`/`rsync`'s destination, `curl -o`, `wget -O`, `dd of=`. */
/** Interpreter code that writes, copies or moves files. */
const CODE_WRITES = /\bopen\s*\([^)]*,\s*['"][^'"]*[wax+]|\b(?:write|append)File(?:Sync)?\s*\(|\bcreateWriteStream\s*\(|\.write_(?:text|bytes)\s*\(|\b(?:copyFileSync|cpSync|renameSync|copyFile|rename)\s*\(|\bshutil\.(?:copy\w*|move)\s*\(|\bFile\.write\b|\bIO\.write\b|\bfile_put_contents\s*\(/;

function writtenFiles(program: string, args: readonly string[]): string[] {
  const operands = args.filter((a) => !a.startsWith('-'));
  switch (program) {
    case 'cp': case 'mv': case 'install': case 'ln': case 'rsync': case 'scp':
      return operands.length >= 2 ? [operands[operands.length - 1] ?? ''] : [];
    case 'curl': case 'wget': {
      // `-o x.sh`, and in a bundle of short flags (`-so x.sh`, `-sSLo x.sh`).
      const at = args.findIndex((a) => a === '-o' || a === '--output' || a === '-O' || a === '--output-document' || /^-[a-zA-Z]+[oO]$/.test(a));
      const inline = args.map((a) => /^--output(?:-document)?=(.+)$/.exec(a)?.[1]).find((v) => v !== undefined);
      return inline ? [inline] : at >= 0 && args[at + 1] ? [args[at + 1] ?? ''] : [];
    }
    case 'dd':
      return args.filter((a) => a.startsWith('of=')).map((a) => a.slice(3));
    default: {
      // Interpreter code that writes files (`open("x.sh", "w").write(…)`, `writeFileSync("x.sh", …)`):
      // each file-like string it names may be what a later command runs.
      const code = inlineCode(program, [program, ...args].map((value) => ({ value, dynamic: false, start: 0, end: 0 })), undefined)?.code;
      if (code === undefined || !CODE_WRITES.test(code)) return [];
      return stringLiterals(code, 32).filter((l) => /^[\w./~-]+\.[\w]+$|^[\w./~-]*\/[\w.-]+$/.test(l) && l.length <= 200);
    }
  }
}

/** A word as shell text that reads back as the same one word. */
function quoted(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A `case` pattern (`re*`, `st|status` is split by the parser, `[Yy]*`) against a value. */
function globMatches(pattern: string, value: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) { re += '\\['; continue; }
      re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`, 's').test(value);
  } catch {
    return true;
  }
}

/** Commands derived from `command` stand where it stands in a project file. */
function fixedOrigin(command: SimpleCommand): Frame['origin'] {
  return command.source ? { kind: 'fixed', source: command.source } : undefined;
}

/** Removes backslash-newline pairs outside single quotes, as bash does. */
function joinContinuations(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === "'") { if (ch === "'") quote = undefined; out += ch; continue; }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n') { i++; continue; }
      if (next === '\r' && text[i + 2] === '\n') { i += 2; continue; }
      out += ch + (next ?? '');
      i++;
      continue;
    }
    if (ch === "'" && quote === undefined) quote = ch;
    else if (ch === '"') quote = quote === '"' ? undefined : quote ?? '"';
    out += ch;
  }
  return out;
}

/** Braces bash would expand: in a plain word or a concatenation of plain words, not in quotes. */
function hasUnquotedBraces(node: SyntaxNode): boolean {
  if (node.type === 'brace_expression') return true;
  if (node.type === 'word') return node.text.includes('{');
  return node.type === 'concatenation' && node.namedChildren.every((c) => c !== null && (c.type === 'word' || c.type === 'brace_expression'));
}

/** Glob characters in a program word (`/bin/r[m]`, `r?`): bash picks the program at run time. */
function hasGlob(word: Word): boolean {
  return /[*?[]/.test(word.value);
}

/** Settings that change what a listing prints: where programs are found, temporary files, the time zone, how words split, git's and kubectl's configuration. */
const LISTING_SETTINGS = /\bBASH_(?:ALIASES|CMDS)\b|(?:^|[\s;&|(])(?:export\s+)?(?:PATH=(?!\$PATH:|\$\{PATH\}:|"\$PATH:|"\$\{PATH\}:)|(?:TMPDIR|TZ|HOME|IFS|GIT_(?:DIR|WORK_TREE|CONFIG\w*|EXEC_PATH|NAMESPACE)|KUBECONFIG)\+?=)/;

/**
 * What a word computed at run time may be (see `Word.runtime`): a listing's ids are no word a rule
 * reads, its names are never flags, anything else may be any word (several, unquoted). A loop's
 * variable over a glob holds the glob: a name of a file it matches.
 */
function runtimeOf(part: string, quoted: boolean): Runtime | undefined {
  if (!/[$`]/.test(part)) return /[*?[]/.test(part) ? 'name' : undefined;
  if (/^-?\$\(\(/.test(part)) return 'number';
  // `{+,}$(…)`: braces bash expands first may put any text before what a listing prints.
  if (/\{[^}]*,[^}]*\}/.test(part)) return quoted ? 'word' : 'words';
  // `HEAD:$(git branch --show-current)`, `feature/$(date +%s)`: shown text before what listings print is no flag or subcommand.
  if (/^[^$`+-]/.test(part) && onlyListings(part)) return undefined;
  const listing = leadingListing(part);
  if (listing === 'ids') return undefined;
  if (listing === 'names') return quoted ? 'name' : 'names';
  if (listing === 'paths') return quoted ? 'path' : 'paths';
  return quoted ? 'word' : 'words';
}

/** A file of `NAME=value` lines and comments only (`.env`, `vars.sh`): nothing in it can stop it early. */
function isAssignmentsFile(text: string): boolean {
  return text.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line) ||
    /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|"[^"$`\\]*"|[^\s'"$`;&|<>()\\]*)\s*(?:#.*)?$/.test(line));
}

function isNode(node: SyntaxNode | null): node is SyntaxNode {
  return node !== null;
}
