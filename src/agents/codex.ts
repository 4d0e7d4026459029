// OpenAI Codex (CLI, IDE extension and app, which share the CLI's hooks). Contract from
// developers.openai.com/codex/hooks and openai/codex (codex-rs/hooks: events/pre_tool_use.rs,
// engine/output_parser.rs, engine/discovery.rs, engine/command_runner.rs; core/src/tools/
// hook_names.rs), read 2026-12:
// - Settings: `hooks.json` beside each config layer — `~/.codex/hooks.json`, and
//   `<project>/.codex/hooks.json`, loaded only in a project the user trusted — in Claude's shape
//   ({"hooks":{"PreToolUse":[{matcher, hooks:[{type:"command", command, timeout (s, default 600)}]}]}}).
//   A hook runs only once a person trusted it in `/hooks` (its hash is kept in the user's
//   config.toml under [hooks.state."<file>:pre_tool_use:<group>:<handler>"]); any edit makes it
//   untrusted again. `codex exec --dangerously-bypass-hook-trust` skips that for one run.
// - Payload: Claude's (session_id, cwd, hook_event_name, tool_name, tool_input, tool_use_id) plus
//   turn_id and model. Tools: Bash {command} (the shell and exec_command alike), apply_patch
//   {command: the patch}, mcp__server__tool {its arguments}, spawn_agent.
// - Answer: only a deny with a reason blocks (hookSpecificOutput.permissionDecision "deny", or exit
//   2 with stderr). "ask", a bare "allow", bad JSON, a crash and a timeout all count as a failed
//   hook and the tool runs: so an ask is a deny here, an allow says nothing, and the launcher
//   turns a crash into exit 2 with a reason.
import { join } from 'node:path';
import { home } from '../gate/stateDir';
import { parseClaudeShaped } from './claudeShape';
import { codexWillNotRun } from './trust';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, hookGroupTarget, nestedTarget, withManaged } from './hookFiles';
import { objectOf, preToolUseDenies, preToolUseOutput, type Agent, type AgentAdapter } from './types';

export const codexHook: AgentAdapter = {
  // A payload that is not an object may be a shell call: deny it.
  parse: (payload) => parseClaudeShaped(objectOf(payload, 'the hook payload', true)),
  canAsk: () => false,
  // Anything but a deny is written as nothing at all: Codex logs every other answer as a failed hook.
  format: (answer) => (answer.decision === 'deny' ? preToolUseOutput(answer) : { stdout: '', exitCode: 0 }),
};

// Every tool: Codex reads files with Bash and may add tools; the adapter lets through what it does not guard.
const codexBase = /* @__PURE__ */ nestedTarget('.codex', '.codex', 'PreToolUse', '.*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, statusMessage: 'Airlock' }));

const settings = /* @__PURE__ */ hookGroupTarget(codexBase,
  (scope, projectDir, env) => (scope === 'project' ? join(projectDir, '.codex', 'hooks.json') : join(env.CODEX_HOME || join(home(env), '.codex'), 'hooks.json')));

export const codex: Agent = {
  id: 'codex',
  label: 'Codex',
  sources: ['developers.openai.com/codex/hooks', 'openai/codex codex-rs/hooks/src/events/pre_tool_use.rs', 'openai/codex codex-rs/hooks/src/engine/output_parser.rs'],
  hook: codexHook,
  settings: /* @__PURE__ */ withManaged(settings, 'Codex reads managed hooks from [[hooks.PreToolUse]] in /etc/codex/requirements.toml, a TOML file Airlock does not edit: add there a group whose command is `airlock hook --agent codex` (see the README)'),
  traces: { user: '.codex', project: '.codex' },
  probe: (cwd) => ({
    session_id: 'airlock-doctor', turn_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', model: 'probe', permission_mode: 'default',
    tool_name: 'Bash', tool_input: { command: PROBE_COMMAND }, tool_use_id: 'airlock-doctor',
  }),
  denies: preToolUseDenies,
  willNotRun: codexWillNotRun,
};
