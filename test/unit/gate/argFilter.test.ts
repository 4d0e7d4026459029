// The terminal gate's argument filter must never clear a command a rule flags: every rule example
// and every corpus line is read by the engine, and each flagged command's arguments must pass it.
import { describe, expect, test } from 'vitest';
import { argsMightMatch, fewestItems, protectedPathItems, ruleArgFilters, type ArgFilter } from '../../../src/core/argFilter';
import { withFollowFilters } from '../../../src/core/project/gateFilters';
import { allRules } from '../../../src/core/rules/index';
import { inlineCodeItems } from '../../../src/core/shell/interpreters';
import { CORPUS_PATH, HOLDOUT_PATH, readCorpus } from '../../corpus/score';
import { engine, expandLine } from '../helpers';

// As the build makes them: the rules' filters and what following a line into the project needs.
const FILTERS = withFollowFilters(ruleArgFilters(allRules, (line) => expandLine(line).commands));
const PATHS = protectedPathItems([]);

function cleared(line: string, env: Readonly<Record<string, string>> = {}): string[] {
  const out: string[] = [];
  const { matches } = engine.explain(line, { env, cwd: '/work/app' });
  for (const [command, ids] of matches) {
    if (!ids.some((id) => !id.startsWith('('))) continue;
    // Redirections and stdin are the shell's, not the program's: the shell guard reads those lines.
    if (command.writes.length > 0 || command.stdin !== undefined || command.stdinUnknown) continue;
    // A command read out of an interpreter's inline code is not a process: its interpreter is.
    let process = command;
    for (let p = command.parent; p; p = p.parent) if (inlineCodeItems(p.program).length > 0) process = p;
    const filter = FILTERS[process.program];
    if (!filter || process.stdin !== undefined) continue;
    if (!argsMightMatch(filter, process.argv.slice(1).map((w) => w.value), PATHS)) out.push(`${process.program}: ${process.argv.map((w) => w.value).join(' ')} (${ids.join(', ')})`);
  }
  return out;
}

describe('the terminal gate\'s argument filter', () => {
  test('clears no command a rule example flags', () => {
    const misses = allRules.flatMap((r) => r.examples.match.flatMap((line) => cleared(line)));
    expect(misses).toEqual([]);
  });

  test.each([['development corpus', CORPUS_PATH], ['held-out corpus', HOLDOUT_PATH]])('clears no flagged command of the %s', (_name, path) => {
    const misses = readCorpus(path).filter((e) => e.label !== 'benign').flatMap((e) => cleared(e.command, e.env));
    expect(misses).toEqual([]);
  });

  test.each([
    ['git', ['status']], ['git', ['log', '--oneline', '-5']], ['git', ['diff']], ['kubectl', ['logs', 'api']],
    ['docker', ['version']], ['terraform', ['plan']], ['railway', ['status']], ['node', ['--version']], ['python3', ['-V']],
  ])('lets %s %j through without a process', (program, args) => {
    const filter = FILTERS[program];
    expect(filter && argsMightMatch(filter, args, PATHS)).toBeFalsy();
  });

  test.each([
    ['npm', ['test']], ['npm', ['run', 'db:reset']], ['make', []], ['just', ['drop']], ['docker', ['compose', 'run', 'migrate']],
    ['node', ['delete-volume.mjs']], ['python3', ['-m', 'tools.reset']], ['psql', ['-f', 'drop.sql']], ['sh', ['cleanup.sh']],
  ])('sends %s %j to the engine, which follows it into the project', (program, args) => {
    const filter = FILTERS[program];
    expect(filter && argsMightMatch(filter, args, PATHS)).toBe(true);
  });

  test('an example with two words that each suffice watches for both, not only the last one kept', () => {
    // `usermod -L -e 1 ci-runner` locks with -L and expires with -e: either alone is flagged.
    const usermod = FILTERS.usermod;
    expect(engine.explain('usermod -L bob', { cwd: '/work/app' }).verdict.findings.map((f) => f.rule)).toContain('host.account-lock');
    expect(usermod && argsMightMatch(usermod, ['-L', 'bob'], PATHS)).toBe(true);
    expect(usermod && argsMightMatch(usermod, ['-e', '1', 'bob'], PATHS)).toBe(true);
    // From a review: calls the engine flags whose spellings no example showed.
    expect(FILTERS.kexec && argsMightMatch(FILTERS.kexec, ['--exec'], PATHS)).toBe(true);
    expect(FILTERS['drop-database'] && argsMightMatch(FILTERS['drop-database'], ['mydb'], PATHS)).toBe(true);
  });

  test.each([
    ['sgdisk', ['-o', '/dev/sdb']],
    ['wipefs', ['--offset', '0x438', '/dev/sdb1']],
    ['pkill', ['--user', 'alice']],
    ['killall', ['-U', 'bob']],
    // A subcommand's other names.
    ['neonctl', ['cs', 'main', '--project-id', 'late-frost-482913']],
    ['ansible-vault', ['decrypt', 'group_vars/prod/vault.yml']],
  ])('a word is watched in every spelling its rule reads, not only the one its examples show: %s %j', (program, args) => {
    expect(engine.explain([program, ...args].join(' '), { cwd: '/work/app' }).verdict.findings.length).toBeGreaterThan(0);
    const filter = FILTERS[program];
    expect(filter && argsMightMatch(filter, args, PATHS)).toBe(true);
  });

  test('a program that dumps the environment when called bare is judged only then', () => {
    const set = FILTERS.set;
    expect(set && argsMightMatch(set, ['-euo', 'pipefail'], PATHS)).toBe(false);
    expect(set && argsMightMatch(set, [], PATHS)).toBe(true);
    expect(set && argsMightMatch(set, ['-x'], PATHS)).toBe(false);
    const env = FILTERS.env;
    expect(env && argsMightMatch(env, ['-0'], PATHS)).toBe(true);
  });

  test('the fewest items match the same arguments as all of them: an item holding another goes, flags stay', () => {
    expect(fewestItems(['cred', 'credentials', '--hard', 'hard', '--force', '-f', 'force', 'env', '.env', 'id_rsa'])).toEqual(['cred', 'hard', '-f', 'force', 'env', 'id_rsa']);
    // Every program's words at once, over the words of the rule examples.
    const words = [...new Set(allRules.flatMap((r) => r.examples.match).flatMap((l) => l.split(/\s+/)))];
    const holding = (item: string): ArgFilter => ({ always: false, clauses: [[[item]]] });
    const all = [...new Set([...Object.values(FILTERS).flatMap((f) => f.clauses.flat(2)), ...PATHS])];
    const fewest = fewestItems(all);
    expect(fewest.length).toBeLessThan(all.length);
    const hits = (items: readonly string[], word: string): boolean => items.some((i) => argsMightMatch(holding(i), [word], []));
    expect(words.filter((w) => hits(all, w) !== hits(fewest, w))).toEqual([]);
  });

  test('the user\'s protected paths add words', () => {
    const cat = FILTERS.cat;
    expect(cat && argsMightMatch(cat, ['notes/q3-plan.txt'], PATHS)).toBe(false);
    expect(cat && argsMightMatch(cat, ['notes/q3-plan.txt'], protectedPathItems(['notes/q3-plan.txt']))).toBe(true);
  });
});
