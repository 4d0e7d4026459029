// Git family: commands that throw away uncommitted work, rewrite or delete shared history, or
// remove the reflog/objects that would let a mistake be undone; plus GitHub CLI deletions.
import type { Word } from '../shell/command';
import { Args } from './args';
import { decodeUrlPart, HTTP_PROGRAMS, requestOf, splitUrl } from './http/request';
import type { Rule } from './types';

// Global options that take the next word as their value (`git -C dir`, `git -c k=v`).
const GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--config-env', '--exec-path', '--attr-source']);

interface GitCall { readonly sub: string; readonly args: Args }

const gitCache = new WeakMap<Args, GitCall | undefined>();

/** The subcommand and an `Args` over its own arguments, past git's global options. */
function git(a: Args): GitCall | undefined {
  if (gitCache.has(a)) return gitCache.get(a);
  const argv = a.command.argv;
  let i = 1;
  while (i < argv.length) {
    const v = argv[i]?.value ?? '';
    if (GLOBAL_WITH_VALUE.has(v)) { i += 2; continue; }
    if (v.startsWith('-')) { i++; continue; }
    break;
  }
  const subWord = argv[i];
  const call = subWord === undefined ? undefined : {
    sub: subWord.value.toLowerCase(),
    args: new Args({ ...a.command, argv: [subWord, ...spellOut(argv.slice(i + 1))] }),
  };
  gitCache.set(a, call);
  return call;
}

/**
 * Long options the rules read, most dangerous first. Git accepts any unambiguous abbreviation
 * (`--forc`, `--har`); an ambiguous one fails, so reading it as the first candidate is safe.
 */
const LONG_OPTIONS = [
  '--force', '--hard', '--delete', '--mirror', '--prune', '--discard-changes', '--expire', '--expire-unreachable',
  '--all', '--include-untracked', '--worktree', '--staged', '--source', '--force-with-lease', '--force-if-includes',
  '--orphan', '--patch', '--soft', '--mixed', '--keep', '--merge', '--dry-run',
];
// Options that are switches: a value given to one (`--force=true`) is refused by git or ignored.
const SWITCHES: ReadonlySet<string> = new Set(['--force', '--hard', '--delete', '--mirror', '--all', '--discard-changes']);

/** Git's own spellings read as the rules read them: abbreviations spelled out, `--force=true` as `--force`. */
function spellOut(words: readonly Word[]): Word[] {
  const dash = words.findIndex((w) => w.value === '--');
  return words.map((word, i) => {
    const v = word.value;
    if ((dash >= 0 && i > dash) || !v.startsWith('--') || v.length < 5) return word;
    const eq = v.indexOf('=');
    const name = eq < 0 ? v : v.slice(0, eq);
    if (eq >= 0 && SWITCHES.has(name)) return { ...word, value: name };
    if (eq >= 0 || LONG_OPTIONS.includes(name)) return word;
    const full = LONG_OPTIONS.find((o) => o.startsWith(name));
    return full ? { ...word, value: full } : word;
  });
}

function isGit(a: Args, sub: string): Args | undefined {
  const call = git(a);
  return call !== undefined && call.sub === sub ? call.args : undefined;
}

// Short-flag bundles of any length (`-fdx`, `-dffx`), which the shared helper caps at four letters.
function bundle(list: readonly string[], letter: string): boolean {
  return list.some((x) => /^-[A-Za-z]+$/.test(x) && x.includes(letter));
}

/** Arguments after a literal `--`. */
function afterDashes(list: readonly string[]): readonly string[] {
  const i = list.indexOf('--');
  return i < 0 ? [] : list.slice(i + 1);
}

function pushPositionals(p: Args): readonly string[] {
  const out: string[] = [];
  const list = p.list;
  const withValue = new Set(['-o', '--push-option', '--repo', '--receive-pack', '--exec']);
  for (let i = 0; i < list.length; i++) {
    const x = list[i] ?? '';
    if (withValue.has(x)) { i++; continue; }
    if (!x.startsWith('-')) out.push(x);
  }
  return out;
}

/** The remote pushed to and the refs pushed (a branch named `release/prod-…` names its target). */
function pushTargets(a: Args): string[] {
  const p = isGit(a, 'push');
  if (!p) return [];
  const [remote, ...refs] = pushPositionals(p);
  const out = remote !== undefined && !remote.startsWith('+') && !remote.startsWith(':') ? [remote] : [];
  return [...out, ...refs.map((ref) => ref.replace(/^[+:]/, ''))];
}

// Branches others build on: a forced push there rewrites what everyone has pulled.
const SHARED_BRANCH = /^(?:main|master|trunk|prod|production|staging|stable|develop|development|gh-pages|release.*)$/i;

/**
 * True for a branch a forced push should not rewrite unasked: a shared one, one the line does not
 * name (`HEAD`, a pattern, a name only known at run time), or a ref that is no branch (a tag others fetched).
 */
export function isSharedBranch(ref: string): boolean {
  const name = ref.replace(/^refs\/heads\//, '');
  return SHARED_BRANCH.test(name) || name === 'HEAD' || name === '@' || /[$`*]/.test(name) || name.startsWith('refs/');
}

/** The branch a refspec updates: `src:dst` → `dst`, `+main` → `main`; undefined for a deletion (`:old`). */
function pushedBranch(refspec: string): string | undefined {
  const spec = refspec.replace(/^\+/, '');
  const colon = spec.indexOf(':');
  const dst = colon < 0 ? spec : spec.slice(colon + 1);
  return dst === '' ? undefined : dst;
}

/**
 * A forced push that may throw away history others have: `--force`, `-f`, a `+` refspec or
 * `--mirror`, to any branch (a PR branch has reviewers' commits too); or a lease to a shared branch
 * (`--force-with-lease origin main`), which still rewrites what everyone pulled. A lease to the
 * current or a named own branch, or one that names the commit it expects
 * (`--force-with-lease=main:3f2a9c1`), fails rather than overwrite anyone's push.
 */
function overwritesRemoteHistory(a: Args): boolean {
  const p = isGit(a, 'push');
  if (!p) return false;
  const refspecs = pushPositionals(p).slice(1);
  if (p.has('--mirror', '--force') || bundle(p.list, 'f') || refspecs.some((spec) => spec.startsWith('+'))) return true;
  // `--force-w…`: git takes any unambiguous prefix of --force-with-lease.
  const leases = p.list.filter((x) => /^--force-w/.test(x) && '--force-with-lease'.startsWith(x.replace(/=.*$/, '')));
  if (leases.length === 0 || leases.every((x) => /=[^:]+:./.test(x))) return false;
  // Every branch (`--all`) includes the shared ones.
  if (p.has('--all', '--branches')) return true;
  return refspecs.some((spec) => {
    const branch = pushedBranch(spec);
    return branch !== undefined && isSharedBranch(branch);
  });
}

/** The branch a GitHub API call updates (`PATCH /repos/o/r/git/refs/heads/main`), GitHub Enterprise's `/api/v3/…` included. */
function githubRefBranch(url: string): string | undefined {
  const m = /(?:^|\/)repos\/[^/]+\/[^/]+\/git\/refs\/heads\/(.+)$/.exec(decodeUrlPart(splitUrl(url).path));
  return m?.[1];
}

/**
 * `"force": true` in the body (curl), `-F force=true` (gh api) or `force:=true` (httpie): without
 * it GitHub refuses an update that is not a fast-forward.
 */
function forcesRefUpdate(a: Args): boolean {
  const request = requestOf(a);
  if (!request) return false;
  return request.bodies.some((b) => /"force"\s*:\s*true\b/.test(b)) || a.list.some((w) => /^force:?=true$/i.test(w));
}

function ghTargets(a: Args, ...path: readonly (string | readonly string[])[]): string[] {
  return [...a.after(...path).slice(0, 1), ...a.values('--repo', '-R')];
}

export const gitRules: readonly Rule[] = [
  {
    id: 'git.reset-hard',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Discards all uncommitted changes in the working tree and index',
    hint: 'Run git stash (or commit to a branch) first so the changes can be recovered',
    match: (a) => isGit(a, 'reset')?.has('--hard') ?? false,
    examples: {
      match: ['git reset --hard', 'git reset --hard HEAD~3', 'git -C services/api reset --hard origin/main', 'git -c core.pager=cat reset --hard @{u}'],
      noMatch: ['git reset HEAD~1', 'git reset --soft HEAD~1', 'git reset -- file.txt', 'git commit -m "git reset --hard"'],
    },
  },
  {
    id: 'git.push-force',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Force-pushes, overwriting the remote branch history others may rely on',
    hint: 'Use git push --force-with-lease to your own branch, so the push fails if someone else pushed meanwhile; on a shared branch push a revert instead',
    match: overwritesRemoteHistory,
    targets: pushTargets,
    examples: {
      match: [
        'git push --force', 'git push -f origin main', 'git push origin +main', 'git --git-dir=.git push origin +HEAD:main --no-verify', 'git push --mirror backup',
        'git push --force-with-lease origin main', 'git push origin main --force-with-lease=main', 'git push -f origin HEAD', 'git push --force origin release/2.4',
        'git push -f upstream feature/x:master', 'git push --force origin feature/login', 'git push -uf origin feature',
      ],
      noMatch: [
        'git push origin main', 'git push -u origin feature', 'git push --force-with-lease', 'git push --force-with-lease=main:abc123 origin main',
        'git push --force-if-includes --force-with-lease', 'git push --force-with-lease origin fix/typo', 'git push --force-if-includes origin main',
      ],
    },
  },
  {
    id: 'git.push-delete',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Deletes branches or tags on the remote',
    hint: 'Check no one still needs the branch (and that it is merged) before deleting it on the remote',
    match: (a) => {
      const p = isGit(a, 'push');
      if (!p) return false;
      return p.has('--delete', '--prune') || bundle(p.list, 'd') ||
        pushPositionals(p).slice(1).some((x) => x.length > 1 && (x.startsWith(':') || x.startsWith('+:')));
    },
    targets: pushTargets,
    examples: {
      match: ['git push origin --delete feature/login', 'git push -d origin old-branch', 'git push origin :release-1.2', 'git push --prune origin refs/heads/*:refs/heads/*'],
      noMatch: ['git push origin main', 'git push origin :', 'git push --tags', 'git branch -d feature'],
    },
  },
  {
    id: 'git.clean-force',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Permanently deletes untracked files (and with -x, ignored files such as .env) from the working tree',
    hint: 'Preview with git clean -n first, or stash untracked files with git stash -u',
    match: (a) => {
      const c = isGit(a, 'clean');
      if (!c) return false;
      return (c.has('--force') || bundle(c.list, 'f')) && !c.has('--dry-run') && !bundle(c.list, 'n');
    },
    examples: {
      match: ['git clean -f', 'git clean -fd', 'git clean -fdx', 'git clean -xfd', 'git clean --force -d', 'git -C app clean -dffx'],
      noMatch: ['git clean -n', 'git clean -fdn', 'git clean -fd --dry-run', 'git clean -nd'],
    },
  },
  {
    id: 'git.checkout-discard',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Overwrites uncommitted changes in the working tree with the committed version',
    hint: 'Run git stash first (or git diff > backup.patch) so the changes can be recovered',
    match: (a) => {
      const call = git(a);
      if (!call) return false;
      const c = call.args;
      if (call.sub === 'switch') return c.has('--discard-changes', '--force', '-f');
      if (call.sub !== 'checkout') return false;
      if (c.has('--force', '-f')) return true;
      if (c.has('-b', '-B', '--orphan', '-p', '--patch')) return false;
      if (afterDashes(c.list).length > 0) return true;
      return c.positionals.some((x) => x === '.' || x === './' || x === ':/' || x === '*');
    },
    examples: {
      match: ['git checkout -- .', 'git checkout .', 'git checkout -f main', 'git checkout -- src/app.ts', 'git checkout HEAD~2 -- package.json', 'git switch --discard-changes main'],
      noMatch: ['git checkout main', 'git checkout -b feature/x', 'git checkout -', 'git switch -c topic', 'git checkout -p -- src'],
    },
  },
  {
    id: 'git.restore-worktree',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Overwrites uncommitted changes in working-tree files with the committed version',
    hint: 'Run git stash first, or use git restore --staged to only unstage',
    match: (a) => {
      const r = isGit(a, 'restore');
      if (!r) return false;
      const worktree = r.has('--worktree', '-W') || !r.has('--staged', '-S');
      const withValue = new Set(['--source', '-s', '--pathspec-from-file']);
      const paths = r.list.filter((x, i) => !x.startsWith('-') && !withValue.has(r.list[i - 1] ?? ''));
      return worktree && !r.has('-p', '--patch') && (paths.length > 0 || r.has('--pathspec-from-file'));
    },
    examples: {
      match: ['git restore .', 'git restore src/index.ts', 'git restore --worktree --staged .', 'git restore -W -- lib/', 'git restore --source=HEAD~1 app.py', 'git restore -s main README.md'],
      noMatch: ['git restore --staged .', 'git restore -S src/index.ts', 'git restore --patch src/app.ts', 'git status'],
    },
  },
  {
    id: 'git.stash-clear',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Deletes every stash entry at once',
    hint: 'Drop only the stash you no longer need (git stash drop stash@{n}) after checking it with git stash show -p',
    match: (a) => isGit(a, 'stash')?.positionals[0] === 'clear',
    examples: {
      match: ['git stash clear', 'git -C repo stash clear'],
      noMatch: ['git stash', 'git stash list', 'git stash pop', 'git stash drop'],
    },
  },
  {
    id: 'git.stash-drop',
    programs: ['git'],
    category: 'git',
    severity: 'low',
    summary: 'Deletes a stash entry',
    hint: 'Check it with git stash show -p first; the dropped commit id printed by git can restore it',
    match: (a) => isGit(a, 'stash')?.positionals[0] === 'drop',
    examples: {
      match: ['git stash drop', 'git stash drop stash@{2}', 'git stash drop -q'],
      noMatch: ['git stash pop', 'git stash list', 'git stash clear'],
    },
  },
  {
    id: 'git.branch-force-delete',
    programs: ['git'],
    category: 'git',
    severity: 'low',
    summary: 'Deletes a local branch even if its commits are not merged anywhere',
    hint: 'Use git branch -d, which refuses to delete unmerged work',
    match: (a) => {
      const b = isGit(a, 'branch');
      if (!b) return false;
      const remote = b.has('-r', '--remotes');
      const deletes = bundle(b.list, 'D') || b.has('--delete') || bundle(b.list, 'd');
      const forced = bundle(b.list, 'D') || b.has('--force') || bundle(b.list, 'f');
      return deletes && forced && !remote;
    },
    examples: {
      match: ['git branch -D feature/old', 'git branch --delete --force spike', 'git branch -d -f wip', 'git branch -df wip'],
      noMatch: ['git branch -d feature/merged', 'git branch -a', 'git branch -f main origin/main', 'git branch -dr origin/old'],
    },
  },
  {
    id: 'git.history-rewrite',
    programs: ['git', 'git-filter-repo'],
    category: 'git',
    severity: 'high',
    summary: 'Rewrites the history of every matching commit, changing all their ids',
    hint: 'Run it on a fresh clone and keep a backup of the original repository (git clone --mirror)',
    match: (a) => {
      if (a.program === 'git-filter-repo') return !a.has('--analyze');
      const call = git(a);
      if (!call) return false;
      if (call.sub === 'filter-branch') return true;
      return call.sub === 'filter-repo' && !call.args.has('--analyze');
    },
    examples: {
      match: ['git filter-branch --tree-filter "rm -f secrets.txt" HEAD', 'git filter-repo --path secrets.txt --invert-paths', 'git filter-repo --force --replace-text expr.txt'],
      noMatch: ['git filter-repo --analyze', 'git log --all -- secrets.txt', 'git rebase -i HEAD~3'],
    },
  },
  {
    id: 'git.reflog-expire',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Erases reflog entries, the record that lets lost commits be recovered',
    hint: 'Leave the reflog to expire on its own schedule unless a secret must be purged',
    match: (a) => {
      const r = isGit(a, 'reflog');
      if (!r) return false;
      if (r.positionals[0] === 'delete') return true;
      if (r.positionals[0] !== 'expire') return false;
      return [...r.values('--expire'), ...r.values('--expire-unreachable')].some((v) => /^(?:now|all|0)$/i.test(v));
    },
    examples: {
      match: ['git reflog expire --expire=now --all', 'git reflog expire --expire-unreachable=now --all', 'git reflog delete HEAD@{2}'],
      noMatch: ['git reflog', 'git reflog show main', 'git reflog expire --expire=90.days.ago --all'],
    },
  },
  {
    id: 'git.prune-now',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Permanently deletes unreachable commits, removing any chance to recover lost work',
    hint: 'Use plain git gc, which keeps unreachable objects for two weeks',
    match: (a) => {
      const call = git(a);
      if (!call) return false;
      const c = call.args;
      if (call.sub === 'gc') return c.values('--prune').some((v) => /^(?:now|all)$/i.test(v));
      return call.sub === 'prune' && !c.has('-n', '--dry-run');
    },
    examples: {
      match: ['git gc --prune=now', 'git gc --aggressive --prune=now', 'git prune', 'git prune --expire=now'],
      noMatch: ['git gc', 'git gc --prune=2.weeks.ago', 'git prune -n', 'git remote prune origin'],
    },
  },
  {
    id: 'git.update-ref-delete',
    programs: ['git'],
    category: 'git',
    severity: 'high',
    summary: 'Deletes a ref (branch, tag or other pointer) directly, bypassing the usual safety checks',
    hint: 'Use git branch -d or git tag -d, which check what is being deleted',
    match: (a) => {
      const u = isGit(a, 'update-ref');
      return u !== undefined && (u.has('-d') || (u.has('--stdin') && /^\s*delete\s/m.test(a.command.stdin ?? '')));
    },
    examples: {
      match: ['git update-ref -d refs/heads/main', 'git update-ref -d refs/original/refs/heads/main'],
      noMatch: ['git update-ref refs/heads/topic HEAD', 'git show-ref'],
    },
  },
  {
    id: 'git.worktree-remove-force',
    programs: ['git'],
    category: 'git',
    severity: 'low',
    summary: 'Removes a worktree even if it has uncommitted or untracked changes',
    hint: 'Run git worktree remove without --force, which refuses when the worktree has changes',
    match: (a) => {
      const w = isGit(a, 'worktree');
      return w !== undefined && w.positionals[0] === 'remove' && w.has('--force', '-f');
    },
    examples: {
      match: ['git worktree remove --force ../feature-x', 'git worktree remove -f -f wt'],
      noMatch: ['git worktree remove ../feature-x', 'git worktree list', 'git worktree add ../hotfix'],
    },
  },
  {
    id: 'github.ref-force-update',
    programs: HTTP_PROGRAMS,
    category: 'git',
    severity: 'high',
    summary: 'Force-moves a shared branch through the GitHub API (PATCH git/refs with force: true), dropping the commits it pointed to',
    hint: 'Push a revert to the branch instead, or move only your own branch; note the current sha (GET the ref) to restore it',
    match: (a) => {
      const request = requestOf(a);
      if (request?.sent !== 'PATCH' || !forcesRefUpdate(a)) return false;
      return request.urls.some((url) => { const branch = githubRefBranch(url); return branch !== undefined && isSharedBranch(branch); });
    },
    targets: (a) => (requestOf(a)?.urls ?? []).map((url) => splitUrl(url).path),
    examples: {
      match: [
        'curl -X PATCH https://api.github.com/repos/org/shop/git/refs/heads/main -d \'{"sha":"abc","force":true}\'',
        'gh api -X PATCH repos/org/shop/git/refs/heads/main -f sha=abc -F force=true',
        'gh api --method PATCH /repos/org/shop/git/refs/heads/release/2.4 -F sha=abc -F force=true',
      ],
      noMatch: [
        'curl -X PATCH https://api.github.com/repos/org/shop/git/refs/heads/main -d \'{"sha":"abc"}\'',
        'curl -X PATCH https://api.github.com/repos/org/shop/git/refs/heads/feature/x -d \'{"sha":"abc","force":true}\'',
        'gh api repos/org/shop/git/refs/heads/main',
        'gh api -X PATCH repos/org/shop/git/refs/heads/main -f sha=abc -F force=false',
      ],
    },
  },
  {
    id: 'gh.repo-delete',
    programs: ['gh'],
    category: 'git',
    severity: 'critical',
    summary: 'Deletes a GitHub repository with its issues, pull requests, releases and wiki',
    hint: 'Archive the repository instead (gh repo archive), which is reversible',
    // `repo delete` itself, not `repo deploy-key delete` or `repo autolink delete`.
    match: (a) => a.positionals[0] === 'repo' && a.positionals[1] === 'delete',
    targets: (a) => ghTargets(a, 'repo', 'delete'),
    examples: {
      match: ['gh repo delete acme/api --yes', 'gh repo delete --yes', 'gh repo delete acme/site-prod --confirm'],
      noMatch: ['gh repo view acme/api', 'gh repo archive acme/api', 'gh repo list', 'gh repo deploy-key delete 123', 'gh repo autolink delete 5'],
    },
  },
  {
    id: 'gh.release-delete',
    programs: ['gh'],
    category: 'git',
    severity: 'high',
    summary: 'Deletes a GitHub release and its uploaded assets',
    hint: 'Edit the release (gh release edit --draft) instead of deleting it, or download its assets first',
    match: (a) => a.sub('release', ['delete', 'delete-asset']),
    targets: (a) => ghTargets(a, 'release', ['delete', 'delete-asset']),
    examples: {
      match: ['gh release delete v1.2.0 --yes', 'gh release delete v2.0.0 -R acme/api --cleanup-tag', 'gh release delete-asset v1.0 app.zip'],
      noMatch: ['gh release list', 'gh release view v1.2.0', 'gh release create v1.3.0'],
    },
  },
];
