// One approval per line: when a person approves a line in the shell guard, the decision service
// issues a grant that the line's PATH shims present, so the same command is not asked for twice.
// A grant covers only commands that appear word for word in the approved line, for a short time.
import { randomBytes } from 'node:crypto';

const LIFETIME_MS = 10 * 60 * 1000;
const MAX_GRANTS = 200;

/** The words of a command as a shell line writes them, quotes dropped: enough to find one in another. */
function words(line: string): string[] {
  return line.replace(/['"\\]/g, '').split(/[\s;&|()]+/).filter((w) => w !== '');
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** True when `command`'s words appear in a row in `line` (the program compared by its base name). */
export function lineContains(line: string, command: string): boolean {
  const haystack = words(line);
  const needle = words(command);
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (basename(haystack[i] ?? '') !== basename(needle[0] ?? '')) continue;
    if (needle.every((w, j) => j === 0 || haystack[i + j] === w)) return true;
  }
  return false;
}

export class Grants {
  private readonly issued = new Map<string, { readonly line: string; readonly expires: number }>();

  issue(line: string, now = Date.now()): string {
    for (const [grant, g] of this.issued) if (g.expires <= now || this.issued.size >= MAX_GRANTS) this.issued.delete(grant);
    const grant = randomBytes(18).toString('base64url');
    this.issued.set(grant, { line, expires: now + LIFETIME_MS });
    return grant;
  }

  /** The approved line that covers `command`, if the grant is live and the line holds the command. */
  covering(grant: string | undefined, command: string, now = Date.now()): string | undefined {
    const g = grant === undefined ? undefined : this.issued.get(grant);
    if (!g || g.expires <= now) return undefined;
    return lineContains(g.line, command) ? g.line : undefined;
  }
}
