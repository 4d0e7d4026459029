// Loads the tree-sitter runtime and bash grammar shipped beside the bundle (dist/), or from the
// package when running from source.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createBashParser, type ShellParser } from '../core/shell/parser';

const FILES = { runtime: 'tree-sitter.wasm', bash: 'tree-sitter-bash.wasm' } as const;

function wasmDir(): string {
  if (existsSync(join(__dirname, FILES.bash))) return __dirname;
  return dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm'));
}

export async function loadParser(dir: string = wasmDir()): Promise<ShellParser> {
  return createBashParser({ runtime: readFileSync(join(dir, FILES.runtime)), bash: readFileSync(join(dir, FILES.bash)) });
}
