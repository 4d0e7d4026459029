// Loads the extension's second and third bundles on first use: dist/first-use.js (onFirstUse.ts:
// the engine, its rules, the scanner) and dist/gate-files.js (onGateUpdate.ts: the terminal gate's
// generator and tables). They are most of the extension's code; activation never parses them.
import { join } from 'node:path';

type FirstUse = typeof import('./onFirstUse');
type GateGenerator = typeof import('./onGateUpdate');
let engine: FirstUse | undefined;
let gate: GateGenerator | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- bundles of their own, beside this one in dist/ */
export function firstUse(): FirstUse {
  engine ??= require(join(__dirname, 'first-use.js')) as FirstUse;
  return engine;
}

export function gateGenerator(): GateGenerator {
  gate ??= require(join(__dirname, 'gate-files.js')) as GateGenerator;
  return gate;
}
/* eslint-enable @typescript-eslint/no-require-imports */
