// One approval per line: when a person approves a line in the shell guard, the decision service
// issues a grant that the line's PATH shims present, so the same command is not asked for twice.
// A grant covers a command only if it is one of the approved line's own simple commands (its
// words, the program by its base name, wrappers such as sudo before it allowed), run in the same
// directory, no more dangerous than what was approved, for a short time.
import { randomBytes } from 'node:crypto';
import { UNSEEN_OPERANDS, riskRank, tierRank, type Verdict } from '../core/verdict';

const LIFETIME_MS = 10 * 60 * 1000;
const MAX_GRANTS = 200;

/**
 * A line's simple commands as word lists: split at `;`, `&`, `|`, newlines and parentheses outside
 * quotes; a quoted string is one word (a commit message that mentions `rm -rf /` holds no command).
 */
export function commandWords(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/[;&|()\n]/.test(c)) endCommand();
    else if (/\s/.test(c)) endWord();
    else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * True when each of `command`'s simple commands is one of `line`'s, or the end of one (after a
 * wrapper): a request of several commands (a trap's handlers) is covered only as a whole.
 */
export function lineContains(line: string, command: string): boolean {
  const needles = commandWords(command);
  if (needles.length === 0) return false;
  const commands = commandWords(line);
  return needles.every((needle) => commands.some((words) => {
    const at = words.length - needle.length;
    if (at < 0 || basename(words[at] ?? '') !== basename(needle[0] ?? '')) return false;
    return needle.every((w, j) => j === 0 || words[at + j] === w);
  }));
}

interface Grant {
  readonly line: string;
  readonly cwd: string | undefined;
  readonly verdict: Verdict;
  readonly expires: number;
}

export class Grants {
  private readonly issued = new Map<string, Grant>();

  issue(line: string, cwd: string | undefined, verdict: Verdict, now = Date.now()): string {
    for (const [grant, g] of this.issued) if (g.expires <= now || this.issued.size >= MAX_GRANTS) this.issued.delete(grant);
    const grant = randomBytes(18).toString('base64url');
    this.issued.set(grant, { line, cwd, verdict, expires: now + LIFETIME_MS });
    return grant;
  }

  /** The approved line that covers this request, if the grant is live and every condition holds. */
  covering(grant: string | undefined, command: string, cwd: string | undefined, verdict: Verdict, now = Date.now()): string | undefined {
    const g = grant === undefined ? undefined : this.issued.get(grant);
    if (!g || g.expires <= now || g.cwd !== cwd) return undefined;
    // Operands only known when the program runs were not on the approved line as the person saw it.
    if (verdict.findings.some((f) => f.rule === UNSEEN_OPERANDS)) return undefined;
    if (tierRank(verdict.environment.tier) > tierRank(g.verdict.environment.tier) || riskRank(verdict.risk) > riskRank(g.verdict.risk)) return undefined;
    return lineContains(g.line, command) ? g.line : undefined;
  }
}
