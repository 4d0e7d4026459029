// Following a line into the project: for each command the expander finds, what a task runner,
// a script run by path or an input file makes it run. The expander reads what comes back as if
// it had been typed, so every rule, carrier and environment reading applies to it.
import type { SimpleCommand } from '../shell/command';
import { followCompose } from './compose';
import { followGitHooks } from './gitHooks';
import { ProjectEnvironment } from './environment';
import type { ProjectFiles } from './files';
import { LineFiles, type FollowContext, type Followed, type Source } from './followed';
import { followInputFiles, type Plans } from './inputFiles';
import { followJust } from './justfile';
import { PYTHON_PROJECT_RUNNERS, followComposer, followDenoTask, followInvoke, followPoe, followRake, pythonProjectCommand } from './languageRunners';
import { followMake } from './makefile';
import { followMise } from './mise';
import { followLerna, followNx, followTurbo, localBinary } from './monorepo';
import { PACKAGE_MANAGERS, followPackageScripts } from './packageScripts';
import { fileScript, followScript, scriptPrograms } from './scripts';
import { followTask } from './taskfile';
import { followGoRun } from './goPrograms';

type Reader = (command: SimpleCommand, dir: string | undefined, files: LineFiles) => Followed[];

const RUNNERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ...PACKAGE_MANAGERS.map((p): [string, Reader] => [p, followPackageScripts]),
  ['turbo', followTurbo], ['nx', followNx], ['lerna', followLerna], ['go', followGoRun],
  ['make', followMake], ['gmake', followMake],
  ['just', followJust],
  ['task', followTask], ['go-task', followTask],
  ['mise', followMise], ['rtx', followMise],
  ['composer', followComposer],
  ['rake', followRake],
  ['invoke', followInvoke], ['inv', followInvoke],
  ['poe', followPoe],
  ['docker', followCompose], ['podman', followCompose], ['docker-compose', followCompose], ['podman-compose', followCompose],
  ['git', followGitHooks],
]);

const INPUT_PROGRAMS = ['psql', 'ysqlsh', 'vsql', 'mysql', 'mariadb', 'sqlcmd', 'cqlsh', 'usql', 'cockroach', 'mysqlsh', 'sqlite3', 'sqlite', 'mongosh', 'mongo', 'kubectl', 'oc', 'terraform', 'tofu', 'terragrunt', 'prisma', 'wrangler'];
/** Runners whose operand may be a binary the project defines (`npx wipe`). */
const BINARY_RUNNERS: ReadonlySet<string> = new Set(['npx', 'pnpx', 'bunx', 'npm', 'pnpm', 'yarn', 'bun']);

/** Every program whose line is followed into the project: the prefilter must not clear them. */
export function followedPrograms(): readonly string[] {
  return [...RUNNERS.keys(), 'deno', ...INPUT_PROGRAMS, ...scriptPrograms(), ...BINARY_RUNNERS, ...PYTHON_PROJECT_RUNNERS];
}

const FOLLOWED: ReadonlySet<string> = new Set(followedPrograms());

export class Follower {
  private readonly files: LineFiles;
  private readonly plans: Plans = new Map();

  constructor(context: FollowContext) {
    this.files = new LineFiles(context);
  }

  /** What `command` runs from the project's files; `dir` is where the line's `cd`s left it. */
  follow(given: SimpleCommand, dir: string | undefined): Followed[] {
    // `$PWD/x.sh`, `~+/x.sh`, `$(pwd)/x.sh`: the folder the line is in.
    const head = given.argv[0];
    // Only a word starting `$` or `~` can name it: most are passed over without the pattern.
    const here = head !== undefined && (head.value.startsWith('$') || head.value.startsWith('~'))
      ? head.value.replace(/^(?:\$\{?PWD\}?|~\+|\$\(pwd\))(?=\/)/, '.') : head?.value;
    const command = head !== undefined && here !== head.value ? { ...given, argv: [{ ...head, value: here ?? '', dynamic: false }, ...given.argv.slice(1)] } : given;
    if (command.target !== undefined || command.argv[0]?.dynamic) return [];
    // Most commands lead nowhere: only followed programs, programs given by path, and what a runner runs.
    if (!FOLLOWED.has(command.program) && !command.argv[0]?.value.includes('/') && !(command.parent && (BINARY_RUNNERS.has(command.parent.program) || PYTHON_PROJECT_RUNNERS.has(command.parent.program)))) return [];
    const out: Followed[] = [];
    const runner = RUNNERS.get(command.program);
    if (runner) out.push(...runner(command, dir, this.files));
    if (command.program === 'deno') out.push(...followDenoTask(command, dir, this.files));
    if (INPUT_PROGRAMS.includes(command.program)) out.push(...followInputFiles(command, dir, this.files, this.plans));
    out.push(...followScript(command, dir, this.files));
    if (command.parent && PYTHON_PROJECT_RUNNERS.has(command.parent.program) && !command.argv[0]?.value.includes('/')) {
      out.push(...pythonProjectCommand(command.argv[0]?.value ?? '', dir, this.files));
    }
    if (command.parent && BINARY_RUNNERS.has(command.parent.program)) {
      const bin = localBinary(command.argv[0]?.value ?? '', dir, this.files);
      if (bin) out.push(...fileScript(bin.file, undefined, command.argv.map((w) => w.value).join(' '), this.files, false, this.files.path(dir, '.')));
    }
    return out;
  }

  /** A file fed on stdin (`psql < drop.sql`), with where it comes from; undefined when it cannot be read. */
  input(path: string, dir: string | undefined, runner: string): { text: string; source: Source } | undefined {
    const full = this.files.path(dir, path);
    const got = this.files.read(full);
    if (got.kind !== 'text') return undefined;
    return { text: got.text, source: { runner, file: this.files.shown(full), text: got.text, offset: 0 } };
  }

  private projectEnvironment: ProjectEnvironment | undefined;

  /** What the project's configuration says each command connects to, read through the same files. */
  environment(): ProjectEnvironment {
    this.projectEnvironment ??= new ProjectEnvironment(this.files);
    return this.projectEnvironment;
  }

  /** A file the line writes (`cat > x.sh <<EOF`), read from there by later commands; `text` undefined when the line does not show it. */
  wrote(path: string, dir: string | undefined, text: string | undefined): void {
    this.files.wrote(this.files.path(dir, path), text);
  }
}

/** The files a caller hands the engine, and where the line runs. */
export interface ProjectContext {
  readonly files: ProjectFiles;
  readonly home?: string;
}
