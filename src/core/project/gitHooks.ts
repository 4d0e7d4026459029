// Git runs the repository's hooks on its own: `git commit` runs `.git/hooks/pre-commit` (or the
// one in `core.hooksPath`, `.husky/` for husky), `git push` runs `pre-push`. A hook an agent wrote
// a minute ago runs with the next everyday `git commit`, so each is read as the script it is.
// Aliases from the repository's config run too (`git nuke` with `alias.nuke = !rm -rf …`).
import type { SimpleCommand } from '../shell/command';
import { joinPath } from './files';
import type { Followed, LineFiles } from './followed';
import { fileScript } from './scripts';

/** The hooks each subcommand runs (githooks(5)); `--no-verify` skips the ones marked. */
const HOOKS: Readonly<Record<string, readonly { readonly name: string; readonly verified?: boolean }[]>> = {
  commit: [{ name: 'pre-commit', verified: true }, { name: 'prepare-commit-msg' }, { name: 'commit-msg', verified: true }, { name: 'post-commit' }],
  merge: [{ name: 'pre-merge-commit', verified: true }, { name: 'prepare-commit-msg' }, { name: 'commit-msg', verified: true }, { name: 'post-merge' }],
  pull: [{ name: 'post-merge' }, { name: 'post-checkout' }],
  push: [{ name: 'pre-push', verified: true }, { name: 'reference-transaction' }],
  checkout: [{ name: 'post-checkout' }], switch: [{ name: 'post-checkout' }], clone: [{ name: 'post-checkout' }],
  rebase: [{ name: 'pre-rebase' }, { name: 'post-rewrite' }],
  am: [{ name: 'applypatch-msg', verified: true }, { name: 'pre-applypatch', verified: true }, { name: 'post-applypatch' }],
  'cherry-pick': [{ name: 'prepare-commit-msg' }, { name: 'post-commit' }],
  revert: [{ name: 'prepare-commit-msg' }, { name: 'post-commit' }],
  gc: [{ name: 'pre-auto-gc' }],
};

/** Git's options before its subcommand that take a value. */
const GLOBAL_VALUES = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--exec-path']);

/** The repository folder from `dir` upward: where `.git` is. */
function repository(dir: string, files: LineFiles): { root: string; gitDir: string } | undefined {
  const marker = files.findUp(dir, ['.git']);
  if (marker === undefined) return undefined;
  const root = marker.slice(0, marker.lastIndexOf('/')) || '/';
  // A worktree's or submodule's `.git` is a file: `gitdir: …`.
  const got = files.read(marker);
  const pointer = got.kind === 'text' ? /^gitdir:\s*(.+)$/m.exec(got.text)?.[1]?.trim() : undefined;
  return { root, gitDir: pointer !== undefined ? joinPath(root, pointer) : marker };
}

/** A key's value in git's config text (`[core]\n\thooksPath = .husky/_`), the last one winning. */
function configValue(text: string, section: string, key: string): string | undefined {
  let current = '';
  let value: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^\[([^\]\s"]+)(?:\s+"([^"]*)")?\]/.exec(line);
    if (header) { current = `${(header[1] ?? '').toLowerCase()}${header[2] !== undefined ? `.${header[2]}` : ''}`; continue; }
    const m = /^([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m && current === section && (m[1] ?? '').toLowerCase() === key.toLowerCase()) value = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
  }
  return value;
}

/** The hooks and config aliases `git SUBCOMMAND …` runs from the repository around `dir`. */
export function followGitHooks(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  let i = 1;
  while (i < words.length && (words[i] ?? '').startsWith('-')) i += GLOBAL_VALUES.has(words[i] ?? '') ? 2 : 1;
  const sub = words[i] ?? '';
  // `git -C path …` runs in that folder.
  const at = words.indexOf('-C');
  const where = files.path(dir, at > 0 && at < i ? words[at + 1] ?? '.' : '.');
  const repo = repository(where, files);
  if (!repo) return [];
  const config = files.read(joinPath(repo.gitDir, 'config'));
  const configText = config.kind === 'text' ? config.text : '';
  const out: Followed[] = [];
  // An alias of the repository's own config: `!cmd` runs in a shell, anything else is git's words.
  const alias = configValue(configText, 'alias', sub);
  if (alias !== undefined && !HOOKS[sub]) {
    const source = { runner: `git ${sub}`, file: files.shown(joinPath(repo.gitDir, 'config')), text: configText, offset: 0 };
    if (alias.startsWith('!')) out.push({ kind: 'script', text: alias.slice(1), dir: repo.root, source });
    else out.push({ kind: 'argv', words: ['git', ...alias.split(/\s+/).filter(Boolean), ...words.slice(i + 1)], source });
  }
  const hooks = HOOKS[sub];
  if (!hooks) return out;
  const skipVerified = words.slice(i + 1).some((w) => w === '--no-verify' || (sub === 'commit' && /^-[a-zA-Z]*n[a-zA-Z]*$/.test(w)));
  const hooksPath = configValue(configText, 'core', 'hookspath');
  const folders = [...new Set([hooksPath !== undefined ? joinPath(repo.root, hooksPath) : joinPath(repo.gitDir, 'hooks'), joinPath(repo.root, '.husky')])];
  for (const hook of hooks) {
    if (hook.verified && skipVerified) continue;
    for (const folder of folders) {
      if (files.read(joinPath(folder, hook.name)).kind === 'missing') continue;
      out.push(...fileScript(joinPath(folder, hook.name), undefined, `git ${sub} (${hook.name} hook)`, files, false, repo.root));
    }
  }
  return out;
}
