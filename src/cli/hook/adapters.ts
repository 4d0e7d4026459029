// The agents `airlock hook --agent` speaks for.
import { claudeCode } from './claudeCode';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { gemini } from './gemini';
import type { AgentAdapter, AgentId } from './types';

export const ADAPTERS: Readonly<Record<AgentId, AgentAdapter>> = { 'claude-code': claudeCode, cursor, copilot, gemini };
