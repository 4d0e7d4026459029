// Brace expansion as bash does it before running a command: `r{m,}` is `rm r`, `a{1..3}` is
// `a1 a2 a3`. Bounded: a word that would expand past the limit is reported as unreadable.

const LIMIT = 64;

/** The words `word` expands to, or undefined when there are more than the limit. */
export function expandBraces(word: string): string[] | undefined {
  const out: string[] = [];
  return expandInto(word, out) ? out : undefined;
}

function expandInto(word: string, out: string[]): boolean {
  const group = firstGroup(word);
  if (!group) {
    out.push(word);
    return out.length <= LIMIT;
  }
  const { start, end, alternatives } = group;
  for (const alternative of alternatives) {
    if (!expandInto(word.slice(0, start) + alternative + word.slice(end + 1), out)) return false;
  }
  return true;
}

/** The first `{…}` that holds a top-level comma or a `..` range. */
function firstGroup(word: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = word.indexOf('{'); start >= 0; start = word.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < word.length; i++) {
      const ch = word[i];
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        const body = word.slice(start + 1, i);
        if (commas.length > 0) {
          const cuts = [start, ...commas, i];
          return { start, end: i, alternatives: cuts.slice(0, -1).map((cut, k) => word.slice(cut + 1, cuts[k + 1])) };
        }
        const range = rangeOf(body);
        if (range) return { start, end: i, alternatives: range };
        break;
      } else if (ch === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

function rangeOf(body: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1] ?? '');
  const from = numeric ? Number(m[1]) : (m[1] ?? 'a').charCodeAt(0);
  const to = numeric ? Number(m[2]) : (m[2] ?? 'a').charCodeAt(0);
  // More alternatives than the limit: the caller's count check then reports the word as unreadable.
  if (Math.abs(to - from) >= LIMIT) return Array.from({ length: LIMIT + 1 }, () => '');
  const step = from <= to ? 1 : -1;
  const out: string[] = [];
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}
