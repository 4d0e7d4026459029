// Finds the destructive statements in a piece of SQL text. One linear pass turns the text into
// tokens (comments, string literals and psql meta-commands are dropped, so `SELECT 'DROP TABLE x'`
// is harmless), statements are split on top-level `;`, and each statement is read by its leading
// keywords. Works for the dialects agents feed to psql, mysql, sqlite3, cqlsh, clickhouse and duckdb.

export type DestructiveKind =
  | 'drop-database'
  | 'drop-schema'
  | 'drop-table'
  | 'truncate'
  | 'delete-without-where'
  | 'update-without-where'
  | 'alter-drop';

export interface DestructiveStatement {
  readonly kind: DestructiveKind;
  /** The object acted on (`rentals_prod`, `public.users`) when the statement names one plainly. */
  readonly object?: string;
  /** The statement text, trimmed and cut to a readable length. */
  readonly text: string;
}

type TokenType = 'word' | 'ident' | 'string' | 'number' | 'punct' | 'dollar';

interface Token {
  readonly type: TokenType;
  /** Upper-cased for words, unquoted for identifiers and strings, the character for punctuation. */
  readonly value: string;
  /** Words as written, for reporting names in their original case. */
  readonly raw?: string;
  readonly start: number;
  readonly end: number;
}

const MAX_TEXT = 160;

/** The destructive statements in `sql`, in order. */
export function destructiveStatements(sql: string): DestructiveStatement[] {
  return analyse(sql, 0);
}

function analyse(sql: string, depth: number): DestructiveStatement[] {
  const out: DestructiveStatement[] = [];
  // Statements inside an explicit transaction only count once it commits (or the text ends with it
  // still open): `BEGIN; DELETE FROM users; ROLLBACK;` is the careful way to try a statement.
  let pending: DestructiveStatement[] | undefined;
  for (const statement of splitStatements(tokenize(sql))) {
    if (statement.length === 0) continue;
    const first = statement[0];
    const control = depth === 0 ? transactionControl(statement) : undefined;
    if (control === 'begin') { if (pending) out.push(...pending); pending = []; continue; }
    if (control === 'commit') { if (pending) out.push(...pending); pending = undefined; continue; }
    if (control === 'rollback') { pending = undefined; continue; }
    const found: DestructiveStatement[] = [];
    // `DO $$ … $$` runs its body right away (unlike CREATE FUNCTION, whose body only runs later).
    if (first?.type === 'word' && first.value === 'DO' && depth < 2) {
      const body = statement.find((t) => t.type === 'dollar');
      if (body) found.push(...analyse(body.value, depth + 1));
    } else {
      const kind = classify(statement);
      if (kind) {
        const start = statement[0]?.start ?? 0;
        const end = statement[statement.length - 1]?.end ?? start;
        const text = sql.slice(start, Math.min(end, start + MAX_TEXT)).replace(/\s+/g, ' ').trim();
        found.push(kind.object === undefined ? { kind: kind.kind, text } : { kind: kind.kind, object: kind.object, text });
      }
    }
    (pending ?? out).push(...found);
  }
  if (pending) out.push(...pending);
  return out;
}

function transactionControl(statement: readonly Token[]): 'begin' | 'commit' | 'rollback' | undefined {
  const [a, b] = statement;
  const short = statement.length <= 3;
  if (isWord(a, 'BEGIN') && (statement.length === 1 || isWord(b, 'TRANSACTION', 'WORK', 'ISOLATION', 'READ', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE'))) return 'begin';
  if (isWord(a, 'START') && isWord(b, 'TRANSACTION')) return 'begin';
  if (short && isWord(a, 'COMMIT', 'END')) return 'commit';
  // `ROLLBACK TO SAVEPOINT x` undoes only part of the transaction; treat the rest as still pending.
  if (isWord(a, 'ROLLBACK', 'ABORT') && !statement.some((t) => isWord(t, 'TO'))) return 'rollback';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: one pass, every character visited once.

function isWordStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\u007f';
}

function isWordPart(c: string): boolean {
  return isWordStart(c) || (c >= '0' && c <= '9') || c === '$';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = sql[i] ?? '';
    if (c === '\n') { lineStart = true; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    const atLineStart = lineStart;
    lineStart = false;
    const next = sql[i + 1] ?? '';

    // psql meta-commands (`\dt`, `\c db`, `\i file`) run to the end of the line.
    if (c === '\\' && atLineStart) {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    // MySQL `#` comments; only at a token boundary so Postgres' `#` operator inside expressions is rare to hit.
    if (c === '#' && (i === 0 || /\s/.test(sql[i - 1] ?? ''))) {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === "'" || ((c === 'E' || c === 'e' || c === 'N' || c === 'n') && next === "'")) {
      const start = i;
      if (c !== "'") i++;
      const { value, end } = readQuoted(sql, i, "'", true);
      tokens.push({ type: 'string', value, start, end });
      i = end;
      continue;
    }
    if (c === '"' || c === '`') {
      const { value, end } = readQuoted(sql, i, c, false);
      tokens.push({ type: 'ident', value, start: i, end });
      i = end;
      continue;
    }
    if (c === '[') {
      // SQL Server bracketed identifiers; elsewhere `[` is an array subscript and harmless to read this way.
      const close = sql.indexOf(']', i + 1);
      const end = close < 0 ? n : close + 1;
      tokens.push({ type: 'ident', value: sql.slice(i + 1, close < 0 ? n : close), start: i, end });
      i = end;
      continue;
    }
    if (c === '$') {
      // Postgres dollar quoting: `$$ … $$` or `$tag$ … $tag$`.
      let j = i + 1;
      while (j < n && isWordPart(sql[j] ?? '') && sql[j] !== '$') j++;
      if (sql[j] === '$' && (j === i + 1 || isWordStart(sql[i + 1] ?? ''))) {
        const tag = sql.slice(i, j + 1);
        const close = sql.indexOf(tag, j + 1);
        const end = close < 0 ? n : close + tag.length;
        tokens.push({ type: 'dollar', value: sql.slice(j + 1, close < 0 ? n : close), start: i, end });
        i = end;
        continue;
      }
      // `$1` parameters.
      j = i + 1;
      while (j < n && isDigit(sql[j] ?? '')) j++;
      tokens.push({ type: 'word', value: sql.slice(i, Math.max(j, i + 1)), start: i, end: Math.max(j, i + 1) });
      i = Math.max(j, i + 1);
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(sql[j] ?? '')) j++;
      const raw = sql.slice(i, j);
      tokens.push({ type: 'word', value: raw.toUpperCase(), raw, start: i, end: j });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(next))) {
      let j = i + 1;
      while (j < n && (isDigit(sql[j] ?? '') || sql[j] === '.' || sql[j] === 'e' || sql[j] === 'E')) j++;
      tokens.push({ type: 'number', value: sql.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // Two-character comparison operators, so `1<>1` reads as one operator.
    const two = c + next;
    if (two === '<>' || two === '!=' || two === '<=' || two === '>=' || two === '==') {
      tokens.push({ type: 'punct', value: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    tokens.push({ type: 'punct', value: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** Reads a quoted run starting at `at` (the opening quote); a doubled quote is an escaped quote. */
function readQuoted(sql: string, at: number, quote: string, backslash: boolean): { value: string; end: number } {
  let value = '';
  let i = at + 1;
  const n = sql.length;
  while (i < n) {
    const c = sql[i] ?? '';
    if (backslash && c === '\\' && i + 1 < n) { value += sql[i + 1]; i += 2; continue; }
    if (c === quote) {
      if (sql[i + 1] === quote) { value += quote; i += 2; continue; }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
  return { value, end: n };
}

function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'punct' && t.value === ';') {
      out.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  out.push(current);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statement classification.

interface Found {
  readonly kind: DestructiveKind;
  readonly object?: string;
}

function isWord(t: Token | undefined, ...words: readonly string[]): boolean {
  return t?.type === 'word' && (words.length === 0 || words.includes(t.value));
}

function classify(tokens: readonly Token[]): Found | undefined {
  let at = 0;
  // `EXPLAIN` alone only plans; `EXPLAIN ANALYZE` runs the statement.
  if (isWord(tokens[0], 'EXPLAIN', 'DESCRIBE', 'DESC')) {
    let analyze = false;
    at = 1;
    if (tokens[at]?.type === 'punct' && tokens[at]?.value === '(') {
      const close = matchingParen(tokens, at);
      for (let k = at + 1; k < close; k++) if (isWord(tokens[k], 'ANALYZE', 'ANALYSE')) analyze = true;
      at = close + 1;
    }
    while (isWord(tokens[at], 'ANALYZE', 'ANALYSE', 'VERBOSE', 'QUERY', 'PLAN', 'FORMAT', 'EXTENDED')) {
      if (isWord(tokens[at], 'ANALYZE', 'ANALYSE')) analyze = true;
      at++;
    }
    if (!analyze) return undefined;
  }
  // A PL/pgSQL block body (`DO $$ BEGIN DROP TABLE x; END $$`) starts its first statement with BEGIN.
  if (isWord(tokens[at], 'BEGIN') && isWord(tokens[at + 1]) && !isWord(tokens[at + 1], 'TRANSACTION', 'WORK', 'ISOLATION')) at++;
  if (isWord(tokens[at], 'WITH')) at = skipCommonTableExpressions(tokens, at);
  const head = tokens[at];
  if (!isWord(head)) return undefined;
  switch (head?.value) {
    case 'DROP': return classifyDrop(tokens, at + 1);
    case 'TRUNCATE': return classifyTruncate(tokens, at + 1);
    case 'DELETE': return classifyDelete(tokens, at + 1);
    case 'UPDATE': return classifyUpdate(tokens, at + 1);
    case 'ALTER': return classifyAlter(tokens, at + 1);
    default: return undefined;
  }
}

function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')' && --depth === 0) return k;
  }
  return tokens.length;
}

/** Index of the main statement keyword after `WITH a AS (…), b AS (…)`. */
function skipCommonTableExpressions(tokens: readonly Token[], at: number): number {
  let depth = 0;
  for (let k = at + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && isWord(t, 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE')) {
      const prev = tokens[k - 1];
      if (prev?.type === 'punct' && prev.value === ')') return k;
    }
  }
  return tokens.length;
}

/** Reads `schema.table` (quoted parts unquoted) at `at`; returns it and the index after it. */
function readName(tokens: readonly Token[], at: number): { name?: string; next: number } {
  const parts: string[] = [];
  let k = at;
  while (k < tokens.length) {
    const t = tokens[k];
    if (!t || (t.type !== 'word' && t.type !== 'ident' && t.type !== 'string')) break;
    parts.push(t.raw ?? t.value);
    k++;
    const dot = tokens[k];
    if (!(dot?.type === 'punct' && dot.value === '.')) break;
    k++;
  }
  return parts.length > 0 ? { name: parts.join('.'), next: k } : { next: at };
}

function skipIfExists(tokens: readonly Token[], at: number): number {
  if (isWord(tokens[at], 'IF') && isWord(tokens[at + 1], 'EXISTS')) return at + 2;
  return at;
}

function classifyDrop(tokens: readonly Token[], at: number): Found | undefined {
  let k = at;
  // `DROP TEMPORARY TABLE` only drops session-scoped scratch tables.
  if (isWord(tokens[k], 'TEMPORARY', 'TEMP')) return undefined;
  const what = tokens[k];
  if (isWord(what, 'DATABASE', 'KEYSPACE')) {
    k = skipIfExists(tokens, k + 1);
    return { kind: 'drop-database', ...named(readName(tokens, k).name) };
  }
  if (isWord(what, 'SCHEMA')) {
    k = skipIfExists(tokens, k + 1);
    return { kind: 'drop-schema', ...named(readName(tokens, k).name) };
  }
  if (isWord(what, 'TABLE', 'TABLES', 'COLUMNFAMILY', 'COLLECTION', 'DICTIONARY')) {
    k = skipIfExists(tokens, k + 1);
    return { kind: 'drop-table', ...named(readName(tokens, k).name) };
  }
  return undefined;
}

function classifyTruncate(tokens: readonly Token[], at: number): Found {
  let k = at;
  if (isWord(tokens[k], 'TABLE')) k++;
  k = skipIfExists(tokens, k);
  if (isWord(tokens[k], 'ONLY')) k++;
  return { kind: 'truncate', ...named(readName(tokens, k).name) };
}

function classifyDelete(tokens: readonly Token[], at: number): Found | undefined {
  let k = at;
  while (isWord(tokens[k], 'LOW_PRIORITY', 'QUICK', 'IGNORE')) k++;
  if (isWord(tokens[k], 'FROM')) k++;
  if (isWord(tokens[k], 'ONLY')) k++;
  const { name } = readName(tokens, k);
  if (narrowed(tokens, k)) return undefined;
  return { kind: 'delete-without-where', ...named(name) };
}

function classifyUpdate(tokens: readonly Token[], at: number): Found | undefined {
  let k = at;
  while (isWord(tokens[k], 'LOW_PRIORITY', 'IGNORE', 'ONLY', 'OR')) {
    // SQLite `UPDATE OR REPLACE t …`
    if (isWord(tokens[k], 'OR')) k++;
    k++;
  }
  const { name } = readName(tokens, k);
  // Cassandra and some tools write `UPDATE t USING TTL … SET`; all need a SET to be an update.
  if (!hasTopLevel(tokens, k, 'SET')) return undefined;
  if (narrowed(tokens, k)) return undefined;
  return { kind: 'update-without-where', ...named(name) };
}

// Things `ALTER TABLE … DROP x` can drop that lose no rows or columns of data.
const ALTER_DROP_HARMLESS = new Set([
  'CONSTRAINT', 'INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION',
  'CHECK', 'TRIGGER', 'ROW', 'RULE', 'POLICY', 'PROJECTION', 'STATISTICS', 'TTL', 'SETTING', 'COMMENT',
]);

function classifyAlter(tokens: readonly Token[], at: number): Found | undefined {
  if (!isWord(tokens[at], 'TABLE', 'COLUMNFAMILY')) return undefined;
  let k = skipIfExists(tokens, at + 1);
  if (isWord(tokens[k], 'ONLY')) k++;
  const { name, next } = readName(tokens, k);
  let depth = 0;
  for (let j = next; j < tokens.length; j++) {
    const t = tokens[j];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    if (depth !== 0 || t?.type !== 'word') continue;
    if (t.value === 'DROP') {
      const what = tokens[j + 1];
      if (isWord(what, 'COLUMN', 'PARTITION', 'PART', 'DETACHED')) return { kind: 'alter-drop', ...named(name) };
      if (what?.type === 'word' && ALTER_DROP_HARMLESS.has(what.value)) continue;
      // MySQL/SQLite `ALTER TABLE t DROP c` drops a column without saying COLUMN.
      if (what?.type === 'word' || what?.type === 'ident') return { kind: 'alter-drop', ...named(name) };
    }
    // ClickHouse mutation: `ALTER TABLE t DELETE WHERE …`.
    if (t.value === 'DELETE') return narrowed(tokens, j) ? undefined : { kind: 'delete-without-where', ...named(name) };
  }
  return undefined;
}

function named(name: string | undefined): { object?: string } {
  return name === undefined ? {} : { object: name };
}

function hasTopLevel(tokens: readonly Token[], from: number, word: string): boolean {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t?.type === 'word' && t.value === word) return true;
  }
  return false;
}

/**
 * True when the statement from `from` has a top-level WHERE (or LIMIT) that really narrows it:
 * `WHERE 1=1`, `WHERE true`, `WHERE 1`, `WHERE id = 4 OR 1 = 1` do not.
 */
function narrowed(tokens: readonly Token[], from: number): boolean {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t?.type === 'word') {
      if (t.value === 'LIMIT' || t.value === 'TOP') return true;
      if (t.value === 'WHERE') return !alwaysTrue(conditionTokens(tokens, k + 1));
    }
  }
  return false;
}

const CONDITION_END = new Set(['RETURNING', 'ORDER', 'LIMIT', 'OUTPUT', 'SETTINGS', 'IF']);

function conditionTokens(tokens: readonly Token[], from: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.type === 'punct' && t.value === '(') depth++;
    else if (t.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.type === 'word' && CONDITION_END.has(t.value)) break;
    out.push(t);
  }
  return out;
}

/** A condition every row satisfies: some OR-branch whose AND-parts are all constant truths. */
function alwaysTrue(cond: readonly Token[]): boolean {
  const inner = stripParens(cond);
  if (inner.length === 0) return true;
  return splitTopLevel(inner, 'OR').some((branch) =>
    splitTopLevel(branch, 'AND').every((part) => constantTrue(stripParens(part))));
}

function stripParens(tokens: readonly Token[]): readonly Token[] {
  let t = tokens;
  // A handful of layers is all real conditions use; the cap keeps the whole pass linear.
  for (let layer = 0; layer < 8 && t.length >= 2 && t[0]?.value === '(' && t[0].type === 'punct' && matchingParen(t, 0) === t.length - 1; layer++) {
    t = t.slice(1, -1);
  }
  return t;
}

function splitTopLevel(tokens: readonly Token[], word: string): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.type === 'punct' && t.value === '(') depth++;
    else if (t.type === 'punct' && t.value === ')') depth--;
    if (depth === 0 && t.type === 'word' && t.value === word) { out.push([]); continue; }
    out[out.length - 1]?.push(t);
  }
  return out;
}

function constantTrue(part: readonly Token[]): boolean {
  if (part.length === 1) {
    const [t] = part;
    if (isWord(t, 'TRUE')) return true;
    if (t?.type === 'number') return Number(t.value) !== 0;
    return false;
  }
  if (part.length === 2 && isWord(part[0], 'NOT')) return isWord(part[1], 'FALSE') || (part[1]?.type === 'number' && Number(part[1].value) === 0);
  if (part.length === 3) {
    const [left, op, right] = part;
    if (!left || !op || !right || op.type !== 'punct') return false;
    if (left.type === 'number' && right.type === 'number') return compare(Number(left.value), op.value, Number(right.value));
    if (left.type === 'string' && right.type === 'string') return compare(left.value, op.value, right.value);
    // `WHERE id = id` matches every row where id is not null.
    if (left.type === right.type && (left.type === 'word' || left.type === 'ident') && left.value === right.value) {
      return op.value === '=' || op.value === '==' || op.value === '>=' || op.value === '<=';
    }
  }
  return false;
}

function compare<T extends number | string>(a: T, op: string, b: T): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '<>': case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return false;
  }
}
