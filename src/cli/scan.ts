// `airlock scan [DIR] [--json]`: secrets in a folder. The walk follows .gitignore (nested ones
// too) for what to read, but reads ignored files that are protected anyway — agents can read them.
// Binary and large files are skipped; a finding names file, line, rule and kind, never the value.
// Each file costs one open, fstat, read and close, into a buffer shared by all of them; only the
// lines around a keyword are ever decoded.
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isProtectedPath } from '../core/secrets/paths';
import { secretName } from '../core/secrets/secretWords';
import { scanBytes, type TokenFinding } from '../core/secrets/tokenScan';
import { UsageError } from './options';

export const SCAN_USAGE = `airlock scan [DIR] [--json]
  Looks for secrets (tokens, keys, passwords in URLs) in DIR (default: the current folder),
  following .gitignore but also reading ignored files that are protected, and lists the protected
  files. Exit 1 when a secret is found. --json prints one JSON object; never a secret's value.`;

const MAX_BYTES = 1024 * 1024;
/** How much of a file's start is searched for a NUL byte, as git does to call it binary. */
const BINARY_PROBE = 8000;
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

/** One buffer for every file read: a scan reads thousands of files, most of them small. */
let buffer = Buffer.alloc(0);

/**
 * A file's bytes, in the shared buffer (valid until the next read); undefined when it is over
 * MAX_BYTES or binary (a NUL byte near its start).
 */
function readBytes(path: string): Uint8Array | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_BYTES) return undefined;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
    let n = 0;
    for (let read = 1; n < size && read > 0; n += read) read = readSync(fd, buffer, n, size - n, null);
    if (buffer.subarray(0, Math.min(n, BINARY_PROBE)).includes(0)) return undefined;
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

interface GitIgnore {
  /** The folder holding the .gitignore, relative to the scanned root ('' for the root). */
  readonly base: string;
  readonly ig: Ignore;
}

/** Walks `root`; each directory's .gitignore applies below it, as git reads them. */
export function scanDirectory(root: string): ScanResult {
  const findings: (TokenFinding & { file: string })[] = [];
  const protectedFiles: string[] = [];
  let scanned = 0;
  let skipped = 0;
  const walk = (dir: string, relDir: string, rules: readonly GitIgnore[]): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let here = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        here = [...rules, { base: relDir, ig: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
      } catch {
        // unreadable: walk the folder as if it had none
      }
    }
    const ignored = (rel: string, isDir: boolean): boolean =>
      here.some(({ base, ig }) => {
        const below = base === '' ? rel : rel.slice(base.length + 1);
        return ig.ignores(isDir ? `${below}/` : below);
      });
    for (const entry of entries) {
      const name = entry.name;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(name) && !ignored(rel, true)) walk(join(dir, name), rel, here);
        continue;
      }
      if (!entry.isFile()) continue;
      const isProtected = isProtectedPath(rel);
      if (isProtected) protectedFiles.push(rel);
      if (!isProtected && ignored(rel, false)) continue;
      let bytes: Uint8Array | undefined;
      try {
        bytes = readBytes(join(dir, name));
      } catch {
        bytes = undefined; // unreadable (permissions, removed meanwhile): counted as skipped
      }
      if (bytes === undefined) {
        skipped++;
        continue;
      }
      scanned++;
      for (const f of scanBytes(bytes)) findings.push({ file: rel, ...f });
    }
  };
  walk(root, '', []);
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
    for (const f of result.findings) io.out(`${f.file}:${f.line}  ${secretName(f)} (${f.rule})${result.protectedFiles.includes(f.file) ? '' : '  — this file is not protected from agents'}\n`);
    io.out(`${result.scanned} file${result.scanned === 1 ? '' : 's'} read (${result.skipped} binary or over 1 MB skipped), ${result.findings.length} secret${result.findings.length === 1 ? '' : 's'} found, ${result.protectedFiles.length} protected file${result.protectedFiles.length === 1 ? '' : 's'}.\n`);
  }
  return result.findings.length > 0 ? 1 : 0;
}
