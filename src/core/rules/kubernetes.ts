// Kubernetes (kubectl, oc, kubecolor), the tools that deploy to it (Helm, helmfile, Skaffold, the
// Knative CLI) and HashiCorp Nomad. Deleting a namespace or a volume claim takes data with it;
// deleting workloads, scaling to zero, draining a node or stopping a job takes a service down. `-n`,
// `--context` and `--dry-run` are handled by the engine; the rules name what is deleted.
import { operands, type Args } from './args';
import type { Rule } from './types';

// `k` is the alias the kubectl docs suggest (`alias k=kubectl`).
const KUBECTL = ['kubectl', 'oc', 'kubecolor', 'k'];

// Flags that take a separate value, so `kubectl -n prod delete ns x` reads as `delete ns x`.
const KUBECTL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token',
  '--as', '--as-group', '--as-uid', '-l', '--selector', '-o', '--output', '-f', '--filename', '-k',
  '--kustomize', '--field-selector', '--grace-period', '--timeout', '-c', '--container', '--replicas',
  '--current-replicas', '--resource-version', '-L', '--label-columns', '--sort-by', '--template',
  '--request-timeout', '--certificate-authority', '--client-certificate', '--client-key',
  '--tls-server-name', '--cache-dir', '-v', '--v', '--pod-selector', '--chunk-size', '--field-manager',
  '--prune-allowlist', '--selector-label', '-p', '--patch', '--type', '--skip-wait-for-delete-timeout',
]);

/** Positionals of a kubectl line with flag values removed: `[verb, …resource words]`. */
function kpath(a: Args): string[] {
  // What follows `--` is a command for `exec`/`run`, never a resource.
  const dash = a.list.indexOf('--');
  return operands(dash < 0 ? a.list : a.list.slice(0, dash), KUBECTL_VALUE_FLAGS);
}

const verbOf = (a: Args): string => (kpath(a)[0] ?? '').toLowerCase();

interface Resources {
  /** Resource kinds, lower-case, API group dropped (`deployments.apps` → `deployments`). */
  readonly kinds: readonly string[];
  readonly names: readonly string[];
}

/** The kinds and names after a verb: `ns foo bar`, `ns/foo pvc/bar`, `deploy,sts web`. */
function resourcesOf(words: readonly string[]): Resources {
  const kinds: string[] = [];
  const names: string[] = [];
  const kind = (w: string): string => (w.toLowerCase().split('.')[0] ?? '');
  words.forEach((word, i) => {
    const slash = word.indexOf('/');
    if (slash > 0) {
      kinds.push(kind(word.slice(0, slash)));
      names.push(word.slice(slash + 1));
    } else if (i === 0) {
      kinds.push(...word.split(',').map(kind));
    } else {
      names.push(word);
    }
  });
  return { kinds, names };
}

function deleted(a: Args): Resources | undefined {
  const p = kpath(a);
  if ((p[0] ?? '').toLowerCase() !== 'delete') return undefined;
  return resourcesOf(p.slice(1));
}

/** The deleted kinds with their API group (`clusters.postgresql.cnpg.io`): the group often names what it is. */
function deletedKindsWithGroup(a: Args): string[] {
  const p = kpath(a);
  if ((p[0] ?? '').toLowerCase() !== 'delete') return [];
  return p.slice(1).flatMap((w, i) => {
    const slash = w.indexOf('/');
    if (slash > 0) return [w.slice(0, slash).toLowerCase()];
    return i === 0 ? w.toLowerCase().split(',') : [];
  });
}

function deletesKind(kinds: ReadonlySet<string>): (a: Args) => boolean {
  return (a) => deleted(a)?.kinds.some((k) => kinds.has(k)) ?? false;
}

const NAMESPACE_KINDS: ReadonlySet<string> = new Set(['namespace', 'namespaces', 'ns', 'project', 'projects']);
const VOLUME_KINDS: ReadonlySet<string> = new Set([
  'pvc', 'persistentvolumeclaim', 'persistentvolumeclaims', 'pv', 'persistentvolume', 'persistentvolumes',
]);
const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'deploy', 'deployment', 'deployments', 'sts', 'statefulset', 'statefulsets', 'ds', 'daemonset', 'daemonsets',
  'deploymentconfig', 'deploymentconfigs', 'dc', 'replicationcontroller', 'replicationcontrollers', 'rc',
  // A cron job's runs (backups, cleanups) stop with it.
  'cronjob', 'cronjobs', 'cj',
]);
// Deleting these cuts traffic to the pods behind them (and a LoadBalancer's address goes with it).
const NETWORK_KINDS: ReadonlySet<string> = new Set([
  'svc', 'service', 'services', 'ing', 'ingress', 'ingresses', 'route', 'routes', 'gateway', 'gateways',
  'httproute', 'httproutes', 'virtualservice', 'virtualservices', 'vs',
]);
// Pods that mount or read these fail to start; a secret's value may exist nowhere else.
const CONFIG_KINDS: ReadonlySet<string> = new Set(['secret', 'secrets', 'configmap', 'configmaps', 'cm']);
const NODE_KINDS: ReadonlySet<string> = new Set(['node', 'nodes', 'no']);
// Custom resources of database, cache, queue and storage operators (CloudNativePG, Zalando, Crossplane,
// ACK…): deleting one makes the operator delete the database or bucket behind it.
const DATA_RESOURCE = /postgres|mysql|maria|mongo|redis|valkey|cassandra|elasticsearch|opensearch|kafka|rabbitmq|database|dbinstance|dbcluster|sqlinstance|rdsinstance|bucket|snapshot|backup/;
const CRD_KINDS: ReadonlySet<string> = new Set(['crd', 'crds', 'customresourcedefinition', 'customresourcedefinitions']);

const allNamespaces = (a: Args): boolean => a.has('--all-namespaces', '-A');
const deletedNames = (a: Args): readonly string[] => deleted(a)?.names ?? [];

const kubectlRules: readonly Rule[] = [
  {
    id: 'kubernetes.delete-namespace',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Deletes a namespace and every resource in it, volume claims included',
    hint: 'Back up the namespace (Velero, or `kubectl get all,pvc,secret,configmap -o yaml`) and check the context first',
    match: deletesKind(NAMESPACE_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete namespace payments-prod', 'kubectl --context prod-eks delete ns api', 'kubectl delete namespace/staging --wait=false', 'oc delete project rentals-prod'],
      noMatch: ['kubectl get ns', 'kubectl create namespace preview-42', 'kubectl delete pod api-7d9f -n prod', 'kubectl describe namespace payments-prod'],
    },
  },
  {
    id: 'kubernetes.delete-volume',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Deletes persistent volumes or volume claims; with a Delete reclaim policy the disk goes too',
    hint: 'Snapshot the volume (VolumeSnapshot or the cloud disk) and check its reclaim policy first',
    match: deletesKind(VOLUME_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete pvc data-postgres-0 -n prod', 'kubectl delete persistentvolumeclaim/redis-data', 'kubectl -n db delete pv pvc-3f1c2b7e-1d2a'],
      noMatch: ['kubectl get pvc -n prod', 'kubectl describe pv pvc-3f1c2b7e-1d2a', 'kubectl delete pod postgres-0 -n prod'],
    },
  },
  {
    id: 'kubernetes.delete-workload',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes deployments, statefulsets or daemonsets and the pods they run',
    hint: 'Scale down or roll back instead, and keep the manifest so it can be re-applied',
    match: deletesKind(WORKLOAD_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete deployment api -n production', 'kubectl delete sts postgres', 'kubectl delete deploy/web statefulset/db', 'kubecolor delete deployments.apps worker', 'kubectl delete cronjob nightly-backup -n prod', 'k delete deploy api'],
      noMatch: ['kubectl rollout restart deployment api -n production', 'kubectl get deployments', 'kubectl delete pod api-7d9f-x2k -n production'],
    },
  },
  {
    id: 'kubernetes.delete-service',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes a Service, Ingress or route, cutting traffic to the pods behind it (a load balancer\'s address goes too)',
    hint: 'Keep the manifest to re-apply it, and check the namespace and context first',
    match: deletesKind(NETWORK_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete svc api -n prod', 'kubectl delete service postgres', 'kubectl delete ingress web -n production', 'oc delete route frontend', 'k delete ing/api'],
      noMatch: ['kubectl get svc', 'kubectl describe ingress web', 'kubectl delete pod web-0'],
    },
  },
  {
    id: 'kubernetes.delete-config',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes a Secret or ConfigMap that pods read; they fail to start, and a secret\'s value may exist nowhere else',
    hint: 'Export it first (`kubectl get secret NAME -o yaml` to a safe place) and check which pods use it',
    match: deletesKind(CONFIG_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete secret db-creds', 'kubectl delete configmap app-config -n prod', 'kubectl delete cm/nginx-conf', 'k delete secrets tls-cert -n ingress'],
      noMatch: ['kubectl get secrets', 'kubectl create secret generic db-creds --from-env-file=.env', 'kubectl describe configmap app-config'],
    },
  },
  {
    id: 'kubernetes.delete-node',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Removes a node from the cluster; its pods are evicted and it stops taking work',
    hint: 'Drain it first (`kubectl drain NODE --ignore-daemonsets`) and check spare capacity',
    match: deletesKind(NODE_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete node ip-10-0-1-23.ec2.internal', 'kubectl delete nodes worker-3 worker-4'],
      noMatch: ['kubectl get nodes', 'kubectl cordon worker-3', 'kubectl describe node worker-3'],
    },
  },
  {
    id: 'kubernetes.delete-data-resource',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes an operator-managed database, cache, queue, bucket or backup resource; the operator deletes what it manages',
    hint: 'Check the resource\'s deletion / reclaim policy and take a backup first (`kubectl get KIND NAME -o yaml`)',
    match: (a) => deletedKindsWithGroup(a).some((k) => DATA_RESOURCE.test(k) && !CRD_KINDS.has(k)),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete postgresqlinstance acme-db', 'kubectl delete clusters.postgresql.cnpg.io pg-main -n db', 'kubectl delete redisfailover cache -n prod', 'kubectl delete volumesnapshot nightly-2024-05-01'],
      noMatch: ['kubectl get postgresqlinstance acme-db', 'kubectl describe redisfailover cache', 'kubectl delete pod postgres-0'],
    },
  },
  {
    id: 'kubernetes.delete-crd',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Deletes a custom resource definition, and with it every custom resource of that kind in the cluster',
    hint: 'Export the custom resources first (`kubectl get <kind> -A -o yaml`) and check which operator owns them',
    match: deletesKind(CRD_KINDS),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete crd certificates.cert-manager.io', 'kubectl delete customresourcedefinition/postgresclusters.postgres-operator.crunchydata.com'],
      noMatch: ['kubectl get crd', 'kubectl describe crd certificates.cert-manager.io'],
    },
  },
  {
    id: 'kubernetes.delete-all-namespaces',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Deletes resources across every namespace of the cluster',
    hint: 'List what matches first with `kubectl get … -A`, and delete in one namespace at a time',
    match: (a) => deleted(a) !== undefined && allNamespaces(a),
    targets: deletedNames,
    examples: {
      match: ['kubectl delete pods --all -A', 'kubectl delete deployments --all --all-namespaces', 'kubectl delete all --all --all-namespaces'],
      noMatch: ['kubectl get pods -A', 'kubectl delete pods --all -n preview-42', 'kubectl delete pod web-0'],
    },
  },
  {
    id: 'kubernetes.delete-dynamic',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes resources whose names are only known when the command runs (read from a pipe or a variable)',
    hint: 'List what would be deleted first (the same command with get), then delete those names explicitly',
    // `kubectl get deploy -o name | xargs kubectl delete`, `kubectl delete $(kubectl get … -o name)`.
    match: (a) => {
      const p = kpath(a);
      if ((p[0] ?? '').toLowerCase() !== 'delete' || p.length > 2) return false;
      const words = a.command.argv.filter((w) => w.dynamic && !w.value.startsWith('-'));
      return words.length > 0 && !a.has('-f', '--filename', '-k', '--kustomize', '-l', '--selector', '--all');
    },
    examples: {
      match: ['kubectl get deploy -n staging -o name | xargs -n1 kubectl delete -n staging', 'kubectl delete $(kubectl get pods -o name | grep worker)', 'kubectl delete "$RESOURCE" -n prod'],
      noMatch: ['kubectl get pods -o name | xargs -n1 kubectl describe', 'kubectl delete pod api-7d9f -n prod', 'kubectl delete -f "$MANIFEST"'],
    },
  },
  {
    id: 'kubernetes.remove-finalizers',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Strips the finalizers that stop a resource (a volume claim, a namespace) from being deleted before its cleanup has run',
    hint: 'Find out why the resource is stuck before removing its finalizers; the data behind it may still be in use',
    match: (a) => (kpath(a)[0] ?? '').toLowerCase() === 'patch' && [...a.values('-p', '--patch'), ...a.list].some((v) => /"?finalizers"?\s*:\s*(?:null|\[\s*\])|\/metadata\/finalizers/.test(v)),
    targets: (a) => kpath(a).slice(1),
    examples: {
      match: [`kubectl patch pvc data-mysql-0 -n prod -p '{"metadata":{"finalizers":null}}'`, `kubectl patch ns stuck --type json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`],
      noMatch: [`kubectl patch deploy api -p '{"spec":{"replicas":3}}'`, 'kubectl get pvc -o yaml'],
    },
  },
  {
    id: 'kubernetes.pv-reclaim-delete',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Sets a persistent volume\'s reclaim policy to Delete: once its claim goes, the disk and its data are deleted with it',
    hint: 'Keep persistentVolumeReclaimPolicy: Retain on volumes that hold data, and snapshot the disk before changing it',
    match: (a) => verbOf(a) === 'patch' && a.values('-p', '--patch').some((v) => /persistentVolumeReclaimPolicy/.test(v) && /(?:^|\W)Delete(?:\W|$)/.test(v)),
    targets: (a) => resourcesOf(kpath(a).slice(1)).names,
    examples: {
      match: [`kubectl patch pv pv-1 -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'`,
        `kubectl patch pv/pvc-3f1c --type json -p '[{"op":"replace","path":"/spec/persistentVolumeReclaimPolicy","value":"Delete"}]'`],
      noMatch: [`kubectl patch pv pv-1 -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`, 'kubectl get pv pv-1 -o yaml'],
    },
  },
  {
    id: 'kubernetes.delete-all',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes every resource of a kind in the namespace (`--all`, or the `all` kind)',
    hint: 'List what matches first with `kubectl get`, and delete by name or label instead',
    match: (a) => {
      const r = deleted(a);
      return r !== undefined && !allNamespaces(a) && (a.has('--all') || r.kinds.includes('all'));
    },
    targets: deletedNames,
    examples: {
      match: ['kubectl delete pods --all -n production', 'kubectl delete all --all', 'kubectl -n api delete all -l app=web', 'kubectl delete secrets --all'],
      noMatch: ['kubectl get all -n production', 'kubectl delete pods --all -A', 'kubectl delete pod web-0 -n production'],
    },
  },
  {
    id: 'kubernetes.delete-file',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes every resource defined in the given manifests or kustomization',
    hint: 'Run `kubectl diff -f …` or `kubectl get -f …` first to see what the manifests name',
    match: (a) => verbOf(a) === 'delete' && a.has('-f', '--filename', '-k', '--kustomize'),
    targets: (a) => a.values('-f', '--filename', '-k', '--kustomize'),
    examples: {
      match: ['kubectl delete -f k8s/production/', 'kubectl delete --filename=deploy.yaml -n api', 'kubectl delete -k overlays/prod', 'kubectl delete -R -f manifests/'],
      noMatch: ['kubectl apply -f k8s/production/', 'kubectl get -f deploy.yaml', 'kubectl diff -k overlays/prod'],
    },
  },
  {
    id: 'kubernetes.scale-to-zero',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Scales a workload to zero replicas, taking it offline',
    hint: 'Scale down gradually or route traffic away first; note the current replica count to restore it',
    // `kubectl patch … -p '{"spec":{"replicas":0}}'` does the same.
    match: (a) => (verbOf(a) === 'scale' && a.values('--replicas').some((v) => v.trim() !== '' && Number(v) === 0)) ||
      (verbOf(a) === 'patch' && a.values('-p', '--patch').some((v) => /["']?replicas["']?\s*:\s*0\b/.test(v))),
    targets: (a) => resourcesOf(kpath(a).slice(1)).names,
    examples: {
      match: ['kubectl scale deployment api --replicas=0 -n production', 'kubectl scale --replicas 0 statefulset/postgres', 'oc scale dc/web --replicas=0',
        `kubectl patch deploy api -n production -p '{"spec":{"replicas":0}}'`],
      noMatch: ['kubectl scale deployment api --replicas=3 -n production', 'kubectl scale --replicas 10 deploy/web', 'kubectl get deploy api',
        `kubectl patch deploy api -p '{"spec":{"replicas":3}}'`],
    },
  },
  {
    id: 'kubernetes.drain',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Drains a node: evicts every pod on it and marks it unschedulable',
    hint: 'Check pod disruption budgets and spare capacity first, and `kubectl uncordon` the node afterwards',
    match: (a) => verbOf(a) === 'drain',
    targets: (a) => kpath(a).slice(1),
    examples: {
      match: ['kubectl drain ip-10-0-1-23.ec2.internal --ignore-daemonsets', 'kubectl drain node-prod-3 --delete-emptydir-data --force'],
      noMatch: ['kubectl describe node node-prod-3', 'kubectl uncordon node-prod-3', 'kubectl get nodes'],
    },
  },
  {
    id: 'kubernetes.replace-force',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes and recreates the resources in the manifest, dropping their running pods',
    hint: 'Use `kubectl apply` (or `kubectl diff` first) so the resources are updated in place',
    match: (a) => verbOf(a) === 'replace' && a.has('--force'),
    targets: (a) => a.values('-f', '--filename'),
    examples: {
      match: ['kubectl replace --force -f deploy.yaml', 'kubectl replace -f k8s/prod/api.yaml --force --grace-period=0'],
      noMatch: ['kubectl replace -f deploy.yaml', 'kubectl apply -f deploy.yaml --force-conflicts --server-side'],
    },
  },
  {
    id: 'kubernetes.apply-prune',
    programs: KUBECTL,
    category: 'kubernetes',
    severity: 'high',
    summary: 'Applies manifests and deletes every matching resource that is not in them',
    hint: 'Run `kubectl diff` first and use a narrow label selector with --prune',
    match: (a) => verbOf(a) === 'apply' && a.has('--prune'),
    targets: (a) => a.values('-f', '--filename', '-k', '--kustomize'),
    examples: {
      match: ['kubectl apply --prune -l app=web -f k8s/', 'kubectl apply -f manifests/ --prune --all'],
      noMatch: ['kubectl apply -f k8s/', 'kubectl apply -k overlays/prod --server-side'],
    },
  },
];

const HELM_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--kube-context', '-n', '--namespace', '--kubeconfig', '--kube-apiserver', '--kube-token', '--kube-as-user',
  '--kube-as-group', '--kube-ca-file', '--registry-config', '--repository-cache', '--repository-config',
  '--burst-limit', '--qps', '--timeout', '--description', '--cascade',
]);

function helmPath(a: Args): string[] {
  const out: string[] = [];
  const list = a.list;
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && HELM_VALUE_FLAGS.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

const HELM_UNINSTALL = ['uninstall', 'delete', 'del', 'un'];

const helmRules: readonly Rule[] = [
  {
    id: 'helm.uninstall',
    programs: ['helm'],
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Uninstalls a Helm release, deleting every resource the chart created',
    hint: 'Check the release and namespace with `helm list` and `helm get manifest` first, and keep the values file to reinstall',
    match: (a) => HELM_UNINSTALL.includes((helmPath(a)[0] ?? '').toLowerCase()),
    targets: (a) => helmPath(a).slice(1),
    examples: {
      match: ['helm uninstall api -n production', 'helm delete postgres --kube-context prod-eks', 'helm un redis --keep-history', 'helm -n payments del payments-api'],
      noMatch: ['helm list -n production', 'helm upgrade --install api ./chart -n production', 'helm rollback api 3', 'helm status api'],
    },
  },
  {
    id: 'helm.upgrade-force',
    programs: ['helm'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Upgrades or rolls back a Helm release with --force, which deletes and recreates resources it cannot patch (services lose their address, pods restart at once)',
    hint: 'Run the upgrade without --force (helm diff upgrade shows the changes), and fix the field that cannot be patched instead',
    match: (a) => ['upgrade', 'rollback'].includes((helmPath(a)[0] ?? '').toLowerCase()) && a.has('--force', '--force-replace'),
    targets: (a) => helmPath(a).slice(1, 2),
    examples: {
      match: ['helm upgrade --install api ./chart --force -n prod', 'helm rollback api 3 --force', 'helm upgrade web bitnami/nginx --force-replace'],
      noMatch: ['helm upgrade --install api ./chart -n prod', 'helm rollback api 3', 'helm upgrade web ./chart --force-conflicts'],
    },
  },
];

/* ---------------------------------------------------------------- helmfile, skaffold, kn */

const HELMFILE_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-e', '--environment', '-f', '--file', '-l', '--selector', '-n', '--namespace', '--kube-context', '-b',
  '--helm-binary', '--state-values-set', '--state-values-set-string', '--state-values-file', '--log-level', '-c',
  '--chart', '--args', '--kubeconfig', '--concurrency',
]);
const helmfileVerb = (a: Args): string => (operands(a.list, HELMFILE_VALUE_FLAGS)[0] ?? '').toLowerCase();

const SKAFFOLD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-p', '--profile', '-f', '--filename', '-n', '--namespace', '--kube-context', '--kubeconfig', '-m', '--module',
  '-v', '--verbosity', '-c', '--config', '-d', '--default-repo',
]);

const KN_VALUE_FLAGS: ReadonlySet<string> = new Set(['-n', '--namespace', '--kubeconfig', '--context', '--cluster', '--config', '--log-http', '--timeout']);
const knPath = (a: Args): string[] => operands(a.list, KN_VALUE_FLAGS).map((w) => w.toLowerCase());
const KN_KINDS = ['service', 'services', 'ksvc', 'revision', 'revisions', 'broker', 'brokers', 'trigger', 'triggers',
  'channel', 'channels', 'subscription', 'subscriptions', 'domain', 'domains', 'eventtype', 'eventtypes', 'container'];

/** `kn service delete api`, `kn source ping delete nightly`: the deleted kind, when the line deletes. */
function knDeleted(a: Args): { readonly kind: string; readonly names: readonly string[] } | undefined {
  const p = knPath(a);
  if (KN_KINDS.includes(p[0] ?? '') && p[1] === 'delete') return { kind: p[0] ?? '', names: p.slice(2) };
  if (p[0] === 'source' && p[2] === 'delete') return { kind: `source ${p[1] ?? ''}`, names: p.slice(3) };
  return undefined;
}

const deployToolRules: readonly Rule[] = [
  {
    id: 'helmfile.destroy',
    programs: ['helmfile'],
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Uninstalls every Helm release in the helmfile (destroy / delete), deleting every resource their charts created',
    hint: 'Run `helmfile -e … list` and `helmfile -e … diff` first, narrow it with -l name=… to the one release meant, and check the environment and kube context',
    match: (a) => ['destroy', 'delete'].includes(helmfileVerb(a)),
    targets: (a) => a.values('-e', '--environment', '-l', '--selector', '-f', '--file', '--kube-context', '-n', '--namespace'),
    examples: {
      match: ['helmfile -e production destroy', 'helmfile --environment staging -l name=api destroy --skip-charts', 'helmfile -f helmfile.d/prod.yaml delete --purge'],
      noMatch: ['helmfile -e staging diff', 'helmfile -e production apply', 'helmfile list', 'helmfile -e production sync'],
    },
  },
  {
    id: 'skaffold.delete',
    programs: ['skaffold'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes every Kubernetes resource the Skaffold config deploys (for the chosen profile and context)',
    hint: 'Run `skaffold render` first to see what it deploys, and check the profile (-p) and the kube context',
    // `--dry-run` only prints what would be deleted (`--dry-run=false` deletes).
    match: (a) => (operands(a.list, SKAFFOLD_VALUE_FLAGS)[0] ?? '').toLowerCase() === 'delete' &&
      !a.list.some((w) => w === '--dry-run' || /^--dry-run=(?:true|1)$/i.test(w)),
    targets: (a) => a.values('-p', '--profile', '--kube-context', '-n', '--namespace', '-f', '--filename'),
    examples: {
      match: ['skaffold delete -p prod', 'skaffold delete --kube-context prod-gke --namespace api', 'skaffold delete -f skaffold.prod.yaml', 'skaffold delete --dry-run=false'],
      noMatch: ['skaffold dev', 'skaffold run -p prod', 'skaffold render -p prod', 'skaffold delete -p prod --dry-run', 'skaffold delete --dry-run=true'],
    },
  },
  {
    id: 'knative.delete',
    programs: ['kn'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes Knative services, revisions, brokers, triggers or event sources; a deleted service stops serving and a broker drops the events it holds',
    hint: 'Export the resource first (`kn service describe NAME -o yaml`), check the namespace, and shift traffic away before deleting a service',
    match: (a) => knDeleted(a) !== undefined,
    targets: (a) => [...(knDeleted(a)?.names ?? []), ...a.values('-n', '--namespace')],
    examples: {
      match: ['kn service delete api -n production', 'kn revision delete api-00042', 'kn broker delete default -n events', 'kn service delete --all -n staging', 'kn source ping delete nightly'],
      noMatch: ['kn service list', 'kn service describe api -n production', 'kn service update api --image gcr.io/acme/api:v2', 'kn revision list'],
    },
  },
];

/* ---------------------------------------------------------------- nomad */

const NOMAD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-address', '--address', '-region', '--region', '-namespace', '--namespace', '-token', '--token', '-ca-cert',
  '-ca-path', '-client-cert', '-client-key', '-tls-server-name', '-eval-priority', '-type',
]);
const nomadPath = (a: Args): string[] => operands(a.list, NOMAD_VALUE_FLAGS);

/** `nomad job stop JOB` or the older `nomad stop JOB`: the job names, when the line stops one. */
function nomadStopped(a: Args): readonly string[] | undefined {
  const p = nomadPath(a);
  const verb = (p[0] ?? '').toLowerCase();
  if (verb === 'job' && (p[1] ?? '').toLowerCase() === 'stop') return p.slice(2);
  return verb === 'stop' ? p.slice(1) : undefined;
}

const nomadPurges = (a: Args): boolean => a.has('-purge', '--purge');

const nomadRules: readonly Rule[] = [
  {
    id: 'nomad.job-purge',
    programs: ['nomad'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Stops a Nomad job and purges it, with its versions and history, from the cluster state (it cannot be reverted)',
    hint: 'Stop it without -purge (the job can then be started or reverted), check -namespace and NOMAD_ADDR, and keep the job file to resubmit it',
    match: (a) => nomadStopped(a) !== undefined && nomadPurges(a),
    targets: (a) => [...(nomadStopped(a) ?? []), ...a.values('-namespace', '--namespace')],
    examples: {
      match: ['nomad job stop -purge prod-api', 'nomad job stop -namespace=payments -purge -yes billing', 'nomad stop -purge web'],
      noMatch: ['nomad job stop prod-api', 'nomad job status prod-api', 'nomad job run api.nomad.hcl'],
    },
  },
  {
    id: 'nomad.job-stop',
    programs: ['nomad'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Stops a Nomad job, taking all of its allocations offline',
    hint: 'Check -namespace and NOMAD_ADDR first and route traffic away; `nomad job start` or `nomad job revert` brings it back',
    match: (a) => nomadStopped(a) !== undefined && !nomadPurges(a),
    targets: (a) => [...(nomadStopped(a) ?? []), ...a.values('-namespace', '--namespace')],
    examples: {
      match: ['nomad job stop prod-api', 'nomad job stop -namespace=payments -detach billing', 'nomad stop web'],
      noMatch: ['nomad job status prod-api', 'nomad job run api.nomad.hcl', 'nomad job stop -purge prod-api'],
    },
  },
  {
    id: 'nomad.namespace-delete',
    programs: ['nomad'],
    category: 'kubernetes',
    severity: 'high',
    summary: 'Deletes a Nomad namespace; the ACL policies, quotas and job submissions that name it stop working',
    hint: 'List what still uses it first (`nomad job status -namespace NAME`, ACL policies) and check NOMAD_ADDR',
    match: (a) => { const p = nomadPath(a).map((w) => w.toLowerCase()); return p[0] === 'namespace' && p[1] === 'delete'; },
    targets: (a) => nomadPath(a).slice(2),
    examples: {
      match: ['nomad namespace delete payments', 'nomad namespace delete -address=https://nomad.prod.acme.io:4646 api'],
      noMatch: ['nomad namespace list', 'nomad namespace apply -description "api" api', 'nomad namespace status payments'],
    },
  },
  {
    id: 'nomad.volume-delete',
    programs: ['nomad'],
    category: 'kubernetes',
    severity: 'critical',
    summary: 'Deletes a Nomad volume from its storage provider, with the data on it',
    hint: 'Snapshot the volume first (`nomad volume snapshot create`) and check -namespace and NOMAD_ADDR',
    match: (a) => { const p = nomadPath(a).map((w) => w.toLowerCase()); return p[0] === 'volume' && p[1] === 'delete'; },
    targets: (a) => nomadPath(a).slice(2),
    examples: {
      match: ['nomad volume delete pg-data', 'nomad volume delete -type host -namespace prod uploads'],
      noMatch: ['nomad volume status pg-data', 'nomad volume detach pg-data node-1', 'nomad volume snapshot create pg-data'],
    },
  },
];

export const kubernetesRules: readonly Rule[] = [...kubectlRules, ...helmRules, ...deployToolRules, ...nomadRules];
