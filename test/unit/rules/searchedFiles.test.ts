// Spellings the rules read that cannot be rule examples: an example's words feed the terminal
// gate's word filter, and these (`{}` from find, a glob) would make it judge every grep.
import { expect, test } from 'vitest';
import { EXAMPLE_CWD, EXAMPLE_PROJECT } from '../../../src/core/project/exampleProject';
import { ruleIds } from '../helpers';

const ids = (line: string): string[] => ruleIds(line, { cwd: EXAMPLE_CWD, project: { files: EXAMPLE_PROJECT } });

test('grep run by find -exec searches the folder find walks', () => {
  expect(ids('find . -type f -exec grep RAILWAY {} +')).toContain('secrets.search-secret-file');
  expect(ids("find deploy -name '*' -exec grep -n TOKEN {} \\;")).toContain('secrets.search-secret-file');
  expect(ids('find src -type f -exec grep RAILWAY {} +')).not.toContain('secrets.search-secret-file');
  expect(ids('find . -type f -exec grep -l RAILWAY {} +')).not.toContain('secrets.search-secret-file');
});

test('`.*` names the hidden files a printer then prints', () => {
  expect(ids('grep RAILWAY .*')).toContain('secrets.read-file');
  expect(ids('head -n 5 .[a-z]*')).toContain('secrets.read-file');
  expect(ids('grep RAILWAY *.ts')).not.toContain('secrets.read-file');
});
