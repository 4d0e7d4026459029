// Each credential example: the kind and where the verdict says the command gets it — never the
// value; each tracing example: the file it comes from and the tier the verdict ends with.
import { describe, expect, test } from 'vitest';
import { CREDENTIAL_EXAMPLES } from '../../../src/core/secrets/credentials';
import { describeCredential } from '../../../src/core/secrets/credentialText';
import { textOrigins, type CredentialOrigins } from '../../../src/core/secrets/origins';
import { TRACE_EXAMPLES, TRACE_FILES, TRACE_SECRETS } from '../../../src/core/secrets/traceExamples';
import { classify } from '../helpers';

describe('the credential a flagged command acts with', () => {
  test.each(CREDENTIAL_EXAMPLES)('$line', ({ line, env, kind, where }) => {
    const verdict = classify(line, { env });
    expect(verdict.findings.length).toBeGreaterThan(0);
    expect(verdict.credential?.kind).toBe(kind);
    if (where) expect(verdict.credential?.where).toBe(where);
    expect(JSON.stringify(verdict.credential ?? {})).not.toMatch(/abc|pw@|"x"/);
  });

  test('a benign line names no credential, even with one in the environment', () => {
    expect(classify('railway status', { env: { RAILWAY_API_TOKEN: 'x' } }).credential).toBeUndefined();
  });
});

describe('the file a credential comes from', () => {
  const origins = textOrigins(TRACE_FILES);

  test.each(TRACE_EXAMPLES)('$line → $file, $tier', (example) => {
    const { line, env, file, tier, evidence } = example;
    const verdict = classify(line, { env, credentialOrigins: origins });
    expect(verdict.findings.length).toBeGreaterThan(0);
    expect(verdict.credential?.origin?.file).toBe(file);
    if ('kind' in example) expect(verdict.credential?.kind).toBe(example.kind);
    expect(verdict.environment.tier).toBe(tier);
    if (evidence) expect(verdict.environment.evidence).toContain(evidence);
    const json = JSON.stringify(verdict);
    for (const secret of TRACE_SECRETS) expect(json).not.toContain(secret);
  });

  test('a production credential raises a staging command to production, and its policy: typed confirmation', () => {
    const { line, env } = TRACE_EXAMPLES[1] ?? { line: '' };
    const verdict = classify(line, { env, credentialOrigins: origins });
    expect(verdict).toMatchObject({ decision: 'confirm', confirmation: 'typed', environment: { tier: 'production', name: 'production' } });
    expect(verdict.findings[0]?.environment.tier).toBe('production');
    expect(describeCredential(verdict.credential ?? { kind: '', where: '' })).toBe(
      'Railway account or workspace token from `.env.production` — RAILWAY_API_TOKEN from the environment; reaches every project of its account or workspace');
  });

  test('only the findings of the command that uses the credential are raised', () => {
    const verdict = classify(`rm -rf /srv/app && ${TRACE_EXAMPLES[0]?.line ?? ''}`, { credentialOrigins: origins });
    expect(verdict.environment.tier).toBe('production');
    expect(verdict.findings.find((f) => f.rule.startsWith('fs.'))?.environment.tier).not.toBe('production');
  });

  test('the files are asked for only when a line is flagged', () => {
    let asked = 0;
    const counting: CredentialOrigins = { files: (cwd) => { asked++; return origins.files(cwd); }, fingerprint: origins.fingerprint };
    for (const line of ['ls -la', 'git status', 'railway status', 'curl https://example.com', 'npm test']) classify(line, { credentialOrigins: counting, env: { RAILWAY_API_TOKEN: 'x' } });
    expect(asked).toBe(0);
    classify('railway volume delete -v pgdata -y', { credentialOrigins: counting, env: { RAILWAY_API_TOKEN: 'x' } });
    expect(asked).toBe(1);
  });

  test('files that cannot be listed, or a fingerprint that throws, leave the credential untraced, never an error', () => {
    const line = TRACE_EXAMPLES[0]?.line ?? '';
    const broken: CredentialOrigins = { files: () => { throw new Error('EACCES'); }, fingerprint: (v) => v };
    expect(classify(line, { credentialOrigins: broken })).toMatchObject({ credential: { kind: 'bearer token' }, environment: { tier: 'unknown' } });
    const throwing: CredentialOrigins = { files: origins.files, fingerprint: () => { throw new Error('no crypto'); } };
    expect(classify(line, { credentialOrigins: throwing }).credential?.origin).toBeUndefined();
  });
});
