// Plain lines — words, quotes without expansions, and the operators ; && || | & — tokenize the
// same way in bash and in the rough tokenizer, so they skip tree-sitter entirely. That keeps
// the common agent command (`git status`, `npm test`, `kubectl get pods -n prod`) fast and lets
// the CLI answer it without loading the parser. Anything else goes to tree-sitter.

/** Characters with a meaning to bash beyond splitting words and commands, outside quotes. */
const SPECIAL_UNQUOTED = codeTable('$`\\<>(){}#![]*?~');
/** Words that open or close compound commands (`if …; then rm …; fi`): the rough tokenizer would take them for programs. */
const RESERVED = /(?:^|[\s;&|])(?:if|then|else|elif|fi|do|done|while|until|for|in|case|esac|select|coproc|function|time)(?=$|[\s;&|])/;
/** Inside double quotes only these expand or escape. */
const SPECIAL_IN_DOUBLE = codeTable('$`\\!');
const SINGLE = 39;
const DOUBLE = 34;

/** The characters, by code, as a table: every line is read a character at a time, and all of them are ASCII. */
function codeTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

export function isPlainLine(text: string): boolean {
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === SINGLE) { if (c === SINGLE) quote = 0; continue; }
    if (quote === DOUBLE) {
      if (c === DOUBLE) quote = 0;
      else if (c < 128 && SPECIAL_IN_DOUBLE[c] === 1) return false;
      continue;
    }
    if (c === SINGLE || c === DOUBLE) { quote = c; continue; }
    if (c < 128 && SPECIAL_UNQUOTED[c] === 1) return false;
  }
  return quote === 0 && !RESERVED.test(text);
}
