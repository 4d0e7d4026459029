// The files that keep the guard in place: Airlock's launcher, state (discovery files, published
// policy, audit log), code cache and installed extension, each agent's hook configuration, and the
// editors' settings that hold Airlock's own. An agent that rewrites them switches
// its own guard off, so writing them needs a human like any other critical action. Matched without
// regard to case (macOS and Windows file systems ignore it) and after `.` segments are dropped.
import { remembered } from './remembered';

/** The CLI's V8 code cache: a forged one would run as the CLI (a deleted one only costs a compile). */
const CACHE = /(?:^|\/)\.cache\/airlock(?:\/|$)/;
const GUARD_FILE = [
  /(?:^|\/)\.local\/(?:share|state)\/airlock(?:\/|$)/,
  CACHE,
  // The editor's storage for Airlock: the terminal gate's shims and guards, its earlier audit log.
  /(?:^|\/)globalstorage\/airlock\.airlock(?:\/|$)/,
  // The audit queue's fallback under TMPDIR.
  /(?:^|\/)airlock-[^/]+-audit-queue(?:\/|$)/,
  /(?:^|\/)(?:\.vscode|\.vscode-insiders|\.vscode-oss|\.vscode-server|\.cursor|\.cursor-server|\.windsurf|\.windsurf-server|\.local\/share\/code-server)\/extensions\/airlock\.airlock-[^/]*(?:\/|$)/,
  /(?:^|\/)\.claude\/settings(?:\.local)?\.json$/,
  /(?:^|\/)\.cursor\/hooks\.json$/,
  /(?:^|\/)\.gemini\/settings\.json$/,
  /(?:^|\/)\.github\/hooks\/[^/]+\.json$/,
  /(?:^|\/)\.copilot\/hooks\/[^/]+\.json$/,
  // Copilot CLI loads a project's hooks only in the folders its config.json trusts (trusted_folders).
  /(?:^|\/)\.copilot\/config\.json$/,
  // Codex: its hooks, and the config that holds them too, their trust and `[features] hooks = false`.
  /(?:^|\/)\.codex\/(?:hooks\.json|config\.toml)$/,
  // Cline: the hook is the file itself, in a project's `.clinerules/hooks`, the user's
  // `<Documents>/Cline/Hooks` (its name varies; older releases `Cline/Rules/Hooks`) or `~/.cline/hooks`.
  /(?:^|\/)(?:\.clinerules|\.?cline(?:\/rules)?)\/hooks\/pretooluse$/,
  // Augment: the user's and a project's settings (and the personal layer beside it).
  /(?:^|\/)\.augment\/settings(?:\.local)?\.json$/,
  // Windsurf: the workspace's hooks and the user's.
  /(?:^|\/)(?:\.windsurf|\.codeium\/windsurf)\/hooks\.json$/,
  // Kiro: its hook files (Airlock's is airlock.json; how the others combine with it is not documented).
  /(?:^|\/)\.kiro\/hooks\/[^/]+\.json$/,
  // Gemini CLI and Qwen Code run no hooks in a folder their trust file does not trust.
  /(?:^|\/)\.(?:gemini|qwen)\/trustedfolders\.json$/,
  // Qwen Code: its settings hold its hooks (and the personal layer beside them).
  /(?:^|\/)\.qwen\/settings(?:\.local)?\.json$/,
  // Factory Droid: the settings that hold its hooks, and the hooks.json newer releases read instead.
  /(?:^|\/)\.factory\/(?:settings(?:\.local)?\.json|hooks\.json|hooks\/hooks\.json)$/,
  // opencode: its plugin folders. Airlock's hook is a plugin there, and any other plugin runs in the
  // same process and sees (and may rewrite) each call around it.
  /(?:^|\/)(?:\.opencode|\.config\/opencode)\/plugins?\/[^/]/,
  // Managed (enterprise) and system settings, which win over the user's: `disableAllHooks` there
  // switches every hook off.
  /(?:^|\/)(?:etc\/claude-code|library\/application support\/claudecode|programdata\/claudecode)\/managed-settings\.json$/,
  /(?:^|\/)(?:etc\/gemini-cli|library\/application support\/geminicli|programdata\/gemini-cli)\/(?:system-)?settings\.json$/,
  /(?:^|\/)(?:etc\/cursor|library\/application support\/cursor|programdata\/cursor)\/hooks\.json$/,
  /(?:^|\/)(?:etc\/codex|library\/application support\/codex|programdata\/codex)\/(?:requirements\.toml|config\.toml|hooks\.json)$/,
  /(?:^|\/)(?:etc\/augment|programdata\/augment)\/settings\.json$/,
  // Copilot CLI's policy hooks, Qwen Code's system settings, Windsurf's system hooks.
  /(?:^|\/)etc\/github-copilot\/policy\.d\/[^/]+\.json$/,
  /(?:^|\/)(?:etc\/qwen-code|library\/application support\/qwencode)\/(?:system-defaults|settings)\.json$/,
  /(?:^|\/)(?:etc\/windsurf|library\/application support\/windsurf)\/hooks\.json$/,
  /(?:^|\/)(?:etc\/factory|library\/application support\/factory|program files\/factory)\/settings\.json$/,
];

/**
 * A word each pattern above and below has within one folder name, so normalising (which only drops
 * and lower-cases) cannot make it: `u` folds the Kelvin sign as toLowerCase turns it into `k`.
 */
const GUARD_FILE_WORD = /airlock|settings|hooks|code-workspace|codex|opencode|trustedfolders|copilot/iu;

/**
 * The editors' user settings (VS Code, Insiders, VSCodium, Cursor, Windsurf, code-server; their
 * profiles; Linux, macOS and Windows locations) and workspace files: they hold Airlock's own
 * settings (tier policy, allowed paths, the terminal gate switch).
 */
const EDITOR_SETTINGS = [
  // Flatpak keeps it under ~/.var/app/<id>/config (no dot).
  /(?:^|\/)(?:\.config|\.var\/app\/[^/]+\/config|library\/application support|appdata\/roaming|\.local\/share)\/(?:code|code - insiders|code - oss|vscodium|cursor|windsurf|code-server)\/user\/(?:profiles\/[^/]+\/)?settings\.json$/,
  /(?:^|\/)\.(?:vscode|cursor|windsurf)-server(?:-insiders)?\/data\/(?:user\/(?:profiles\/[^/]+\/)?|machine\/)settings\.json$/,
  /\.code-workspace$/,
];

/**
 * Words that show a command may reach a guard file (a `cd` into one of their folders, a path in
 * one): the terminal gate's filters send such lines to the engine instead of clearing them.
 */
export const GUARD_PATH_WORDS: readonly string[] = [
  '.claude', '.cursor', '.gemini', '.github/hooks', '.copilot', '.codex', 'etc/codex', '.clinerules', 'cline/hooks', 'cline/rules/hooks', '.augment', 'etc/augment', 'etc/github-copilot', 'etc/qwen-code', 'etc/windsurf',
  '.windsurf', '.codeium', '.kiro', '.factory', 'etc/factory', '.qwen', '.opencode', 'opencode/plugin', 'share/airlock', 'state/airlock', 'cache/airlock', 'extensions/airlock.',
  'globalstorage/airlock.airlock', 'audit-queue',
  'code/user', 'code - insiders/user', 'vscodium/user', 'cursor/user', 'windsurf/user', 'code-server/user', '-server/data', '.code-workspace',
];

/** Separators unified, `$HOME` as `~`, `.` and `x/..` segments resolved, lower case. */
function normalise(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/^(?:\$HOME|\$\{HOME\})(?=\/)/, '~').replace(/\/{2,}/g, '/').toLowerCase();
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '' && out[out.length - 1] !== '~') out.pop();
    else out.push(segment);
  }
  return out.join('/').replace(/(.)\/$/, '$1');
}

export function isGuardFile(path: string): boolean {
  // Most paths are no guard file: one scan for a word every pattern needs spares the normalising.
  if (!GUARD_FILE_WORD.test(path)) return false;
  const p = normalise(path);
  return GUARD_FILE.some((re) => re.test(p)) || EDITOR_SETTINGS.some((re) => re.test(p));
}

/**
 * Guard files in each of their places under the home folder, for the folders above them. The
 * editor's cache is left out (deleting it only costs a compile); an agent's project-level
 * settings (`.claude/settings.json` in any folder) are found by listing (see PROJECT_GUARD_FILES).
 */
const GUARD_SAMPLES = ['~/.local/state/airlock/x', '~/.local/share/airlock/bin/airlock', '~/.config/code/user/settings.json', '~/.config/cursor/user/settings.json',
  '~/.config/windsurf/user/settings.json', '~/.config/vscodium/user/settings.json', '~/.local/share/code-server/user/settings.json',
  '~/library/application support/code/user/settings.json', '~/.vscode/extensions/airlock.airlock-0/x', '~/.cursor/extensions/airlock.airlock-0/x',
  '~/.windsurf/extensions/airlock.airlock-0/x', '~/.vscode-server/extensions/airlock.airlock-0/x', '~/.vscode-server/data/user/settings.json',
  '~/.config/code/user/globalstorage/airlock.airlock/x', '~/documents/cline/hooks/pretooluse', '~/.cline/hooks/pretooluse'];
/** The files an agent's hook settings are in, from a project's (or the home's) root. */
export const PROJECT_GUARD_FILES: readonly string[] = ['.claude/settings.json', '.claude/settings.local.json', '.cursor/hooks.json', '.gemini/settings.json',
  '.github/hooks', '.copilot/hooks', '.codex/hooks.json', '.codex/config.toml', '.clinerules/hooks/PreToolUse', '.augment/settings.json', '.augment/settings.local.json',
  '.windsurf/hooks.json', '.codeium/windsurf/hooks.json', '.kiro/hooks', '.factory/settings.json', '.factory/settings.local.json', '.factory/hooks.json',
  '.opencode/plugins', '.opencode/plugin', '.qwen/settings.json'];
/**
 * Every tail of a sample below its first folder: a folder holds a guard file when the folder
 * joined to one of these is one. A tail that is a guard file under any folder
 * (`globalstorage/airlock.airlock/x`) says nothing about the folder, and is left out.
 */
const GUARD_TAILS = [...new Set(GUARD_SAMPLES.flatMap((sample) => {
  const parts = sample.split('/');
  return parts.slice(2).map((_p, i) => parts.slice(i + 2).join('/'));
}))].filter((tail) => !isGuardFile(`/nowhere/${tail}`));
/** The names of the folders on the way to a guard file (`.local`, `share`, `code`, `user`…). */
const GUARD_FOLDER_NAMES: ReadonlySet<string> = new Set(GUARD_SAMPLES.flatMap((sample) => sample.split('/').slice(0, -1)));

/** The first folders of the agents' settings (`.claude`): the folder itself holds them. */
const AGENT_FOLDERS = /^(?:.*\/)?\.(?:claude|cursor|gemini|copilot|augment|factory|qwen|windsurf|codeium(?:\/windsurf)?|kiro(?:\/hooks)?)$|^(?:.*\/)?\.(?:github|clinerules)(?:\/hooks)?$|^(?:.*\/)?\.opencode(?:\/plugins?)?$/;

/**
 * Whether `path` is a folder that holds a guard file (`.claude`, `~/.local`, `~/.config/Code`,
 * the home folder): moving, removing, replacing or locking it takes the guard away as surely as
 * editing the file. Project folders that hold `.claude/settings.json` are found by listing them.
 */
export function holdsGuardFile(path: string): boolean {
  return HOLDS_ANSWERS(path);
}

/** Folders already read: the rules ask about every operand of every command that moves or removes. */
const HOLDS_ANSWERS = remembered(1024, (path) => folderHoldsGuardFile(path));

function folderHoldsGuardFile(path: string): boolean {
  const p = normalise(path).replace(/\/+$/, '');
  if (p === '' || p === '.' || p === '..' || isGuardFile(p)) return false;
  if (p === '~' || p === '/' || /^\/(?:home\/[^/]+|root|users\/[^/]+)$/.test(p)) return true;
  if (AGENT_FOLDERS.test(p)) return true;
  // Only a folder named like one on the way to a guard file can hold one (the rules ask about every operand).
  if (!GUARD_FOLDER_NAMES.has(p.slice(p.lastIndexOf('/') + 1))) return false;
  return GUARD_TAILS.some((tail) => isGuardFile(`${p}/${tail}`) && !CACHE.test(`${p}/${tail}`));
}

/** A guard file in each entry of PROJECT_GUARD_FILES: the entry itself, or Airlock's file in an entry that is a folder. */
function guardFileIn(entry: string): string {
  if (entry.endsWith('hooks')) return `${entry}/airlock.json`;
  return /plugins?$/.test(entry) ? `${entry}/airlock.js` : entry;
}

/** Guard files as a line may name them, for globs: home-based, home-relative and project-relative. */
const GUARD_NAMES = [...new Set([...GUARD_SAMPLES, ...GUARD_SAMPLES.map((g) => g.slice(2)),
  ...PROJECT_GUARD_FILES.map((f) => guardFileIn(f).toLowerCase()).flatMap((f) => [f, `~/${f}`])])];

/**
 * Whether a glob can name a guard file (`.cl*` then `/settings.json`): bash expands one that
 * matches a single file even as a redirect target.
 */
export function globMayNameGuardFile(glob: string): boolean {
  return /[*?[]/.test(glob) && glob.length <= 300 && GLOB_ANSWERS(glob);
}

/** Globs already read: a batch asks about the same ones over and over. */
const GLOB_ANSWERS = remembered(1024, (glob) => globNamesGuardFile(glob));

function globNamesGuardFile(glob: string): boolean {
  // Matched from its start (`*.json` here reaches no `.claude/settings.json`), a home folder as `~`.
  const p = normalise(glob).replace(/^\/(?:home\/[^/]+|root|users\/[^/]+)(?=\/)/, '~');
  let source = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] ?? '';
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) return true;
      source += `[${p.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  let re: RegExp;
  try {
    re = new RegExp(`^${source}$`);
  } catch {
    return true;
  }
  return GUARD_NAMES.some((name) => re.test(name));
}

/** An editor settings file (see EDITOR_SETTINGS): a write there is a guard change only when it touches `airlock.*`. */
export function isEditorSettingsFile(path: string): boolean {
  const p = normalise(path);
  return EDITOR_SETTINGS.some((re) => re.test(p));
}

/** The path as the command sees it after the line's `cd`s (`dir`): relative paths joined to it. */
export function inDirectory(dir: string | undefined, path: string): string {
  if (dir === undefined || /^(?:\/|~|\$HOME\b|\$\{HOME\}|[A-Za-z]:[\\/])/.test(path)) return path;
  return `${dir.replace(/\/+$/, '')}/${path}`;
}

