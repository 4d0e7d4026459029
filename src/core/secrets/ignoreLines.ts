// The protected-path policy written as gitignore lines, for the agents that read an ignore file at
// the workspace root (.cursorignore, .geminiignore, .aiderignore, …). The policy's globs are
// minimatch patterns where a relative pattern matches at any depth (`config/prod.json` ≡
// `**/config/prod.json`); gitignore anchors a pattern with an inner slash to the root, so such
// patterns keep their `**/`. Exceptions become `!` lines after the protections (the last match
// wins). `.aiexclude` has no negation: there an exception stays hidden, the stricter reading.
// Paths outside the workspace (`~/…`, `/etc/…`) cannot be named in a workspace's ignore file;
// the hooks and the terminal gate guard those.
import { braceExpand } from 'minimatch';
import type { Exposure } from './managedBlock';
import { DEFAULT_SECRET_ALLOW_GLOBS, DEFAULT_SECRET_GLOBS, isProtectedPath } from './paths';

export type IgnoreSyntax = 'gitignore' | 'aiexclude';

/** The user's settings; the built-in secret globs and exceptions come on top. */
export interface IgnorePolicy {
  readonly protectedPaths: readonly string[];
  readonly allowedPaths: readonly string[];
  /** The workspace folder, so an absolute glob inside it can be written relative to it. */
  readonly root?: string;
}

/** Extended globs (`+(a|b)`, `!(x)`) have no gitignore form. */
const EXTGLOB = /[@!+*?]\(/;

/** The glob as a gitignore pattern relative to the workspace root, or undefined outside it. */
export function gitignorePattern(glob: string, root?: string): string | undefined {
  let g = glob.trim().replace(/\\/g, '/');
  // A line break would start a line of its own (a `!` negation inside Airlock's block).
  if (g === '' || EXTGLOB.test(g) || /[\u0000-\u001f\u007f]/.test(g)) return undefined;
  if (root !== undefined && g.startsWith(root.replace(/\/+$/, '') + '/')) return escapeLine('/' + g.slice(root.replace(/\/+$/, '').length + 1));
  if (g.startsWith('~') || g.startsWith('/') || /^[A-Za-z]:\//.test(g) || g.startsWith('$')) return undefined;
  while (g.startsWith('./')) g = g.slice(2);
  const rest = g.startsWith('**/') ? g.slice(3) : g;
  // A single name matches at any depth in gitignore as it does in the policy.
  return escapeLine(rest.includes('/') ? '**/' + rest : rest);
}

/** A leading `#` or `!` would read as a comment or a negation; trailing spaces are dropped. */
function escapeLine(pattern: string): string {
  const p = /^[#!]/.test(pattern) ? '\\' + pattern : pattern;
  return p.replace(/ +$/, (spaces) => spaces.replace(/ /g, '\\ '));
}

function patterns(globs: readonly string[], root?: string): string[] {
  const out: string[] = [];
  for (const glob of globs) {
    for (const expanded of braceExpand(glob)) {
      const p = gitignorePattern(expanded, root);
      if (p !== undefined && !out.includes(p)) out.push(p);
    }
  }
  return out;
}

/** A path the gitignore pattern matches: `**​/.env.*` → `.env.x`. */
export function samplePath(pattern: string): string {
  return pattern.replace(/^\*\*\//, '').replace(/\*\*/g, 'a').replace(/\*/g, 'x').replace(/\?/g, 'x').replace(/\[[^\]]*\]/g, 'x');
}

/**
 * Lines for the managed block. Gitignore cannot re-include a file whose folder is excluded, so a
 * protected folder (`secrets/**`) that holds an exception also gets its subfolders re-included
 * (`!secrets/**​/`): the files in them stay hidden by the folder's own line.
 */
export function ignoreLines(policy: IgnorePolicy, syntax: IgnoreSyntax): string[] {
  const protect = patterns([...DEFAULT_SECRET_GLOBS, ...policy.protectedPaths], policy.root);
  if (syntax === 'aiexclude') return protect;
  const allow = patterns([...DEFAULT_SECRET_ALLOW_GLOBS, ...policy.allowedPaths], policy.root);
  const folders = protect.filter((p) => p.endsWith('/**') && allow.some((a) => isInside(samplePath(a), p.slice(0, -3))));
  return [...protect, ...folders.map((p) => `!${p}/`), ...allow.map((p) => `!${p}`)];
}

function isInside(path: string, folderPattern: string): boolean {
  const folder = samplePath(folderPattern);
  return path.startsWith(folder + '/') || path.includes('/' + folder + '/');
}

/**
 * What a user's negation after the block must not re-include: one path per protected glob
 * (`.env.x` for `.env.*`), and the policy itself for the paths a negation names.
 */
export function exposureOf(policy: IgnorePolicy): Exposure {
  const isProtected = (path: string): boolean => isProtectedPath(path, policy.protectedPaths, policy.allowedPaths) ||
    (policy.root !== undefined && isProtectedPath(`${policy.root.replace(/\/+$/, '')}/${path}`, policy.protectedPaths, policy.allowedPaths));
  const samples = patterns([...DEFAULT_SECRET_GLOBS, ...policy.protectedPaths], policy.root).map((p) => samplePath(p.replace(/^\//, '')));
  return { samples: [...new Set(samples)].filter(isProtected), isProtected };
}

/** The user's patterns no ignore file can hold (outside the workspace, extended globs): said, not dropped in silence. */
export function untranslatable(policy: IgnorePolicy): string[] {
  return policy.protectedPaths.filter((glob) => braceExpand(glob).some((g) => gitignorePattern(g, policy.root) === undefined));
}
