// The files that keep the guard in place: Airlock's launcher, state (discovery files, published
// policy, audit log), code cache and installed extension, each agent's hook configuration, and the
// editors' settings that hold Airlock's own. An agent that rewrites them switches
// its own guard off, so writing them needs a human like any other critical action. Matched without
// regard to case (macOS and Windows file systems ignore it) and after `.` segments are dropped.
const GUARD_FILE = [
  /(?:^|\/)\.local\/(?:share|state)\/airlock(?:\/|$)/,
  // The CLI's V8 code cache (a forged one would run as the CLI) and the installed extension.
  /(?:^|\/)\.cache\/airlock(?:\/|$)/,
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
];

/**
 * The editors' user settings (VS Code, Insiders, VSCodium, Cursor, Windsurf, code-server; their
 * profiles; Linux, macOS and Windows locations) and workspace files: they hold Airlock's own
 * settings (tier policy, allowed paths, the terminal gate switch).
 */
const EDITOR_SETTINGS = [
  /(?:^|\/)(?:\.config|library\/application support|appdata\/roaming|\.local\/share)\/(?:code|code - insiders|code - oss|vscodium|cursor|windsurf|code-server)\/user\/(?:profiles\/[^/]+\/)?settings\.json$/,
  /(?:^|\/)\.(?:vscode|cursor|windsurf)-server(?:-insiders)?\/data\/(?:user\/(?:profiles\/[^/]+\/)?|machine\/)settings\.json$/,
  /\.code-workspace$/,
];

/**
 * Words that show a command may reach a guard file (a `cd` into one of their folders, a path in
 * one): the terminal gate's filters send such lines to the engine instead of clearing them.
 */
export const GUARD_PATH_WORDS: readonly string[] = [
  '.claude', '.cursor', '.gemini', '.github/hooks', '.copilot', 'share/airlock', 'state/airlock', 'cache/airlock', 'extensions/airlock.',
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
  const p = normalise(path);
  return GUARD_FILE.some((re) => re.test(p)) || EDITOR_SETTINGS.some((re) => re.test(p));
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

