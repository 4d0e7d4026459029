// The bash parser: tree-sitter with the grammar VS Code itself uses. The caller hands in the two
// WebAssembly files' bytes, so the engine does no I/O of its own and loads them once, lazily.
import type { Node, Parser } from '@vscode/tree-sitter-wasm';

export type SyntaxNode = Node;
type TreeSitterModule = typeof import('@vscode/tree-sitter-wasm');

export interface ShellParser {
  /**
   * Parses one command line; the tree is freed after `use` returns. Returns undefined when the
   * parse ran past its time budget: tree-sitter's error recovery is quadratic on some hostile
   * input (a few kilobytes of `>>>>` take seconds).
   */
  parse<T>(line: string, use: (root: SyntaxNode) => T): T | undefined;
}

/** Longest a single parse may run. A real command line parses in well under a millisecond. */
const PARSE_BUDGET_MS = 100;

export interface ParserWasm {
  /** tree-sitter.wasm (the runtime). */
  readonly runtime: Uint8Array;
  /** tree-sitter-bash.wasm (the grammar). */
  readonly bash: Uint8Array;
}

export async function createBashParser(wasm: ParserWasm): Promise<ShellParser> {
  const loaded: TreeSitterModule | { default: TreeSitterModule } = await import('@vscode/tree-sitter-wasm');
  // Loaded with Node's own import() the UMD file shows its exports only as `default`.
  const ts = 'Parser' in loaded ? loaded : loaded.default;
  // Emscripten reads `wasmBinary` instead of fetching the runtime itself.
  await ts.Parser.init({ wasmBinary: wasm.runtime } as unknown as Parameters<typeof ts.Parser.init>[0]);
  const language = await ts.Language.load(wasm.bash);
  const parser: Parser = new ts.Parser();
  parser.setLanguage(language);
  return {
    parse(line, use) {
      const start = performance.now();
      let tree: ReturnType<Parser['parse']>;
      try {
        tree = parser.parse(line, null, { progressCallback: () => performance.now() - start > PARSE_BUDGET_MS });
      } catch (error) {
        parser.reset();
        throw error;
      }
      // A parse stopped part-way resumes at the next call unless reset, whatever text that call
      // hands in: the next line would be read as a mix of both (on a busy machine, memory errors).
      if (!tree) {
        parser.reset();
        return undefined;
      }
      try {
        return use(tree.rootNode);
      } finally {
        tree.delete();
      }
    },
  };
}
