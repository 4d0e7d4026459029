// What a file tool's write puts in the file, read from its input whatever the agent calls the
// fields (Claude's Write/Edit/MultiEdit, Gemini's write_file/replace, VS Code's create_file /
// replace_string_in_file / multi_replace_string_in_file, Copilot CLI's create/edit, patches).
// Used where the path alone cannot decide: an editor's settings file may be edited freely except
// for Airlock's own keys.
import type { WriteChange } from '../core/settingsChange';

const CONTENT = ['content', 'contents', 'file_text', 'code', 'text', 'new_content'];
const OLD = ['old_string', 'oldString', 'old_str'];
const NEW = ['new_string', 'newString', 'new_str'];

function first(o: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) if (typeof o[name] === 'string') return o[name];
  return undefined;
}

function edit(o: Record<string, unknown>): { readonly old: string; readonly new: string } | undefined {
  const before = first(o, OLD);
  const after = first(o, NEW);
  return before !== undefined || after !== undefined ? { old: before ?? '', new: after ?? '' } : undefined;
}

/** The change, or undefined when the input shows none Airlock can read (then it is assumed to touch anything). */
export function writeChange(input: Record<string, unknown>): WriteChange | undefined {
  const content = first(input, CONTENT);
  if (content !== undefined) return { content };
  const edits: { old: string; new: string }[] = [];
  const own = edit(input);
  if (own) edits.push(own);
  for (const list of [input.edits, input.replacements]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const e = typeof item === 'object' && item !== null ? edit(item as Record<string, unknown>) : undefined;
      if (!e) return undefined;
      edits.push(e);
    }
  }
  // A patch (apply_patch's `input`, Codex's `command`): every line of it counts as new text.
  const patch = first(input, ['input', 'patch']);
  if (patch !== undefined) edits.push({ old: '', new: patch });
  return edits.length > 0 ? { edits } : undefined;
}
