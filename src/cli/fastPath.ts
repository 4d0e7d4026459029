// The answer for an `airlock check` line the prefilter clears (`ls -la`, or `npm test` whose
// script it clears): the same allow verdict the engine returns for it, printed through the same
// formatter, without loading the engine. The launcher runs it first, with the program list the
// build copied from the engine.
import { CONTROL_CHARACTERS, createPrefilter } from '../core/prefilter';
import { resolve } from 'node:path';
import { ALLOW_VERDICT } from '../core/verdict';
import { clearedPackageScript } from './hook/fastScripts';
import { formatVerdict } from './format';
import { parseCheckOptions } from './options';

export interface FastIo {
  readonly stdout: { readonly isTTY?: boolean; write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit code when the line was answered here; undefined when the engine must read it. */
export function answerWithoutEngine(argv: readonly string[], programs: readonly string[], io: FastIo): number | undefined {
  let options;
  try {
    options = parseCheckOptions(argv);
  } catch {
    return undefined; // the full CLI reports usage errors
  }
  const line = options.commandLine;
  if (options.batch || options.explain || line === undefined) return undefined;
  if (CONTROL_CHARACTERS.test(line)) return undefined;
  const prefilter = createPrefilter(programs);
  // `npm test` whose script runs nothing guarded: followed here, as the engine would follow it.
  if (prefilter.mightMatch(line) && !clearedPackageScript(line, resolve(options.cwd ?? process.cwd()), prefilter)) return undefined;
  const style = { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined };
  io.stdout.write((options.json ? JSON.stringify(ALLOW_VERDICT) : formatVerdict(line, ALLOW_VERDICT, style)) + '\n');
  return 0;
}
