// Each agent's hook adapter alone: what the hook's fast path loads, without the agents' install
// targets and trust checks (and the TOML reader they bring).
import { claudeCodeHook } from './claudeCode';
import { codexHook } from './codex';
import { copilotHook } from './copilot';
import { cursorHook } from './cursor';
import { geminiHook } from './gemini';
import { kiroHook } from './kiro';
import { windsurfHook } from './windsurf';
import type { AgentAdapter, AgentId } from './types';

export const ADAPTERS: Readonly<Record<AgentId, AgentAdapter>> = { 'claude-code': claudeCodeHook, cursor: cursorHook, copilot: copilotHook, gemini: geminiHook, codex: codexHook, windsurf: windsurfHook, kiro: kiroHook };
