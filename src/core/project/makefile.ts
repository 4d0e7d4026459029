// make, read the way make reads a Makefile for the recipes it would run: the goal's prerequisites
// first, then its own recipe, one shell line per recipe line, with literal variables, `$@`, `$<`,
// `$^` and `$(shell …)` expanded. make itself is never run.
import type { SimpleCommand } from '../shell/command';
import { dirName, joinPath } from './files';
import { splitOption, type Followed, type LineFiles } from './followed';

interface Rule {
  readonly prerequisites: string[];
  readonly recipe: { readonly text: string; readonly line: number }[];
}

interface Makefile {
  readonly rules: Map<string, Rule>;
  readonly vars: Map<string, string>;
  readonly first?: string;
}

const VALUE_OPTIONS: ReadonlySet<string> = new Set(['-f', '--file', '--makefile', '-C', '--directory', '-I', '--include-dir', '-o', '--old-file', '--assume-old', '-W', '--what-if', '--new-file', '--assume-new', '-l', '--load-average', '--eval', '-O', '--output-sync', '--jobserver-style']);
const DRY_RUN: ReadonlySet<string> = new Set(['-n', '--just-print', '--dry-run', '--recon', '-q', '--question', '-p', '--print-data-base', '-v', '--version', '-h', '--help']);
const MAX_INCLUDES = 8;
const MAX_RECIPE_LINES = 400;

/** `make`, `make reset-db`, `make -C api DB=acme_prod drop`, `gmake -f build.mk clean`. */
export function followMake(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  const goals: string[] = [];
  const overrides = new Map<string, string>();
  let file: string | undefined;
  let where = files.path(dir, '.');
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (DRY_RUN.has(word) || /^-[a-zA-Z]*n[a-zA-Z]*$/.test(word)) return [];
    const [name, inline] = splitOption(word);
    if (name === '-f' || name === '--file' || name === '--makefile') { file = inline ?? words[++i]; continue; }
    if (name === '-C' || name === '--directory') { where = joinPath(where, inline ?? words[++i] ?? '.'); continue; }
    if (/^-f./.test(word)) { file = word.slice(2); continue; }
    if (/^-C./.test(word)) { where = joinPath(where, word.slice(2)); continue; }
    if (name.startsWith('-')) { if (inline === undefined && VALUE_OPTIONS.has(name)) i++; continue; }
    const assignment = /^([A-Za-z_][\w.-]*)\s*:?=(.*)$/s.exec(word);
    if (assignment) { overrides.set(assignment[1] ?? '', assignment[2] ?? ''); continue; }
    goals.push(word);
  }
  const out: Followed[] = [];
  const path = file !== undefined ? joinPath(where, file) : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => joinPath(where, n)).find((p) => files.read(p).kind !== 'missing');
  if (path === undefined) return out;
  try {
    return recipes(path, files, out, overrides, goals, words.join(' '), where);
  } catch (error) {
    if (!(error instanceof MakeTooLarge)) throw error;
    return [...out, { kind: 'unread', detail: `${files.shown(path)} could not be read: ${error.message}` }];
  }
}

/** The recipe lines `make` would run for the goals, prerequisites first. */
function recipes(path: string, files: LineFiles, out: Followed[], overrides: ReadonlyMap<string, string>, goals: readonly string[], runner: string, where: string): Followed[] {
  // One budget for the whole reading: every expansion of every line draws on it.
  const budget = { left: EXPANSION_BUDGET * 5 };
  const parsed = readMakefile(path, files, out, 0, budget);
  if (!parsed) return out;
  for (const [k, v] of overrides) parsed.vars.set(k, v);
  const wanted = goals.length > 0 ? goals : parsed.vars.get('.DEFAULT_GOAL')?.trim() ? [parsed.vars.get('.DEFAULT_GOAL')?.trim() ?? ''] : parsed.first ? [parsed.first] : [];
  const shown = files.shown(path);
  const done = new Set<string>();
  let lines = 0;
  const visit = (target: string, depth: number): void => {
    if (done.has(target) || depth > 32 || lines > MAX_RECIPE_LINES) return;
    done.add(target);
    const rule = parsed.rules.get(target);
    if (!rule) return;
    for (const prerequisite of rule.prerequisites) visit(prerequisite, depth + 1);
    for (const step of rule.recipe) {
      lines++;
      const text = expandMake(step.text, parsed.vars, { '@': target, '<': rule.prerequisites[0] ?? '', '^': rule.prerequisites.join(' '), '+': rule.prerequisites.join(' '), '*': '', '?': rule.prerequisites.join(' ') }, 0, budget);
      out.push({ kind: 'script', text: text.replace(/^[@+-]+\s*/, ''), dir: where, source: { runner, file: shown, line: step.line } });
    }
  };
  for (const goal of wanted) visit(goal, 0);
  return out;
}

function readMakefile(path: string, files: LineFiles, out: Followed[], depth: number, budget: { left: number }, into?: Makefile): Makefile | undefined {
  const text = files.text(path, out);
  if (text === undefined) return into;
  const made: Makefile = into ?? { rules: new Map(), vars: new Map([['MAKE', 'make'], ['SHELL', '/bin/sh'], ['RM', 'rm -f'], ['CURDIR', dirName(path)]]) };
  let first = made.first;
  let current: Rule[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + (lines[++i] ?? '').trimStart();
    if (line.startsWith('\t')) {
      const body = line.slice(1);
      for (const rule of current) if (body.trim() !== '') rule.recipe.push({ text: body, line: number });
      continue;
    }
    const code = stripComment(line);
    if (code.trim() === '') continue;
    const include = /^\s*-?s?include\s+(.+)$/.exec(code);
    if (include) {
      current = [];
      if (depth < MAX_INCLUDES) for (const f of expandMake(include[1] ?? '', made.vars, {}, 0, budget).split(/\s+/).filter(Boolean)) readMakefile(joinPath(dirName(path), f), files, [], depth + 1, budget, made);
      continue;
    }
    if (/^\s*(?:ifn?eq|ifn?def|else|endif|define|endef|export|unexport|vpath|override\s+define)\b/.test(code) && !/=/.test(code.replace(/^\s*(?:export|override)\s+/, ''))) continue;
    const assignment = /^\s*(?:export\s+|override\s+)*([^\s:#=!?+]+)\s*(::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/.exec(code);
    if (assignment) {
      const [, name = '', op, value = ''] = assignment;
      if (op === '+=') made.vars.set(name, `${made.vars.get(name) ?? ''} ${value}`.trim());
      else if (op === '?=') { if (!made.vars.has(name)) made.vars.set(name, value); }
      else if (op === ':=' || op === '::=' || op === ':::=') made.vars.set(name, expandMake(value, made.vars, {}, 0, budget));
      else if (op === '!=') made.vars.set(name, `$(${value})`);
      else made.vars.set(name, value);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*?)$/.exec(code.split(';')[0] ?? '') ?? /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(code);
    if (rule) {
      const targets = expandMake(rule[1] ?? '', made.vars, {}, 0, budget).split(/\s+/).filter(Boolean);
      const prerequisites = expandMake((rule[2] ?? '').split('|').join(' '), made.vars, {}, 0, budget).split(/\s+/).filter(Boolean);
      current = targets.map((t) => {
        const existing = made.rules.get(t);
        const r: Rule = existing ?? { prerequisites: [], recipe: [] };
        r.prerequisites.push(...prerequisites);
        if (!existing) made.rules.set(t, r);
        return r;
      });
      const inlineRecipe = code.indexOf(';');
      if (inlineRecipe >= 0) for (const r of current) r.recipe.push({ text: code.slice(inlineRecipe + 1), line: number });
      first ??= targets.find((t) => !t.startsWith('.') && !t.includes('%'));
      continue;
    }
    current = [];
  }
  return { ...made, first };
}

/** `$(VAR)`, `${VAR}`, `$V`, automatic variables, `$(shell cmd)` as `$(cmd)`, `$$` as `$`; unknown functions left for the shell to find unknown. */
/** Thrown when expanding takes more steps or text than a Makefile a person wrote would need. */
export class MakeTooLarge extends Error {}

const EXPANSION_BUDGET = 200_000;

export function expandMake(text: string, vars: ReadonlyMap<string, string>, automatic: Readonly<Record<string, string>>, depth = 0,
  budget: { left: number } = { left: EXPANSION_BUDGET }): string {
  // A variable that refers to itself several times (`X = $(X)$(X)`) grows without end.
  budget.left -= text.length + 1;
  if (budget.left < 0) throw new MakeTooLarge('its variables expand without end');
  if (depth > 16) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') { out += c; continue; }
    const next = text[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let level = 1;
      let j = i + 2;
      for (; j < text.length && level > 0; j++) {
        if (text[j] === next) level++;
        else if (text[j] === close) level--;
      }
      const inner = text.slice(i + 2, j - 1);
      i = j - 1;
      const fn = /^(\w[\w-]*)\s+([\s\S]*)$/.exec(inner);
      if (fn && fn[1] === 'shell') out += `$(${expandMake(fn[2] ?? '', vars, automatic, depth + 1, budget)})`;
      else if (fn && (fn[1] === 'strip' || fn[1] === 'firstword' || fn[1] === 'lastword')) out += expandMake(fn[2] ?? '', vars, automatic, depth + 1, budget).trim();
      else if (fn) out += `$(${fn[1] ?? ''} ${expandMake(fn[2] ?? '', vars, automatic, depth + 1, budget)})`;
      else out += automatic[inner] ?? expandMake(vars.get(inner) ?? '', vars, automatic, depth + 1, budget);
      continue;
    }
    if (next !== undefined) {
      out += automatic[next] ?? expandMake(vars.get(next) ?? '', vars, automatic, depth + 1, budget);
      i++;
    }
  }
  return out;
}

function stripComment(line: string): string {
  const at = line.search(/(?<!\\)#/);
  return at < 0 ? line : line.slice(0, at);
}
