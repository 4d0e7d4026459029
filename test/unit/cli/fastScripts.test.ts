// `npm test` answered without the engine: only when the script (and its pre/post scripts) is
// text the prefilter clears, so the engine, following it, would allow it too.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Writable } from 'node:stream';
import { answerWithoutEngine } from '../../../src/cli/fastPath';
import { clearedPackageScript } from '../../../src/cli/hook/fastScripts';
import { PREFILTER, PREFILTER_PROGRAMS } from '../../../src/core/engine';
import { classify } from '../helpers';

const root = mkdtempSync(join(tmpdir(), 'airlock-fast-scripts-'));
writeFileSync(join(root, 'package.json'), JSON.stringify({
  scripts: { test: 'vitest run', build: 'vite build', 'db:reset': 'prisma migrate reset --force', lint: 'eslint .', prelint: 'rm -rf ~/backups', dev: 'node server.js' },
}));
mkdirSync(join(root, 'src', 'deep'), { recursive: true });
const project = { files: { read: () => ({ kind: 'missing' as const }), list: () => undefined } };

describe('a package script cleared without the engine', () => {
  test.each(['npm test', 'npm t', 'npm run build', 'pnpm test', 'yarn build', 'bun run test', 'npm run-script build'])('%s', (line) => {
    expect(clearedPackageScript(line, root, PREFILTER)).toBe(true);
    expect(clearedPackageScript(line, join(root, 'src', 'deep'), PREFILTER)).toBe(true);
  });

  test.each([
    'npm run db:reset', // runs a guarded program
    'npm run lint', // its pre script deletes
    'npm run dev', // runs a script file the engine reads
    'npm run missing', // no such script: the engine reports what npm would do
    'npm test --workspaces', 'pnpm --filter api test', 'npm install', 'yarn add x', 'bun test', 'npm test && rm -rf ~',
  ])('%s goes to the engine', (line) => {
    expect(clearedPackageScript(line, root, PREFILTER)).toBe(false);
  });

  test('without a package.json or a folder nothing is cleared', () => {
    expect(clearedPackageScript('npm test', tmpdir(), PREFILTER)).toBe(false);
    expect(clearedPackageScript('npm test', undefined, PREFILTER)).toBe(false);
  });

  test('what it clears the engine allows, following the same scripts', () => {
    expect(classify('npm test', { cwd: root, project: { files: project.files } }).decision).toBe('allow');
  });
});

describe('airlock check answers the same lines without the engine', () => {
  test('npm test in the project is allowed by the launcher; npm run db:reset goes to the engine', () => {
    const out: string[] = [];
    const stdout = new Writable({ write: (chunk: Buffer, _e, done) => { out.push(chunk.toString()); done(); } });
    expect(answerWithoutEngine(['--cwd', root, '--', 'npm', 'test'], PREFILTER_PROGRAMS, { stdout, env: {} })).toBe(0);
    expect(out.join('')).toContain('ALLOW');
    expect(answerWithoutEngine(['--cwd', root, '--', 'npm', 'run', 'db:reset'], PREFILTER_PROGRAMS, { stdout, env: {} })).toBeUndefined();
  });
});
