// Reads string and list literals out of interpreter code (Python, JavaScript, Ruby, Perl, PHP),
// just enough to recover the command or path a one-liner passes to `system` or `rmtree`.

export interface Literal {
  /** The literal's value, or the expression's source when it is not a literal. */
  readonly value: string;
  readonly dynamic: boolean;
  /** Index just past the literal in the code. */
  readonly end: number;
}

const QUOTES = `'"\``;

/** Longest non-literal expression read, so a call with unbalanced brackets costs a bounded scan. */
export const MAX_EXPRESSION = 2000;

/**
 * Where string literals of each kind were found unterminated in one code string. A scan that runs
 * to the end without finding its closing quote proves every later start of the same kind does too
 * (any later quote it passed was escaped, so both scans resume in step just after it), so
 * recording the earliest failure keeps repeated reads of hostile input linear.
 */
export type Unterminated = Map<string, number>;

/** A string literal starting at `at` (after optional whitespace and a Python `r`/`b`/`f` prefix). */
export function readString(code: string, at: number, unterminated?: Unterminated): Literal | undefined {
  let i = skipSpace(code, at);
  let raw = false;
  let interpolates = false;
  const prefix = /^[rRbBfFuU]{1,2}(?=['"])/.exec(code.slice(i, i + 3));
  if (prefix) {
    raw = /[rR]/.test(prefix[0]);
    interpolates = /[fF]/.test(prefix[0]);
    i += prefix[0].length;
  }
  const quote = code[i];
  if (quote === undefined || !QUOTES.includes(quote)) return undefined;
  const triple = code.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  const kind = `${close}${raw ? 'r' : ''}`;
  const failed = unterminated?.get(kind);
  if (failed !== undefined && failed <= i) return undefined;
  const parts: string[] = [];
  let from = i + close.length;
  let j = from;
  while (j < code.length && !code.startsWith(close, j)) {
    if (code[j] !== '\\' || j + 1 >= code.length) {
      j++;
      continue;
    }
    // A raw string keeps the backslash, but the quote after it still does not end the string.
    if (!raw) {
      parts.push(code.slice(from, j), unescapeChar(code[j + 1] ?? ''));
      from = j + 2;
    }
    j += 2;
  }
  if (j >= code.length) {
    unterminated?.set(kind, Math.min(failed ?? i, i));
    return undefined;
  }
  parts.push(code.slice(from, j));
  const value = parts.join('');
  const dynamic = interpolates || (quote === '`' && value.includes('${')) ||
    (quote === '"' && /#\{|\$[A-Za-z_{]/.test(value));
  return { value, dynamic, end: j + close.length };
}

/** A list of string literals (`['rm', '-rf', x]`, `%w[rm -rf x]` is not read). */
export function readList(code: string, at: number, unterminated?: Unterminated): { items: Literal[]; end: number } | undefined {
  let i = skipSpace(code, at);
  if (code[i] !== '[' && code[i] !== '(') return undefined;
  const closer = code[i] === '[' ? ']' : ')';
  i++;
  const items: Literal[] = [];
  for (let guard = 0; guard < 256; guard++) {
    i = skipSpace(code, i);
    if (code[i] === closer) return { items, end: i + 1 };
    const item = readString(code, i, unterminated) ?? readExpression(code, i, ',' + closer);
    items.push(item);
    i = skipSpace(code, item.end);
    if (code[i] === ',') i++;
    else if (code[i] !== closer) return undefined;
  }
  return undefined;
}

/**
 * A non-literal expression up to one of `stops` at bracket depth 0, read at most `MAX_EXPRESSION`
 * characters far: an expression that long is reported as dynamic, cut off.
 */
export function readExpression(code: string, at: number, stops: string): Literal {
  let depth = 0;
  let i = at;
  const limit = Math.min(code.length, at + MAX_EXPRESSION);
  for (; i < limit; i++) {
    const ch = code[i] ?? '';
    if (depth === 0 && stops.includes(ch)) break;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (depth < 0) break;
  }
  return { value: code.slice(at, i).trim(), dynamic: true, end: i };
}

function skipSpace(code: string, at: number): number {
  let i = at;
  while (i < code.length && /\s/.test(code[i] ?? '')) i++;
  return i;
}

function unescapeChar(ch: string): string {
  switch (ch) {
    case 'n': return '\n';
    case 't': return '\t';
    default: return ch;
  }
}
