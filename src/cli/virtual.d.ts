// Modules the build provides (esbuild.config.mjs).
declare module 'airlock:prefilter-programs' {
  /** The engine's PREFILTER_PROGRAMS, computed when the launcher is bundled. */
  export const PREFILTER_PROGRAMS: readonly string[];
}
