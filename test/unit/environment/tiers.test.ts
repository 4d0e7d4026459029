import { expect, test } from 'vitest';
import { tierOfName } from '../../../src/core/environment/tiers';

test.each([
  ['prod-db', 'production'],
  ['api-production', 'production'],
  ['rentals-prod', 'production'],
  ['gke_acme_us-central1_prd', 'production'],
  ['live', 'production'],
  ['db.staging.internal', 'staging'],
  ['acme-stg', 'staging'],
  ['uat', 'staging'],
  ['preprod', 'staging'],
  ['localhost:5432/app', 'development'],
  ['127.0.0.1', 'development'],
  ['myapp_dev', 'development'],
  ['sandbox-1', 'development'],
  ['reproduce', undefined],
  ['product-catalog', undefined],
  ['livestream', undefined],
  ['devops-tools', undefined],
  ['', undefined],
])('%s → %s', (name, tier) => {
  expect(tierOfName(name)).toBe(tier);
});

test('the user map wins, exactly or by wildcard', () => {
  const map = new Map([['acme-main', 'production'], ['*-qa', 'staging']] as const);
  expect(tierOfName('acme-main', map)).toBe('production');
  expect(tierOfName('billing-qa', map)).toBe('staging');
  expect(tierOfName('postgres-host.acme-main.internal', map)).toBe('production');
  expect(tierOfName('other', map)).toBeUndefined();
});
