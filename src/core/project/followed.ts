// What following a line into the project finds: the text a task, script or input file runs, with
// the file it came from, for the expander to read as if it had been typed.
import type { Language } from '../shell/interpreters';
import { MAX_PROJECT_FILE, joinPath, shownPath, type FileRead, type ProjectFiles } from './files';

/** Where followed text comes from, for the finding to name ("`npm run db:reset` runs … (package.json:6)"). */
export interface Source {
  /** The command that led into the file, as written (`npm run db:reset`). */
  readonly runner: string;
  /** The file, relative to the line's working folder when inside it. */
  readonly file: string;
  /** The file's text and where the followed text starts in it, to count lines; absent when lines mean nothing (JSON values). */
  readonly text?: string;
  readonly offset?: number;
  /** A fixed line (a JSON key's), when the followed text is not the file's own. */
  readonly line?: number;
  /** What in the file was followed (a script's name), when lines cannot tell (one-line JSON). */
  readonly key?: string;
}

export type Followed =
  /** Shell text, run from `dir` (absolute). */
  | { readonly kind: 'script'; readonly text: string; readonly dir: string; readonly source: Source; readonly args?: readonly string[];
    /** The script's own file, absolute: what `$0` and `BASH_SOURCE` hold in it (`. "$(dirname "$0")/lib.sh"`). */
    readonly path?: string }
  /** An interpreter's source file. */
  | { readonly kind: 'code'; readonly language: Language; readonly code: string; readonly source: Source }
  /** A command a file describes (`kubectl delete Namespace shop`), or the command itself fed a file on stdin. */
  | { readonly kind: 'argv'; readonly words: readonly string[]; readonly stdin?: string; readonly source: Source }
  /** A definition that exists but could not be read: asked about, never taken as harmless. */
  | { readonly kind: 'unread'; readonly detail: string };

export interface FollowContext {
  readonly files: ProjectFiles;
  /** The line's working folder, absolute. */
  readonly cwd: string;
  readonly home?: string;
}

/** Files read for one line at most (and lookups, found or not), and bytes: a line that leads further is reported, not followed on. */
const MAX_READS = 96;
const MAX_LOOKUPS = 2000;
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The files of one line, read once each, within the bounds above. Files the line itself writes
 * first (`cat > x.sh <<EOF … EOF && bash x.sh`) are read from what it writes.
 */
export class LineFiles {
  private readonly cache = new Map<string, FileRead>();
  /** Files the line writes before reading them: the text it shows, or undefined when it does not show it. */
  private readonly written = new Map<string, string | undefined>();
  private reads = 0;
  private lookups = 0;
  private bytes = 0;

  constructor(readonly context: FollowContext) {}

  path(dir: string | undefined, path: string): string {
    return joinPath(dir === undefined ? this.context.cwd : joinPath(this.context.cwd, dir, this.context.home), path, this.context.home);
  }

  shown(path: string): string {
    return shownPath(path, this.context.cwd);
  }

  /** `text` undefined: the line writes the file with content it does not show (`cp`, `tee -a`, `curl -o`). */
  wrote(path: string, text: string | undefined): void {
    this.written.set(path, text);
    this.cache.delete(path);
  }

  read(path: string): FileRead {
    if (this.written.has(path)) {
      const written = this.written.get(path);
      return written === undefined ? { kind: 'unreadable', reason: 'the line writes it first, with content it does not show' } : { kind: 'text', text: written };
    }
    const cached = this.cache.get(path);
    if (cached) return cached;
    let got: FileRead;
    if (this.reads >= MAX_READS || this.bytes >= MAX_BYTES || this.lookups >= MAX_LOOKUPS) {
      got = { kind: 'unreadable', reason: `the line leads into more than ${MAX_READS} files` };
    } else {
      this.lookups++;
      try {
        got = this.context.files.read(path);
      } catch (error) {
        got = { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
      }
      if (got.kind === 'text') {
        this.reads++;
        this.bytes += got.text.length;
        if (got.text.length > MAX_PROJECT_FILE) got = { kind: 'unreadable', reason: `larger than ${MAX_PROJECT_FILE / 1024} KB` };
      }
    }
    this.cache.set(path, got);
    return got;
  }

  /** The text, or undefined when missing; an unreadable file is reported in `out`. */
  text(path: string, out: Followed[]): string | undefined {
    const got = this.read(path);
    if (got.kind === 'text') return got.text;
    if (got.kind === 'unreadable') out.push({ kind: 'unread', detail: `${this.shown(path)} could not be read (${got.reason})` });
    return undefined;
  }

  /**
   * The first of `names` in `dir` or the nearest folder above it that has one, as the runners that
   * search upward find their file (just, task, rake, invoke, deno, composer, compose, uv, poe):
   * `cd sub && task wipe` runs the parent's Taskfile.
   */
  findUp(dir: string, names: readonly string[]): string | undefined {
    for (let at = dir, i = 0; i < 32; i++) {
      for (const name of names) {
        const path = joinPath(at, name);
        if (this.read(path).kind !== 'missing') return path;
      }
      if (at === '/') return undefined;
      at = at.slice(0, Math.max(at.lastIndexOf('/'), 1));
    }
    return undefined;
  }

  list(dir: string): readonly string[] | undefined {
    try {
      return this.context.files.list(dir);
    } catch {
      return undefined;
    }
  }
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line of a JSON object key (`"db:reset":`), the first such key after `after` when given. */
export function jsonKeyLine(text: string, key: string, after = 0): number | undefined {
  const at = text.indexOf(JSON.stringify(key), after);
  return at < 0 ? undefined : lineAt(text, at);
}

/** Words as a shell reads them back: quoted where needed. */
export function shellJoin(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * An optional configuration file, parsed: undefined when it is missing; when it cannot be read or
 * parsed, that is reported in `out` (asked about, never taken as empty).
 */
export function readConfig(path: string, files: LineFiles, out: Followed[], parse: (text: string) => unknown, format: string): { text: string; doc: unknown } | undefined {
  if (files.read(path).kind === 'missing') return undefined;
  const text = files.text(path, out);
  if (text === undefined) return undefined;
  try {
    return { text, doc: parse(text) };
  } catch {
    out.push({ kind: 'unread', detail: `${files.shown(path)} is not valid ${format}` });
    return undefined;
  }
}

/**
 * `visit` called once per name, to a bounded depth: tasks that depend on each other (or on
 * themselves) end. `next` visits a name one level deeper; `depth` is 0 for the line's own names.
 */
export function onceEach(visit: (name: string, next: (name: string) => void, depth: number) => void, maxDepth = 16): (name: string) => void {
  const done = new Set<string>();
  const go = (name: string, depth: number): void => {
    if (done.has(name) || depth > maxDepth) return;
    done.add(name);
    visit(name, (other) => go(other, depth + 1), depth);
  };
  return (name) => go(name, 0);
}

/** `--file=x` as `['--file', 'x']`; other words as themselves (a short option's value is the next word). */
export function splitOption(word: string): [string, string | undefined] {
  const eq = word.startsWith('--') ? word.indexOf('=') : -1;
  return eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}
