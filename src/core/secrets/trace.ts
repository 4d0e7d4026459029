// The credential a flagged line acts with, traced to the workspace file that defines it: a value
// written on the line, or a variable whose value (inherited, or from a file the line loads) is
// the one an env file defines. Runs only for flagged lines; the files are asked for only then.
// A variable that a file defines but neither the environment nor the line hands the command does
// not count: `railway`, `aws`, `heroku` and the other CLIs never read `.env` files themselves, and
// direnv's `.envrc` reaches a command only through the environment, where it is compared.
import type { EnvironmentMap } from '../environment/tiers';
import type { SimpleCommand } from '../shell/command';
import { tierRank } from '../verdict';
import { credentialOfVariable, credentialUses, type Credential, type CredentialUse, type LoadedVariables } from './credentials';
import { fileTier, findOrigin, origin, type CredentialOrigins, type Origin, type OriginFile } from './origins';

export interface TraceContext {
  readonly cwd: string;
  readonly origins?: CredentialOrigins;
  readonly environments?: EnvironmentMap;
}

export interface TracedCredential {
  /** The one shown: the use traced to the most dangerous file, else the first use. */
  readonly credential: Credential;
  /**
   * Every use traced to a file, with the command that makes it: each raises its own command's
   * findings, so a harmless credential written first cannot hide a production one after it.
   */
  readonly traced: readonly { readonly command: SimpleCommand; readonly origin: Origin }[];
}

/** Uses looked at: a line names only a few credentials; the bound keeps hostile input cheap. */
const MAX_USES = 64;
const LOADERS = new Set(['source', '.']);
const LOADER_PARENTS = new Set(['dotenv', 'dotenvx']);
const FILE_FLAGS = new Set(['-e', '-f', '--env-file']);

/**
 * Every use traced to a file, the most dangerous shown. Tracing that fails (a file provider that
 * throws) leaves the credential untraced: the finding stands either way.
 */
export function traceCredential(flagged: readonly SimpleCommand[], all: readonly SimpleCommand[], line: string,
  assigned: ReadonlyMap<string, string>, env: Readonly<Record<string, string>>, context: TraceContext): TracedCredential | undefined {
  const origins = context.origins;
  const files = (origins && safely(() => origins.files(context.cwd))) ?? [];
  const loaded = files.length > 0 ? loadedVariables(all, files) : undefined;
  let first: CredentialUse | undefined;
  let shown: { readonly use: CredentialUse; readonly found: Origin } | undefined;
  const traced: { command: SimpleCommand; origin: Origin }[] = [];
  let count = 0;
  for (const use of credentialUses(flagged, line, assigned, env, loaded)) {
    first ??= use;
    const found = origins && files.length > 0 ? safely(() => originOf(use, files, origins, env, loaded, context.environments)) : undefined;
    if (found) {
      traced.push({ command: use.command, origin: found });
      if (!shown || rank(found) > rank(shown.found)) shown = { use, found };
    }
    if (++count >= MAX_USES) break;
  }
  if (shown) return { credential: withOrigin(shown.use, shown.found), traced };
  return first && { credential: first.credential, traced };
}

/** A file whose name says no tier ranks below every tier. */
function rank(found: Origin): number {
  return found.tier ? tierRank(found.tier) : -1;
}

function originOf(use: CredentialUse, files: readonly OriginFile[], origins: CredentialOrigins, env: Readonly<Record<string, string>>,
  loaded: LoadedVariables | undefined, environments: EnvironmentMap | undefined): Origin | undefined {
  if (use.variable) {
    const file = loaded?.(use.command).get(use.variable);
    if (file !== undefined) return origin(file, use.variable, fileTier(file, environments));
    const value = env[use.variable];
    return value === undefined ? undefined : findOrigin([value], use.variable, files, origins.fingerprint, environments);
  }
  return findOrigin(use.literals, use.hint, files, origins.fingerprint, environments);
}

/** A generic "bearer token" becomes the kind the file's variable names ("Railway account or workspace token"). */
function withOrigin(use: CredentialUse, found: Origin): Credential {
  const named = use.generic ? credentialOfVariable(found.variable, use.credential) : undefined;
  return { ...(named ?? use.credential), origin: found };
}

/**
 * For each command, the variables the files the line loads before it define (`source
 * .env.production && …`, `set -a; . ./.env.production; …`, `dotenv -e .env.production -- …`),
 * each with the file's shown path. Only files Airlock read count: their values are known.
 */
function loadedVariables(all: readonly SimpleCommand[], files: readonly OriginFile[]): LoadedVariables {
  const sourced: { readonly end: number; readonly file: OriginFile }[] = [];
  for (const command of all) {
    if (!LOADERS.has(command.program)) continue;
    const file = fileNamed(command.argv[1]?.value, files);
    if (file) sourced.push({ end: command.span[1], file });
  }
  return (command) => {
    const out = new Map<string, string>();
    const add = (file: OriginFile): void => { for (const name of file.values.keys()) out.set(name, file.path); };
    for (const s of sourced) if (s.end <= command.span[0]) add(s.file);
    for (let parent = command.parent; parent; parent = parent.parent) {
      if (!LOADER_PARENTS.has(parent.program)) continue;
      for (const name of fileArguments(parent)) {
        const file = fileNamed(name, files);
        if (file) add(file);
      }
    }
    return out;
  };
}

/** `-e FILE`, `-f FILE`, `--env-file FILE`, `--env-file=FILE`, before `--`. */
function fileArguments(command: SimpleCommand): string[] {
  const words = command.argv.map((w) => w.value);
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    if (FILE_FLAGS.has(word)) out.push(words[++i] ?? '');
    else if (word.startsWith('--env-file=')) out.push(word.slice('--env-file='.length));
  }
  return out;
}

function fileNamed(name: string | undefined, files: readonly OriginFile[]): OriginFile | undefined {
  if (!name) return undefined;
  const wanted = plainPath(name);
  return files.find((f) => f.aliases.some((a) => plainPath(a) === wanted));
}

function plainPath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
