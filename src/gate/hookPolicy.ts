// The policy a hook judges by. With an editor window for the folder: the effective policy it
// publishes. Without one: the defaults plus the `airlock.*` keys of the workspace's
// `.vscode/settings.json` (JSON with comments), read so that they can only add protection — a
// workspace file is something an agent can write.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { EnvironmentMap } from '../core/environment/tiers';
import { DEFAULT_POLICY, DEFAULT_TIER_RULES, isTierRule, policyFromRules, stricterRule, type Policy, type TierRule } from '../core/policy';
import type { PathPolicy } from '../core/secrets/pathVerdict';
import { TIERS, type Tier } from '../core/verdict';
import { policyFile, type Located } from './discovery';
import {
  DEFAULT_TIMEOUT_SECONDS, clampTimeout, environmentMap, globList, readPublishedPolicy,
} from './publishedPolicy';

export interface HookPolicy extends PathPolicy {
  readonly environments: EnvironmentMap;
  readonly policy: Policy;
  readonly timeoutMs: number;
  /** Where the policy came from, for messages and `doctor`. */
  readonly source: string;
  /** Set when a configuration could not be read: a call that needs a human is then denied. */
  readonly problem?: string;
}

const DEFAULTS: HookPolicy = { protectedPaths: [], allowedPaths: [], environments: new Map(), policy: DEFAULT_POLICY, timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, source: 'built-in defaults' };

/** The nearest `.vscode/settings.json` at or above the directory. */
function findWorkspaceSettings(start: string): string | undefined {
  let dir = resolve(start);
  const top = parsePath(dir).root;
  for (;;) {
    const file = join(dir, '.vscode', 'settings.json');
    if (existsSync(file)) return file;
    if (dir === top) return undefined;
    dir = dirname(dir);
  }
}

export function readWorkspaceSettings(file: string): HookPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ...DEFAULTS, source: file, problem: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const first = errors[0];
    const where = first ? ` (${printParseErrorCode(first.error)} at offset ${first.offset})` : '';
    return { ...DEFAULTS, source: file, problem: `${file} is not valid JSON with comments${where}` };
  }
  const s = value as Record<string, unknown>;
  // Only names mapped to production: a mapping overrides what a name says of itself, so a workspace
  // calling `production` "staging" would lower it.
  const environments = new Map(Object.entries(environmentMap(s['airlock.environments'])).filter(([name, tier]) => tier === 'production' && !name.includes('*')));
  const timeout = clampTimeout(s['airlock.approvalTimeoutSeconds']);
  const rules = Object.fromEntries(TIERS.map((tier) => {
    const rule: unknown = s[`airlock.policy.${tier}`];
    return [tier, isTierRule(rule) ? stricterRule(DEFAULT_TIER_RULES[tier], rule) : DEFAULT_TIER_RULES[tier]];
  })) as Record<Tier, TierRule>;
  return {
    protectedPaths: globList(s['airlock.protectedPaths']),
    // `airlock.allowedPaths` weakens the policy: only the user's own settings may set it.
    allowedPaths: [],
    environments,
    policy: policyFromRules(rules),
    timeoutMs: (timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    source: file,
  };
}

export function loadHookPolicy(located: Located | undefined, cwd: string | undefined, roots: readonly string[]): HookPolicy {
  if (located) {
    const file = policyFile(dirname(located.file), located.entry.root);
    const published = readPublishedPolicy(file);
    if (!(published instanceof Error)) {
      return {
        protectedPaths: published.protectedPaths,
        allowedPaths: published.allowedPaths,
        environments: new Map(Object.entries(published.environments)),
        policy: policyFromRules(published.tierRules),
        timeoutMs: published.timeoutSeconds * 1000,
        source: `the policy published by the editor window for ${located.entry.root}`,
      };
    }
  }
  for (const start of [cwd, ...roots]) {
    if (!start) continue;
    const file = findWorkspaceSettings(start);
    if (file) return readWorkspaceSettings(file);
  }
  return DEFAULTS;
}
