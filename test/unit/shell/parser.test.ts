// The bash parser's own guarantees: a parse that runs out of time leaves nothing behind for the
// next line, and the engine loads the parser once however many lines ask for it at once.
import { describe, expect, test } from 'vitest';
import { loadParser } from '../../../src/cli/parser';
import { LazyEngine } from '../../../src/core/engine';

describe('the bash parser', () => {
  test('a parse stopped by its time budget does not run on into the next line', async () => {
    const parser = await loadParser();
    // tree-sitter's error recovery is quadratic on some hostile input: this stops past the budget.
    expect(parser.parse('>'.repeat(6000) + ' x', (root) => root.type)).toBeUndefined();
    for (const line of ['rm -rf ~', 'helm uninstall web -n production']) {
      expect(parser.parse(line, (root) => [root.text, root.hasError])).toEqual([line, false]);
    }
  });

  test('lines asking for the parser at once share one load, and every one is read', async () => {
    let loads = 0;
    const engine = new LazyEngine(() => {
      loads++;
      return loadParser();
    });
    const lines = ['rm -rf ~', 'ls $(pwd)', 'helm uninstall web -n production', 'git status'];
    const verdicts = await Promise.all(lines.map((line) => engine.classify(line)));
    expect(loads).toBe(1);
    expect(verdicts.map((v) => v.findings.map((f) => f.rule))).toEqual([['fs.rm-root'], [], ['helm.uninstall'], []]);
  });
});
