// Until when the person has seen this folder's decisions: kept current while a window is open, so
// the notice of what was decided while none was open counts from when the last one closed.
import type * as vscode from 'vscode';

const SEEN_UNTIL = 'airlock.windowSeenUntil';

export const markSeen = (context: vscode.ExtensionContext): Thenable<void> => context.workspaceState.update(SEEN_UNTIL, Date.now());

export const seenUntil = (context: vscode.ExtensionContext): number | undefined => context.workspaceState.get<number>(SEEN_UNTIL);
