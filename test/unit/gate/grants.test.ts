// Grants: an approved line covers its own simple commands, in the same directory, no more
// dangerous than approved, for a while — and nothing else.
import { describe, expect, test } from 'vitest';
import { Grants, commandWords, lineContains } from '../../../src/gate/grants';
import { withUnseenOperands, type Verdict } from '../../../src/core/verdict';

const PROD: Verdict = { decision: 'confirm', risk: 'critical', environment: { tier: 'production' }, findings: [], confirmation: 'typed' };
const STAGING: Verdict = { ...PROD, risk: 'high', environment: { tier: 'staging' } };

describe('grants', () => {
  test.each([
    ['railway volume delete -v pgdata -e production -y', 'railway volume delete -v pgdata -e production -y', true],
    ['cd app && railway volume delete -v "pgdata" -y', 'railway volume delete -v pgdata -y', true],
    ['sudo /usr/bin/dropdb -h prod rentals', 'dropdb -h prod rentals', true],
    ['railway volume delete -v pgdata -y', 'railway volume delete -v other -y', false],
    ['railway status', 'railway volume delete -v pgdata -y', false],
    ['echo railway volume', 'railway volume delete', false],
    ['kubectl delete pods --all -n scratch', 'kubectl delete pods --all', false],
    ['terraform destroy -target=x', 'terraform destroy', false],
    ['git commit -m "never run rm -rf / here"', 'rm -rf /', false],
    ['git commit -m "then rm -rf /"', 'rm -rf /', false],
    // Every command of the request, not only its first.
    ['helm uninstall web', 'helm uninstall web; dropdb -h prod rentals', false],
    ['x=/usr/bin/dropdb; $x staging', 'x=/usr/bin/dropdb; $x prod', false],
    ['cleanup; helm uninstall web', 'helm uninstall web\ncleanup', true],
  ])('%s covers %s: %s', (line, command, covers) => {
    expect(lineContains(line, command)).toBe(covers);
  });

  test('a line\'s simple commands, quotes kept as one word', () => {
    expect(commandWords(`a 'b c' && d "e\\"f" | g\\ h; (i)`)).toEqual([['a', 'b c'], ['d', 'e"f'], ['g h'], ['i']]);
  });

  test('a grant is random, covers its own line only, in its directory, no more dangerous, and expires', () => {
    const grants = new Grants();
    const a = grants.issue('dropdb -h prod rentals', '/p', STAGING, 0);
    const b = grants.issue('railway volume delete -v x -y', '/p', PROD, 0);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(grants.covering(a, 'dropdb -h prod rentals', '/p', STAGING, 1000)).toBe('dropdb -h prod rentals');
    expect(grants.covering(a, 'dropdb -h prod rentals', '/elsewhere', STAGING, 1000)).toBeUndefined();
    expect(grants.covering(a, 'dropdb -h prod rentals', '/p', PROD, 1000)).toBeUndefined();
    expect(grants.covering(a, 'railway volume delete -v x -y', '/p', STAGING, 1000)).toBeUndefined();
    expect(grants.covering('forged-grant-xxxxxxxxxxxx', 'dropdb -h prod rentals', '/p', STAGING, 1000)).toBeUndefined();
    // A program the shell runs past its shim with operands only known then: not what the person saw.
    const unseen = withUnseenOperands({ ...STAGING, findings: [] }, 'dropdb -h prod rentals', 'dropdb');
    expect(unseen.risk).toBe('high');
    expect(grants.covering(a, 'dropdb -h prod rentals', '/p', unseen, 1000)).toBeUndefined();
    expect(grants.covering(a, 'dropdb -h prod rentals', '/p', STAGING, 11 * 60 * 1000)).toBeUndefined();
  });
});
