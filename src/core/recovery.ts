// Whether a deletion inside the workspace can be undone. The engine asks only for the paths of a
// flagged deletion; the caller answers from the version control it can read (the CLI: git, bounded
// in time), so core stays free of I/O. A deletion git can bring back is audited, not asked.

export interface WorkspaceRecovery {
  /**
   * How every one of these paths could be brought back after deletion (shown as evidence:
   * "tracked by git and unchanged: `git checkout -- src`"), or undefined when any could not be,
   * or when it cannot tell in time.
   */
  recovery(paths: readonly string[], cwd: string): string | undefined;
}
