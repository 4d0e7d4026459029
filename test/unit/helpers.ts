// One parser for the whole test run, loaded from the package as the CLI loads it from dist/.
import { Engine, type ClassifyContext } from '../../src/core/engine';
import { DEFAULT_LIMITS, expand, type Expansion } from '../../src/core/shell/expand';
import type { ShellParser } from '../../src/core/shell/parser';
import type { Verdict } from '../../src/core/verdict';
import { loadParser } from '../../src/cli/parser';

export const parser: ShellParser = await loadParser();
export const engine = new Engine(() => parser);

export function classify(line: string, context?: ClassifyContext): Verdict {
  return engine.classify(line, context);
}

export function expandLine(line: string, plainFastPath = true): Expansion {
  return expand(line, () => parser, { ...DEFAULT_LIMITS, plainFastPath });
}

/** The argv of every simple command found, as plain strings. */
export function commandsOf(line: string, plainFastPath = true): string[] {
  return expandLine(line, plainFastPath).commands.map((c) => c.argv.map((w) => w.value).join(' '));
}

export function ruleIds(line: string, context?: ClassifyContext): string[] {
  return classify(line, context).findings.map((f) => f.rule);
}
