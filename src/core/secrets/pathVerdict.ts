// The verdict for an agent's file tool (read, search, write) on paths: a protected path needs a
// human, like a shell command that reads a secret. The environment comes from the file's name
// (`.env.production` is production), so a production secret is refused when no human can answer.
import { tierOfName, type EnvironmentMap } from '../environment/tiers';
import { redact } from '../environment/redact';
import { DEFAULT_POLICY, decide, type Policy } from '../policy';
import { ALLOW_VERDICT, tierRank, type Environment, type Finding, type Verdict } from '../verdict';
import { holdsGuardFile, isEditorSettingsFile, isGuardFile } from '../selfProtection';
import { isShellStartupFile, startupTampering } from '../shell/startupFiles';
import { isProtectedPath } from './paths';

export interface PathPolicy {
  /** Globs protected in addition to the defaults (`airlock.protectedPaths`). */
  readonly protectedPaths: readonly string[];
  /** Exceptions (`airlock.allowedPaths`). */
  readonly allowedPaths: readonly string[];
  readonly environments?: EnvironmentMap;
  readonly policy?: Policy;
}

export function protectedPaths(paths: readonly string[], policy: PathPolicy): string[] {
  return paths.filter((p) => isProtectedPath(p, policy.protectedPaths, policy.allowedPaths));
}

function guardFinding(path: string): Finding {
  return {
    rule: 'airlock.guard-file-write', category: 'shell', severity: 'critical',
    summary: `Rewrites a file that keeps Airlock's guard in place (${redact(path)})`,
    hint: 'Ask the user to change agent hook settings themselves', span: [0, 0], environment: { tier: 'unknown' },
  };
}

/** A search whose files could not all be listed: it may return a secret's contents, so a human decides. */
function uncheckedFinding(glob: string): Finding {
  return {
    rule: 'secrets.search-unchecked', category: 'secrets', severity: 'high',
    summary: `Reads every file ${redact(glob)} matches, more than Airlock could check for secret files in time`,
    hint: 'Search a narrower folder or pattern', span: [0, 0], environment: { tier: 'unknown' },
  };
}

/** A file that is not protected by its name but holds a live credential (found by the token scanner). */
export interface CredentialHolder {
  readonly path: string;
  /** What the credential is for: `Railway`, `AWS`… */
  readonly kind: string;
  /** 1-based. */
  readonly line: number;
}

export interface PathCallFacts {
  /** Globs whose files a tool reads and which could not all be listed. */
  readonly unchecked?: readonly string[];
  /** Files read that hold a credential by their content. */
  readonly holders?: readonly CredentialHolder[];
  /** For a write to an editor's settings file: whether it changes Airlock's own settings (default: assume so). */
  readonly changesAirlockSettings?: (path: string) => boolean;
  /** For a write: the text it puts in (and takes out of) the file, when the tool shows it. */
  readonly writtenText?: (path: string) => string | undefined;
}

/** A write into a shell startup file that turns the terminal gate off in every new shell (`unset BASH_ENV` in ~/.bashrc). */
function startupFinding(path: string, does: string): Finding {
  return {
    rule: 'airlock.startup-file-tamper', category: 'shell', severity: 'critical',
    summary: `Writes into ${redact(path)}, which every new shell runs: it ${does}`,
    hint: 'Leave the gate\'s variables, traps and PATH as they are; ask the user to change Airlock\'s settings instead', span: [0, 0], environment: { tier: 'unknown' },
  };
}

/** A read of a file that holds a credential by its content (a read tool's, or a shell line's). */
export function holderFinding(holder: CredentialHolder, policy: PathPolicy): Finding {
  const base = holder.path.slice(Math.max(holder.path.lastIndexOf('/'), holder.path.lastIndexOf('\\')) + 1);
  const tier = tierOfName(base, policy.environments);
  return {
    rule: 'secrets.credential-in-file', category: 'secrets', severity: 'high',
    summary: `Reads ${redact(base)}, which holds a ${holder.kind} credential (line ${holder.line})`,
    hint: 'Ask the user for what the task needs; move the credential into a protected file such as .env or a secrets manager',
    span: [0, 0], environment: tier ? { tier, name: redact(base), evidence: `file name ${redact(base)}` } : { tier: 'unknown' },
  };
}

export function pathVerdict(paths: readonly string[], access: 'read' | 'write', policy: PathPolicy, facts: PathCallFacts = {}): Verdict {
  const unchecked = [...(facts.unchecked ?? [])];
  const holders = access === 'read' ? (facts.holders ?? []).map((h) => holderFinding(h, policy)) : [];
  const hits = protectedPaths(paths, policy);
  // A folder that holds guard files counts too: a tool that moves or removes `.claude` removes its settings.
  const guarded = (path: string): boolean => (isGuardFile(path) && (!isEditorSettingsFile(path) || (facts.changesAirlockSettings?.(path) ?? true))) || holdsGuardFile(path);
  const guards = access === 'write' ? paths.filter(guarded).map(guardFinding) : [];
  if (access === 'write') {
    for (const path of paths.filter(isShellStartupFile)) {
      const text = facts.writtenText?.(path);
      const does = text === undefined ? 'writes text Airlock cannot read' : startupTampering(text);
      if (does) guards.push(startupFinding(path, does));
    }
  }
  if (hits.length === 0 && guards.length === 0 && unchecked.length === 0 && holders.length === 0) return ALLOW_VERDICT;
  const secretFindings: Finding[] = hits.map((path) => {
    const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    const tier = tierOfName(base, policy.environments);
    const environment: Environment = tier ? { tier, name: redact(base), evidence: `file name ${redact(base)}` } : { tier: 'unknown' };
    return {
      rule: access === 'read' ? 'secrets.protected-path-read' : 'secrets.protected-path-write',
      category: 'secrets',
      severity: 'high',
      summary: `${access === 'read' ? 'Reads' : 'Writes'} a protected secret file (${redact(path)})`,
      hint: 'Ask the user for the one value the task needs, or use a template such as .env.example',
      span: [0, 0],
      environment,
    };
  });
  const findings = [...guards, ...secretFindings, ...holders, ...unchecked.map(uncheckedFinding)];
  const environment = findings.reduce<Environment>((best, f) => (tierRank(f.environment.tier) > tierRank(best.tier) ? f.environment : best), { tier: 'unknown' });
  const risk = guards.length > 0 ? 'critical' : 'high';
  const { decision, confirmation } = decide(risk, environment.tier, 'agent', policy.policy ?? DEFAULT_POLICY, hits.length > 0 || unchecked.length > 0 || holders.length > 0);
  return { decision, risk, environment, findings, confirmation };
}
