// Agents that skip hooks until a person trusts them, or trusts the folder: an installed hook that
// will not run guards nothing, so `install` and `doctor` say so. Read from the agents' own files
// (sources in codex.ts and gemini.ts); a file that cannot be read counts as no trust given.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { home } from '../gate/stateDir';

type Env = Readonly<Record<string, string | undefined>>;

function text(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The folder and every folder above it. */
function upwards(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    out.push(d);
    if (dirname(d) === d) return out;
  }
}

/** The body of each `[header]` table of a TOML file whose header matches. */
function tomlTables(toml: string, header: (name: string) => boolean): string[] {
  const out: string[] = [];
  const parts = toml.split(/^\s*\[(?!\[)([^\]\n]+)\]\s*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) if (header(parts[i].trim())) out.push(parts[i + 1]);
  return out;
}

const quoted = (name: string): string => JSON.stringify(name);

/**
 * Codex runs a hook from a `hooks.json` only once a person trusted it in `/hooks` (a trusted_hash
 * under [hooks.state."<file>:pre_tool_use:<group>:<handler>"] in the user's config.toml), and a
 * project's file only in a project marked trusted there.
 */
export function codexWillNotRun(file: string, scope: 'project' | 'user', dir: string, env: Env): string | undefined {
  const config = text(join(env.CODEX_HOME || join(home(env), '.codex'), 'config.toml'));
  const reasons: string[] = [];
  if (scope === 'project') {
    const trusted = upwards(dir).some((d) => tomlTables(config, (h) => h === `projects.${quoted(d)}`).some((t) => /^\s*trust_level\s*=\s*"trusted"/m.test(t)));
    if (!trusted) reasons.push(`Codex reads ${file} only in a project you trust (it asks when it first opens the folder)`);
  }
  const states = tomlTables(config, (h) => h.startsWith(`hooks.state.${JSON.stringify(file).slice(0, -1)}:pre_tool_use:`));
  if (!states.some((t) => /^\s*trusted_hash\s*=/m.test(t) && !/^\s*enabled\s*=\s*false/m.test(t))) {
    reasons.push('Codex runs a new or changed hook only after you trust it: start Codex and trust Airlock\'s hook in /hooks (`codex exec --dangerously-bypass-hook-trust` skips that for one run)');
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * Gemini CLI with folder trust on runs no hooks in a folder the user has not trusted
 * (`~/.gemini/trustedFolders.json`: TRUST_FOLDER covers the folder and those below it,
 * TRUST_PARENT its parent's; DO_NOT_TRUST on the folder itself wins).
 */
export function geminiWillNotRun(_file: string, _scope: 'project' | 'user', dir: string, env: Env): string | undefined {
  const settings = text(join(home(env), '.gemini', 'settings.json'));
  try {
    const parsed = JSON.parse(settings) as { security?: { folderTrust?: { enabled?: unknown } } };
    if (parsed.security?.folderTrust?.enabled === false) return undefined;
  } catch {
    // no settings, or not plain JSON: folder trust keeps its default
  }
  const trustFile = env.GEMINI_CLI_TRUSTED_FOLDERS_PATH || join(home(env), '.gemini', 'trustedFolders.json');
  let rules: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text(trustFile));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) rules = parsed as Record<string, unknown>;
  } catch {
    // no trust file yet
  }
  const here = resolve(dir);
  const above = new Set(upwards(here));
  let trusted = false;
  for (const [path, level] of Object.entries(rules)) {
    const rule = resolve(path);
    if (level === 'DO_NOT_TRUST' && rule === here) return `Gemini CLI runs no hooks in a folder it does not trust, and ${trustFile} says not to trust ${here}: change it with /permissions in Gemini`;
    if ((level === 'TRUST_FOLDER' && above.has(rule)) || (level === 'TRUST_PARENT' && above.has(dirname(rule)))) trusted = true;
  }
  return trusted ? undefined : `Gemini CLI runs no hooks in a folder it does not trust (with folder trust on, the default in recent releases), and ${here} is not trusted in ${trustFile}: run gemini here and choose "Trust folder", or /permissions`;
}
