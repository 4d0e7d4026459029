// Plain lines — words, quotes without expansions, and the operators ; && || | & — tokenize the
// same way in bash and in the rough tokenizer, so they skip tree-sitter entirely. That keeps
// the common agent command (`git status`, `npm test`, `kubectl get pods -n prod`) fast and lets
// the CLI answer it without loading the parser. Anything else goes to tree-sitter.

/** Characters with a meaning to bash beyond splitting words and commands, outside quotes. */
const SPECIAL_UNQUOTED = new Set(['$', '`', '\\', '<', '>', '(', ')', '{', '}', '#', '!', '[', ']', '*', '?', '~']);
/** Words that open or close compound commands (`if …; then rm …; fi`): the rough tokenizer would take them for programs. */
const RESERVED = /(?:^|[\s;&|])(?:if|then|else|elif|fi|do|done|while|until|for|in|case|esac|select|coproc|function|time)(?=$|[\s;&|])/;
/** Inside double quotes only these expand or escape. */
const SPECIAL_IN_DOUBLE = new Set(['$', '`', '\\', '!']);

export function isPlainLine(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === "'") { if (ch === "'") quote = undefined; continue; }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (SPECIAL_IN_DOUBLE.has(ch)) return false;
      continue;
    }
    if (ch === "'" || ch === '"') { quote = ch; continue; }
    if (SPECIAL_UNQUOTED.has(ch)) return false;
  }
  return quote === undefined && !RESERVED.test(text);
}
