// Windsurf's Cascade agent (Windsurf, renamed Devin Desktop). Contract from
// docs.windsurf.com/windsurf/cascade/hooks (now docs.devin.ai/desktop/cascade/hooks; read 2026-12
// through a stored capture of the full page) and docs.windsurf.com/context-awareness/windsurf-ignore:
// - Settings: `{"hooks": {"<event>": [{command, show_output, working_directory}]}}` in
//   `.windsurf/hooks.json` (the workspace) and `~/.codeium/windsurf/hooks.json` (the user), besides
//   system and team files; every file's hooks run, none overrides another. A hook runs from the
//   workspace root unless `working_directory` says otherwise. No timeout is documented.
// - Payload: {agent_action_name, trajectory_id, execution_id, timestamp, tool_info}, with
//   tool_info per event: pre_run_command {command_line, cwd}; pre_read_code {file_path}, a folder
//   for a recursive read; pre_write_code {file_path, edits: [{old_string, new_string}]};
//   pre_mcp_tool_use {mcp_server_name, mcp_tool_name, mcp_tool_arguments}. No event sees Cascade's
//   searches other than as such a folder read.
// - Answer: no JSON. Exit 2 blocks a pre-hook and Cascade hands its stderr to the model; any other
//   exit lets the call run, so there is no "ask", and the launcher turns a crash into exit 2.
//   `show_output: true` shows the hook's output in Cascade's panel, where the user sees the reason.
// - Ignore file: `.codeiumignore` (gitignore syntax), documented for indexing, not for the agent's
//   tools: the hook guards those.
import { join } from 'node:path';
import { home } from '../gate/stateDir';
import { PROBE_COMMAND, flatTarget, systemPath, withManaged } from './hookFiles';
import { searchScope } from './searchScope';
import { PayloadError, exitCodeOutput, objectOf, optionalString, stringField, toolInput, type Agent, type AgentAdapter } from './types';
import { writeChange } from './writeChange';

const EVENTS = ['pre_run_command', 'pre_read_code', 'pre_write_code', 'pre_mcp_tool_use'] as const;

function isEvent(name: string): name is typeof EVENTS[number] {
  return (EVENTS as readonly string[]).includes(name);
}

function eventCarried(info: Record<string, unknown>): typeof EVENTS[number] | undefined {
  if (info.command_line !== undefined) return 'pre_run_command';
  if (info.mcp_tool_name !== undefined) return 'pre_mcp_tool_use';
  if (info.file_path !== undefined) return info.edits !== undefined ? 'pre_write_code' : 'pre_read_code';
  return undefined;
}

export const windsurfHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no event, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const named = stringField(p, 'agent_action_name', true);
    // Each of these events is a call Airlock guards: one it cannot read is denied.
    const info = objectOf(p.tool_info, '"tool_info"', isEvent(named));
    // An event by another name (renamed, or new) is read by what its tool_info carries.
    const event = isEvent(named) ? named : eventCarried(info);
    if (event === undefined) throw new PayloadError(`agent_action_name "${named}" is not one Airlock answers (${EVENTS.join(', ')})`, false);
    const roots: string[] = [];
    switch (event) {
      case 'pre_run_command':
        return { kind: 'command', tool: event, command: stringField(info, 'command_line', true), cwd: optionalString(info, 'cwd'), roots };
      case 'pre_read_code': {
        const path = stringField(info, 'file_path', true);
        // A folder is read whole: every file under it is reached (a file's own folder listing reaches nothing).
        return { kind: 'read', tool: event, paths: [path], roots, searched: searchScope(path, undefined, undefined) };
      }
      case 'pre_write_code':
        return { kind: 'write', tool: event, paths: [stringField(info, 'file_path', true)], roots, change: writeChange(info) };
      case 'pre_mcp_tool_use':
        return {
          kind: 'mcp', tool: stringField(info, 'mcp_tool_name', true), server: optionalString(info, 'mcp_server_name'),
          input: toolInput(info.mcp_tool_arguments ?? {}, '"mcp_tool_arguments"', true), roots,
        };
    }
  },
  canAsk: () => false,
  format: (answer) => exitCodeOutput(answer),
};

const windsurfFiles = /* @__PURE__ */ flatTarget(
  (scope, projectDir, env) => (scope === 'project' ? join(projectDir, '.windsurf', 'hooks.json') : join(home(env), '.codeium', 'windsurf', 'hooks.json')),
  EVENTS,
  (command) => ({ command, show_output: true }),
  (e) => e.command, {});

// The system level of the hooks page: merged with the user's and the workspace's, run first.
const settings = /* @__PURE__ */ withManaged(windsurfFiles, (env) => systemPath(env, 'etc/windsurf/hooks.json', 'Library/Application Support/Windsurf/hooks.json'));

export const windsurf: Agent = {
  id: 'windsurf',
  label: 'Windsurf (Cascade)',
  sources: ['docs.windsurf.com/windsurf/cascade/hooks (docs.devin.ai/desktop/cascade/hooks)', 'docs.windsurf.com/context-awareness/windsurf-ignore'],
  hook: windsurfHook,
  settings,
  traces: { user: join('.codeium', 'windsurf'), project: '.windsurf' },
  probe: (cwd) => ({
    agent_action_name: 'pre_run_command', trajectory_id: 'airlock-doctor', execution_id: 'airlock-doctor', timestamp: new Date(0).toISOString(),
    tool_info: { command_line: PROBE_COMMAND, cwd },
  }),
  // No answer is JSON: Windsurf reads only exit code 2.
  denies: () => false,
  contextFile: {
    agent: 'windsurf', label: 'Windsurf (Codeium)', file: '.codeiumignore', format: 'gitignore', extensions: ['codeium.codeium', 'codeium.windsurf'],
    workspaceMarks: ['.windsurfrules', '.windsurf'], homeMarks: ['.codeium'], appName: /windsurf/i,
  },
};
