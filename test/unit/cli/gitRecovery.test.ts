// Git's view of a deletion, read from a real repository: recoverable only when git tracks every
// file under the path and none has changes, untracked or ignored files.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitRecovery } from '../../../src/cli/gitRecovery';

let repo: string;
const git = (...args: string[]): void => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'airlock-git-'));
  git('init', '-q');
  for (const dir of ['src/components', 'docs', 'data', 'mixed']) mkdirSync(join(repo, dir), { recursive: true });
  writeFileSync(join(repo, 'src/components/a.ts'), 'a\n');
  writeFileSync(join(repo, 'docs/guide.md'), 'g\n');
  writeFileSync(join(repo, 'mixed/tracked.txt'), 't\n');
  writeFileSync(join(repo, '.gitignore'), 'mixed/*.log\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(repo, 'data/rows.csv'), 'untracked\n');
  writeFileSync(join(repo, 'mixed/run.log'), 'ignored\n');
  symlinkSync(join(repo, 'src'), join(repo, 'link'));
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('gitRecovery', () => {
  const view = gitRecovery();

  test('tracked and unchanged: the way back names the command', () => {
    expect(view.recovery(['src/components'], repo)).toMatch(/git checkout -- src\/components/);
    expect(view.recovery(['components'], join(repo, 'src'))).toMatch(/git checkout -- src\/components/);
    expect(view.recovery(['src', 'docs/guide.md'], repo)).toMatch(/brings them back/);
  });

  test('untracked, ignored or changed files: no way back', () => {
    expect(view.recovery(['data'], repo)).toBeUndefined();
    expect(view.recovery(['mixed'], repo)).toBeUndefined();
    appendFileSync(join(repo, 'docs/guide.md'), 'edit\n');
    expect(view.recovery(['docs'], repo)).toBeUndefined();
    git('checkout', '--', 'docs');
    expect(view.recovery(['docs'], repo)).toMatch(/git checkout/);
  });

  test('the work tree itself, its .git, paths outside it, missing paths and globs: no way back', () => {
    for (const path of ['.', '.git', '..', '/etc', 'missing', 'src/*', '~/x']) expect(view.recovery([path], repo), path).toBeUndefined();
    expect(view.recovery(['src'], tmpdir())).toBeUndefined();
  });

  test('a path through a link is not what git sees: no way back', () => {
    expect(view.recovery(['link'], repo)).toBeUndefined();
    expect(view.recovery(['link/'], repo)).toBeUndefined();
  });

  test('a file whose changes git is told to ignore (assume-unchanged, skip-worktree) is no way back', () => {
    git('update-index', '--assume-unchanged', 'docs/guide.md');
    expect(view.recovery(['docs'], repo)).toBeUndefined();
    git('update-index', '--no-assume-unchanged', 'docs/guide.md');
    git('update-index', '--skip-worktree', 'docs/guide.md');
    expect(view.recovery(['docs'], repo)).toBeUndefined();
    git('update-index', '--no-skip-worktree', 'docs/guide.md');
    expect(view.recovery(['docs'], repo)).toMatch(/git checkout/);
  });

  test('a repository config that hides changes, or a GIT_INDEX_FILE in the environment, is not believed', () => {
    git('config', 'core.ignoreStat', 'true');
    appendFileSync(join(repo, 'docs/guide.md'), 'hidden edit\n');
    const before = process.env.GIT_INDEX_FILE;
    process.env.GIT_INDEX_FILE = join(repo, 'no-such-index');
    try {
      expect(view.recovery(['docs'], repo)).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.GIT_INDEX_FILE; else process.env.GIT_INDEX_FILE = before;
      git('config', '--unset', 'core.ignoreStat');
      git('checkout', '--', 'docs');
    }
    expect(view.recovery(['docs'], repo)).toMatch(/git checkout/);
  });

  test('git failing or too slow is no way back', () => {
    const broken = gitRecovery(() => ({ pid: 0, output: [], stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), status: null, signal: 'SIGTERM', error: new Error('timed out') }));
    expect(broken.recovery(['src'], repo)).toBeUndefined();
  });
});
