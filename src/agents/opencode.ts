// opencode (anomalyco/opencode, formerly sst/opencode). It has no command hooks: its hooks are
// JavaScript plugins, so Airlock installs a small plugin of its own (OPENCODE_PLUGIN below) that
// hands each tool call to `airlock hook --agent opencode` and blocks it on a deny. Contract from
// the V1 plugin docs (opencode.ai/v1/docs/plugins, anomalyco/opencode
// packages/web/src/content/docs/plugins.mdx) and source (packages/opencode/src/plugin/index.ts
// applyPlugin, plugin/shared.ts readV1Plugin, config/plugin.ts), read 2026-12, and checked against
// opencode-ai 1.18.33 from npm with both plugin folders (test/agents/opencode.agent.ts):
// - Loading: every `{plugin,plugins}/*.{ts,js}` in opencode's config folders is loaded at start:
//   `<project>/.opencode/plugins/` and `~/.config/opencode/plugins/` ($XDG_CONFIG_HOME). `plugins/`
//   is the folder the current docs name (V2 discovers it too; early releases read only `plugin/`).
//   From 1.3.4 a file's default export `{id, server}` is the plugin (a path plugin must have an
//   id); up to 1.3.3 every export is called as a plugin function.
// - Hook: `tool.execute.before(input {tool, sessionID, callID}, output {args})`, awaited before the
//   tool runs; a throw blocks the call and its message is the tool's error, which the model sees.
//   There is no ask: the `permission.ask` hook has not been called since 1.3.0 (anomalyco/opencode
//   #47654), so a call that needs a person is denied with the reason.
// - Tools (V1): bash {command, workdir}, read {filePath}, write {filePath, content}, edit {filePath,
//   oldString, newString}, multiedit {filePath, edits}, apply_patch (older: patch) {patchText},
//   grep {pattern, path, include}, glob, list, webfetch {url}, websearch, task, todowrite, skill,
//   question, batch {tool_calls} (runs other tools' calls without this hook); MCP tools are named
//   `<server>_<tool>`. V2 names the shell tool `shell` and the file tools' path `path`; both are read.
// - The plugin sends Airlock {tool, sessionID, callID, args, cwd} and reads
//   {"decision":"allow"|"deny","reason" (the model's),"systemMessage" (the person's)}; a deny throws
//   both, since opencode shows the tool's error to both. It fails closed: a hook that cannot start, exits
//   non-zero, is killed, times out or answers anything else blocks the call.
// - V2 (@opencode/plugin, opencode 2.x): the same file's default export also has `setup(ctx)`,
//   which registers the check through `ctx.tool.hook("execute.before")` (event {tool, id, input});
//   how V2 reports a throw there is not confirmed, and it was not run against a V2 build.
import { join } from 'node:path';
import { home } from '../gate/stateDir';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, scriptTarget, withManaged } from './hookFiles';
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import {
  PayloadError, objectOf, optionalString, stringField, stringList, toolInput, type Agent, type AgentAdapter, type HookAnswer, type HookEvent, type HookOutput,
} from './types';
import { writeChange } from './writeChange';

const SHELL = new Set(['bash', 'shell']);
const WRITE = new Set(['write', 'edit', 'multiedit']);
const PATCH = new Set(['apply_patch', 'patch']);
/** Built-in tools that touch no file's content or the shell (glob and list return names only). */
const UNRELATED = new Set(['glob', 'list', 'task', 'todowrite', 'todoread', 'websearch', 'codesearch', 'skill', 'question', 'lsp', 'invalid', 'reload', 'plan_enter', 'plan_exit']);
/**
 * Built-in tools that run other calls: `batch` runs other tools' calls without this hook, and
 * CodeMode's `execute` runs code that calls MCP tools. Their input is read as an MCP call's is.
 */
const RUNS_OTHERS = new Set(['batch', 'execute']);

/** The file a file tool names: `filePath` (V1), `path` (V2). */
function filePaths(input: Record<string, unknown>): string[] {
  const out = stringList(input.filePath ?? input.path);
  if (Array.isArray(input.edits)) {
    for (const e of input.edits) if (typeof e === 'object' && e !== null) out.push(...stringList((e as Record<string, unknown>).filePath));
  }
  return out;
}

function fileCall(tool: string, input: Record<string, unknown>, cwd: string | undefined): HookEvent {
  const roots: string[] = [];
  if (PATCH.has(tool)) {
    const patch = optionalString(input, 'patchText', 'patch', 'input');
    // A patch Airlock cannot read could write any file.
    if (patch === undefined) throw new PayloadError(`opencode's ${tool} call holds no patch Airlock can read`, true);
    return { kind: 'write', tool, paths: patchPaths(patch), cwd, roots, change: { edits: [{ old: '', new: patch }] } };
  }
  const paths = filePaths(input);
  // A read or write Airlock cannot place could be of any file.
  if (paths.length === 0) throw new PayloadError(`opencode's ${tool} call names no file Airlock can read`, true);
  if (WRITE.has(tool)) return { kind: 'write', tool, paths, cwd, roots, change: writeChange(input) };
  return { kind: 'read', tool, paths, cwd, roots };
}

export const opencodeHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const tool = stringField(p, 'tool', true);
    const cwd = optionalString(p, 'cwd');
    const roots: string[] = [];
    if (SHELL.has(tool)) {
      const input = objectOf(p.args, '"args"', true);
      return { kind: 'command', tool, command: stringField(input, 'command', true), cwd: optionalString(input, 'workdir') ?? cwd, roots };
    }
    const fileTool = tool === 'read' || WRITE.has(tool) || PATCH.has(tool);
    // Some releases sent MCP calls without their arguments (anomalyco/opencode#18489): judged by name.
    const input = toolInput(p.args ?? {}, '"args"', fileTool);
    if (fileTool) return fileCall(tool, input, cwd);
    if (tool === 'grep') {
      const searched = searchScope(optionalString(input, 'path'), optionalString(input, 'include'), optionalString(input, 'pattern'));
      return { kind: 'read', tool, paths: [...stringList(input.path), ...stringList(input.include)], cwd, roots, searched };
    }
    // A fetch sends its URL out: read as a call whose only argument is the URL (a token in it is sent).
    if (tool === 'webfetch' && typeof input.url === 'string') return { kind: 'mcp', tool, input: { url: input.url }, cwd, roots };
    if (UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
    if (tool === 'batch') {
      // A grep's reach is a walk of the files it searches, which reading its input cannot give:
      // one alone is judged as a grep; among other calls it is refused, to be run on its own.
      const calls = Array.isArray(input.tool_calls) ? input.tool_calls.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null) : [];
      const greps = calls.filter((c) => c.tool === 'grep');
      if (greps.length > 0 && calls.length === 1) return opencodeHook.parse({ tool: 'grep', args: greps[0]?.parameters ?? {}, cwd });
      if (greps.length > 0) throw new PayloadError('opencode\'s batch holds a grep among other calls, and Airlock judges a grep on its own: run it as a separate call', true);
    }
    if (RUNS_OTHERS.has(tool)) return { kind: 'mcp', tool, input, cwd, roots };
    // Any other name with `_` is an MCP tool (`<server>_<tool>`), or a project's own tool file's (`<file>_<export>`).
    if (tool.includes('_')) return { kind: 'mcp', tool, input, server: tool.slice(0, tool.indexOf('_')), cwd, roots };
    // A custom tool named by its file alone (`.opencode/tool/deploy.ts`), or a built-in added since:
    // its input is read in full, as an MCP call's, so a command, SQL or secret path in it is found.
    return { kind: 'mcp', tool, input, cwd, roots };
  },
  canAsk: () => false,
  format(answer: HookAnswer, _event: HookEvent | undefined): HookOutput {
    const decision = answer.decision === 'allow' ? 'allow' : 'deny';
    if (answer.quiet) return { stdout: JSON.stringify({ decision }), exitCode: 0 };
    if (decision === 'allow') return { stdout: JSON.stringify({ decision, systemMessage: answer.userMessage }), exitCode: 0 };
    // One text for both (an unreadable payload's) is said once: the plugin shows the two together.
    const person = answer.userMessage === answer.agentMessage ? {} : { systemMessage: answer.userMessage };
    return { stdout: JSON.stringify({ decision, reason: answer.agentMessage, ...person }), exitCode: 0 };
  },
};

/** What marks the plugin as Airlock's: a file of that name without it is the user's. */
const MARK = 'airlock-opencode-plugin';
const COMMAND_LINE = /^const COMMAND = (".*");$/m;

/**
 * The plugin, whole. It spawns the hook command with the call on stdin and waits without blocking
 * opencode (a person may take minutes to answer in the editor). Plain JavaScript with no imports
 * but Node's, which opencode's Bun (V1) and Node (V2) both have.
 */
function pluginText(command: string): string {
  return `// ${MARK} v1: written by Airlock (\`airlock install --agent opencode\`), removed by
// \`airlock uninstall\`; it is rewritten, so do not edit it. Before each tool call opencode makes,
// it asks Airlock's hook and throws (opencode's way to block a call) when Airlock denies the call,
// and when no answer can be had at all.
import { spawn } from "node:child_process";

const COMMAND = ${JSON.stringify(command)};
// Longer than Airlock waits for a person's answer in the editor.
const TIMEOUT_MS = ${HOOK_TIMEOUT_SECONDS * 1000};

function run(payload) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("/bin/sh", ["-c", COMMAND], { stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      resolve({ error: String(error && error.message ? error.message : error) });
      return;
    }
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (text) => { stdout += text; });
    child.stderr.setEncoding("utf8").on("data", (text) => { stderr += text; });
    child.on("error", (error) => { clearTimeout(timer); resolve({ error: error.message }); });
    child.on("close", (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    // A hook that answers before reading its input closes the pipe: its answer still counts.
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify(payload));
  });
}

// Why the call is refused; undefined when Airlock allowed it.
function refusal(result) {
  if (result.error !== undefined) return "Airlock could not start its hook (" + result.error + "), so the call is blocked.";
  if (result.code === 0) {
    let answer;
    try { answer = JSON.parse(result.stdout); } catch { answer = undefined; }
    if (answer && answer.decision === "allow") return undefined;
    // The error is shown to the person and the model alike: the model's reason, then the person's.
    if (answer && answer.decision === "deny" && typeof answer.reason === "string") return answer.reason + (typeof answer.systemMessage === "string" ? "\\n\\n" + answer.systemMessage : "");
    return "Airlock's hook gave no answer it could read, so the call is blocked.";
  }
  const said = result.stderr.trim() || "Airlock's hook failed";
  return said + " (" + (result.signal ? "killed by " + result.signal : "exit " + result.code) + "); the call is blocked.";
}

async function guard(payload) {
  const reason = refusal(await run(payload));
  if (reason !== undefined) throw new Error(reason);
}

// opencode V1 (@opencode-ai/plugin). Releases up to 1.3.3 call every export; later ones the default's server.
export const AirlockPlugin = async (input) => ({
  "tool.execute.before": async (call, output) => {
    await guard({ tool: call && call.tool, sessionID: call && call.sessionID, callID: call && call.callID, args: output && output.args, cwd: input && input.directory });
  },
});

export default {
  id: "airlock",
  server: AirlockPlugin,
  // opencode V2 (@opencode/plugin): the same check through its tool hook.
  async setup(ctx) {
    await ctx.tool.hook("execute.before", async (event) => {
      await guard({ tool: event && event.tool, sessionID: event && event.sessionID, callID: event && event.id, args: event && event.input, cwd: process.cwd() });
    });
  },
};
`;
}

/** The plugin file Airlock writes whole: its text for a hook command, and the command read back. */
export const OPENCODE_PLUGIN = {
  render: pluginText,
  commandIn: (text: string): string | undefined => {
    const m = COMMAND_LINE.exec(text);
    if (!m) return undefined;
    try {
      const value: unknown = JSON.parse(m[1]);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  },
};

const settings = /* @__PURE__ */ scriptTarget(
  (scope, projectDir, env) => scope === 'project'
    ? join(projectDir, '.opencode', 'plugins', 'airlock.js')
    : join(env.XDG_CONFIG_HOME || join(home(env), '.config'), 'opencode', 'plugins', 'airlock.js'),
  { marker: MARK, whenTheirs: 'Airlock writes its own plugin as plugins/airlock.js: give yours another name, then run airlock install again.', runs: false },
  OPENCODE_PLUGIN.render, OPENCODE_PLUGIN.commandIn);

export const opencode: Agent = {
  id: 'opencode',
  label: 'opencode',
  sources: ['opencode.ai/v1/docs/plugins', 'anomalyco/opencode packages/opencode/src/plugin/index.ts', 'anomalyco/opencode packages/opencode/src/plugin/shared.ts'],
  hook: opencodeHook,
  settings: /* @__PURE__ */ withManaged(settings, 'opencode loads a managed plugin only through the `plugin` list of /etc/opencode/opencode.json, which Airlock does not write yet; install it for each user (--scope user)'),
  traces: { user: join('.config', 'opencode'), project: '.opencode' },
  probe: (cwd) => ({ tool: 'bash', sessionID: 'airlock-doctor', callID: 'airlock-doctor', args: { command: PROBE_COMMAND }, cwd }),
  denies: (answer) => answer.decision === 'deny',
};
