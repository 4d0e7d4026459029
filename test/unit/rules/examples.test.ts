// Every rule carries the lines it must and must not match; this one test runs them all.
import { describe, expect, test } from 'vitest';
import { EXAMPLE_CWD, EXAMPLE_PROJECT } from '../../../src/core/project/exampleProject';
import { allRules } from '../../../src/core/rules/index';
import { problemRules } from '../../../src/core/rules/problems';
import { ruleIds } from '../helpers';

const everyRule = [...allRules, ...problemRules];

describe('rule data', () => {
  test('ids are unique and well formed', () => {
    const ids = everyRule.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\.[a-z0-9.-]+$/);
  });

  test.each(everyRule.map((r) => [r.id, r] as const))('%s has a summary, a hint and examples both ways', (_id, rule) => {
    expect(rule.summary.length).toBeGreaterThan(10);
    expect(rule.hint.length).toBeGreaterThan(10);
    expect(rule.examples.match.length).toBeGreaterThanOrEqual(1);
    expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(1);
  });
});

const cases = everyRule.flatMap((rule) => [
  ...rule.examples.match.map((line) => ({ id: rule.id, line, expected: true })),
  ...rule.examples.noMatch.map((line) => ({ id: rule.id, line, expected: false })),
]);

test.each(cases.map((c) => [c.id, c.expected ? 'matches' : 'does not match', c.line.slice(0, 120), c] as const))(
  '%s %s: %s',
  (_id, _how, _line, c) => {
    expect(ruleIds(c.line, { cwd: EXAMPLE_CWD, project: { files: EXAMPLE_PROJECT } }).includes(c.id)).toBe(c.expected);
  },
);
