/**
 * A Node built-in loaded when first needed, so a plain command never loads it. Not import(): the
 * launcher runs this bundle as a vm script, which has no dynamic-import loader.
 */
export function builtin<T>(name: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return require(name) as T;
}
