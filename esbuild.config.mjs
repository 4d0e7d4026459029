// Bundles the extension and the CLI into dist/ and copies the tree-sitter runtime and bash grammar
// beside them (the engine is handed their bytes; nothing is fetched at run time).
import { build, context } from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// Benchmarks and the corpus report are bundled beside the product into .bench/, never into dist/.
const bench = process.argv.includes('--bench');
const require = createRequire(import.meta.url);
const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm')));

/**
 * The tree-sitter runtime's JavaScript stays out of the bundles and is copied beside them: it is
 * required only when a line needs parsing, so a process that never parses never compiles it.
 * (A plain require, not import(): the CLI runs its bundle as a vm script with a code cache.)
 * @type {import('esbuild').Plugin}
 */
const treeSitterBeside = {
  name: 'tree-sitter-beside',
  setup(b) {
    b.onResolve({ filter: /^@vscode\/tree-sitter-wasm$/ }, () => ({ path: 'tree-sitter', namespace: 'beside' }));
    b.onLoad({ filter: /.*/, namespace: 'beside' }, () => ({
      contents: "module.exports = require(require('path').join(__dirname, 'tree-sitter.js'));",
      loader: 'js',
    }));
  },
};

/**
 * `airlock:prefilter-programs`: the engine's prefilter program list, computed now from the rule
 * data, so the launcher can clear plain lines without loading the rules. Also written to
 * dist/prefilter-programs.json, which a test compares with the engine's list.
 * @type {import('esbuild').Plugin}
 */
const prefilterPrograms = {
  name: 'prefilter-programs',
  setup(b) {
    b.onResolve({ filter: /^airlock:prefilter-programs$/ }, () => ({ path: 'prefilter-programs', namespace: 'airlock' }));
    b.onLoad({ filter: /.*/, namespace: 'airlock' }, async () => {
      const programs = await enginePrograms();
      await writeFile(join('dist', 'prefilter-programs.json'), JSON.stringify(programs) + '\n');
      return { contents: `export const PREFILTER_PROGRAMS = ${JSON.stringify(programs)};`, loader: 'js' };
    });
  },
};

async function enginePrograms() {
  const out = await build({
    entryPoints: ['src/core/engine.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
    mainFields: ['module', 'main'], plugins: [treeSitterBeside],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  return [...module.exports.PREFILTER_PROGRAMS];
}

/**
 * `airlock:arg-filters`: the terminal gate's argument filters, computed now from the rule data
 * (src/core/argFilter.ts reads each rule example with the real parser, which takes most of a second:
 * too long to do in the editor at start-up).
 * @type {import('esbuild').Plugin}
 */
const argFilterTable = {
  name: 'arg-filters',
  setup(b) {
    b.onResolve({ filter: /^airlock:arg-filters$/ }, () => ({ path: 'arg-filters', namespace: 'airlock-filters' }));
    b.onLoad({ filter: /.*/, namespace: 'airlock-filters' }, async () => ({ contents: `export const ARG_FILTERS = ${JSON.stringify(await ruleFilters())};`, loader: 'js' }));
  },
};

async function ruleFilters() {
  const out = await build({
    stdin: {
      contents: [
        "export { ruleArgFilters } from './src/core/argFilter';",
        "export { withFollowFilters } from './src/core/project/gateFilters';",
        "export { allRules } from './src/core/rules/index';",
        "export { expand, DEFAULT_LIMITS } from './src/core/shell/expand';",
        "export { loadParser } from './src/cli/parser';",
      ].join('\n'),
      resolveDir: '.', loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', mainFields: ['module', 'main'], plugins: [treeSitterBeside],
  });
  const module = { exports: {} };
  const local = (id) => (id.endsWith('tree-sitter.js') ? require(join(wasmDir, 'tree-sitter.js')) : require(id));
  new Function('module', 'exports', 'require', '__dirname', '__filename', out.outputFiles[0].text)(module, module.exports, local, wasmDir, join(wasmDir, 'x.js'));
  const m = module.exports;
  const parser = await m.loadParser(wasmDir);
  return m.withFollowFilters(m.ruleArgFilters(m.allRules, (line) => m.expand(line, () => parser, m.DEFAULT_LIMITS).commands));
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // jsonc-parser's CommonJS entry is UMD with requires esbuild cannot follow; its ES module entry bundles.
  mainFields: ['module', 'main'],
  plugins: [treeSitterBeside],
};

const builds = [
  // The banner marks when the bundle starts to evaluate: activation time counts its loading.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: 'globalThis.__airlockBundleStart = performance.now();' } },
  // Evaluated on first use (src/extension/firstUse.ts): the engine's rules are most of the code, kept out of activation.
  { ...common, entryPoints: ['src/extension/onFirstUse.ts'], outfile: 'dist/first-use.js', external: ['vscode'] },
  // Loaded just after activation (src/extension/workbench.ts): the views, the Explorer's commands, the agents' hooks.
  { ...common, entryPoints: ['src/extension/workbench.ts'], outfile: 'dist/workbench.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/onGateUpdate.ts'], outfile: 'dist/gate-files.js', plugins: [treeSitterBeside, argFilterTable] },
  { ...common, entryPoints: ['src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [treeSitterBeside, prefilterPrograms] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/airlock-cli.js' },
  ...(bench ? ['bench/bench', 'bench/corpus-report', 'bench/activation', 'e2e/demo'].map((path) => ({
    ...common, format: 'esm', sourcemap: false, logLevel: 'warning', entryPoints: [`test/${path}.ts`], outfile: `.bench/${path.split('/')[1]}.mjs`, plugins: [],
    // The browser driver is only imported, never run, by the demo: leave it in node_modules.
    external: ['playwright-core'],
    // ESM output: give the bundled CommonJS-style code its __dirname and require back.
    banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);" },
  })) : []),
];

async function copyWasm() {
  await mkdir('dist', { recursive: true });
  for (const file of ['tree-sitter.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
    await copyFile(join(wasmDir, file), join('dist', file));
  }
  // The terminal gate's shell guards, copied by the extension into every user's storage.
  for (const file of ['guard.bash', 'guard.zsh', 'hidden.sh']) await copyFile(join('src', 'gate', 'shell', file), join('dist', file));
}

await copyWasm();
if (watch) {
  for (const options of builds) await (await context(options)).watch();
} else {
  await Promise.all(builds.map((options) => build(options)));
}
