// What a search or multi-file read tool reaches, as the adapters read it from the payload; listed
// on disk by contentGlobs.ts. Apart from it so the adapters (in the hook's fast path) stay small.

export interface ContentGlobs {
  /** The folder the globs are relative to (the tool's dir_path / path), else the call's cwd. */
  readonly base?: string;
  readonly globs: readonly string[];
  /** What a search looks for: a file counts only if it holds a match (the result would show it). */
  readonly pattern?: string;
  readonly ignoreCase?: boolean;
  /** Lines around each match are printed too (`-A`, `-B`, `-C`): a file's other lines may be shown. */
  readonly context?: boolean;
  /**
   * No glob was given: the whole tree under `base` is searched. Such a tree too big to list in
   * time is not reported as unchecked (every search of a large repository would ask); the files
   * listed within the bound, nearest first, are still checked.
   */
  readonly whole?: boolean;
}

/** A search tool's scope: its folder, its glob (none: the whole tree) and what it looks for. */
export function searchScope(base: string | undefined, glob: string | undefined, pattern: string | undefined, ignoreCase = false, context = false): ContentGlobs {
  return { base, globs: glob ? [glob] : ['**/*'], whole: !glob, pattern, ignoreCase, context };
}
