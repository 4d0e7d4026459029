// What "Protect from Agents" and "Stop Protecting" change in the settings. Protecting adds the
// file to the workspace's airlock.protectedPaths (shared with the team; a workspace may add
// protection). Stopping removes the file's own entries; if a built-in or broader pattern still
// protects it, only an exception in the user's own airlock.allowedPaths can lift that — the one
// level a workspace (or an agent writing it) cannot use to weaken the policy.
import { isProtectedPath } from './paths';

/** A name no secret-file pattern targets: a folder is protected when any file in it would be. */
const PROBE = 'airlock-folder-probe';

/** The glob that protects a folder and everything in it. */
export function folderGlob(rel: string): string {
  return `${rel.replace(/\/+$/, '')}/**`;
}

/** A folder a pattern covers whole (`secrets/**`, `.ssh/*`): any file put in it is protected. */
export function isProtectedFolder(path: string, extraGlobs: readonly string[] = [], allowGlobs: readonly string[] = []): boolean {
  return isProtectedPath(`${path.replace(/\/+$/, '')}/${PROBE}`, extraGlobs, allowGlobs);
}

export interface PathSettings {
  readonly userProtected: readonly string[];
  readonly workspaceProtected: readonly string[];
  readonly userAllowed: readonly string[];
}

export interface SettingEdit {
  readonly level: 'user' | 'workspace';
  readonly key: 'protectedPaths' | 'allowedPaths';
  readonly value: readonly string[];
}

/** `rel` is the file's path relative to its workspace folder, with `/`. */
export function protectEdit(rel: string, s: PathSettings): SettingEdit | undefined {
  if (s.workspaceProtected.includes(rel)) return undefined;
  return { level: 'workspace', key: 'protectedPaths', value: [...s.workspaceProtected, rel] };
}

/** `rel` is a file, or a folder's glob (`folderGlob`) with `folder` set. */
export function unprotectEdits(rel: string, s: PathSettings, folder = false): { readonly edits: readonly SettingEdit[]; readonly needsException: boolean } {
  const edits: SettingEdit[] = [];
  const userProtected = s.userProtected.filter((g) => g !== rel);
  const workspaceProtected = s.workspaceProtected.filter((g) => g !== rel);
  if (userProtected.length !== s.userProtected.length) edits.push({ level: 'user', key: 'protectedPaths', value: userProtected });
  if (workspaceProtected.length !== s.workspaceProtected.length) edits.push({ level: 'workspace', key: 'protectedPaths', value: workspaceProtected });
  const stillProtected = folder
    ? isProtectedFolder(rel.replace(/\/\*\*$/, ''), [...userProtected, ...workspaceProtected], s.userAllowed)
    : isProtectedPath(rel, [...userProtected, ...workspaceProtected], s.userAllowed);
  if (stillProtected && !s.userAllowed.includes(rel)) edits.push({ level: 'user', key: 'allowedPaths', value: [...s.userAllowed, rel] });
  return { edits, needsException: stillProtected };
}
