// The launcher's answer without the engine must be the engine's answer, word for word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerWithoutEngine } from '../../../src/cli/fastPath';
import { formatVerdict } from '../../../src/cli/format';
import { PREFILTER_PROGRAMS } from '../../../src/core/engine';
import { HOLDOUT_PATH, readCorpus } from '../../corpus/score';
import { classify } from '../helpers';

function capture(argv: readonly string[]): { code: number | undefined; out: string } {
  let out = '';
  const stdout = { write: (s: string) => { out += s; return true; } } as unknown as NodeJS.WritableStream;
  return { code: answerWithoutEngine(argv, PREFILTER_PROGRAMS, { stdout, env: {} }), out };
}

describe('answering without the engine', () => {
  test('the build gave the launcher the engine\'s program list', () => {
    const built = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'dist', 'prefilter-programs.json'), 'utf8')) as string[];
    expect(built).toEqual([...PREFILTER_PROGRAMS]);
  });

  const lines = [...readCorpus(), ...readCorpus(HOLDOUT_PATH)].map((e) => e.command);
  const answered = lines.filter((line) => capture(['--', line]).code !== undefined);

  test('it answers the plain benign lines, and only lines the engine allows', () => {
    expect(answered.length).toBeGreaterThan(10);
    for (const line of answered) expect(classify(line), line).toMatchObject({ decision: 'allow', findings: [] });
  });

  test.each(answered.slice(0, 40).map((l) => [l]))('same output as the engine: %s', (line) => {
    expect(capture(['--json', '--', line]).out).toBe(JSON.stringify(classify(line)) + '\n');
    expect(capture(['--', line]).out).toBe(formatVerdict(line, classify(line), { color: false }) + '\n');
  });

  test.each([['--batch'], ['--explain', '--', 'ls'], ['--bogus', '--', 'ls'], ['--', 'git push -f'], ['--', 'ls \x1b[2K']])('leaves %j to the engine', (...argv) => {
    expect(capture(argv).code).toBeUndefined();
  });
});
