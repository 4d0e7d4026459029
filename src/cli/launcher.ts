// The `airlock` executable. A line the prefilter clears is answered here without loading the
// engine; anything else runs the CLI bundle (cachedLoad.ts, required only then).
import { PREFILTER_PROGRAMS } from 'airlock:prefilter-programs';
import { answerWithoutEngine } from './fastPath';

function answered(): boolean {
  const [command, ...rest] = process.argv.slice(2);
  const code = command === 'check' ? answerWithoutEngine(rest, PREFILTER_PROGRAMS, { stdout: process.stdout, env: process.env }) : undefined;
  if (code === undefined) return false;
  process.stdout.write('', () => process.exit(code));
  return true;
}

try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the engine is needed
  if (!answered()) (require('./cachedLoad') as typeof import('./cachedLoad')).runCached();
} catch (error) {
  // Fail closed: a CLI that cannot start is a deny (exit 2), never an allow.
  process.stderr.write(`airlock: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
