// Each credential example: the kind and where the verdict says the command gets it — never the value.
import { describe, expect, test } from 'vitest';
import { CREDENTIAL_EXAMPLES } from '../../../src/core/secrets/credentials';
import { classify } from '../helpers';

describe('the credential a flagged command acts with', () => {
  test.each(CREDENTIAL_EXAMPLES)('$line', ({ line, env, kind, where }) => {
    const verdict = classify(line, { env });
    expect(verdict.findings.length).toBeGreaterThan(0);
    expect(verdict.credential?.kind).toBe(kind);
    if (where) expect(verdict.credential?.where).toBe(where);
    expect(JSON.stringify(verdict.credential ?? {})).not.toMatch(/abc|pw@|"x"/);
  });

  test('a benign line names no credential, even with one in the environment', () => {
    expect(classify('railway status', { env: { RAILWAY_API_TOKEN: 'x' } }).credential).toBeUndefined();
  });
});
