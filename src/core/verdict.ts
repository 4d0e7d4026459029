import type { Credential } from './secrets/credentials';

// The one verdict shape every layer (CLI, hooks, terminal gate, extension) and every test uses.

export type Decision = 'allow' | 'confirm' | 'deny';
export type Risk = 'none' | 'low' | 'high' | 'critical';
export type Severity = Exclude<Risk, 'none'>;
export type Tier = 'production' | 'staging' | 'development' | 'unknown';
export type Confirmation = 'none' | 'click' | 'typed';
export type Category =
  | 'filesystem' | 'git' | 'sql' | 'paas' | 'cloud' | 'iac' | 'kubernetes' | 'containers'
  | 'http' | 'secrets' | 'interpreters' | 'shell'
  | 'messaging' | 'search' | 'vault' | 'backup' | 'codehost' | 'network' | 'host' | 'identity' | 'observability';

export interface Environment {
  readonly tier: Tier;
  readonly name?: string;
  readonly evidence?: string;
}

export interface Finding {
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly summary: string;
  /** The safer way to reach the same goal, told to the human and to the stopped agent. */
  readonly hint: string;
  /** UTF-16 offsets into the classified line. */
  readonly span: readonly [number, number];
  readonly environment: Environment;
  /**
   * How what this finding destroys can be brought back (a deletion of files git tracks and that
   * are unchanged). Such a finding is audited, not asked: its severity is `low`.
   */
  readonly recovery?: string;
  /** How the line reaches the command, when it ran from a project file: "`npm run db:reset` runs `prisma migrate reset --force` (package.json:6)". */
  readonly through?: string;
}

export interface Verdict {
  readonly decision: Decision;
  readonly risk: Risk;
  readonly environment: Environment;
  readonly findings: readonly Finding[];
  readonly confirmation: Confirmation;
  /** The credential the flagged command acts with, when the line or its environment shows it. */
  readonly credential?: Credential;
}

/** The coloured mark shown beside a tier's name in every message and dialog. */
export const TIER_MARK: Readonly<Record<Tier, string>> = { production: '🔴', staging: '🟠', unknown: '🟠', development: '🟢' };

const RISK_ORDER: readonly Risk[] = ['none', 'low', 'high', 'critical'];
const TIER_ORDER: readonly Tier[] = ['development', 'unknown', 'staging', 'production'];
/** Every tier, as settings and pages list them: most dangerous first. */
export const TIERS: readonly Tier[] = ['production', 'staging', 'unknown', 'development'];

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export function riskRank(risk: Risk): number {
  return RISK_ORDER.indexOf(risk);
}

export function tierRank(tier: Tier): number {
  return TIER_ORDER.indexOf(tier);
}

export function maxRisk(findings: readonly Finding[]): Risk {
  let risk: Risk = 'none';
  for (const f of findings) if (riskRank(f.severity) > riskRank(risk)) risk = f.severity;
  return risk;
}

/** The verdict for a line that runs nothing Airlock guards. */
export const ALLOW_VERDICT: Verdict = { decision: 'allow', risk: 'none', environment: { tier: 'unknown' }, findings: [], confirmation: 'none' };

/** The rule of the terminal gate's finding on a program run past its PATH shim (withUnseenOperands). */
export const UNSEEN_OPERANDS = 'gate.unseen-operands';

/**
 * The verdict on a line whose guarded `program` runs past its PATH shim with operands only known
 * when it runs (`/usr/bin/helm "$(cat verb)" web`): what the shim would have read is read by no
 * one, so a person is asked whatever the line's text shows, at no lower risk than high and no
 * target taken as known to be development.
 */
export function withUnseenOperands(verdict: Verdict, line: string, program: string): Verdict {
  const environment: Environment = tierRank(verdict.environment.tier) < tierRank('unknown') ? { tier: 'unknown' } : verdict.environment;
  const finding: Finding = {
    rule: UNSEEN_OPERANDS,
    category: 'shell',
    severity: 'high',
    summary: `Runs ${program} past Airlock's PATH shim with arguments only known when it runs (a variable, a command's output or a glob), which Airlock cannot read`,
    hint: `Write the arguments out, or run ${program} by its name from the usual PATH, so Airlock can read them`,
    span: [0, line.length],
    environment,
  };
  const findings = [...verdict.findings, finding];
  return {
    ...verdict,
    decision: verdict.decision === 'deny' ? 'deny' : 'confirm',
    risk: maxRisk(findings),
    environment,
    findings,
    confirmation: verdict.confirmation === 'none' ? 'click' : verdict.confirmation,
  };
}
