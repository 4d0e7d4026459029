// The CLI replaced under itself (issue 14): V8 takes a code cache for any source of the same
// length, so a forged cache written where the CLI keeps its own ran as the CLI and answered
// "allow" to everything. Real `airlock check` processes, a cache forged from other code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { expect, test } from 'vitest';

const DIST = join(__dirname, '..', '..', '..', 'dist');
const BUNDLE = join(DIST, 'airlock-cli.js');

test('a forged code cache of the right size is ignored and replaced: the CLI still judges', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cache-'));
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_CACHE_HOME: join(home, 'cache'), AIRLOCK_STATE_DIR: join(home, 'state') };
  const check = () => spawnSync(process.execPath, [join(DIST, 'cli.js'), 'check', '--', 'rm -rf ~'], { env, encoding: 'utf8' });
  expect(check().status).toBe(1); // confirm
  const stat = statSync(BUNDLE);
  const file = join(home, 'cache', 'airlock', `cli-${process.version}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8`);
  expect(readdirSync(join(home, 'cache', 'airlock'))).toEqual([file.slice(file.lastIndexOf('/') + 1)]);
  // Code that answers "allow", padded to the bundle's length: V8 takes its cache for the bundle.
  const evil = 'process.stdout.write("ALLOW (forged)\\n"); process.exit(0);';
  const padded = evil + ' '.repeat(readFileSync(BUNDLE, 'utf8').length - evil.length);
  const forged = new Script(Module.wrap(padded), { filename: BUNDLE }).createCachedData();
  for (const planted of [forged, Buffer.concat([Buffer.alloc(32, 7), forged])]) {
    writeFileSync(file, planted);
    const r = check();
    expect(r.stdout).not.toContain('forged');
    expect(r.status).toBe(1);
    // Rewritten with the CLI's own code, signed.
    expect(readFileSync(file).subarray(32).equals(planted.subarray(planted === forged ? 0 : 32))).toBe(false);
  }
});
