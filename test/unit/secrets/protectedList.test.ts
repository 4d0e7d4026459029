// Which workspace files the protected-path policy covers, by whose pattern, and which folders it
// covers whole: the Protected Files section and the Explorer's menu read this.
import { expect, test } from 'vitest';
import { coveredFiles, coveredFolders, whyProtected, type PathLayers } from '../../../src/core/secrets/protectedList';

const NONE: PathLayers = { user: [], workspace: [], userAllowed: [] };
const file = (rel: string): { path: string; rel: string } => ({ path: `/w/${rel}`, rel });

test('each file names the pattern that covers it: built in, yours, or the workspace\'s', () => {
  const layers: PathLayers = { user: ['deploy/*.conf'], workspace: ['config/prod.json'], userAllowed: [] };
  expect(whyProtected('/w/.env.production', layers)).toEqual({ source: 'built-in', pattern: '**/.env.*' });
  expect(whyProtected('/w/deploy/app.conf', layers)).toEqual({ source: 'yours', pattern: 'deploy/*.conf' });
  expect(whyProtected('/w/config/prod.json', layers)).toEqual({ source: 'workspace', pattern: 'config/prod.json' });
  expect(whyProtected('/w/src/index.ts', layers)).toBeUndefined();
});

test('exceptions: templates and public keys, and your own allowedPaths, are not listed', () => {
  expect(whyProtected('/w/.env.example', NONE)).toBeUndefined();
  expect(whyProtected('/w/id_ed25519.pub', NONE)).toBeUndefined();
  expect(whyProtected('/w/.env.ci', { ...NONE, userAllowed: ['.env.ci'] })).toBeUndefined();
  expect(whyProtected('/w/.env.ci', NONE)?.source).toBe('built-in');
});

test('the covered files, sorted; the rest left out', () => {
  const covered = coveredFiles([file('src/a.ts'), file('secrets/db.key'), file('.env'), file('README.md'), file('.env.sample')], NONE);
  expect(covered.map((f) => f.rel)).toEqual(['.env', 'secrets/db.key']);
});

test('folders covered whole are found among the files\' folders, never the workspace folder itself', () => {
  const layers: PathLayers = { ...NONE, workspace: ['vault/**'] };
  const files = coveredFiles([file('vault/a/b.txt'), file('vault/c.txt'), file('keys/id_rsa'), file('.env')], layers);
  expect(coveredFolders(files, ['/w'], layers)).toEqual(['/w/vault', '/w/vault/a']);
  // A folder that merely holds a secret file is not protected whole.
  expect(coveredFolders(files, ['/w'], layers)).not.toContain('/w/keys');
});

test('Windows paths, as the editor gives them there, find their covered folders too', () => {
  const layers: PathLayers = { ...NONE, workspace: ['vault/**'] };
  const files = coveredFiles([{ path: 'C:\\w\\vault\\a.txt', rel: 'vault/a.txt' }], layers);
  expect(coveredFolders(files, ['C:\\w'], layers)).toEqual(['C:\\w\\vault']);
});
