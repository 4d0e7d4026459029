// decision = f(risk, environment tier, actor). Defaults: production → type the environment's
// name; staging and unknown → a click; development → a click only for critical; a human at their
// own terminal is allowed (and audited).
import { riskRank, type Confirmation, type Decision, type Risk, type Tier } from './verdict';

export type Actor = 'agent' | 'human';

export interface TierPolicy {
  /** The lowest risk that needs a human. */
  readonly confirmFrom: Risk;
  /** The lowest risk refused outright ('never' disables). */
  readonly denyFrom: Risk | 'never';
  readonly confirmation: Exclude<Confirmation, 'none'>;
}

export type Policy = Readonly<Record<Tier, TierPolicy>>;

export const DEFAULT_POLICY: Policy = {
  production: { confirmFrom: 'low', denyFrom: 'never', confirmation: 'typed' },
  staging: { confirmFrom: 'low', denyFrom: 'never', confirmation: 'click' },
  unknown: { confirmFrom: 'low', denyFrom: 'never', confirmation: 'click' },
  development: { confirmFrom: 'critical', denyFrom: 'never', confirmation: 'click' },
};

/**
 * `readsSecrets`: a secret read by an agent always needs a human, whatever the tier — a
 * development `.env` or a machine-wide credential file holds keys that reach further.
 */
export function decide(risk: Risk, tier: Tier, actor: Actor, policy: Policy = DEFAULT_POLICY, readsSecrets = false):
  { decision: Decision; confirmation: Confirmation } {
  if (risk === 'none' || actor === 'human') return { decision: 'allow', confirmation: 'none' };
  const rules = policy[tier];
  if (rules.denyFrom !== 'never' && riskRank(risk) >= riskRank(rules.denyFrom)) return { decision: 'deny', confirmation: 'none' };
  if (riskRank(risk) >= riskRank(rules.confirmFrom)) return { decision: 'confirm', confirmation: rules.confirmation };
  if (readsSecrets) return { decision: 'confirm', confirmation: 'click' };
  return { decision: 'allow', confirmation: 'none' };
}

/** What an agent's risky command needs in a tier, as the settings say it, strictest first. */
export type TierRule = 'deny' | 'typed' | 'click' | 'click-critical';
export const TIER_RULES: readonly TierRule[] = ['deny', 'typed', 'click', 'click-critical'];
export const DEFAULT_TIER_RULES: Readonly<Record<Tier, TierRule>> = { production: 'typed', staging: 'click', unknown: 'click', development: 'click-critical' };

export function isTierRule(value: unknown): value is TierRule {
  return typeof value === 'string' && (TIER_RULES as readonly string[]).includes(value);
}

/** The stricter of two rules: how a workspace's rule is merged, since a workspace may only add protection. */
export function stricterRule(a: TierRule, b: TierRule): TierRule {
  return TIER_RULES.indexOf(b) < TIER_RULES.indexOf(a) ? b : a;
}

/** The engine's policy for a set of tier rules. */
export function policyFromRules(rules: Readonly<Record<Tier, TierRule>>): Policy {
  const tier = (rule: TierRule): TierPolicy => {
    switch (rule) {
      case 'deny': return { confirmFrom: 'low', denyFrom: 'low', confirmation: 'click' };
      case 'typed': return { confirmFrom: 'low', denyFrom: 'never', confirmation: 'typed' };
      case 'click': return { confirmFrom: 'low', denyFrom: 'never', confirmation: 'click' };
      case 'click-critical': return { confirmFrom: 'critical', denyFrom: 'never', confirmation: 'click' };
    }
  };
  return { production: tier(rules.production), staging: tier(rules.staging), unknown: tier(rules.unknown), development: tier(rules.development) };
}
