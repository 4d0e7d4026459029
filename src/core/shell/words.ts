// Turns a tree-sitter word node into its value the way bash would before running the command:
// quotes removed, escapes applied, variables assigned earlier in the same line substituted, and
// `$(echo rm)`-style substitutions whose output the line itself shows evaluated.
import type { SyntaxNode } from './parser';
import { arrayElements, isComputed, isLineVariable, isUnknown, joiner, namedVariables } from './variables';

export interface WordValue {
  value: string;
  dynamic: boolean;
  /** Part of the value is computed by the line at run time: a substitution's output, a variable from `read c` or `c=$(cat f)`. */
  computed?: boolean;
}

export interface WordScope {
  /** Variables assigned earlier in the line (`x=rm; $x -rf ~`). */
  readonly vars: ReadonlyMap<string, string>;
  /** The line has set variables by names only running tells (`export $(cat f)`): one it does not show is its own. */
  readonly anyVariable?: boolean;
  /** Static output of a `$(…)` whose inner commands are all shown (`$(echo rm)`), if any. */
  substitution(node: SyntaxNode): string | undefined;
}

export function wordValue(node: SyntaxNode, scope: WordScope): WordValue {
  const acc = { value: '', dynamic: false };
  append(node, scope, acc, false);
  return acc;
}

function append(node: SyntaxNode, scope: WordScope, acc: WordValue, inDoubleQuotes: boolean): void {
  switch (node.type) {
    case 'word':
    case 'number':
    case 'string_content':
      acc.value += unescape(node.text, inDoubleQuotes);
      return;
    case 'raw_string':
      acc.value += node.text.slice(1, -1);
      return;
    case 'ansi_c_string':
      acc.value += decodeAnsiC(node.text.slice(2, -1));
      return;
    case 'string':
    case 'translated_string':
    case 'heredoc_body':
      appendChildren(node, scope, acc, true);
      return;
    case 'heredoc_content':
      acc.value += unescape(node.text, true);
      return;
    case 'concatenation':
      appendChildren(node, scope, acc, inDoubleQuotes);
      return;
    case 'simple_expansion':
    case 'expansion': {
      // (Each read of a node's text is a call into the parser: it is read once.)
      const text = node.text;
      const known = expansionValue(text, scope.vars);
      if (known !== undefined) acc.value += known.value;
      else acc.value += text;
      if (known === undefined || known.unknown) acc.dynamic = true;
      // Unread, or computed: a variable the line decides makes the value the line's own at run time.
      // (A line that sets no variable has none of its own: the common case skips the search.)
      if (scope.vars.size > 0 && (known?.unknown ? namedVariables(text).some((name) => isComputed(scope.vars, name))
        : known === undefined && namedVariables(text).some((name) => isLineVariable(scope.vars, name)))) acc.computed = true;
      // `${x:-$(cat f)}`: a substitution in an operator's word is the line's own at run time.
      if (known === undefined && (scope.anyVariable || /\$\(|`/.test(text))) acc.computed = true;
      return;
    }
    case 'command_substitution': {
      const output = scope.substitution(node);
      if (output !== undefined) acc.value += output;
      else { acc.value += node.text; acc.dynamic = true; acc.computed = true; }
      return;
    }
    case 'process_substitution':
      acc.value += node.text;
      acc.dynamic = true;
      acc.computed = true;
      return;
    case 'arithmetic_expansion':
      // A number only running tells (`kill -9 $((0-1))`).
      acc.value += node.text;
      acc.dynamic = true;
      acc.computed = true;
      return;
    default:
      acc.value += node.text;
  }
}

/** Appends the children of a string or concatenation, keeping the literal text between them. */
function appendChildren(node: SyntaxNode, scope: WordScope, acc: WordValue, inDoubleQuotes: boolean): void {
  const text = node.text;
  const base = node.startIndex;
  let at = node.type === 'string' || node.type === 'translated_string' ? base + (node.type === 'string' ? 1 : 2) : base;
  const end = node.type === 'string' || node.type === 'translated_string' ? node.endIndex - 1 : node.endIndex;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.startIndex > at) acc.value += unescape(text.slice(at - base, child.startIndex - base), inDoubleQuotes);
    append(child, scope, acc, inDoubleQuotes);
    at = child.endIndex;
  }
  if (end > at) acc.value += unescape(text.slice(at - base, end - base), inDoubleQuotes);
}

/**
 * `$x`, `${x}`, `${cmd[2]}`, `${cmd[*]}`, a script's or function's `$1`, `$@`: the value the line
 * gave it (`unknown` when the line set it from what only running tells); `${x:-y}` and its kin
 * through `defaultValue`. Other operators (`${#x}`, `${x#y}`) are left dynamic.
 */
export function expansionValue(text: string, vars: ReadonlyMap<string, string>): { value: string; unknown: boolean } | undefined {
  const match = /^\$(?:([A-Za-z_][A-Za-z0-9_]*|[0-9@*#])|\{(?:([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#])|([A-Za-z_][A-Za-z0-9_]*)\[([0-9]+|[@*])\])\})$/.exec(text);
  if (!match) return defaultValue(text, vars) ?? trimmedPath(text, vars);
  const array = match[3];
  if (array !== undefined) {
    const elements = arrayElements(vars, array);
    const index = match[4] ?? '';
    const value = elements === undefined ? undefined : /^[@*]$/.test(index) ? elements.join(index === '*' ? joiner(vars) : ' ') : elements[Number(index)];
    return value === undefined ? undefined : { value, unknown: false };
  }
  const name = match[1] ?? match[2] ?? '';
  if (name === '*') {
    const all = arrayElements(vars, '*');
    return all && { value: all.join(joiner(vars)), unknown: false };
  }
  const value = vars.get(name);
  return value === undefined ? undefined : { value, unknown: isUnknown(vars, name) };
}

/**
 * `${x:-word}`, `${1-word}` (and `:=`, `:+`) on a variable whose state the line shows, with a
 * literal word: a script's `bin="${1:-node}"` called without arguments runs node.
 */
function defaultValue(text: string, vars: ReadonlyMap<string, string>): { value: string; unknown: boolean } | undefined {
  const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[1-9][0-9]*)(:?)([-=+])([^$`"'\\{}]*)\}$/.exec(text);
  if (!match) return undefined;
  const [, name = '', colon, operator, word = ''] = match;
  const positional = /^[0-9]/.test(name);
  // A positional is unset once `$#` is known; another variable only when the line set it. Else the
  // default is what the line shows it may be (`${ACTION:-uninstall}`), and still only known at run time.
  // A variable the line set to what it cannot tell gets no default read.
  if (isUnknown(vars, positional ? '#' : name)) return undefined;
  if (!vars.has(positional ? '#' : name)) return operator !== '+' && word !== '' ? { value: word, unknown: true } : undefined;
  const value = vars.get(name);
  const set = value !== undefined && (colon === '' || value !== '');
  if (operator === '+') return { value: set ? word : '', unknown: false };
  return { value: set ? value : word, unknown: false };
}

// `${BASH_SOURCE%/*}` and `${0##*/}`: a known path cut at a slash, the folder and file idioms
// scripts find their neighbours by. Other patterns are left unknown.
function trimmedPath(text: string, vars: ReadonlyMap<string, string>): { value: string; unknown: boolean } | undefined {
  const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9])(?:\[0\])?(%%?|##?)(\/\*|\*\/)\}$/.exec(text);
  if (!match) return undefined;
  const [, name = '', operator, pattern] = match;
  const value = vars.get(name);
  if (value === undefined || isUnknown(vars, name)) return undefined;
  if ((operator?.startsWith('%') && pattern !== '/*') || (operator?.startsWith('#') && pattern !== '*/')) return undefined;
  const at = operator === '%' || operator === '##' ? value.lastIndexOf('/') : value.indexOf('/');
  if (at < 0) return { value, unknown: false };
  return { value: operator?.startsWith('%') ? value.slice(0, at) : value.slice(at + 1), unknown: false };
}

/** Backslash removal: outside quotes every `\x` is `x`; inside double quotes only `\$ \` \" \\`. */
export function unescape(text: string, inDoubleQuotes: boolean): string {
  if (!text.includes('\\')) return text;
  return inDoubleQuotes
    ? text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c))
    : text.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function decodeAnsiC(body: string): string {
  return body.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|c.|.)/g, (_m, esc: string) => {
    const head = esc[0] ?? '';
    if (head === 'x' || head === 'u' || head === 'U') {
      const code = parseInt(esc.slice(1), 16);
      // Past the last code point bash prints the escape as written; it never names a program.
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    if (/[0-7]/.test(head)) return String.fromCharCode(parseInt(esc, 8));
    if (head === 'c') return String.fromCharCode((esc.charCodeAt(1) || 64) & 31);
    return SIMPLE_ESCAPES[esc] ?? '\\' + esc;
  });
}
