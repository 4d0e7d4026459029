// The secret scan's Problems row is read without hovering: two short sentences that name what was
// found, say agents can read the file and what to do, for every token rule; never "secret secret".
import { describe, expect, test } from 'vitest';
import { TOKEN_RULES } from '../../../src/core/secrets/tokens';
import { secretName, secretProblemMessage } from '../../../src/core/secrets/secretWords';

describe('secretProblemMessage', () => {
  test.each([
    ['railway-token', 'Railway', 'A Railway API token is written in this file, which AI agents can read.', 'move the token to a protected file such as .env.'],
    ['generic-secret', 'secret', 'A password, token or key is written in this file, which AI agents can read.', 'move the value to a protected file such as .env.'],
    ['private-key', 'private key', 'A private key is written in this file, which AI agents can read.', 'move the key to a protected file such as key.pem.'],
    ['database-url', 'database URL', 'A database password in a URL is written in this file, which AI agents can read.', 'move the URL to a protected file such as .env.'],
    ['aws-secret-access-key', 'AWS', 'An AWS secret access key is written in this file, which AI agents can read.', 'move the key to a protected file such as ~/.aws/credentials.'],
  ])('%s', (rule, kind, found, move) => {
    expect(secretProblemMessage({ rule, kind }).split('\n')).toEqual([found, `Protect the file from agents (Quick Fix), or ${move}`]);
  });

  test.each(TOKEN_RULES.map((r) => [r.id, r.kind] as const))('%s: its own words, its article, two whole sentences', (rule, kind) => {
    const lines = secretProblemMessage({ rule, kind }).split('\n');
    expect(lines).toHaveLength(2);
    // Without its own words a rule reads "A secret (kind)": every shipped rule has its own.
    expect(lines[0]).not.toMatch(/^A secret \(/);
    expect(lines[0]).toMatch(/^(?:A [^aeiouAEIOU]|An [aeiouAEIOU]).* is written in this file, which AI agents can read\.$/);
    expect(lines[1]).toMatch(/^Protect the file from agents \(Quick Fix\), or move the \w+ to a protected file such as \S.*\.$/);
    expect(lines.join(' ')).not.toMatch(/\b(?:secret|key) secret\b/i);
    // Each line fits one row of the Problems panel beside the source, code and position.
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
  });

  test('a rule added without its own words still reads as sentences', () => {
    expect(secretProblemMessage({ rule: 'new-rule', kind: 'Acme' })).toBe('A secret (Acme) is written in this file, which AI agents can read.\nProtect the file from agents (Quick Fix), or move the secret to a protected file such as .env.');
  });
});

describe('secretName (the CLI\'s report lines)', () => {
  test.each(TOKEN_RULES.map((r) => [r.id, r.kind] as const))('%s: named without its article, never "… secret secret"', (rule, kind) => {
    const name = secretName({ rule, kind });
    expect(name).not.toMatch(/^(?:A|An) /);
    expect(secretProblemMessage({ rule, kind })).toMatch(new RegExp(`^An? ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is written`));
    expect(name).not.toMatch(/\b(?:secret|key) secret\b/i);
  });
});
