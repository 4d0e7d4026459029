// A conservative tokenizer for lines tree-sitter cannot read (unterminated quotes, huge lines): it
// splits on unquoted operators and whitespace so the rules still see every program and argument.
// It never decides "safe" by itself; the classifier flags an unreadable line that looks dangerous.

export interface RawWord {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = new Set([';', '&', '|', '(', ')', '\n', '`', '{', '}']);
const OPERATOR_CODES = new Set([...OPERATORS].map((op) => op.charCodeAt(0)));

export interface RawCommand {
  readonly words: readonly RawWord[];
  /** The command's stdout feeds the next one (`a | b`). */
  readonly pipesToNext: boolean;
}

/** What `\s` matches, by code: the tokenizer's word breaks. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Neither a break, a quote, an escape, `$` (which may open `$(`) nor an operator. */
function isOrdinary(code: number): boolean {
  return code !== 92 && code !== 39 && code !== 34 && code !== 36 && !OPERATOR_CODES.has(code) && !isSpace(code);
}

export function roughCommands(text: string): RawCommand[] {
  const commands: RawCommand[] = [];
  let words: RawWord[] = [];
  let value = '';
  let start = -1;
  const endWord = (end: number): void => {
    if (start >= 0) words.push({ value, start, end });
    value = '';
    start = -1;
  };
  const endCommand = (end: number, pipesToNext = false): void => {
    endWord(end);
    if (words.length > 0) commands.push({ words, pipesToNext });
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) {
      if (start < 0) start = i;
      value += text[++i] ?? '';
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (start < 0) start = i;
      let j = i + 1;
      while (j < text.length && text[j] !== ch) {
        if (ch === '"' && text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j] ?? '';
        j++;
      }
      i = j; // an unterminated quote takes the rest of the line as one word
      continue;
    }
    if (ch === '$' && text[i + 1] === '(') { endCommand(i); i++; continue; }
    if (ch === '|' && text[i + 1] === '|') { endCommand(i); i++; continue; }
    if (ch === '|') { endCommand(i, true); if (text[i + 1] === '&') i++; continue; }
    if (OPERATORS.has(ch)) { endCommand(i); continue; }
    if (isSpace(text.charCodeAt(i))) { endWord(i); continue; }
    if (start < 0) start = i;
    // A run of ordinary characters is taken at once: most lines are mostly plain words.
    let j = i + 1;
    while (j < text.length && isOrdinary(text.charCodeAt(j))) j++;
    value += text.slice(i, j);
    i = j - 1;
  }
  endCommand(text.length);
  return commands;
}
