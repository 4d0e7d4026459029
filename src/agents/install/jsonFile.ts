// Agent configuration files are edited in place with jsonc-parser, so the user's formatting,
// key order and (where the agent allows them) comments survive. A file that does not parse is
// never written.
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Change } from '../hookFiles';

export class ConfigError extends Error {}

/** The file's text, or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export function parseConfig(file: string, text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    throw new ConfigError(`${file} is not valid JSON (${printParseErrorCode(e.error)} on line ${line}); Airlock left it untouched — fix it and run the command again`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${file} does not hold a JSON object; Airlock left it untouched`);
  return value as Record<string, unknown>;
}

function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /^([ \t]+)\S/m.exec(text);
  if (!m) return { insertSpaces: true, tabSize: 2 };
  return m[1].startsWith('\t') ? { insertSpaces: false, tabSize: 1 } : { insertSpaces: true, tabSize: m[1].length };
}

export function applyChanges(text: string, changes: readonly Change[]): string {
  let out = text.trim() === '' ? '{}' : text;
  const formattingOptions = { ...indentOf(out), eol: out.includes('\r\n') ? '\r\n' : '\n' };
  for (const change of changes) out = applyEdits(out, modify(out, [...change.path], change.value, { formattingOptions }));
  return text.trim() === '' ? out + '\n' : out;
}

/**
 * Atomic replace keeping the file's mode; creates the directory when needed. A symbolic link
 * (settings kept in a dotfiles repository) is written through, so the link stays a link.
 * `executable`: the file is a hook script its agent runs, so it is made executable whatever the umask.
 */
export function writeText(link: string, text: string, executable = false): void {
  const file = existsSync(link) ? realpathSync(link) : link;
  mkdirSync(dirname(file), { recursive: true });
  const mode = (existsSync(file) ? statSync(file).mode & 0o777 : 0o644) | (executable ? 0o111 : 0);
  const temp = `${file}.airlock-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text, { mode });
  if (executable) chmodSync(temp, mode);
  renameSync(temp, file);
}

export function removeFile(file: string): void {
  unlinkSync(file);
}

/** Key order does not matter to the agents; it matters to nothing else we compare. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
