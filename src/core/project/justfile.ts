// just, read the way just reads a justfile: a recipe's dependencies, then its body line by line
// with `{{…}}` filled from its parameters and the file's variables; a shebang recipe is one
// script in its language.
import type { SimpleCommand } from '../shell/command';
import { joinPath } from './files';
import { splitOption, type Followed, type LineFiles } from './followed';
import { shebangLanguage } from './scripts';

interface Recipe {
  readonly params: { readonly name: string; readonly fallback?: string; readonly variadic: boolean }[];
  readonly deps: { readonly name: string; readonly args: string[] }[];
  readonly body: { readonly text: string; readonly line: number }[];
}

const NAMES = ['justfile', 'Justfile', '.justfile', 'JUSTFILE'];
const NOTHING_RUNS: ReadonlySet<string> = new Set(['-l', '--list', '--summary', '--show', '-s', '--dump', '--evaluate', '--variables', '--help', '-h', '--version', '-V', '--init', '--edit', '-e', '--fmt', '--choose', '--groups', '-n', '--dry-run', '--completions', '--man', '--changelog']);
const VALUE_OPTIONS: ReadonlySet<string> = new Set(['-f', '--justfile', '-d', '--working-directory', '--shell', '--shell-arg', '--color', '--dotenv-filename', '--dotenv-path', '-E', '--command-color', '--list-heading', '--list-prefix', '--chooser', '-c', '--command']);

export function followJust(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  const operands: string[] = [];
  const vars = new Map<string, string>();
  let file: string | undefined;
  let where = files.path(dir, '.');
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (NOTHING_RUNS.has(word)) return [];
    const [name, inline] = splitOption(word);
    if (name === '-f' || name === '--justfile') { file = inline ?? words[++i]; continue; }
    if (name === '-d' || name === '--working-directory') { where = joinPath(where, inline ?? words[++i] ?? '.'); continue; }
    if (name === '--set') { vars.set(words[i + 1] ?? '', words[i + 2] ?? ''); i += 2; continue; }
    if (name.startsWith('-') && operands.length === 0) { if (inline === undefined && VALUE_OPTIONS.has(name)) i++; continue; }
    const assignment = /^([A-Za-z_][\w-]*)=(.*)$/s.exec(word);
    if (assignment && operands.length === 0) { vars.set(assignment[1] ?? '', assignment[2] ?? ''); continue; }
    operands.push(word);
  }
  const out: Followed[] = [];
  const path = file !== undefined ? joinPath(where, file) : files.findUp(where, NAMES);
  if (path === undefined) return out;
  const text = files.text(path, out);
  if (text === undefined) return out;
  const { recipes, variables, first } = parseJustfile(text);
  for (const [k, v] of vars) variables.set(k, v);
  const runner = words.join(' ');
  const shown = files.shown(path);
  const done = new Set<string>();
  const run = (name: string, args: readonly string[], depth: number): void => {
    const recipe = recipes.get(name);
    if (!recipe || depth > 16 || done.has(name)) return;
    done.add(name);
    const scope = new Map(variables);
    recipe.params.forEach((p, k) => scope.set(p.name, p.variadic ? args.slice(k).join(' ') : args[k] ?? p.fallback ?? `$${p.name.toUpperCase()}`));
    for (const dep of recipe.deps) run(dep.name, dep.args.map((a) => fill(a, scope)), depth + 1);
    const lines = recipe.body.map((l) => ({ ...l, text: fill(l.text, scope) }));
    const language = shebangLanguage(lines[0]?.text.trim() ?? '');
    if (lines[0]?.text.trim().startsWith('#!') && language !== 'shell') {
      if (language) out.push({ kind: 'code', language, code: lines.slice(1).map((l) => l.text).join('\n'), source: { runner, file: shown, line: lines[0]?.line } });
      return;
    }
    if (lines[0]?.text.trim().startsWith('#!')) {
      out.push({ kind: 'script', text: lines.slice(1).map((l) => l.text).join('\n'), dir: where, source: { runner, file: shown, line: lines[0]?.line } });
      return;
    }
    for (const l of lines) out.push({ kind: 'script', text: l.text.replace(/^[@-]+/, ''), dir: where, source: { runner, file: shown, line: l.line } });
  };
  // `just a b c`: recipes, each taking as many operands as it has parameters.
  const wanted = operands.length > 0 ? operands : first ? [first] : [];
  for (let i = 0; i < wanted.length;) {
    const name = wanted[i] ?? '';
    const recipe = recipes.get(name);
    const take = recipe?.params.some((p) => p.variadic) ? wanted.length - i - 1 : recipe?.params.length ?? 0;
    run(name, wanted.slice(i + 1, i + 1 + take), 0);
    i += 1 + take;
  }
  return out;
}

export function parseJustfile(text: string): { recipes: Map<string, Recipe>; variables: Map<string, string>; first?: string } {
  const recipes = new Map<string, Recipe>();
  const variables = new Map<string, string>();
  let first: string | undefined;
  let current: Recipe | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^[ \t]+\S/.test(line)) {
      current?.body.push({ text: line.replace(/^[ \t]+/, ''), line: i + 1 });
      continue;
    }
    if (line.trim() === '') { if (current) current.body.push({ text: '', line: i + 1 }); continue; }
    current = undefined;
    if (/^\s*(?:#|\[|set\s|import\s|mod\s|alias\s)/.test(line)) continue;
    const variable = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*)$/.exec(line);
    if (variable) { variables.set(variable[1] ?? '', value(variable[2] ?? '')); continue; }
    const header = /^@?([A-Za-z_][\w-]*)((?:\s+[*+$]?[A-Za-z_][\w-]*(?:=(?:'[^']*'|"[^"]*"|\S+))?)*)\s*:(?!=)\s*(.*)$/.exec(line);
    if (!header) continue;
    const name = header[1] ?? '';
    const params = (header[2] ?? '').trim().split(/\s+/).filter(Boolean).map((p) => {
      const variadic = /^[*+]/.test(p);
      const [n = '', fallback] = p.replace(/^[*+$]+/, '').split(/=(.*)/s);
      return { name: n, fallback: fallback === undefined ? undefined : value(fallback), variadic };
    });
    const deps = [...(header[3] ?? '').replace(/&&/g, ' ').matchAll(/\(\s*([\w-]+)((?:\s+(?:'[^']*'|"[^"]*"|[^\s)]+))*)\s*\)|([\w-]+)/g)]
      .map((m) => ({ name: m[1] ?? m[3] ?? '', args: (m[2] ?? '').trim().split(/\s+/).filter(Boolean).map(value) }));
    current = { params, deps, body: [] };
    recipes.set(name, current);
    first ??= name;
  }
  for (const recipe of recipes.values()) while (recipe.body.length > 0 && recipe.body[recipe.body.length - 1]?.text === '') recipe.body.pop();
  return { recipes, variables, first };
}

/** A just expression as far as it is literal: quoted strings, backticks as `$(…)`, `+` joined. */
function value(expression: string): string {
  return expression.split(/\s+\+\s+/).map((part) => {
    const p = part.trim();
    if (/^'.*'$|^".*"$/s.test(p)) return p.slice(1, -1);
    if (/^`.*`$/s.test(p)) return `$(${p.slice(1, -1)})`;
    return p;
  }).join('');
}

/** `{{name}}` and `{{ name }}` from the scope; other expressions left as an unknown `$…`. */
function fill(text: string, scope: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => scope.get(expr) ?? (/^[\w-]+$/.test(expr) ? `$${expr}` : value(expr)));
}
