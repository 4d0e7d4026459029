// The apply_patch format (Codex, VS Code, Copilot CLI, Cursor): which files a patch touches.
/** Paths a patch in the apply_patch format touches: `*** Update File: path`, its siblings and a move's target. */
export function patchPaths(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Update|Add|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm)].map((m) => (m[1] ?? m[2]).trim());
}
