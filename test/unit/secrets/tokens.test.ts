// Each token rule against what it must and must not match; the scanner names rule, kind and line,
// never the value, and skips placeholders.
import { describe, expect, test } from 'vitest';
import { TOKEN_RULES, ruleMatches, scanText } from '../../../src/core/secrets/tokens';

describe.each(TOKEN_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test.each(rule.examples.match)('matches %s', (line) => {
    expect(ruleMatches(rule, line)).toBe(true);
    expect(rule.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
  });
  test.each(rule.examples.noMatch)('does not match %s', (line) => {
    expect(ruleMatches(rule, line)).toBe(false);
  });
});

describe('scanning a file', () => {
  test('one finding per line, the specific rule first, no value in the result', () => {
    const text = [
      '# production',
      'RAILWAY_API_TOKEN=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d',
      'DATABASE_URL=postgres://app:Wq7x2Lk9Pm3R@prod-db.internal:5432/app',
      'API_KEY=${API_KEY}',
      'LOG_LEVEL=debug',
    ].join('\n');
    const findings = scanText(text);
    expect(findings).toEqual([
      { line: 2, rule: 'railway-token', kind: 'Railway' },
      { line: 3, rule: 'database-url', kind: 'database URL' },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/3f1c9a2e|Wq7x2/);
  });

  test('a text without any keyword costs no pattern', () => {
    expect(scanText('const answer = 42;\n'.repeat(1000))).toEqual([]);
  });
});
