import { describe, expect, test } from 'vitest';
import { LISTERS, leadingListing, listingOf, onlyListings } from '../../../src/core/shell/listings';

describe('listings: what a command prints when the line cannot choose the text', () => {
  test.each(LISTERS.map((l) => [l.example, l.prints] as const))('%s prints %s', (example, prints) => {
    expect(listingOf(example)).toBe(prints);
    expect(listingOf(`$(${example})`)).toBe(prints);
  });

  test.each([
    'ls', 'ls uninstall', 'basename uninstall', 'date +%%uninstall', 'seq -s uninstall 2', 'pgrep --help', 'git branch --format=--force',
    'git rev-list --oneline -1 HEAD', 'git rev-parse --sq-quote --force', 'ps -eo args', 'find . -printf uninstall', 'find --force',
    'docker ps --format uninstall', 'kubectl get pods -o jsonpath={.x}', 'lsof -i:3000', 'cat verb.txt', 'cat .pid verb.txt',
    'pwd | head verb.txt', 'pwd | grep -rho uninstall', "nproc | sed 'se.*e--forc\\ee'", "pwd | sed 's/.*/uninstall/'", 'pwd | xargs cat verb.txt',
    'pwd | tr -d x < verb.txt', 'git describe --tags $(cat f)',
  ])('%s is no listing', (text) => {
    expect(listingOf(text)).toBeUndefined();
  });

  test('filters that read only the pipe keep a listing, quotes and nested listings included', () => {
    expect(listingOf('git branch --merged | grep -Ev "(main|master|\\*)"')).toBe('names');
    expect(listingOf("git branch -r | grep feature | head -1 | sed 's/origin\\///'")).toBe('names');
    expect(listingOf('git branch --merged | grep -v main | sed -e "s/^ *//"')).toBe('names');
    expect(listingOf('git describe --tags $(git rev-list --tags --max-count=1)')).toBe('names');
    expect(listingOf('$(cd "$(dirname "$0")" && pwd)')).toBe('names');
  });

  test('a listing before a path is one; before other text it is not', () => {
    expect(leadingListing('$(npm bin)/tsc')).toBe('names');
    expect(leadingListing('$(jobs -p)uninstall')).toBeUndefined();
    expect(onlyListings('feature/$(date +%s)')).toBe(true);
    expect(onlyListings('v$(cat VERSION)')).toBe(false);
  });
});
