// How a finding's command was reached through project files, in the words a reviewer reads:
// "`npm run reset` runs `npm run db:drop` (package.json:5); `npm run db:drop` runs `dropdb acme_prod` (package.json:6)".
import type { CommandSource, SimpleCommand } from '../shell/command';

const MAX_SHOWN = 160;

export function through(command: SimpleCommand): string | undefined {
  const chain: CommandSource[] = [];
  for (let s = command.source; s && chain.length < 16; s = s.outer) chain.unshift(s);
  if (chain.length === 0) return undefined;
  return chain.map((s, i) => {
    const next = chain[i + 1];
    const where = `${s.file}${s.line !== undefined ? `:${s.line}` : ''}`;
    if (next) return `\`${shown(s.runner)}\` runs \`${shown(next.runner)}\` (${where})`;
    if (s.code) return `\`${shown(s.runner)}\` runs the code in ${where}`;
    if (s.runner.startsWith('< ')) return `the command reads ${where}`;
    return `\`${shown(s.runner)}\` runs \`${shown(command.argv.map((w) => w.value).join(' '))}\` (${where})`;
  }).join('; ');
}

/** One line, bounded, with no backticks to break the quoting. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}
