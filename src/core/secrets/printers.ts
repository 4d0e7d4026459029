// Programs that print (or encode, or page) the files they are given: reading a secret file through
// one of them puts its values in the agent's context. Shared by the secrets rules and the hook's
// check of files that hold a credential by their content.
import { roughCommands } from '../shell/fallback';

export const FILE_PRINTERS: readonly string[] = [
  'cat', 'tac', 'less', 'more', 'most', 'head', 'tail', 'bat', 'batcat', 'nl', 'strings', 'xxd', 'od', 'hexdump',
  'hd', 'base64', 'base32', 'jq', 'yq', 'awk', 'gawk', 'mawk', 'sed', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack',
  'openssl', 'cut', 'sort', 'uniq', 'column', 'paste', 'fold', 'rev', 'diff', 'get-content',
  // Formatters, pagers, converters and viewers that print or encode what they read.
  'expand', 'unexpand', 'pr', 'fmt', 'iconv', 'comm', 'sdiff', 'zcat', 'zless', 'zmore', 'gzcat', 'bzcat', 'xzcat',
  'zstdcat', 'uuencode', 'basenc', 'gron', 'dasel', 'jless', 'fx', 'glow', 'pygmentize', 'highlight', 'ccat', 'hexyl',
  'gc', 'dd', 'perl', 'ruby',
];

const PRINTERS: ReadonlySet<string> = new Set(FILE_PRINTERS);

/**
 * Operands of the printing commands on a line, read with the rough tokenizer (cheap enough for
 * the hook's fast path): `cat notes.md | head` → notes.md. Options and their values are skipped
 * only by their leading dash, so a few extra words may be offered; the caller checks each is a file.
 */
export function printedOperands(line: string): string[] {
  const out: string[] = [];
  for (const command of roughCommands(line)) {
    let words = command.words.map((w) => w.value);
    // `sudo cat x`, `command cat x`: the printer after a plain wrapper.
    while (words.length > 1 && /^(?:sudo|command|nice|nohup|time|exec)$/.test(words[0] ?? '')) words = words.slice(1);
    const program = (words[0] ?? '').split('/').pop()?.toLowerCase() ?? '';
    if (!PRINTERS.has(program)) continue;
    for (const word of words.slice(1)) if (word !== '' && !word.startsWith('-') && !word.includes('$')) out.push(word);
  }
  return out;
}
