// What the extension does with a request: allow or deny it by policy, or ask the human (with a
// click or the typed environment name). Pure: settings and request in, action out.
import { decide } from '../core/policy';
import type { Confirmation, Verdict } from '../core/verdict';
import type { DecisionRequest } from '../gate/protocol';
import { policyOf, type Settings } from './settings';

export type Action =
  | { readonly kind: 'allow' | 'deny'; readonly reason: string }
  | { readonly kind: 'ask'; readonly confirmation: Exclude<Confirmation, 'none'> };

export function actionFor(request: DecisionRequest, settings: Settings): Action {
  const verdict: Verdict = request.verdict;
  const human = request.actor === 'human' && settings.gateScope === 'agents';
  if (human) return { kind: 'allow', reason: 'a person at their own terminal (gate scope "agents"): allowed and audited' };
  const readsSecrets = verdict.findings.some((f) => f.category === 'secrets');
  const { decision, confirmation } = decide(verdict.risk, verdict.environment.tier, 'agent', policyOf(settings), readsSecrets);
  if (decision === 'allow') return { kind: 'allow', reason: `allowed by the ${verdict.environment.tier} policy` };
  if (decision === 'deny') return { kind: 'deny', reason: `the ${verdict.environment.tier} policy refuses this outright (setting airlock.policy.${verdict.environment.tier})` };
  return { kind: 'ask', confirmation: confirmation === 'none' ? 'click' : confirmation };
}
