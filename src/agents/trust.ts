// Agents that skip hooks until a person trusts them, or trusts the folder: an installed hook that
// will not run guards nothing, so `install` and `doctor` say so. Read from the agents' own files
// (sources in codex.ts and gemini.ts); a file that cannot be read counts as no trust given.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { home } from '../gate/stateDir';
import { systemPath } from './hookFiles';

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

function object(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

function jsonObject(path: string): Record<string, unknown> {
  try {
    return object(JSON.parse(text(path)));
  } catch {
    return {};
  }
}

/**
 * Claude Code's managed settings can switch hooks off for everyone (`disableAllHooks`) or keep
 * only their own (`allowManagedHooksOnly`, which silently drops the user's and the project's).
 */
export function claudeWillNotRun(_file: string, scope: 'project' | 'user' | 'managed', _dir: string, env: Env): string | undefined {
  const file = systemPath(env, 'etc/claude-code/managed-settings.json', 'Library/Application Support/ClaudeCode/managed-settings.json');
  const managed = jsonObject(file);
  if (managed.disableAllHooks === true) return `Claude Code's managed settings (${file}) turn every hook off (disableAllHooks)`;
  if (managed.allowManagedHooksOnly === true && scope !== 'managed') {
    return `Claude Code's managed settings (${file}) run only managed hooks (allowManagedHooksOnly): install Airlock there (airlock install --scope managed, as an administrator)`;
  }
  return undefined;
}

/** Copilot CLI skips a policy.d file that is not root's, or that group or others may write. */
function policyFileRefused(file: string): string | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  if (stat.uid === 0 && (stat.mode & 0o022) === 0) return undefined;
  return `Copilot CLI skips a policy file that is not owned by root or that group or others can write: chown root ${file} && chmod 644 ${file}`;
}

/**
 * Copilot CLI loads a project's hooks (.github/hooks) only in a folder it trusts, prompt mode
 * (`-p`) included: one listed, or under one listed, in `trusted_folders` of the config.json in
 * COPILOT_HOME (~/.copilot), where it keeps the folders trusted "for this and future sessions".
 * Copilot in VS Code reads the same files under VS Code's own workspace trust, so a user who never
 * ran Copilot CLI (no config.json) is not warned.
 */
export function copilotWillNotRun(file: string, scope: 'project' | 'user' | 'managed', dir: string, env: Env): string | undefined {
  if (scope === 'managed') return policyFileRefused(file);
  if (scope !== 'project') return undefined;
  const config = join(env.COPILOT_HOME || join(home(env), '.copilot'), 'config.json');
  // No config.json: Copilot CLI has not run for this user, and VS Code's agent is not held back.
  if (!existsSync(config)) return undefined;
  const listed = jsonObject(config).trusted_folders;
  const trusted = Array.isArray(listed) ? listed.filter((f): f is string => typeof f === 'string').map((f) => resolve(f)) : [];
  if (upwards(dir).some((d) => trusted.includes(d))) return undefined;
  return `Copilot CLI loads this project's hooks only in a folder it trusts: trust it when Copilot CLI asks (for future sessions too), or add it to "trusted_folders" in ${config} (Copilot in VS Code is not affected)`;
}

/**
 * Codex runs a hook from a `hooks.json` only once a person trusted it in `/hooks` (a trusted_hash
 * under [hooks.state."<file>:pre_tool_use:<group>:<handler>"] in the user's config.toml), and a
 * project's file only in a project marked trusted there.
 */
export function codexWillNotRun(file: string, scope: 'project' | 'user' | 'managed', dir: string, env: Env): string | undefined {
  let config: Record<string, unknown> = {};
  try {
    config = parseToml(text(join(env.CODEX_HOME || join(home(env), '.codex'), 'config.toml')));
  } catch {
    // not valid TOML: Codex would not start with it either, so no trust is read from it
  }
  const reasons: string[] = [];
  let requirements: Record<string, unknown> = {};
  try {
    requirements = parseToml(text(systemPath(env, 'etc/codex/requirements.toml', 'etc/codex/requirements.toml')));
  } catch {
    // none, or not TOML: no requirement read from it
  }
  if (requirements.allow_managed_hooks_only === true) reasons.push('Codex\'s requirements.toml runs only managed hooks (allow_managed_hooks_only): ask your administrator to add Airlock\'s hook to its [hooks]');
  const projects = object(config.projects);
  if (scope === 'project' && !upwards(dir).some((d) => object(projects[d]).trust_level === 'trusted')) {
    reasons.push(`Codex reads ${file} only in a project you trust (it asks when it first opens the folder)`);
  }
  const states = Object.entries(object(object(config.hooks).state)).filter(([key]) => key.startsWith(`${file}:pre_tool_use:`)).map(([, v]) => object(v));
  if (!states.some((s) => typeof s.trusted_hash === 'string' && s.enabled !== false)) {
    reasons.push('Codex runs a new or changed hook only after you trust it: start Codex and trust Airlock\'s hook in /hooks (`codex exec --dangerously-bypass-hook-trust` skips that for one run)');
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * Gemini CLI with folder trust on runs no hooks in a folder the user has not trusted
 * (`~/.gemini/trustedFolders.json`: TRUST_FOLDER covers the folder and those below it,
 * TRUST_PARENT its parent's; DO_NOT_TRUST on the folder itself wins).
 */
export function geminiWillNotRun(_file: string, _scope: 'project' | 'user' | 'managed', dir: string, env: Env): string | undefined {
  return folderTrustWillNotRun('Gemini CLI', 'gemini', '.gemini', env.GEMINI_CLI_TRUSTED_FOLDERS_PATH, dir, env);
}

/** Qwen Code, a fork of Gemini CLI, keeps the same folder trust under ~/.qwen. */
export function qwenWillNotRun(_file: string, _scope: 'project' | 'user' | 'managed', dir: string, env: Env): string | undefined {
  return folderTrustWillNotRun('Qwen Code', 'qwen', '.qwen', undefined, dir, env);
}

function folderTrustWillNotRun(label: string, command: string, folder: string, trustPath: string | undefined, dir: string, env: Env): string | undefined {
  const settings = text(join(home(env), folder, 'settings.json'));
  try {
    const parsed = JSON.parse(settings) as { security?: { folderTrust?: { enabled?: unknown } } };
    if (parsed.security?.folderTrust?.enabled === false) return undefined;
  } catch {
    // no settings, or not plain JSON: folder trust keeps its default
  }
  const trustFile = trustPath || join(home(env), folder, 'trustedFolders.json');
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
    if (level === 'DO_NOT_TRUST' && rule === here) return `${label} runs no hooks in a folder it does not trust, and ${trustFile} says not to trust ${here}: change it with /permissions in ${label}`;
    if ((level === 'TRUST_FOLDER' && above.has(rule)) || (level === 'TRUST_PARENT' && above.has(dirname(rule)))) trusted = true;
  }
  return trusted ? undefined : `${label} runs no hooks in a folder it does not trust (with folder trust on, the default in recent releases), and ${here} is not trusted in ${trustFile}: run ${command} here and choose "Trust folder", or /permissions`;
}
