// Appends the hook's audit record to the per-user log. One `write` per record on a file opened
// for appending, so concurrent hooks never interleave lines. A log that cannot be written is
// reported but never turns an answer around: the decision stands either way.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditRecord } from '../core/audit';
import { auditLogFile } from '../gate/stateDir';

export function appendAudit(record: AuditRecord, env: Readonly<Record<string, string | undefined>>, warn: (message: string) => void): void {
  const file = auditLogFile(env);
  const line = JSON.stringify(record) + '\n';
  try {
    try {
      appendFileSync(file, line, { mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      appendFileSync(file, line, { mode: 0o600 });
    }
  } catch (error) {
    warn(`airlock: could not write the audit log ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
