// The words of the approval dialog and the details page: the tier in capitals with its mark and
// what the agent wants, then command, target and evidence, who asks and through what, the rule.
// Untrusted text (the command, names, evidence) is made plain here: no control characters.
import { DOCTOR_ACTOR } from '../core/audit';
import { redact } from '../core/environment/redact';
import { CONTROL_CHARACTERS } from '../core/prefilter';
import { describeCredential } from '../core/secrets/credentialText';
import { TIER_MARK, type Verdict } from '../core/verdict';
import type { DecisionRequest } from '../gate/protocol';

const ACTORS: Readonly<Record<string, string>> = {
  'claude-code': 'Claude Code', cursor: 'Cursor', copilot: 'Copilot', gemini: 'Gemini CLI', human: 'Someone at a terminal',
  cline: 'Cline', 'roo-code': 'Roo Code', agent: 'An agent (hidden terminal)', task: 'A task', terminal: 'A terminal',
  program: 'A program started in a terminal', [DOCTOR_ACTOR]: 'Airlock doctor (its probe)',
};
const SOURCES: Readonly<Record<DecisionRequest['source'], string>> = {
  hook: 'its pre-tool hook', terminal: 'a terminal', task: 'a task', observer: 'a terminal without the gate',
};
const COMMAND_MAX = 300;
/** Beyond what any dialog shows, so masking never cuts what `shorten` keeps. */
const SHOWN_MAX = 4000;

export function actorName(actor: string): string {
  return ACTORS[actor] ?? actor;
}

/** "Deletes a Railway volume…" → "delete a Railway volume…": the summary as what the agent wants to do. */
function asWish(summary: string): string {
  return summary.replace(/^(\w+?)(ies|es|s)\b/, (_m, stem: string, ending: string) => {
    if (ending === 'ies') return `${stem}y`;
    if (ending === 'es' && /(?:sh|ch|x|ss|z)$/.test(stem)) return stem;
    return ending === 'es' ? `${stem}e` : stem;
  }).replace(/^\w/, (c) => c.toLowerCase());
}

/** Control characters could rewrite what the dialog appears to say; none reach it. */
const CONTROL = new RegExp(CONTROL_CHARACTERS.source + '|\\r', 'g');

function plain(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * The command as shown: a credential written on it (`Authorization: Bearer …`, `--api-key …`,
 * `TOKEN=…`) is masked, as in the audit log — the reviewer needs to know which, never its value.
 */
export function shownSubject(text: string): string {
  return redact(text, SHOWN_MAX);
}

export function shorten(text: string, max = COMMAND_MAX): string {
  const oneLine = plain(text).replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 20)} … ${oneLine.slice(-15)}` : oneLine;
}

export function title(request: DecisionRequest): string {
  const v = request.verdict;
  const first = v.findings[0];
  const wish = first ? asWish(first.summary) : 'run this';
  // A target known by what it is but not by its tier is named in the title ("Railway database …").
  const named = v.environment.tier === 'unknown' && v.environment.name ? ` ${plain(v.environment.name)}` : '';
  return `${TIER_MARK[v.environment.tier]} ${v.environment.tier.toUpperCase()}${named} — ${actorName(request.actor)} wants to ${plain(wish)}`;
}

/** Where the dialog breaks a long command: between words, so no argument is split across lines (the modal holds about 56 characters a line). */
const LINE_WIDTH = 56;

/** The command's words in lines of at most LINE_WIDTH characters (a longer word stands alone). */
export function wrapAtSpaces(text: string, width = LINE_WIDTH): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** "🔴 PRODUCTION — from -e production": the tier once, its name only where it says more. */
export function targetText(v: Verdict): string {
  const env = v.environment;
  const tier = env.tier.toUpperCase();
  const name = env.name && env.name.toUpperCase() !== tier ? ` (${plain(env.name)})` : '';
  // Evidence that says where it comes from itself ("PRODUCTION credential from `.env`") gets no second "from".
  const evidence = env.evidence ? ` — ${/ from /.test(env.evidence) ? '' : 'from '}${plain(env.evidence)}` : '';
  return `${TIER_MARK[env.tier]} ${tier}${name}${evidence}`;
}

export function detail(request: DecisionRequest): string {
  const v: Verdict = request.verdict;
  const what = request.kind === 'command' ? 'Command' : request.kind === 'mcp' ? 'MCP call' : request.kind === 'read' ? 'Reads' : 'Writes';
  const seconds = Math.round(request.timeoutMs / 1000);
  const lines = [
    `${what}:`,
    ...wrapAtSpaces(shorten(shownSubject(request.subject))).map((l) => `    ${l}`),
    `Target: ${targetText(v)}`,
    ...(v.credential ? [`Credential: ${credentialText(v)}`] : []),
    `Asked by: ${actorName(request.actor)}, through ${SOURCES[request.source]}${request.cwd ? ` in ${plain(request.cwd)}` : ''}`,
    ...v.findings.slice(0, 3).flatMap((f) => [`Rule ${f.rule}: ${plain(f.summary)}`, ...(f.through ? [`Through: ${plain(f.through)}`] : [])]),
    ...(v.findings.length > 3 ? [`…and ${v.findings.length - 3} more (Show details)`] : []),
    ...(v.findings[0]?.hint ? [`Safer: ${plain(v.findings[0].hint)}`] : []),
    ...(seconds > 0 ? [`With no answer, Airlock denies it by itself after ${seconds} s.`] : []),
  ];
  return lines.join('\n');
}

/** "Railway account or workspace token from `.env.production` — RAILWAY_API_TOKEN from the environment; reaches …". */
export function credentialText(v: Verdict): string {
  return v.credential ? plain(describeCredential(v.credential)) : '';
}

/** The name to type: the environment's own name when known, else its tier. */
export function confirmationName(verdict: Verdict): string {
  return verdict.environment.name || verdict.environment.tier;
}
