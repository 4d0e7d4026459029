import { describe, expect, test } from 'vitest';
import { classify } from '../helpers';

describe('environment resolution', () => {
  test.each([
    ['explicit flag', 'heroku apps:destroy -a acme-prod --confirm acme-prod', {}, 'production', '-a acme-prod'],
    ['connection target, password redacted', "psql postgres://admin:s3cret@db.staging.acme.io/app -c 'DROP TABLE users'", {}, 'staging', 'postgres://admin:***@db.staging.acme.io/app'],
    ['name acted on', 'dropdb rentals_prod', {}, 'production', 'rentals_prod'],
    ['VAR=value on the line', 'RAILS_ENV=production bin/rails db:drop', {}, 'production', 'RAILS_ENV=production'],
    ['rake-style argument', 'bin/rake db:reset RAILS_ENV=staging', {}, 'staging', 'RAILS_ENV=staging'],
    ['process environment', 'npx prisma migrate reset --force', { DATABASE_URL: 'postgresql://u:pw@localhost:5432/app' }, 'development', '$DATABASE_URL (postgresql://u:***@localhost:5432/app)'],
    ['a variable the command reads', 'psql "$DATABASE_URL" -c "TRUNCATE events"', { DATABASE_URL: 'postgres://app@db.prod.acme.internal/app' }, 'production', '$DATABASE_URL (postgres://***@db.prod.acme.internal/app)'],
    ['export earlier in the line', 'export AWS_PROFILE=prod; aws s3 rb s3://acme-assets --force', {}, 'production', '$AWS_PROFILE (prod)'],
    ['switch earlier in the line', 'terraform workspace select prod && terraform destroy', {}, 'production', 'terraform workspace: prod'],
    ['remote host of an ssh payload', "ssh db.prod.acme.io 'rm -rf /var/lib/postgresql'", {}, 'production', 'ssh db.prod.acme.io'],
    ['flag of the runner around the command', 'kubectl --context prod-eu exec -it db-0 -- psql -c "DROP DATABASE app"', {}, 'production', '--context prod-eu'],
    ['no evidence', 'rm -rf ~', {}, 'unknown', undefined],
    ['a file named dev is no development target', 'rm -rf /srv/dev-backups', {}, 'unknown', undefined],
    ['nor is ~/.local', 'rm -rf ~/.local/share/keyrings', {}, 'unknown', undefined],
    ['a file named prod still raises the tier', 'rm -rf /srv/prod-uploads', {}, 'production', '/srv/prod-uploads'],
  ])('%s', (_name, line, env, tier, evidence) => {
    const verdict = classify(line, { env });
    expect(verdict.findings.length).toBeGreaterThan(0);
    expect(verdict.environment.tier).toBe(tier);
    expect(verdict.environment.evidence).toBe(evidence);
  });

  test('a stray variable of another tool says nothing', () => {
    expect(classify('kubectl delete ns payments', { env: { AWS_PROFILE: 'prod' } }).environment.tier).toBe('unknown');
  });

  test('the user map names environments the tokens cannot', () => {
    const environments = new Map([['acme-main', 'production']] as const);
    expect(classify('heroku pg:reset -a acme-main', { environments }).environment.tier).toBe('production');
  });

  test('credentials in variables never reach the evidence', () => {
    const verdict = classify('psql "$DATABASE_URL" -c "DROP TABLE users"', { env: { DATABASE_URL: 'postgres://app:topsecret@db.prod.io/app?sslpassword=x1' } });
    expect(JSON.stringify(verdict)).not.toContain('topsecret');
    expect(JSON.stringify(verdict)).not.toContain('x1');
  });
});

describe('policy', () => {
  test.each([
    ['railway volume delete --volume pg -e production', 'confirm', 'typed'],
    ['kubectl delete ns payments -n staging', 'confirm', 'click'],
    ['git push --force', 'confirm', 'click'],
    ['dropdb myapp_dev', 'confirm', 'click'],
    ['rm -rf node_modules', 'allow', 'none'],
  ])('%s → %s (%s)', (line, decision, confirmation) => {
    expect(classify(line)).toMatchObject({ decision, confirmation });
  });

  test('development allows what is not critical', () => {
    expect(classify('git push --force', { env: {} }).decision).toBe('confirm');
    expect(classify("psql -h localhost -d app_dev -c 'DELETE FROM users'").decision).toBe('allow');
  });

  test('a human at their own terminal is allowed (the gate audits it)', () => {
    expect(classify('terraform destroy', { actor: 'human' })).toMatchObject({ decision: 'allow', risk: 'critical' });
  });
});

describe('red-team findings stay fixed', () => {
  test.each([
    'NODE_ENV=development git push -f origin main',
    'ENV=dev git reset --hard HEAD~20',
    'NODE_ENV=development cat ~/.ssh/id_rsa',
    'AWS_PROFILE=dev cat ~/.aws/credentials',
    'cat .env.development',
    'cat .env.local',
    'cat ~/.ssh/*',
    "ssh prod bash <<'EOF'\nrm -rf /data\nEOF",
    "docker exec -i db bash <<'EOF'\nrm -rf /var/lib/postgresql/data\nEOF",
    "kubectl exec -i db-0 -- psql <<< 'DROP DATABASE app'",
    "docker exec -i db psql -U postgres <<< 'DROP DATABASE app'",
  ])('%s needs a human', (line) => {
    expect(classify(line).decision).not.toBe('allow');
  });
});
