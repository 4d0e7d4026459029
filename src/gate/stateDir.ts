// Where Airlock keeps per-user state (discovery files, the hooks' audit log, install backups).
// Kept apart from the discovery code so the CLI's fast path can find the audit log cheaply.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function stateDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.AIRLOCK_STATE_DIR) return resolve(env.AIRLOCK_STATE_DIR);
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'airlock');
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'airlock');
}

export function auditLogFile(env?: Readonly<Record<string, string | undefined>>): string {
  return join(stateDirectory(env), 'audit.jsonl');
}
