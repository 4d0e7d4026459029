// Reads a GraphQL request body and names the top-level mutation fields whose name says they
// destroy something (Railway `volumeDelete`, GitHub `deleteRepository`, `resetDatabase`…).
// Queries, subscriptions and creating mutations (`volumeCreate`) yield nothing. One linear pass.

const DESTRUCTIVE_WORDS = new Set(['delete', 'destroy', 'drop', 'remove', 'purge', 'reset', 'wipe', 'truncate', 'erase']);
// `resetPassword`, `removeToken`-style account chores that lose no data.
const BENIGN_WORDS = new Set(['password', 'passwords', 'otp', 'mfa', 'totp']);

/** True when a field name reads as destroying something: `volumeDelete`, `delete_users`, `dropTable`. */
function isDestructiveFieldName(name: string): boolean {
  const words = splitWords(name);
  return words.some((w) => DESTRUCTIVE_WORDS.has(w)) && !words.some((w) => BENIGN_WORDS.has(w));
}

function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] ?? '';
    const lowerToUpper = c >= 'A' && c <= 'Z' && current.length > 0 && !/[A-Z]/.test(current[current.length - 1] ?? '');
    // `HTTPDelete`: the last capital of an acronym starts the next word.
    const acronymEnd = c >= 'a' && c <= 'z' && current.length > 1 && /[A-Z]/.test(current[current.length - 1] ?? '') &&
      /[A-Z]/.test(current[current.length - 2] ?? '');
    if (c === '_' || c === '-' || (c >= '0' && c <= '9')) {
      if (current) words.push(current.toLowerCase());
      current = '';
      continue;
    }
    if (lowerToUpper) {
      words.push(current.toLowerCase());
      current = c;
      continue;
    }
    if (acronymEnd) {
      words.push(current.slice(0, -1).toLowerCase());
      current = (current[current.length - 1] ?? '') + c;
      continue;
    }
    current += c;
  }
  if (current) words.push(current.toLowerCase());
  return words;
}

type TokenKind = 'name' | 'punct';

interface Token {
  readonly kind: TokenKind;
  readonly value: string;
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isNamePart(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}

function tokenize(doc: string): Token[] {
  const tokens: Token[] = [];
  const n = doc.length;
  let i = 0;
  while (i < n) {
    const c = doc[i] ?? '';
    if (c === '#') {
      while (i < n && doc[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      if (doc.startsWith('"""', i)) {
        const close = doc.indexOf('"""', i + 3);
        i = close < 0 ? n : close + 3;
        continue;
      }
      i++;
      while (i < n && doc[i] !== '"' && doc[i] !== '\n') i += doc[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNamePart(doc[j] ?? '')) j++;
      tokens.push({ kind: 'name', value: doc.slice(i, j) });
      i = j;
      continue;
    }
    if (c === '{' || c === '}' || c === '(' || c === ')' || c === ':' || c === '@' || c === '$' || c === '.') {
      tokens.push({ kind: 'punct', value: c });
    }
    i++;
  }
  return tokens;
}

/** Top-level fields of every mutation operation in a GraphQL document. */
function mutationFields(doc: string): string[] {
  const tokens = tokenize(doc);
  const fields: string[] = [];
  let depth = 0;
  let parens = 0;
  let pendingMutation = false;
  let inMutation = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.kind === 'punct') {
      if (t.value === '(') parens++;
      else if (t.value === ')') parens = Math.max(0, parens - 1);
      else if (t.value === '{' && parens === 0) {
        if (depth === 0) { inMutation = pendingMutation; pendingMutation = false; }
        depth++;
      } else if (t.value === '}' && parens === 0) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) inMutation = false;
      }
      continue;
    }
    if (depth === 0 && parens === 0) {
      if (t.value === 'mutation') pendingMutation = true;
      else if (t.value === 'query' || t.value === 'subscription' || t.value === 'fragment') pendingMutation = false;
      continue;
    }
    if (!inMutation || depth !== 1 || parens !== 0) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    // Skip directive names (`@include`), fragment spreads (`...Name`, `... on Type`) and aliases (`alias: field`).
    if (prev?.kind === 'punct' && (prev.value === '@' || prev.value === '$' || prev.value === '.')) continue;
    if (prev?.kind === 'name' && prev.value === 'on' && tokens[k - 2]?.value === '.') continue;
    if (next?.kind === 'punct' && next.value === ':') continue;
    fields.push(t.value);
  }
  return fields;
}

/** The destructive mutation fields in a GraphQL document. */
export function destructiveMutations(doc: string): string[] {
  return mutationFields(doc).filter(isDestructiveFieldName);
}

/**
 * The destructive mutation fields in an HTTP request body: JSON (`{"query": "mutation {…}"}`, or a
 * batch array), a form (`query=mutation…`), or GraphQL text; bodies that cannot be parsed are
 * scanned from their first `mutation` keyword.
 */
export function destructiveMutationsInBody(body: string): string[] {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const queries = jsonQueries(trimmed);
    if (queries) return queries.flatMap(destructiveMutations);
  }
  const form = formQuery(trimmed);
  if (form !== undefined) return destructiveMutations(form);
  // Not parseable (shell variables spliced in, truncated JSON): unescape JSON string escapes and
  // read from the first `mutation` keyword so the JSON braces around it do not count.
  const text = trimmed.replace(/\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\"/g, '"');
  const at = text.search(/\bmutation\b/);
  return at < 0 ? [] : destructiveMutations(text.slice(at));
}

function jsonQueries(text: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: string[] = [];
  for (const item of items) {
    if (item && typeof item === 'object' && 'query' in item) {
      const query = (item as { query?: unknown }).query;
      if (typeof query === 'string') out.push(query);
    }
  }
  return out;
}

function formQuery(text: string): string | undefined {
  if (!text.startsWith('query=') && !text.includes('&query=')) return undefined;
  for (const part of text.split('&')) {
    if (!part.startsWith('query=')) continue;
    const raw = part.slice('query='.length);
    try {
      return decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      return raw;
    }
  }
  return undefined;
}
