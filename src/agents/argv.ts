// A command some agents run without a shell, as a program and its arguments (Kiro's use_aws, the
// Cline CLI's and Auggie's argv commands), written as the shell line that would run the same: so
// the engine, which reads shell lines, judges it.

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function argvLine(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
