// Whether a file tool's write to an editor's settings changes Airlock's own settings: the editors'
// settings may be edited freely (a font size) except for the `airlock.*` keys, which an agent
// could otherwise loosen for itself. Apart from selfProtection.ts so the engine does not load a
// JSON parser it never needs.
import { parse, type ParseError } from 'jsonc-parser';

/** What a file tool writes: the whole new text, or replacements of old text by new. */
export type WriteChange =
  | { readonly content: string; readonly edits?: undefined }
  | { readonly content?: undefined; readonly edits: readonly { readonly old: string; readonly new: string }[] };

/**
 * Airlock's own settings, and the editor's switches for the agents' hooks it installs
 * (`chat.hooks.enabled`, `chat.hookFilesLocations`, `chat.useHooks`): off, no hook asks Airlock.
 */
const GUARDED_KEY = /^(?:airlock\b|chat\.(?:hook|usehooks))/i;

/** `airlock.*` settings (and the hook switches) of a settings file, as one comparable string; undefined when it cannot be read. */
function airlockEntries(text: string): string | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return text.trim() === '' ? '[]' : undefined;
  const settings = (value as Record<string, unknown>).settings;
  // A `.code-workspace` file keeps its settings under "settings".
  const source = { ...(value as Record<string, unknown>), ...(typeof settings === 'object' && settings !== null ? settings as Record<string, unknown> : {}) };
  return JSON.stringify(Object.entries(source).filter(([k]) => GUARDED_KEY.test(k)).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Whether a write to an editor's settings changes Airlock's own settings. `before` is the file's
 * text (undefined: it does not exist). The new text — given whole, or the file with the
 * replacements applied — counts when its `airlock.*` entries differ from the file's, or either
 * cannot be read. A patch, or a replacement whose old text is not in the file, always counts.
 */
export function changesAirlockSettings(before: string | undefined, change: WriteChange): boolean {
  let after = change.content;
  if (change.edits) {
    after = before ?? '';
    for (const e of change.edits) {
      // A patch (its hunks' context need not show the keys it moves between) or a replacement that
      // does not apply: what it does to Airlock's keys cannot be read, so it counts.
      if (e.old === '' || !after.includes(e.old)) return true;
      after = after.split(e.old).join(e.new);
    }
  }
  const entries = airlockEntries(after ?? '');
  return entries === undefined || entries !== airlockEntries(before ?? '');
}
