// Loads the extension's other bundles on first use: dist/first-use.js (onFirstUse.ts: the engine,
// its rules, the scanner), dist/gate-files.js (onGateUpdate.ts: the terminal gate's generator and
// tables) and dist/workbench.js (workbench.ts: the views, the Explorer's commands, the agents' hooks).
// They are most of the extension's code; activation never parses them.
import { join } from 'node:path';

type FirstUse = typeof import('./onFirstUse');
type GateGenerator = typeof import('./onGateUpdate');
type WorkbenchModule = typeof import('./workbench');
let engine: FirstUse | undefined;
let gate: GateGenerator | undefined;
let workbench: WorkbenchModule | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- bundles of their own, beside this one in dist/ */
export function firstUse(): FirstUse {
  engine ??= require(join(__dirname, 'first-use.js')) as FirstUse;
  return engine;
}

export function gateGenerator(): GateGenerator {
  gate ??= require(join(__dirname, 'gate-files.js')) as GateGenerator;
  return gate;
}
export function loadWorkbench(): WorkbenchModule {
  workbench ??= require(join(__dirname, 'workbench.js')) as WorkbenchModule;
  return workbench;
}
/* eslint-enable @typescript-eslint/no-require-imports */
