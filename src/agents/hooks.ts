// Each agent's hook adapter alone: what the hook's fast path loads, without the agents' install
// targets and trust checks (and the TOML reader they bring).
import { augmentHook } from './augment';
import { claudeCodeHook } from './claudeCode';
import { clineHook } from './cline';
import { codexHook } from './codex';
import { copilotHook } from './copilot';
import { cursorHook } from './cursor';
import { droidHook } from './droid';
import { geminiHook } from './gemini';
import { opencodeHook } from './opencode';
import { qwenHook } from './qwen';
import { kiroHook } from './kiro';
import { windsurfHook } from './windsurf';
import type { AgentAdapter, AgentId } from './types';

export const ADAPTERS: Readonly<Record<AgentId, AgentAdapter>> = {
  'claude-code': claudeCodeHook, cursor: cursorHook, copilot: copilotHook, gemini: geminiHook, codex: codexHook, cline: clineHook, augment: augmentHook, windsurf: windsurfHook, kiro: kiroHook,
  droid: droidHook, opencode: opencodeHook, qwen: qwenHook,
};
