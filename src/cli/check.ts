// `airlock check`: one command line → a verdict (human, JSON, or an explanation), or JSON lines
// on stdin → one verdict JSON line each, in order.
import { LazyEngine, type ClassifyContext } from '../core/engine';
import { isProtectedPath } from '../core/secrets/paths';
import type { Decision } from '../core/verdict';
import { formatExplanation, formatVerdict } from './format';
import { parseCheckOptions, type CheckOptions } from './options';
import { loadParser } from './parser';
import { diskCredentialOrigins } from './credentialFiles';
import { gitRecovery } from './gitRecovery';
import { DISK_PROJECT_FILES, batchProjectFiles } from './projectFiles';
import { resolve } from 'node:path';
import { definedOnly } from './env';
import { diskToolState } from './toolState';
import { builtin } from './builtin';
import { lineJudge, runBatch, type BatchWorker, type Judge } from './batch';
import { withPrintedHolders } from './hook/credentialHolders';
import type { WorkerSetup } from './batchWorkers';

const EXIT: Readonly<Record<Decision, number>> = { allow: 0, confirm: 1, deny: 2 };

export interface Io {
  readonly stdin: () => NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where a batch says that a worker failed. */
  readonly warn?: (message: string) => void;
  /** Starts worker threads for a long batch; without it a batch is judged in this thread. */
  readonly workers?: (count: number, setup: WorkerSetup) => BatchWorker[];
}

/** Workers a batch uses without `--jobs`: more rarely pay for the memory each engine takes. */
const DEFAULT_MAX_JOBS = 4;

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const options = parseCheckOptions(argv);
  if (options.batch) {
    const setup: WorkerSetup = { argv, env: io.env, cwd: io.cwd };
    const jobs = options.jobs ?? Math.min(builtin<typeof import('node:os')>('node:os').availableParallelism(), DEFAULT_MAX_JOBS);
    const workers = io.workers;
    await runBatch(io, checkJudge(setup), workers && jobs > 1 ? () => workers(jobs, setup) : undefined);
    return 0;
  }
  const { engine, context } = checker(options, io);
  const line = options.commandLine ?? '';
  const ctx = context(undefined);
  const style = { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined };
  if (options.explain) {
    const explanation = await engine.explain(line, ctx);
    io.stdout.write(formatExplanation(line, explanation, style) + '\n');
    return EXIT[explanation.verdict.decision];
  }
  // A file the line prints that holds a credential by its content, as the hook and the gate read it.
  const verdict = withPrintedHolders(await engine.classify(line, ctx), line, ctx.cwd, (path) => isProtectedPath(path), { protectedPaths: [], allowedPaths: [] }, io.env.HOME || undefined);
  io.stdout.write((options.json ? JSON.stringify(verdict) : formatVerdict(line, verdict, style)) + '\n');
  return EXIT[verdict.decision];
}

/** The judge of a batch's lines: in this thread, and in each of its workers. */
export function checkJudge(setup: WorkerSetup): Judge {
  const options = parseCheckOptions(setup.argv);
  const { engine, context } = checker(options, setup);
  return lineJudge(engine, context);
}

/** The engine and the context each line is judged in, from the options, environment and folder. */
function checker(options: CheckOptions, io: Pick<Io, 'env' | 'cwd'>): {
  engine: LazyEngine; context: (cwd: string | undefined, env?: Readonly<Record<string, string>>) => ClassifyContext;
} {
  const engine = new LazyEngine(async () => {
    // This process parses a line or a few and exits: V8's optimising WebAssembly tier only costs
    // it (about half a second of compiling that exit then waits for), so keep to the baseline tier.
    // A batch parses thousands of lines and gains from the optimised code.
    if (!options.batch) builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--liftoff-only');
    return loadParser();
  });
  const baseEnv = { ...definedOnly(io.env), ...options.env };
  // Read only if a line is flagged; once per directory for a whole batch.
  const credentialOrigins = diskCredentialOrigins({ home: io.env.HOME || undefined });
  const recovery = gitRecovery();
  // Read once for a whole batch: kube's current context, the terraform workspace and the rest.
  const toolState = diskToolState();
  const files = options.batch ? batchProjectFiles() : DISK_PROJECT_FILES;
  const project = { files, home: io.env.HOME || undefined };
  // A batch names the same few folders over and over: each is resolved once.
  const folders = new Map<string, string>();
  const folder = (cwd: string): string => {
    let resolved = folders.get(cwd);
    if (resolved === undefined) {
      resolved = resolve(cwd);
      if (folders.size < 1024) folders.set(cwd, resolved);
    }
    return resolved;
  };
  // A request's own variables are laid over the batch's.
  const context = (cwd: string | undefined, env?: Readonly<Record<string, string>>): ClassifyContext =>
    ({ cwd: folder(cwd ?? options.cwd ?? io.cwd), env: env && Object.keys(env).length > 0 ? { ...baseEnv, ...env } : baseEnv,
      actor: options.actor, toolState, credentialOrigins, recovery, project });
  return { engine, context };
}
