// Monorepo runners: turbo and nx run the workspace packages' scripts (and nx its project.json
// targets); `npx`/`npm exec` of a binary the project itself defines runs that file.
import type { SimpleCommand } from '../shell/command';
import { joinPath } from './files';
import { jsonKeyLine, type Followed, type LineFiles, splitOption } from './followed';
import { isRecord, nearestPackage, scriptsOf, workspacePackages } from './packageScripts';

const TURBO_VALUE_OPTIONS: ReadonlySet<string> = new Set(['--filter', '-F', '--concurrency', '--cache-dir', '--graph', '--output-logs', '--log-order', '--env-mode', '--cwd', '--token', '--team', '--api', '--profile']);

/** `turbo run build test --filter=api`, `turbo build`. */
export function followTurbo(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value).slice(1);
  const tasks: string[] = [];
  const selectors: string[] = [];
  let where = dir;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    const [name, inline] = splitOption(word);
    if (name === '--filter' || name === '-F') { selectors.push(inline ?? words[++i] ?? ''); continue; }
    if (name === '--cwd') { where = inline ?? words[++i]; continue; }
    if (name.startsWith('-')) { if (inline === undefined && TURBO_VALUE_OPTIONS.has(name)) i++; continue; }
    if (tasks.length === 0 && (word === 'run')) continue;
    if (['login', 'logout', 'link', 'unlink', 'prune', 'gen', 'generate', 'daemon', 'telemetry', 'ls', 'info', 'query', 'scan', 'boundaries', 'watch', 'bin', 'completion', 'devtools'].includes(word) && tasks.length === 0) return [];
    // `web#build`: one package's task.
    tasks.push(word);
  }
  if (tasks.length === 0) return [];
  const out: Followed[] = [];
  const root = files.path(where, '.');
  const packages = workspacePackages(root, files, out, selectors);
  const runner = command.argv.map((w) => w.value).join(' ');
  for (const task of tasks) {
    const [pkgName, script] = task.includes('#') ? [task.slice(0, task.indexOf('#')), task.slice(task.indexOf('#') + 1)] : [undefined, task];
    for (const pkg of packages) {
      if (pkgName !== undefined && pkgName !== '//' && pkg.json.name !== pkgName) continue;
      out.push(...scriptsOf(pkg, [script], [], runner, files));
    }
  }
  return out;
}

const LERNA_VALUE_OPTIONS: ReadonlySet<string> = new Set(['--scope', '--ignore', '--concurrency', '--since', '--npm-client', '--loglevel', '--profile-location']);

/** `lerna run db:reset --scope @shop/api`: the script in each package it selects (all by default). */
export function followLerna(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value).slice(1);
  if (words[0] !== 'run') return [];
  const scripts: string[] = [];
  const scopes: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    const [name, inline] = splitOption(word);
    if (name === '--scope') { scopes.push(inline ?? words[++i] ?? ''); continue; }
    if (name.startsWith('-')) { if (inline === undefined && LERNA_VALUE_OPTIONS.has(name)) i++; continue; }
    // `lerna run build,test` runs both.
    scripts.push(...word.split(','));
  }
  if (scripts.length === 0) return [];
  const out: Followed[] = [];
  const runner = command.argv.map((w) => w.value).join(' ');
  // The root package runs none of them: lerna runs the workspace packages' scripts.
  const root = files.path(dir, '.');
  const packages = workspacePackages(root, files, out, scopes).filter((pkg) => pkg.dir !== root || scopes.length > 0);
  for (const pkg of packages) out.push(...scriptsOf(pkg, scripts, [], runner, files));
  return out;
}

/** `nx run api:db-reset`, `nx db-reset api`, `nx run-many -t build`, `nx affected -t test`. */
export function followNx(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value).slice(1).filter((w) => w !== '--');
  const operands: string[] = [];
  const targets: string[] = [];
  const projects: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const [name, inline] = splitOption(word);
    if (name === '-t' || name === '--target' || name === '--targets') { targets.push(...(inline ?? words[++i] ?? '').split(',')); continue; }
    if (name === '-p' || name === '--projects' || name === '--project') { projects.push(...(inline ?? words[++i] ?? '').split(',')); continue; }
    if (name.startsWith('-')) continue;
    operands.push(word);
  }
  const verb = operands[0];
  if (verb === undefined) return [];
  if (verb === 'run' && operands[1]?.includes(':')) {
    const [project, target] = (operands[1] ?? '').split(':');
    projects.push(project ?? '');
    targets.push(target ?? '');
  } else if (verb === 'run-many' || verb === 'affected') {
    // targets and projects from the options
  } else if (['graph', 'show', 'list', 'report', 'migrate', 'generate', 'g', 'add', 'reset', 'daemon', 'init', 'connect', 'release', 'format', 'format:check', 'format:write', 'repair', 'sync', 'watch', 'exec', 'view-logs', 'login', 'logout', 'import', 'mcp'].includes(verb)) {
    return [];
  } else {
    // `nx build api`, `nx api:build`
    if (verb.includes(':')) {
      const [project, target] = verb.split(':');
      projects.push(project ?? '');
      targets.push(target ?? '');
    } else {
      targets.push(verb);
      if (operands[1]) projects.push(operands[1]);
    }
  }
  if (targets.length === 0) return [];
  const out: Followed[] = [];
  const root = files.path(dir, '.');
  const packages = workspacePackages(root, files, out, []);
  const runner = command.argv.map((w) => w.value).join(' ');
  // nx projects are folders with a project.json, a package.json, or both.
  const dirs = new Set([root, ...packages.map((p) => p.dir)]);
  for (const base of ['apps', 'libs', 'packages', 'tools', 'services']) {
    for (const name of files.list(joinPath(root, base)) ?? []) dirs.add(joinPath(root, `${base}/${name}`));
  }
  for (const projectDir of dirs) {
    const projectFile = joinPath(projectDir, 'project.json');
    const project = files.read(projectFile);
    const pkg = packages.find((p) => p.dir === projectDir);
    const name = nxName(project.kind === 'text' ? project.text : undefined, pkg?.json.name, projectDir);
    if (projects.length > 0 && !projects.some((p) => p === name || p === projectDir.slice(projectDir.lastIndexOf('/') + 1))) continue;
    for (const target of targets) {
      if (project.kind === 'text') out.push(...nxTarget(project.text, projectFile, target, root, runner, files, out));
      if (pkg) out.push(...scriptsOf(pkg, [target], [], runner, files));
    }
  }
  return out;
}

function nxName(projectJson: string | undefined, packageName: unknown, dir: string): string {
  try {
    const json: unknown = projectJson === undefined ? undefined : JSON.parse(projectJson);
    if (isRecord(json) && typeof json.name === 'string') return json.name;
  } catch {
    // the name is then the package's or the folder's
  }
  return typeof packageName === 'string' ? packageName : dir.slice(dir.lastIndexOf('/') + 1);
}

function nxTarget(text: string, file: string, target: string, dir: string, runner: string, files: LineFiles, out: Followed[]): Followed[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    out.push({ kind: 'unread', detail: `${files.shown(file)} is not valid JSON` });
    return [];
  }
  const spec = isRecord(json) && isRecord(json.targets) ? json.targets[target] : undefined;
  if (!isRecord(spec)) return [];
  const options = isRecord(spec.options) ? spec.options : spec;
  const commands: string[] = [];
  if (typeof options.command === 'string') commands.push(options.command);
  if (Array.isArray(options.commands)) {
    for (const c of options.commands) {
      if (typeof c === 'string') commands.push(c);
      else if (isRecord(c) && typeof c.command === 'string') commands.push(c.command);
    }
  }
  const cwd = typeof options.cwd === 'string' ? joinPath(dir, options.cwd) : dir;
  const line = jsonKeyLine(text, target);
  return commands.map((c): Followed => ({ kind: 'script', text: c, dir: cwd, source: { runner, file: files.shown(file), line } }));
}

/**
 * `npx wipe`, `npm exec -- wipe`: a binary named in the project's own package.json `bin` runs
 * that file. Other binaries are packages' code, which Airlock does not read.
 */
export function localBinary(name: string, dir: string | undefined, files: LineFiles): { file: string; runner: string } | undefined {
  const here = nearestPackage(files.path(dir, '.'), files, []);
  // The project's own package first, then its workspace's (npm links those into node_modules/.bin).
  for (const pkg of [...(here ? [here] : []), ...workspacePackages(files.path(dir, '.'), files, [])]) {
    const bin = pkg.json.bin;
    const pkgName = typeof pkg.json.name === 'string' ? pkg.json.name.replace(/^@[^/]+\//, '') : '';
    const file = typeof bin === 'string' ? (name === pkgName ? bin : undefined) : isRecord(bin) && typeof bin[name] === 'string' ? bin[name] : undefined;
    if (typeof file === 'string') return { file: joinPath(pkg.dir, file), runner: name };
  }
  return undefined;
}
