// Modules the build provides (esbuild.config.mjs).
declare module 'airlock:prefilter-programs' {
  /** The engine's PREFILTER_PROGRAMS, computed when the launcher is bundled. */
  export const PREFILTER_PROGRAMS: readonly string[];
}

declare module 'airlock:arg-filters' {
  /** The terminal gate's argument filters (src/core/argFilter.ts), computed when the extension is bundled. */
  export const ARG_FILTERS: Readonly<Record<string, import('../core/argFilter').ArgFilter>>;
}
