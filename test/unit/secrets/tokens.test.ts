// Each token rule against what it must and must not match; the scanner names rule, kind and line,
// never the value, and skips placeholders.
import { describe, expect, test } from 'vitest';
import { ruleMatches, scanText } from '../../../src/core/secrets/tokenScan';
import { TOKEN_RULES } from '../../../src/core/secrets/tokens';

describe.each(TOKEN_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test('keywords are lower-case ASCII of three characters or more (the keyword index hashes three bytes)', () => {
    expect(rule.keywords.filter((k) => !/^[\x20-\x40\x5b-\x7e]{3,}$/.test(k))).toEqual([]);
  });
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

  test('a secret read across lines is reported on the line that holds it', () => {
    const text = ['env:', '  - name: RAILWAY_API_TOKEN', '    value: "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"', '  - name: LOG_LEVEL', '    value: debug'].join('\n');
    expect(scanText(text)).toEqual([{ line: 3, rule: 'railway-token', kind: 'Railway' }]);
    // The header in pieces: a whole key block in the repository would trip secret scanners.
    const header = (edge: string): string => ['-----', edge, ' RSA PRIVATE', ' KEY-----'].join('');
    const key = ['key: |', `  ${header('BEGIN')}`, '  MIIEpAIBAAKCAQEAq8Hw2xK0pLm3Rt7vZb9Nc4Yd6Fg1Js5Ua8Ie2Ko0Q7x2Lk9Pm3R', `  ${header('END')}`].join('\n');
    expect(scanText(key)).toEqual([{ line: 2, rule: 'private-key', kind: 'private key' }]);
  });

  test('keywords inside other keywords still wake their rules', () => {
    // `"token"` (the Railway config rule's keyword) holds `token` (the generic rule's); `sk-ant-` holds `sk-`.
    expect(scanText('{ "token": "q8Hw2xK0pLm3Rt7vZb9Nc4Yd" }')).toEqual([{ line: 1, rule: 'generic-secret', kind: 'secret' }]);
    expect(scanText('SK-PROJ-Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3WZq is upper-cased')).toEqual([]);
    expect(scanText('key=sk-proj-Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3WZq')).toEqual([{ line: 1, rule: 'openai-key', kind: 'OpenAI' }]);
  });

  test('a secret deep in a long minified line is found around its keyword', () => {
    const filler = 'a.b=c(d);'.repeat(2000);
    const text = `${filler}var t={DATABASE_URL:"postgres://app:Wq7x2Lk9Pm3R@prod-db.internal:5432/app"};${filler}\nnext();`;
    expect(scanText(text)).toEqual([{ line: 1, rule: 'database-url', kind: 'database URL' }]);
  });

  test('line numbers stay right when lower-casing would change lengths, and with CRLF endings', () => {
    const text = ['İİİ # Turkish capitals lower-case to two code units', 'ok', 'RAILWAY_TOKEN=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d'].join('\r\n');
    expect(scanText(text)).toEqual([{ line: 3, rule: 'railway-token', kind: 'Railway' }]);
  });
});
