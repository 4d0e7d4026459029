// dotenv files as their readers read them: node's dotenv, python-dotenv, docker's env files and
// direnv's `.envrc` (bash, so `export NAME=value`). Only plain assignments count; anything a shell
// would compute (`$(…)`, `${OTHER}`) is kept as written and so simply never equals a real value.

const ASSIGNMENT = /[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*(?:=|:[ \t])[ \t]*/y;
const QUOTES = new Set(['"', "'", '`']);

/** Variable → value, the last definition winning as it does for every reader. Never throws. */
export function parseDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    ASSIGNMENT.lastIndex = pos;
    const match = ASSIGNMENT.exec(text);
    if (!match) {
      pos = nextLine(text, pos);
      continue;
    }
    const [value, end] = readValue(text, ASSIGNMENT.lastIndex);
    out.set(match[1] ?? '', value);
    pos = nextLine(text, end);
  }
  return out;
}

function nextLine(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  return newline < 0 ? text.length : newline + 1;
}

/** The value starting at `start`, and where its line's remainder begins. */
function readValue(text: string, start: number): [string, number] {
  const quote = text[start] ?? '';
  if (QUOTES.has(quote)) {
    // Linear over a file: a search that runs off the end means no later value opens that quote.
    const close = closingQuote(text, start + 1, quote);
    // An unclosed quote is read as a plain value, as dotenv does.
    if (close >= 0) {
      const inner = text.slice(start + 1, close);
      return [quote === '"' ? unescapeDouble(inner) : inner, close + 1];
    }
  }
  const newline = text.indexOf('\n', start);
  const stop = newline < 0 ? text.length : newline;
  const raw = text.slice(start, stop);
  // A comment starts at a `#` after whitespace, as in a shell: `abc#def` is one value.
  const comment = /[ \t]#/.exec(raw);
  return [(comment ? raw.slice(0, comment.index) : raw).trim(), stop];
}

function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) return i;
  }
  return -1;
}

function unescapeDouble(inner: string): string {
  return inner.replace(/\\([nrt"\\$])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}
