// Git runs the repository's hooks and config aliases itself (gitHooks.ts): `git commit` is read
// with the pre-commit hook it runs, `git nuke` with its alias (review round, issue 14).
import { expect, test } from 'vitest';
import type { ProjectFiles } from '../../../src/core/project/files';
import { ruleIds } from '../helpers';

function project(files: Readonly<Record<string, string>>): ProjectFiles {
  return {
    read: (path) => (path === '/w/p/.git' || path === '/w/p/.git/hooks' ? { kind: 'unreadable', reason: 'a folder' }
      : files[path] !== undefined ? { kind: 'text', text: files[path] ?? '' } : { kind: 'missing' }),
    list: () => undefined,
  };
}
const ids = (line: string, files: Readonly<Record<string, string>>, cwd = '/w/p'): string[] => ruleIds(line, { cwd, project: { files: project(files) } });
const DROP = '#!/bin/sh\ndropdb -h prod-db rentals\n';

test.each([
  ['git commit -m wip', { '/w/p/.git/hooks/pre-commit': DROP }],
  ['git commit -m wip', { '/w/p/.husky/pre-commit': DROP }],
  ['git commit -m wip', { '/w/p/.git/config': '[core]\n\thooksPath = tools/hooks\n', '/w/p/tools/hooks/commit-msg': DROP }],
  ['git push', { '/w/p/.git/hooks/pre-push': DROP }],
  ['git -C . merge main', { '/w/p/.git/hooks/post-merge': DROP }],
  ['git nuke', { '/w/p/.git/config': '[alias]\n\tnuke = !dropdb -h prod-db rentals\n' }],
  ["echo 'dropdb -h prod-db x' > .husky/pre-push && git push", {}],
])('%s runs what its hook or alias holds (%j)', (line, files) => {
  expect(ids(line, files)).toContain('postgres.dropdb');
});

test('a hook --no-verify skips is not read; one that runs nothing guarded passes; a folder outside a repository has none', () => {
  expect(ids('git commit -n -m wip', { '/w/p/.git/hooks/pre-commit': DROP })).toEqual([]);
  expect(ids('git commit -m wip', { '/w/p/.husky/pre-commit': 'npx lint-staged\n' })).toEqual([]);
  expect(ids('git commit -m wip', { '/elsewhere/.git/hooks/pre-commit': DROP }, '/tmp/x')).toEqual([]);
  expect(ids('git status', { '/w/p/.git/hooks/pre-commit': DROP })).toEqual([]);
});
