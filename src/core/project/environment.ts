// The environment a tool will really hit, read from the project the way the tool reads it: the
// env files it (or its runner, or the script's own dotenv call) loads, and the connection it
// names in its own configuration (drizzle.config, knexfile, config/database.yml, alembic.ini,
// config/config.json, a compose service's environment). Evidence names the file and variable and
// never the value.
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { hostOf, remoteDatabase } from '../environment/hosts';
import type { ProjectTargets, TargetCandidate } from '../environment/resolve';
import type { Category } from '../verdict';
import { tierOfName } from '../environment/tiers';
import { parseDotenv } from '../secrets/dotenv';
import type { SimpleCommand } from '../shell/command';
import { composeServices } from './compose';
import { baseName, dirName, joinPath } from './files';
import type { LineFiles } from './followed';
import { isRecord } from './packageScripts';

interface Loaded {
  readonly value: string;
  readonly file: string;
}

/** Variables that carry a database connection or name its environment. */
const CONNECTION_VARS = ['DATABASE_URL', 'DATABASE_URI', 'POSTGRES_URL', 'POSTGRES_PRISMA_URL', 'DIRECT_URL', 'DB_URL', 'DB_HOST', 'DB_DATABASE', 'DB_NAME',
  'PGHOST', 'PGDATABASE', 'MYSQL_HOST', 'MYSQL_DATABASE', 'MONGODB_URI', 'MONGO_URL', 'MONGO_URI', 'REDIS_URL', 'SQLALCHEMY_DATABASE_URI',
  'APP_ENV', 'RAILS_ENV', 'NODE_ENV', 'ENVIRONMENT', 'STAGE', 'DEPLOY_ENV', 'DJANGO_SETTINGS_MODULE'];

/** Tools that load `.env` themselves, and the files they load besides it. */
const DOTENV_TOOLS: Readonly<Record<string, readonly string[]>> = {
  prisma: ['.env', 'prisma/.env'], 'drizzle-kit': [], dbmate: ['.env'], 'mikro-orm': ['.env'], bun: ['.env', '.env.local'],
  artisan: ['.env'], console: ['.env', '.env.local'], 'manage.py': ['.env'], sequelize: [], knex: [], typeorm: ['.env'],
};

const ENV_FILE_FLAGS = ['--env-file', '--env-file-if-exists'];
const LOADER_FLAGS: Readonly<Record<string, readonly string[]>> = { dotenv: ['-e', '-f'], dotenvx: ['-f', '--env-file'], 'env-cmd': ['-f', '--file'] };
const CODE_DOTENV = /(?:dotenv['"]?\)?\.config|config)\s*\(\s*\{[^}]{0,300}?path\s*:\s*['"]([^'"]+)['"]|loadEnvFile\s*\(\s*['"]([^'"]+)['"]|load_dotenv\s*\(\s*(?:dotenv_path\s*=\s*)?['"]([^'"]+)['"]|Dotenv\.load\s*\(\s*['"]([^'"]+)['"]/g;
const CODE_DOTENV_DEFAULT = /dotenv\/config|require\(\s*['"]dotenv['"]\s*\)\.config\(\s*\)|dotenv\.config\(\s*\)|load_dotenv\(\s*\)|Dotenv\.load\b|require ['"]dotenv\/load['"]|loadEnvFile\(\s*\)/;
const CODE_ENV_READ = /process\.env\.([A-Z_][A-Z0-9_]*)|process\.env\[['"]([A-Z_][A-Z0-9_]*)['"]\]|Deno\.env\.get\(\s*['"]([A-Z_][A-Z0-9_]*)['"]|Bun\.env\.([A-Z_][A-Z0-9_]*)|os\.environ(?:\.get)?\s*[[(]\s*['"]([A-Z_][A-Z0-9_]*)['"]|os\.getenv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]|ENV(?:\.fetch\(\s*|\[\s*)['"]([A-Z_][A-Z0-9_]*)['"]|getenv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g;

export class ProjectEnvironment implements ProjectTargets {
  /** Per folder: the Compose services, read once for the line. */
  private readonly services = new Map<string, ReadonlySet<string>>();

  constructor(private readonly files: LineFiles) {}

  candidates(command: SimpleCommand, vars: readonly string[], category: Category, env: Readonly<Record<string, string>>): TargetCandidate[] {
    // Files and repositories on this machine are no database's environment.
    if (category === 'filesystem' || category === 'git' || category === 'shell') return [];
    const code = codeOf(command);
    if (category === 'interpreters' && code === undefined) return [];
    // Only a database's connection, or what a project file runs, is read from the project.
    if (category !== 'sql' && category !== 'interpreters' && category !== 'iac' && command.source === undefined) return [];
    const dir = this.files.path(command.dir, '.');
    const loaded = this.loaded(command, dir, code);
    // Interpreter code is judged by what it reads; a database tool by the connection variables it reads.
    const wanted = new Set(category === 'interpreters' || category === 'secrets' ? [] : category === 'sql' ? [...vars, ...CONNECTION_VARS] : vars);
    if (code !== undefined) for (const m of code.matchAll(CODE_ENV_READ)) wanted.add(m.slice(1).find((g) => g !== undefined) ?? '');
    for (const word of command.argv.slice(1)) for (const m of word.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) wanted.add(m[1] ?? '');
    const out: TargetCandidate[] = [];
    const services = this.serviceNames(dir);
    for (const [name, { value, file }] of loaded.variables) {
      // dotenv and its kin never override a variable the environment already has.
      if (!wanted.has(name) || value === '' || env[name] !== undefined) continue;
      out.push(this.candidate(name, value, file, services));
    }
    for (const file of loaded.files) if (tierOfName(baseName(file))) out.push({ name: baseName(file), evidence: `${file} loaded for this command` });
    out.push(...this.configTargets(command, dir, loaded.variables, services));
    return out;
  }

  /** One variable's value as a target: its host and database, a Compose service's host read as development. */
  private candidate(name: string, value: string, file: string, services: ReadonlySet<string>): TargetCandidate {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
    const target = url ? targetOf(value) : value;
    const host = url ? hostOf(value) : '';
    const remote = url ? remoteDatabase(value) : undefined;
    const evidence = `${name} in ${file}${remote ? '' : host ? ` → host ${host}` : ''}`;
    if (isLocalService(host, services)) return { name: target, evidence: `${evidence} (a Docker Compose service)`, tier: 'development' };
    return { name: target, evidence, ...(remote ? { label: remote } : {}) };
  }

  /** The env files loaded for the command, nearest loader first, and the variables they define (first definition wins, as dotenv does). */
  private loaded(command: SimpleCommand, dir: string, code: string | undefined): { files: string[]; variables: Map<string, Loaded> } {
    const paths: string[] = [];
    for (let c: SimpleCommand | undefined = command; c; c = c.parent) {
      const words = c.argv.map((w) => w.value);
      const at = this.files.path(c.dir, '.');
      for (let i = 1; i < words.length; i++) {
        const word = words[i] ?? '';
        if (word === '--') break;
        const flag = ENV_FILE_FLAGS.find((f) => word === f || word.startsWith(f + '='));
        const loader = LOADER_FLAGS[c.program]?.includes(word);
        if (flag) paths.push(joinPath(at, word === flag ? words[++i] ?? '' : word.slice(flag.length + 1)));
        else if (loader) paths.push(joinPath(at, words[++i] ?? ''));
      }
      if (c.program === 'dotenv' && !words.some((w) => LOADER_FLAGS.dotenv?.includes(w))) paths.push(joinPath(at, '.env'));
    }
    if (code !== undefined) {
      for (const m of code.matchAll(CODE_DOTENV)) paths.push(joinPath(dir, m.slice(1).find((g) => g !== undefined) ?? '.env'));
      if (CODE_DOTENV_DEFAULT.test(code)) paths.push(joinPath(dir, '.env'));
    }
    const tool = toolName(command);
    const implicit = tool === undefined ? undefined : DOTENV_TOOLS[tool];
    if (implicit) for (const name of implicit) paths.push(...this.findUp(dir, name));
    if (tool === 'drizzle-kit') paths.push(...this.drizzleEnvFiles(dir));
    if (tool === 'console') {
      const appEnv = this.firstValue(paths, 'APP_ENV');
      if (appEnv) paths.push(...this.findUp(dir, `.env.${appEnv}`), ...this.findUp(dir, `.env.${appEnv}.local`));
    }
    for (let s = command.source; s; s = s.outer) if (/(?:^|\/)(?:justfile|\.justfile)$/i.test(s.file)) paths.push(...this.justDotenv(s.file));
    const variables = new Map<string, Loaded>();
    for (let s = command.source; s; s = s.outer) if (/(?:^|\/)\.?(?:mise|rtx)(?:\.local)?\.toml$|(?:^|\/)mise\/config\.toml$/.test(s.file)) this.miseEnv(s.file, variables, paths);
    const files: string[] = [];
    for (const path of paths) {
      const got = this.files.read(path);
      if (got.kind !== 'text') continue;
      const shown = this.files.shown(path);
      if (!files.includes(shown)) files.push(shown);
      for (const [name, value] of parseDotenv(got.text)) if (!variables.has(name)) variables.set(name, { value, file: shown });
    }
    const compose = this.composeEnvironment(command);
    for (const [name, value] of compose.variables) if (!variables.has(name)) variables.set(name, value);
    for (const file of compose.envFiles) if (!files.includes(file)) files.push(file);
    return { files, variables };
  }

  private firstValue(paths: readonly string[], name: string): string | undefined {
    for (const path of paths) {
      const got = this.files.read(path);
      const value = got.kind === 'text' ? parseDotenv(got.text).get(name) : undefined;
      if (value) return value;
    }
    return undefined;
  }

  /** `name` in `dir` or the nearest folder above it that has it, up to the project's root (three levels). */
  private findUp(dir: string, name: string): string[] {
    for (let at = dir, i = 0; i < 4; i++) {
      const path = joinPath(at, name);
      if (this.files.read(path).kind === 'text') return [path];
      if (this.files.read(joinPath(at, 'package.json')).kind === 'text' || this.files.read(joinPath(at, '.git')).kind !== 'missing' || at === '/') break;
      at = dirName(at);
    }
    return [];
  }

  /** drizzle.config.*: a dotenv path it loads, or `.env` when it loads dotenv's default. */
  private drizzleEnvFiles(dir: string): string[] {
    const config = this.configText(dir, ['drizzle.config.ts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs', 'drizzle.config.mts']);
    if (!config) return [];
    const out: string[] = [];
    for (const m of config.text.matchAll(CODE_DOTENV)) out.push(joinPath(dirName(config.path), m.slice(1).find((g) => g !== undefined) ?? '.env'));
    if (CODE_DOTENV_DEFAULT.test(config.text)) out.push(joinPath(dirName(config.path), '.env'));
    return out;
  }

  /** mise's `[env]`: variables it sets for its tasks, and `_.file` env files it loads. */
  private miseEnv(shown: string, variables: Map<string, Loaded>, paths: string[]): void {
    const path = joinPath(this.files.context.cwd, shown);
    const got = this.files.read(path);
    if (got.kind !== 'text') return;
    let doc: unknown;
    try {
      doc = parseToml(got.text);
    } catch {
      return;
    }
    const env = isRecord(doc) && isRecord(doc.env) ? doc.env : {};
    for (const [name, value] of Object.entries(env)) {
      if (typeof value === 'string' && !variables.has(name)) variables.set(name, { value, file: `${shown} [env]` });
    }
    const underscore = isRecord(env._) ? env._ : {};
    for (const file of Array.isArray(underscore.file) ? underscore.file : [underscore.file]) if (typeof file === 'string') paths.push(joinPath(dirName(path), file));
  }

  /** A justfile with `set dotenv-load` (or a dotenv filename or path) loads that file for its recipes. */
  private justDotenv(shown: string): string[] {
    const path = joinPath(this.files.context.cwd, shown);
    const got = this.files.read(path);
    if (got.kind !== 'text') return [];
    const named = /^set\s+dotenv-(?:filename|path)\s*:=\s*['"]([^'"]+)['"]/m.exec(got.text)?.[1];
    if (named) return [joinPath(dirName(path), named)];
    return /^set\s+dotenv-load\b(?!\s*:=\s*false)/m.test(got.text) ? [joinPath(dirName(path), '.env')] : [];
  }

  /** For a command a compose service runs: the service's `environment` and `env_file`. */
  private composeEnvironment(command: SimpleCommand): { variables: Map<string, Loaded>; envFiles: string[] } {
    const out = new Map<string, Loaded>();
    const envFiles: string[] = [];
    for (let c: SimpleCommand | undefined = command; c; c = c.parent) {
      const words = c.argv.map((w) => w.value);
      const verb = words.findIndex((w) => w === 'run' || w === 'up' || w === 'exec');
      if (!['docker', 'podman', 'docker-compose', 'podman-compose'].includes(c.program) || verb < 0) continue;
      const service = words.slice(verb + 1).find((w, i, all) => !w.startsWith('-') && !/^(?:-e|--env|-u|--user|-w|--workdir|--name|-v|--volume|-p|--publish)$/.test(all[i - 1] ?? ''));
      if (!service) continue;
      const found = composeServices(this.files.path(c.dir, '.'), [], this.files, []).get(service);
      if (!found) continue;
      for (const [name, value] of found.environment) out.set(name, { value, file: `${this.files.shown(found.file)} (service ${service})` });
      envFiles.push(...found.envFiles.map((f) => this.files.shown(f)));
    }
    return { variables: out, envFiles };
  }

  private serviceNames(dir: string): ReadonlySet<string> {
    let names = this.services.get(dir);
    if (!names) this.services.set(dir, (names = new Set(composeServices(dir, [], this.files, []).keys())));
    return names;
  }

  private configText(dir: string, names: readonly string[]): { path: string; text: string } | undefined {
    for (const name of names) {
      for (const path of this.findUp(dir, name)) {
        const got = this.files.read(path);
        if (got.kind === 'text') return { path, text: got.text };
      }
    }
    return undefined;
  }

  /** The connection a database tool names in its own configuration. */
  private configTargets(command: SimpleCommand, dir: string, loaded: ReadonlyMap<string, Loaded>, services: ReadonlySet<string>): TargetCandidate[] {
    const tool = toolName(command);
    const words = command.argv.map((w) => w.value);
    const out: TargetCandidate[] = [];
    const fromText = (text: string, file: string): void => {
      for (const m of text.matchAll(/[a-z][a-z0-9+.-]{1,24}:\/\/[^\s'"`]+/gi)) out.push(this.candidate('url', m[0], file, services));
      // The host decides; a database name counts only when it says a tier (`inventory` says nothing and would outvote `localhost`).
      for (const m of text.matchAll(/\b(host|hostname|server|database|db)['"]?\s*[:=]\s*['"]([^'"]+)['"]/gi)) {
        const isHost = /^(?:host|hostname|server)$/i.test(m[1] ?? '');
        if (isHost || tierOfName(m[2] ?? '')) out.push({ name: m[2] ?? '', evidence: `${m[1] ?? 'host'} ${m[2] ?? ''} in ${file}`, ...(isHost && isLocalService(m[2] ?? '', services) ? { tier: 'development' as const } : {}) });
      }
      for (const m of text.matchAll(/(?:process\.env\.|os\.environ\[['"]|ENV\[['"]|env\(['"])([A-Z_][A-Z0-9_]*)/g)) {
        const v = loaded.get(m[1] ?? '');
        if (v) out.push(this.candidate(m[1] ?? '', v.value, v.file, services));
      }
    };
    if (tool === 'drizzle-kit') {
      const config = this.configText(dir, ['drizzle.config.ts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs', 'drizzle.config.json']);
      if (config) fromText(config.text, this.files.shown(config.path));
    } else if (tool === 'knex') {
      const config = this.configText(dir, ['knexfile.js', 'knexfile.ts', 'knexfile.cjs', 'knexfile.mjs']);
      const env = valueAfter(words, '--env') ?? command.assignments.get('NODE_ENV') ?? loaded.get('NODE_ENV')?.value ?? 'development';
      if (config) fromText(section(config.text, env), `${this.files.shown(config.path)} (${env})`);
    } else if (tool === 'sequelize') {
      const config = this.configText(dir, ['config/config.json', 'config/database.json']);
      const env = valueAfter(words, '--env') ?? command.assignments.get('NODE_ENV') ?? 'development';
      if (config) fromText(section(config.text, env), `${this.files.shown(config.path)} (${env})`);
    } else if (tool === 'rails') {
      const config = this.configText(dir, ['config/database.yml']);
      const env = command.assignments.get('RAILS_ENV') ?? words.find((w) => w.startsWith('RAILS_ENV='))?.slice(10) ?? valueAfter(words, '-e') ?? valueAfter(words, '--environment') ?? loaded.get('RAILS_ENV')?.value ?? 'development';
      if (config) {
        const block = yamlSection(config.text, env);
        const shown = `${this.files.shown(config.path)} (${env})`;
        if (block) {
          fromText(block, shown);
          for (const m of block.matchAll(/ENV(?:\.fetch)?[[(]\s*['"]([A-Z_][A-Z0-9_]*)['"]/g)) {
            const v = loaded.get(m[1] ?? '');
            if (v) out.push(this.candidate(m[1] ?? '', v.value, v.file, services));
          }
          out.push({ name: env, evidence: `the ${env} section of ${this.files.shown(config.path)}` });
        }
      }
    } else if (tool === 'typeorm') {
      const source = valueAfter(words, '-d') ?? valueAfter(words, '--dataSource');
      const path = source === undefined ? undefined : joinPath(dir, source);
      const got = path === undefined ? undefined : this.files.read(path);
      if (path !== undefined && got?.kind === 'text') fromText(got.text, this.files.shown(path));
    } else if (tool === 'terraform' || tool === 'tofu' || tool === 'terragrunt') {
      // The state's backend key and the workspace's variables name the environment (`key = "acme/production/…"`).
      const chdir = words.find((w) => w.startsWith('-chdir='))?.slice('-chdir='.length);
      const root = chdir === undefined ? dir : joinPath(dir, chdir);
      const names = (this.files.list(root) ?? []).filter((n) => /\.tf$|^terraform\.tfvars$|\.auto\.tfvars$/.test(n)).slice(0, 24);
      for (const name of names) {
        const got = this.files.read(joinPath(root, name));
        if (got.kind !== 'text') continue;
        const shown = this.files.shown(joinPath(root, name));
        for (const m of got.text.matchAll(/^\s*(key|prefix|bucket|workspace_key_prefix|organization|environment|env|stage|name)\s*=\s*"([^"$]+)"/gm)) {
          if (tierOfName(m[2] ?? '')) out.push({ name: m[2] ?? '', evidence: `${m[1] ?? ''} = "${m[2] ?? ''}" in ${shown}` });
        }
      }
    } else if (tool === 'alembic') {
      const config = this.configText(dir, [valueAfter(words, '-c') ?? valueAfter(words, '--config') ?? 'alembic.ini']);
      const url = config ? /^\s*sqlalchemy\.url\s*=\s*(\S+)/m.exec(config.text)?.[1] : undefined;
      if (config && url && url.includes('://')) out.push(this.candidate('sqlalchemy.url', url, this.files.shown(config.path), services));
    }
    return out;
  }
}

/**
 * A host that is one of the project's Compose services (`db`): the container next door. A compose
 * file is the agent's to write, so a service named like a remote host (`db.prod.internal`) or for
 * a tier (`prod-db`) is no proof of a local one.
 */
function isLocalService(host: string, services: ReadonlySet<string>): boolean {
  const tier = tierOfName(host);
  return host !== '' && !host.includes('.') && services.has(host) && tier !== 'production' && tier !== 'staging';
}

/** The tool a command runs, as project configuration knows it (`php artisan` → artisan, `bin/rails` → rails). */
function toolName(command: SimpleCommand): string | undefined {
  const words = command.argv.map((w) => w.value);
  if (command.program === 'php') return baseName(words.find((w, i) => i > 0 && !w.startsWith('-')) ?? '');
  if (command.program === 'python' || command.program === 'python3') return baseName(words[1] ?? '') === 'manage.py' ? 'manage.py' : undefined;
  if (command.program === 'rake' || (command.program === 'rails')) return 'rails';
  if (command.program === 'bundle' && words.includes('rails')) return 'rails';
  if (command.program === 'typeorm' || command.program.startsWith('typeorm-')) return 'typeorm';
  if (command.program === 'sequelize' || command.program === 'sequelize-cli') return 'sequelize';
  return command.program;
}

/** The source of the interpreter code the command was read from (itself, or the code that runs it). */
function codeOf(command: SimpleCommand): string | undefined {
  for (let c: SimpleCommand | undefined = command; c; c = c.parent) {
    if (c.source?.code && /^-[ecr]$/.test(c.argv[1]?.value ?? '')) return c.argv[2]?.value;
  }
  return undefined;
}

function valueAfter(words: readonly string[], flag: string): string | undefined {
  const at = words.findIndex((w) => w === flag || w.startsWith(flag + '='));
  if (at < 0) return undefined;
  const word = words[at] ?? '';
  return word === flag ? words[at + 1] : word.slice(flag.length + 1);
}

/** `user:pw@host:5432/db` without the user and password, for naming the target. */
function targetOf(url: string): string {
  const noScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = noScheme.indexOf('/');
  const at = noScheme.lastIndexOf('@', slash >= 0 ? slash : noScheme.length);
  return noScheme.slice(at + 1).split(/[?#]/)[0] ?? '';
}

/** The block of a JavaScript or JSON config under `key` (`production: { … }`), or the whole text when there is none. */
function section(text: string, key: string): string {
  const at = new RegExp(`(?:^|[\\s{,])['"]?${key.replace(/[^\w-]/g, '')}['"]?\\s*:\\s*\\{`).exec(text);
  if (!at) return text;
  let depth = 0;
  const start = at.index + at[0].length - 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** The section of config/database.yml for one environment, as text (ERB tags kept for the reader above). */
function yamlSection(text: string, env: string): string | undefined {
  const plain = text.replace(/<%=?([\s\S]*?)%>/g, (_m, inner: string) => `ERB(${inner.replace(/\n/g, ' ').replace(/"/g, "'").trim()})`);
  try {
    const doc: unknown = parseDocument(plain, { merge: true }).toJS();
    const block = isRecord(doc) ? doc[env] : undefined;
    return isRecord(block) ? JSON.stringify(block).replace(/ERB\(([^)]*)\)/g, '$1') : undefined;
  } catch {
    return undefined;
  }
}
