// Before Airlock first changes an agent's configuration file it records the file as it was
// (or that it did not exist) and what it added, in the private state directory — not beside the
// file, where it would end up in the user's repository. Uninstall uses it to give the user their
// file back byte for byte when nothing else changed since.
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../../gate/discovery';
import { stateDirectory } from '../../gate/stateDir';
import type { Added } from '../hookFiles';

export interface Backup {
  readonly version: 1;
  readonly file: string;
  /** The file's text before Airlock's first change; null when Airlock created it. */
  readonly original: string | null;
  readonly added: Added;
  /** Directories Airlock created for the file, deepest first: removed again when empty. */
  readonly createdDirs?: readonly string[];
}

export function backupFile(file: string, env: Readonly<Record<string, string | undefined>>): string {
  return join(stateDirectory(env), 'backups', `${createHash('sha256').update(file).digest('hex').slice(0, 24)}.json`);
}

export function readBackup(file: string, env: Readonly<Record<string, string | undefined>>): Backup | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(backupFile(file, env), 'utf8'));
  } catch {
    return undefined;
  }
  // A damaged record is no backup: install starts a fresh one, uninstall removes entries by shape.
  const b = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const added = (typeof b.added === 'object' && b.added !== null ? b.added : {}) as Record<string, unknown>;
  if (b.version !== 1 || b.file !== file || (b.original !== null && typeof b.original !== 'string')) return undefined;
  const denyRules = Array.isArray(added.denyRules) ? added.denyRules.filter((r): r is string => typeof r === 'string') : [];
  const createdDirs = Array.isArray(b.createdDirs) ? b.createdDirs.filter((d): d is string => typeof d === 'string') : [];
  return { version: 1, file, original: b.original, added: { denyRules }, createdDirs };
}

export function writeBackup(backup: Backup, env: Readonly<Record<string, string | undefined>>): string {
  const path = backupFile(backup.file, env);
  writePrivateFile(path, JSON.stringify(backup, null, 2) + '\n');
  return path;
}

export function deleteBackup(file: string, env: Readonly<Record<string, string | undefined>>): void {
  try {
    unlinkSync(backupFile(file, env));
  } catch {
    // none
  }
}
