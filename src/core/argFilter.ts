// The terminal gate's cheap filter: for each program a rule names, the words and short flags that
// rules need to see in its arguments. A call holding none of them (`git status`, `ls -la`) cannot
// match a rule, so the PATH shim and the shell guard let it run without starting a process.
//
// Generated from the rule data: each rule's must-match examples are read word by word, and a word
// counts when the rule stops matching without it (`push`, `--force`; not `pg-data`), with the
// other spellings the rule reads alike (`-e` and `--exec`; `deletevolume` and `erasevolume`). A rule with
// an example that no single word explains (`dropdb app`) makes its program always judged. Every
// program also watches for the literal parts of the protected-path globs, since any program can
// read a secret. A test runs every rule example and corpus line through it to check it never
// clears a command a rule flags.
import { Args, flagMatches } from './rules/args';
import type { Rule } from './rules/types';
import { DEFAULT_SECRET_GLOBS } from './secrets/paths';
import { GUARD_PATH_WORDS } from './selfProtection';
import type { SimpleCommand, Word } from './shell/command';
import { inlineCodeItems } from './shell/interpreters';
import { EXAMPLE_CWD, EXAMPLE_PROJECT } from './project/exampleProject';

/**
 * What an argument may hold: `-r` a short flag letter (in any bundle: `-rf`), `--force` a long
 * flag (from its start; `--` alone exactly), anything else a lower-case substring.
 */
export type Item = string;

export interface ArgFilter {
  /** Judge every call, even one without arguments (`dropdb app`). */
  readonly always: boolean;
  /**
   * Judge a call without operands: `empty` when it has no arguments at all (`set`), `flags` when
   * all its arguments are flags (`env -0`), as the rule reads it.
   */
  readonly bare?: 'empty' | 'flags';
  /**
   * A call is judged when some clause holds: each of its groups has an item in some argument.
   * Today each clause is one needed word's group (`git push --force` → [[push]], [[--force]]).
   */
  readonly clauses: readonly (readonly (readonly Item[])[])[];
}

const NEUTRAL = 'zz';

/** How the caller reads an example line into simple commands (the engine's expander). */
export type CommandsOf = (line: string) => readonly SimpleCommand[];

/** Rules that look into the project's files (what an archive packs, what a search prints) read the examples' project. */
const EXAMPLE_CONTEXT = { files: EXAMPLE_PROJECT };

function matches(rule: Rule, command: SimpleCommand): boolean {
  try {
    return rule.match(new Args(command, undefined, EXAMPLE_CWD, EXAMPLE_CONTEXT));
  } catch {
    return true;
  }
}

/**
 * Args that keep what a rule asks about together: flags (`a.has('-e', '--exec')`) and the
 * alternatives of a subcommand step (`a.sub('apfs', ['deletevolume', 'erasevolume'])`).
 */
class AskedArgs extends Args {
  readonly flags: (readonly string[])[] = [];
  readonly steps: (readonly string[])[] = [];
  override has(...flags: readonly string[]): boolean {
    this.flags.push(flags);
    return super.has(...flags);
  }
  override value(...flags: readonly string[]): string | undefined {
    this.flags.push(flags);
    return super.value(...flags);
  }
  override values(...flags: readonly string[]): string[] {
    this.flags.push(flags);
    return super.values(...flags);
  }
  override sub(...path: readonly (string | readonly string[])[]): boolean {
    for (const step of path) if (typeof step !== 'string') this.steps.push(step);
    return super.sub(...path);
  }
  override after(...path: readonly (string | readonly string[])[]): readonly string[] {
    for (const step of path) if (typeof step !== 'string') this.steps.push(step);
    return super.after(...path);
  }
}

/**
 * The other spellings of a needed word that the rule reads alike, which its examples may not show:
 * a flag's (`-e` → `--exec`), a subcommand's (`deletevolume` → `erasevolume`).
 */
function alternatives(rule: Rule, command: SimpleCommand, word: string): string[] {
  const args = new AskedArgs(command, undefined, EXAMPLE_CWD, EXAMPLE_CONTEXT);
  try {
    rule.match(args);
  } catch {
    return [];
  }
  const groups = word.startsWith('-')
    ? args.flags.filter((group) => group.some((f) => flagMatches(word, f)))
    : args.steps.filter((group) => group.includes(word.toLowerCase()));
  return groups.flat().filter((w) => w !== word && w.startsWith('-') === word.startsWith('-'));
}

function withWord(command: SimpleCommand, i: number, value: string): SimpleCommand {
  const argv: Word[] = command.argv.map((w, j) => (j === i ? { ...w, value, dynamic: false } : w));
  return { ...command, argv };
}

/** Lower-case pieces of a word that a filter looks for: `~/.aws/credentials` → aws, credentials. */
function pieces(word: string): string[] {
  // dd-style operands (`if=.env`, `of=/dev/sda`): the operand's name would also hold for everyday words (`diff`).
  const value = word.replace(/^[a-z]{1,5}=(?=.)/i, '');
  const out = value.toLowerCase().split(/[^a-z0-9_-]+/).map((p) => p.replace(/^-+/, '')).filter((p) => p.length >= 2);
  if (out.length > 0 || word === '') return out;
  // `/`, `~`, `*`: nothing to split, so the word itself is watched for; `size=0` whole, not `0`.
  return [(/^[^a-z0-9]*$/i.test(value) ? value : word).toLowerCase()];
}

/** The items a needed word stands for, any one of which may carry it. */
function group(word: string): Item[][] {
  if (/^-[A-Za-z0-9]+$/.test(word)) return [...word.slice(1)].map((c) => [`-${c}`]);
  if (word.startsWith('--')) return [[word.split('=')[0]?.toLowerCase() ?? word]];
  return [pieces(word)];
}

type Reading = { kind: 'words'; words: string[] } | { kind: 'always' } | { kind: 'bare'; flags: boolean } | { kind: 'line' };

/**
 * What a flagged command needs in its arguments: the words whose replacement stops the rule
 * matching. `bare` when the program alone matches and the example had only flags (`printenv`);
 * `always` when it matches alone with operands too, or no single word explains the match; `line`
 * when only the line's redirections make it match (the shell guard's part, not a shim's).
 */
function reading(rule: Rule, command: SimpleCommand): Reading {
  const bare: SimpleCommand = { ...command, argv: command.argv.slice(0, 1) };
  if (matches(rule, bare)) {
    if (!matches(rule, { ...bare, writes: [], stdin: undefined })) return { kind: 'line' };
    if (!command.argv.slice(1).every((w) => w.value.startsWith('-'))) return { kind: 'always' };
    // Does a flag keep it matching (`env -0` dumps like `env`; `set -e` is not `set`)?
    const flagged: SimpleCommand = { ...bare, writes: [], stdin: undefined, argv: [...bare.argv, { value: '-zz', dynamic: false, start: 0, end: 0 }] };
    return { kind: 'bare', flags: matches(rule, flagged) };
  }
  // Words are dropped one by one while the rule still matches; those that remain are each needed.
  // Two words that each suffice (`-L` and `-e 1` in `usermod -L -e 1 ci`) leave one of them: with
  // the needed ones dropped too, a call that still matches is read again for the others.
  const needed: string[] = [];
  let rest = command;
  for (let round = 1; round < command.argv.length && matches(rule, rest); round++) {
    let current = rest;
    const found: number[] = [];
    for (let i = 1; i < command.argv.length; i++) {
      const word = current.argv[i]?.value ?? '';
      if (word === NEUTRAL) continue;
      const dropped = withWord(current, i, NEUTRAL);
      // An empty word that matters (`pkill ''`: a pattern every name matches) is no text to watch for.
      if (word === '' && !matches(rule, dropped)) return { kind: 'always' };
      if (matches(rule, dropped)) { current = dropped; continue; }
      // A bundle of short flags: only the letters the rule needs (`-rf` → r).
      const letters = /^-[A-Za-z0-9]{2,}$/.test(word)
        ? [...word.slice(1)].filter((c) => !matches(rule, withWord(current, i, '-' + word.slice(1).replace(c, ''))))
        : [];
      needed.push(letters.length > 0 ? `-${letters.join('')}` : word);
      for (const w of letters.length > 0 ? letters.map((c) => `-${c}`) : [word]) needed.push(...alternatives(rule, current, w));
      found.push(i);
    }
    if (found.length === 0) break;
    rest = found.reduce((c, i) => withWord(c, i, NEUTRAL), rest);
  }
  return needed.length > 0 ? { kind: 'words', words: needed } : { kind: 'always' };
}

/**
 * One literal part of each glob, the longest: a path the glob matches holds every literal part of
 * it, so one is enough to watch for (`**\/.aws/credentials` → credentials, `*.pem` → pem).
 */
function globWords(globs: readonly string[]): string[] {
  return globs.map((g) => pieces(g.replace(/\{[^}]*\}|\[[^\]]*\]|[*?]/g, ' ')).reduce((a, b) => (b.length > a.length ? b : a), ''));
}

/**
 * Words that destructive calls are spelled with, watched for in every guarded program's arguments
 * on top of what the examples show: a rule reads spellings its examples do not list (`telinit 0`
 * beside `shutdown now`, `systemctl halt` beside `systemctl poweroff`, `$NPM_TOKEN` beside
 * `$RAILWAY_TOKEN`), and a spelling the filter clears would run unjudged. A benign call holding
 * one of them only costs a check.
 */
export const DESTRUCTIVE_STEMS: readonly Item[] = [
  'del', 'rm', 'remove', 'destroy', 'drop', 'purge', 'prune', 'reset', 'wipe', 'trunc', 'flush', 'kill', 'stop', 'disable',
  'halt', 'poweroff', 'reboot', 'shutdown', 'kexec', 'rescue', 'emergency', 'uninstall', 'erase', 'zap', 'clean', 'clear',
  'force', 'mask', 'revoke', 'unset', 'terminat', 'down', 'rollback', 'revert', 'undo', 'discard', 'expire', 'scale',
  'replace', 'overwrite', 'trim', 'evict', 'detach', 'leave', 'forget', 'unload', 'bootout', 'restore', 'close', 'seal',
  'visibility', 'public', 'archive', 'offline', 'abandon', 'cancel', 'empty', 'zero', 'format', 'fresh', 'wipe', 'nuke',
  'token', 'secret', 'passw', 'cred', 'key', 'auth', 'env', '.pem', 'ssh', 'aws', 'kube',
];

/** Runlevels that halt or reboot (`init 0`, `telinit 6`): single digits no substring test can watch. */
const RUNLEVEL_PROGRAMS: ReadonlySet<string> = new Set(['init', 'telinit']);

/** One filter per program the rules name, from the rules alone (see `protectedPathItems`). */
export function ruleArgFilters(rules: readonly Rule[], commandsOf: CommandsOf): Record<string, ArgFilter> {
  const byProgram = new Map<string, { always: boolean; bare?: 'empty' | 'flags'; clauses: Map<string, Item[][]> }>();
  for (const rule of rules) {
    const own = new Map<string, Reading[]>();
    // What the named folders hold decides: no word on the line tells.
    const always: readonly string[] = rule.readsFolders === true ? rule.programs : rule.readsFolders || [];
    for (const program of always) own.set(program, [{ kind: 'always' }]);
    for (const example of rule.readsFolders === true ? [] : rule.examples.match) {
      const commands = commandsOf(example);
      // An example of a program judged always tells the filter nothing more.
      if (commands.some((c) => always.includes(c.program))) continue;
      const flagged = commands.filter((c) => rule.programs.includes(c.program) && matches(rule, c));
      // An example the expander reads differently from the engine's full path: judge the programs always.
      if (flagged.length === 0) for (const program of rule.programs) own.set(program, [...own.get(program) ?? [], { kind: 'always' }]);
      for (const command of flagged) own.set(command.program, [...own.get(command.program) ?? [], reading(rule, command)]);
    }
    // A program without examples of its own reads like the rule's others (`https DELETE …` like `http DELETE …`).
    const borrowed = [...own.values()].flat();
    for (const program of rule.programs) {
      const e: { always: boolean; bare?: 'empty' | 'flags'; clauses: Map<string, Item[][]> } = byProgram.get(program) ?? { always: false, clauses: new Map<string, Item[][]>() };
      byProgram.set(program, e);
      for (const r of own.get(program) ?? borrowed) {
        if (r.kind === 'always') e.always = true;
        if (r.kind === 'bare') e.bare = r.flags || e.bare === 'flags' ? 'flags' : 'empty';
        if (r.kind !== 'words') continue;
        // Each needed word alone is enough to ask: requiring all of an example's words would miss
        // the spellings examples do not show (`delete ns` for `delete namespace`, `--execute=` for `-e`).
        for (const g of r.words.flatMap(group)) if (g.length > 0) e.clauses.set(JSON.stringify(g), [g]);
      }
    }
  }
  // A program whose bare call matches and whose rules also name operands (`printenv` and
  // `printenv RAILWAY_TOKEN`) reads operands no example can list (any secret's name): always judged.
  for (const e of byProgram.values()) if (e.bare !== undefined && e.clauses.size > 0) e.always = true;
  // Code run inline by an interpreter is read into commands of its own (`deno eval "Deno.remove(…)"`
  // deletes like `rm -r`): the interpreter's inline-code option is enough to ask.
  for (const [program, e] of byProgram) for (const item of inlineCodeItems(program)) e.clauses.set(JSON.stringify([[item]]), [[item]]);
  for (const [program, e] of byProgram) {
    e.clauses.set('stems', [[...DESTRUCTIVE_STEMS]]);
    // Runlevels, and the redirect pseudo-commands only the shell guard reads (`: > ~/.zshrc`).
    if (RUNLEVEL_PROGRAMS.has(program) || program === '>' || program === '>>' || program === '<') e.always = true;
  }
  return Object.fromEntries([...byProgram].map(([program, e]) => [program, { always: e.always, ...(e.bare ? { bare: e.bare } : {}), clauses: [...e.clauses.values()] }]));
}

/** What any program's arguments are watched for: one literal of each protected-path glob, built-in and the user's. */
export function protectedPathItems(protectedPaths: readonly string[]): Item[] {
  return [...new Set([...globWords([...DEFAULT_SECRET_GLOBS, ...protectedPaths]), ...GUARD_PATH_WORDS])];
}

/** A short flag's item (`-r`), whose letter is read in any bundle of one-dash flags. */
export function isShortFlag(item: Item): boolean {
  return item.length === 2 && item[0] === '-' && item[1] !== '-';
}

/** Does the argument hold the item? */
function itemIn(item: Item, arg: string): boolean {
  if (isShortFlag(item)) return arg.length > 1 && arg[0] === '-' && arg[1] !== '-' && arg.includes(item[1] ?? '', 1);
  const lower = arg.toLowerCase();
  if (item.startsWith('--')) return item === '--' ? lower === item : lower.startsWith(item);
  return lower.includes(item);
}

/**
 * The items, less any an argument can only hold by holding another of them too (`credentials`
 * beside `cred`, `--hard` beside `hard`): the same arguments match, with fewer patterns for the
 * shims and the guard to try on every call. Short flags stay: their letter is read apart.
 */
export function fewestItems(items: readonly Item[]): Item[] {
  const unique = [...new Set(items)];
  const substrings = unique.filter((item) => !isShortFlag(item) && !item.startsWith('--'));
  return unique.filter((item) => isShortFlag(item) || !substrings.some((other) => other !== item && item.includes(other)));
}

/** True when the call must be judged: the program is always judged, a clause holds, or an argument names a protected path. */
export function argsMightMatch(filter: ArgFilter, args: readonly string[], pathItems: readonly Item[]): boolean {
  if (filter.always) return true;
  if (filter.bare === 'empty' && args.length === 0) return true;
  if (filter.bare === 'flags' && args.every((a) => a.startsWith('-'))) return true;
  const has = (item: Item): boolean => args.some((arg) => itemIn(item, arg));
  return filter.clauses.some((clause) => clause.every((g) => g.some(has))) || pathItems.some(has);
}
