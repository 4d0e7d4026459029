// The effective policy a window publishes beside its discovery file, so that a hook judges file
// paths and environments exactly as the extension would, user and workspace settings already
// merged. Validated on read: the file is ours, but a half-written or foreign one must not widen
// what an agent may do.
import { readFileSync } from 'node:fs';
import { DEFAULT_TIER_RULES, isTierRule, type TierRule } from '../core/policy';
import { TIERS, isTier, type Tier } from '../core/verdict';
import { PROTOCOL_VERSION } from './protocol';
import { checkPrivate, writePrivateFile } from './discovery';

export interface PublishedPolicy {
  readonly version: typeof PROTOCOL_VERSION;
  readonly protectedPaths: readonly string[];
  readonly allowedPaths: readonly string[];
  readonly environments: Readonly<Record<string, Tier>>;
  readonly timeoutSeconds: number;
  /** What each tier needs (settings `airlock.policy.*`), so a hook's verdict matches the editor's. */
  readonly tierRules: Readonly<Record<Tier, TierRule>>;
}

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const MIN_TIMEOUT_SECONDS = 5;
/** Under the 600 s that `airlock install` gives each agent to wait for the hook. */
export const MAX_TIMEOUT_SECONDS = 540;

export function writePublishedPolicy(file: string, policy: PublishedPolicy): void {
  writePrivateFile(file, JSON.stringify(policy, null, 2) + '\n');
}

export function clampTimeout(seconds: unknown): number | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  return Math.min(MAX_TIMEOUT_SECONDS, Math.max(MIN_TIMEOUT_SECONDS, Math.round(seconds)));
}

/** Strings only, and no empty patterns (an empty glob would match nothing or, worse, confuse a reader). */
export function globList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

export function environmentMap(value: unknown): Record<string, Tier> {
  const out: Record<string, Tier> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [name, tier] of Object.entries(value)) if (isTier(tier) && name !== '') out[name] = tier;
  return out;
}

function tierRules(value: unknown): Record<Tier, TierRule> {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(TIERS.map((tier) => { const v = given[tier]; return [tier, isTierRule(v) ? v : DEFAULT_TIER_RULES[tier]]; })) as Record<Tier, TierRule>;
}

/** The policy in the file, or an Error saying why it cannot be used. */
export function readPublishedPolicy(file: string): PublishedPolicy | Error {
  let value: unknown;
  try {
    // The same trust as the discovery file: private to this user, or not the editor's.
    checkPrivate(file);
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return new Error(`cannot read the editor's published policy ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== PROTOCOL_VERSION) {
    return new Error(`the editor's published policy ${file} is not in the expected format`);
  }
  const v = value as Record<string, unknown>;
  return {
    version: PROTOCOL_VERSION,
    protectedPaths: globList(v.protectedPaths),
    allowedPaths: globList(v.allowedPaths),
    environments: environmentMap(v.environments),
    timeoutSeconds: clampTimeout(v.timeoutSeconds) ?? DEFAULT_TIMEOUT_SECONDS,
    tierRules: tierRules(v.tierRules),
  };
}
