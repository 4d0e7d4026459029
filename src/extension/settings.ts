// Airlock's settings as one typed object. Each field has a `from` that cleans untrusted input
// (settings are JSON a user or an agent may have written) and merges the layers so that a
// workspace can only add protection: the user's own (global) value is the floor, a workspace or
// folder value counts only where it is stricter. No `vscode` here: the extension hands in what
// `WorkspaceConfiguration.inspect` returns, and the tests hand in plain objects.
import { DEFAULT_TIER_RULES, isTierRule, policyFromRules, stricterRule, type Policy, type TierRule } from '../core/policy';
import type { AgentChoice } from '../agents/contextFiles';
import { CONTEXT_AGENT_IDS } from '../agents/contextAgentIds';
import { TIERS, tierRank, type Tier } from '../core/verdict';
import { DEFAULT_TIMEOUT_SECONDS, clampTimeout, environmentMap, globList } from '../gate/publishedPolicy';

/** What `inspect(key)` returns, reduced to the layers Airlock reads. */
export interface Layers {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type Inspect = (key: string) => Layers | undefined;


export type GateScope = 'agents' | 'all';

export interface Settings {
  readonly environments: Readonly<Record<string, Tier>>;
  readonly gateScope: GateScope;
  readonly tierRules: Readonly<Record<Tier, TierRule>>;
  readonly timeoutSeconds: number;
  readonly protectedPaths: readonly string[];
  readonly allowedPaths: readonly string[];
  /** The terminal gate in new terminals (shims and shell guards). */
  readonly terminalGate: boolean;
  /** Write the policy into the enabled agents' ignore files and keep it there. */
  readonly syncIgnoreFiles: boolean;
  /** The agents whose files are kept (the user's, empty: the ones found here) and those a workspace adds. */
  readonly contextAgents: AgentChoice;
}


function workspaceValues(layers: Layers | undefined): unknown[] {
  return [layers?.workspaceValue, layers?.workspaceFolderValue].filter((v) => v !== undefined);
}

export const TierRuleSetting = {
  from(value: unknown): TierRule | undefined {
    return isTierRule(value) ? value : undefined;
  },
  /** The user's rule (or the default), made stricter by a workspace, never looser. */
  merge(layers: Layers | undefined, fallback: TierRule): TierRule {
    let rule = TierRuleSetting.from(layers?.globalValue) ?? fallback;
    for (const v of workspaceValues(layers)) {
      const w = TierRuleSetting.from(v);
      if (w) rule = stricterRule(rule, w);
    }
    return rule;
  },
};

export const GateScopeSetting = {
  from(value: unknown): GateScope | undefined {
    return value === 'agents' || value === 'all' ? value : undefined;
  },
  merge(layers: Layers | undefined): GateScope {
    const user = GateScopeSetting.from(layers?.globalValue) ?? 'agents';
    return workspaceValues(layers).some((v) => GateScopeSetting.from(v) === 'all') ? 'all' : user;
  },
};

export const EnvironmentsSetting = {
  /**
   * The user's map; a workspace may only name production (a mapped name overrides what the name
   * itself says, so `staging`, `unknown` or a wildcard could lower `railway-production`), and never
   * lower a name the user mapped.
   */
  merge(layers: Layers | undefined): Record<string, Tier> {
    const out = { ...environmentMap(layers?.globalValue) };
    for (const v of workspaceValues(layers)) {
      for (const [name, tier] of Object.entries(environmentMap(v))) {
        if (name.includes('*') || tier !== 'production') continue;
        const current = out[name];
        if (current === undefined || tierRank(tier) > tierRank(current)) out[name] = tier;
      }
    }
    return out;
  },
};

export const PathsSetting = {
  /** Protected paths: the user's plus every workspace's. */
  protectedFrom(layers: Layers | undefined): string[] {
    return [...new Set([...globList(layers?.globalValue), ...workspaceValues(layers).flatMap(globList)])];
  },
  /** Exceptions weaken the policy: only the user's own value counts. */
  allowedFrom(layers: Layers | undefined): string[] {
    return globList(layers?.globalValue);
  },
};

/** On unless the user turned it off; a workspace may turn it on, never off. */
export const ProtectionSwitch = {
  merge(layers: Layers | undefined): boolean {
    if (workspaceValues(layers).some((v) => v === true)) return true;
    return layers?.globalValue !== false;
  },
};

export const ContextAgentsSetting = {
  /** Known agent ids only; the workspace's are kept apart, since they may only add. */
  merge(layers: Layers | undefined): AgentChoice {
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string' && CONTEXT_AGENT_IDS.includes(a)) : []);
    return { user: [...new Set(list(layers?.globalValue))], workspace: [...new Set(workspaceValues(layers).flatMap(list))] };
  },
};

export const TimeoutSetting = {
  merge(layers: Layers | undefined): number {
    return clampTimeout(layers?.workspaceFolderValue) ?? clampTimeout(layers?.workspaceValue) ?? clampTimeout(layers?.globalValue) ?? DEFAULT_TIMEOUT_SECONDS;
  },
};

export function readSettings(inspect: Inspect): Settings {
  const tierRules = Object.fromEntries(TIERS.map((tier) => [tier, TierRuleSetting.merge(inspect(`policy.${tier}`), DEFAULT_TIER_RULES[tier])])) as Record<Tier, TierRule>;
  return {
    environments: EnvironmentsSetting.merge(inspect('environments')),
    gateScope: GateScopeSetting.merge(inspect('gate.scope')),
    tierRules,
    timeoutSeconds: TimeoutSetting.merge(inspect('approvalTimeoutSeconds')),
    protectedPaths: PathsSetting.protectedFrom(inspect('protectedPaths')),
    allowedPaths: PathsSetting.allowedFrom(inspect('allowedPaths')),
    terminalGate: ProtectionSwitch.merge(inspect('terminalGate.enabled')),
    syncIgnoreFiles: ProtectionSwitch.merge(inspect('context.syncIgnoreFiles')),
    contextAgents: ContextAgentsSetting.merge(inspect('context.agents')),
  };
}

/** The engine's policy for the tier rules. */
export function policyOf(settings: Settings): Policy {
  return policyFromRules(settings.tierRules);
}
