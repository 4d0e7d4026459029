// What a pipeline hands on (review round, issue 14): a file `cat` feeds the next stage is read as
// `< file` is; an environment or secret printed through `| sort` or `| base64` still reaches the
// agent; a sourced secret file's variables printed are its secrets; `$(< file)` reads the file.
import { expect, test } from 'vitest';
import type { ProjectFiles } from '../../../src/core/project/files';
import { ruleIds } from '../helpers';

const FILES: Readonly<Record<string, string>> = {
  '/w/p/drop.sql': 'DROP TABLE users;\n',
  '/w/p/wipe.py': 'import os\nos.system("dropdb -h prod-db rentals")\n',
  '/w/p/.env.production': 'RAILWAY_TOKEN=abc\nDATABASE_URL=postgres://u:p@prod-db.internal/app\n',
  '/w/p/README.md': '# p\n',
};
const files: ProjectFiles = {
  read: (path) => (FILES[path] !== undefined ? { kind: 'text', text: FILES[path] ?? '' } : { kind: 'missing' }),
  list: (dir) => Object.keys(FILES).filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/')).map((f) => f.slice(dir.length + 1)),
};
const ids = (line: string): string[] => ruleIds(line, { cwd: '/w/p', project: { files } });

test.each([
  ['cat drop.sql | psql -h prod-db', 'sql.drop-table'],
  ['cat drop.sql | ssh prod-db psql', 'sql.drop-table'],
  ['cat wipe.py | python3', 'postgres.dropdb'],
  ['env | sort', 'secrets.env-dump'],
  ['printenv | base64', 'secrets.env-dump'],
  ['echo "$GITHUB_TOKEN" | rev', 'secrets.env-print'],
  ['source .env.production && echo $RAILWAY_TOKEN', 'secrets.sourced-print'],
  ['. .env.production; printf "%s" "$DATABASE_URL" | base64', 'secrets.sourced-print'],
  ['echo "$(<.env.production)"', 'secrets.read-file'],
])('%s is read for %s', (line, rule) => {
  expect(ids(line)).toContain(rule);
});

test.each([
  'cat README.md | wc -l', 'cat drop.sql | grep -c DROP', 'env | cut -d= -f1', 'printenv | wc -l', "env | awk -F= '{print $1}'",
  'echo "$GITHUB_TOKEN" | gh auth login --with-token', 'source .env.production && npm start', 'echo "$(<README.md)"',
])('%s stays allowed', (line) => {
  expect(ids(line)).toEqual([]);
});
