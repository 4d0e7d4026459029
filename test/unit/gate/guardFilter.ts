// The bash guard without its last line, which installs the DEBUG trap: its filter and Enter
// binding, driven from a test's own script that the trap would otherwise judge.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TRAP_LINE = '\nbuiltin trap "$__airlock_debug" DEBUG\n';

/** Writes guard-filter.bash beside the guard (its tables are found from its own folder) and returns its path. */
export function guardWithoutTrap(guard: string): string {
  const text = readFileSync(guard, 'utf8');
  if (!text.endsWith(TRAP_LINE)) throw new Error(`${guard} no longer ends by installing its trap: update this helper`);
  const path = join(dirname(guard), 'guard-filter.bash');
  writeFileSync(path, text.slice(0, -TRAP_LINE.length) + '\n');
  return path;
}
