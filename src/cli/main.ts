// The `airlock` command. Kept small at start-up: the parser loads only for lines that need it.
import { join } from 'node:path';
import { auditCommand, AUDIT_USAGE } from './audit';
import { check, checkJudge } from './check';
import { isBatchWorker, serveBatch, startBatchWorkers } from './batchWorkers';
import { gateCommand, GATE_USAGE } from './gate/command';
import { scanCommand, SCAN_USAGE } from './scan';
import { hookCommand, HOOK_USAGE } from './hook/command';
import { doctor, doctorJson } from './install/doctor';
import { install, uninstall, type InstallIo } from '../agents/install/install';
import { INSTALL_USAGE, parseInstallOptions } from './install/options';
import { CHECK_USAGE, UsageError } from './options';

const USAGE = `airlock — stops destructive commands before they run

Commands:
  check      classify a command line: what it destroys and which environment it hits
  hook       answer an agent's pre-tool hook (run by the agent, see install)
  gate       the terminal gate's check before a command runs (run by its shims and shell guards)
  scan       look for secrets in a folder and list its protected files
  install    add Airlock's hook to Claude Code, Cursor, Copilot, Gemini CLI
  uninstall  remove it again, restoring your files
  doctor     check that each installed hook is current and answering
  audit      verify the audit log, or show its latest decisions

${CHECK_USAGE}

${HOOK_USAGE}

${GATE_USAGE}

${SCAN_USAGE}

${INSTALL_USAGE}

${AUDIT_USAGE}`;

const VERSION = '0.1.0';

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        // stdin is opened only for --batch: creating the stream costs a plain command milliseconds.
        return await check(rest, {
          stdin: () => process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd(),
          warn: (message) => process.stderr.write(`airlock: ${message}\n`),
          workers: (count, setup) => startBatchWorkers(__filename, count, setup),
        });
      case 'hook':
        return await hookCommand(rest);
      case 'gate':
        return await gateCommand(rest);
      case 'scan':
        return scanCommand(rest, { cwd: process.cwd(), out: (t) => process.stdout.write(t) });
      case 'install':
        return install(parseInstallOptions(rest, undefined, process.cwd()), installIo());
      case 'uninstall':
        return uninstall(parseInstallOptions(rest, 'all', process.cwd()), installIo());
      case 'doctor':
      {
        const json = rest.includes('--json');
        const args = rest.filter((a) => a !== '--json');
        const options = parseInstallOptions(args, 'all', process.cwd());
        const scopes = args.some((a) => a.startsWith('--scope')) ? [options.scope] : (['project', 'user', 'managed'] as const);
        return json ? doctorJson(options.dir, options.agents, scopes, installIo()) : await doctor(options.dir, options.agents, scopes, installIo());
      }
      case 'audit':
        return auditCommand(rest, { env: process.env, out: (t) => process.stdout.write(t) });
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 3 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`airlock: ${error.message}\n\n${USAGE}\n`);
      return 3;
    }
    // Fail closed: an internal error is a deny (exit 2), never an allow.
    process.stderr.write(`airlock: internal error, treating the command as denied: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function installIo(): InstallIo {
  // The launcher runs this very CLI: the script beside this bundle, with the node running it.
  return { env: process.env, out: (line) => process.stdout.write(line + '\n'), node: process.execPath, cli: join(__dirname, 'cli.js') };
}

// Exit as soon as the answer is written: the WebAssembly runtime can keep the event loop busy
// for a long while after it is no longer needed, and a hook must not make its agent wait.
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

if (isBatchWorker()) serveBatch(checkJudge);
else main(process.argv.slice(2)).then(exit, () => exit(2));
