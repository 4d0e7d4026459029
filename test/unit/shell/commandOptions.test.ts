// Commands an option or a runner carries are judged as if typed (commandOptions.ts, wrappers.ts).
import { expect, test } from 'vitest';
import { EXAMPLE_CWD, EXAMPLE_PROJECT } from '../../../src/core/project/exampleProject';
import { ruleIds } from '../helpers';
import { CARRIED_LINES } from './carriedLines';

const DROP = 'dropdb -h prod-db rentals';

test.each(CARRIED_LINES)('%s: what it carries is judged', (line) => {
  // The carried program, as a destructive command (a quoted one where the line quotes it).
  const carried = line.replace('CMD', DROP);
  // A package script by name: the example project's `db:reset` runs `prisma migrate reset --force`.
  const script = / g$/.test(line);
  const ids = ruleIds(script ? line.replace(/ g$/, ' db:reset') : carried, { cwd: EXAMPLE_CWD, project: { files: EXAMPLE_PROJECT } });
  expect(ids, carried).toContain(script ? 'prisma.migrate-reset' : 'postgres.dropdb');
});

test('harmless uses of the same options stay allowed', () => {
  for (const line of ['tar czf x.tgz src', 'tar -I zstd -cf x.tar.zst src', 'sed -i s/a/b/g src/x.ts', "sed -e 's/foo/bar/' -e '/^$/d' a", "sed -n '1,5p' README.md",
    "vim -c 'set nu' README.md", 'ssh -o StrictHostKeyChecking=no host uptime', 'rsync -avz -e ssh src/ host:/srv', 'sort --compress-program=gzip big.txt',
    "psql -c 'select 1'", 'make SHELL=/bin/bash build', 'concurrently "npm:build" "tsc -w"', "hyperfine 'sleep 0.1'", 'node --run build',
    'ls | entr -r node app.js', 'watchexec -e ts npm test', 'man -P cat ls', 'less +G app.log', "gdb -batch -ex 'bt' ./a.out core"]) {
    expect(ruleIds(line), line).toEqual([]);
  }
});

test("sed's `s///e` and a bare `e` run text the line does not show: asked", () => {
  expect(ruleIds("sed 's/.*/x/e' README.md").length).toBeGreaterThan(0);
  expect(ruleIds("sed '$e' list.txt").length).toBeGreaterThan(0);
});

test('a glob in the program word: a one-letter class is read as its letter, any other glob is asked about', () => {
  expect(ruleIds('/bin/ca[t] .env.production')).toContain('secrets.read-file');
  expect(ruleIds('/usr/bin/dropd[b] -h prod-db rentals')).toContain('postgres.dropdb');
  expect(ruleIds('/bin/ca? .env').length).toBeGreaterThan(0);
  expect(ruleIds('[ -f x ] && echo y')).toEqual([]);
  expect(ruleIds('ls *.ts')).toEqual([]);
});
