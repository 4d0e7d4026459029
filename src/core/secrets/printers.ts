// Programs that print (or encode, or page) the files they are given: reading a secret file through
// one of them puts its values in the agent's context. Shared by the secrets rules and the hook's
// check of files that hold a credential by their content.
import type { SimpleCommand } from '../shell/command';
import { roughCommands } from '../shell/fallback';

export const FILE_PRINTERS: readonly string[] = [
  'cat', 'tac', 'less', 'more', 'most', 'head', 'tail', 'bat', 'batcat', 'nl', 'strings', 'xxd', 'od', 'hexdump',
  'hd', 'base64', 'base32', 'jq', 'yq', 'awk', 'gawk', 'mawk', 'sed', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack',
  'openssl', 'cut', 'sort', 'uniq', 'column', 'paste', 'fold', 'rev', 'diff', 'get-content',
  // Formatters, pagers, converters and viewers that print or encode what they read.
  'expand', 'unexpand', 'pr', 'fmt', 'iconv', 'comm', 'sdiff', 'zcat', 'zless', 'zmore', 'gzcat', 'bzcat', 'xzcat',
  'zstdcat', 'uuencode', 'basenc', 'gron', 'dasel', 'jless', 'fx', 'glow', 'pygmentize', 'highlight', 'ccat', 'hexyl',
  'gc', 'dd', 'perl', 'ruby',
  // Lookups, joins and byte comparisons print the lines (or bytes) they read; split copies them out under new names.
  'look', 'join', 'cmp', 'split', 'csplit', 'view',
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

/** Programs that pass what they read on to the terminal, changed or not (`env | sort`, `echo $T | base64`). */
const PASS_THROUGH = new Set(['cat', 'tee', 'base64', 'base32', 'basenc', 'xxd', 'od', 'hexdump', 'rev', 'tr', 'sed', 'awk', 'gawk', 'mawk', 'sort', 'uniq', 'head', 'tail',
  'less', 'more', 'most', 'fold', 'fmt', 'nl', 'column', 'jq', 'yq', 'gzip', 'bzip2', 'xz', 'zstd', 'lz4', 'iconv', 'paste', 'tac', 'strings', 'cut', 'bat', 'batcat',
  'pr', 'expand', 'unexpand', 'envsubst', 'openssl', 'python', 'python3', 'node', 'perl', 'ruby', 'xargs', 'tr', 'dd']);

/**
 * Whether what the command prints reaches the agent or leaves the machine: it is not piped, or
 * piped through a program that passes it on or sends it. `| grep NODE` narrows it (the grep rules judge that), `| docker login
 * --password-stdin` consumes it, and `| cut -d= -f1` or `| awk -F= '{print $1}'` keeps only names.
 */
export function printedThrough(c: Pick<SimpleCommand, 'pipedOut' | 'pipedInto'>): boolean {
  if (!c.pipedOut) return true;
  const next = (c.pipedInto ?? '').trim();
  const program = (next.split(/\s+/)[0] ?? '').replace(/^.*\//, '');
  if (/^(?:cut\s.*-f\s*1\b(?!\s*[-,])|awk\s.*\{\s*print\s+\$1\s*\})/.test(next)) return false;
  return PASS_THROUGH.has(program) || SENDERS.has(program);
}

/** Programs that send what they read off the machine (`env | curl -d @- https://…`, `printenv | nc host 80`). */
const SENDERS = new Set(['curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'telnet', 'http', 'https', 'xh', 'xhs', 'mail', 'sendmail', 'mutt']);
