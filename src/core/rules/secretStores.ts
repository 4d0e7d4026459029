// Secrets managers: destroying, deleting or disabling what a secret store holds, or taking the store
// down (HashiCorp Vault and OpenBao, SSM Parameter Store, KMS key material, Doppler, 1Password,
// Infisical, Bitwarden, HCP Vault Secrets, pass, chamber, Akeyless). Reading a secret is the secrets
// family's; the cloud family already covers Secrets Manager, Secret Manager and Key Vault deletes.
import type { Args } from './args';
import { AWS, GCLOUD, assigned, dashed, pathRule, type CliShape, type PathSpec } from './pathRules';
import type { Rule } from './types';

type StoreSpec = Omit<PathSpec, 'category'>;
const store = (s: StoreSpec): Rule => pathRule({ ...s, category: 'vault' });

/* ---------------------------------------------------------------- Vault, OpenBao */

const VAULT_PROGRAMS = ['vault', 'bao'];
const VAULT: CliShape = {
  valueFlags: new Set(dashed(
    'address', 'agent-address', 'ca-cert', 'ca-path', 'client-cert', 'client-key', 'namespace', 'ns', 'tls-server-name',
    'wrap-ttl', 'mfa', 'policy-override', 'header', 'format', 'field', 'mount', 'versions', 'mode', 'log-level', 'path',
  )),
};

/** The server and namespace a Vault command talks to, from its flags or a `VAULT_ADDR=` prefix. */
function vaultServer(a: Args): string[] {
  return [...a.values(...dashed('address', 'namespace', 'ns', 'mount')), ...assigned(a, 'VAULT_ADDR', 'VAULT_NAMESPACE', 'BAO_ADDR', 'BAO_NAMESPACE')];
}

/** `secret/metadata/…` (every version), `transit/keys/…` (an encryption key), `pki/root` (the CA key). */
function destroysForGood(p: readonly string[]): boolean {
  const segment = (p[1] ?? '').replace(/^\/+/, '').split('/')[1];
  return segment === 'metadata' || segment === 'keys' || segment === 'root';
}

// Vault's `-h` is its help flag, which the engine only knows as `-help` and `--help`.
const vault = (s: Omit<StoreSpec, 'programs' | 'shape' | 'moreTargets'>): Rule => store({
  ...s, programs: VAULT_PROGRAMS, shape: VAULT, moreTargets: vaultServer,
  when: (a, p) => !a.has('-h') && (s.when?.(a, p) ?? true),
});

const vaultRules: readonly Rule[] = [
  vault({
    id: 'vault.kv-destroy',
    paths: [['kv', 'destroy'], ['kv', 'metadata', 'delete']],
    severity: 'critical',
    summary: 'Permanently destroys versions of a Vault KV secret, or (metadata delete) every version and its history',
    hint: 'Soft-delete instead (`vault kv delete`, undone with `vault kv undelete`) and read the secret path twice',
    match: [
      'vault kv destroy -versions=2,3 secret/prod/db',
      'vault kv destroy -mount=secret -versions=1 app/config',
      'vault kv metadata delete secret/prod/api-keys',
      'bao kv metadata delete -mount=kv payments/stripe',
      'VAULT_ADDR=https://vault.prod.acme.io:8200 vault kv destroy -versions 4 secret/app',
    ],
    noMatch: ['vault kv get secret/prod/db', 'vault kv metadata get secret/prod/api-keys', 'vault kv undelete -versions=2 secret/prod/db', 'vault kv put secret/dev/db password=x', 'vault kv list secret/'],
  }),
  vault({
    id: 'vault.kv-delete',
    paths: [['kv', 'delete']],
    severity: 'high',
    summary: 'Deletes the latest version of a Vault KV secret (for good on a version 1 mount); whatever reads it breaks',
    hint: 'Check the path first; on a KV v2 mount `vault kv undelete` brings the version back',
    match: ['vault kv delete secret/prod/db', 'vault kv delete -mount=secret creds', 'bao kv delete kv/staging/api'],
    noMatch: ['vault kv get secret/prod/db', 'vault kv undelete -versions=3 secret/prod/db', 'vault kv metadata delete secret/prod/db'],
  }),
  vault({
    id: 'vault.delete-key',
    paths: [['delete']],
    when: (_a, p) => destroysForGood(p),
    severity: 'critical',
    summary: 'Deletes every version of a secret, an encryption key or a CA key in Vault; what depends on it is lost for good',
    hint: 'Rotate or disable the key instead, and back Vault up (`vault operator raft snapshot save`) first',
    match: ['vault delete transit/keys/payments', 'vault delete secret/metadata/prod/db', 'vault delete pki/root'],
    noMatch: ['vault delete database/roles/readonly', 'vault read transit/keys/payments', 'vault write -f transit/keys/payments/rotate'],
  }),
  vault({
    id: 'vault.delete',
    paths: [['delete']],
    when: (_a, p) => !destroysForGood(p),
    severity: 'high',
    summary: 'Deletes the data at a Vault path (a KV version 1 secret, a role, a user, a configuration)',
    hint: 'Read the path first (`vault read`) and keep a copy; Vault has no undo for a delete',
    match: ['vault delete secret/prod/db', 'vault delete database/roles/readonly', 'vault delete auth/userpass/users/alice', 'bao delete aws/roles/deploy'],
    noMatch: ['vault read secret/prod/db', 'vault write database/roles/readonly db_name=pg', 'vault list secret/', 'vault delete transit/keys/payments'],
  }),
  vault({
    id: 'vault.secrets-disable',
    paths: [['secrets', 'disable'], ['unmount']],
    severity: 'critical',
    summary: 'Disables a Vault secrets engine: its leases are revoked and all the data stored in it is deleted',
    hint: 'Move it instead (`vault secrets move`) or take a snapshot first (`vault operator raft snapshot save`)',
    match: ['vault secrets disable secret/', 'vault secrets disable -address=https://vault.prod.acme.io database', 'bao secrets disable kv-prod', 'vault unmount transit'],
    noMatch: ['vault secrets list', 'vault secrets enable -path=kv kv-v2', 'vault secrets tune -max-lease-ttl=1h database/', 'vault secrets move secret/ kv/', 'vault secrets disable -h'],
  }),
  vault({
    id: 'vault.auth-disable',
    paths: [['auth', 'disable'], ['auth-disable']],
    severity: 'critical',
    summary: 'Disables a Vault auth method: every token it issued is revoked and its roles and users are deleted',
    hint: 'Take a snapshot first (`vault operator raft snapshot save`) and check that nothing logs in through it',
    match: ['vault auth disable userpass/', 'vault auth disable kubernetes', 'bao auth disable approle'],
    noMatch: ['vault auth list', 'vault auth enable userpass', 'vault auth tune -default-lease-ttl=1h userpass/'],
  }),
  vault({
    id: 'vault.lease-revoke-prefix',
    paths: [['lease', 'revoke'], ['revoke']],
    when: (a) => a.has(...dashed('prefix', 'force')),
    severity: 'high',
    summary: 'Revokes every Vault lease under a prefix: every dynamic credential issued there stops working',
    hint: 'Revoke the single lease that leaked, or look the leases up first (`vault list sys/leases/lookup/…`)',
    match: ['vault lease revoke -prefix aws/creds/', 'vault lease revoke -force -prefix database/creds/readonly', 'vault revoke -prefix=true database/'],
    noMatch: ['vault lease lookup database/creds/readonly/abc123', 'vault lease renew database/creds/readonly/abc123', 'vault lease revoke database/creds/readonly/2f6a614c'],
  }),
  vault({
    id: 'vault.token-revoke',
    paths: [['token', 'revoke'], ['token-revoke']],
    when: (a) => !a.has(...dashed('self')),
    severity: 'high',
    summary: 'Revokes a Vault token with its child tokens and their leases; whatever uses it is locked out',
    hint: 'Look the token up first (`vault token lookup`) and check which service uses it',
    match: ['vault token revoke hvs.CAESIJbKx2c', 'vault token revoke -accessor 2c0ca7c1-3a1b-4b7e-9a7e', 'vault token revoke -mode=orphan s.xyz123'],
    noMatch: ['vault token lookup', 'vault token revoke -self', 'vault token create -policy=dev'],
  }),
  vault({
    id: 'vault.policy-delete',
    paths: [['policy', 'delete'], ['policy-delete']],
    severity: 'high',
    summary: 'Deletes a Vault policy; every token that relies on it loses access',
    hint: 'Save it first (`vault policy read NAME > NAME.hcl`) so it can be written back',
    match: ['vault policy delete app-prod', 'bao policy delete admin'],
    noMatch: ['vault policy read app-prod', 'vault policy write app-prod app.hcl', 'vault policy list'],
  }),
  vault({
    id: 'vault.operator-seal',
    paths: [['operator', 'seal'], ['seal']],
    severity: 'critical',
    summary: 'Seals Vault: every client and application is refused until enough key holders unseal it',
    hint: 'Step the node down instead (`vault operator step-down`) unless this is a security emergency',
    match: ['vault operator seal', 'vault operator seal -address=https://vault.prod.acme.io:8200', 'VAULT_ADDR=https://vault-prd.acme.io vault operator seal'],
    noMatch: ['vault operator unseal', 'vault status', 'vault operator init -key-shares=5 -key-threshold=3'],
  }),
  vault({
    id: 'vault.raft-remove-peer',
    paths: [['operator', 'raft', 'remove-peer']],
    severity: 'high',
    summary: 'Removes a node from Vault\'s Raft cluster; losing quorum takes Vault down',
    hint: 'Check `vault operator raft list-peers` and autopilot health first, and join the replacement before removing',
    match: ['vault operator raft remove-peer vault-2', 'bao operator raft remove-peer node3'],
    noMatch: ['vault operator raft list-peers', 'vault operator raft join https://vault-0:8200', 'vault operator raft snapshot save backup.snap'],
  }),
  vault({
    id: 'vault.raft-snapshot-restore',
    paths: [['operator', 'raft', 'snapshot', 'restore']],
    severity: 'critical',
    summary: 'Replaces all of Vault\'s data with a snapshot; everything written since it was taken is lost',
    hint: 'Save a snapshot of the current state first (`vault operator raft snapshot save`) and check the address',
    match: ['vault operator raft snapshot restore backup.snap', 'vault operator raft snapshot restore -force vault-2024-05-01.snap'],
    noMatch: ['vault operator raft snapshot save backup.snap', 'vault operator raft snapshot inspect backup.snap'],
  }),
  vault({
    id: 'vault.audit-disable',
    paths: [['audit', 'disable'], ['audit-disable']],
    severity: 'high',
    summary: 'Disables a Vault audit device; requests stop being recorded',
    hint: 'Enable the replacement audit device first so there is no gap in the audit trail',
    match: ['vault audit disable file/', 'vault audit disable syslog'],
    noMatch: ['vault audit list', 'vault audit enable file file_path=/var/log/vault_audit.log'],
  }),
  vault({
    id: 'vault.namespace-delete',
    paths: [['namespace', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Vault namespace with every secrets engine, auth method and policy in it',
    hint: 'List what it holds first (`vault secrets list -namespace=NAME`) and take a snapshot',
    match: ['vault namespace delete team-payments', 'vault namespace delete -namespace=admin prod'],
    noMatch: ['vault namespace list', 'vault namespace create team-payments', 'vault namespace lookup team-payments'],
  }),
];

/* ---------------------------------------------------------------- cloud key and parameter stores */

const cloudStoreRules: readonly Rule[] = [
  store({
    id: 'aws.ssm-delete-parameter',
    programs: ['aws'],
    shape: AWS,
    paths: [['ssm', ['delete-parameter', 'delete-parameters']]],
    severity: 'high',
    summary: 'Deletes SSM Parameter Store parameters for good; whatever reads them breaks',
    hint: 'Check the names with `aws ssm describe-parameters` first and keep a copy of the values',
    targetFlags: ['--name', '--names'],
    match: ['aws ssm delete-parameter --name /app/prod/db-password', 'aws ssm delete-parameters --names /app/stg/a /app/stg/b', 'aws --profile prod ssm delete-parameter --name=DB_URL'],
    noMatch: ['aws ssm get-parameter --name /app/prod/db-password', 'aws ssm put-parameter --name /app/dev/x --value y --type String', 'aws ssm describe-parameters', 'aws ssm label-parameter-version --name /app/x --labels live'],
  }),
  store({
    id: 'aws.kms-key-material-delete',
    programs: ['aws'],
    shape: AWS,
    paths: [['kms', 'delete-imported-key-material']],
    severity: 'critical',
    summary: 'Deletes the imported key material of a KMS key; everything encrypted with it is unreadable until the same material is imported again',
    hint: 'Check that a copy of the key material is kept outside AWS before deleting it, or disable the key instead',
    targetFlags: ['--key-id'],
    match: ['aws kms delete-imported-key-material --key-id 1234abcd-12ab-34cd-56ef-1234567890ab', 'aws --profile prod kms delete-imported-key-material --key-id=alias/prod-byok'],
    noMatch: ['aws kms describe-key --key-id alias/prod-byok', 'aws kms import-key-material --key-id alias/prod-byok --encrypted-key-material fileb://m.bin --import-token fileb://t.bin'],
  }),
  store({
    id: 'gcloud.kms-key-version-destroy',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [['kms', 'keys', 'versions', 'destroy']],
    severity: 'critical',
    summary: 'Schedules a Cloud KMS key version for destruction; data encrypted with it becomes unreadable for good',
    hint: 'Disable the version instead (`gcloud kms keys versions disable`); a scheduled destroy can be undone with `restore`',
    targetFlags: ['--key', '--keyring'],
    match: ['gcloud kms keys versions destroy 3 --key=payments --keyring=prod-ring --location=global', 'gcloud kms keys versions destroy 1 --key db-encryption --keyring app --location us-east1 --project acme-prod'],
    noMatch: ['gcloud kms keys versions disable 3 --key=payments --keyring=prod-ring --location=global', 'gcloud kms keys versions list --key payments --keyring prod-ring --location global', 'gcloud kms keys versions restore 3 --key=payments --keyring=prod-ring --location=global'],
  }),
];

/* ---------------------------------------------------------------- SaaS secret managers */

const DOPPLER: CliShape = {
  valueFlags: new Set(['-p', '--project', '-c', '--config', '-t', '--token', '--scope', '--configuration', '--api-host', '--dashboard-host']),
  skipLeading: ['enclave'],
};
const OP: CliShape = { valueFlags: new Set(['--vault', '--account', '--session', '--format', '--config', '--encoding']) };
const OP_DELETE = ['delete', 'remove', 'rm'];
const INFISICAL: CliShape = { valueFlags: new Set(['--env', '--path', '--projectId', '--type', '--token', '--domain', '--name']) };
const BW: CliShape = { valueFlags: new Set(['--session', '--organizationid', '--itemid']) };
const CHAMBER: CliShape = { valueFlags: new Set(['-b', '--backend', '-r', '--retries']) };
const AKEYLESS: CliShape = { valueFlags: new Set(['--profile', '--name', '--path']) };

const saasRules: readonly Rule[] = [
  store({
    id: 'doppler.secrets-delete',
    programs: ['doppler'],
    shape: DOPPLER,
    paths: [['secrets', 'delete']],
    severity: 'high',
    summary: 'Deletes secrets from a Doppler config; every service reading them breaks',
    hint: 'Check the project and config first; a change can be rolled back from the config\'s activity log',
    targetFlags: ['-p', '--project', '-c', '--config'],
    match: ['doppler secrets delete STRIPE_KEY -p billing -c prd --yes', 'doppler secrets delete API_KEY CRYPTO_KEY', 'doppler enclave secrets delete OLD_TOKEN --config stg'],
    noMatch: ['doppler secrets get STRIPE_KEY --plain', 'doppler secrets set STRIPE_KEY=sk_test', 'doppler run -- npm start', 'doppler secrets download --no-file'],
  }),
  store({
    id: 'doppler.config-delete',
    programs: ['doppler'],
    shape: DOPPLER,
    paths: [[['configs', 'environments', 'projects'], 'delete']],
    severity: 'critical',
    summary: 'Deletes a Doppler config, environment or project with every secret in it',
    hint: 'Download the secrets first (to a protected file) and check the name; `doppler configs delete` with no name deletes the current config',
    targetFlags: ['-p', '--project', '-c', '--config'],
    match: ['doppler configs delete prd_temp --yes', 'doppler environments delete stg -p backend', 'doppler projects delete billing-api', 'doppler configs delete -p backend'],
    noMatch: ['doppler configs', 'doppler configs create dev_alice -e dev', 'doppler projects get billing-api', 'doppler environments rename stg --name staging'],
  }),
  store({
    id: 'op.item-delete',
    programs: ['op'],
    shape: OP,
    paths: [[['item', 'document'], OP_DELETE]],
    when: (a) => !a.has('--archive'),
    severity: 'high',
    summary: 'Permanently deletes a 1Password item or document',
    hint: 'Pass --archive to move it to the Archive instead, where it can be restored',
    targetFlags: ['--vault'],
    match: ['op item delete "Prod DB" --vault Production', 'op item delete 2fcbqwe9ndg175zg2dzwftvkpa', 'op document delete "prod-tls.key" --vault Infra'],
    noMatch: ['op item get "Prod DB" --vault Production', 'op item delete "Old Login" --archive', 'op item list --vault Production', 'op document get "prod-tls.key"'],
  }),
  store({
    id: 'op.vault-delete',
    programs: ['op'],
    shape: OP,
    paths: [['vault', OP_DELETE]],
    severity: 'critical',
    summary: 'Deletes a 1Password vault with every item in it',
    hint: 'Move the items that must stay to another vault first (`op item move`)',
    match: ['op vault delete Production', 'op vault delete "CI Secrets"'],
    noMatch: ['op vault list', 'op vault get Production', 'op vault create Staging'],
  }),
  store({
    id: 'op.access-delete',
    programs: ['op'],
    shape: OP,
    paths: [[['user', 'group'], OP_DELETE], ['connect', ['server', 'token'], OP_DELETE]],
    severity: 'high',
    summary: 'Deletes a 1Password user or group, or a Connect server or token; whoever or whatever used it loses access',
    hint: 'Suspend the user instead (`op user suspend`), or check which integration uses the Connect server or token',
    match: ['op user delete alice@acme.io', 'op connect server delete "Prod Connect"', 'op connect token delete k8s-prod --server "Prod Connect"'],
    noMatch: ['op user list', 'op user suspend alice@acme.io', 'op connect server list'],
  }),
  store({
    id: 'infisical.secrets-delete',
    programs: ['infisical'],
    shape: INFISICAL,
    paths: [['secrets', 'delete'], ['secrets', 'folders', 'delete']],
    severity: 'high',
    summary: 'Deletes secrets (or a folder of them) from an Infisical environment; every service reading them breaks',
    hint: 'Check --env and --path first; Infisical keeps secret versions and point-in-time snapshots to restore from',
    targetFlags: ['--path', '--name'],
    match: ['infisical secrets delete STRIPE_KEY --env=prod', 'infisical secrets delete DB_URL REDIS_URL --env staging --path /api', 'infisical secrets folders delete --name legacy --env=prod --path /'],
    noMatch: ['infisical secrets get DB_URL --env=prod', 'infisical secrets set FOO=bar --env=dev', 'infisical run --env=prod -- npm start', 'infisical secrets folders create --name api --env=dev'],
  }),
  store({
    id: 'bw.delete',
    programs: ['bw'],
    shape: BW,
    paths: [['delete', ['item', 'attachment']]],
    when: (a, p) => p[1] === 'attachment' || a.has('--permanent'),
    severity: 'high',
    summary: 'Permanently deletes a Bitwarden item or attachment, skipping the trash',
    hint: 'Delete without --permanent so the item goes to the trash for 30 days (`bw restore item ID`)',
    match: ['bw delete item 99ee88d2-6046-4ea7-92c2-acac464b1412 --permanent', 'bw delete attachment b857igwl1dzrs2 --itemid 99ee88d2-6046-4ea7-92c2-acac464b1412'],
    noMatch: ['bw delete item 99ee88d2-6046-4ea7-92c2-acac464b1412', 'bw list items --search prod', 'bw restore item 99ee88d2-6046-4ea7-92c2-acac464b1412'],
  }),
  store({
    id: 'chamber.delete',
    programs: ['chamber'],
    shape: CHAMBER,
    paths: [['delete']],
    severity: 'high',
    summary: 'Deletes a secret that chamber keeps in SSM Parameter Store or Secrets Manager',
    hint: 'Check the service and key with `chamber list SERVICE` first and keep a copy of the value',
    match: ['chamber delete payments-prod stripe_key', 'chamber -b secretsmanager delete api-staging db_password'],
    noMatch: ['chamber list payments-prod', 'chamber write payments-prod stripe_key sk_test', 'chamber exec payments-prod -- ./run.sh'],
  }),
  store({
    id: 'hcp.vault-secrets-delete',
    programs: ['hcp'],
    shape: { valueFlags: new Set(['--app', '--project', '--organization', '--profile', '--format']) },
    paths: [['vault-secrets', ['secrets', 'apps'], 'delete']],
    severity: 'high',
    summary: 'Deletes a secret, or an app with all its secrets, from HCP Vault Secrets',
    hint: 'Check the app and secret names with `hcp vault-secrets secrets list` first',
    targetFlags: ['--app', '--project'],
    match: ['hcp vault-secrets secrets delete stripe_key --app payments-prod', 'hcp vault-secrets apps delete legacy-api'],
    noMatch: ['hcp vault-secrets secrets list --app payments-prod', 'hcp vault-secrets secrets create stripe_key --app payments-dev --data-file=-'],
  }),
  store({
    id: 'bws.delete',
    programs: ['bws'],
    shape: { valueFlags: new Set(['--access-token', '-t', '--profile', '--server-url', '--output', '-o']) },
    paths: [[['secret', 'project'], 'delete'], ['delete', ['secret', 'project']]],
    severity: 'high',
    summary: 'Deletes Bitwarden Secrets Manager secrets or projects; every machine reading them breaks',
    hint: 'Check the ids with `bws secret list` first and keep a copy of the values',
    match: ['bws secret delete be8e0ad8-d545-4017-a55a-b02f014d4158', 'bws project delete 3ee9b6d4-7a5b-4d5e-9f1a-b02f014d4158'],
    noMatch: ['bws secret list', 'bws secret get be8e0ad8-d545-4017-a55a-b02f014d4158', 'bws project list'],
  }),
  store({
    id: 'pass.rm',
    programs: ['pass', 'gopass', 'lpass'],
    shape: { valueFlags: new Set(['--store']) },
    paths: [[['rm', 'remove', 'delete']]],
    severity: 'high',
    summary: 'Deletes entries (with -r, whole folders) from a password store (pass, gopass, LastPass)',
    hint: 'Check the entry with `pass ls` first; a git-backed store can bring it back with `pass git revert`',
    match: ['pass rm -r -f prod/aws', 'gopass rm -r team/prod', 'lpass rm "Shared-Infra/prod-db"'],
    noMatch: ['pass ls prod', 'pass insert prod/new', 'gopass list', 'lpass ls'],
  }),
  store({
    id: 'akeyless.delete-item',
    programs: ['akeyless'],
    shape: AKEYLESS,
    paths: [[['delete-item', 'delete-items']]],
    severity: 'high',
    summary: 'Deletes Akeyless secrets or keys (delete-items: everything under a path)',
    hint: 'List what the path holds first (`akeyless list-items --path …`) and prefer a delayed deletion (--delete-in-days)',
    targetFlags: ['--name', '--path'],
    match: ['akeyless delete-item --name /prod/db/password', 'akeyless delete-items --path /staging/legacy'],
    noMatch: ['akeyless get-secret-value --name /prod/db/password', 'akeyless list-items --path /prod', 'akeyless create-secret --name /dev/x --value y'],
  }),
];

export const secretStoresRules: readonly Rule[] = [...vaultRules, ...cloudStoreRules, ...saasRules];
