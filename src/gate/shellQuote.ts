// Words written for sh to read back unchanged. Apart from the shims' generator, so the observer
// (loaded at activation) quotes a line without loading the gate's filters.

/** Single-quoted for sh. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An argv as a line the shell reads back as the same words (quoting only where needed). */
export function shellLine(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : shQuote(arg))).join(' ');
}
