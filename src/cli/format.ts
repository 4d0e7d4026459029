// Human output of a verdict. Colour only on a terminal (and never with NO_COLOR); command text is
// printed as plain text with control characters made visible.
import type { Explanation } from '../core/engine';
import { redact } from '../core/environment/redact';
import { describeCredential } from '../core/secrets/credentialText';
import type { Tier, Verdict } from '../core/verdict';

export interface Style {
  readonly color: boolean;
}

const TIER_MARK: Readonly<Record<Tier, string>> = { production: '🔴', staging: '🟠', unknown: '🟠', development: '🟢' };
const TIER_COLOR: Readonly<Record<Tier, number>> = { production: 31, staging: 33, unknown: 33, development: 32 };

function paint(style: Style, code: number, text: string): string {
  return style.color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

/** Makes control characters visible so a line cannot hide itself on the terminal. */
function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function formatVerdict(line: string, verdict: Verdict, style: Style): string {
  const env = verdict.environment;
  const tier = paint(style, TIER_COLOR[env.tier], `${TIER_MARK[env.tier]} ${env.tier.toUpperCase()}`);
  const target = env.name ? ` ${visible(env.name)}${env.evidence ? ` (${visible(env.evidence)})` : ''}` : '';
  const head = verdict.decision === 'allow'
    ? `${paint(style, 32, 'ALLOW')}  ${verdict.risk === 'none' ? 'nothing destructive found' : `risk ${verdict.risk}`}`
    : `${paint(style, verdict.decision === 'deny' ? 31 : 33, verdict.decision.toUpperCase())}` +
      `${verdict.confirmation === 'typed' ? ' (type the environment name)' : verdict.confirmation === 'click' ? ' (click to approve)' : ''}` +
      `  ${tier}${target}  risk ${verdict.risk}`;
  const lines = [head];
  if (verdict.credential) lines.push(`  credential: ${visible(describeCredential(verdict.credential))}`);
  for (const f of verdict.findings) {
    lines.push(`  ${f.severity.padEnd(8)} ${f.rule}: ${f.summary}`);
    const [start, end] = f.span;
    // A credential written on the line (`Authorization: Bearer …`) is masked, as in the audit log.
    const shown = visible(redact(line.slice(start, Math.min(end, start + 200)), 200));
    lines.push(`           ${shown}${end - start > 200 ? '…' : ''}`);
    if (f.through) lines.push(`           through: ${visible(f.through)}`);
    if (f.environment.tier !== 'unknown' || f.environment.name) lines.push(`           target: ${f.environment.tier}${f.environment.name && f.environment.tier === 'unknown' ? ` ${visible(f.environment.name)}` : ''}${f.environment.evidence ? ` (${visible(f.environment.evidence)})` : ''}`);
    lines.push(`           safer: ${f.hint}`);
    if (f.recovery) lines.push(`           way back: ${f.recovery}`);
  }
  return lines.join('\n');
}

/**
 * Values bound on the line that may be a secret (long, letters and digits): once expanded into a
 * command's words (`--token "$T"`), the masker no longer sees the name that gave them away.
 */
function secretLooking(assigned: ReadonlyMap<string, string>): string[] {
  return [...assigned.values()].filter((v) => v.length >= 12 && !/\s/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v));
}

function masked(text: string, values: readonly string[]): string {
  let out = redact(text, 4000);
  for (const v of values) out = out.split(v).join('***');
  return out;
}

export function formatExplanation(line: string, explanation: Explanation, style: Style): string {
  const out: string[] = [];
  const { commands, problems } = explanation.expansion;
  if (commands.length === 0 && problems.length === 0) {
    out.push('No guarded program or hidden program name in the line: allowed without parsing.');
  } else {
    out.push(`Simple commands found (${commands.length}):`);
    const hide = secretLooking(explanation.expansion.assigned);
    commands.forEach((command, i) => {
      out.push(`  ${i + 1}. ${visible(masked(command.argv.map((w) => w.value).join(' '), hide).slice(0, 200))}`);
      out.push(`     program: ${command.program}   span: ${command.span[0]}-${command.span[1]}` +
        (command.via.length > 0 ? `   via: ${command.via.map(visible).join(' › ')}` : ''));
      const matched = explanation.matches.get(command) ?? [];
      out.push(`     rules: ${matched.length > 0 ? matched.join(', ') : 'none'}`);
    });
    for (const p of problems) out.push(`  problem: ${p.kind} at ${p.span[0]}-${p.span[1]}: ${p.detail}`);
  }
  out.push('', formatVerdict(line, explanation.verdict, style));
  return out.join('\n');
}
