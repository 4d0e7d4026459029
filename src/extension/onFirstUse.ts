// What the extension evaluates only when first asked — the engine and its rule tables, the secret
// scanner — bundled on its own (dist/first-use.js) so that activation never even parses it: it is
// most of the extension's code. firstUse.ts loads it.
export { classifyLine } from './classifier';
export { checkCommandLine } from './checkCommand';
export { scanDirectory } from '../cli/scan';
