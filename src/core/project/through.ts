// How a finding's command was reached through project files, in the words a reviewer reads:
// "`npm run reset` runs `npm run db:drop` (package.json:5); `npm run db:drop` runs `dropdb acme_prod` (package.json:6)".
import type { CommandSource, SimpleCommand } from '../shell/command';

const MAX_SHOWN = 160;

/** `detail`: what the rule named (`GraphQL volumeDelete`), looked for in interpreter code to give its line. */
export function through(command: SimpleCommand, detail?: string): string | undefined {
  const chain: CommandSource[] = [];
  for (let s = command.source; s && chain.length < 16; s = s.outer) chain.unshift(s);
  if (chain.length === 0) return undefined;
  return chain.map((s, i) => {
    const next = chain[i + 1];
    const where = `${s.file}${s.line !== undefined ? `:${s.line}` : ''}`;
    if (next) return `\`${shown(s.runner)}\` runs \`${shown(next.runner)}\` (${where})`;
    if (s.code) {
      const line = s.line === undefined ? codeLine(command, detail) : undefined;
      return `\`${shown(s.runner)}\` runs the code in ${where}${line !== undefined ? `:${line}` : ''}`;
    }
    if (s.runner.startsWith('< ')) return `the command reads ${where}`;
    return `\`${shown(s.runner)}\` runs \`${shown(command.argv.map((w) => w.value).join(' '))}\` (${where})`;
  }).join('; ');
}

/** The line of interpreter code that holds what the finding is about: the named mutation, or the command it runs. */
function codeLine(command: SimpleCommand, detail: string | undefined): number | undefined {
  let code: string | undefined;
  for (let c: SimpleCommand | undefined = command; c && code === undefined; c = c.parent) if (c.source?.code) code = c.argv[2]?.value;
  if (code === undefined) return undefined;
  const needles = [...(detail?.match(/[A-Za-z_][\w.-]{3,}/g) ?? []).filter((w) => w !== 'GraphQL' && w !== 'HTTP'),
    command.argv.slice(0, 3).map((w) => w.value).join(' '), command.argv[0]?.value ?? ''].filter((n) => n.length >= 3);
  for (const needle of needles) {
    const at = code.indexOf(needle);
    if (at >= 0) return code.slice(0, at).split('\n').length;
  }
  return undefined;
}

/** One line, bounded, with no backticks to break the quoting. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}
