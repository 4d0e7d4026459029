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

/** A string literal starting at `at` (after optional whitespace and a Python `r`/`b`/`f` prefix). */
export function readString(code: string, at: number): Literal | undefined {
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
  let value = '';
  let j = i + close.length;
  while (j < code.length && !code.startsWith(close, j)) {
    const ch = code[j] ?? '';
    if (ch === '\\' && !raw && j + 1 < code.length) {
      value += unescapeChar(code[j + 1] ?? '');
      j += 2;
      continue;
    }
    value += ch;
    j++;
  }
  if (j >= code.length) return undefined;
  const dynamic = interpolates || (quote === '`' && value.includes('${')) ||
    (quote === '"' && /#\{|\$[A-Za-z_{]/.test(value));
  return { value, dynamic, end: j + close.length };
}

/** A list of string literals (`['rm', '-rf', x]`, `%w[rm -rf x]` is not read). */
export function readList(code: string, at: number): { items: Literal[]; end: number } | undefined {
  let i = skipSpace(code, at);
  if (code[i] !== '[' && code[i] !== '(') return undefined;
  const closer = code[i] === '[' ? ']' : ')';
  i++;
  const items: Literal[] = [];
  for (let guard = 0; guard < 256; guard++) {
    i = skipSpace(code, i);
    if (code[i] === closer) return { items, end: i + 1 };
    const item = readString(code, i) ?? readExpression(code, i, ',' + closer);
    items.push(item);
    i = skipSpace(code, item.end);
    if (code[i] === ',') i++;
    else if (code[i] !== closer) return undefined;
  }
  return undefined;
}

/** A non-literal expression up to one of `stops` at bracket depth 0. */
export function readExpression(code: string, at: number, stops: string): Literal {
  let depth = 0;
  let i = at;
  for (; i < code.length; i++) {
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
