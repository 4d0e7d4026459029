// The agents' own CLIs, pinned, installed from npm on first use into a per-user cache outside the
// clone (keyed by package and version, so a second clone or run reuses them).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AgentCli {
  readonly label: string;
  readonly pkg: string;
  readonly version: string;
  /** Its command in node_modules/.bin. */
  readonly bin: string;
}

export const CLAUDE_CODE: AgentCli = { label: 'Claude Code', pkg: '@anthropic-ai/claude-code', version: '2.1.328', bin: 'claude' };
export const GEMINI_CLI: AgentCli = { label: 'Gemini CLI', pkg: '@google/gemini-cli', version: '0.61.0', bin: 'gemini' };
export const CODEX: AgentCli = { label: 'Codex', pkg: '@openai/codex', version: '0.169.0', bin: 'codex' };
// Their npm packages ship the binary for each platform as an optional dependency.
export const DROID: AgentCli = { label: 'Factory Droid', pkg: 'droid', version: '0.215.0', bin: 'droid' };
export const OPENCODE: AgentCli = { label: 'opencode', pkg: 'opencode-ai', version: '1.18.33', bin: 'opencode' };
export const QWEN_CODE: AgentCli = { label: 'Qwen Code', pkg: '@qwen-code/qwen-code', version: '0.24.4', bin: 'qwen' };
// Its npm package ships the binary (Bun inside) for each platform as an optional dependency.
export const CLINE_CLI: AgentCli = { label: 'Cline CLI', pkg: 'cline', version: '3.0.65', bin: 'cline' };
export const COPILOT_CLI: AgentCli = { label: 'Copilot CLI', pkg: '@github/copilot', version: '1.0.102', bin: 'copilot' };

function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'airlock-test', 'agents');
}

/** The agent's command, installed first if this machine does not have that version yet. */
export function agentCommand(cli: AgentCli): string {
  const prefix = join(cacheRoot(), `${cli.pkg.replace('/', '+')}@${cli.version}`);
  const manifest = join(prefix, 'node_modules', cli.pkg, 'package.json');
  const bin = join(prefix, 'node_modules', '.bin', cli.bin);
  const have = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
  if (have !== cli.version || !existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    process.stderr.write(`agents: installing ${cli.pkg}@${cli.version} from npm into ${prefix} (once per machine)…\n`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `${cli.pkg}@${cli.version}`], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  }
  if (!existsSync(bin)) throw new Error(`${cli.pkg}@${cli.version} installed, but ${bin} is missing`);
  return bin;
}
