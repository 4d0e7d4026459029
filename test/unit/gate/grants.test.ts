// Grants: an approved line covers the commands in it, word for word, for a while, and nothing else.
import { describe, expect, test } from 'vitest';
import { Grants, lineContains } from '../../../src/gate/grants';

describe('grants', () => {
  test.each([
    ['railway volume delete -v pgdata -e production -y', 'railway volume delete -v pgdata -e production -y', true],
    ['cd app && railway volume delete -v "pgdata" -y', 'railway volume delete -v pgdata -y', true],
    ['sudo /usr/bin/dropdb -h prod rentals', 'dropdb -h prod rentals', true],
    ['railway volume delete -v pgdata -y', 'railway volume delete -v other -y', false],
    ['railway status', 'railway volume delete -v pgdata -y', false],
    ['echo railway volume', 'railway volume delete', false],
  ])('%s covers %s: %s', (line, command, covers) => {
    expect(lineContains(line, command)).toBe(covers);
  });

  test('a grant is random, covers its own line only, and expires', () => {
    const grants = new Grants();
    const a = grants.issue('dropdb -h prod rentals', 0);
    const b = grants.issue('railway volume delete -v x -y', 0);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(grants.covering(a, 'dropdb -h prod rentals', 1000)).toBe('dropdb -h prod rentals');
    expect(grants.covering(a, 'railway volume delete -v x -y', 1000)).toBeUndefined();
    expect(grants.covering('forged-grant-xxxxxxxxxxxx', 'dropdb -h prod rentals', 1000)).toBeUndefined();
    expect(grants.covering(a, 'dropdb -h prod rentals', 11 * 60 * 1000)).toBeUndefined();
  });
});
