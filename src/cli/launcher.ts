// The `airlock` executable. A line the prefilter clears — for `check`, or a hook's shell call —
// is answered here without loading the engine; anything else runs the CLI bundle
// (cachedLoad.ts, required only then).
import { readFileSync, writeSync } from 'node:fs';
import { PREFILTER_PROGRAMS } from 'airlock:prefilter-programs';
import { answerWithoutEngine } from './fastPath';
import { CONTROL_CHARACTERS, createPrefilter } from '../core/prefilter';
import { answerHookWithoutEngine } from './hook/fast';
import { clearedPackageScript } from './hook/fastScripts';
import { handOffInput } from './hook/stdin';

/**
 * Writes the answer straight to fds 2 and 1: touching process.stdout builds a stream and loads
 * node:stream, 3 ms of a hook's run. A pipe left non-blocking by its reader (EAGAIN) gets the rest
 * through the stream. `reason` is an exit-2 block's, for agents that read it on stderr.
 */
function finish(text: string, code: number, reason = ''): true {
  const err = unwritten(2, reason);
  const out = unwritten(1, text);
  if (err.length === 0 && out.length === 0) process.exit(code);
  const rest = (): void => {
    process.stdout.write(out, () => process.exit(code));
  };
  if (err.length > 0) process.stderr.write(err, rest);
  else rest();
  return true;
}

/** What of `text` could not be written to `fd` at once. */
function unwritten(fd: number, text: string): Uint8Array {
  const bytes = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch {
    // EAGAIN: the stream writes the rest
  }
  return bytes.subarray(offset);
}

/** Whether stdout is a terminal, for colour; node:tty loads node:net and streams, so only `check` asks. */
function ttyOut(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where a verdict is printed for a person
  return (require('node:tty') as typeof import('node:tty')).isatty(1);
}

function answered(): boolean {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'check') {
    let printed = '';
    const stdout = { isTTY: ttyOut(), write: (text: string) => { printed += text; } };
    const code = answerWithoutEngine(rest, PREFILTER_PROGRAMS, { stdout, env: process.env });
    return code !== undefined && finish(printed, code);
  }
  if (command === 'gate' && rest[0] === '--line' && (rest.length === 2 || (rest.length === 4 && rest[2] === '--ppid'))) {
    // A shell guard's line that runs nothing guarded, `npm test` included: allowed as the engine would.
    const line = rest[1] ?? '';
    const prefilter = createPrefilter(PREFILTER_PROGRAMS);
    const cleared = !CONTROL_CHARACTERS.test(line) && (!prefilter.mightMatch(line) || clearedPackageScript(line, process.cwd(), prefilter));
    return cleared && finish('', 0);
  }
  if (command === 'hook') {
    let input: string;
    try {
      input = readFileSync(0, 'utf8');
    } catch {
      return false; // the full CLI reads stdin as a stream
    }
    handOffInput(input);
    const out = answerHookWithoutEngine(rest, input, PREFILTER_PROGRAMS, { env: process.env, now: () => new Date(), stderr: (t) => process.stderr.write(t) });
    return out !== undefined && finish(out.stdout === '' ? '' : out.stdout + '\n', out.exitCode, out.stderr === undefined ? '' : out.stderr + '\n');
  }
  return false;
}

try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the engine is needed
  if (!answered()) (require('./cachedLoad') as typeof import('./cachedLoad')).runCached();
} catch (error) {
  // Fail closed: a CLI that cannot start is a deny (exit 2: agents' hooks read it as "block"), never an allow.
  process.stderr.write(`airlock: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
