// Where a credential's value is defined in the workspace: the env file an agent found it in is
// what tells a reviewer it is the production token (the incident's token sat in an unrelated
// file). The engine never reads files: the CLI hands it the parsed files with every value put
// through a one-way fingerprint, and the engine puts the command's values through the same one.
import { tierOfName, type EnvironmentMap } from '../environment/tiers';
import type { Tier } from '../verdict';
import { parseDotenv } from './dotenv';

export interface OriginFile {
  /** As shown: relative to the workspace root (`.env.production`, `api/.env`). Untrusted text. */
  readonly path: string;
  /** Other ways a command line may name the file: relative to the cwd, absolute. */
  readonly aliases: readonly string[];
  /** Variable → fingerprints of its value (and of the password in it, when it is a URL with one). */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export interface CredentialOrigins {
  /** The env files from the cwd up to the workspace root, nearest first. Asked only for a flagged line. */
  readonly files: (cwd: string) => readonly OriginFile[];
  /** The one-way function the files' values went through. */
  readonly fingerprint: (value: string) => string;
}

/** Where a value was found: the file, the variable that defines it there, the tier the file's name says. */
export interface Origin {
  readonly file: string;
  readonly variable: string;
  readonly tier?: Tier;
}

/**
 * Values shorter than this are not compared: `true`, `3000` and `postgres` are in every env file,
 * and no token is that short.
 */
export const MIN_TRACED_LENGTH = 8;
const MAX_SHOWN_PATH = 120;
const URL_PASSWORD = /^[a-z][a-z0-9+.-]{0,24}:\/\/[^\s/@:]*:([^\s/@]+)@/i;

/** Env files by name: `.env`, `.env.production`, `.env.staging.local`, `prod.env`, `.envrc`. */
export function isEnvFileName(name: string): boolean {
  return /^\.env(?:[._-][^/\\]*)?$|^[^/\\]+\.env$|^\.envrc$/i.test(name);
}

/**
 * One file's values, fingerprinted; values too short to tell anything are left out. A URL's
 * password counts on its own: `psql postgres://app:<it>@10.0.0.5/…` uses the production
 * database's password whatever host it names.
 */
export function originFile(path: string, aliases: readonly string[], text: string, fingerprint: (value: string) => string): OriginFile {
  const values = new Map<string, string[]>();
  for (const [name, value] of parseDotenv(text)) {
    if (value.length < MIN_TRACED_LENGTH) continue;
    const password = URL_PASSWORD.exec(value)?.[1];
    values.set(name, password && password.length >= MIN_TRACED_LENGTH ? [fingerprint(value), fingerprint(password)] : [fingerprint(value)]);
  }
  return { path: shownPath(path), aliases, values };
}

/** Origins from texts in memory, for tests and examples: the fingerprint is the value itself. */
export function textOrigins(files: readonly { readonly path: string; readonly text: string }[]): CredentialOrigins {
  const identity = (value: string): string => value;
  const parsed = files.map((f) => originFile(f.path, [f.path], f.text, identity));
  return { files: () => parsed, fingerprint: identity };
}

/** The tier a file's own name says: `.env.production` → production, `.env.local` → development, `.env` → none. */
export function fileTier(path: string, environments?: EnvironmentMap): Tier | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return tierOfName(base, environments);
}

/**
 * The file that defines one of `values` — preferring the file where `variable` holds it, then the
 * file whose name says the most dangerous tier (a value copied into `.env` and `.env.production`
 * is a production credential), then the nearest.
 */
export function findOrigin(values: readonly string[], variable: string | undefined, files: readonly OriginFile[],
  fingerprint: (value: string) => string, environments?: EnvironmentMap): Origin | undefined {
  const prints = new Set(values.filter((v) => v.length >= MIN_TRACED_LENGTH).map(fingerprint));
  if (prints.size === 0) return undefined;
  let best: { origin: Origin; score: number } | undefined;
  for (const file of files) {
    for (const [name, filePrints] of file.values) {
      if (!filePrints.some((p) => prints.has(p))) continue;
      const tier = fileTier(file.path, environments);
      const score = (name === variable ? 10 : 0) + TIER_SCORE[tier ?? 'unknown'];
      if (!best || score > best.score) best = { origin: origin(file.path, name, tier), score };
    }
  }
  return best?.origin;
}

export function origin(file: string, variable: string, tier: Tier | undefined): Origin {
  return tier ? { file, variable, tier } : { file, variable };
}

const TIER_SCORE: Readonly<Record<Tier, number>> = { production: 3, staging: 2, unknown: 1, development: 0 };

/**
 * File names are untrusted: no control or bidirectional-override characters (they could make the
 * name read as another), no backticks (they quote the name), and short.
 */
function shownPath(path: string): string {
  const clean = path.replace(/[\x00-\x1f\x7f-\x9f`\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '?');
  return clean.length > MAX_SHOWN_PATH ? `…${clean.slice(-(MAX_SHOWN_PATH - 1))}` : clean;
}
