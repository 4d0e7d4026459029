// Where Airlock keeps per-user state (discovery files, the hooks' audit log, install backups).
// Kept apart from the discovery code so the CLI's fast path can find the audit log cheaply.
import { join, resolve } from 'node:path';

/** HOME as the shells set it; node:os only without one (loading it costs a hook's fast path time). */
export function home(env: Readonly<Record<string, string | undefined>>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when HOME is unset
  return env.HOME || (require('node:os') as typeof import('node:os')).homedir();
}

export function stateDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.AIRLOCK_STATE_DIR) return resolve(env.AIRLOCK_STATE_DIR);
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home(env), 'AppData', 'Local'), 'airlock');
  return join(env.XDG_STATE_HOME || join(home(env), '.local', 'state'), 'airlock');
}

export function auditLogFile(env?: Readonly<Record<string, string | undefined>>): string {
  return join(stateDirectory(env), 'audit.jsonl');
}
