// Which files of a workspace the protected-path policy covers, and which pattern covers each:
// the Airlock view's Protected files section and the Explorer's Protect / Stop Protecting menu
// read it. Pure: the file list is handed in.
import { DEFAULT_SECRET_GLOBS, isProtectedPath, matchingGlob } from './paths';
import { isProtectedFolder } from './protectEdit';

/** The protected-path settings by level (a workspace may add patterns, only the user may except). */
export interface PathLayers {
  readonly user: readonly string[];
  readonly workspace: readonly string[];
  readonly userAllowed: readonly string[];
}

export type PatternSource = 'built-in' | 'yours' | 'workspace';

export interface CoveredFile {
  /** Absolute path, as the editor gives it (the Explorer's `resourcePath`). */
  readonly path: string;
  /** Relative to its workspace folder. */
  readonly rel: string;
  readonly source: PatternSource;
  readonly pattern: string;
}

/** The pattern that protects `path`, and whose it is; undefined when the file is not protected. */
export function whyProtected(path: string, layers: PathLayers): { readonly source: PatternSource; readonly pattern: string } | undefined {
  if (!isProtectedPath(path, [...layers.user, ...layers.workspace], layers.userAllowed)) return undefined;
  const builtIn = matchingGlob(path, DEFAULT_SECRET_GLOBS);
  if (builtIn) return { source: 'built-in', pattern: builtIn };
  const yours = matchingGlob(path, layers.user);
  if (yours) return { source: 'yours', pattern: yours };
  return { source: 'workspace', pattern: matchingGlob(path, layers.workspace) ?? '' };
}

/** The files the policy covers, sorted by their relative path. */
export function coveredFiles(files: readonly { readonly path: string; readonly rel: string }[], layers: PathLayers): CoveredFile[] {
  const out: CoveredFile[] = [];
  for (const f of files) {
    const why = whyProtected(f.path, layers);
    if (why) out.push({ ...f, ...why });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** A path's folder, with either separator: the editor hands Windows paths with backslashes. */
function parentOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
}

/**
 * The folders a pattern covers whole (`secrets/**`), among the folders that hold the files given,
 * up to (not including) their workspace folder: the Explorer offers Stop Protecting on them.
 */
export function coveredFolders(files: readonly { readonly path: string }[], roots: readonly string[], layers: PathLayers): string[] {
  const extra = [...layers.user, ...layers.workspace];
  const seen = new Map<string, boolean>();
  for (const f of files) {
    const root = roots.find((r) => f.path.startsWith(`${r}/`) || f.path.startsWith(`${r}\\`));
    if (!root) continue;
    for (let dir = parentOf(f.path); dir.length > root.length && !seen.has(dir); dir = parentOf(dir)) {
      seen.set(dir, isProtectedFolder(dir.replace(/\\/g, '/'), extra, layers.userAllowed));
    }
  }
  return [...seen].filter(([, covered]) => covered).map(([dir]) => dir).sort();
}
