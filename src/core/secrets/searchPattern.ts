// Whether a search finds its pattern in a file's text, as the grep family and the agents' search
// tools would: what decides whether a search of a folder prints a secret file's lines.

/**
 * Syntax JavaScript does not read as these tools do (POSIX classes, `\x{…}`, inline flags) and
 * nested quantifiers, which could make a regular expression run for ever on a crafted file.
 */
const UNREADABLE = /\[\[:|\\[xpP]\{|\(\?[a-zA-Z]|\)[*+?{]|[*+}]\)?[*+{]|\{,|\\[^.*+?()[\]{}|^$\\/dDwWsSbBnrtf-]/;
/** grep's basic syntax, where `\|`, `\(`, `\{`, `\+` and `\?` are operators and `{` is not. */
const BASIC_OPERATORS = /\\[|(){}+?]|\{/;

export interface SearchSyntax {
  readonly ignoreCase?: boolean;
  /** `grep -F`: the pattern is text. */
  readonly fixed?: boolean;
  /** grep without -E, -P or -F. */
  readonly basic?: boolean;
}

/** True when the pattern finds a match in the text, or when that cannot be told here (fail closed). */
export function findsIn(text: string, pattern: string, syntax: SearchSyntax = {}): boolean {
  // grep reads each line of a pattern as a pattern of its own.
  if (pattern.includes('\n')) return pattern.split('\n').some((p) => findsIn(text, p, syntax));
  if (syntax.fixed) return syntax.ignoreCase ? text.toLowerCase().includes(pattern.toLowerCase()) : text.includes(pattern);
  if (UNREADABLE.test(pattern) || (syntax.basic && BASIC_OPERATORS.test(pattern))) return true;
  try {
    return new RegExp(pattern, syntax.ignoreCase ? 'ims' : 'ms').test(text);
  } catch {
    return true;
  }
}
