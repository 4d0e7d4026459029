// Kiro: the IDE (1.x) and kiro-cli v3, which share the "unified harness" hook files. Contract from
// kiro.dev/docs/cli/v3/hooks, kiro.dev/docs/cli/hooks and kiro.dev/docs/editor/kiroignore (read
// 2026-12), the tools of aws/amazon-q-developer-cli, the source kiro-cli grew from
// (crates/chat-cli/src/cli/chat/tools: fs_read.rs, fs_write.rs, execute/mod.rs, use_aws.rs,
// grep.rs, code.rs; docs/hooks.md), and awslabs.github.io/aidlc-workflows/reference/kiro-ide-hook-payload:
// - Settings: standalone files `.kiro/hooks/<name>.json` (the workspace; every agent in it) and
//   `~/.kiro/hooks/<name>.json` (the user; third-party sources only), each
//   {"version": "v1", "hooks": [{name, trigger: "PreToolUse", matcher: <regex on the tool name>,
//   action: {type: "command", command}, timeout (s), enabled}]}. Airlock owns
//   `.kiro/hooks/airlock.json` and keeps any other hook a user puts in it. kiro-cli 2.x reads
//   hooks only from agent configs (`.kiro/agents/*.json`): not written here.
// - Payload (snake_case): {session_id, hook_event_name: "PreToolUse" (2.x: "preToolUse"), cwd,
//   tool_name, tool_input}. Tools: execute_bash / execute_cmd / shell {command}; fs_read / read
//   {operations: [{mode: Line|Search {path}, Directory {path} (a listing), Image {image_paths}}]};
//   fs_write / write {command: create|str_replace|insert|append, path, file_text | old_str,
//   new_str}; str_replace, fs_append {path, …}; grep {pattern, path, include, case_sensitive,
//   output_mode}; glob (names only); use_aws / aws {service_name, operation_name, parameters,
//   region, profile_name}, which runs the AWS CLI; code {operation, file_path}; MCP tools as
//   `@server/tool`.
// - Answer: no JSON. Exit 2 blocks the call and its stderr goes to the model; any other exit lets
//   it run, and a failed or timed-out hook is dropped (Q CLI's hooks.rs): no "ask", and the
//   launcher turns a crash into exit 2.
// - Ignore file: `.kiroignore` (gitignore syntax), which keeps files from Kiro's reads.
import { argvLine } from './argv';
import { join } from 'node:path';
import { home } from '../gate/stateDir';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, array, isOurCommand, obj, withManaged, type AgentTarget, type Change } from './hookFiles';
import { searchScope } from './searchScope';
import { PayloadError, exitCodeOutput, objectOf, optionalString, stringField, stringList, type Agent, type AgentAdapter, type HookEvent } from './types';
import { writeChange } from './writeChange';

const SHELL = new Set(['execute_bash', 'execute_cmd', 'shell']);
const READ = new Set(['fs_read', 'read']);
const WRITE = new Set(['fs_write', 'write', 'str_replace', 'fs_append']);
const AWS = new Set(['use_aws', 'aws']);
/** Tools that touch no file's content or the shell: allowed without a word. */
const UNRELATED = new Set(['glob', 'introspect', 'knowledge', 'thinking', 'todo_list', 'todo', 'delegate', 'use_subagent', 'subagent', 'web_search',
  'report_issue', 'gh_issue', 'report', 'switch_to_execution']);
/** The code tool's operations that change files (code.rs `is_write_operation`). */
const CODE_WRITES = new Set(['rename_symbol', 'format', 'pattern_rewrite', 'apply_code_action']);

interface Call {
  readonly tool: string;
  readonly input: Record<string, unknown>;
  readonly cwd: string | undefined;
  readonly roots: string[];
}

/** What fs_read's operations return the content of; a Directory operation lists names only. Older releases send one operation as the input itself. */
function fsRead({ tool, input, cwd, roots }: Call): HookEvent {
  const operations = Array.isArray(input.operations) ? input.operations : [input];
  const paths: string[] = [];
  for (const operation of operations) {
    const op = obj(operation) ?? {};
    if (op.mode === 'Directory') continue;
    paths.push(...stringList(op.path), ...stringList(op.file_path), ...stringList(op.image_paths));
  }
  if (paths.length > 0) return { kind: 'read', tool, paths, cwd, roots };
  // Listings only, or an operation without a path, which Kiro refuses itself.
  return { kind: 'unrelated', tool, known: operations.every((op) => obj(op)?.mode === 'Directory'), cwd, roots };
}

function kebab(name: string): string {
  return name.replace(/^-+/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').replace(/[_\s]+/g, '-').toLowerCase();
}


/** use_aws runs `aws --region R [--profile P] <service> <operation> --<kebab-param> <value>…` (use_aws.rs): judged as that line. */
function awsCommand(input: Record<string, unknown>): string {
  const words = ['aws'];
  const region = optionalString(input, 'region');
  if (region !== undefined) words.push('--region', region);
  const profile = optionalString(input, 'profile_name');
  if (profile !== undefined) words.push('--profile', profile);
  words.push(stringField(input, 'service_name', true), stringField(input, 'operation_name', true));
  for (const [name, value] of Object.entries(obj(input.parameters) ?? {})) {
    words.push(`--${kebab(name)}`);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text !== '') words.push(text);
  }
  return argvLine(words);
}

function toolCall(call: Call): HookEvent {
  const { tool, input, cwd, roots } = call;
  if (SHELL.has(tool)) return { kind: 'command', tool, command: stringField(input, 'command', true), cwd: optionalString(input, 'working_dir', 'cwd') ?? cwd, roots };
  if (AWS.has(tool)) return { kind: 'command', tool, command: awsCommand(input), cwd, roots };
  if (READ.has(tool)) return fsRead(call);
  if (WRITE.has(tool)) {
    const paths = ['path', 'file_path'].flatMap((k) => stringList(input[k]));
    // A write Airlock cannot place could be over any file.
    if (paths.length === 0) throw new PayloadError(`Kiro's ${tool} call names no file Airlock can read in its input`, true);
    return { kind: 'write', tool, paths, cwd, roots, change: writeChange(input) };
  }
  if (tool === 'grep') {
    // Only the content mode prints lines; the default lists file names, `count` counts.
    if (input.output_mode !== 'content') return { kind: 'unrelated', tool, known: true, cwd, roots };
    const searched = searchScope(optionalString(input, 'path'), optionalString(input, 'include'), optionalString(input, 'pattern'), input.case_sensitive !== true);
    return { kind: 'read', tool, paths: stringList(input.path), cwd, roots, searched };
  }
  if (tool === 'code') {
    const paths = ['file_path', 'path'].flatMap((k) => stringList(input[k]));
    return CODE_WRITES.has(String(input.operation)) ? { kind: 'write', tool, paths, cwd, roots } : { kind: 'read', tool, paths, cwd, roots };
  }
  // A fetch sends its URL out: read as a call whose only argument is the URL (a token in it is sent).
  if (tool === 'web_fetch' && typeof input.url === 'string') return { kind: 'mcp', tool, input: { url: input.url }, cwd, roots };
  if (UNRELATED.has(tool) || tool.startsWith('subagent_')) return { kind: 'unrelated', tool, known: true, cwd, roots };
  if (tool.startsWith('@')) {
    const slash = tool.indexOf('/');
    return slash < 0 ? { kind: 'mcp', tool, input, cwd, roots } : { kind: 'mcp', tool: tool.slice(slash + 1), server: tool.slice(1, slash), input, cwd, roots };
  }
  // A tool this release does not know (tool names moved between Kiro's generations): its input is read in full, as an MCP call's.
  return { kind: 'mcp', tool, input, cwd, roots };
}

export const kiroHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const tool = stringField(p, 'tool_name', true);
    const guarded = SHELL.has(tool) || AWS.has(tool) || WRITE.has(tool);
    // An unexpected event name (a renamed or new event) on a shell or write tool is judged anyway.
    const event = p.hook_event_name;
    if (event !== undefined && event !== 'PreToolUse' && event !== 'preToolUse' && !guarded) {
      throw new PayloadError(`hook_event_name is ${JSON.stringify(event)}; Airlock is a PreToolUse hook`, false);
    }
    return toolCall({ tool, input: objectOf(p.tool_input, '"tool_input"', guarded), cwd: optionalString(p, 'cwd'), roots: [] });
  },
  canAsk: () => false,
  format: (answer) => exitCodeOutput(answer),
};

function entry(command: string): Record<string, unknown> {
  return { name: 'airlock', trigger: 'PreToolUse', matcher: '.*', action: { type: 'command', command }, timeout: HOOK_TIMEOUT_SECONDS, enabled: true };
}

function commandOf(hook: unknown): unknown {
  return obj(obj(hook)?.action)?.command;
}

/** The changes that leave the file's hooks as they are but for Airlock's one entry (`command`), or without it. */
function hooksChange(config: Record<string, unknown>, command: string | undefined): Change[] {
  const hooks = array(config.hooks);
  const kept = hooks.filter((h) => !isOurCommand(commandOf(h)));
  const next = command === undefined ? kept : [...kept, entry(command)];
  const changes: Change[] = command !== undefined && config.version === undefined ? [{ path: ['version'], value: 'v1' }] : [];
  if (JSON.stringify(next) !== JSON.stringify(hooks)) changes.push({ path: ['hooks'], value: next.length > 0 ? next : undefined });
  return changes;
}

const settings: AgentTarget = {
  file: (scope, projectDir, env) => join(scope === 'project' ? projectDir : home(env), '.kiro', 'hooks', 'airlock.json'),
  commands: (config) => array(config.hooks).map(commandOf).filter(isOurCommand) as string[],
  install: (config, command) => ({ changes: hooksChange(config, command), added: {} }),
  uninstall: (config) => hooksChange(config, undefined),
};

export const kiro: Agent = {
  id: 'kiro',
  label: 'Kiro',
  sources: ['kiro.dev/docs/cli/v3/hooks', 'kiro.dev/docs/cli/hooks', 'aws/amazon-q-developer-cli crates/chat-cli/src/cli/chat/tools', 'kiro.dev/docs/editor/kiroignore'],
  hook: kiroHook,
  settings: /* @__PURE__ */ withManaged(settings, 'Kiro documents no system-wide hooks; its enterprise controls do not include them'),
  traces: { user: '.kiro', project: '.kiro' },
  probe: (cwd) => ({ session_id: 'airlock-doctor', hook_event_name: 'PreToolUse', cwd, tool_name: 'execute_bash', tool_input: { command: PROBE_COMMAND } }),
  // No answer is JSON: Kiro reads only exit code 2.
  denies: () => false,
  contextFile: { agent: 'kiro', label: 'Kiro', file: '.kiroignore', format: 'gitignore', extensions: [], workspaceMarks: ['.kiro'], homeMarks: ['.kiro'], appName: /kiro/i },
};
