// Arguments of `airlock install`, `uninstall` and `doctor`.
import { resolve } from 'node:path';
import { UsageError } from '../options';
import { AGENT_IDS, type AgentId } from '../../agents/types';
import type { Scope } from '../../agents/hookFiles';
import type { InstallOptions } from '../../agents/install/install';

export const INSTALL_USAGE = `airlock install --agent <${AGENT_IDS.join('|')}|all> [--scope project|user|managed] [--dir <project>]
  Writes Airlock's hook into each agent's configuration (project scope: this folder's
  .claude/settings.json, .cursor/hooks.json, .github/hooks/airlock.json, .gemini/settings.json,
  .codex/hooks.json, .clinerules/hooks/PreToolUse (a script of Airlock's own), .augment/settings.json,
  .windsurf/hooks.json, .kiro/hooks/airlock.json, .factory/settings.json, .qwen/settings.json, and opencode's
  plugin .opencode/plugins/airlock.js; user scope: the same under your home directory,
  Cline's in ~/Documents/Cline/Hooks, Windsurf's in ~/.codeium/windsurf/hooks.json; managed scope:
  the machine's system-wide settings that device management deploys, e.g.
  /etc/claude-code/managed-settings.json). Keeps every entry that is not Airlock's, never writes over
  a hook script of yours, backs the file up first, and changes nothing when run twice.
airlock uninstall [--agent <name|all>] [--scope project|user|managed] [--dir <project>]
  Removes Airlock's entries; a file Airlock has not changed since is restored byte for byte.
airlock doctor [--agent <name|all>] [--scope project|user|managed] [--dir <project>] [--json]
  For each agent: is the hook installed, current, and answering (a probe call it must deny).
  --json prints only the hooks' part, as one JSON object ({dir, hooks: [{agent, scope, file,
  state: missing|healthy|broken, text, willNotRun?}]}).`;

export function parseInstallOptions(argv: readonly string[], agentDefault: 'all' | undefined, cwd: string): InstallOptions {
  let agent: string | undefined = agentDefault;
  let scope: Scope = 'project';
  let dir = cwd;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--agent': agent = value(); break;
      case '--scope': {
        const v = value();
        if (v !== 'project' && v !== 'user' && v !== 'managed') throw new UsageError(`--scope must be project, user or managed, not "${v}"`);
        scope = v;
        break;
      }
      case '--dir': dir = resolve(cwd, value()); break;
      default: throw new UsageError(`unknown option "${argv[i]}"`);
    }
  }
  if (agent === undefined) throw new UsageError(`--agent is required (one of ${AGENT_IDS.join(', ')}, or all)`);
  if (agent !== 'all' && !AGENT_IDS.includes(agent as AgentId)) throw new UsageError(`unknown agent "${agent}" (expected one of ${AGENT_IDS.join(', ')}, or all)`);
  return { agents: agent === 'all' ? AGENT_IDS : [agent as AgentId], scope, dir };
}
