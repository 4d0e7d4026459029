// `airlock scan [DIR] [--json]`: secrets in a folder. The walk follows .gitignore (nested ones
// too) for what to read, but reads ignored files that are protected anyway — agents can read them.
// Binary and large files are skipped; a finding names file, line, rule and kind, never the value.
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isProtectedPath } from '../core/secrets/paths';
import { scanText, type TokenFinding } from '../core/secrets/tokens';
import { UsageError } from './options';

export const SCAN_USAGE = `airlock scan [DIR] [--json]
  Looks for secrets (tokens, keys, passwords in URLs) in DIR (default: the current folder),
  following .gitignore but also reading ignored files that are protected, and lists the protected
  files. Exit 1 when a secret is found. --json prints one JSON object; never a secret's value.`;

const MAX_BYTES = 1024 * 1024;
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn']);

export interface ScanResult {
  readonly scanned: number;
  readonly findings: readonly (TokenFinding & { readonly file: string })[];
  readonly protectedFiles: readonly string[];
  readonly skipped: number;
}

interface Options {
  readonly dir: string;
  readonly json: boolean;
}

export function parseScanArgs(argv: readonly string[], cwd: string): Options {
  let dir: string | undefined;
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}" for scan`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError('scan takes one folder');
  }
  return { dir: resolve(cwd, dir ?? '.'), json };
}

function isBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(8000);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Walks `root`; each directory's .gitignore applies below it, as git reads them. */
export function scanDirectory(root: string): ScanResult {
  const findings: (TokenFinding & { file: string })[] = [];
  const protectedFiles: string[] = [];
  let scanned = 0;
  let skipped = 0;
  const walk = (dir: string, rules: readonly { base: string; ig: Ignore }[]): void => {
    let here = rules;
    try {
      const text = readFileSync(join(dir, '.gitignore'), 'utf8');
      here = [...rules, { base: dir, ig: ignore().add(text) }];
    } catch {
      // no .gitignore here
    }
    const ignored = (path: string, isDir: boolean): boolean =>
      here.some(({ base, ig }) => {
        const rel = relative(base, path).split(sep).join('/');
        return rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
      });
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(name) && !ignored(path, true)) walk(path, here);
        continue;
      }
      if (!stat.isFile()) continue;
      const isProtected = isProtectedPath(rel);
      if (isProtected) protectedFiles.push(rel);
      if (ignored(path, false) && !isProtected) continue;
      if (stat.size > MAX_BYTES || isBinary(path)) {
        skipped++;
        continue;
      }
      scanned++;
      for (const f of scanText(readFileSync(path, 'utf8'))) findings.push({ file: rel, ...f });
    }
  };
  walk(root, []);
  return { scanned, findings, protectedFiles, skipped };
}

export function scanCommand(argv: readonly string[], io: { cwd: string; out: (text: string) => void }): number {
  const options = parseScanArgs(argv, io.cwd);
  let stat;
  try {
    stat = lstatSync(options.dir);
  } catch {
    throw new UsageError(`no such folder: ${options.dir}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`not a folder: ${options.dir}`);
  const result = scanDirectory(options.dir);
  if (options.json) {
    io.out(JSON.stringify({ scanned: result.scanned, findings: result.findings.map(({ file, line, rule, kind }) => ({ file, line, rule, kind })), protectedFiles: result.protectedFiles }) + '\n');
  } else {
    for (const f of result.findings) io.out(`${f.file}:${f.line}  ${f.kind} secret (${f.rule})${result.protectedFiles.includes(f.file) ? '' : '  — this file is not protected from agents'}\n`);
    io.out(`${result.scanned} files read (${result.skipped} binary or over 1 MB skipped), ${result.findings.length} secret${result.findings.length === 1 ? '' : 's'} found, ${result.protectedFiles.length} protected file${result.protectedFiles.length === 1 ? '' : 's'}.\n`);
  }
  return result.findings.length > 0 ? 1 : 0;
}
