// One parser for the whole test run, loaded from the package as the CLI loads it from dist/.
import { Engine, type ClassifyContext } from '../../src/core/engine';
import { expand, type Expansion } from '../../src/core/shell/expand';
import type { ShellParser } from '../../src/core/shell/parser';
import type { Verdict } from '../../src/core/verdict';
import { loadParser } from '../../src/cli/parser';

export const parser: ShellParser = await loadParser();
export const engine = new Engine(() => parser);

export function classify(line: string, context?: ClassifyContext): Verdict {
  return engine.classify(line, context);
}

export function expandLine(line: string): Expansion {
  return expand(line, parser);
}

/** The argv of every simple command found, as plain strings. */
export function commandsOf(line: string): string[] {
  return expandLine(line).commands.map((c) => c.argv.map((w) => w.value).join(' '));
}

export function ruleIds(line: string, context?: ClassifyContext): string[] {
  return classify(line, context).findings.map((f) => f.rule);
}
