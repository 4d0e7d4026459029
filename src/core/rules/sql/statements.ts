// Finds the destructive statements in a piece of SQL text. One linear pass turns the text into
// tokens (comments, string literals and client meta-commands are dropped, so `SELECT 'DROP TABLE x'`
// is harmless), statements are split on top-level `;`, and every place inside a statement where a
// statement can begin (its start, a CTE body, a PL/pgSQL branch) is read by its leading keywords.
// Works for the dialects agents feed to psql, mysql, sqlite3, cqlsh, clickhouse and duckdb.
//
// The client's dialect is rarely known from the command line, and the dialects disagree on what is
// a string or a comment (`'a\'` is a whole string in Postgres but not in MySQL; `#` starts a
// comment only in MySQL). Reading the text one way lets the other hide a statement, so it is read
// every way that could differ and the union of what each reading finds is reported.

export type DestructiveKind =
  | 'drop-database'
  | 'drop-schema'
  | 'drop-table'
  | 'drop-object'
  | 'drop-object-cascade'
  | 'truncate'
  | 'delete-without-where'
  | 'merge-delete'
  | 'update-without-where'
  | 'alter-drop'
  | 'copy-program'
  | 'read-credentials';

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

/** How one reading of the text lexes it. */
interface Dialect {
  /** `\` escapes the next character inside '…' (MySQL, Postgres with standard_conforming_strings off). */
  readonly backslash: boolean;
  /**
   * MySQL lexing: `#` comments anywhere, `--` a comment only before whitespace, `/*! … *\/` runs its
   * content, block comments do not nest, `"…"` is a string, `$` is no quote, `\g` ends a statement.
   * Otherwise Postgres/SQLite lexing, where a `\` outside quotes starts a psql meta-command.
   */
  readonly mysql: boolean;
}

const MAX_TEXT = 160;
/** Bodies run in place (DO blocks, EXECUTE strings, \gexec output) nest this deep at most. */
const MAX_BODY_DEPTH = 2;
/**
 * Statements inside this many parentheses are still read. Postgres only allows data-modifying CTEs
 * at the top level, so real SQL needs one level; the cap keeps the work linear on hostile nesting.
 */
const MAX_NESTING = 4;

/** The destructive statements in `sql`, in order, under every reading of its dialect. */
export function destructiveStatements(sql: string): DestructiveStatement[] {
  const dialects = dialectsFor(sql);
  const [only] = dialects;
  if (only && dialects.length === 1) return analyse(sql, only, 0);
  const out: DestructiveStatement[] = [];
  const seen = new Set<string>();
  for (const dialect of dialects) {
    for (const s of analyse(sql, dialect, 0)) {
      const key = `${s.kind}\u0000${s.object ?? ''}\u0000${s.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** Only the readings that can lex this text differently; plain SQL is read once. */
function dialectsFor(sql: string): Dialect[] {
  // A backslash escape only changes where a quoted run ends when it escapes a quote or a backslash.
  const backslashDiffers = sql.includes("\\'") || sql.includes('\\"') || sql.includes('\\\\');
  // `"…"` differs between the readings only through backslash escapes, counted above.
  const mysqlDiffers = sql.includes('\\') || sql.includes('#') || sql.includes('--') ||
    sql.includes('/*') || sql.includes('$');
  const out: Dialect[] = [];
  for (const mysql of mysqlDiffers ? [true, false] : [true]) {
    for (const backslash of backslashDiffers ? [true, false] : [true]) out.push({ backslash, mysql });
  }
  return out;
}

function analyse(sql: string, dialect: Dialect, depth: number): DestructiveStatement[] {
  const { tokens, gexec } = tokenize(sql, dialect);
  const statements = splitStatements(tokens);
  const out: DestructiveStatement[] = [];
  // MySQL `SET @q = 'DROP TABLE t'; PREPARE s FROM @q; EXECUTE s` and psql's `\gexec` run SQL that
  // the text only holds as string literals.
  const dynamic = gexec || statements.some(isDynamic);
  for (const statement of statements) {
    analyseStatement(statement, sql, dialect, depth, out);
    if (dynamic && depth < MAX_BODY_DEPTH) {
      // Dollar-quoted text is usually a function body that runs later, unless EXECUTE runs it here.
      const dollars = isDynamic(statement);
      for (const t of statement) {
        if (t.type === 'string' || (t.type === 'dollar' && dollars)) out.push(...analyse(t.value, dialect, depth + 1));
      }
    }
  }
  return out;
}

// dblink_exec and dblink run their string on another (or the same) database.
const DYNAMIC_WORDS = new Set(['EXECUTE', 'EXEC', 'IMMEDIATE', 'SP_EXECUTESQL', 'PREPARE', 'DBLINK_EXEC', 'DBLINK']);
// `GRANT EXECUTE ON FUNCTION`, `CREATE TRIGGER … EXECUTE FUNCTION f()` run no SQL text.
const NOT_DYNAMIC_HEADS = ['GRANT', 'REVOKE', 'CREATE', 'ALTER', 'COMMENT', 'DROP'];

function isDynamic(statement: readonly Token[]): boolean {
  if (isWord(statement[0], ...NOT_DYNAMIC_HEADS)) return false;
  return statement.some((t) => t.type === 'word' && DYNAMIC_WORDS.has(t.value));
}

// Keywords of the statements that can destroy data; MERGE is read through its `THEN DELETE`, and
// COPY only counts when it runs a program on the server.
const STATEMENT_HEADS = new Set(['DELETE', 'UPDATE', 'TRUNCATE', 'DROP', 'ALTER', 'COPY']);
// Words after which a statement begins inside another one: PL/pgSQL and MySQL compound bodies,
// `CREATE RULE … DO INSTEAD`, CQL `BEGIN BATCH`.
const OPENS_STATEMENT = new Set(['THEN', 'ELSE', 'LOOP', 'BEGIN', 'ALSO', 'INSTEAD', 'BATCH']);

interface Located {
  readonly at: number;
  readonly found: DestructiveStatement;
}

function analyseStatement(statement: readonly Token[], sql: string, dialect: Dialect, depth: number, out: DestructiveStatement[]): void {
  const first = statement[0];
  // `DO $$ … $$` runs its body right away (unlike CREATE FUNCTION, whose body only runs later).
  if (isWord(first, 'DO')) {
    if (depth < MAX_BODY_DEPTH) {
      for (const t of statement) if (t.type === 'dollar' || t.type === 'string') out.push(...analyse(t.value, dialect, depth + 1));
    }
    return;
  }
  const at = afterExplain(statement);
  if (at === undefined) return;
  const headWord = statement[at]?.type === 'word' ? statement[at]?.value : undefined;
  // `PREPARE p AS DELETE FROM t` readies a statement that a later EXECUTE p runs.
  const prepare = headWord === 'PREPARE';
  const located: Located[] = [];
  let merge: { object?: string } | undefined;

  const evaluate = (start: number, end: number): void => {
    const slice = statement.slice(start, end);
    const head = slice[0];
    const prev = statement[start - 1];
    const inner = start !== at;
    let found: Found | undefined;
    switch (head?.value) {
      case 'DROP':
        // `ALTER TABLE t … DROP …` is read whole by classifyAlter; inside another statement only a
        // DROP naming what it drops counts, not a column called drop.
        if (!inner) found = classifyDrop(slice, 1);
        else if (headWord !== 'ALTER' && slice[1]?.type === 'word' && DROPPABLE.has(slice[1].value)) found = classifyDrop(slice, 1);
        break;
      case 'TRUNCATE':
        // MySQL's TRUNCATE(x, d) function rounds a number.
        if (!(inner && slice[1]?.type === 'punct')) found = classifyTruncate(slice, 1);
        break;
      case 'DELETE':
        // `MERGE … WHEN MATCHED THEN DELETE` removes every row the join matches.
        if (merge && isWord(prev, 'THEN')) found = { kind: 'merge-delete', ...merge };
        // Inside another statement only a real `DELETE FROM` counts, not a column named delete.
        else if (!inner || slice.slice(1, 5).some((t) => isWord(t, 'FROM'))) found = classifyDelete(slice, 1);
        break;
      case 'UPDATE':
        // `WHEN MATCHED THEN UPDATE` only touches the rows the MERGE's ON condition matches.
        if (!(merge && isWord(prev, 'THEN'))) found = classifyUpdate(slice, 1);
        break;
      case 'ALTER':
        found = classifyAlter(slice, 1);
        break;
      case 'COPY':
        found = classifyCopy(slice, 1);
        break;
      default:
        break;
    }
    if (!found) return;
    const s = head?.start ?? 0;
    const e = slice[slice.length - 1]?.end ?? s;
    const text = sql.slice(s, Math.min(e, s + MAX_TEXT)).replace(/\s+/g, ' ').trim();
    located.push({ at: start, found: found.object === undefined ? { kind: found.kind, text } : { kind: found.kind, object: found.object, text } });
  };

  // One pass: each open parenthesis is a level; a statement found at a level runs until the next
  // one at the same level or the level's closing parenthesis, so ranges at one level never overlap.
  const pending: number[] = [-1];
  for (let k = at; k < statement.length; k++) {
    const t = statement[k];
    if (!t) break;
    if (t.type === 'punct' && t.value === '(') { pending.push(-1); continue; }
    if (t.type === 'punct' && t.value === ')') {
      if (pending.length > 1) {
        const open = pending.pop() ?? -1;
        if (open >= 0) evaluate(open, k);
      }
      continue;
    }
    if (t.type !== 'word') continue;
    if (t.value === 'MERGE' && !merge) {
      const into = isWord(statement[k + 1], 'INTO') ? k + 2 : k + 1;
      merge = named(readName(statement, into).name);
    }
    if (!STATEMENT_HEADS.has(t.value) || !startsStatement(statement, k, at, prepare)) continue;
    const level = pending.length - 1;
    const open = pending[level] ?? -1;
    if (open >= 0) evaluate(open, k);
    pending[level] = level <= MAX_NESTING ? k : -1;
  }
  for (let level = pending.length - 1; level >= 0; level--) {
    const open = pending[level] ?? -1;
    if (open >= 0) evaluate(open, statement.length);
  }
  located.sort((a, b) => a.at - b.at);
  for (const l of located) out.push(l.found);
  const credentials = credentialRead(statement, at);
  if (credentials) {
    const s = statement[0]?.start ?? 0;
    const e = statement[statement.length - 1]?.end ?? s;
    out.push({ kind: 'read-credentials', ...named(credentials), text: sql.slice(s, Math.min(e, s + MAX_TEXT)).replace(/\s+/g, ' ').trim() });
  }
}

// Catalog tables holding password hashes, and the columns that hold them.
const CREDENTIAL_TABLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['pg_shadow', ['PASSWD']], ['pg_catalog.pg_shadow', ['PASSWD']], ['pg_authid', ['ROLPASSWORD']],
  ['pg_catalog.pg_authid', ['ROLPASSWORD']], ['mysql.user', ['AUTHENTICATION_STRING', 'PASSWORD']],
  ['sys.sql_logins', ['PASSWORD_HASH']], ['master.sys.sql_logins', ['PASSWORD_HASH']],
]);

/**
 * The credential table a query prints hashes from (`SELECT * FROM pg_shadow`, `SELECT user,
 * authentication_string FROM mysql.user`, `TABLE pg_authid`), or MySQL's `SHOW CREATE USER`.
 */
function credentialRead(statement: readonly Token[], at: number): string | undefined {
  if (isWord(statement[at], 'SHOW') && isWord(statement[at + 1], 'CREATE') && isWord(statement[at + 2], 'USER')) return 'user';
  for (let k = at; k < statement.length; k++) {
    if (!isWord(statement[k], 'FROM', 'JOIN', 'TABLE')) continue;
    const name = readName(statement, k + 1).name?.toLowerCase();
    const columns = name === undefined ? undefined : CREDENTIAL_TABLES.get(name);
    if (!columns) continue;
    // `SELECT *`, not `count(*)`.
    const star = statement.some((t, i) => t.type === 'punct' && t.value === '*' && statement[i - 1]?.value !== '(');
    if (isWord(statement[k], 'TABLE') || star || statement.some((t) => t.type === 'word' && columns.includes(t.value))) return name;
  }
  return undefined;
}

function startsStatement(statement: readonly Token[], k: number, at: number, prepare: boolean): boolean {
  if (k === at) return true;
  const prev = statement[k - 1];
  if (prev?.type === 'punct') return prev.value === '(' || prev.value === ')';
  if (prepare && isWord(prev, 'AS')) return true;
  return prev?.type === 'word' && OPENS_STATEMENT.has(prev.value);
}

/** Where the statement proper starts; undefined when it is only planned (`EXPLAIN` without ANALYZE). */
function afterExplain(tokens: readonly Token[]): number | undefined {
  if (!isWord(tokens[0], 'EXPLAIN', 'DESCRIBE', 'DESC')) return 0;
  let analyze = false;
  let at = 1;
  if (tokens[at]?.type === 'punct' && tokens[at]?.value === '(') {
    const close = matchingParen(tokens, at);
    for (let k = at + 1; k < close; k++) if (isWord(tokens[k], 'ANALYZE', 'ANALYSE')) analyze = true;
    at = close + 1;
  }
  while (isWord(tokens[at], 'ANALYZE', 'ANALYSE', 'VERBOSE', 'QUERY', 'PLAN', 'FORMAT', 'EXTENDED')) {
    if (isWord(tokens[at], 'ANALYZE', 'ANALYSE')) analyze = true;
    at++;
  }
  return analyze ? at : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: one pass, every character visited a bounded number of times.

function isWordStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\u007f';
}

function isWordPart(c: string): boolean {
  return isWordStart(c) || (c >= '0' && c <= '9') || c === '$';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

const MAX_DELIMITER = 16;

/** How far `[` is searched for its `]`; SQL Server and SQLite bracket names are short. */
const BRACKET_LOOKAHEAD = 128;

interface Lexed {
  readonly tokens: Token[];
  /** psql `\gexec` was seen: the query's output rows run as SQL. */
  readonly gexec: boolean;
}

function tokenize(sql: string, dialect: Dialect): Lexed {
  const tokens: Token[] = [];
  const n = sql.length;
  let gexec = false;
  // Open MySQL `/*! … */` comments whose content is being read as SQL.
  let runComments = 0;
  // The mysql client's `DELIMITER //` makes `//` end statements instead of `;`.
  let delimiter = ';';
  let i = 0;
  const separator = (at: number): void => { tokens.push({ type: 'punct', value: ';', start: at, end: at }); };
  while (i < n) {
    const c = sql[i] ?? '';
    if (isSpace(c)) { i++; continue; }
    const next = sql[i + 1] ?? '';

    if (dialect.mysql) {
      if (delimiter !== ';' && sql.startsWith(delimiter, i)) {
        separator(i);
        i += delimiter.length;
        continue;
      }
      const last = tokens[tokens.length - 1];
      if ((c === 'D' || c === 'd') && (!last || (last.type === 'punct' && last.value === ';')) &&
          sql.slice(i, i + 9).toUpperCase() === 'DELIMITER' && (sql[i + 9] === ' ' || sql[i + 9] === '\t')) {
        let j = i + 9;
        while (j < n && (sql[j] === ' ' || sql[j] === '\t')) j++;
        const from = j;
        while (j < n && j - from < MAX_DELIMITER && !isSpace(sql[j])) j++;
        if (j > from) delimiter = sql.slice(from, j);
        separator(i);
        while (j < n && sql[j] !== '\n') j++;
        i = j;
        continue;
      }
    }

    if (c === '\\') {
      if (dialect.mysql) {
        // mysql client commands; `\g` and `\G` send the statement as `;` does.
        if (next === 'g' || next === 'G') separator(i);
        i += 2;
        continue;
      }
      // psql `\\` ends the meta-commands on a line; what follows it is SQL again.
      if (next === '\\') { i += 2; continue; }
      // A psql meta-command (`\dt`, `\c db`, `\gexec`) and its arguments run to the end of the line.
      let j = i + 1;
      while (j < n && isWordPart(sql[j] ?? '')) j++;
      const name = sql.slice(i + 1, j);
      // `\g`, `\gx`, `\gexec` send the query buffer, ending the statement before them.
      if (name.startsWith('g')) separator(i);
      if (name === 'gexec') gexec = true;
      while (j < n && sql[j] !== '\n' && !(sql[j] === '\\' && sql[j + 1] === '\\')) j++;
      i = j < n && sql[j] === '\\' ? j + 2 : j;
      continue;
    }
    if (c === '-' && next === '-' && (!dialect.mysql || i + 2 >= n || isSpace(sql[i + 2]) || (sql[i + 2] ?? '') < ' ')) {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '#' && dialect.mysql) {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      if (dialect.mysql) {
        const bang = sql[i + 2] === '!' ? i + 3 : sql[i + 2] === 'M' && sql[i + 3] === '!' ? i + 4 : -1;
        if (bang >= 0) {
          // `/*!50001 DROP TABLE t */` is a comment to other servers but MySQL runs what it holds.
          i = bang;
          while (i < n && isDigit(sql[i] ?? '')) i++;
          runComments++;
          continue;
        }
        const close = sql.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      // Postgres nests block comments: `/* a /* b */ still a comment */`.
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') { level++; j += 2; }
        else if (sql[j] === '*' && sql[j + 1] === '/') { level--; j += 2; }
        else j++;
      }
      i = j;
      continue;
    }
    if (c === '*' && next === '/' && runComments > 0) {
      runComments--;
      i += 2;
      continue;
    }
    const ePrefix = c === 'E' || c === 'e';
    if (c === "'" || ((ePrefix || c === 'N' || c === 'n') && next === "'")) {
      const start = i;
      if (c !== "'") i++;
      // E'…' escapes with backslashes whatever the server settings.
      const { value, end } = readQuoted(sql, i, "'", dialect.backslash || ePrefix);
      tokens.push({ type: 'string', value, start, end });
      i = end;
      continue;
    }
    if (c === '"' || c === '`') {
      const { value, end } = readQuoted(sql, i, c, c === '"' && dialect.mysql && dialect.backslash);
      tokens.push({ type: 'ident', value, start: i, end });
      i = end;
      continue;
    }
    if (c === '[') {
      // SQL Server and SQLite bracketed names. Elsewhere `[` is a subscript, and psql does not let a
      // bracket hide a `;`, so a bracket spanning one (or a quote, or a line) is read as punctuation.
      let j = i + 1;
      const limit = Math.min(n, i + BRACKET_LOOKAHEAD);
      while (j < limit && sql[j] !== ']' && sql[j] !== '[' && sql[j] !== ';' && sql[j] !== "'" && sql[j] !== '"' && sql[j] !== '\n') j++;
      if (j < limit && sql[j] === ']') {
        tokens.push({ type: 'ident', value: sql.slice(i + 1, j), start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    if (c === '$') {
      if (!dialect.mysql) {
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
      }
      // `$1` parameters.
      let j = i + 1;
      while (j < n && isDigit(sql[j] ?? '')) j++;
      tokens.push({ type: 'word', value: sql.slice(i, j), start: i, end: j });
      i = j;
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
  return { tokens, gexec };
}

/** Reads a quoted run starting at `at` (the opening quote); a doubled quote is an escaped quote. */
function readQuoted(sql: string, at: number, quote: string, backslash: boolean): { value: string; end: number } {
  const parts: string[] = [];
  const n = sql.length;
  let from = at + 1;
  let i = at + 1;
  while (i < n) {
    const c = sql[i];
    if (backslash && c === '\\' && i + 1 < n) {
      parts.push(sql.slice(from, i), sql[i + 1] ?? '');
      i += 2;
      from = i;
      continue;
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        parts.push(sql.slice(from, i + 1));
        i += 2;
        from = i;
        continue;
      }
      parts.push(sql.slice(from, i));
      return { value: parts.join(''), end: i + 1 };
    }
    i++;
  }
  parts.push(sql.slice(from));
  return { value: parts.join(''), end: n };
}

function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'punct' && t.value === ';') {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length > 0) out.push(current);
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

// Words naming the kind of object a DROP removes (`MATERIALIZED VIEW`, `TEXT SEARCH CONFIGURATION`),
// skipped to reach its name.
const OBJECT_KIND_WORDS = new Set([
  'MATERIALIZED', 'VIEW', 'FOREIGN', 'DATA', 'WRAPPER', 'SERVER', 'TEXT', 'SEARCH', 'CONFIGURATION', 'PARSER',
  'TEMPLATE', 'EVENT', 'TRIGGER', 'USER', 'MAPPING', 'FOR', 'ACCESS', 'METHOD', 'OPERATOR', 'CLASS', 'FAMILY',
  'ROUTINE', 'PROCEDURE', 'FUNCTION', 'AGGREGATE', 'TYPE', 'DOMAIN', 'SEQUENCE', 'EXTENSION', 'INDEX', 'ROLE',
  'GROUP', 'PROCEDURAL', 'TRUSTED', 'LANGUAGE', 'POLICY', 'PUBLICATION', 'SUBSCRIPTION', 'RULE', 'STATISTICS',
  'TABLESPACE', 'TRANSFORM', 'CAST', 'COLLATION', 'CONVERSION', 'ROW', 'SETTINGS', 'PROFILE', 'QUOTA', 'NAMED',
  'COLLECTION', 'STREAM', 'TASK', 'STAGE', 'WAREHOUSE', 'LOGFILE', 'UNDO', 'RESOURCE', 'SPATIAL', 'REFERENCE',
  'SYSTEM', 'SYNONYM', 'PACKAGE', 'BODY', 'CONCURRENTLY',
]);

const DROPPABLE = new Set([...OBJECT_KIND_WORDS, 'DATABASE', 'KEYSPACE', 'SCHEMA', 'TABLE', 'TABLES', 'COLUMNFAMILY',
  'DICTIONARY', 'OWNED', 'TEMPORARY', 'TEMP']);

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
  if (what?.type !== 'word' && what?.type !== 'ident') return undefined;
  // `DROP OWNED BY role` drops every object the role owns, in every schema of the database.
  if (isWord(what, 'OWNED')) {
    return { kind: 'drop-object-cascade', ...named(readName(tokens, isWord(tokens[k + 1], 'BY') ? k + 2 : k + 1).name) };
  }
  // Views, functions, types, sequences, roles, extensions, indexes: code and data that other
  // objects rely on; with CASCADE every dependent object (tables' columns included) goes too.
  const cascade = hasTopLevel(tokens, k, 'CASCADE');
  for (let words = 0; words < 4 && tokens[k]?.type === 'word' && OBJECT_KIND_WORDS.has(tokens[k]?.value ?? ''); words++) k++;
  k = skipIfExists(tokens, k);
  return { kind: cascade ? 'drop-object-cascade' : 'drop-object', ...named(readName(tokens, k).name) };
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
    // `REFERENCES t ON DELETE CASCADE` is a foreign key's rule, not a mutation.
    if (isWord(tokens[j - 1], 'ON')) continue;
    // ClickHouse mutations: `ALTER TABLE t DELETE WHERE …`, `ALTER TABLE t UPDATE c = 0 WHERE …`.
    if (t.value === 'DELETE') return narrowed(tokens, j) ? undefined : { kind: 'delete-without-where', ...named(name) };
    if (t.value === 'UPDATE') return narrowed(tokens, j) ? undefined : { kind: 'update-without-where', ...named(name) };
  }
  return undefined;
}

/** Postgres `COPY t FROM PROGRAM 'cmd'` / `COPY (…) TO PROGRAM 'cmd'` runs `cmd` in a shell on the server. */
function classifyCopy(tokens: readonly Token[], at: number): Found | undefined {
  let depth = 0;
  for (let k = at; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && isWord(t, 'FROM', 'TO') && isWord(tokens[k + 1], 'PROGRAM')) {
      return { kind: 'copy-program', ...named(tokens[at]?.type === 'punct' ? undefined : readName(tokens, at).name) };
    }
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
 * True when the statement from `from` has a top-level WHERE (or a LIMIT of a batch) that really narrows it:
 * `WHERE 1=1`, `WHERE true`, `WHERE 1`, `WHERE id = 4 OR 1 = 1` do not.
 */
function narrowed(tokens: readonly Token[], from: number): boolean {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.type === 'punct' && t.value === '(') depth++;
    else if (t?.type === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t?.type === 'word') {
      // `LIMIT 1000`, `TOP 10` narrow a statement; `LIMIT 1000000` (more than a batch) does not.
      if (t.value === 'LIMIT' || t.value === 'TOP') {
        const count = tokens[k + 1]?.value.replace(/[()]/g, '') ?? '';
        return !/^\d+$/.test(count) || Number(count) <= 10_000;
      }
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

/**
 * `WHERE id > 0`, `id >= 1`, `id <> 0`, `id IS NOT NULL`: the idiom that gets a delete of every row
 * past MySQL's safe-update mode, since a primary key named `id` is positive and never null.
 */
function everyId(part: readonly Token[]): boolean {
  // `t.id` reads as `id`.
  const p = part.length >= 3 && part[1]?.type === 'punct' && part[1].value === '.' ? part.slice(2) : part;
  const [left, op, right] = p;
  if (!left || (left.type !== 'word' && left.type !== 'ident') || left.value.toUpperCase() !== 'ID') return false;
  if (p.length === 4) return isWord(op, 'IS') && isWord(right, 'NOT') && isWord(p[3], 'NULL');
  if (p.length !== 3 || op?.type !== 'punct' || right?.type !== 'number') return false;
  const n = Number(right.value);
  return (op.value === '>' && n <= 0) || (op.value === '>=' && n <= 1) || ((op.value === '<>' || op.value === '!=') && n === 0);
}

function constantTrue(part: readonly Token[]): boolean {
  if (everyId(part)) return true;
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
