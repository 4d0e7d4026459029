// Secrets found by content: the incident began with an agent reading a Railway token from a file
// with an ordinary name. A file a read tool opens that is not protected by its name is scanned
// with the token rules (the same as `airlock scan`, less its generic rule), bounded by size, and a
// file that holds a live credential of a known kind is a protected read like `.env`. The finding names the kind and line, never the
// value.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { verdictOf } from '../../core/engine';
import type { Policy } from '../../core/policy';
import { holderFinding, type CredentialHolder, type PathPolicy } from '../../core/secrets/pathVerdict';
import { printedOperands } from '../../core/secrets/printers';
import type { Verdict } from '../../core/verdict';
import { findsIn } from '../../core/secrets/searchPattern';
import { scanBytes } from '../../core/secrets/tokenScan';

/** Bigger files are read only up to here: a token sits in configuration and notes, not in large data. */
const MAX_FILE = 2 << 20;
/** All files of one call together. */
const MAX_TOTAL = 16 << 20;

function head(path: string, limit: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    // Only regular files: opening a FIFO would wait for a writer, and a hook that hangs lets the call through.
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const bytes = new Uint8Array(Math.min(stat.size, limit));
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    return bytes.subarray(0, read);
  } catch {
    return undefined; // not there, a folder or a glob: nothing to read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `~/x` as the agents' file tools read it. */
export function homePath(path: string, home: string | undefined): string {
  return home && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
}

/** The files among `paths` (relative to `cwd`) that hold a credential, skipping those `known` already covers. */
export function credentialHolders(paths: readonly string[], cwd: string | undefined, known: (path: string) => boolean, home?: string): CredentialHolder[] {
  const out: CredentialHolder[] = [];
  let budget = MAX_TOTAL;
  for (const path of new Set(paths)) {
    if (budget <= 0 || known(path)) continue;
    const bytes = head(resolve(cwd ?? '.', homePath(path, home)), Math.min(MAX_FILE, budget));
    if (!bytes) continue;
    budget -= bytes.length;
    // The generic rule (a long random value beside a secret-sounding name) fires on ordinary code;
    // only credentials of a known kind make a file a protected read here.
    const first = scanBytes(bytes).find((f) => f.rule !== 'generic-secret');
    if (first) out.push({ path, kind: first.kind, line: first.line });
  }
  return out;
}

const decoder = new TextDecoder();

/**
 * The files a content search reaches (`Grep "RAILWAY" --output_mode content`) that hold a credential
 * on a line the search matches, so the search would print it. Protected files are judged by name
 * elsewhere; these are the ordinary ones (`docs/deploy-notes.md`).
 */
export function searchedHolders(files: readonly string[], pattern: string | undefined, ignoreCase: boolean): CredentialHolder[] {
  const out: CredentialHolder[] = [];
  let budget = MAX_TOTAL;
  for (const path of files) {
    if (budget <= 0) break;
    const bytes = head(path, Math.min(MAX_FILE, budget));
    if (!bytes) continue;
    budget -= bytes.length;
    const found = scanBytes(bytes).filter((f) => f.rule !== 'generic-secret');
    if (found.length === 0) continue;
    const lines = decoder.decode(bytes).split('\n');
    const printed = found.find((f) => pattern === undefined || findsIn(lines[f.line - 1] ?? '', pattern, { ignoreCase }));
    if (printed) out.push({ path, kind: printed.kind, line: printed.line });
  }
  return out;
}

/**
 * A shell line's verdict with the files it prints that hold a credential by their content
 * (`cat docs/deploy-notes.md`): the hook, the terminal gate and `check` judge them alike.
 */
export function withPrintedHolders(verdict: Verdict, line: string, cwd: string | undefined, known: (path: string) => boolean, policy: PathPolicy & { readonly policy?: Policy }, home?: string): Verdict {
  const holders = credentialHolders(printedOperands(line), cwd, known, home);
  if (holders.length === 0) return verdict;
  const judged = verdictOf([...verdict.findings, ...holders.map((h) => holderFinding(h, policy))], { actor: 'agent', policy: policy.policy });
  return verdict.credential ? { ...judged, credential: verdict.credential } : judged;
}
