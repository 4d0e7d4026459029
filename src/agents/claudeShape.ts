// The payload Claude Code's PreToolUse hooks get, which Codex copies (its tools in Claude's names:
// Bash, apply_patch with the patch as {command}, mcp__server__tool): read into one HookEvent.
// Sources in claudeCode.ts and codex.ts.
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import { PayloadError, objectOf, optionalString, stringField, type HookEvent } from './types';
import { writeChange } from './writeChange';

const SHELL = new Set(['Bash', 'PowerShell', 'Monitor']);
const READ = new Set(['Read', 'Grep', 'Glob', 'NotebookRead', 'LS']);
const WRITE = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
/** Tools Claude Code has that touch no file or shell (Monitor only in its WebSocket form): allowed without a word. */
const UNRELATED = new Set(['WebFetch', 'WebSearch', 'Task', 'Agent', 'spawn_agent', 'TodoWrite', 'TodoRead', 'ExitPlanMode', 'BashOutput', 'KillShell', 'KillBash', 'SlashCommand', 'Skill', 'AskUserQuestion', 'Monitor']);

function claudeStylePaths(tool: string, input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const name of ['file_path', 'filePath', 'notebook_path', 'path', 'glob']) {
    const v = input[name];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  // Glob's pattern is a path pattern; Grep's pattern is text to search for.
  if (tool === 'Glob' && typeof input.pattern === 'string') out.push(input.pattern);
  if (Array.isArray(input.edits)) {
    for (const edit of input.edits) if (typeof edit === 'object' && edit !== null && typeof (edit as Record<string, unknown>).file_path === 'string') out.push((edit as Record<string, string>).file_path);
  }
  return out;
}

/** One Claude-shaped payload (already an object) as the call it asks about. */
export function parseClaudeShaped(p: Record<string, unknown>): HookEvent {
  const tool = stringField(p, 'tool_name', true);
  const shell = SHELL.has(tool) && !(tool === 'Monitor' && objectOf(p.tool_input, '"tool_input"', true).command === undefined);
  // An unexpected event name (a renamed or new event) on a tool Airlock guards is judged anyway.
  if (p.hook_event_name !== undefined && p.hook_event_name !== 'PreToolUse' && !shell && !READ.has(tool) && !WRITE.has(tool) && !tool.startsWith('mcp__') && tool !== 'apply_patch') {
    throw new PayloadError(`hook_event_name is ${JSON.stringify(p.hook_event_name)}; Airlock is a PreToolUse hook`, false);
  }
  const input = objectOf(p.tool_input, '"tool_input"', shell);
  const cwd = optionalString(p, 'cwd');
  const roots: string[] = [];
  if (shell) return { kind: 'command', tool, command: stringField(input, 'command', true), cwd, roots };
  if (tool === 'apply_patch') {
    // Codex sends the patch as `command`; its freeform tool's own field is `input`.
    const patch = optionalString(input, 'command', 'input', 'patch');
    const paths = patch === undefined ? claudeStylePaths(tool, input) : patchPaths(patch);
    if (paths.length === 0) throw new PayloadError('an apply_patch call that names no file Airlock can read', true);
    return { kind: 'write', tool, paths, cwd, roots, change: patch === undefined ? writeChange(input) : { edits: [{ old: '', new: patch }] } };
  }
  if (READ.has(tool)) {
    // Grep returns the lines that match in every file its `glob` (else everything) matches under
    // `path` — in its `content` mode; its default modes return only file names or counts.
    const content = input.output_mode === 'content';
    // Glob and LS return names, Grep outside its content mode names or counts: no file's content.
    if (tool === 'Glob' || tool === 'LS' || (tool === 'Grep' && !content)) return { kind: 'unrelated', tool, known: true, cwd, roots };
    const context = ['-A', '-B', '-C', 'context'].some((k) => typeof input[k] === 'number' && input[k] > 0);
    const searched = tool === 'Grep' && content ? searchScope(optionalString(input, 'path'), optionalString(input, 'glob'), optionalString(input, 'pattern'), input['-i'] === true, context) : undefined;
    return { kind: 'read', tool, paths: claudeStylePaths(tool, input), cwd, roots, searched };
  }
  if (WRITE.has(tool)) {
    // A write Airlock cannot place could be over any file.
    const paths = claudeStylePaths(tool, input);
    if (paths.length === 0) throw new PayloadError(`a ${tool} call that names no file Airlock can read`, true);
    return { kind: 'write', tool, paths, cwd, roots, change: writeChange(input) };
  }
  if (tool.startsWith('mcp__')) return { kind: 'mcp', tool, input, server: tool.split('__')[1], cwd, roots };
  // A fetch sends its URL out: read as a call whose only argument is the URL (a token in it is sent).
  if (tool === 'WebFetch' && typeof input.url === 'string') return { kind: 'mcp', tool, input: { url: input.url }, cwd, roots };
  if (UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
  // A tool added since (Monitor was one), or a plugin's: its input is read in full, as an MCP call's.
  return { kind: 'mcp', tool, input, cwd, roots };
}
