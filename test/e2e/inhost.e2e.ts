// The in-host suite (test/inhost/suite.js) inside code-server: a test-only helper extension runs
// it in the same extension host as Airlock and writes its results for this test to read.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEditor, waitFor, type Editor } from './harness';

interface Result { readonly name: string; readonly ok: boolean; readonly problem?: string }

const resultsFile = join(tmpdir(), `airlock-inhost-${process.pid}.json`);
let editor: Editor;
let results: Result[];

beforeAll(async () => {
  editor = await startEditor({}, { inHostResults: resultsFile });
  results = await waitFor('the in-host results', () => {
    try {
      return JSON.parse(readFileSync(resultsFile, 'utf8')) as Result[];
    } catch {
      return undefined;
    }
  }, 90_000);
});

afterAll(async () => {
  await editor?.stop();
});

test.each([
  'Airlock is installed and activates',
  'its commands are registered',
  'its settings are read with their defaults',
  'the decision service publishes a discovery file whose socket answers',
])('%s', (name) => {
  const result = results.find((r) => r.name === name);
  expect(result, `no result for "${name}"`).toBeDefined();
  expect(result?.problem).toBeUndefined();
  expect(result?.ok).toBe(true);
});
