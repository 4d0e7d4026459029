// Identity and access: RBAC bindings, IAM policies, directory entries and identity providers.
// Removing a binding or a user locks out whatever signs in with it, often a production service;
// the deletes of whole users/roles in the big clouds are in cloud.ts.
import { operands, type Args } from './args';
import { HTTP_CLIENTS, requestOf, splitUrl } from './http/request';
import { AWS, AZ, commandPath, GCLOUD, pathReader, pathRuleFor } from './pathRules';
import type { Rule } from './types';

const identityRule = pathRuleFor('identity');

/* ---------------------------------------------------------------- Kubernetes RBAC */

const KUBECTL = ['kubectl', 'oc', 'kubecolor', 'k'];
const KUBECTL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as',
  '--as-group', '-l', '--selector', '-o', '--output', '-f', '--filename', '--field-selector', '--grace-period',
  '--timeout', '--request-timeout', '-v', '--v', '--cascade',
]);
const RBAC_KINDS: ReadonlySet<string> = new Set([
  'clusterrole', 'clusterroles', 'clusterrolebinding', 'clusterrolebindings', 'role', 'roles', 'rolebinding',
  'rolebindings', 'serviceaccount', 'serviceaccounts', 'sa',
]);

/** `delete clusterrole x`, `delete clusterrolebinding/x sa/y`, `delete roles.rbac.authorization.k8s.io x`. */
function rbacDeleted(a: Args): { kinds: string[]; names: string[] } {
  const p = operands(a.list, KUBECTL_VALUE_FLAGS);
  const kinds: string[] = [];
  const names: string[] = [];
  if ((p[0] ?? '').toLowerCase() !== 'delete') return { kinds, names };
  const kind = (w: string): string => w.toLowerCase().split('.')[0] ?? '';
  p.slice(1).forEach((word, i) => {
    const slash = word.indexOf('/');
    if (slash > 0) { kinds.push(kind(word.slice(0, slash))); names.push(word.slice(slash + 1)); }
    else if (i === 0) kinds.push(...word.split(',').map(kind));
    else names.push(word);
  });
  return { kinds, names };
}

/* ---------------------------------------------------------------- identity provider APIs */

const OKTA_OBJECTS = new Set(['users', 'groups', 'apps', 'idps', 'authorizationservers', 'policies', 'zones', 'trustedorigins']);

/** Okta (`/api/v1/…`), Auth0 Management API (`*.auth0.com/api/v2/…`), Keycloak admin API (`/admin/realms/…`). */
function idpCall(method: string, url: string): boolean {
  const { host, path } = splitUrl(url);
  const s = path.toLowerCase().split('/').filter((w) => w !== '');
  const okta = s[0] === 'api' && s[1] === 'v1' && OKTA_OBJECTS.has(s[2] ?? '') && s.length >= 4;
  // Deactivating or suspending a user or app signs it out everywhere; Okta needs it before a delete.
  if (okta && method !== 'GET' && s[4] === 'lifecycle' && ['deactivate', 'suspend', 'reset_factors'].includes(s[5] ?? '')) return true;
  if (method !== 'DELETE') return false;
  const keycloak = s.includes('admin') && s[s.indexOf('admin') + 1] === 'realms';
  const auth0 = /(^|\.)auth0\.com$/.test(host) && s[0] === 'api' && s[1] === 'v2';
  return okta || keycloak || auth0;
}

function idpUrls(a: Args): string[] {
  const request = requestOf(a);
  if (!request) return [];
  const method = request.sent;
  return request.urls.filter((u) => idpCall(method, u));
}

/* ---------------------------------------------------------------- directories */

const LDAP_VALUE_FLAGS: ReadonlySet<string> = new Set(['-D', '-H', '-h', '-p', '-w', '-y', '-f', '-z', '-e', '-E', '-o', '-O', '-R', '-U', '-X', '-Y', '-P']);
const ldapDns = (a: Args): string[] => [...operands(a.list, LDAP_VALUE_FLAGS), ...a.values('-H', '-h')];
/** `-n` shows what would be done without doing it. */
const ldapDeletes = (a: Args): boolean => !a.has('-n');

const KCADM = ['kcadm.sh', 'kcadm', 'kcadm.bat'];
const kcadmPath = pathReader(['-r', '--realm', '--target-realm', '--server', '--user', '--password', '--client', '--secret',
  '--config', '-s', '--set', '-q', '--query', '-f', '--file', '--fields', '--uusername', '--uid', '--rolename', '--roleid',
  '--gname', '--gid', '--cclientid', '--cid', '--rid', '--rname', '-a', '--truststore', '--trustpass', '--keystore', '--storepass']);
const isRealmPath = (endpoint: string): boolean => /^\/?realms\/[^/]+\/?$/i.test(endpoint);

const auth0Path = pathReader(['--tenant']);
const AUTH0_DELETE = ['delete', 'rm'];

export const identityRules: readonly Rule[] = [
  {
    id: 'kubernetes.delete-rbac',
    programs: KUBECTL,
    category: 'identity',
    severity: 'high',
    summary: 'Deletes Kubernetes roles, role bindings or service accounts; workloads and people bound to them lose access',
    hint: 'Export them first (`kubectl get clusterrolebinding NAME -o yaml`) and check which subjects still use them',
    match: (a) => rbacDeleted(a).kinds.some((k) => RBAC_KINDS.has(k)),
    targets: (a) => rbacDeleted(a).names,
    examples: {
      match: [
        'kubectl delete clusterrolebinding cluster-admin-binding',
        'kubectl delete clusterrolebinding/ci-deployer',
        'k -n prod delete rolebinding app-reader',
        'oc delete sa pipeline -n ci',
        'kubectl delete clusterroles.rbac.authorization.k8s.io monitoring-reader',
        'kubectl delete role,rolebinding -l app=api -n staging',
      ],
      noMatch: [
        'kubectl get clusterrolebindings',
        'kubectl describe rolebinding app-reader -n prod',
        'kubectl create serviceaccount pipeline -n ci',
        'kubectl delete pod api-7d9 -n prod',
        'kubectl auth can-i delete rolebindings',
      ],
    },
  },
  {
    id: 'gcloud.iam-policy-change',
    programs: ['gcloud'],
    category: 'identity',
    severity: 'high',
    summary: 'Removes an IAM policy binding or replaces a whole IAM policy; members lose access, possibly the owners',
    hint: 'Save the current policy first (`gcloud … get-iam-policy … --format=json > policy.json`) and diff before setting',
    match: (a) => commandPath(a, GCLOUD).slice(0, 5).some((w) => ['remove-iam-policy-binding', 'set-iam-policy'].includes(w.toLowerCase())),
    targets: (a) => {
      const p = commandPath(a, GCLOUD);
      const at = p.findIndex((w) => ['remove-iam-policy-binding', 'set-iam-policy'].includes(w.toLowerCase()));
      return at >= 0 ? p.slice(at + 1, at + 2) : [];
    },
    examples: {
      match: [
        'gcloud projects remove-iam-policy-binding acme-prod --member=user:jdoe@acme.com --role=roles/owner',
        'gcloud organizations remove-iam-policy-binding 123456789 --member=group:admins@acme.com --role=roles/resourcemanager.organizationAdmin',
        'gcloud projects set-iam-policy acme-prod policy.json',
        'gcloud resource-manager folders set-iam-policy 987654 policy.yaml',
        'gcloud iam service-accounts remove-iam-policy-binding deployer@acme-prod.iam.gserviceaccount.com --member=serviceAccount:ci@acme.iam.gserviceaccount.com --role=roles/iam.serviceAccountUser',
        'gcloud beta storage buckets remove-iam-policy-binding gs://acme-prod-data --member=allUsers --role=roles/storage.objectViewer',
      ],
      noMatch: [
        'gcloud projects get-iam-policy acme-prod --format=json',
        'gcloud projects add-iam-policy-binding acme-prod --member=user:jdoe@acme.com --role=roles/viewer',
        'gcloud organizations get-iam-policy 123456789',
        'gcloud iam service-accounts list --project acme-prod',
      ],
    },
  },
  identityRule({
    id: 'az.role-assignment-delete',
    programs: ['az'],
    shape: AZ,
    severity: 'high',
    summary: 'Deletes Azure role assignments or role definitions, or removes a group member; those principals lose access',
    hint: 'List what will go first (`az role assignment list --assignee … --scope …`) and keep another Owner on the scope',
    paths: [['role', 'assignment', 'delete'], ['role', 'definition', 'delete'], ['ad', 'group', 'member', 'remove'], ['ad', 'app', 'owner', 'remove']],
    targetFlags: ['--assignee', '--scope', '--name', '-n', '--group', '-g', '--resource-group'],
    match: [
      'az role assignment delete --assignee jdoe@acme.com --role Owner --scope /subscriptions/0000/resourceGroups/rg-prod',
      'az role assignment delete --ids /subscriptions/0000/providers/Microsoft.Authorization/roleAssignments/1111',
      'az role definition delete --name "Prod Deployer"',
      'az ad group member remove --group prod-admins --member-id 00000000-1111-2222-3333-444444444444',
    ],
    noMatch: [
      'az role assignment list --assignee jdoe@acme.com',
      'az role assignment create --assignee jdoe@acme.com --role Reader --scope /subscriptions/0000',
      'az role definition list --custom-role-only true',
      'az ad group member list --group prod-admins',
    ],
  }),
  identityRule({
    id: 'az.ad-credential-reset',
    programs: ['az'],
    shape: AZ,
    severity: 'high',
    summary: 'Resets or deletes an app registration\'s or service principal\'s credentials; whatever signs in with the old secret fails',
    hint: 'Add a credential alongside the old one (`--append`), roll it out, then delete the old one by its key id',
    paths: [['ad', ['app', 'sp'], 'credential', ['reset', 'delete']]],
    when: (a, p) => p[3] === 'delete' || !a.has('--append'),
    targetFlags: ['--id'],
    match: [
      'az ad sp credential reset --id 00000000-1111-2222-3333-444444444444',
      'az ad app credential reset --id api-prod-app --years 1',
      'az ad app credential delete --id 00000000-1111-2222-3333-444444444444 --key-id 5555',
    ],
    noMatch: [
      'az ad app credential list --id 00000000-1111-2222-3333-444444444444',
      'az ad sp credential reset --id 00000000-1111-2222-3333-444444444444 --append',
      'az ad sp show --id 00000000-1111-2222-3333-444444444444',
    ],
  }),
  identityRule({
    id: 'aws.iam-detach',
    programs: ['aws'],
    shape: AWS,
    severity: 'high',
    summary: 'Detaches IAM policies, removes users from groups, deactivates MFA or access keys; whatever relies on them loses access',
    hint: 'Check who uses the policy or key first (`aws iam get-access-key-last-used`, access advisor) and keep a copy of the policy',
    paths: [['iam', ['detach-role-policy', 'detach-user-policy', 'detach-group-policy', 'remove-user-from-group',
      'remove-role-from-instance-profile', 'deactivate-mfa-device', 'update-access-key', 'update-assume-role-policy']]],
    when: (a, p) => p[1] !== 'update-access-key' || (a.value('--status') ?? '').toLowerCase() === 'inactive',
    targetFlags: ['--role-name', '--user-name', '--group-name', '--policy-arn', '--instance-profile-name', '--access-key-id'],
    match: [
      'aws iam detach-role-policy --role-name api-prod-task --policy-arn arn:aws:iam::123456789012:policy/s3-read',
      'aws iam remove-user-from-group --user-name jdoe --group-name admins',
      'aws iam update-access-key --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive --user-name ci',
      'aws --profile prod iam deactivate-mfa-device --user-name jdoe --serial-number arn:aws:iam::123456789012:mfa/jdoe',
      'aws iam detach-user-policy --user-name deploy-bot --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    ],
    noMatch: [
      'aws iam attach-role-policy --role-name api-prod-task --policy-arn arn:aws:iam::123456789012:policy/s3-read',
      'aws iam update-access-key --access-key-id AKIAIOSFODNN7EXAMPLE --status Active --user-name ci',
      'aws iam list-attached-role-policies --role-name api-prod-task',
      'aws iam add-user-to-group --user-name jdoe --group-name admins',
    ],
  }),
  identityRule({
    id: 'aws.identity-center-delete',
    programs: ['aws'],
    shape: AWS,
    severity: 'high',
    summary: 'Deletes IAM Identity Center users, groups, memberships, permission sets or account assignments; people lose their sign-in',
    hint: 'Export the assignments first (`aws sso-admin list-account-assignments`) and remove access in the identity source instead',
    paths: [['identitystore', ['delete-user', 'delete-group', 'delete-group-membership']],
      ['sso-admin', ['delete-permission-set', 'delete-account-assignment', 'delete-instance', 'detach-managed-policy-from-permission-set']]],
    targetFlags: ['--identity-store-id', '--instance-arn', '--permission-set-arn', '--target-id'],
    match: [
      'aws identitystore delete-user --identity-store-id d-1234567890 --user-id 9067-abcd',
      'aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-1 --target-id 123456789012 --target-type AWS_ACCOUNT --permission-set-arn arn:aws:sso:::permissionSet/ps-1 --principal-type USER --principal-id 9067',
      'aws sso-admin delete-permission-set --instance-arn arn:aws:sso:::instance/ssoins-1 --permission-set-arn arn:aws:sso:::permissionSet/ps-1',
    ],
    noMatch: [
      'aws identitystore list-users --identity-store-id d-1234567890',
      'aws sso-admin list-permission-sets --instance-arn arn:aws:sso:::instance/ssoins-1',
      'aws sso-admin create-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-1 --target-id 123',
    ],
  }),
  identityRule({
    id: 'aws.cognito-user-pool-delete',
    programs: ['aws'],
    shape: AWS,
    severity: 'critical',
    summary: 'Deletes a Cognito user pool or identity pool with every user account in it',
    hint: 'Export the users first (`aws cognito-idp list-users`) and enable deletion protection on production pools',
    paths: [['cognito-idp', 'delete-user-pool'], ['cognito-identity', 'delete-identity-pool']],
    targetFlags: ['--user-pool-id', '--identity-pool-id'],
    match: [
      'aws cognito-idp delete-user-pool --user-pool-id us-east-1_AbCdEf123',
      'aws --region eu-west-1 cognito-identity delete-identity-pool --identity-pool-id eu-west-1:1111-2222',
    ],
    noMatch: [
      'aws cognito-idp describe-user-pool --user-pool-id us-east-1_AbCdEf123',
      'aws cognito-idp list-user-pools --max-results 10',
      'aws cognito-idp delete-user-pool-domain --domain acme-auth --user-pool-id us-east-1_AbCdEf123',
    ],
  }),
  identityRule({
    id: 'aws.cognito-delete',
    programs: ['aws'],
    shape: AWS,
    severity: 'high',
    summary: 'Deletes or disables Cognito users, groups, app clients or identity providers; people or apps can no longer sign in',
    hint: 'Disable the user first (`admin-disable-user`) and keep a copy of the app client settings',
    paths: [['cognito-idp', ['admin-delete-user', 'admin-disable-user', 'delete-group', 'delete-user-pool-client',
      'delete-identity-provider', 'delete-resource-server', 'delete-user-pool-domain', 'admin-remove-user-from-group']]],
    targetFlags: ['--user-pool-id', '--username', '--group-name', '--client-id'],
    match: [
      'aws cognito-idp admin-delete-user --user-pool-id us-east-1_AbCdEf123 --username jdoe',
      'aws cognito-idp delete-user-pool-client --user-pool-id us-east-1_AbCdEf123 --client-id 4abc',
      'aws cognito-idp admin-disable-user --user-pool-id us-east-1_prod --username ops@acme.com',
    ],
    noMatch: [
      'aws cognito-idp admin-get-user --user-pool-id us-east-1_AbCdEf123 --username jdoe',
      'aws cognito-idp admin-enable-user --user-pool-id us-east-1_AbCdEf123 --username jdoe',
      'aws cognito-idp list-users --user-pool-id us-east-1_AbCdEf123',
    ],
  }),
  {
    id: 'ldap.delete',
    programs: ['ldapdelete'],
    category: 'identity',
    severity: 'high',
    summary: 'Deletes LDAP directory entries (users, groups, service accounts)',
    hint: 'Export the entries first (`ldapsearch … -b DN > backup.ldif`), or try it with `-n` to see what would be deleted',
    match: (a) => ldapDeletes(a) && !a.has('-r'),
    targets: ldapDns,
    examples: {
      match: [
        'ldapdelete -x -D "cn=admin,dc=acme,dc=com" -W "uid=jdoe,ou=people,dc=acme,dc=com"',
        'ldapdelete -H ldaps://ldap.prod.acme.com -x -D cn=admin,dc=acme,dc=com -w secret cn=devs,ou=groups,dc=acme,dc=com',
        'ldapdelete -Y EXTERNAL -H ldapi:/// -f users-to-remove.txt',
      ],
      noMatch: [
        'ldapdelete -n -x -D "cn=admin,dc=acme,dc=com" -W "uid=jdoe,ou=people,dc=acme,dc=com"',
        'ldapdelete -r -x -D "cn=admin,dc=acme,dc=com" -W "ou=people,dc=acme,dc=com"',
      ],
    },
  },
  {
    id: 'ldap.delete-recursive',
    programs: ['ldapdelete'],
    category: 'identity',
    severity: 'critical',
    summary: 'Deletes an LDAP subtree: the entry and every user, group and entry below it',
    hint: 'Export the subtree first (`ldapsearch -b DN > backup.ldif`) and run with `-n` to see what would go',
    match: (a) => ldapDeletes(a) && a.has('-r'),
    targets: ldapDns,
    examples: {
      match: [
        'ldapdelete -r -x -D "cn=admin,dc=acme,dc=com" -W "ou=people,dc=acme,dc=com"',
        'ldapdelete -xr -H ldap://ldap.prod.acme.com -D cn=admin,dc=acme,dc=com -w pw dc=acme,dc=com',
      ],
      noMatch: [
        'ldapdelete -x -D "cn=admin,dc=acme,dc=com" -W "uid=jdoe,ou=people,dc=acme,dc=com"',
        'ldapdelete -n -r -x -D "cn=admin,dc=acme,dc=com" -W "ou=people,dc=acme,dc=com"',
      ],
    },
  },
  {
    id: 'ldap.modify-delete',
    programs: ['ldapmodify'],
    category: 'identity',
    severity: 'high',
    summary: 'Deletes LDAP entries through an LDIF change record (`changetype: delete`)',
    hint: 'Export the entries first (`ldapsearch … > backup.ldif`) and check the change with `ldapmodify -n`',
    match: (a) => !a.has('-n') && /changetype:\s*delete\b/i.test(a.command.stdin ?? ''),
    targets: (a) => a.values('-H', '-h'),
    examples: {
      match: [
        'ldapmodify -x -D cn=admin,dc=acme,dc=com -W <<EOF\ndn: uid=jdoe,ou=people,dc=acme,dc=com\nchangetype: delete\nEOF',
        'printf "dn: cn=ops,ou=groups,dc=acme,dc=com\\nchangetype: delete\\n" | ldapmodify -H ldap://ldap.prod -x -D cn=admin,dc=acme,dc=com -w pw',
      ],
      noMatch: [
        'ldapmodify -x -D cn=admin,dc=acme,dc=com -W <<EOF\ndn: uid=jdoe,ou=people,dc=acme,dc=com\nchangetype: modify\nreplace: mail\nmail: j@acme.com\nEOF',
        'ldapmodify -x -D cn=admin,dc=acme,dc=com -W -f change.ldif',
      ],
    },
  },
  {
    id: 'freeipa.delete',
    programs: ['ipa'],
    category: 'identity',
    severity: 'high',
    summary: 'Deletes a FreeIPA user, group, host, service, role or rule; whoever relied on it loses access',
    hint: 'Disable the user first (`ipa user-disable`) or delete with `--preserve` so it can be restored',
    match: (a) => /^[a-z]+-del$/.test((a.positionals[0] ?? '').toLowerCase()) && !a.has('--preserve'),
    targets: (a) => a.positionals.slice(1),
    examples: {
      match: ['ipa user-del jdoe', 'ipa group-del admins-legacy', 'ipa host-del web01.prod.acme.com --updatedns', 'ipa sudorule-del allow-all'],
      noMatch: ['ipa user-show jdoe', 'ipa user-del --preserve jdoe', 'ipa user-disable jdoe', 'ipa group-add-member admins --users=jdoe'],
    },
  },
  {
    id: 'samba.ad-delete',
    programs: ['samba-tool'],
    category: 'identity',
    severity: 'high',
    summary: 'Deletes an Active Directory user, group, computer or OU through samba-tool',
    hint: 'Disable the account first (`samba-tool user disable`) and back up the directory',
    match: (a) => a.sub(['user', 'group', 'computer', 'ou', 'contact', 'gpo'], ['delete', 'del']) ||
      a.sub('group', 'removemembers'),
    targets: (a) => a.positionals.slice(2),
    examples: {
      match: ['samba-tool user delete jdoe', 'samba-tool group delete "Domain Admins Legacy"', 'samba-tool computer delete WS042', 'samba-tool group removemembers admins jdoe'],
      noMatch: ['samba-tool user list', 'samba-tool user disable jdoe', 'samba-tool group addmembers admins jdoe'],
    },
  },
  {
    id: 'keycloak.realm-delete',
    programs: KCADM,
    category: 'identity',
    severity: 'critical',
    summary: 'Deletes a Keycloak realm with all its users, clients, roles and sessions',
    hint: 'Export the realm first (`kc.sh export --realm NAME`) and check the server URL',
    match: (a) => {
      const p = kcadmPath(a);
      return p[0] === 'delete' && isRealmPath(p[1] ?? '');
    },
    targets: (a) => kcadmPath(a).slice(1).map((e) => e.replace(/^\/?realms\//i, '')),
    examples: {
      match: ['kcadm.sh delete realms/acme-prod', '/opt/keycloak/bin/kcadm.sh delete realms/staging --server http://localhost:8080'],
      noMatch: ['kcadm.sh get realms/acme-prod', 'kcadm.sh delete users/8a1b -r acme-prod', 'kcadm.sh create realms -s realm=acme-dev -s enabled=true'],
    },
  },
  {
    id: 'keycloak.delete',
    programs: KCADM,
    category: 'identity',
    severity: 'high',
    summary: 'Deletes Keycloak users, clients, roles or groups, or removes role mappings',
    hint: 'Export the realm first (`kcadm.sh get realms/NAME`) and disable the user or client instead of deleting it',
    match: (a) => {
      const p = kcadmPath(a);
      return (p[0] === 'delete' && p[1] !== undefined && !isRealmPath(p[1])) || p[0] === 'remove-roles';
    },
    targets: (a) => [...a.values('-r', '--realm', '--target-realm'), ...kcadmPath(a).slice(1)],
    examples: {
      match: [
        'kcadm.sh delete users/8a1b2c3d -r acme-prod',
        'kcadm.sh delete clients/5f6e -r staging',
        'kcadm.sh remove-roles -r acme-prod --uusername jdoe --rolename admin',
      ],
      noMatch: ['kcadm.sh get users -r acme-prod', 'kcadm.sh update users/8a1b -r acme -s enabled=false', 'kcadm.sh delete realms/acme-prod'],
    },
  },
  {
    id: 'idp.api-delete',
    programs: HTTP_CLIENTS,
    category: 'identity',
    severity: 'high',
    summary: 'Deletes or deactivates users, groups, apps or realms through the Okta, Auth0 or Keycloak admin API',
    hint: 'Suspend or disable the object first and export it; check which tenant the host is',
    match: (a) => idpUrls(a).length > 0,
    targets: (a) => idpUrls(a).map((u) => { const { host, path } = splitUrl(u); return host + path; }),
    examples: {
      match: [
        'curl -X POST -H "Authorization: SSWS $OKTA_TOKEN" https://acme.okta.com/api/v1/users/00u1abcd/lifecycle/deactivate',
        'curl -X DELETE -H "Authorization: SSWS $OKTA_TOKEN" https://acme.okta.com/api/v1/apps/0oa1xyz',
        'curl -sX DELETE https://acme.eu.auth0.com/api/v2/users/auth0%7C123 -H "Authorization: Bearer $TOKEN"',
        'curl -X DELETE http://localhost:8080/admin/realms/acme/users/8a1b -H "Authorization: Bearer $KC_TOKEN"',
        'http DELETE https://acme.okta.com/api/v1/groups/00g1abc Authorization:"SSWS $T"',
      ],
      noMatch: [
        'curl -H "Authorization: SSWS $OKTA_TOKEN" https://acme.okta.com/api/v1/users/00u1abcd',
        'curl -X POST https://acme.okta.com/api/v1/users/00u1abcd/lifecycle/activate',
        'curl https://acme.eu.auth0.com/api/v2/users -H "Authorization: Bearer $TOKEN"',
        'curl http://localhost:8080/admin/realms/acme/users',
      ],
    },
  },
  {
    id: 'auth0.delete',
    programs: ['auth0'],
    category: 'identity',
    severity: 'high',
    summary: 'Deletes Auth0 users, applications, APIs, roles, organizations, actions or domains',
    hint: 'Check the tenant first (`auth0 tenants list`) and export the object (`auth0 … show --json`)',
    match: (a) => {
      const p = auth0Path(a).map((w) => w.toLowerCase());
      return AUTH0_DELETE.includes(p[1] ?? '') || (p.length > 2 && (AUTH0_DELETE.includes(p[2] ?? '') || p[2] === 'remove'));
    },
    targets: (a) => [...a.values('--tenant'), ...auth0Path(a).slice(2)],
    examples: {
      match: ['auth0 users delete "auth0|64f1c2" --force', 'auth0 apps delete abc123XYZ --tenant acme-prod.eu.auth0.com', 'auth0 roles rm rol_123', 'auth0 users roles remove "auth0|64f1" --roles rol_1', 'auth0 orgs delete org_abc --force'],
      noMatch: ['auth0 users show "auth0|64f1c2"', 'auth0 apps list', 'auth0 roles create --name viewer', 'auth0 users roles show "auth0|64f1"'],
    },
  },
  {
    id: 'auth0.reveal-secrets',
    programs: ['auth0'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints Auth0 application client secrets',
    hint: 'Read the secret where the app needs it (a secret store), not in the terminal',
    match: (a) => a.has('--reveal-secrets', '-r') && auth0Path(a)[0]?.toLowerCase() === 'apps',
    targets: (a) => a.values('--tenant'),
    examples: {
      match: ['auth0 apps show abc123XYZ --reveal-secrets', 'auth0 apps list --reveal-secrets --json', 'auth0 apps show abc123 -r'],
      noMatch: ['auth0 apps show abc123XYZ', 'auth0 apps list --json'],
    },
  },
];
