// The files that keep the guard in place: Airlock's launcher and state (discovery files, published
// policy, audit log), and each agent's hook configuration. An agent that rewrites them switches
// its own guard off, so writing them needs a human like any other critical action. Matched without
// regard to case (macOS and Windows file systems ignore it) and after `.` segments are dropped.
const GUARD_FILE = [
  /(?:^|\/)\.local\/(?:share|state)\/airlock(?:\/|$)/,
  /(?:^|\/)\.claude\/settings(?:\.local)?\.json$/,
  /(?:^|\/)\.cursor\/hooks\.json$/,
  /(?:^|\/)\.gemini\/settings\.json$/,
  /(?:^|\/)\.github\/hooks\/[^/]+\.json$/,
  /(?:^|\/)\.copilot\/hooks\/[^/]+\.json$/,
];

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\$HOME|\$\{HOME\})(?=\/)/, '~').replace(/\/{2,}/g, '/')
    .replace(/(?:^|\/)\.(?=\/|$)/g, '').replace(/\/$/, '').toLowerCase();
}

export function isGuardFile(path: string): boolean {
  const p = normalise(path);
  return GUARD_FILE.some((re) => re.test(p));
}
