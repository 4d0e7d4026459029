// `go run purge.go`, `go run ./cmd/reset`: the Go code is read for what it runs and deletes.
// Commands it starts (`exec.Command("dropdb", "-h", host, "app")`), trees and files it removes
// (`os.RemoveAll(os.Getenv("HOME"))`) and SQL it sends (`db.Exec("DROP TABLE users")`) become the
// commands they amount to; an argument the code computes is a value only running tells.
import type { SimpleCommand } from '../shell/command';
import { joinPath } from './files';
import type { Followed, LineFiles } from './followed';

const MAX_GO_FILES = 16;
const MAX_CALLS = 64;

/** A Go expression as a shell word: a string literal's text, anything else a value only running tells. */
function goWord(expression: string): string {
  const literal = /^\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)\s*$/.exec(expression);
  return literal ? (literal[1] ?? literal[2] ?? '').replace(/\\(.)/g, '$1') : '$GO_VALUE';
}

/** The arguments of a call, split at the top level's commas. */
function callArguments(code: string, open: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | undefined;
  for (let i = open + 1; i < code.length && i < open + 4000; i++) {
    const c = code[i];
    if (quote) { if (c === '\\' && quote === '"') i++; else if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) { out.push(code.slice(start, i)); start = i + 1; }
    else if (c === ')' && depth === 0) { out.push(code.slice(start, i)); return out.filter((a) => a.trim() !== ''); }
  }
  return [];
}

/** What one Go source file starts, removes and sends. */
export function goCommands(code: string): string[][] {
  const out: string[][] = [];
  for (const m of code.matchAll(/\bexec\.Command(?:Context)?\s*\(|\bos\.(RemoveAll|Remove)\s*\(|\.(?:Exec|ExecContext|Query|QueryContext|MustExec)\s*\(/g)) {
    if (out.length >= MAX_CALLS) break;
    const args = callArguments(code, (m.index ?? 0) + m[0].length - 1);
    if (m[0].startsWith('exec.')) {
      const words = args.slice(m[0].includes('Context') ? 1 : 0).map(goWord);
      if (words.length > 0) out.push(words);
    } else if (m[1] !== undefined) {
      out.push(['rm', m[1] === 'RemoveAll' ? '-rf' : '-f', goWord(args[0] ?? '')]);
    } else {
      // A database call's SQL: the first string argument (after a context).
      const sql = args.map(goWord).find((w) => w !== '$GO_VALUE');
      if (sql !== undefined) out.push(['psql', '-c', sql]);
    }
  }
  return out;
}

/** `go run FILE.go…` or `go run ./pkg`: each file's commands, as if the line ran them. */
export function followGoRun(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  if (words[1] !== 'run') return [];
  const targets = words.slice(2).filter((w) => !w.startsWith('-'));
  const first = targets[0];
  if (first === undefined) return [];
  const runner = words.join(' ');
  const paths = first.endsWith('.go') ? targets.filter((t) => t.endsWith('.go')).map((t) => files.path(dir, t))
    : (files.list(files.path(dir, first)) ?? []).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).map((n) => joinPath(files.path(dir, first), n));
  const out: Followed[] = [];
  for (const path of paths.slice(0, MAX_GO_FILES)) {
    const text = files.text(path, out);
    if (text === undefined) continue;
    for (const argv of goCommands(text)) out.push({ kind: 'argv', words: argv, source: { runner, file: files.shown(path) } });
  }
  return out;
}
