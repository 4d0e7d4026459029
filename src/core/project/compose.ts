// `docker compose run SERVICE` and `up` run the service's own command (and entrypoint) from the
// compose files when the line gives none; a command on the line is read by the payload readers.
import { parseDocument } from 'yaml';
import type { SimpleCommand } from '../shell/command';
import { parseDotenv } from '../secrets/dotenv';
import { dirName, joinPath } from './files';
import { lineAt, shellJoin, type Followed, type LineFiles } from './followed';
import { isRecord } from './packageScripts';

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
const GLOBAL_VALUES: ReadonlySet<string> = new Set(['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--progress', '--parallel', '-c', '--context', '-H', '--host', '--log-level', '-l', '--config']);
const RUN_VALUES: ReadonlySet<string> = new Set(['-e', '--env', '--env-from-file', '-l', '--label', '-p', '--publish', '-u', '--user', '-v', '--volume', '-w', '--workdir', '--name', '--cap-add', '--cap-drop', '--pull', '-t', '--timeout', '--scale', '--exit-code-from', '--attach', '--no-attach', '--wait-timeout', '--pull']);

export interface ComposeService {
  readonly name: string;
  readonly command?: string;
  readonly entrypoint?: string;
  readonly environment: ReadonlyMap<string, string>;
  /** The service's `env_file`s (absolute): their names may say the environment (`.env.staging`). */
  readonly envFiles: readonly string[];
  readonly file: string;
  readonly line?: number;
}

/** `docker compose run --rm migrate`, `docker-compose up reset-db`, `podman compose run …`. */
export function followCompose(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  let at = 1;
  const composeFiles: string[] = [];
  let where = files.path(dir, '.');
  const standalone = command.program === 'docker-compose' || command.program === 'podman-compose';
  if (!standalone) {
    while ((words[at] ?? '').startsWith('-')) at += GLOBAL_VALUES.has(words[at] ?? '') ? 2 : 1;
    if (words[at] !== 'compose') return [];
    at++;
  }
  for (; (words[at] ?? '').startsWith('-'); at++) {
    const word = words[at] ?? '';
    if (word === '-f' || word === '--file') composeFiles.push(words[++at] ?? '');
    else if (word.startsWith('--file=')) composeFiles.push(word.slice('--file='.length));
    else if (word === '--project-directory') where = joinPath(where, words[++at] ?? '.');
    else if (GLOBAL_VALUES.has(word)) at++;
  }
  const verb = words[at];
  if (verb !== 'run' && verb !== 'up' && verb !== 'create') return [];
  let entrypoint: string | undefined;
  const operands: string[] = [];
  for (at++; at < words.length; at++) {
    const word = words[at] ?? '';
    if (operands.length > 0 && verb === 'run') { operands.push(word); continue; }
    if (word === '--entrypoint') { entrypoint = words[++at]; continue; }
    if (word.startsWith('--entrypoint=')) { entrypoint = word.slice('--entrypoint='.length); continue; }
    if (word.startsWith('-')) { if (RUN_VALUES.has(word)) at++; continue; }
    operands.push(word);
  }
  const out: Followed[] = [];
  const services = composeServices(where, composeFiles, files, out);
  const runner = words.join(' ');
  const wanted = verb === 'run' ? operands.slice(0, 1) : operands.length > 0 ? operands : [...services.keys()];
  for (const name of wanted) {
    const service = services.get(name);
    if (!service) continue;
    // `run SERVICE CMD…` runs CMD (the payload readers judge it), through the entrypoint.
    const given = verb === 'run' && operands.length > 1;
    const text = [entrypoint ?? service.entrypoint, given ? undefined : service.command].filter((p): p is string => p !== undefined && p !== '').join(' ');
    if (text) out.push({ kind: 'script', text, dir: where, source: { runner, file: files.shown(service.file), line: service.line } });
  }
  return out;
}

/** The services of the project's compose files, later files overriding earlier ones. */
export function composeServices(where: string, named: readonly string[], files: LineFiles, out: Followed[]): Map<string, ComposeService> {
  // Compose looks for its file upward; the override file stands beside it.
  const found = named.length > 0 ? undefined : files.findUp(where, DEFAULT_FILES);
  const paths = named.length > 0 ? named.map((f) => joinPath(where, f)) : found === undefined ? [] : [
    found, OVERRIDES.map((n) => joinPath(dirName(found), n)).find((p) => files.read(p).kind !== 'missing'),
  ].filter((p): p is string => p !== undefined);
  const services = new Map<string, ComposeService>();
  for (const path of paths) {
    const text = files.text(path, out);
    if (text === undefined) continue;
    const doc = parseDocument(text);
    const json: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
    if (!isRecord(json)) { out.push({ kind: 'unread', detail: `${files.shown(path)} is not a compose file Airlock can read` }); continue; }
    for (const [name, spec] of Object.entries(isRecord(json.services) ? json.services : {})) {
      if (!isRecord(spec)) continue;
      const before = services.get(name);
      const environment = new Map(before?.environment ?? []);
      if (Array.isArray(spec.environment)) {
        for (const e of spec.environment) if (typeof e === 'string' && e.includes('=')) environment.set(e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1));
      } else if (isRecord(spec.environment)) {
        for (const [k, v] of Object.entries(spec.environment)) if (typeof v === 'string' || typeof v === 'number') environment.set(k, String(v));
      }
      // `env_file:` files are read into the service's environment, under what `environment:` sets.
      const envFiles: string[] = [...(before?.envFiles ?? [])];
      for (const envFile of Array.isArray(spec.env_file) ? spec.env_file : [spec.env_file]) {
        const file = typeof envFile === 'string' ? envFile : isRecord(envFile) && typeof envFile.path === 'string' ? envFile.path : undefined;
        const got = file === undefined ? undefined : files.read(joinPath(dirName(path), file));
        if (got?.kind !== 'text' || file === undefined) continue;
        envFiles.push(joinPath(dirName(path), file));
        for (const [k, v] of parseDotenv(got.text)) if (!environment.has(k)) environment.set(k, v);
      }
      const at = new RegExp(`^\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm').exec(text);
      services.set(name, {
        name,
        command: commandText(spec.command) ?? before?.command,
        entrypoint: commandText(spec.entrypoint) ?? before?.entrypoint,
        environment,
        envFiles,
        file: path,
        line: at ? lineAt(text, at.index + 1) : before?.line,
      });
    }
  }
  return services;
}

/** A service's command as the shell will see it: compose's `$$` escape is one `$`. */
function commandText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\$\$/g, '$');
  // A list is an argv (`["sh", "-c", "…"]` quoted back so the shell payload reads its script).
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return shellJoin(value.map((v) => v.replace(/\$\$/g, '$')));
  return undefined;
}
