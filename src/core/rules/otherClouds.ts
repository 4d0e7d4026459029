// Cloud providers beyond AWS, Google Cloud and Azure: Linode (Akamai), Vultr, Hetzner, Scaleway,
// Oracle, IBM, Exoscale, OVHcloud, Civo, UpCloud and OpenStack; the API-action CLIs of Alibaba,
// Tencent and Huawei; and the DigitalOcean verbs cloud.ts leaves out. Deleting servers, volumes,
// databases, clusters and container registries, rebuilding a server over its disk, and powering one
// off or scaling a pool to zero. Their DNS, load balancer and firewall deletes are in network.ts,
// object storage in storage.ts, and images and backups in backups.ts.
import type { Args } from './args';
import { commandPath, pathRule, type CliShape, type PathSpec, type Step } from './pathRules';
import type { Rule } from './types';

/** A provider CLI: its program names and how its command path is read. */
interface Cli {
  readonly programs: readonly string[];
  readonly shape: CliShape;
}

type Spec = Omit<PathSpec, 'programs' | 'shape' | 'category' | 'moreTargets'>;

/** Flags whose values name what is acted on: `--instance-id`, `--DBInstanceId`, `--cluster`, `--label`. */
const NAMING_FLAG = /^--?[\w.-]*?(?:id|ids|name|names|label|cluster|instance|bucket|project)$/i;

/** The values of naming flags, split out of the JSON lists some CLIs take (`--InstanceIds '["ins-1"]'`). */
function namedByFlags(a: Args): string[] {
  const out: string[] = [];
  a.list.forEach((word, i) => {
    if (!word.startsWith('-')) return;
    const eq = word.indexOf('=');
    if (!NAMING_FLAG.test(eq < 0 ? word : word.slice(0, eq))) return;
    const value = eq < 0 ? a.list[i + 1] : word.slice(eq + 1);
    if (value !== undefined && !value.startsWith('-')) out.push(...value.split(/[\s,"'[\]{}]+/).filter((v) => v !== ''));
  });
  return out;
}

/** Rules of one CLI; `key=value` operands (Scaleway's `zone=fr-par-1`) count by their value. */
function cli(c: Cli): (s: Spec) => Rule {
  return (s) => {
    const rule = pathRule({ ...s, programs: c.programs, shape: c.shape, category: 'cloud', moreTargets: namedByFlags });
    return { ...rule, targets: (a) => (rule.targets?.(a) ?? []).map((t) => t.replace(/^[a-z][\w.-]*=/i, '')) };
  };
}

const isZero = (v: string | undefined): boolean => v !== undefined && v.trim() !== '' && Number(v) === 0;

/** Whether the command path starts with one of `paths` (lower-case). */
const startsWithAny = (p: readonly string[], paths: readonly (readonly Step[])[]): boolean =>
  paths.some((path) => path.every((step, i) => (typeof step === 'string' ? p[i] === step : step.includes(p[i] ?? ''))));

/* ---------------------------------------------------------------- Linode (Akamai) */

const linode = cli({ programs: ['linode-cli', 'linode', 'lin'], shape: { valueFlags: new Set(['--as-user', '--format', '--delimiter', '--page', '--page-size']) } });

const linodeRules: readonly Rule[] = [
  linode({
    id: 'linode.linode-delete',
    paths: [['linodes', ['delete', 'rebuild', 'disk-delete', 'backup-restore']]],
    // A backup restored without --overwrite lands on new disks beside the old ones.
    when: (a, p) => p[1] !== 'backup-restore' || !/^(false|no|0)?$/i.test(a.value('--overwrite') ?? ''),
    severity: 'critical',
    summary: 'Deletes a Linode, rebuilds it from an image, restores a backup over it or deletes one of its disks; the data on those disks is gone',
    hint: 'Take a snapshot first (`linode-cli linodes snapshot`), or shut the Linode down until you are sure it is not needed',
    match: [
      'linode-cli linodes delete 12345678',
      'linode-cli linodes rebuild 12345678 --image linode/ubuntu24.04 --root_pass "$ROOT_PASS"',
      'linode-cli linodes disk-delete 12345678 24680',
      'linode-cli linodes backup-restore 12345678 987654 --linode_id 12345678 --overwrite true',
      'lin --as-user ops linodes delete 4242',
    ],
    noMatch: [
      'linode-cli linodes list --text',
      'linode-cli linodes view 12345678',
      'linode-cli linodes backup-restore 12345678 987654 --linode_id 55555555',
      'linode-cli linodes snapshot 12345678 --label pre-upgrade',
      'linode-cli linodes create --type g6-standard-2 --region us-east --image linode/debian12 --label web-prod-3',
    ],
  }),
  linode({
    id: 'linode.linode-shutdown',
    paths: [['linodes', ['shutdown', 'rescue', 'config-delete', 'ip-delete', 'interface-delete']]],
    severity: 'high',
    summary: 'Shuts a Linode down or boots it into rescue mode, or deletes its boot config, an IP or a network interface; it stops serving',
    hint: 'Move traffic off the Linode first, and note its config (`linode-cli linodes configs-list`) so it can be restored',
    match: ['linode-cli linodes shutdown 12345678', 'linode-cli linodes rescue 12345678 --devices.sda.disk_id 24680', 'linode-cli linodes config-delete 12345678 13579', 'linode-cli linodes ip-delete 12345678 203.0.113.7'],
    noMatch: ['linode-cli linodes boot 12345678', 'linode-cli linodes reboot 12345678', 'linode-cli linodes configs-list 12345678', 'linode-cli linodes ips-list 12345678'],
  }),
  linode({
    id: 'linode.volume-delete',
    paths: [['volumes', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Linode block storage volume and the data on it',
    hint: 'Copy the data off or clone the volume first (`linode-cli volumes clone`)',
    match: ['linode-cli volumes delete 98765', 'lin volumes delete 13579'],
    noMatch: ['linode-cli volumes list', 'linode-cli volumes view 98765', 'linode-cli volumes create --label pg-data --size 100 --region us-east'],
  }),
  linode({
    id: 'linode.volume-detach',
    paths: [['volumes', 'detach']],
    severity: 'high',
    summary: 'Detaches a Linode volume from its Linode; whatever runs on it loses its disk',
    hint: 'Stop the service using the volume and unmount it first',
    match: ['linode-cli volumes detach 98765'],
    noMatch: ['linode-cli volumes attach 98765 --linode_id 12345678', 'linode-cli volumes view 98765'],
  }),
  linode({
    id: 'linode.lke-cluster-delete',
    paths: [['lke', 'cluster-delete']],
    severity: 'critical',
    summary: 'Deletes a Linode Kubernetes Engine cluster and everything running on it',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['linode-cli lke cluster-delete 4521', 'linode-cli --as-user ops lke cluster-delete 9876'],
    noMatch: ['linode-cli lke clusters-list', 'linode-cli lke cluster-view 4521', 'linode-cli lke kubeconfig-view 4521'],
  }),
  linode({
    id: 'linode.lke-pool-delete',
    paths: [['lke', ['pool-delete', 'node-delete', 'pool-recycle', 'node-recycle', 'cluster-nodes-recycle', 'cluster-recycle', 'kubeconfig-delete', 'service-token-delete', 'cluster-regenerate']]],
    severity: 'high',
    summary: 'Deletes or recycles LKE node pools or nodes (evicting their pods), or revokes the cluster\'s kubeconfig or service token',
    hint: 'Add capacity and drain the nodes first; a regenerated kubeconfig must be handed out again to everything that uses it',
    match: ['linode-cli lke pool-delete 4521 7788', 'linode-cli lke node-delete 4521 4521-7788-abc123', 'linode-cli lke pool-recycle 4521 7788', 'linode-cli lke kubeconfig-delete 4521'],
    noMatch: ['linode-cli lke pools-list 4521', 'linode-cli lke pool-create 4521 --type g6-standard-4 --count 3', 'linode-cli lke pool-view 4521 7788'],
  }),
  linode({
    id: 'linode.database-delete',
    paths: [['databases', ['mysql-delete', 'postgresql-delete', 'mysql-backup-delete', 'postgresql-backup-delete', 'mysql-backup-restore', 'postgresql-backup-restore']]],
    severity: 'critical',
    summary: 'Deletes a Linode managed database or one of its backups, or restores a backup over it',
    hint: 'Take a fresh backup (`linode-cli databases postgresql-backup-snapshot`) or dump the data first',
    match: ['linode-cli databases postgresql-delete 3301', 'linode-cli databases mysql-delete 2201', 'linode-cli databases mysql-backup-restore 2201 5510'],
    noMatch: ['linode-cli databases list', 'linode-cli databases postgresql-view 3301', 'linode-cli databases mysql-backups-list 2201', 'linode-cli databases postgresql-backup-snapshot 3301 --label pre-migration'],
  }),
  linode({
    id: 'linode.database-suspend',
    paths: [['databases', ['mysql-suspend', 'postgresql-suspend', 'mysql-creds-reset', 'postgresql-creds-reset']]],
    severity: 'high',
    summary: 'Suspends a Linode managed database or resets its credentials; the apps using it lose their connection',
    hint: 'Stop the apps that use the database first, and update their secrets right after a credential reset',
    match: ['linode-cli databases postgresql-suspend 3301', 'linode-cli databases mysql-creds-reset 2201'],
    noMatch: ['linode-cli databases postgresql-resume 3301', 'linode-cli databases mysql-creds-view 2201'],
  }),
  linode({
    id: 'linode.object-storage-delete',
    paths: [['object-storage', 'cancel'], ['obj', 'rb']],
    severity: 'critical',
    summary: 'Deletes a Linode Object Storage bucket, or cancels Object Storage, which deletes every bucket and object on the account',
    hint: 'Copy what must be kept first (rclone, s3cmd) and delete single buckets after checking their contents',
    match: ['linode-cli object-storage cancel', 'linode-cli obj rb acme-prod-media --recursive'],
    noMatch: ['linode-cli obj ls', 'linode-cli obj mb acme-new-bucket', 'linode-cli object-storage buckets-list'],
  }),
  linode({
    id: 'linode.object-delete',
    paths: [['obj', ['del', 'rm']], ['object-storage', 'keys-delete']],
    severity: 'high',
    summary: 'Deletes objects from Linode Object Storage, or revokes an access key the apps use',
    hint: 'Check the key or object with `linode-cli obj ls` first, and roll out a new access key before revoking the old one',
    match: ['linode-cli obj del acme-prod-media avatars/42.png', 'linode-cli object-storage keys-delete 1234'],
    noMatch: ['linode-cli obj get acme-prod-media avatars/42.png', 'linode-cli object-storage keys-list'],
  }),
  linode({
    id: 'linode.account-cancel',
    paths: [['account', 'cancel']],
    severity: 'critical',
    summary: 'Cancels the Linode account, deleting every Linode, volume, bucket and backup on it',
    hint: 'Cancel accounts from Cloud Manager after migrating and backing up everything on them',
    match: ['linode-cli account cancel --comments "moving providers"'],
    noMatch: ['linode-cli account view', 'linode-cli account settings'],
  }),
  linode({
    id: 'linode.users-delete',
    paths: [['users', 'delete'], ['profile', 'token-delete']],
    severity: 'high',
    summary: 'Deletes a Linode account user or revokes an API token; whoever or whatever signs in with it is locked out',
    hint: 'Restrict the user\'s grants first, and roll out a replacement token before revoking one that automation uses',
    match: ['linode-cli users delete deploy-bot', 'linode-cli profile token-delete 918273'],
    noMatch: ['linode-cli users list', 'linode-cli profile tokens-list', 'linode-cli users create --username ci --email ci@acme.io --restricted true'],
  }),
  linode({
    id: 'linode.network-part-delete',
    paths: [['nodebalancers', ['config-delete', 'node-delete']], ['vpcs', 'subnet-delete'], ['firewalls', 'device-delete']],
    severity: 'high',
    summary: 'Deletes a NodeBalancer port config or backend node, a VPC subnet, or takes a device out of its firewall (exposing it)',
    hint: 'View it first (`linode-cli … view --json`) so it can be recreated, and move traffic off it',
    match: ['linode-cli nodebalancers config-delete 4321 8765', 'linode-cli nodebalancers node-delete 4321 8765 1111', 'linode-cli vpcs subnet-delete 555 666', 'linode-cli firewalls device-delete 777 888'],
    noMatch: ['linode-cli nodebalancers configs-list 4321', 'linode-cli vpcs subnets-list 555', 'linode-cli firewalls devices-list 777'],
  }),
  linode({
    id: 'linode.keys-delete',
    paths: [['sshkeys', 'delete'], ['profile', 'sshkey-delete'], ['stackscripts', 'delete']],
    severity: 'low',
    summary: 'Deletes an SSH key or StackScript from the Linode account',
    hint: 'Check nothing still deploys with it (`linode-cli sshkeys list`)',
    match: ['linode-cli sshkeys delete 4455', 'linode-cli stackscripts delete 10101'],
    noMatch: ['linode-cli sshkeys list', 'linode-cli stackscripts view 10101'],
  }),
];

/* ---------------------------------------------------------------- Vultr */

const vultr = cli({ programs: ['vultr-cli', 'vultr'], shape: { valueFlags: new Set(['--config', '-o', '--output']) } });
const VDEL = ['delete', 'destroy', 'del'];
const V_INSTANCE = ['instance', 'instances'];
const V_METAL = ['bare-metal', 'bm', 'baremetal'];
const V_DB = ['database', 'databases', 'db'];
const V_K8S = ['kubernetes', 'k8s', 'vke'];
const V_POOL = ['node-pool', 'nodepool', 'np'];

const vultrRules: readonly Rule[] = [
  vultr({
    id: 'vultr.instance-delete',
    paths: [[V_INSTANCE, [...VDEL, 'reinstall', 'restore']], [V_METAL, [...VDEL, 'reinstall']]],
    severity: 'critical',
    summary: 'Deletes a Vultr instance or bare-metal server, or reinstalls or restores it over its disk',
    hint: 'Take a snapshot first (`vultr-cli snapshot create --id …`), or halt the instance until you are sure',
    match: [
      'vultr-cli instance delete cb676a46-66fd-4dfb-b839-443f2e6c0b60',
      'vultr-cli instance reinstall cb676a46-66fd-4dfb-b839-443f2e6c0b60 --host web-prod-1',
      'vultr-cli instance restore cb676a46-66fd-4dfb-b839-443f2e6c0b60 --snapshot 5c3e0b7a-8e2f-4d1a-9c6b-2a7f1e0d9b8c',
      'vultr-cli bare-metal delete 900e5b4f-6c4f-4a8e-9d3b-1f2e3d4c5b6a',
    ],
    noMatch: ['vultr-cli instance list', 'vultr-cli instance get cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli instance create --region ewr --plan vc2-1c-1gb --os 1743', 'vultr-cli bare-metal list'],
  }),
  vultr({
    id: 'vultr.instance-halt',
    paths: [[[...V_INSTANCE, ...V_METAL], ['halt', 'stop']], [['block-storage', 'bs'], 'detach']],
    severity: 'high',
    summary: 'Halts a Vultr instance or bare-metal server, or detaches a block storage volume from it; it stops serving',
    hint: 'Move traffic off it first; use `vultr-cli instance restart` for a reboot',
    match: ['vultr-cli instance halt cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli instance stop cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli bare-metal halt 900e5b4f-6c4f-4a8e-9d3b-1f2e3d4c5b6a', 'vultr-cli block-storage detach 4b8c1e2f-0a9d-4c3b-8e7f-6a5b4c3d2e1f'],
    noMatch: ['vultr-cli instance start cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli instance restart cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli block-storage attach 4b8c1e2f-0a9d-4c3b-8e7f-6a5b4c3d2e1f --instance cb676a46'],
  }),
  vultr({
    id: 'vultr.database-delete',
    paths: [[V_DB, VDEL], [V_DB, 'db', VDEL]],
    severity: 'critical',
    summary: 'Deletes a Vultr managed database (or a logical database in it) and its data',
    hint: 'Dump the data first (pg_dump, mysqldump) or fork the cluster',
    match: ['vultr-cli database delete 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a', 'vultr-cli database db delete 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a orders'],
    noMatch: ['vultr-cli database list', 'vultr-cli database get 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a', 'vultr-cli database db list 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a'],
  }),
  vultr({
    id: 'vultr.database-user-delete',
    paths: [[V_DB, ['user', 'connection-pool'], VDEL]],
    severity: 'high',
    summary: 'Deletes a user or connection pool of a Vultr managed database; the apps using it lose their connection',
    hint: 'Move the apps to another user or pool first',
    match: ['vultr-cli database user delete 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a app_rw', 'vultr-cli database connection-pool delete 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a web-pool'],
    noMatch: ['vultr-cli database user list 7d1c3a9e-5b2f-4c8e-9a61-0f2e3d4c5b6a', 'vultr-cli database user create 7d1c3a9e --username app_ro'],
  }),
  vultr({
    id: 'vultr.kubernetes-delete',
    paths: [[V_K8S, [...VDEL, 'delete-with-resources']]],
    severity: 'critical',
    summary: 'Deletes a Vultr Kubernetes Engine cluster and everything running on it (with its volumes and load balancers when asked)',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['vultr-cli kubernetes delete 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a', 'vultr-cli kubernetes delete-with-resources 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a'],
    noMatch: ['vultr-cli kubernetes list', 'vultr-cli kubernetes config 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a', 'vultr-cli kubernetes node-pool list 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a'],
  }),
  vultr({
    id: 'vultr.kubernetes-node-delete',
    paths: [[V_K8S, V_POOL, [...VDEL, 'update']], [V_K8S, V_POOL, 'node', [...VDEL, 'recycle']]],
    when: (a, p) => p[2] !== 'update' || isZero(a.value('--quantity')),
    severity: 'high',
    summary: 'Deletes or recycles Vultr Kubernetes node pools or nodes, or scales a pool to zero; their pods are evicted',
    hint: 'Add capacity and drain the nodes first (`kubectl drain`)',
    match: [
      'vultr-cli kubernetes node-pool delete 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a 1f3c5e7a-9b2d-4f6e-8a1c-3e5f7a9b1d2c',
      'vultr-cli kubernetes node-pool node recycle 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a 1f3c5e7a 9a8b7c6d',
      'vultr-cli kubernetes node-pool update 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a 1f3c5e7a --quantity 0',
    ],
    noMatch: ['vultr-cli kubernetes node-pool list 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a', 'vultr-cli kubernetes node-pool update 8c2fc3f1-2b4a-4e5d-9f6a-7b8c9d0e1f2a 1f3c5e7a --quantity 3'],
  }),
  vultr({
    id: 'vultr.storage-delete',
    paths: [[['block-storage', 'bs', 'snapshot', 'object-storage', 'objstorage'], VDEL]],
    severity: 'critical',
    summary: 'Deletes a Vultr block storage volume, snapshot or Object Storage subscription and the data in it',
    hint: 'Take a snapshot or copy the data off first',
    match: ['vultr-cli block-storage delete 4b8c1e2f-0a9d-4c3b-8e7f-6a5b4c3d2e1f', 'vultr-cli snapshot delete 5c3e0b7a-8e2f-4d1a-9c6b-2a7f1e0d9b8c', 'vultr-cli object-storage delete 9d2e4f6a-1b3c-4d5e-8f9a-0b1c2d3e4f5a'],
    noMatch: ['vultr-cli block-storage list', 'vultr-cli snapshot create --id cb676a46-66fd-4dfb-b839-443f2e6c0b60', 'vultr-cli object-storage list'],
  }),
  vultr({
    id: 'vultr.container-registry-delete',
    paths: [[['container-registry', 'cr'], VDEL], [['container-registry', 'cr'], ['repository', 'repo'], VDEL]],
    severity: 'critical',
    summary: 'Deletes a Vultr container registry or a repository in it, with every image; deployments that pull them fail',
    hint: 'Check nothing still pulls these images, and copy the ones to keep to another registry first',
    match: ['vultr-cli container-registry delete 2d4f6a8c-1e3b-4d5f-9a7c-0e2f4a6c8e1b', 'vultr-cli container-registry repository delete 2d4f6a8c-1e3b-4d5f-9a7c-0e2f4a6c8e1b api'],
    noMatch: ['vultr-cli container-registry list', 'vultr-cli container-registry repository list 2d4f6a8c-1e3b-4d5f-9a7c-0e2f4a6c8e1b'],
  }),
  vultr({
    id: 'vultr.vpc-delete',
    paths: [[['vpc', 'vpc2'], VDEL], ['user', VDEL]],
    severity: 'high',
    summary: 'Deletes a Vultr VPC (its instances lose their private network) or an account user',
    hint: 'Check what is attached to the VPC, or restrict the user\'s permissions first',
    match: ['vultr-cli vpc delete 2a5c1b7e-3d4f-4a6b-8c9d-0e1f2a3b4c5d', 'vultr-cli user delete 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
    noMatch: ['vultr-cli vpc list', 'vultr-cli user list', 'vultr-cli vpc create --region ewr --description backend'],
  }),
  vultr({
    id: 'vultr.keys-delete',
    paths: [[['ssh-key', 'ssh', 'script', 'iso'], VDEL]],
    severity: 'low',
    summary: 'Deletes an SSH key, startup script or ISO from the Vultr account',
    hint: 'Check nothing still deploys with it',
    match: ['vultr-cli ssh-key delete 7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b', 'vultr-cli script delete 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'],
    noMatch: ['vultr-cli ssh-key list', 'vultr-cli script list'],
  }),
];

/* ---------------------------------------------------------------- Hetzner Cloud */

const hcloud = cli({ programs: ['hcloud'], shape: { valueFlags: new Set(['--context', '--config', '-o', '--output', '--poll-interval', '--endpoint']) } });

const hetznerRules: readonly Rule[] = [
  hcloud({
    id: 'hcloud.server-delete',
    paths: [['server', ['delete', 'rebuild']]],
    severity: 'critical',
    summary: 'Deletes Hetzner Cloud servers or rebuilds one from an image; the data on their disks is gone',
    hint: 'Create a snapshot first (`hcloud server create-image --type snapshot`), or power the server off until you are sure',
    match: ['hcloud server delete app-prod-1', 'hcloud server delete worker-staging-3 worker-staging-4', 'hcloud server rebuild web-prod-2 --image ubuntu-24.04', 'hcloud --context acme-prod server delete db-1'],
    noMatch: ['hcloud server list -o columns=name,status,ipv4', 'hcloud server describe app-prod-1', 'hcloud server create --name web-3 --type cx22 --image ubuntu-24.04', 'hcloud server create-image web-prod-2 --type snapshot'],
  }),
  hcloud({
    id: 'hcloud.server-poweroff',
    paths: [['server', ['poweroff', 'shutdown', 'reset']]],
    severity: 'high',
    summary: 'Powers off, shuts down or hard-resets a Hetzner Cloud server; it stops serving',
    hint: 'Move traffic off the server first; use `hcloud server reboot` for a clean restart',
    match: ['hcloud server poweroff db-prod', 'hcloud server shutdown web-prod-1 --wait', 'hcloud server reset worker-3'],
    noMatch: ['hcloud server poweron db-prod', 'hcloud server reboot web-prod-1', 'hcloud server reset-password web-prod-1'],
  }),
  hcloud({
    id: 'hcloud.volume-delete',
    paths: [['volume', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Hetzner Cloud volume and the data on it',
    hint: 'Copy the data off first; volumes have no snapshots',
    match: ['hcloud volume delete pg-data-staging', 'hcloud volume delete 1234567'],
    noMatch: ['hcloud volume list', 'hcloud volume create --name pg-data-staging --size 50 --server db-staging', 'hcloud volume resize pg-data --size 100'],
  }),
  hcloud({
    id: 'hcloud.volume-detach',
    paths: [['volume', 'detach']],
    severity: 'high',
    summary: 'Detaches a Hetzner Cloud volume from its server; whatever runs on it loses its disk',
    hint: 'Stop the service using the volume and unmount it first',
    match: ['hcloud volume detach pg-data-prod'],
    noMatch: ['hcloud volume attach pg-data-prod --server db-prod', 'hcloud volume describe pg-data-prod'],
  }),
  hcloud({
    id: 'hcloud.storage-box-delete',
    paths: [['storage-box', ['delete', 'rollback-snapshot']], ['storage-box', 'snapshot', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Hetzner Storage Box or one of its snapshots, or rolls it back to a snapshot over its current files',
    hint: 'Copy the data off first, and take a fresh snapshot before a rollback',
    match: ['hcloud storage-box delete backups-prod', 'hcloud storage-box snapshot delete backups-prod nightly-2024-05-01', 'hcloud storage-box rollback-snapshot backups-prod --snapshot nightly-2024-05-01'],
    noMatch: ['hcloud storage-box list', 'hcloud storage-box snapshot create backups-prod', 'hcloud storage-box describe backups-prod'],
  }),
  hcloud({
    id: 'hcloud.ssh-key-delete',
    paths: [[['ssh-key', 'placement-group'], 'delete']],
    severity: 'low',
    summary: 'Deletes a Hetzner Cloud SSH key or placement group',
    hint: 'Check nothing still deploys with it (`hcloud ssh-key list`)',
    match: ['hcloud ssh-key delete ci-deploy-key', 'hcloud placement-group delete spread-web'],
    noMatch: ['hcloud ssh-key list', 'hcloud ssh-key create --name laptop --public-key-from-file ~/.ssh/id_ed25519.pub'],
  }),
];

/* ---------------------------------------------------------------- Scaleway */

const scw = cli({ programs: ['scw'], shape: { valueFlags: new Set(['-p', '--profile', '-c', '--config', '-o', '--output']) } });
/** `scw instance server action ID action=…`: the action word, lower-cased. */
const scwAction = (p: readonly string[]): string => (p.find((w) => w.startsWith('action=')) ?? '').slice('action='.length);

const scalewayRules: readonly Rule[] = [
  scw({
    id: 'scw.server-delete',
    paths: [
      ['instance', 'server', ['delete', 'terminate', 'action']], ['instance', ['volume', 'snapshot', 'image'], 'delete'],
      ['block', ['volume', 'snapshot'], 'delete'], [['baremetal', 'apple-silicon'], 'server', ['delete', 'install', 'reinstall']],
    ],
    when: (_a, p) => p[2] !== 'action' || scwAction(p) === 'terminate',
    severity: 'critical',
    summary: 'Deletes or terminates a Scaleway server (with its volumes when asked), deletes a volume, snapshot or image, or reinstalls a bare-metal server',
    hint: 'Snapshot the volumes first (`scw instance snapshot create`) and delete without with-volumes=all until you are sure',
    match: [
      'scw instance server delete 11111111-1111-1111-1111-111111111111 with-volumes=all with-ip=true zone=fr-par-1',
      'scw instance server terminate 11111111-1111-1111-1111-111111111111 with-block=true',
      'scw instance volume delete 22222222-2222-2222-2222-222222222222 zone=nl-ams-1',
      'scw block volume delete 33333333-3333-3333-3333-333333333333',
      'scw instance server action 11111111-1111-1111-1111-111111111111 action=terminate',
      'scw baremetal server delete 44444444-4444-4444-4444-444444444444 zone=fr-par-2',
    ],
    noMatch: [
      'scw instance server list zone=fr-par-1',
      'scw instance server get 11111111-1111-1111-1111-111111111111',
      'scw instance server create type=DEV1-S image=ubuntu_jammy name=web-prod-3',
      'scw instance server action 11111111-1111-1111-1111-111111111111 action=poweron',
      'scw instance snapshot create volume-id=22222222-2222-2222-2222-222222222222 name=pre-upgrade',
    ],
  }),
  scw({
    id: 'scw.server-stop',
    paths: [['instance', 'server', ['stop', 'standby', 'action', 'detach-volume']], [['baremetal', 'apple-silicon'], 'server', 'stop']],
    when: (_a, p) => p[2] !== 'action' || ['poweroff', 'stop_in_place'].includes(scwAction(p)),
    severity: 'high',
    summary: 'Stops a Scaleway server or detaches a volume from it; it stops serving',
    hint: 'Move traffic off the server first; use `scw instance server reboot` for a restart',
    match: ['scw instance server stop 11111111-1111-1111-1111-111111111111 zone=fr-par-1', 'scw instance server action 11111111-1111-1111-1111-111111111111 action=poweroff', 'scw instance server detach-volume volume-id=22222222-2222-2222-2222-222222222222', 'scw baremetal server stop 44444444-4444-4444-4444-444444444444'],
    noMatch: ['scw instance server start 11111111-1111-1111-1111-111111111111', 'scw instance server reboot 11111111-1111-1111-1111-111111111111', 'scw instance server action 11111111-1111-1111-1111-111111111111 action=reboot', 'scw instance server attach-volume server-id=1111 volume-id=2222'],
  }),
  scw({
    id: 'scw.database-delete',
    paths: [
      ['rdb', ['instance', 'database', 'backup', 'snapshot'], 'delete'], ['rdb', 'backup', 'restore'],
      ['mongodb', ['instance', 'snapshot'], 'delete'], ['redis', 'cluster', 'delete'], ['sdb-sql', 'database', 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes a Scaleway managed database instance, database, backup or snapshot, or restores a backup over a database',
    hint: 'Take a backup first (`scw rdb backup create`) and restore into a new database to check it',
    match: [
      'scw rdb instance delete 22222222-2222-2222-2222-222222222222 region=fr-par',
      'scw rdb database delete instance-id=22222222-2222-2222-2222-222222222222 name=orders',
      'scw rdb backup delete 55555555-5555-5555-5555-555555555555',
      'scw rdb backup restore 55555555-5555-5555-5555-555555555555 instance-id=22222222-2222-2222-2222-222222222222 database-name=orders',
      'scw redis cluster delete 66666666-6666-6666-6666-666666666666 zone=fr-par-1',
    ],
    noMatch: ['scw rdb instance list', 'scw rdb instance get 22222222-2222-2222-2222-222222222222 region=fr-par', 'scw rdb backup create instance-id=22222222-2222-2222-2222-222222222222 database-name=orders', 'scw rdb database list instance-id=22222222-2222-2222-2222-222222222222'],
  }),
  scw({
    id: 'scw.database-user-delete',
    paths: [['rdb', ['user', 'read-replica', 'acl'], 'delete']],
    severity: 'high',
    summary: 'Deletes a user, read replica or ACL rule of a Scaleway managed database; the apps using it lose their connection',
    hint: 'Move the apps to another user or endpoint first',
    match: ['scw rdb user delete instance-id=22222222-2222-2222-2222-222222222222 name=app_rw', 'scw rdb read-replica delete 77777777-7777-7777-7777-777777777777'],
    noMatch: ['scw rdb user list instance-id=22222222-2222-2222-2222-222222222222', 'scw rdb user create instance-id=22222222-2222-2222-2222-222222222222 name=app_ro'],
  }),
  scw({
    id: 'scw.k8s-cluster-delete',
    paths: [['k8s', 'cluster', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Scaleway Kubernetes cluster and everything running on it (with its volumes and load balancers when asked)',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['scw k8s cluster delete 33333333-3333-3333-3333-333333333333 with-additional-resources=true region=nl-ams', 'scw k8s cluster delete 33333333-3333-3333-3333-333333333333'],
    noMatch: ['scw k8s cluster list region=nl-ams', 'scw k8s kubeconfig get 33333333-3333-3333-3333-333333333333', 'scw k8s cluster upgrade 33333333-3333-3333-3333-333333333333 version=1.30.2'],
  }),
  scw({
    id: 'scw.k8s-pool-delete',
    paths: [['k8s', 'pool', ['delete', 'update']], ['k8s', 'node', ['delete', 'replace', 'reboot']]],
    when: (_a, p) => p[2] !== 'update' || p.includes('size=0'),
    severity: 'high',
    summary: 'Deletes, replaces or reboots Scaleway Kubernetes pools or nodes, or scales a pool to zero; their pods are evicted',
    hint: 'Add capacity and drain the nodes first (`kubectl drain`)',
    match: ['scw k8s pool delete 88888888-8888-8888-8888-888888888888 region=fr-par', 'scw k8s node replace 99999999-9999-9999-9999-999999999999', 'scw k8s pool update 88888888-8888-8888-8888-888888888888 size=0'],
    noMatch: ['scw k8s pool list cluster-id=33333333-3333-3333-3333-333333333333', 'scw k8s pool update 88888888-8888-8888-8888-888888888888 size=3', 'scw k8s node list cluster-id=33333333-3333-3333-3333-333333333333'],
  }),
  scw({
    id: 'scw.object-bucket-delete',
    paths: [['object', 'bucket', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Scaleway Object Storage bucket',
    hint: 'Copy what must be kept first (rclone) and check the bucket\'s contents',
    match: ['scw object bucket delete acme-prod-media region=fr-par', 'scw object bucket delete name=rentals-backups'],
    noMatch: ['scw object bucket list', 'scw object bucket get acme-prod-media', 'scw object bucket create name=acme-new region=fr-par'],
  }),
  scw({
    id: 'scw.serverless-delete',
    paths: [[['container', 'function'], ['namespace', 'container', 'function', 'cron', 'trigger', 'domain'], 'delete']],
    severity: 'high',
    summary: 'Deletes a Scaleway serverless container, function or namespace (with everything in it); it stops serving',
    hint: 'Keep its configuration (`scw container container get`) so it can be redeployed',
    match: ['scw container container delete 12121212-1212-1212-1212-121212121212 region=fr-par', 'scw function namespace delete 13131313-1313-1313-1313-131313131313', 'scw container namespace delete 14141414-1414-1414-1414-141414141414'],
    noMatch: ['scw container container list', 'scw container container deploy 12121212-1212-1212-1212-121212121212', 'scw function function list'],
  }),
  scw({
    id: 'scw.registry-namespace-delete',
    paths: [['registry', 'namespace', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Scaleway container registry namespace with every image in it',
    hint: 'Check nothing still pulls these images, and copy the ones to keep to another registry first',
    match: ['scw registry namespace delete 15151515-1515-1515-1515-151515151515 region=fr-par'],
    noMatch: ['scw registry namespace list', 'scw registry namespace create name=acme-apps'],
  }),
  scw({
    id: 'scw.registry-image-delete',
    paths: [['registry', ['image', 'tag'], 'delete']],
    severity: 'high',
    summary: 'Deletes a Scaleway registry image or tag; deployments that pull it fail',
    hint: 'Check nothing still deploys this image or tag',
    match: ['scw registry image delete 16161616-1616-1616-1616-161616161616', 'scw registry tag delete 17171717-1717-1717-1717-171717171717 force=true'],
    noMatch: ['scw registry image list namespace-id=15151515', 'scw registry tag list image-id=16161616'],
  }),
  scw({
    id: 'scw.iam-delete',
    paths: [['iam', ['api-key', 'application', 'user', 'policy', 'group'], 'delete'], ['secret', 'secret', 'delete'], ['account', 'project', 'delete']],
    severity: 'high',
    summary: 'Deletes a Scaleway API key, IAM application, user, policy or group, a secret, or a project; whatever uses it stops working',
    hint: 'Roll out the replacement key or secret first and check what still uses it',
    match: ['scw iam api-key delete SCWXXXXXXXXXXXXXXXXX', 'scw iam application delete 18181818-1818-1818-1818-181818181818', 'scw secret secret delete 19191919-1919-1919-1919-191919191919', 'scw account project delete project-id=20202020-2020-2020-2020-202020202020'],
    noMatch: ['scw iam api-key list', 'scw secret secret list', 'scw account project list'],
  }),
  scw({
    id: 'scw.ssh-key-delete',
    paths: [['iam', 'ssh-key', 'delete']],
    severity: 'low',
    summary: 'Deletes an SSH key from the Scaleway project',
    hint: 'Check nothing still deploys with it (`scw iam ssh-key list`)',
    match: ['scw iam ssh-key delete 21212121-2121-2121-2121-212121212121'],
    noMatch: ['scw iam ssh-key list', 'scw iam ssh-key create name=laptop public-key="ssh-ed25519 AAAA…"'],
  }),
];

/* ---------------------------------------------------------------- Oracle Cloud (oci) */

const oci = cli({
  programs: ['oci'],
  shape: { valueFlags: new Set(['--profile', '--config-file', '--region', '--auth', '--output', '--query', '--endpoint', '--cert-bundle', '--connection-timeout', '--read-timeout']) },
});

const oracleRules: readonly Rule[] = [
  oci({
    id: 'oci.compute-terminate',
    paths: [['compute', ['instance', 'instance-pool'], 'terminate'], ['compute', 'image', 'delete']],
    severity: 'critical',
    summary: 'Terminates Oracle Cloud instances or an instance pool (with their boot volumes unless preserved), or deletes a custom image',
    hint: 'Stop the instance instead (`oci compute instance action --action SOFTSTOP`), or back up its boot volume first',
    match: [
      'oci compute instance terminate --instance-id ocid1.instance.oc1.phx.exampleuniqueid --preserve-boot-volume false --force',
      'oci compute instance-pool terminate --instance-pool-id ocid1.instancepool.oc1.iad.example --force',
      'oci --profile PROD compute instance terminate --instance-id ocid1.instance.oc1.iad.example',
      'oci compute image delete --image-id ocid1.image.oc1.iad.example --force',
    ],
    noMatch: [
      'oci compute instance list --compartment-id ocid1.compartment.oc1..example',
      'oci compute instance get --instance-id ocid1.instance.oc1.phx.example',
      'oci compute instance launch --availability-domain AD-1 --shape VM.Standard.E4.Flex --subnet-id ocid1.subnet.oc1.x',
      'oci compute image create --instance-id ocid1.instance.oc1.iad.x --display-name pre-upgrade',
    ],
  }),
  oci({
    id: 'oci.compute-stop',
    paths: [
      ['compute', 'instance', 'action'], ['compute', 'instance-pool', ['stop', 'softstop', 'reset', 'update']],
      ['compute', ['volume-attachment', 'boot-volume-attachment'], 'detach'],
    ],
    when: (a, p) => {
      if (p[2] === 'action') return ['STOP', 'SOFTSTOP', 'RESET'].includes((a.value('--action') ?? '').toUpperCase());
      return p[2] !== 'update' || isZero(a.value('--size'));
    },
    severity: 'high',
    summary: 'Stops or hard-resets Oracle Cloud instances, scales an instance pool to zero, or detaches a volume; they stop serving',
    hint: 'Move traffic off the instances first; SOFTRESET reboots cleanly',
    match: [
      'oci compute instance action --instance-id ocid1.instance.oc1.iad.example --action STOP',
      'oci compute instance action --action SOFTSTOP --instance-id ocid1.instance.oc1.iad.example',
      'oci compute instance-pool stop --instance-pool-id ocid1.instancepool.oc1.iad.example',
      'oci compute instance-pool update --instance-pool-id ocid1.instancepool.oc1.iad.example --size 0',
      'oci compute volume-attachment detach --volume-attachment-id ocid1.volumeattachment.oc1.iad.example --force',
    ],
    noMatch: [
      'oci compute instance action --instance-id ocid1.instance.oc1.iad.example --action START',
      'oci compute instance action --instance-id ocid1.instance.oc1.iad.example --action SOFTRESET',
      'oci compute instance-pool update --instance-pool-id ocid1.instancepool.oc1.iad.example --size 4',
      'oci compute volume-attachment list --compartment-id ocid1.compartment.oc1..example',
    ],
  }),
  oci({
    id: 'oci.volume-delete',
    paths: [
      ['bv', ['volume', 'boot-volume', 'backup', 'boot-volume-backup', 'volume-group', 'volume-group-backup'], 'delete'],
      ['fs', ['file-system', 'snapshot'], 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes an Oracle Cloud block or boot volume, a volume backup, or a File Storage file system or snapshot',
    hint: 'Back the volume up first (`oci bv backup create`) and check nothing is attached to it',
    match: [
      'oci bv volume delete --volume-id ocid1.volume.oc1.iad.example --force',
      'oci bv boot-volume delete --boot-volume-id ocid1.bootvolume.oc1.iad.example',
      'oci bv backup delete --volume-backup-id ocid1.volumebackup.oc1.iad.example --force',
      'oci fs file-system delete --file-system-id ocid1.filesystem.oc1.iad.example --force',
    ],
    noMatch: ['oci bv volume list --compartment-id ocid1.compartment.oc1..example', 'oci bv backup create --volume-id ocid1.volume.oc1.iad.example', 'oci fs file-system get --file-system-id ocid1.filesystem.oc1.iad.example'],
  }),
  oci({
    id: 'oci.database-delete',
    paths: [
      ['db', ['autonomous-database', 'database', 'backup', 'autonomous-database-backup', 'vm-cluster', 'cloud-vm-cluster', 'exadata-infrastructure', 'cloud-exadata-infrastructure'], 'delete'],
      ['db', ['system', 'autonomous-container-database'], 'terminate'], ['db', 'autonomous-database', 'restore'],
      [['mysql', 'psql'], ['db-system', 'backup'], 'delete'], ['nosql', 'table', 'delete'], ['opensearch', 'cluster', 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes or terminates an Oracle Cloud database (Autonomous, DB system, MySQL, PostgreSQL, NoSQL) or a backup, or restores one over its data',
    hint: 'Take a manual backup first and restore it into a new database to check it',
    match: [
      'oci db autonomous-database delete --autonomous-database-id ocid1.autonomousdatabase.oc1.iad.aaaaexampleprod --force',
      'oci db system terminate --db-system-id ocid1.dbsystem.oc1.iad.example --force',
      'oci db database delete --database-id ocid1.database.oc1.iad.example',
      'oci mysql db-system delete --db-system-id ocid1.mysqldbsystem.oc1.iad.example --force',
      'oci nosql table delete --table-name-or-id orders --compartment-id ocid1.compartment.oc1..example --force',
    ],
    noMatch: [
      'oci db autonomous-database get --autonomous-database-id ocid1.autonomousdatabase.oc1.iad.aaaaexampleprod',
      'oci db autonomous-database list --compartment-id ocid1.compartment.oc1..example',
      'oci db backup create --database-id ocid1.database.oc1.iad.example --display-name pre-upgrade',
      'oci mysql db-system list --compartment-id ocid1.compartment.oc1..example',
    ],
  }),
  oci({
    id: 'oci.database-stop',
    paths: [['db', 'autonomous-database', 'stop'], ['db', 'node', ['stop', 'reset']], ['mysql', 'db-system', 'stop']],
    severity: 'high',
    summary: 'Stops an Oracle Cloud database or hard-resets a database node; the apps using it lose their connection',
    hint: 'Stop the apps that use the database first, and schedule it in a maintenance window',
    match: ['oci db autonomous-database stop --autonomous-database-id ocid1.autonomousdatabase.oc1.phx.aaaaexampleprod', 'oci db node stop --db-node-id ocid1.dbnode.oc1.iad.example', 'oci mysql db-system stop --db-system-id ocid1.mysqldbsystem.oc1.iad.example --shutdown-type FAST'],
    noMatch: ['oci db autonomous-database start --autonomous-database-id ocid1.autonomousdatabase.oc1.phx.aaaaexampleprod', 'oci db node start --db-node-id ocid1.dbnode.oc1.iad.example', 'oci mysql db-system start --db-system-id ocid1.mysqldbsystem.oc1.iad.example'],
  }),
  oci({
    id: 'oci.ce-cluster-delete',
    paths: [['ce', 'cluster', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Oracle Container Engine (OKE) cluster and everything running on it',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['oci ce cluster delete --cluster-id ocid1.cluster.oc1.iad.example --force', 'oci --profile PROD ce cluster delete --cluster-id ocid1.cluster.oc1.phx.example'],
    noMatch: ['oci ce cluster list --compartment-id ocid1.compartment.oc1..example', 'oci ce cluster create-kubeconfig --cluster-id ocid1.cluster.oc1.iad.example --file ~/.kube/config'],
  }),
  oci({
    id: 'oci.ce-node-pool-delete',
    paths: [['ce', ['node-pool', 'virtual-node-pool'], ['delete', 'update']]],
    when: (a, p) => p[2] !== 'update' || isZero(a.value('--size')),
    severity: 'high',
    summary: 'Deletes an OKE node pool or scales it to zero; its pods are evicted',
    hint: 'Add the replacement pool and drain the nodes first (`kubectl drain`)',
    match: ['oci ce node-pool delete --node-pool-id ocid1.nodepool.oc1.iad.example --force', 'oci ce node-pool update --node-pool-id ocid1.nodepool.oc1.iad.example --size 0'],
    noMatch: ['oci ce node-pool list --compartment-id ocid1.compartment.oc1..example', 'oci ce node-pool update --node-pool-id ocid1.nodepool.oc1.iad.example --size 3'],
  }),
  oci({
    id: 'oci.iam-delete',
    paths: [['iam', ['compartment', 'user', 'group', 'policy', 'dynamic-group'], 'delete'], ['iam', 'user', ['api-key', 'auth-token', 'customer-secret-key', 'smtp-credential'], 'delete']],
    severity: 'high',
    summary: 'Deletes an Oracle Cloud compartment, user, group, policy or credential; whatever signs in or is authorised by it stops working',
    hint: 'Roll out the replacement credential first, and check what the policy or group grants before deleting it',
    match: ['oci iam user delete --user-id ocid1.user.oc1..example --force', 'oci iam policy delete --policy-id ocid1.policy.oc1..example', 'oci iam user api-key delete --user-id ocid1.user.oc1..example --fingerprint 12:34:56'],
    noMatch: ['oci iam user list', 'oci iam policy get --policy-id ocid1.policy.oc1..example', 'oci iam user api-key list --user-id ocid1.user.oc1..example'],
  }),
  oci({
    id: 'oci.vault-delete',
    paths: [['vault', 'secret', 'schedule-secret-deletion'], ['kms', 'management', ['key', 'vault'], ['schedule-deletion', 'schedule-key-deletion']]],
    severity: 'high',
    summary: 'Schedules an Oracle Cloud Vault secret, key or vault for deletion; once done, whatever reads the secret or was encrypted with the key is lost',
    hint: 'The deletion can be cancelled until it runs (`cancel-secret-deletion`, `cancel-deletion`); disable the key first to find what still uses it',
    match: ['oci vault secret schedule-secret-deletion --secret-id ocid1.vaultsecret.oc1.iad.example', 'oci kms management key schedule-deletion --key-id ocid1.key.oc1.iad.example --endpoint https://example-management.kms.us-ashburn-1.oraclecloud.com'],
    noMatch: ['oci vault secret list --compartment-id ocid1.compartment.oc1..example', 'oci kms management key cancel-deletion --key-id ocid1.key.oc1.iad.example --endpoint https://x'],
  }),
  oci({
    id: 'oci.artifacts-delete',
    paths: [['artifacts', 'container', ['repository', 'image'], 'delete'], ['artifacts', 'generic', 'artifact', 'delete'], ['fn', ['application', 'function'], 'delete']],
    severity: 'high',
    summary: 'Deletes an Oracle Cloud container repository or image, a generic artifact, or a Functions application or function',
    hint: 'Check nothing still pulls or invokes it, and copy images to keep to another repository first',
    match: ['oci artifacts container repository delete --repository-id ocid1.containerrepo.oc1.iad.example --force', 'oci artifacts container image delete --image-id ocid1.containerimage.oc1.iad.example', 'oci fn function delete --function-id ocid1.fnfunc.oc1.iad.example --force'],
    noMatch: ['oci artifacts container repository list --compartment-id ocid1.compartment.oc1..example', 'oci fn function invoke --function-id ocid1.fnfunc.oc1.iad.example --file out.json'],
  }),
  oci({
    id: 'oci.stack-destroy',
    paths: [['resource-manager', 'job', 'create-destroy-job']],
    severity: 'critical',
    summary: 'Runs a Resource Manager destroy job: Terraform destroys every resource the stack manages',
    hint: 'Run a plan job first and read what it would destroy',
    match: ['oci resource-manager job create-destroy-job --stack-id ocid1.ormstack.oc1.iad.example --execution-plan-strategy AUTO_APPROVED'],
    noMatch: ['oci resource-manager job create-plan-job --stack-id ocid1.ormstack.oc1.iad.example', 'oci resource-manager stack list --compartment-id ocid1.compartment.oc1..example'],
  }),
];

/* ---------------------------------------------------------------- IBM Cloud */

const ibm = cli({ programs: ['ibmcloud', 'ic'], shape: { valueFlags: new Set(['--output']) } });
const IKS = ['ks', 'oc', 'cs'];

const ibmRules: readonly Rule[] = [
  ibm({
    id: 'ibmcloud.service-instance-delete',
    paths: [['resource', ['service-instance-delete', 'service-key-delete', 'service-alias-delete', 'group-delete']]],
    severity: 'high',
    summary: 'Deletes an IBM Cloud service instance (a database, storage or other service), a service key or a resource group',
    hint: 'Back the service\'s data up first; a deleted instance can be restored from reclamation for a few days (`ibmcloud resource reclamation-restore`)',
    match: ['ibmcloud resource service-instance-delete acme-prod-cloudant --force --recursive', 'ibmcloud resource service-key-delete acme-prod-cos-hmac -f', 'ic resource group-delete sandbox-rg -f'],
    noMatch: ['ibmcloud resource service-instances --output json', 'ibmcloud resource service-instance acme-prod-cloudant', 'ibmcloud resource service-instance-create acme-dev-redis databases-for-redis standard us-south'],
  }),
  ibm({
    id: 'ibmcloud.reclamation-delete',
    paths: [['resource', 'reclamation-delete']],
    severity: 'critical',
    summary: 'Permanently deletes a reclaimed IBM Cloud service instance; it can no longer be restored',
    hint: 'Let the reclamation period expire, or restore the instance (`ibmcloud resource reclamation-restore`) if it may be needed',
    match: ['ibmcloud resource reclamation-delete 5f2b8c1e-3d4a-4b6c-9e8f-0a1b2c3d4e5f --force'],
    noMatch: ['ibmcloud resource reclamations', 'ibmcloud resource reclamation-restore 5f2b8c1e-3d4a-4b6c-9e8f-0a1b2c3d4e5f'],
  }),
  ibm({
    id: 'ibmcloud.is-instance-delete',
    paths: [['is', ['instance-delete', 'volume-delete', 'snapshot-delete', 'share-delete', 'bare-metal-server-delete', 'image-delete', 'instance-group-delete', 'backup-policy-delete']]],
    severity: 'critical',
    summary: 'Deletes IBM Cloud VPC instances, bare-metal servers, volumes, snapshots, file shares or images and their data',
    hint: 'Snapshot the volumes first (`ibmcloud is snapshot-create`), or stop the instance until you are sure',
    match: ['ibmcloud is instance-delete web-staging-1 -f', 'ibmcloud is volume-delete pg-data-prod --force', 'ibmcloud is snapshot-delete nightly-snap -f', 'ic is share-delete nfs-prod -f'],
    noMatch: ['ibmcloud is instances', 'ibmcloud is instance web-staging-1', 'ibmcloud is instance-create web-3 vpc-prod us-south-1 bx2-2x8 subnet-1', 'ibmcloud is snapshot-create --volume pg-data-prod --name pre-upgrade'],
  }),
  ibm({
    id: 'ibmcloud.is-instance-stop',
    paths: [['is', ['instance-stop', 'bare-metal-server-stop', 'instance-volume-attachment-delete']]],
    severity: 'high',
    summary: 'Stops an IBM Cloud VPC instance or bare-metal server, or detaches a volume from an instance; it stops serving',
    hint: 'Move traffic off the instance first; use `ibmcloud is instance-reboot` for a restart',
    match: ['ibmcloud is instance-stop web-prod-1 -f', 'ibmcloud is instance-volume-attachment-delete web-prod-1 pg-data-att -f'],
    noMatch: ['ibmcloud is instance-start web-prod-1', 'ibmcloud is instance-reboot web-prod-1', 'ibmcloud is instance-volume-attachments web-prod-1'],
  }),
  ibm({
    id: 'ibmcloud.is-network-delete',
    paths: [['is', ['vpc-delete', 'subnet-delete', 'floating-ip-release', 'security-group-delete', 'security-group-rule-delete', 'load-balancer-delete', 'public-gateway-delete', 'vpn-gateway-delete', 'network-acl-delete']]],
    severity: 'high',
    summary: 'Deletes an IBM Cloud VPC, subnet, security group, load balancer or gateway, or releases a floating IP; its traffic stops',
    hint: 'Check what is attached first and keep its configuration so it can be recreated',
    match: ['ibmcloud is vpc-delete vpc-prod -f', 'ibmcloud is floating-ip-release fip-web-prod -f', 'ibmcloud is load-balancer-delete lb-api-prod --force'],
    noMatch: ['ibmcloud is vpcs', 'ibmcloud is floating-ip-reserve fip-new --zone us-south-1', 'ibmcloud is load-balancers'],
  }),
  ibm({
    id: 'ibmcloud.ks-cluster-rm',
    paths: [[IKS, 'cluster', ['rm', 'delete']]],
    severity: 'critical',
    summary: 'Deletes an IBM Cloud Kubernetes or OpenShift cluster and everything running on it (with --force-delete-storage, its persistent storage too)',
    hint: 'Back up the workloads and persistent volumes first, and delete the cluster through the IaC that created it',
    match: ['ibmcloud ks cluster rm --cluster acme-prod-iks -f --force-delete-storage', 'ibmcloud oc cluster rm --cluster openshift-stg -f'],
    noMatch: ['ibmcloud ks cluster ls', 'ibmcloud ks cluster get --cluster acme-prod-iks', 'ibmcloud ks cluster config --cluster acme-prod-iks'],
  }),
  ibm({
    id: 'ibmcloud.ks-worker-rm',
    paths: [[IKS, 'worker-pool', ['rm', 'delete', 'resize']], [IKS, 'worker', ['rm', 'replace', 'reload']], [IKS, 'zone', 'rm']],
    when: (a, p) => p[2] !== 'resize' || isZero(a.value('--size-per-zone')),
    severity: 'high',
    summary: 'Removes, replaces or reloads IBM Cloud Kubernetes workers or worker pools, or resizes a pool to zero; their pods are evicted',
    hint: 'Add capacity and drain the workers first (`kubectl drain`)',
    match: ['ibmcloud ks worker-pool rm --cluster acme-prod-iks --worker-pool edge -f', 'ibmcloud ks worker replace --cluster acme-prod-iks --worker kube-abc123-w1 -f', 'ibmcloud ks worker-pool resize --cluster acme-prod-iks --worker-pool default --size-per-zone 0'],
    noMatch: ['ibmcloud ks worker ls --cluster acme-prod-iks', 'ibmcloud ks worker-pool resize --cluster acme-prod-iks --worker-pool default --size-per-zone 3', 'ibmcloud ks worker-pool create classic --cluster acme-prod-iks --name edge'],
  }),
  ibm({
    id: 'ibmcloud.cr-namespace-rm',
    paths: [['cr', 'namespace-rm']],
    severity: 'critical',
    summary: 'Deletes an IBM Cloud Container Registry namespace with every image in it',
    hint: 'Check nothing still pulls these images, and copy the ones to keep first',
    match: ['ibmcloud cr namespace-rm acme-prod -f'],
    noMatch: ['ibmcloud cr namespaces', 'ibmcloud cr namespace-add acme-dev'],
  }),
  ibm({
    id: 'ibmcloud.cr-image-rm',
    paths: [['cr', ['image-rm', 'image-untag', 'image-prune-untagged', 'retention-run']]],
    severity: 'high',
    summary: 'Deletes or untags IBM Cloud Container Registry images; deployments that pull them fail',
    hint: 'Check nothing still deploys these images, and run retention policies with a preview first',
    match: ['ibmcloud cr image-rm "$ICR_HOST/acme-prod/api:1.4.2"', 'ibmcloud cr image-prune-untagged --restrict acme-prod -f', 'ibmcloud cr retention-run --images 5 acme-prod'],
    noMatch: ['ibmcloud cr image-list --restrict acme-prod', 'ibmcloud cr image-tag "$ICR_HOST/acme/api:1" "$ICR_HOST/acme/api:stable"'],
  }),
  ibm({
    id: 'ibmcloud.ce-delete',
    paths: [['ce', ['project', 'application', 'app', 'job', 'function', 'fn', 'secret', 'configmap'], ['delete', 'del']]],
    severity: 'high',
    summary: 'Deletes an IBM Code Engine project, app, job or function (a project with everything in it); it stops serving',
    hint: 'Export its configuration first (`ibmcloud ce app get --output yaml`) so it can be recreated',
    match: ['ibmcloud ce app delete --name checkout-prod -f', 'ibmcloud ce project delete --name acme-prod --hard -f'],
    noMatch: ['ibmcloud ce app list', 'ibmcloud ce app get --name checkout-prod', 'ibmcloud ce project select --name acme-prod'],
  }),
  ibm({
    id: 'ibmcloud.iam-delete',
    paths: [['iam', ['api-key-delete', 'service-id-delete', 'service-api-key-delete', 'access-group-delete', 'user-policy-delete']], ['account', 'user-remove']],
    severity: 'high',
    summary: 'Deletes an IBM Cloud API key, service ID, access group or policy, or removes a user; whatever signs in with it stops working',
    hint: 'Roll out the replacement key first, or lock the key instead (`ibmcloud iam api-key-lock`)',
    match: ['ibmcloud iam api-key-delete ci-deploy-key -f', 'ibmcloud iam service-id-delete ServiceId-1234 -f', 'ibmcloud account user-remove jdoe@acme.io -f'],
    noMatch: ['ibmcloud iam api-keys', 'ibmcloud iam api-key-lock ci-deploy-key', 'ibmcloud account users'],
  }),
  ibm({
    id: 'ibmcloud.sl-cancel',
    paths: [['sl', ['vs', 'hardware'], 'cancel'], ['sl', ['block', 'file'], 'volume-cancel']],
    severity: 'critical',
    summary: 'Cancels IBM Cloud classic virtual servers, bare metal or block/file storage volumes; they and their data are reclaimed',
    hint: 'Back the data up first and cancel through the console where the account is shown',
    match: ['ibmcloud sl vs cancel 12345678 -f', 'ibmcloud sl block volume-cancel 87654321 --immediate -f'],
    noMatch: ['ibmcloud sl vs list', 'ibmcloud sl block volume-list'],
  }),
];

/* ---------------------------------------------------------------- Exoscale */

const exo = cli({ programs: ['exo'], shape: { valueFlags: new Set(['-A', '--use-account', '-C', '--config', '-O', '--output-format', '--output-template', '-z', '--zone']) } });
const EDEL = ['delete', 'del', 'rm'];
const ECOMPUTE = ['compute', 'c'];
const recursive = (a: Args): boolean => a.has('-r', '--recursive');

const exoscaleRules: readonly Rule[] = [
  exo({
    id: 'exo.instance-delete',
    paths: [
      [ECOMPUTE, 'instance', [...EDEL, 'reset']], [ECOMPUTE, ['instance', 'block-storage'], 'snapshot', EDEL],
      [ECOMPUTE, ['instance-pool', 'block-storage'], EDEL], [['vm', 'instancepool'], EDEL],
    ],
    severity: 'critical',
    summary: 'Deletes an Exoscale instance, instance pool, block storage volume or snapshot, or resets an instance to a template over its disk',
    hint: 'Take a snapshot first (`exo compute instance snapshot create`), or stop the instance until you are sure',
    match: [
      'exo compute instance delete web-prod-2 -z ch-gva-2 --force',
      'exo c instance rm worker-stg-1 -f',
      'exo compute instance reset api-prod-1 --template "Linux Ubuntu 24.04 LTS 64-bit" -f',
      'exo compute block-storage delete pg-data-prod -z de-fra-1 -f',
      'exo compute instance-pool delete web-pool -z ch-gva-2 -f',
    ],
    noMatch: ['exo compute instance list', 'exo compute instance show web-prod-2 -z ch-gva-2', 'exo compute instance create web-4 --zone ch-gva-2 --instance-type standard.medium', 'exo compute instance snapshot create web-prod-2 -z ch-gva-2'],
  }),
  exo({
    id: 'exo.sks-delete',
    paths: [[ECOMPUTE, 'sks', EDEL], ['sks', EDEL]],
    severity: 'critical',
    summary: 'Deletes an Exoscale SKS Kubernetes cluster and everything running on it',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['exo compute sks delete acme-prod-sks -z ch-gva-2 --force', 'exo compute sks rm k8s-staging -z de-fra-1 -f'],
    noMatch: ['exo compute sks list', 'exo compute sks kubeconfig acme-prod-sks admin -z ch-gva-2', 'exo compute sks nodepool list acme-prod-sks'],
  }),
  exo({
    id: 'exo.dbaas-delete',
    paths: [['dbaas', EDEL]],
    severity: 'critical',
    summary: 'Deletes an Exoscale managed database service and its data',
    hint: 'Dump the data first (pg_dump, mysqldump) or restore a backup into a new service to check it',
    match: ['exo dbaas delete acme-pg-prod -z de-fra-1 --force', 'exo dbaas rm redis-staging -z ch-gva-2 -f'],
    noMatch: ['exo dbaas list', 'exo dbaas show acme-pg-prod -z de-fra-1', 'exo dbaas create pg hobbyist-2 acme-pg-dev -z de-fra-1'],
  }),
  exo({
    id: 'exo.compute-stop',
    paths: [
      [ECOMPUTE, 'instance', 'stop'], [ECOMPUTE, 'instance-pool', 'scale'], [ECOMPUTE, 'sks', 'nodepool', [...EDEL, 'scale', 'evict']],
      [ECOMPUTE, 'block-storage', 'detach'],
    ],
    when: (_a, p) => !p.includes('scale') || p[p.length - 1] === '0',
    severity: 'high',
    summary: 'Stops an Exoscale instance, scales an instance pool or SKS nodepool to zero, deletes or evicts nodepool nodes, or detaches a volume',
    hint: 'Move traffic off it first and note the current size to restore it',
    match: ['exo compute instance stop web-prod-2 -z ch-gva-2 -f', 'exo compute instance-pool scale web-pool 0 -z ch-gva-2 -f', 'exo compute sks nodepool delete acme-prod-sks workers -z ch-gva-2 -f', 'exo compute block-storage detach pg-data-prod -z de-fra-1 -f'],
    noMatch: ['exo compute instance start web-prod-2 -z ch-gva-2', 'exo compute instance-pool scale web-pool 5 -z ch-gva-2', 'exo compute sks nodepool list acme-prod-sks'],
  }),
  exo({
    id: 'exo.storage-delete',
    paths: [['storage', 'rb'], ['storage', ['rm', 'del', 'delete']]],
    when: (a, p) => p[1] === 'rb' || recursive(a),
    severity: 'critical',
    summary: 'Deletes an Exoscale Object Storage bucket or every object under a prefix',
    hint: 'List what would go first (`exo storage ls -r`) and copy what must be kept',
    match: ['exo storage rb sos://acme-prod-backups --recursive', 'exo storage rm -r sos://acme-prod-media/uploads/'],
    noMatch: ['exo storage ls sos://acme-prod-backups', 'exo storage rm sos://acme-prod-media/tmp/a.png', 'exo storage mb sos://acme-new -z ch-gva-2'],
  }),
  exo({
    id: 'exo.storage-rm',
    paths: [['storage', ['rm', 'del', 'delete']]],
    when: (a) => !recursive(a),
    severity: 'high',
    summary: 'Deletes objects from Exoscale Object Storage',
    hint: 'Check the key with `exo storage ls` first and keep bucket versioning on',
    match: ['exo storage rm sos://acme-prod-media/avatars/42.png'],
    noMatch: ['exo storage ls sos://acme-prod-media/avatars/', 'exo storage rm -r sos://acme-tmp/'],
  }),
  exo({
    id: 'exo.network-delete',
    paths: [[ECOMPUTE, ['load-balancer', 'nlb', 'elastic-ip', 'private-network', 'security-group'], EDEL], ['dns', ['remove', 'rm']]],
    severity: 'high',
    summary: 'Deletes an Exoscale load balancer, elastic IP, private network or security group, or a DNS record; its traffic stops',
    hint: 'Show it first (`exo compute … show`) so it can be recreated, and move traffic or DNS off it',
    match: ['exo compute load-balancer delete lb-prod -z ch-gva-2 -f', 'exo compute elastic-ip delete 194.182.160.10 -z ch-gva-2 -f', 'exo dns remove acme.com www -f'],
    noMatch: ['exo compute load-balancer list', 'exo compute elastic-ip show 194.182.160.10 -z ch-gva-2', 'exo dns show acme.com'],
  }),
  exo({
    id: 'exo.dns-delete',
    paths: [['dns', ['delete', 'del']]],
    severity: 'critical',
    summary: 'Deletes an Exoscale DNS domain with every record in it; the names stop resolving',
    hint: 'Export the records first (`exo dns show DOMAIN`) and move the delegation before deleting',
    match: ['exo dns delete acme.com -f'],
    noMatch: ['exo dns list', 'exo dns create acme.dev'],
  }),
  exo({
    id: 'exo.iam-delete',
    paths: [['iam', ['api-key', 'role'], EDEL]],
    severity: 'high',
    summary: 'Deletes an Exoscale API key or IAM role; whatever authenticates with it stops working',
    hint: 'Roll out the replacement key first',
    match: ['exo iam api-key delete ci-deploy -f', 'exo iam role delete readonly-ops -f'],
    noMatch: ['exo iam api-key list', 'exo iam role show readonly-ops'],
  }),
  exo({
    id: 'exo.ssh-key-delete',
    paths: [[ECOMPUTE, 'ssh-key', EDEL]],
    severity: 'low',
    summary: 'Deletes an SSH key from the Exoscale account',
    hint: 'Check nothing still deploys with it',
    match: ['exo compute ssh-key delete laptop -f'],
    noMatch: ['exo compute ssh-key list'],
  }),
];

/* ---------------------------------------------------------------- OVHcloud */

const ovh = cli({ programs: ['ovhcloud', 'ovh'], shape: { valueFlags: new Set(['-o', '--output', '--profile', '-f', '--format']) } });

/** What loses data: a cloud instance, database, volume, bucket, cluster or registry deleted, a server reinstalled. */
const OVH_DATA: readonly (readonly Step[])[] = [
  ['cloud', ['instance', 'database-service', 'storage-block', 'storage-s3', 'storage-swift', 'kube', 'container-registry', 'rancher', 'project'], 'delete'],
  ['cloud', 'instance', 'reinstall'], ['cloud', 'instance', 'backup', 'delete'], ['cloud', 'kube', 'reset'],
  [['baremetal', 'vps'], ['reinstall', 'terminate', 'confirm-termination']],
];

const ovhRules: readonly Rule[] = [
  ovh({
    id: 'ovhcloud.delete-data',
    paths: OVH_DATA,
    severity: 'critical',
    summary: 'Deletes an OVHcloud instance, database, volume, bucket, Kubernetes cluster or registry, resets a cluster, or reinstalls or terminates a server',
    hint: 'Back the data up first (an instance backup, a database dump) and delete through the IaC that created it',
    match: [
      'ovhcloud cloud instance delete 5a7c9e1b-2d4f-4a6c-8e0b-1d3f5a7c9e2b --cloud-project 0123456789abcdef',
      'ovhcloud cloud database-service delete 7b9d1f3a-5c7e-4b9d-8f1a-3c5e7b9d1f4a',
      'ovhcloud cloud kube delete 2c4e6a8b-0d2f-4c6e-9a8b-2d4f6a8c0e1b',
      'ovhcloud cloud instance reinstall 5a7c9e1b --image-id 9d8c7b6a',
      'ovhcloud baremetal reinstall ns1234567.ip-203-0-113.eu --os debian12_64',
    ],
    noMatch: ['ovhcloud cloud instance list --cloud-project 0123456789abcdef', 'ovhcloud cloud instance get 5a7c9e1b', 'ovhcloud cloud kube kubeconfig generate 2c4e6a8b', 'ovhcloud baremetal list'],
  }),
  ovh({
    id: 'ovhcloud.delete',
    paths: [[]],
    // Everything else deleted (node pools, networks, users, IPs), and instances stopped or shelved.
    when: (_a, p) => !startsWithAny(p, OVH_DATA) &&
      (p.slice(1, 5).includes('delete') || startsWithAny(p, [['cloud', 'instance', ['stop', 'shelve']]])),
    severity: 'high',
    summary: 'Deletes an OVHcloud resource (node pool, network, user, IP…) or stops or shelves an instance; what uses it stops working',
    hint: 'Get it first (`ovhcloud … get`) so it can be recreated, and move traffic off it',
    match: ['ovhcloud cloud kube nodepool delete 2c4e6a8b 4f6a8c0e', 'ovhcloud cloud instance stop 5a7c9e1b-2d4f-4a6c-8e0b-1d3f5a7c9e2b', 'ovhcloud cloud user delete 123456', 'ovhcloud cloud network private delete pn-1234'],
    noMatch: ['ovhcloud cloud kube nodepool list 2c4e6a8b', 'ovhcloud cloud instance start 5a7c9e1b', 'ovhcloud cloud user list', 'ovhcloud config set default-cloud-project 0123456789abcdef'],
  }),
];

/* ---------------------------------------------------------------- Civo */

const civo = cli({ programs: ['civo'], shape: { valueFlags: new Set(['--region', '-o', '--output', '-f', '--fields', '--config']) } });
const CREMOVE = ['remove', 'delete', 'destroy', 'rm'];
const C_K8S = ['kubernetes', 'k8s', 'k3s', 'kube'];

const civoRules: readonly Rule[] = [
  civo({
    id: 'civo.instance-remove',
    paths: [[['instance', 'instances', 'vm'], CREMOVE]],
    severity: 'critical',
    summary: 'Deletes Civo instances and the data on their disks',
    hint: 'Take a snapshot first, or stop the instance until you are sure',
    match: ['civo instance remove web-prod-1 -y', 'civo instance delete api-staging --region LON1', 'civo vm rm worker-3 -y'],
    noMatch: ['civo instance list', 'civo instance show web-prod-1', 'civo instance create --hostname web-prod-2 --size g3.small'],
  }),
  civo({
    id: 'civo.kubernetes-remove',
    paths: [[C_K8S, CREMOVE]],
    severity: 'critical',
    summary: 'Deletes a Civo Kubernetes cluster and everything running on it',
    hint: 'Back up the workloads first (Velero or manifests) and delete the cluster through the IaC that created it',
    match: ['civo kubernetes remove acme-prod -y', 'civo k3s delete k8s-staging --region NYC1 -y'],
    noMatch: ['civo kubernetes list', 'civo kubernetes config acme-prod --save', 'civo kubernetes node-pool ls acme-prod'],
  }),
  civo({
    id: 'civo.database-remove',
    paths: [[['database', 'databases', 'db'], [...CREMOVE, 'restore']]],
    severity: 'critical',
    summary: 'Deletes a Civo managed database, or restores a backup over it',
    hint: 'Dump the data first (pg_dump, mysqldump) and restore into a new database to check it',
    match: ['civo database remove orders-prod -y', 'civo db rm analytics-staging -y', 'civo database restore orders-prod --backup nightly-2024-05-01 -y'],
    noMatch: ['civo database list', 'civo database show orders-prod', 'civo database backup list orders-prod'],
  }),
  civo({
    id: 'civo.storage-remove',
    paths: [[['volume', 'volumes', 'objectstore', 'objectstores', 'object-store', 'snapshot', 'snapshots'], CREMOVE]],
    severity: 'critical',
    summary: 'Deletes a Civo volume, object store or snapshot and the data in it',
    hint: 'Copy the data off first',
    match: ['civo volume remove pg-data-prod -y', 'civo objectstore delete acme-media -y'],
    noMatch: ['civo volume list', 'civo objectstore show acme-media', 'civo volume create pg-data-new --size-gb 50'],
  }),
  civo({
    id: 'civo.instance-stop',
    paths: [[['instance', 'instances', 'vm'], 'stop'], [C_K8S, ['node-pool', 'nodepool'], [...CREMOVE, 'scale']], [C_K8S, 'recycle'], [['volume', 'volumes'], 'detach']],
    when: (a, p) => !p.includes('scale') || isZero(a.value('--nodes', '-n')),
    severity: 'high',
    summary: 'Stops a Civo instance, deletes, recycles or scales to zero Kubernetes nodes, or detaches a volume',
    hint: 'Move traffic off it first, and drain Kubernetes nodes (`kubectl drain`)',
    match: ['civo instance stop web-prod-1', 'civo kubernetes node-pool delete acme-prod workers-2 -y', 'civo kubernetes recycle acme-prod --node k3s-acme-prod-node-1', 'civo volume detach pg-data-prod -y'],
    noMatch: ['civo instance start web-prod-1', 'civo kubernetes node-pool scale acme-prod workers-2 --nodes 3', 'civo volume attach pg-data-prod web-prod-1'],
  }),
  civo({
    id: 'civo.network-remove',
    paths: [
      [['firewall', 'firewalls', 'loadbalancer', 'loadbalancers', 'lb', 'network', 'networks', 'net', 'ip', 'ips'], CREMOVE],
      [['firewall', 'firewalls'], 'rule', CREMOVE], [['domain', 'domains'], [...CREMOVE, 'record']],
    ],
    when: (_a, p) => p[1] !== 'record' || CREMOVE.includes(p[2] ?? ''),
    severity: 'high',
    summary: 'Deletes a Civo firewall or rule, load balancer, network, reserved IP, DNS domain or record; its traffic stops or names stop resolving',
    hint: 'Show it first so it can be recreated, and move traffic or DNS off it',
    match: ['civo firewall remove web-fw -y', 'civo firewall rule remove web-fw 9a8b7c6d -y', 'civo domain remove acme.com -y', 'civo domain record remove acme.com 1f2e3d4c -y'],
    noMatch: ['civo firewall list', 'civo domain record list acme.com', 'civo domain record create acme.com --name www --type A --value 203.0.113.7'],
  }),
  civo({
    id: 'civo.sshkey-remove',
    paths: [[['sshkey', 'sshkeys', 'ssh', 'ssh-key'], CREMOVE]],
    severity: 'low',
    summary: 'Deletes an SSH key from the Civo account',
    hint: 'Check nothing still deploys with it',
    match: ['civo sshkey remove laptop -y'],
    noMatch: ['civo sshkey list'],
  }),
];

/* ---------------------------------------------------------------- UpCloud */

const upctl = cli({ programs: ['upctl'], shape: { valueFlags: new Set(['-o', '--output', '--config', '-t', '--client-timeout']) } });
const U_K8S = ['kubernetes', 'k8s', 'uks'];

const upcloudRules: readonly Rule[] = [
  upctl({
    id: 'upctl.server-delete',
    paths: [
      [['server', 'storage', 'database', 'db', ...U_K8S, 'objectstorage', 'object-storage'], 'delete'],
      ['storage', 'backup', 'restore'],
    ],
    severity: 'critical',
    summary: 'Deletes an UpCloud server (with --delete-storages, its disks), storage, managed database, Kubernetes cluster or object storage, or restores a backup over a storage',
    hint: 'Back the storage up first (`upctl storage backup create`), or stop the server until you are sure',
    match: ['upctl server delete web-prod-1 --delete-storages', 'upctl storage delete 01f3a5c7-9e1b-4d3f-8a5c-7e9b1d3f5a7c', 'upctl database delete orders-prod', 'upctl kubernetes delete acme-prod', 'upctl storage backup restore 01f3a5c7-9e1b-4d3f-8a5c-7e9b1d3f5a7c'],
    noMatch: ['upctl server list', 'upctl server show web-prod-1', 'upctl storage backup create 01f3a5c7 --title pre-upgrade', 'upctl database list'],
  }),
  upctl({
    id: 'upctl.server-stop',
    paths: [['server', 'stop'], ['database', 'stop'], [U_K8S, 'nodegroup', 'delete'], ['server', 'storage', 'detach']],
    severity: 'high',
    summary: 'Stops an UpCloud server or database, deletes a Kubernetes node group, or detaches a storage from a server',
    hint: 'Move traffic off it first; use `upctl server restart` for a reboot',
    match: ['upctl server stop web-prod-1', 'upctl server stop web-* --type hard', 'upctl kubernetes nodegroup delete acme-prod --name workers', 'upctl server storage detach web-prod-1 --address virtio:1'],
    noMatch: ['upctl server start web-prod-1', 'upctl server restart web-prod-1', 'upctl kubernetes nodegroup create acme-prod --name workers-2 --count 3'],
  }),
  upctl({
    id: 'upctl.network-delete',
    paths: [[['loadbalancer', 'lb', 'network', 'router', 'gateway'], 'delete'], [['ip-address', 'ip'], 'remove']],
    severity: 'high',
    summary: 'Deletes an UpCloud load balancer, network, router or gateway, or releases an IP address; its traffic stops',
    hint: 'Show it first (`upctl … show`) so it can be recreated, and move traffic off it',
    match: ['upctl loadbalancer delete lb-prod', 'upctl network delete backend-net', 'upctl ip-address remove 203.0.113.25'],
    noMatch: ['upctl loadbalancer list', 'upctl network show backend-net', 'upctl ip-address list'],
  }),
];

/* ---------------------------------------------------------------- OpenStack and its legacy clients */

const OPENSTACK_FLAGS = [
  '--os-cloud', '--os-auth-url', '--os-project-name', '--os-project-id', '--os-username', '--os-password', '--os-region-name',
  '--os-domain-name', '--os-user-domain-name', '--os-project-domain-name', '--os-interface', '--os-identity-api-version', '--os-token',
  '-f', '--format', '-c', '--column',
];
const openstack = cli({ programs: ['openstack'], shape: { valueFlags: new Set(OPENSTACK_FLAGS) } });
const legacy = cli({ programs: ['nova', 'cinder', 'heat', 'glance', 'neutron'], shape: { valueFlags: new Set(OPENSTACK_FLAGS) } });
const OS_TARGETS = ['--os-cloud', '--os-project-name'];

const openstackRules: readonly Rule[] = [
  openstack({
    id: 'openstack.server-delete',
    paths: [['server', ['delete', 'rebuild']]],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes OpenStack servers or rebuilds one from an image; the data on their ephemeral disks is gone',
    hint: 'Snapshot the server first (`openstack server image create`), or stop it until you are sure',
    match: ['openstack server delete web-prod-1', 'openstack --os-cloud prod server delete api-1 api-2 --wait', 'openstack server rebuild --image ubuntu-24.04 db-staging'],
    noMatch: ['openstack server list', 'openstack server show web-prod-1', 'openstack server create --flavor m1.small --image ubuntu-24.04 web-prod-3', 'openstack server image create --name pre-upgrade web-prod-1'],
  }),
  openstack({
    id: 'openstack.server-stop',
    paths: [['server', ['stop', 'shelve', 'suspend', 'pause']], ['server', 'remove', 'volume']],
    targetFlags: OS_TARGETS,
    severity: 'high',
    summary: 'Stops, shelves, suspends or pauses OpenStack servers, or detaches a volume from one; they stop serving',
    hint: 'Move traffic off the server first; use `openstack server reboot` for a restart',
    match: ['openstack server stop web-prod-1', 'openstack --os-cloud prod server shelve api-1', 'openstack server remove volume db-prod-1 pgdata'],
    noMatch: ['openstack server start web-prod-1', 'openstack server unshelve api-1', 'openstack server add volume db-prod-1 pgdata', 'openstack server reboot web-prod-1'],
  }),
  openstack({
    id: 'openstack.volume-delete',
    paths: [['volume', 'delete'], ['volume', ['snapshot', 'backup'], 'delete'], ['volume', 'backup', 'restore'], ['share', 'delete'], ['share', 'snapshot', 'delete'], ['image', 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes OpenStack volumes, volume snapshots or backups, file shares or images, or restores a backup over a volume',
    hint: 'Back the volume up first (`openstack volume backup create`) and check nothing is attached to it',
    match: ['openstack volume delete pgdata-prod', 'openstack volume snapshot delete nightly-2024-05-01', 'openstack volume backup delete pgdata-backup-1', 'openstack image delete web-prod-snapshot', 'openstack --os-cloud prod volume delete --purge logs-vol'],
    noMatch: ['openstack volume list', 'openstack volume show pgdata-prod', 'openstack volume backup create --name pre-upgrade pgdata-prod', 'openstack image list'],
  }),
  openstack({
    id: 'openstack.stack-delete',
    paths: [['stack', 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes an OpenStack Heat stack and every resource it created',
    hint: 'Review the stack resources first (`openstack stack resource list`) and delete through the pipeline that manages it',
    match: ['openstack stack delete app-prod --yes --wait', 'openstack --os-cloud staging stack delete rentals-stg -y'],
    noMatch: ['openstack stack list', 'openstack stack show app-prod', 'openstack stack update app-prod -t app.yaml'],
  }),
  openstack({
    id: 'openstack.project-delete',
    paths: [[['project', 'domain'], 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes an OpenStack project or domain; everything in it is orphaned and its users lose access',
    hint: 'Disable the project first (`openstack project set --disable`) and clean its resources up deliberately',
    match: ['openstack project delete acme-prod', 'openstack domain delete partners'],
    noMatch: ['openstack project list', 'openstack project set --disable acme-prod', 'openstack project create acme-dev'],
  }),
  openstack({
    id: 'openstack.access-delete',
    paths: [[['user', 'group', 'role', 'application'], 'delete'], ['application', 'credential', 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'high',
    summary: 'Deletes an OpenStack user, group, role or application credential; whoever or whatever signs in with it is locked out',
    hint: 'Disable the user first (`openstack user set --disable`) and roll out replacement credentials',
    match: ['openstack user delete deploy-bot', 'openstack application credential delete ci-prod'],
    noMatch: ['openstack user list', 'openstack user set --disable deploy-bot', 'openstack application credential list'],
  }),
  openstack({
    id: 'openstack.network-delete',
    paths: [
      [['network', 'subnet', 'router', 'port', 'loadbalancer', 'recordset'], 'delete'], [['security', 'floating'], ['group', 'ip'], 'delete'],
      ['security', 'group', 'rule', 'delete'], ['router', 'remove', 'subnet'],
    ],
    targetFlags: OS_TARGETS,
    severity: 'high',
    summary: 'Deletes an OpenStack network, subnet, router, port, security group or rule, floating IP, load balancer or DNS record set; its traffic stops',
    hint: 'Show it first so it can be recreated, and move traffic or DNS off it',
    match: ['openstack network delete backend-net', 'openstack floating ip delete 203.0.113.25', 'openstack security group rule delete 3b1c5e7a-9d2f-4b6c-8e0a-1c3e5a7b9d2f', 'openstack loadbalancer delete --cascade lb-prod'],
    noMatch: ['openstack network list', 'openstack floating ip create public', 'openstack security group rule list web'],
  }),
  openstack({
    id: 'openstack.zone-delete',
    paths: [['zone', 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes an OpenStack DNS zone; every name in it stops resolving',
    hint: 'Export the zone first (`openstack zone export create`) and move the delegation before deleting',
    match: ['openstack zone delete acme.com.'],
    noMatch: ['openstack zone list', 'openstack zone show acme.com.'],
  }),
  openstack({
    id: 'openstack.cluster-delete',
    paths: [[['database', 'coe'], ['instance', 'cluster'], 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes an OpenStack Trove database instance or Magnum Kubernetes cluster and what runs in it',
    hint: 'Back the database or workloads up first',
    match: ['openstack database instance delete orders-prod', 'openstack coe cluster delete k8s-staging'],
    noMatch: ['openstack database instance list', 'openstack coe cluster config k8s-staging'],
  }),
  openstack({
    id: 'openstack.keypair-delete',
    paths: [['keypair', 'delete']],
    targetFlags: OS_TARGETS,
    severity: 'low',
    summary: 'Deletes an OpenStack key pair',
    hint: 'Check nothing still deploys with it',
    match: ['openstack keypair delete laptop'],
    noMatch: ['openstack keypair list'],
  }),
  legacy({
    id: 'openstack.legacy-delete',
    paths: [[['delete', 'force-delete', 'rebuild', 'snapshot-delete', 'backup-delete', 'stack-delete', 'image-delete', 'net-delete', 'subnet-delete', 'router-delete']]],
    targetFlags: OS_TARGETS,
    severity: 'critical',
    summary: 'Deletes OpenStack servers, volumes, snapshots, backups, stacks, images or networks with the legacy nova, cinder, heat, glance or neutron client',
    hint: 'Snapshot or back up first, and prefer the `openstack` client where the command is easier to read',
    match: ['nova delete web-prod-1', 'cinder delete pgdata-prod', 'heat stack-delete app-prod', 'glance image-delete 3b1c5e7a-9d2f-4b6c-8e0a-1c3e5a7b9d2f', 'neutron net-delete backend-net'],
    noMatch: ['nova list', 'cinder show pgdata-prod', 'heat stack-list', 'glance image-list', 'neutron net-list'],
  }),
  legacy({
    id: 'openstack.legacy-stop',
    paths: [[['stop', 'shelve', 'suspend', 'pause', 'volume-detach']]],
    targetFlags: OS_TARGETS,
    severity: 'high',
    summary: 'Stops, shelves or suspends an OpenStack server, or detaches a volume, with the legacy nova client',
    hint: 'Move traffic off the server first; use `nova reboot` for a restart',
    match: ['nova stop web-prod-1', 'nova volume-detach db-prod-1 3b1c5e7a-9d2f-4b6c-8e0a-1c3e5a7b9d2f'],
    noMatch: ['nova start web-prod-1', 'nova reboot web-prod-1'],
  }),
];

/* ---------------------------------------------------------------- API-action CLIs: Alibaba (aliyun), Tencent (tccli), Huawei (KooCLI) */

/** Actions that delete or reset data-bearing resources: `DeleteDBInstance`, `TerminateInstances`, `ResetDisk`. */
const DATA_ACTION = /^(?:(?:delete|terminate|destroy|release|offline|purge)\w*?(?:instances?|disks?|snapshots?|clusters?|databases?|backups?|buckets?|volumes?|images?|filesystems?|servers?|tables?)|reinitdisks?|resetdisks?|resetinstances?|clearinstance|flushinstance)$/;
/** Every other destructive action (`apiAction` leaves tag edits out). */
const OTHER_ACTION = /^(?:delete|terminate|destroy|release|remove|detach|stop|isolate|offline|revoke|disassociate|unassociate|reset|reinit|clear|purge|flush)/;

interface ApiCli extends Cli {
  /** Whether the first word names a product of this CLI (`ecs`, `cvm`, Huawei's upper-case `ECS`). */
  readonly product: (word: string) => boolean;
}

/** The action word as written, when it is one (`DeleteInstance`; the ROA style's `DELETE`). */
function apiAction(a: Args, c: ApiCli): string | undefined {
  const [product, action] = commandPath(a, c.shape);
  if (product === undefined || action === undefined || !c.product(product) || !/^[A-Z]/.test(action) || action.includes('Tag')) return undefined;
  // `--DryRun true` only checks the request.
  if (/^true$/i.test(a.value('--DryRun') ?? '')) return undefined;
  return action.toLowerCase();
}

/** Two rules per API-action CLI: actions that lose data are critical, the other destructive ones high. */
function apiRules(c: ApiCli, family: string, name: string, examples: {
  readonly data: readonly string[]; readonly other: readonly string[]; readonly benign: readonly string[];
}): Rule[] {
  const rule = cli(c);
  return [
    rule({
      id: `${family}.delete-data`,
      paths: [[]],
      operandsAreTargets: false,
      when: (a) => DATA_ACTION.test(apiAction(a, c) ?? ''),
      severity: 'critical',
      summary: `Deletes, terminates or resets ${name} instances, databases, disks, snapshots, clusters or buckets`,
      hint: 'Take a snapshot or backup first, and turn on release (deletion) protection for production resources',
      match: examples.data,
      noMatch: [...examples.benign, ...examples.other],
    }),
    rule({
      id: `${family}.delete`,
      paths: [[]],
      operandsAreTargets: false,
      when: (a) => {
        const action = apiAction(a, c) ?? '';
        return OTHER_ACTION.test(action) && !DATA_ACTION.test(action);
      },
      severity: 'high',
      summary: `Deletes, stops, releases or detaches ${name} resources (networks, keys, IPs, security groups, running instances)`,
      hint: 'Describe the resource first so it can be recreated, and check what depends on it',
      match: examples.other,
      noMatch: [...examples.benign, ...examples.data],
    }),
  ];
}

const ALIYUN_SKIP = ['configure', 'oss', 'auto-completion', 'version'];

const apiCliRules: readonly Rule[] = [
  ...apiRules({
    programs: ['aliyun'],
    shape: { valueFlags: new Set(['-p', '--profile', '--region', '--mode', '--endpoint', '--access-key-id', '--access-key-secret', '--sts-token']) },
    product: (w) => !ALIYUN_SKIP.includes(w.toLowerCase()),
  }, 'aliyun', 'Alibaba Cloud', {
    data: [
      'aliyun ecs DeleteInstance --InstanceId i-bp67acfmxazb4ph3xxxx --Force true',
      'aliyun rds DeleteDBInstance --DBInstanceId rm-uf6wjk5xxxxxxx',
      'aliyun --profile prod ecs DeleteInstances --RegionId cn-hangzhou --InstanceId.1 i-bp1 --Force true',
      'aliyun ecs ResetDisk --DiskId d-bp1 --SnapshotId s-bp1',
      'aliyun cs DeleteCluster --ClusterId c82e6987e2961451182edacd74faxxxxx',
    ],
    other: ['aliyun ecs StopInstance --InstanceId i-bp67acfmxazb4ph3xxxx', 'aliyun slb DeleteLoadBalancer --LoadBalancerId lb-bp1', 'aliyun vpc ReleaseEipAddress --AllocationId eip-bp1'],
    benign: ['aliyun ecs DescribeInstances --RegionId cn-hangzhou', 'aliyun rds DescribeDBInstances', 'aliyun ecs DeleteInstance --InstanceId i-bp67acfmxazb4ph3xxxx --DryRun true', 'aliyun ecs CreateSnapshot --DiskId d-bp1', 'aliyun ecs RemoveTags --ResourceId i-bp1 --Tag.1.Key env', 'aliyun configure delete --profile old'],
  }),
  ...apiRules({
    programs: ['tccli'],
    shape: { valueFlags: new Set(['--profile', '--region', '--output', '--endpoint', '--secretId', '--secretKey']) },
    product: (w) => w.toLowerCase() !== 'configure',
  }, 'tccli', 'Tencent Cloud', {
    data: [
      'tccli cvm TerminateInstances --InstanceIds \'["ins-r8hr2upy"]\'',
      'tccli cdb OfflineIsolatedInstances --InstanceIds \'["cdb-prod01"]\'',
      'tccli tke DeleteCluster --ClusterId cls-7ph3twqe --InstanceDeleteMode terminate',
      'tccli cbs TerminateDisks --DiskIds \'["disk-abc"]\' --region ap-guangzhou',
    ],
    other: ['tccli cvm StopInstances --InstanceIds \'["ins-r8hr2upy"]\'', 'tccli cdb IsolateDBInstance --InstanceId cdb-prod01', 'tccli clb DeleteLoadBalancer --LoadBalancerIds \'["lb-1"]\''],
    benign: ['tccli cvm DescribeInstances --region ap-guangzhou', 'tccli cdb DescribeDBInstances', 'tccli cvm StartInstances --InstanceIds \'["ins-r8hr2upy"]\'', 'tccli configure list'],
  }),
  ...apiRules({
    programs: ['hcloud'],
    shape: { valueFlags: new Set(['--cli-profile', '--cli-region', '--cli-mode']) },
    // Huawei's KooCLI shares the name with Hetzner's hcloud; its products are upper-case.
    product: (w) => /^[A-Z][A-Z0-9]+$/.test(w),
  }, 'huaweicloud', 'Huawei Cloud', {
    data: ['hcloud ECS DeleteServers --cli-region=cn-north-4 --servers.1.id=9d8c7b6a --delete_volume=true', 'hcloud RDS DeleteInstance --cli-region=cn-north-4 --instance_id=5a7c9e1b'],
    other: ['hcloud EIP DeletePublicip --cli-region=cn-north-4 --publicip_id=1a2b3c4d', 'hcloud VPC DeleteSecurityGroup --cli-region=cn-north-4 --security_group_id=1a2b'],
    benign: ['hcloud ECS ListServersDetails --cli-region=cn-north-4', 'hcloud server delete app-prod-1', 'hcloud RDS ListInstances --cli-region=cn-north-4'],
  }),
];

const aliyunOss = cli({ programs: ['aliyun'], shape: { valueFlags: new Set(['-p', '--profile', '--region', '-e', '--endpoint']) } });
const ossWhole = (a: Args): boolean => a.has('-r', '--recursive', '-b', '--bucket', '-a', '--all-versions');

const aliyunOssRules: readonly Rule[] = [
  aliyunOss({
    id: 'aliyun.oss-rm-recursive',
    paths: [['oss', ['rm', 'rb']]],
    when: (a, p) => p[1] === 'rb' || ossWhole(a),
    severity: 'critical',
    summary: 'Deletes every object under an Alibaba Cloud OSS bucket or prefix, or the bucket itself',
    hint: 'List what matches with `aliyun oss ls` first and keep bucket versioning on',
    match: ['aliyun oss rm oss://acme-prod-backups/db/ -r -f', 'aliyun oss rm oss://rentals-logs -b -f'],
    noMatch: ['aliyun oss rm oss://acme-prod-backups/db/2024-05-01.dump', 'aliyun oss ls oss://acme-prod-backups', 'aliyun oss cp -r ./dist oss://www-prod/'],
  }),
  aliyunOss({
    id: 'aliyun.oss-rm',
    paths: [['oss', 'rm']],
    when: (a) => !ossWhole(a),
    severity: 'high',
    summary: 'Deletes an object from an Alibaba Cloud OSS bucket',
    hint: 'Check the key with `aliyun oss ls` first and keep bucket versioning on',
    match: ['aliyun oss rm oss://acme-prod-backups/db/2024-05-01.dump'],
    noMatch: ['aliyun oss ls oss://acme-prod-backups', 'aliyun oss rm -r -f oss://acme-tmp/'],
  }),
];

/* ---------------------------------------------------------------- DigitalOcean verbs cloud.ts leaves out */

const doctl = cli({
  programs: ['doctl'],
  shape: { valueFlags: new Set(['--access-token', '-t', '--output', '-o', '--config', '-c', '--context', '--api-url', '-u', '--format']) },
});
const DO_COMPUTE = ['compute', 'c'];
const DO_DELETE = ['delete', 'd', 'del', 'rm'];
const DO_DB = ['databases', 'database', 'db', 'dbs', 'd'];
const DO_REGISTRY = ['registry', 'reg', 'r'];

const digitalOceanRules: readonly Rule[] = [
  doctl({
    id: 'doctl.droplet-rebuild',
    paths: [[DO_COMPUTE, 'droplet-action', ['rebuild', 'restore']]],
    severity: 'critical',
    summary: 'Rebuilds a DigitalOcean Droplet from an image or restores a backup over it; what is on its disk now is gone',
    hint: 'Take a snapshot first (`doctl compute droplet-action snapshot`)',
    match: ['doctl compute droplet-action rebuild 386734086 --image ubuntu-24-04-x64', 'doctl compute droplet-action restore 386734086 --image-id 7555620 --wait'],
    noMatch: ['doctl compute droplet-action snapshot 386734086 --snapshot-name pre-upgrade', 'doctl compute droplet-action get 386734086 --action-id 1'],
  }),
  doctl({
    id: 'doctl.droplet-power-off',
    paths: [[DO_COMPUTE, 'droplet-action', ['power-off', 'shutdown', 'power-cycle']]],
    severity: 'high',
    summary: 'Powers off, shuts down or power-cycles a DigitalOcean Droplet; it stops serving',
    hint: 'Move traffic off the Droplet first; use `doctl compute droplet-action reboot` for a clean restart',
    match: ['doctl compute droplet-action power-off 386734086', 'doctl compute droplet-action shutdown 386734086 --wait', 'doctl --context acme compute droplet-action power-cycle 386734086'],
    noMatch: ['doctl compute droplet-action power-on 386734086', 'doctl compute droplet-action reboot 386734086', 'doctl compute droplet list'],
  }),
  doctl({
    id: 'doctl.volume-detach',
    paths: [[DO_COMPUTE, 'volume-action', 'detach']],
    severity: 'high',
    summary: 'Detaches a DigitalOcean volume from its Droplet; whatever runs on it loses its disk',
    hint: 'Stop the service using the volume and unmount it first',
    match: ['doctl compute volume-action detach 7724db7c-e098-11e5-b522-000f53304e51 386734086'],
    noMatch: ['doctl compute volume-action attach 7724db7c-e098-11e5-b522-000f53304e51 386734086', 'doctl compute volume list'],
  }),
  doctl({
    id: 'doctl.registry-delete',
    paths: [[DO_REGISTRY, DO_DELETE], ['registries', DO_DELETE]],
    severity: 'critical',
    summary: 'Deletes a DigitalOcean container registry with every image in it',
    hint: 'Check nothing still pulls these images, and copy the ones to keep to another registry first',
    match: ['doctl registry delete --force', 'doctl registry delete acme-registry', 'doctl registries rm acme-staging -f'],
    noMatch: ['doctl registry get', 'doctl registry login', 'doctl registry repository list-v2'],
  }),
  doctl({
    id: 'doctl.registry-manifest-delete',
    paths: [[DO_REGISTRY, ['repository', 'repo', 'r'], ['delete-manifest', 'dm', 'delete-tag', 'dt']]],
    severity: 'high',
    summary: 'Deletes image manifests or tags from a DigitalOcean container registry; deployments that pull them fail',
    hint: 'Check nothing still deploys these tags, and let garbage collection reclaim space afterwards',
    match: ['doctl registry repository delete-manifest api sha256:a67c20e45178d90cbe686575719bd81f279b06842dc77521690e292c1eea685 --force', 'doctl registry repository delete-tag api v1.4.2 v1.4.1'],
    noMatch: ['doctl registry repository list-tags api', 'doctl registry repository list-manifests api'],
  }),
  doctl({
    id: 'doctl.databases-user-delete',
    paths: [[DO_DB, ['user', 'pool', 'replica', 'topic', 'index'], DO_DELETE], [DO_DB, 'user', 'reset'], [DO_DB, ['firewalls', 'firewall'], 'remove']],
    severity: 'high',
    summary: 'Deletes a user, connection pool, replica, topic or index of a DigitalOcean managed database, resets a user\'s password, or removes a trusted source; the apps using it lose their connection',
    hint: 'Move the apps to another user, pool or replica first, and update their secrets right after a reset',
    match: ['doctl databases user delete ca9f591d-f38h-5555-a0ef-1c02d1d1e35 app_rw --force', 'doctl databases pool delete ca9f591d-f38h-5555-a0ef-1c02d1d1e35 web-pool', 'doctl databases replica delete ca9f591d read-replica-1', 'doctl databases firewalls remove ca9f591d --uuid 7ab9e5c1'],
    noMatch: ['doctl databases user list ca9f591d', 'doctl databases pool create ca9f591d web-pool --db app --size 10 --user app', 'doctl databases firewalls list ca9f591d'],
  }),
  doctl({
    id: 'doctl.serverless-delete',
    paths: [[['serverless', 'sls', 'sandbox'], ['namespaces', 'namespace', 'ns'], ['delete', 'rm']], [['serverless', 'sls', 'sandbox'], 'undeploy']],
    severity: 'high',
    summary: 'Deletes a DigitalOcean Functions namespace (with every function in it) or undeploys functions; they stop serving',
    hint: 'Keep the project in source control so it can be redeployed (`doctl serverless deploy`)',
    match: ['doctl serverless namespaces delete fn-5073b12e-7c17-4446-a1dd-5b1c4c247e08 --force', 'doctl serverless undeploy --all', 'doctl serverless undeploy billing/charge'],
    noMatch: ['doctl serverless namespaces list', 'doctl serverless deploy ./functions', 'doctl serverless functions list'],
  }),
  doctl({
    id: 'doctl.kubernetes-node-pool-delete',
    paths: [[['kubernetes', 'k8s', 'kube', 'k'], ['cluster', 'clusters', 'c'], ['node-pool', 'pool', 'np', 'p'], ['delete', 'd', 'rm', 'delete-node', 'replace-node', 'update']]],
    when: (a, p) => p[3] !== 'update' || isZero(a.value('--count')),
    severity: 'high',
    summary: 'Deletes a DigitalOcean Kubernetes node pool or node, replaces a node, or scales a pool to zero; their pods are evicted',
    hint: 'Add the replacement capacity and drain the nodes first (`kubectl drain`)',
    match: ['doctl kubernetes cluster node-pool delete prod-cluster pool-1 --force', 'doctl k8s cluster node-pool delete-node prod-cluster pool-1 node-abc', 'doctl kubernetes cluster node-pool update prod-cluster pool-1 --count 0'],
    noMatch: ['doctl kubernetes cluster node-pool list prod-cluster', 'doctl kubernetes cluster node-pool update prod-cluster pool-1 --count 5', 'doctl kubernetes cluster node-pool create prod-cluster --name pool-2 --size s-2vcpu-4gb --count 3'],
  }),
  doctl({
    id: 'doctl.ssh-key-delete',
    paths: [[DO_COMPUTE, ['ssh-key', 'k'], DO_DELETE]],
    severity: 'low',
    summary: 'Deletes an SSH key from the DigitalOcean account',
    hint: 'Check nothing still deploys with it (`doctl compute ssh-key list`)',
    match: ['doctl compute ssh-key delete 512190 --force'],
    noMatch: ['doctl compute ssh-key list', 'doctl compute ssh-key import laptop --public-key-file ~/.ssh/id_ed25519.pub'],
  }),
];

export const otherCloudsRules: readonly Rule[] = [
  ...linodeRules, ...vultrRules, ...hetznerRules, ...scalewayRules, ...oracleRules, ...ibmRules, ...exoscaleRules,
  ...ovhRules, ...civoRules, ...upcloudRules, ...openstackRules, ...apiCliRules, ...aliyunOssRules, ...digitalOceanRules,
];
