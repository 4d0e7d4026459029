// dotenv syntax as its readers read it, and which files are env files and what tier their names say.
import { describe, expect, test } from 'vitest';
import { parseDotenv } from '../../../src/core/secrets/dotenv';
import { fileTier, isEnvFileName, originFile } from '../../../src/core/secrets/origins';

describe('dotenv syntax', () => {
  test.each([
    ['plain', 'A=1', { A: '1' }],
    ['export prefix (direnv, shells)', 'export TOKEN=abc', { TOKEN: 'abc' }],
    ['spaces around =', '  KEY  =  value  ', { KEY: 'value' }],
    ['colon form', 'KEY: value', { KEY: 'value' }],
    ['double quotes, escapes', 'K="a\\nb \\"c\\""', { K: 'a\nb "c"' }],
    ['single quotes are literal', "K='a\\nb $X'", { K: 'a\\nb $X' }],
    ['backticks', 'K=`a b`', { K: 'a b' }],
    ['a quoted # is part of the value', 'K="a # b" # comment', { K: 'a # b' }],
    ['comment after whitespace', 'K=abc # comment', { K: 'abc' }],
    ['# inside an unquoted word is kept', 'K=abc#def', { K: 'abc#def' }],
    ['comment lines and blank lines', '# K=1\n\n  # X=2\nY=3', { Y: '3' }],
    ['CRLF line ends', 'A=1\r\nB="2"\r\n', { A: '1', B: '2' }],
    ['multi-line double-quoted value', 'KEY="-----BEGIN\nabc\n-----END"\nNEXT=1', { KEY: '-----BEGIN\nabc\n-----END', NEXT: '1' }],
    ['an unclosed quote is a plain value', 'K="abc\nL=2', { K: '"abc', L: '2' }],
    ['the last definition wins', 'K=1\nK=2', { K: '2' }],
    ['empty value', 'K=\nL=""', { K: '', L: '' }],
    ['dotted and dashed names', 'app.key-1=v', { 'app.key-1': 'v' }],
    ['not assignments', 'echo hi\nif [ -f x ]; then\n=value\n1X=2', {}],
    ['shell substitutions are kept as written', 'K=$(cat secret)\nL="${OTHER}"', { K: '$(cat secret)', L: '${OTHER}' }],
  ])('%s', (_name, text, expected) => {
    expect(Object.fromEntries(parseDotenv(text))).toEqual(expected);
  });

  test('hostile input: long lines and many quotes stay linear', () => {
    const text = `${'"'.repeat(50_000)}\n${'A'.repeat(50_000)}=${'x '.repeat(25_000)}\n${'A="\\"\n'.repeat(20_000)}`;
    const started = performance.now();
    expect(parseDotenv(text).size).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('env files', () => {
  test.each([
    ['.env', true], ['.env.production', true], ['.env.staging.local', true], ['.env-prod', true], ['prod.env', true], ['.envrc', true], ['.ENV', true],
    ['.env.example', true], ['env', false], ['.environment.ts', false], ['envfile', false], ['src.envy', false], ['.envrc.bak', false],
  ])('%s is an env file: %s', (name, expected) => {
    expect(isEnvFileName(name)).toBe(expected);
  });

  test.each([
    ['.env.production', 'production'], ['.env.prod.local', 'production'], ['api/.env.staging', 'staging'], ['.env.staging.local', 'staging'],
    ['.env.local', 'development'], ['.env.development', 'development'], ['.env', undefined], ['.envrc', undefined], ['production/.env', undefined],
    ['prd.env', 'production'], ['.env.reproduce', undefined],
  ])('%s names %s', (path, tier) => {
    expect(fileTier(path)).toBe(tier);
  });

  test('values shorter than eight characters are not kept; a URL\'s password is kept on its own; names are made plain', () => {
    const file = originFile('a/\x1b[31m`evil`\u202e.env', [], 'PORT=3000\nTOKEN=abcdefgh\nDATABASE_URL=postgres://u:s3cret-pw@db/x', (v) => `#${v}`);
    expect([...file.values.keys()]).toEqual(['TOKEN', 'DATABASE_URL']);
    expect(file.values.get('DATABASE_URL')).toEqual(['#postgres://u:s3cret-pw@db/x', '#s3cret-pw']);
    expect(file.path).toBe('a/?[31m?evil??.env');
  });
});
