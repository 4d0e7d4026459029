// A word the line computes at run time from what it does not show (`read -r v; helm "$v" web`,
// `helm $(cat verb.txt) web`, xargs' input) may be any word: a subcommand, a flag. A guarded
// command holding one is read again with that word spelled as its rules' examples spell the
// words in their commands, and asked about when one spelling makes a rule match. Without this,
// `A=$(cat verb.txt); helm $A web -n production` ran `helm uninstall` unasked.
import { Args, type PathGlobs } from './rules/args';
import type { Rule } from './rules/types';
import type { SimpleCommand, Word } from './shell/command';

/** A rule a run-time word makes match, spelled as `as`. */
export interface RuntimeMatch {
  readonly rule: Rule;
  readonly args: Args;
  readonly word: Word;
  readonly as: string;
}

/**
 * The spellings tried for a run-time word against one rule: the words its examples need (`push`
 * and `--force`, not `origin`), and the first words of their argument lists up to the last one
 * needed (a word split at its blanks may be several: `aws $(cat a) s3://x` as `aws s3 rb s3://x`).
 */
interface Spellings {
  readonly words: readonly string[];
  readonly heads: readonly (readonly string[])[];
}

/** Rule evaluations one line may spend on run-time words; past it the line is asked about unread. */
const RUNTIME_BUDGET = 30_000;
/** A spelling as examples write one word: no quotes, substitutions or shell operators. */
const PLAIN_WORD = /^[\w+@%:.,/~=^-]{1,60}$/;
const SHELL_OPERATOR = /^(?:\||\|\||&&|;|&|\(|\)|<|>|>>|2>|2>&1)$/;
/** A subcommand as rules spell one (`uninstall`, `db:drop`), not a flag, path or refspec. */
const SUBCOMMAND = /^[a-z][a-z0-9:_-]*$/i;
/** A number as rules spell one (`-1` for every process). */
const NUMBER = /^-?\d+$/;
/** What stands in for a word an example does not need. */
const NEUTRAL = 'zz';

const SPELLINGS = new WeakMap<Rule, Spellings>();

function plainCommand(program: string, words: readonly string[]): SimpleCommand {
  return { argv: words.map((value) => ({ value, dynamic: false, start: 0, end: 0 })), program, assignments: new Map(), writes: [], span: [0, 0], via: [] };
}

/**
 * A rule's own examples spell what makes it match, read word by word: a word is needed when the
 * example stops matching without it. An example read differently as plain words (quotes, pipes,
 * a wrapper) gives all its words.
 */
function spellingsOf(rule: Rule, match: (rule: Rule, args: Args) => boolean): Spellings {
  let known = SPELLINGS.get(rule);
  if (known) return known;
  const words = new Set<string>();
  const heads = new Map<string, string[]>();
  for (const example of rule.examples.match) {
    const tokens = example.split(/\s+/).map((t) => t.replace(/^['"]|['"]$/g, ''));
    // The words after the program's own (`sudo helm uninstall web` → uninstall web), to the first operator.
    const at = tokens.findIndex((t) => rule.programs.includes(t.replace(/^.*\//, '').toLowerCase()));
    if (at < 0) continue;
    const end = tokens.findIndex((t, i) => i > at && SHELL_OPERATOR.test(t));
    const argv = tokens.slice(at, end < 0 ? undefined : end);
    const program = (argv[0] ?? '').replace(/^.*\//, '').toLowerCase();
    const plain = argv.length > 1 && argv.slice(1).every((t) => PLAIN_WORD.test(t)) && match(rule, new Args(plainCommand(program, argv)));
    const needed = argv.flatMap((t, i) => (i > 0 && PLAIN_WORD.test(t) && (!plain ||
      !match(rule, new Args(plainCommand(program, argv.map((w, j) => (j === i ? NEUTRAL : w)))))) ? [i] : []));
    for (const i of needed) words.add(argv[i] ?? '');
    const last = Math.max(...needed);
    if (plain && last >= 2) heads.set(argv.slice(1, last + 1).join(' '), argv.slice(1, last + 1));
  }
  known = { words: [...words], heads: [...heads.values()] };
  SPELLINGS.set(rule, known);
  return known;
}

function withArguments(command: SimpleCommand, at: number, values: readonly string[]): SimpleCommand {
  const near = command.argv[at];
  if (!near) return command;
  const spelled = values.map((value) => ({ value, dynamic: false, start: near.start, end: near.end }));
  return { ...command, argv: [...command.argv.slice(0, at), ...spelled, ...command.argv.slice(at + 1)] };
}

/** Counts the rule evaluations a line spends on run-time words. */
export class RuntimeBudget {
  constructor(public left = RUNTIME_BUDGET) {}
}

/**
 * The first rule a spelling of one of the command's run-time words makes match; `exhausted` when
 * the line's budget ran out first (the caller asks about the command unread); undefined when no
 * spelling matches. A first argument only known at run time may also be the first words of an
 * example's arguments (`railway $(cat args)` as `railway volume delete -v pgdata -e production -y`).
 */
export function runtimeMatch(command: SimpleCommand, rules: readonly Rule[], budget: RuntimeBudget,
  match: (rule: Rule, args: Args) => boolean, paths?: PathGlobs, cwd?: string): RuntimeMatch | 'exhausted' | undefined {
  for (let i = 1; i < command.argv.length; i++) {
    const word = command.argv[i];
    const kind = word?.runtime;
    if (!word || !kind) continue;
    const names = kind === 'name' || kind === 'names';
    const files = kind === 'path' || kind === 'paths';
    // A listing's names are never flags: they are tried only as a subcommand, where the first operand
    // stands; its paths may be flags anywhere too.
    const first = firstOperand(command, i);
    if (names && !first) continue;
    // What the line shows of the word holds (`un$(cat f)` begins `un`, `u*` begins `u`, find's
    // `uninstall/*` is `uninstall`, `$(npm bin)/tsc` ends `/tsc`).
    const shown = (/^[^$`{*?[]*/.exec(word.value)?.[0] ?? '').replace(/\/$/, '');
    const ends = /[)`}*?\]]([^$`)}*?\]]*)$/.exec(word.value)?.[1] ?? '';
    const split = kind === 'words' || kind === 'names' || kind === 'paths';
    const fits = (w: string): boolean => (names ? SUBCOMMAND.test(w) : files ? w.startsWith('-') || (first && SUBCOMMAND.test(w))
      : kind === 'number' ? NUMBER.test(w) : true);
    for (const rule of rules) {
      // Names a listing prints stand for files it found, not for a secret the line hides (`ls *.log | xargs -I{} mv {} logs/`).
      if ((names || files) && rule.category === 'secrets') continue;
      const spellings = spellingsOf(rule, match);
      const single = spellings.words.filter(fits);
      const tries = [
        ...single.filter((w) => w.startsWith(shown) && w.endsWith(ends)).map((w) => [w]),
        // Split at its blanks, a word with text before its run-time part (`v$(cat VERSION)`) may be that text and another word.
        ...(split && shown !== '' ? single.filter((w) => w.endsWith(ends)).map((w) => [shown, w]) : []),
        ...(split && i === 1 ? spellings.heads.filter((h) => h.every(fits) && (h[0] ?? '').startsWith(shown) && (h[h.length - 1] ?? '').endsWith(ends)) : []),
      ];
      budget.left -= tries.length;
      if (budget.left < 0) return 'exhausted';
      for (const values of tries) {
        const args = new Args(withArguments(command, i, values), paths, cwd);
        if (match(rule, args)) return { rule, args, word, as: values.join(' ') };
      }
    }
  }
  return undefined;
}

/** True where the first operand stands: every word before is a flag or a flag's value (`helm -n production $(ls) web`). */
function firstOperand(command: SimpleCommand, at: number): boolean {
  for (let i = 1; i < at; i++) {
    const value = command.argv[i]?.value ?? '';
    if (!value.startsWith('-') && !(command.argv[i - 1]?.value ?? '').startsWith('-')) return false;
  }
  return true;
}
