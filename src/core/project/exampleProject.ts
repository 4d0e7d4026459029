// The small project the rules' examples run in, so examples can name its tasks and scripts
// (`npm run db:reset`, `bash cleanup.sh`) the way an agent would.
import { memoryFiles, type ProjectFiles } from './files';

export const EXAMPLE_CWD = '/work/example';

const FILES: Readonly<Record<string, string | null>> = {
  '/work/example/package.json': JSON.stringify({
    name: 'example', scripts: { build: 'tsc -p .', test: 'vitest run', 'db:reset': 'prisma migrate reset --force', predeploy: 'npm run build', deploy: 'railway up' },
  }, null, 2),
  '/work/example/broken/package.json': '{ "scripts": { "build": ',
  '/work/example/broken/Makefile': null,
  '/work/example/Makefile': 'DB = acme_prod\n\nbuild:\n\tgo build ./...\n\nreset-db: backup\n\tdropdb $(DB)\n\nbackup:\n\tpg_dump $(DB) > backup.sql\n',
  '/work/example/cleanup.sh': '#!/bin/sh\nset -e\nrm -rf ~/backups\n',
  '/work/example/setup.sh': '#!/bin/sh\nnpm ci\nmkdir -p tmp\n',
  '/work/example/drop.sql': '-- start over\nDROP TABLE users;\n',
  '/work/example/report.sql': 'SELECT count(*) FROM users;\n',
  '/work/example/deploy/app.yaml': 'service: api\n',
  '/work/example/deploy/prod/.env.production': 'RAILWAY_API_TOKEN=example-not-a-token\n',
  '/work/example/site/index.html': '<h1>example</h1>\n',
  '/work/example/delete-volume.mjs': "const r = await fetch('https://backboard.railway.app/graphql/v2', {\n  method: 'POST',\n  body: JSON.stringify({ query: 'mutation { volumeDelete(volumeId: \"v1\") }' }),\n});\n",
  '/work/example/list-volumes.mjs': "const r = await fetch('https://backboard.railway.app/graphql/v2', {\n  method: 'POST',\n  body: JSON.stringify({ query: 'query { volumes { id } }' }),\n});\n",
};

export const EXAMPLE_PROJECT: ProjectFiles = memoryFiles(FILES);
