// The keyword prefilter: a line that names no guarded program and hides no program name behind an
// expansion cannot match any rule, so it is allowed without parsing. The keywords come from the
// rule data itself, which is what makes skipping the parser safe.

export interface Prefilter {
  /** True when the line might match a rule and must be parsed. */
  mightMatch(line: string): boolean;
}

/** Ways a program name can be hidden from a plain reading of the text. */
const HIDDEN_NAME = [
  /\$'/, // ANSI-C quoting: $'\x72m'
  /`/, // backticks
  /\$\(/, // command substitution
  /(?:^|[;&|({!\n]|\b(?:then|do|else)\b)\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*["']?\$/, // $var in program position
];

export function createPrefilter(programs: Iterable<string>): Prefilter {
  const names = [...new Set([...programs].map((p) => p.toLowerCase()))].sort((a, b) => b.length - a.length);
  const keyword = new RegExp(`(?:^|[^a-z0-9_.-])(?:${names.map(escape).join('|')})(?![a-z0-9_-])`, 'i');
  return {
    mightMatch(line) {
      if (HIDDEN_NAME.some((re) => re.test(line))) return true;
      // Quotes and backslashes inside a word do not stop bash from running it: r''m, \rm, "rm".
      return keyword.test(line.replace(/['"\\]/g, ''));
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
