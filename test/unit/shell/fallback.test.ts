import { describe, expect, it } from 'vitest';
import { roughCommands } from '../../../src/core/shell/fallback';

const words = (text: string): string[][] => roughCommands(text).map((c) => c.words.map((w) => w.value));

describe('the rough tokenizer', () => {
  it('breaks words wherever JavaScript sees white space, Unicode spaces included', () => {
    for (const space of [' ', '\t', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff']) {
      expect(words(`rm${space}-rf${space}/srv`)).toEqual([['rm', '-rf', '/srv']]);
    }
    // A zero-width space is no white space: it stays inside the word, as bash keeps it.
    expect(words('rm\u200b -rf')).toEqual([['rm\u200b', '-rf']]);
  });

  it('keeps a word whole across quotes, escapes and plain runs, with its offsets', () => {
    const [command] = roughCommands(`a"b c"d\\ e f$HOME`);
    expect(command?.words.map((w) => [w.value, w.start, w.end])).toEqual([['ab cd e', 0, 10], ['f$HOME', 11, 17]]);
  });

  it('ends a command at each operator, and marks the ones that pipe on', () => {
    const commands = roughCommands('a x|b y;c $(d) && e `f` {g}');
    expect(commands.map((c) => c.words.map((w) => w.value))).toEqual([['a', 'x'], ['b', 'y'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(commands.map((c) => c.pipesToNext)).toEqual([true, false, false, false, false, false, false]);
  });
});
