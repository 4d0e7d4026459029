// Files a command reads its work from: SQL files given to database clients (`psql -f`, sqlite's
// `.read`), scripts given to mongosh, manifests given to `kubectl delete -f`, and a Terraform plan
// the same line made with `-destroy`. Each becomes the command as if the file's content had been
// written on the line.
import { parseAllDocuments } from 'yaml';
import type { SimpleCommand } from '../shell/command';
import { joinPath } from './files';
import type { Followed, LineFiles } from './followed';
import { isRecord } from './packageScripts';

const MAX_MANIFESTS = 64;

/** Plans a line has made so far, by path: the options of each plan made with `-destroy` (its var files name the environment). */
export type Plans = Map<string, readonly string[] | undefined>;

export function followInputFiles(command: SimpleCommand, dir: string | undefined, files: LineFiles, plans: Plans): Followed[] {
  const words = command.argv.map((w) => w.value);
  const runner = words.join(' ');
  switch (command.program) {
    case 'psql':
    case 'ysqlsh':
    case 'vsql':
      return [...sqlFiles(undefined, ['-f', '--file'], words, dir, files), ...includedSql(words, ['-c', '--command'], /^\s*\\i[r]?\s+(\S+)/, dir, files)];
    case 'mysql':
    case 'mariadb':
      // `mysql db -e "source wipe.sql"`, `-e "\. wipe.sql"`
      return includedSql(words, ['-e', '--execute'], /^\s*(?:source|\\\.)\s+(\S+?);?\s*$/i, dir, files);
    case 'sqlcmd':
      return sqlFiles(undefined, ['-i'], words, dir, files);
    case 'cqlsh':
    case 'usql':
    case 'cockroach':
    case 'mysqlsh':
      return sqlFiles(undefined, ['-f', '--file'], words, dir, files);
    case 'sqlite3':
    case 'sqlite': {
      const read = words.findIndex((w) => /^\.read\s+\S/.test(w.trim()));
      const init = words.indexOf('-init');
      const file = read >= 0 ? (words[read] ?? '').trim().slice(5).trim() : init >= 0 ? words[init + 1] : undefined;
      if (file === undefined) return [];
      const rest = words.filter((_w, i) => i !== read && i !== init && (init < 0 || i !== init + 1));
      return fed(rest, joinFile(dir, file, files), files);
    }
    case 'mongosh':
    case 'mongo': {
      const at = words.findIndex((w, i) => i > 0 && /\.js$/.test(w) && !['--eval', '--host'].includes(words[i - 1] ?? ''));
      const flag = words.findIndex((w) => w === '-f' || w === '--file');
      const index = flag >= 0 ? flag + 1 : at;
      const file = words[index];
      if (file === undefined || index <= 0) return [];
      const out: Followed[] = [];
      const path = joinFile(dir, file, files);
      const text = files.text(path, out);
      if (text === undefined) return out;
      const rest = words.filter((_w, i) => i !== index && i !== flag);
      out.push({ kind: 'argv', words: [...rest, '--eval', text], source: { runner, file: files.shown(path), text, offset: 0 } });
      return out;
    }
    case 'kubectl':
    case 'oc':
      return manifests(words, dir, files, runner);
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      return plan(words, dir, files, plans);
    // `prisma db execute --file drop.sql`, `wrangler d1 execute DB --file drop.sql`: the file's SQL
    // sent to the project's database, read as a database client's input.
    case 'prisma':
      return words[1] === 'db' && words[2] === 'execute' ? sqlFiles(['psql'], ['--file'], words, dir, files) : [];
    case 'wrangler':
      return words[1] === 'd1' && words[2] === 'execute' ? sqlFiles(['sqlite3'], ['--file'], words, dir, files) : [];
    default:
      return [];
  }
}

/** `psql -c '\i drop.sql'`, `mysql -e 'source drop.sql'`: the client with the included file's SQL on stdin. */
function includedSql(words: readonly string[], flags: readonly string[], include: RegExp, dir: string | undefined, files: LineFiles): Followed[] {
  const out: Followed[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    const inline = flags.map((f) => (word.startsWith(f + '=') ? word.slice(f.length + 1) : undefined)).find((v) => v !== undefined);
    const value = inline ?? (flags.includes(word) ? words[i + 1] : undefined);
    const file = value === undefined ? undefined : include.exec(value)?.[1];
    if (file === undefined) continue;
    const rest = words.filter((_w, k) => k !== i && (inline !== undefined || k !== i + 1));
    out.push(...fed(rest, joinFile(dir, file, files), files));
  }
  return out;
}

/**
 * `psql -f drop.sql db`: psql with the file's SQL on stdin. `client`, when given, is the command fed
 * instead of the line's own words (`prisma db execute --file` feeds a SQL client).
 */
function sqlFiles(client: readonly string[] | undefined, flags: readonly string[], words: readonly string[], dir: string | undefined, files: LineFiles): Followed[] {
  const out: Followed[] = [];
  const rest: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const flag = flags.find((f) => word === f || word.startsWith(f + '=') || (f.length === 2 && word.startsWith(f) && word.length > 2 && !word.startsWith('--')));
    if (!flag || i === 0) { rest.push(word); continue; }
    const value = word === flag ? words[++i] : word.startsWith(flag + '=') ? word.slice(flag.length + 1) : word.slice(2);
    if (value !== undefined && value !== '-') paths.push(value);
  }
  for (const path of paths) out.push(...fed(client ?? rest, joinFile(dir, path, files), files));
  return out;
}

function fed(words: readonly string[], path: string, files: LineFiles): Followed[] {
  const out: Followed[] = [];
  const text = files.text(path, out);
  if (text !== undefined) out.push({ kind: 'argv', words, stdin: text, source: { runner: `< ${files.shown(path)}`, file: files.shown(path) } });
  return out;
}

/**
 * `kubectl delete -f app.yaml`: one `kubectl delete KIND NAME -n NS` per object the files
 * define, with the line's own context and namespace flags, so each kind's rule and namespace speak.
 */
function manifests(words: readonly string[], dir: string | undefined, files: LineFiles, runner: string): Followed[] {
  const verb = words.find((w, i) => i > 0 && !w.startsWith('-') && !['-n', '--namespace', '--context', '--kubeconfig', '-f', '--filename', '-l', '--selector'].includes(words[i - 1] ?? ''));
  if (verb !== 'delete' && !(verb === 'replace' && words.includes('--force'))) return [];
  // A dry run deletes nothing (`--dry-run=none` is a real run).
  if (words.some((w) => w === '--dry-run' || (w.startsWith('--dry-run=') && w !== '--dry-run=none'))) return [];
  const global: string[] = [];
  const paths: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-f' || word === '--filename') { paths.push(words[++i] ?? ''); continue; }
    if (word.startsWith('--filename=')) { paths.push(word.slice('--filename='.length)); continue; }
    if (word === '--context' || word === '--kubeconfig' || word === '-n' || word === '--namespace') { global.push(word, words[++i] ?? ''); continue; }
    if (/^--(?:context|kubeconfig|namespace)=/.test(word)) global.push(word);
  }
  const out: Followed[] = [];
  let count = 0;
  for (const given of paths) {
    if (/^[a-z]+:\/\//.test(given) || given === '-') continue;
    const path = joinFile(dir, given, files);
    const names = /\.(?:ya?ml|json)$/.test(path) ? [path] : (files.list(path) ?? []).filter((n) => /\.(?:ya?ml|json)$/.test(n)).map((n) => joinPath(path, n));
    for (const file of names) {
      const text = files.text(file, out);
      if (text === undefined) continue;
      for (const doc of parseAllDocuments(text)) {
        if (!('toJS' in doc) || doc.errors.length > 0) { out.push({ kind: 'unread', detail: `${files.shown(file)} is not YAML Airlock can read` }); break; }
        const value: unknown = doc.toJS();
        const objects = isRecord(value) && value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
        for (const object of objects) {
          if (!isRecord(object) || typeof object.kind !== 'string' || ++count > MAX_MANIFESTS) continue;
          const meta = isRecord(object.metadata) ? object.metadata : {};
          const name = typeof meta.name === 'string' ? meta.name : '';
          const ns = typeof meta.namespace === 'string' && !global.includes('-n') && !global.includes('--namespace') ? ['-n', meta.namespace] : [];
          out.push({ kind: 'argv', words: [words[0] ?? 'kubectl', ...global, 'delete', object.kind.toLowerCase(), name, ...ns], source: { runner, file: files.shown(file), text, offset: 0 } });
        }
      }
    }
  }
  return out;
}

/** `terraform plan -destroy -out p && terraform apply p`: the apply destroys. */
function plan(words: readonly string[], dir: string | undefined, files: LineFiles, plans: Plans): Followed[] {
  const chdir = words.find((w) => w.startsWith('-chdir='))?.slice('-chdir='.length);
  const base = chdir === undefined ? dir : dir === undefined ? chdir : `${dir}/${chdir}`;
  const verb = words.find((w, i) => i > 0 && !w.startsWith('-'));
  if (verb === 'plan') {
    const out = words.find((w) => w.startsWith('-out='))?.slice(5) ?? words[words.indexOf('-out') + 1];
    if (out !== undefined && (words.includes('-out') || words.some((w) => w.startsWith('-out=')))) {
      const destroys = words.some((w) => w === '-destroy' || w === '--destroy' || w === '-destroy=true');
      plans.set(files.path(base, out), destroys ? words.filter((w) => /^-(?:var-file|var|state|lock)=/.test(w)) : undefined);
    }
    return [];
  }
  if (verb !== 'apply') return [];
  const operands = words.slice(words.indexOf('apply') + 1).filter((w) => !w.startsWith('-'));
  const planFile = operands[0];
  const options = planFile === undefined ? undefined : plans.get(files.path(base, planFile));
  if (options === undefined) return [];
  return [{ kind: 'argv', words: [words[0] ?? 'terraform', ...(chdir === undefined ? [] : [`-chdir=${chdir}`]), 'destroy', ...options], source: { runner: words.join(' '), file: `${planFile}, a plan this line made with -destroy` } }];
}

function joinFile(dir: string | undefined, file: string, files: LineFiles): string {
  return files.path(dir, file);
}
