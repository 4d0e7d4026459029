// A command acts wherever its credential reaches: a "staging" task run with the token from
// `.env.production` is a production action — the incident's exact shape. The credential's file
// may only raise the tier, and the evidence says both sides so the reviewer sees the mismatch.
import type { Origin } from '../secrets/origins';
import type { SimpleCommand } from '../shell/command';
import { tierRank, type Environment, type Finding } from '../verdict';

/** The environment a command has once its credential's file is counted, or undefined when that changes nothing. */
export function raisedByCredential(env: Environment, origin: Origin): Environment | undefined {
  const tier = origin.tier;
  if (!tier || tierRank(tier) <= tierRank(env.tier)) return undefined;
  const own = env.tier === 'unknown' ? '' : `${env.tier} command${env.evidence ? ` (${env.evidence})` : ''}, `;
  return { tier, name: tier, evidence: `${own}${tier.toUpperCase()} credential from \`${origin.file}\`` };
}

/** The findings of the command that uses the credential, raised to the tier its file names. */
export function raiseFindings(findings: readonly Finding[], command: SimpleCommand, origin: Origin | undefined): Finding[] {
  if (!origin?.tier) return [...findings];
  return findings.map((f) => {
    if (f.span[0] !== command.span[0] || f.span[1] !== command.span[1]) return f;
    const raised = raisedByCredential(f.environment, origin);
    return raised ? { ...f, environment: raised } : f;
  });
}
