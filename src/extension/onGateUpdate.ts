// The terminal gate's generator and its argument-filter tables (most of their size is data the
// build computes from the rules), bundled on their own (dist/gate-files.js): loaded when the gate's
// files are written, after activation, never parsed while the window starts. firstUse.ts loads it.
export { gateFiles, gateLayout, promptCommand, GUARD_SCRIPT_FILES } from '../gate/gateFiles';
export { ARG_FILTERS } from 'airlock:arg-filters';
