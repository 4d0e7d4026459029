import { expect, test } from 'vitest';
import { isProtectedPath } from '../../../src/core/secrets/paths';

test.each([
  ['.env', true], ['.env.production', true], ['config/.env.local', true], ['./.env', true],
  ['.env.example', false], ['.env.sample', false], ['.env.template', false],
  ['~/.aws/credentials', true], ['$HOME/.aws/credentials', true], ['/home/dev/.aws/credentials', true], ['/root/.kube/config', true],
  ['~/.railway/config.json', true], ['~/.ssh/id_ed25519', true], ['~/.ssh/id_ed25519.pub', false], ['~/.ssh/known_hosts', false],
  ['terraform.tfstate', true], ['prod.tfvars', true], ['infra/gcp-service-account.json', true], ['server.key', true],
  ['/etc/shadow', true], ['/run/secrets/db_password', true], ['/var/run/secrets/kubernetes.io/serviceaccount/token', true],
  ['README.md', false], ['src/env.ts', false], ['package.json', false], ['.envrc.example', false],
  // Globs the shell expands reach what their literal part names.
  // Agents' own logins, key and env-file copies, platform files (review round, issue 14).
  ['~/.gemini/oauth_creds.json', true], ['~/.codex/auth.json', true], ['~/.claude/.credentials.json', true], ['/etc/ssh/ssh_host_ed25519_key', true],
  ['id_rsa.bak', true], ['deploy_key', true], ['.env~', true], ['.env-prod', true], ['.env_production', true], ['.dev.vars', true],
  ['.streamlit/secrets.toml', true], ['local.settings.json', true], ['firebase-adminsdk-abc12.json', true], ['gcp-key.json', true],
  ['id_rsa.pub', false], ['.env-example', false], ['monkey.json', false], ['/etc/ssh/ssh_host_ed25519_key.pub', false],
  ['.env*', true], ['.en?', true], ['.e*', true], ['*.pem', true], ['id_*', true], ['*.json', false], ['src/*.ts', false], ['~/.ssh/*', true], ['~/.aws/*', true],
  // A glob standing for one name in a credential path; XDG folders; more stored logins (fourth round).
  ['/proc/*/environ', true], ['~/.aws/sso/cache/*.json', true], ['~/.gnupg/private-keys-v1.d/*', true], ['config/*.env', true],
  ['$XDG_CONFIG_HOME/gh/hosts.yml', true], ['~/.config/git/credentials', true], ['wp-config.php', true], ['appsettings.Production.json', true],
  ['~/.dbt/profiles.yml', true], ['~/.snowflake/connections.toml', true], ['appsettings.json', false], ['wp-config-sample.php', false],
])('%s → %s', (path, expected) => {
  expect(isProtectedPath(path)).toBe(expected);
});

test('user globs add protection and allow globs carve exceptions', () => {
  expect(isProtectedPath('deploy/keys.yaml', ['**/keys.yaml'])).toBe(true);
  expect(isProtectedPath('.env.ci', [], ['**/.env.ci'])).toBe(false);
});

test('every default glob has a literal run, so the quick pre-check never hides a match', async () => {
  const { DEFAULT_SECRET_GLOBS } = await import('../../../src/core/secrets/paths');
  for (const glob of DEFAULT_SECRET_GLOBS) {
    expect(glob, glob).not.toMatch(/[{}[\]]/);
    expect(glob.replace(/[*?/]/g, '').length, glob).toBeGreaterThan(1);
  }
});

test('`.*` names the hidden files, .env among them; `*` alone names nothing in particular', () => {
  expect(['.*', '.[a-z]*', 'config/.*', '.e*'].map((g) => isProtectedPath(g))).toEqual([true, true, true, true]);
  expect(['*', 'src/*', '*.ts', '.github'].map((g) => isProtectedPath(g))).toEqual([false, false, false, false]);
});
