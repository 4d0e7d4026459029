// Interpreter one-liners. Shell commands and file deletions inside them are already expanded into
// simple commands (src/core/shell/interpreters.ts); these rules read what is left in the code:
// SQL sent through a driver, data-store wipes, HTTP deletes, and secrets read or printed.
import { tierOfName } from '../environment/tiers';
import { isProtectedPath, isSecretDirectory } from '../secrets/paths';
import { MAX_SCANNED_CODE, inlineCode, interpreterPrograms, stringLiterals } from '../shell/interpreters';
import type { Args } from './args';
import { packedSecrets } from './archiveContents';
import { destructiveMutationsInBody } from './http/graphql';
import { isSecretVariable } from './secrets';
import { destructiveStatements } from './sql/statements';
import type { Rule } from './types';

const PROGRAMS = interpreterPrograms();

function codeOf(a: Args): string | undefined {
  return inlineCode(a.program, a.command.argv, a.command.stdin)?.code;
}

/**
 * The names the code acts on: string literals that look like a target (a URL, a host, a path or
 * name that says a tier), and the names of constants that say a tier (`PRODUCTION_ENV_ID = '…'`).
 * Other strings (SQL, messages, keys) name nothing and would only hide the tier these name.
 */
function literalTargets(a: Args): readonly string[] {
  const code = codeOf(a);
  if (code === undefined) return [];
  const literals = stringLiterals(code).filter((l) => l.length <= 300 && !/\s/.test(l) && (TARGET_LIKE.test(l) || tierOfName(l) !== undefined));
  const constants = [...code.slice(0, 64 * 1024).matchAll(/(?:^|[\s;(,])(?:const |let |var |my \$)?([A-Za-z_][A-Za-z0-9_]{2,63})\s*=\s*['"]/gm)]
    .map((m) => m[1] ?? '').filter((name) => tierOfName(name.replace(/_/g, '-')) !== undefined);
  return [...literals, ...constants];
}

/** A URL or a host name (`db.prod.internal`, `10.0.0.5:5432/app`). */
const TARGET_LIKE = /:\/\/|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/\S*)?$/i;

const DB_CALL = /\b(execute|executescript|executemany|query|exec|raw|prepare|run|sql|cursor|connect|unsafe)\s*\(|\$(?:execute|query)Raw(?:Unsafe)?\s*[(`]|\bsql`/;
const WIPE_CALLS = /\.(?:flushall|flushdb|flush_all)\b(?!\s*=)|\.(flushall|flushdb|flush_all|drop_database|dropDatabase|drop_collection|dropCollection|drop_all|delete_bucket|delete_objects|delete_table|delete_db_instance|delete_db_cluster|terminate_instances|delete_stack|delete_secret)\s*\(|\.objects\.all\(\)\.delete\(\)|\b(deleteMany|delete_many)\s*\(\s*(?:\{\s*\}\s*)?\)|\.drop\(\s*\)/;
// A client's `.delete('/v9/projects/…')` or `.delete(\`https://…\`)`: an HTTP DELETE, whatever the client is called.
const HTTP_DELETE = /\bmethod\s*[:=]\s*['"]DELETE['"]|\b(requests|httpx|axios|http|session)\.delete\s*\(|\.delete\s*\(\s*[`'"](?:https?:\/\/|\/)|Net::HTTP::Delete/;
const ENV_DUMP = /(print|console\.log|puts|p|pp|say|echo|JSON\.stringify|json\.dumps|print_r|var_dump|var_export)\s*\(?\s*(process\.env|os\.environ|ENV|dict\(os\.environ\)|%ENV|getenv\(\)|\$_ENV|\$_SERVER|Deno\.env\.toObject\(\)|Bun\.env)(?:\.(?:to_h|to_hash|inspect|items\(\)|copy\(\)))?\s*\)?\s*($|[;)\n])|\bprint\b[^;\n]*\$ENV\{\$_\}[^;\n]*\bfor\s+(?:sort\s+)?keys\s*%ENV|\bwhile\s*\(\s*my\s*\(\s*\$\w+\s*,\s*\$\w+\s*\)\s*=\s*each\s*%ENV/;
/** `node -p process.env`: the expression `-p` prints is the whole environment. */
const PRINTED_ENV = /^\s*(?:process\.env|\{\s*\.\.\.process\.env\s*\}|JSON\.stringify\(process\.env[^)]*\)|Deno\.env\.toObject\(\)|Bun\.env)\s*;?\s*$/;
/** `node -p 'process.env.DATABASE_URL'`: the one variable `-p` prints. */
const PRINTED_VARIABLE = /^\s*(?:process|Bun)\.env(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])\s*;?\s*$/;
const ENV_READ = /(?:os\.environ(?:\.get)?\s*[[(]\s*|os\.getenv\s*\(\s*|ENV\s*\[\s*|\$ENV\s*\{\s*|getenv\s*\(\s*)['"]([A-Za-z_][A-Za-z0-9_]*)['"]|process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g;
const PRINTS = /\b(print|console\.log|puts|say|echo|printf|process\.stdout\.write|sys\.stdout\.write|pp)\b/;
const HOME_HINT = /expanduser|homedir|Path\.home|expand_path|\bHOME\b/;

function readsProtectedFile(code: string): boolean {
  return stringLiterals(code).some((literal) =>
    isProtectedPath(literal) || (HOME_HINT.test(code) && /^\/?\./.test(literal) && isProtectedPath('~/' + literal.replace(/^\//, ''))));
}

// Standard-library modules that print the file they are given (`python3 -m json.tool secrets.json`).
const PRINTING_MODULES = ['json.tool', 'base64', 'quopri', 'uu'];

/** `python3 -c 'print(open(sys.argv[1]).read())' .env`: a credential file handed to code that reads its arguments. */
function argumentReadsProtectedFile(a: Args, code: string): boolean {
  if (!/\bsys\.argv|\bprocess\.argv|\bARGV\b|\$ARGV\b|\$argv\b|Deno\.args|Bun\.argv/.test(code)) return false;
  const at = a.list.findIndex((w) => /^-[A-Za-z]*[ceE]$/.test(w) || w === '--eval' || w === '--print' || w === '-p');
  return at >= 0 && a.list.slice(at + 2).some((w) => a.isProtected(w));
}

function moduleReadsProtectedFile(a: Args): boolean {
  const module = a.value('-m');
  return module !== undefined && PRINTING_MODULES.includes(module) && a.positionals.some((p) => p !== module && a.isProtected(p));
}

/**
 * Library calls that copy or archive a whole folder: Python's shutil, Node's fs and fs-extra,
 * Ruby's FileUtils, Perl's File::Copy::Recursive.
 */
const FOLDER_COPY_CALLS = /\b(copytree|make_archive|cpSync|cp|copySync|copy|cp_r|copy_entry|dircopy|rcopy)\s*\(/g;

/** A call's argument text from just after its `(` to the matching `)`, quotes skipped; at most 500 characters. */
function callArguments(code: string, from: number): string {
  let depth = 0;
  for (let i = from; i < code.length && i < from + 500; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = code.indexOf(ch, i + 1);
      if (close < 0) break;
      i = close;
    } else if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) return code.slice(from, i);
  }
  return code.slice(from, from + 500);
}

/**
 * The protected files interpreter code copies or archives with a whole folder
 * (`shutil.copytree('.', '/tmp/out')`, `fs.cpSync('.', '/tmp/o', {recursive: true})`).
 */
function copiedFolderSecrets(a: Args): string[] {
  const code = codeOf(a);
  if (code === undefined || !/copytree|make_archive|cpSync|\bcp\s*\(|copySync|\bcopy\s*\(|cp_r|copy_entry|dircopy|rcopy/.test(code)) return [];
  const found: string[] = [];
  for (const call of code.slice(0, MAX_SCANNED_CODE).matchAll(FOLDER_COPY_CALLS)) {
    // `require('os').homedir() + '/.aws'`: a module's name is not a folder.
    const args = callArguments(code, (call.index ?? 0) + call[0].length).replace(/\brequire\s*\(\s*(['"`])[^'"`]*\1\s*\)/g, '');
    const literals = stringLiterals(args, 4);
    // make_archive(base, format, root_dir='.'): the folder is the third argument, the working folder when left out.
    const source = call[1] === 'make_archive' ? literals[2] ?? (literals.length === 2 ? '.' : undefined) : literals[0];
    if (source === undefined) continue;
    // `homedir() + '/.aws'`: a dot-name joined to the home folder.
    const inHome = HOME_HINT.test(code) && /^\/?\./.test(source) ? '~/' + source.replace(/^\//, '') : undefined;
    const secret = [source, inHome].find((name) => name !== undefined && (a.isProtected(name) || isSecretDirectory(name)));
    if (secret !== undefined) found.push(secret);
    else found.push(...packedSecrets(a, { inputs: [{ name: inHome ?? source }], excludes: [] }));
  }
  return found;
}

const PRINT_CALLS = new RegExp(PRINTS.source, 'g');
/** How far back from a variable read a print call is looked for, and how many reads are examined. */
const MAX_PRINT_SCAN = 2000;
const MAX_SECRET_READS = 32;

interface PrintCall { readonly args: number; readonly parens: boolean }

function printCalls(code: string): PrintCall[] {
  const out: PrintCall[] = [];
  PRINT_CALLS.lastIndex = 0;
  for (let m = PRINT_CALLS.exec(code); m; m = PRINT_CALLS.exec(code)) {
    let i = m.index + m[0].length;
    while (code[i] === ' ') i++;
    out.push({ args: code[i] === '(' ? i + 1 : i, parens: code[i] === '(' });
  }
  return out;
}

/**
 * True when the text at `at` is one of a print call's own arguments, not inside a call nested in
 * them: `print(os.environ['KEY'])` prints the value, `print(connect(os.environ['DATABASE_URL']).x())` does not.
 */
function printedAt(code: string, calls: readonly PrintCall[], at: number): boolean {
  return calls.some(({ args, parens }) => {
    if (args > at || at - args > MAX_PRINT_SCAN) return false;
    let depth = 0;
    for (let i = args; i < at; i++) {
      const c = code[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth < 0) return false;
      else if (!parens && depth === 0 && (c === ';' || c === '\n')) return false;
    }
    return depth === 0;
  });
}

/**
 * A secret variable read where the code prints it: in a print call's own arguments, or at the top
 * level (`t = os.environ['TOKEN']; print(t)`); one handed to another call (`connect(os.environ[…])`)
 * is used, not shown. Parentheses inside strings are not told apart: this is a heuristic.
 */
function printsSecretVariable(code: string): boolean {
  if (!PRINTS.test(code)) return false;
  const calls = printCalls(code);
  let depth = 0;
  let scanned = 0;
  let examined = 0;
  ENV_READ.lastIndex = 0;
  for (let m = ENV_READ.exec(code); m && examined < MAX_SECRET_READS; m = ENV_READ.exec(code)) {
    // Paren depth at the read, carried forward from the previous one (matches come in order).
    for (; scanned < m.index; scanned++) {
      if (code[scanned] === '(') depth++;
      else if (code[scanned] === ')' && depth > 0) depth--;
    }
    // `!!process.env.TOKEN`, `!process.env.TOKEN`: whether it is set, not its value.
    if (!isSecretVariable(m[1] ?? m[2] ?? '') || code[m.index - 1] === '!') continue;
    examined++;
    if (depth === 0 || printedAt(code, calls, m.index)) return true;
  }
  return false;
}

export const interpretersRules: readonly Rule[] = [
  {
    id: 'interpreters.sql-destructive',
    programs: PROGRAMS,
    category: 'interpreters',
    severity: 'critical',
    summary: 'Interpreter code sends SQL that drops, truncates or deletes data without a narrowing WHERE',
    hint: 'Take a backup or snapshot first, and run the statement in a reviewed migration',
    // SQL text that is only printed (`console.log("DROP TABLE users")`) runs nothing.
    match: (a) => {
      const code = codeOf(a) ?? '';
      return DB_CALL.test(code) && stringLiterals(code).some((literal) => destructiveStatements(literal).some((st) => st.kind !== 'read-credentials'));
    },
    targets: literalTargets,
    examples: {
      match: [
        `python3 -c "import psycopg2; c=psycopg2.connect('postgres://app@db/app'); c.cursor().execute('DROP TABLE users')"`,
        `node -e "new (require('pg').Client)().query('TRUNCATE orders')"`,
      ],
      noMatch: [
        `python3 -c "import sqlite3; print(sqlite3.connect('a.db').execute('SELECT 1').fetchall())"`,
        `python3 -c "print('drop'.upper())"`,
        `node -e 'console.log("DROP TABLE users")'`,
      ],
    },
  },
  {
    id: 'interpreters.datastore-wipe',
    programs: PROGRAMS,
    category: 'interpreters',
    severity: 'critical',
    summary: 'Interpreter code wipes a data store or deletes cloud resources through an SDK',
    hint: 'Take a backup or snapshot first, and use the provider console or CLI where the target is shown',
    match: (a) => WIPE_CALLS.test(codeOf(a) ?? ''),
    targets: literalTargets,
    examples: {
      match: [
        `python -c "import redis; redis.Redis(host='redis.staging.io').flushall()"`,
        `python -c "import boto3; boto3.resource('s3').Bucket('acme-prod-assets').objects.all().delete()"`,
        `node -e "require('mongodb').MongoClient.connect(u).then(c => c.db('app').dropDatabase())"`,
        `npx tsx -e "import {PrismaClient} from '@prisma/client'; new PrismaClient().user.deleteMany()"`,
      ],
      noMatch: [
        `python -c "import redis; print(redis.Redis().ping())"`,
        `python -c "import boto3; print(boto3.client('s3').list_buckets())"`,
      ],
    },
  },
  {
    id: 'interpreters.http-delete',
    programs: PROGRAMS,
    category: 'interpreters',
    severity: 'critical',
    summary: 'Interpreter code sends an HTTP DELETE or a GraphQL mutation that deletes something',
    hint: 'Make the change in the provider dashboard where the environment is shown, after a backup',
    match: (a) => {
      const code = codeOf(a) ?? '';
      return HTTP_DELETE.test(code) || stringLiterals(code).some((literal) => destructiveMutationsInBody(literal).length > 0);
    },
    detail: (a) => {
      const mutations = [...new Set(stringLiterals(codeOf(a) ?? '').flatMap((literal) => destructiveMutationsInBody(literal)))];
      return mutations.length > 0 ? `GraphQL ${mutations.slice(0, 3).join(', ')}` : HTTP_DELETE.test(codeOf(a) ?? '') ? 'HTTP DELETE' : undefined;
    },
    targets: literalTargets,
    examples: {
      match: [
        `node -e "fetch('https://backboard.railway.app/graphql/v2',{method:'POST',body:JSON.stringify({query:'mutation { volumeDelete(volumeId: \\"v1\\") }'})})"`,
        `python3 -c "import requests; requests.delete('https://api.example.com/v1/projects/42')"`,
      ],
      noMatch: [
        `python3 -c "import requests; print(requests.get('https://api.example.com/v1/projects').json())"`,
        `node -e "fetch('https://backboard.railway.app/graphql/v2',{method:'POST',body:'{\\"query\\":\\"query { me { name } }\\"}'})"`,
      ],
    },
  },
  {
    id: 'interpreters.secret-read',
    programs: PROGRAMS,
    category: 'secrets',
    severity: 'high',
    summary: 'Interpreter code reads a credential file or prints secret environment variables',
    hint: 'Reference the secret by name in configuration instead of printing or reading it',
    match: (a) => {
      const code = codeOf(a) ?? '';
      const variable = PRINTED_VARIABLE.exec(code);
      const printed = a.list.some((w) => w === '-p' || w === '--print') && (PRINTED_ENV.test(code) || (variable !== null && isSecretVariable(variable[1] ?? variable[2] ?? '')));
      return readsProtectedFile(code) || ENV_DUMP.test(code) || printed || printsSecretVariable(code) || moduleReadsProtectedFile(a) || argumentReadsProtectedFile(a, code);
    },
    targets: literalTargets,
    examples: {
      match: [
        `python3 -c "print(open('.env').read())"`,
        `node -e "console.log(process.env)"`,
        `node -e "console.log(require('fs').readFileSync(require('os').homedir()+'/.aws/credentials','utf8'))"`,
        `ruby -e 'puts File.read(File.expand_path("~/.ssh/id_rsa"))'`,
        `python -c "import os; print(os.environ['OPENAI_API_KEY'])"`,
        'python3 -m json.tool secrets.json',
        'python -m base64 .env',
        `python3 -c "import os; t = os.environ['GITHUB_TOKEN']; print(t[:4], t)"`,
        `python3 -c 'import sys; print(open(sys.argv[1]).read())' .env.production`,
        `node -e 'console.log(require("fs").readFileSync(process.argv[1], "utf8"))' .env`,
        'node -p process.env', `ruby -e 'p ENV.to_h'`, `php -r 'print_r(getenv());'`,
        `node -p 'process.env.DATABASE_URL'`, `perl -e 'print "$_=$ENV{$_} " for keys %ENV'`, `deno eval 'console.log(Deno.env.toObject())'`,
        `bun -e 'console.log(Bun.env)'`,
      ],
      noMatch: [
        `python3 -c "print(open('README.md').read())"`,
        `node -e "console.log(process.env.NODE_ENV)"`, `node -p 'process.env.NODE_ENV'`,
        `python3 -c "print(open('.env.example').read())"`,
        'python3 -m json.tool package.json',
        'python -m base64 -d payload.b64',
        `python3 -c "import os, psycopg; print(psycopg.connect(os.environ['DATABASE_URL']).execute('SELECT 1').fetchone())"`,
      ],
    },
  },
  {
    id: 'interpreters.copy-secret-folder',
    programs: PROGRAMS,
    category: 'secrets',
    severity: 'high',
    summary: 'Interpreter code copies or archives a folder that holds credential files, carrying them out under another name',
    hint: 'Copy only the folders the code is in, or leave the credentials out (shutil.ignore_patterns(\'.env*\'))',
    match: (a) => copiedFolderSecrets(a).length > 0,
    targets: copiedFolderSecrets,
    detail: (a) => `carries ${copiedFolderSecrets(a).slice(0, 3).join(', ')}`,
    examples: {
      match: [
        `python3 -c "import shutil; shutil.copytree(os.path.expanduser('~/.ssh'), '/tmp/k')"`,
        `python3 -c "import shutil; shutil.copytree('.', '/tmp/out')"`,
        `python3 -c "import shutil; shutil.make_archive('/tmp/site', 'zip')"`,
        `node -e "require('fs').cpSync('deploy', '/tmp/d', {recursive: true})"`,
        `ruby -e "require 'fileutils'; FileUtils.cp_r('.', '/tmp/o')"`,
        `node -e "require('fs').cpSync(require('os').homedir() + '/.aws', '/tmp/a', {recursive: true})"`,
      ],
      noMatch: [
        `python3 -c "import shutil; shutil.copytree('src', '/tmp/src')"`,
        `node -e "require('fs').cpSync('dist', '/tmp/dist', {recursive: true})"`,
        `python3 -c "import shutil; shutil.copy('README.md', '/tmp/r')"`,
        `python3 -c "import shutil; shutil.make_archive('/tmp/site', 'zip', 'site')"`,
      ],
    },
  },
];
