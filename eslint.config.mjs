// @ts-check
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'src/core, src/agents, src/cli and src/gate run outside the editor: keep vscode in src/extension.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', '.bench/**', '.e2e/**', 'node_modules/**', '.vscode-test/**', '*.vsix'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**', 'src/cli/**', 'src/gate/**'],
    rules: { 'no-restricted-imports': ['error', noVscode] },
  },
  {
    // What Airlock knows about each agent, and the installer, serve the CLI and the extension alike.
    files: ['src/agents/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noVscode.paths,
        patterns: [{ group: ['**/cli/**', '**/extension/**'], message: 'src/agents is imported by the CLI and the extension; it imports neither.' }],
      }],
    },
  },
  {
    // The engine is handed everything it reads: no file system, process or network access.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...noVscode.paths,
          ...['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'readline'].map((name) => ({ name, message: 'src/core does no I/O it is not handed.' })),
        ],
        patterns: [{ group: ['node:*'], message: 'src/core does no I/O it is not handed.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The webview's script runs in the page, not in Node, and is plain JavaScript.
    files: ['media/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'script', globals: { acquireVsCodeApi: 'readonly', document: 'readonly' } },
  },
  {
    // The in-host suite is plain CommonJS loaded by an editor's extension host.
    files: ['test/inhost/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
