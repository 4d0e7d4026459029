// Runs the token rules over a file: a rule's pattern runs only on the lines around one of its
// keywords (as gitleaks does), and the keywords are found in one pass over the file's bytes, so
// most files cost no pattern and are never decoded. Placeholders (`${VAR}`, `<token>`, `xxxx`,
// `changeme`) are not findings. A finding names the line, rule and kind — never the value.
import { TOKEN_RULES, type TokenRule } from './tokens';

/** Values that stand for a secret rather than being one. */
const PLACEHOLDER = /^(?:\$\{?[\w:-]+\}?|\{\{.*\}\}|<[^>]*>|%[\w]+%)$|x{4,}|changeme|change_me|example|placeholder|dummy|your[_-]|redacted|\*{3,}|\.\.\./i;
/** Words put where a password goes in docs and local setups: `postgres://user:password@host`. */
const PLACEHOLDER_WORD = /^(?:password|passwd|pass|pwd|secret|token|key|user|username|postgres|root|admin|test|mysql|redis|guest|default)$/i;
/** A reference to where the value lives: `process.env.API_KEY`, `var.db_password`, `random_password.db.result`. */
const REFERENCE = /^(?:(?:process\.env|os\.environ|env|var|local|secrets|vars|inputs|settings|config)\.[\w.]+|[A-Za-z_$][A-Za-z_$]*(?:\.[A-Za-z_$][A-Za-z_$]*)+)$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || PLACEHOLDER_WORD.test(value) || REFERENCE.test(value) || new Set(value).size <= 2;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface TokenFinding {
  /** 1-based. */
  readonly line: number;
  readonly rule: string;
  readonly kind: string;
}

/** Longer lines (minified code, inline images) are read only around each keyword. */
const MAX_LINE = 4096;
const WINDOW = 1024;

/** Each rule's pattern, global and with match indices, to find where its value starts. */
const SCANNERS = new WeakMap<TokenRule, RegExp>();

function scanner(rule: TokenRule): RegExp {
  let re = SCANNERS.get(rule);
  if (!re) {
    re = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gyd]/g, '') + 'gd');
    SCANNERS.set(rule, re);
  }
  return re;
}

/**
 * Whether the rule finds a real secret (not a placeholder, random enough) that starts within
 * `text[from, to)`; the rest of `text` is the lines around it that the rule may read.
 */
function findsIn(rule: TokenRule, text: string, from: number, to: number): boolean {
  const re = scanner(rule);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const at = m.indices?.[group > 0 ? group : 0]?.[0] ?? m.index;
    if (at < from) continue;
    if (at >= to) return false;
    const value = m[group > 0 ? group : 0] ?? '';
    if (!isPlaceholder(value) && (rule.minEntropy === undefined || entropy(value) >= rule.minEntropy)) return true;
  }
  return false;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A file's lines over its bytes (UTF-8), decoded only when a rule asks for one. */
class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly bytes: Uint8Array) {
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) this.starts.push(at + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  start(line: number): number {
    return this.starts[line] ?? this.bytes.length + 1;
  }

  /** Bytes in the line, without its newline. */
  size(line: number): number {
    return this.start(line + 1) - 1 - this.start(line);
  }

  line(i: number): string {
    return decoder.decode(this.bytes.subarray(this.start(i), this.start(i + 1) - 1));
  }

  /** The text within `radius` bytes of a column of a long line (a character cut at an edge reads as U+FFFD). */
  around(line: number, column: number, radius: number): string {
    const start = this.start(line);
    return decoder.decode(this.bytes.subarray(start + Math.max(0, column - radius), Math.min(start + column + radius, this.start(line + 1) - 1)));
  }
}

/** Whether the rule finds a secret on line `i`, reading the lines around it that it may. */
function lineHasSecret(rule: TokenRule, lines: Lines, i: number): boolean {
  const line = lines.line(i);
  const before = rule.context?.before ?? 0;
  const after = rule.context?.after ?? 0;
  if (before === 0 && after === 0) return findsIn(rule, line, 0, line.length);
  const head: string[] = [];
  for (let l = Math.max(0, i - before); l < i; l++) head.push(lines.size(l) > MAX_LINE ? '' : lines.line(l));
  const tail: string[] = [];
  for (let l = i + 1; l <= i + after && l < lines.count; l++) tail.push(lines.size(l) > MAX_LINE ? '' : lines.line(l));
  const from = head.reduce((n, l) => n + l.length + 1, 0);
  return findsIn(rule, [...head, line, ...tail].join('\n'), from, from + line.length);
}

/** Whether the rule finds a secret in a text of one line, or of a few lines for rules with context. */
export function ruleMatches(rule: TokenRule, text: string): boolean {
  const lines = new Lines(encoder.encode(text));
  for (let i = 0; i < lines.count; i++) if (lineHasSecret(rule, lines, i)) return true;
  return false;
}

/** A keyword, lower-case ASCII, and the rules that list it. */
interface Keyword {
  readonly bytes: Uint8Array;
  /** Where in the keyword its anchor (its rarest three letters) starts. */
  readonly anchor: number;
  readonly rules: readonly number[];
}

const LOWER = Uint8Array.from({ length: 256 }, (_, b) => (b >= 65 && b <= 90 ? b + 32 : b));
/** Three bytes' low seven bits side by side: distinct for any three ASCII characters. */
const TRIGRAM_MASK = 0x1fffff;
const trigram = (a: number, b: number, c: number): number => ((a & 0x7f) << 14) | ((b & 0x7f) << 7) | (c & 0x7f);
/** Letters by how common they are in English and code: later ones make better anchors. */
const COMMON = 'etaoinsrhldcumfpgwybvkxjqz';
const rarity = (c: string): number => (COMMON.includes(c) ? COMMON.indexOf(c) : COMMON.length);

/**
 * Every keyword, indexed by its anchor in every mix of case: a pass over a file's bytes looks
 * each three bytes up in a bit set (256 kB, cache-resident) and compares whole keywords only
 * where one may start. A few dozen `indexOf`s would each read the whole file, and one regular
 * expression of all the keywords runs at a third of this speed.
 */
const ANCHORED = new Uint8Array((TRIGRAM_MASK + 1) >> 3);
const BY_ANCHOR = new Map<number, Keyword[]>();
for (const word of new Set(TOKEN_RULES.flatMap((r) => r.keywords))) {
  let anchor = 0;
  for (let at = 1; at + 3 <= word.length; at++) {
    const score = (o: number): number => rarity(word[o] ?? '') + rarity(word[o + 1] ?? '') + rarity(word[o + 2] ?? '');
    if (score(at) > score(anchor)) anchor = at;
  }
  const keyword: Keyword = { bytes: encoder.encode(word), anchor, rules: TOKEN_RULES.flatMap((r, i) => (r.keywords.includes(word) ? [i] : [])) };
  let cased = [''];
  for (const c of word.slice(anchor, anchor + 3)) cased = cased.flatMap((p) => [...new Set([p + c, p + c.toUpperCase()])]);
  for (const three of cased) {
    const t = trigram(three.charCodeAt(0), three.charCodeAt(1), three.charCodeAt(2));
    ANCHORED[t >> 3] = (ANCHORED[t >> 3] ?? 0) | (1 << (t & 7));
    BY_ANCHOR.set(t, [...BY_ANCHOR.get(t) ?? [], keyword]);
  }
}

/** Where keywords start in `bytes` (ASCII case ignored), and which. */
function keywordHits(bytes: Uint8Array): { at: number; keyword: Keyword }[] {
  const hits: { at: number; keyword: Keyword }[] = [];
  const n = bytes.length;
  let t = trigram(0, bytes[0] ?? 0, bytes[1] ?? 0);
  for (let i = 2; i < n; i++) {
    t = ((t << 7) | (bytes[i] & 0x7f)) & TRIGRAM_MASK;
    if ((ANCHORED[t >> 3] & (1 << (t & 7))) === 0) continue;
    for (const keyword of BY_ANCHOR.get(t) ?? []) {
      const start = i - 2 - keyword.anchor;
      const word = keyword.bytes;
      if (start < 0 || start + word.length > n) continue;
      let j = 0;
      while (j < word.length && LOWER[bytes[start + j]] === word[j]) j++;
      if (j === word.length) hits.push({ at: start, keyword });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** A line that may hold a rule's secret, and where on it the rule's keyword is (-1: a line around it). */
interface Candidate {
  readonly line: number;
  readonly rule: number;
  readonly column: number;
}

/** The lines where each rule's keywords are, widened by the rule's context; sorted by line, then rule. */
function candidates(lines: Lines, hits: readonly { at: number; keyword: Keyword }[]): Candidate[] {
  const found: Candidate[] = [];
  const lastLine = TOKEN_RULES.map(() => -1);
  let line = 0;
  for (const { at, keyword } of hits) {
    while (lines.start(line + 1) <= at) line++;
    const column = at - lines.start(line);
    const long = lines.size(line) > MAX_LINE;
    for (const r of keyword.rules) {
      // A short line is read whole once per rule; a long one around each keyword.
      if (lastLine[r] === line && !long) continue;
      lastLine[r] = line;
      const context = TOKEN_RULES[r]?.context;
      const first = Math.max(0, line - (context?.after ?? 0));
      const last = Math.min(lines.count - 1, line + (context?.before ?? 0));
      for (let l = first; l <= last; l++) found.push({ line: l, rule: r, column: l === line ? column : -1 });
    }
  }
  return found.sort((a, b) => a.line - b.line || a.rule - b.rule);
}

/**
 * The secrets in a file's bytes (UTF-8), one finding per line; the more specific rule wins a line.
 * One pass finds the keywords; a pattern runs only on the lines around its keywords, and only
 * those lines are decoded.
 */
export function scanBytes(bytes: Uint8Array): TokenFinding[] {
  const hits = keywordHits(bytes);
  if (hits.length === 0) return [];
  const lines = new Lines(bytes);
  const findings: TokenFinding[] = [];
  let done = -1;
  let tried = '';
  for (const { line: l, rule: r, column } of candidates(lines, hits)) {
    const rule = TOKEN_RULES[r];
    if (!rule || l === done) continue;
    let hit: boolean;
    if (lines.size(l) <= MAX_LINE) {
      // The same line and rule again (a keyword's line and the lines around another): read once.
      if (tried === `${l}:${r}`) continue;
      tried = `${l}:${r}`;
      hit = lineHasSecret(rule, lines, l);
    } else {
      hit = column >= 0 && findsIn(rule, lines.around(l, column, WINDOW), 0, Infinity);
    }
    if (hit) {
      findings.push({ line: l + 1, rule: rule.id, kind: rule.kind });
      done = l; // rules are ordered specific first: one finding per line
    }
  }
  return findings;
}

/** The secrets in a text: `scanBytes` of its UTF-8. */
export function scanText(text: string): TokenFinding[] {
  return scanBytes(encoder.encode(text));
}
