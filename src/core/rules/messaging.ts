// Message brokers and streams: Kafka (its scripts, Redpanda's rpk, Confluent's CLI, kafkactl,
// kaf), RabbitMQ, NATS, Pulsar, Redis streams, IBM MQ, ActiveMQ, Celery and RQ queues, ZooKeeper,
// the cloud queues (SQS, SNS, MSK, Amazon MQ, Pub/Sub, Service Bus, Event Hubs) and the brokers'
// REST APIs. Deleting a topic, stream or vhost loses the messages in it; deleting a consumer group
// or rewinding its offsets loses where consumers were. Broker addresses (`--bootstrap-server`,
// `-X brokers=`, `-s nats://…`) are returned with the names acted on, so they name the tier.
import { operands, type Args } from './args';
import { decodeUrlPart, HTTP_CLIENTS, requestOf, splitUrl } from './http/request';
import type { Rule } from './types';
import type { Severity } from '../verdict';

// ---------------------------------------------------------------------------------------------
// Shared helpers.

/** `a,b` and repeated flags as one list: `--bootstrap-server k1:9092,k2:9092`. */
const csv = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

/**
 * The names a command acts on, each read as `<hosts>/<name>`: a `localhost` broker then names
 * development on its own instead of being outvoted by a topic name that names no tier, and a topic
 * named `orders-prod` still names production.
 */
function onHosts(hosts: readonly string[], names: readonly string[]): string[] {
  const where = hosts.filter((h) => h !== '').join(',');
  const what = names.filter((n) => n !== '');
  if (!where) return what;
  return what.length === 0 ? [where] : what.map((n) => `${where}/${n}`);
}

/** The operands of a line, lower-cased, with the values of the given flags removed. */
const pathOf = (a: Args, valueFlags: ReadonlySet<string>): string[] => operands(a.list, valueFlags).map((w) => w.toLowerCase());

/** `read`, computed once per command however many rules of a program ask (lines can be long). */
function perCommand<T extends object>(read: (a: Args) => T): (a: Args) => T {
  const cache = new WeakMap<object, T>();
  return (a) => {
    let value = cache.get(a.command);
    if (value === undefined) {
      value = read(a);
      cache.set(a.command, value);
    }
    return value;
  };
}

/** True when `p` starts with one of the paths (each step a word or alternatives). */
function startsWith(p: readonly string[], ...paths: readonly (readonly (string | readonly string[])[])[]): boolean {
  return paths.some((path) => path.every((step, i) => (typeof step === 'string' ? [step] : step).includes(p[i] ?? '')));
}

/** The script names a Kafka tool goes by: `kafka-topics` (Confluent), `kafka-topics.sh`, `kafka-topics.bat`. */
const kafkaScript = (name: string): string[] => [name, `${name}.sh`, `${name}.bat`];

// ---------------------------------------------------------------------------------------------
// Kafka scripts.

function kafkaHosts(a: Args): string[] {
  return [
    ...csv(a.values('--bootstrap-server', '--broker-list', '--bootstrap-controller', '--zookeeper')),
    // `--authorizer-properties zookeeper.connect=zk:2181`
    ...a.values('--authorizer-properties').map((p) => p.replace(/^zookeeper\.connect=/, '')),
    ...a.values('--command-config', '--admin.config', '--config-file'),
  ];
}

const kafkaTargets = (...nameFlags: readonly string[]) => (a: Args): string[] =>
  onHosts(kafkaHosts(a), csv(a.values(...nameFlags)));

/** A retention setting small enough to drop the data already in the topic (`retention.ms=1000`). */
function shrinksRetention(setting: string): boolean {
  const m = /^\s*(?:log\.|local\.)?retention[._](ms|bytes|minutes|hours)\s*=\s*\[?\s*(-?\d+)/i.exec(setting);
  if (!m) return false;
  const value = Number(m[2]);
  if (value < 0) return false;
  switch ((m[1] ?? '').toLowerCase()) {
    case 'ms': return value < 3_600_000;
    case 'minutes': return value < 60;
    case 'hours': return value < 1;
    default: return value < 1_048_576;
  }
}

const shrinksAnyRetention = (values: readonly string[]): boolean => csv(values).some(shrinksRetention);

// ---------------------------------------------------------------------------------------------
// Redpanda rpk, Confluent CLI, kafkactl, kaf.

const RPK_VALUE_FLAGS: ReadonlySet<string> = new Set(['-X', '--config-opt', '--config', '--profile', '--brokers', '--user',
  '--password', '--sasl-mechanism', '--tls-key', '--tls-cert', '--tls-truststore', '--admin-api-urls', '--format',
  '-o', '--offset', '-p', '--partitions', '-f', '--from-file', '--to', '--topics', '--to-group', '--to-file',
  '--from-nodes', '-s', '--set', '--allow-principal', '--deny-principal', '--allow-host', '--deny-host', '--operation',
  '--topic', '--group', '--transactional-id', '--resource-pattern-type', '--registry-urls', '--schema-version']);
const rpkPath = perCommand((a) => pathOf(a, RPK_VALUE_FLAGS));

function rpkHosts(a: Args): string[] {
  const brokers = a.values('-X', '--config-opt').filter((x) => /^(?:brokers|admin\.hosts|registry\.hosts)=/.test(x))
    .map((x) => x.slice(x.indexOf('=') + 1));
  return csv([...brokers, ...a.values('--brokers', '--admin-api-urls')]);
}

const rpkTargets = (depth: number) => (a: Args): string[] =>
  onHosts(rpkHosts(a), [...rpkPath(a).slice(depth), ...a.values('--topic', '--group')]);

const CONFLUENT_VALUE_FLAGS: ReadonlySet<string> = new Set(['--environment', '--cluster', '--context', '-o', '--output',
  '--api-key', '--api-secret', '--schema-registry-endpoint', '--url', '--config', '--ksql-cluster', '--service-account',
  '--kafka-cluster', '--resource', '--subject', '--version', '--principal', '--operations', '--topic', '--consumer-group',
  '--link', '--source-cluster', '--destination-cluster', '--region', '--cloud']);
const confluentPath = perCommand((a) => pathOf(a, CONFLUENT_VALUE_FLAGS));

const KAFKACTL_VALUE_FLAGS: ReadonlySet<string> = new Set(['-C', '--config-file', '--context', '-o', '--output',
  '-t', '--topic', '-g', '--group', '--partition', '--offset', '--to-datetime', '--operation', '--principal']);
const kafkactlPath = perCommand((a) => pathOf(a, KAFKACTL_VALUE_FLAGS));

const KAF_VALUE_FLAGS: ReadonlySet<string> = new Set(['-b', '--brokers', '-c', '--cluster', '--config', '--schema-registry', '-p', '--partitions']);
const kafPath = perCommand((a) => pathOf(a, KAF_VALUE_FLAGS));

// ---------------------------------------------------------------------------------------------
// RabbitMQ.

const RABBITMQCTL_VALUE_FLAGS: ReadonlySet<string> = new Set(['-n', '--node', '-p', '--vhost', '-t', '--timeout',
  '--erlang-cookie', '--formatter']);
/** `rabbitmqctl [-n node] [-p vhost] <command> …` with the command's dashes read as underscores. */
const rabbitmqctlPath = perCommand((a) => {
  const p = pathOf(a, RABBITMQCTL_VALUE_FLAGS);
  return p.length > 0 ? [(p[0] ?? '').replace(/-/g, '_'), ...p.slice(1)] : p;
});
const rabbitmqctlTargets = (a: Args): string[] =>
  onHosts(a.values('-n', '--node'), [...a.values('-p', '--vhost'), ...rabbitmqctlPath(a).slice(1)]);
const rabbitmqctlRuns = (...commands: readonly string[]) => (a: Args): boolean => commands.includes(rabbitmqctlPath(a)[0] ?? '');

const RABBITMQADMIN_VALUE_FLAGS: ReadonlySet<string> = new Set(['-H', '--host', '-P', '--port', '-V', '--vhost', '-u',
  '--username', '-p', '--password', '-U', '--base-uri', '-c', '--config', '-N', '--node', '-f', '--format', '-d', '--depth',
  '-s', '--sort', '--name', '--path-prefix', '--table-style']);
const RABBITMQADMIN_OBJECTS = ['queue', 'queues', 'exchange', 'exchanges', 'vhost', 'vhosts', 'user', 'users', 'binding',
  'bindings', 'policy', 'policies', 'parameter', 'parameters', 'permission', 'permissions', 'shovel', 'shovels',
  'federation_upstream', 'federation-upstream', 'operator_policy', 'operator-policy', 'stream', 'streams'];

/** The object and verb of `rabbitmqadmin delete queue name=x` (v1) or `rabbitmqadmin queues delete --name x` (v2). */
function rabbitmqadminAction(a: Args): { object: string; verb: string } | undefined {
  const p = pathOf(a, RABBITMQADMIN_VALUE_FLAGS);
  const [first = '', second = ''] = p;
  if ((first === 'delete' || first === 'purge') && RABBITMQADMIN_OBJECTS.includes(second)) return { object: second, verb: first };
  if (RABBITMQADMIN_OBJECTS.includes(first) && (second === 'delete' || second === 'purge')) return { object: first, verb: second };
  return undefined;
}

const rabbitmqadminTargets = (a: Args): string[] => onHosts(
  a.values('-H', '--host', '-U', '--base-uri', '-N', '--node'),
  [...a.values('-V', '--vhost', '--name'), ...a.list.filter((w) => /^name=/.test(w)).map((w) => w.slice(5))],
);

// ---------------------------------------------------------------------------------------------
// NATS.

const NATS_VALUE_FLAGS: ReadonlySet<string> = new Set(['-s', '--server', '--user', '--password', '--creds', '--nkey',
  '--tlscert', '--tlskey', '--tlsca', '--context', '--timeout', '--js-domain', '--js-api-prefix', '--js-event-prefix',
  '--inbox-prefix', '--connection-name', '--token', '--socks-proxy', '--colors', '--subject', '--seq', '--keep']);
const natsPath = perCommand((a) => pathOf(a, NATS_VALUE_FLAGS));

const NATS_STREAM = ['stream', 'str', 'st', 'ms', 's'];
const NATS_CONSUMER = ['consumer', 'con', 'obs', 'c'];
const NATS_OBJECT = ['object', 'obj'];
const NATS_REMOVE = ['rm', 'delete', 'del'];

const natsTargets = (a: Args): string[] => onHosts(a.values('-s', '--server'), natsPath(a).slice(2));
/** `kv del BUCKET` and `object rm BUCKET` remove the whole bucket; with a key or file, one entry. */
const natsBucketRemove = (a: Args): boolean => startsWith(natsPath(a), ['kv', NATS_REMOVE], [NATS_OBJECT, NATS_REMOVE]);
const natsFilteredPurge = (a: Args): boolean => a.has('--subject', '--seq', '--keep');

// ---------------------------------------------------------------------------------------------
// Pulsar.

const PULSAR_VALUE_FLAGS: ReadonlySet<string> = new Set(['--admin-url', '--auth-plugin', '--auth-params', '--tls-trust-cert-path',
  '--admin-service-url', '--webServiceUrl', '--bookie-service-url', '--token', '--token-file', '--tls-cert-file', '--tls-key-file',
  '--context', '-s', '--subscription', '-t', '--time', '-m', '--messageId', '-n', '--count', '-p', '--partitions', '--tenant',
  '--namespace', '--name', '--fqfn']);
const pulsarPath = perCommand((a) => pathOf(a, PULSAR_VALUE_FLAGS));
const pulsarTargets = (a: Args): string[] => onHosts(
  a.values('--admin-url', '--admin-service-url', '--webServiceUrl'),
  [...pulsarPath(a).slice(2), ...a.values('--tenant', '--namespace', '--name', '--fqfn')],
);
const PULSAR_TOPICS = ['topics', 'topic', 'persistent', 'non-persistent'];

// ---------------------------------------------------------------------------------------------
// Redis streams.

const REDIS_VALUE_FLAGS: ReadonlySet<string> = new Set(['-h', '-p', '-s', '-a', '-u', '-r', '-i', '-n', '-d', '-D', '--user',
  '--pass', '--askpass', '--cacert', '--cacertdir', '--cert', '--key', '--tls-ciphers', '--tls-ciphersuites', '--sni',
  '--pattern', '--quoted-pattern', '--count', '--eval', '--rdb', '--functions-rdb', '--memkeys-samples']);

/** The Redis commands a redis-cli line runs: its operands, or each line it reads on stdin. */
const redisCommands = perCommand((a): string[][] => {
  const ops = operands(a.list, REDIS_VALUE_FLAGS);
  if (ops.length > 0) return [ops];
  const stdin = a.command.stdin;
  if (!stdin) return [];
  return stdin.split('\n').map((line) => line.trim().split(/\s+/).filter((w) => w !== '')).filter((w) => w.length > 0);
});

/** `XTRIM key MAXLEN [=|~] 0`: every entry of the stream. */
function trimsStreamEmpty(words: readonly string[]): boolean {
  if ((words[0] ?? '').toUpperCase() !== 'XTRIM' || (words[2] ?? '').toUpperCase() !== 'MAXLEN') return false;
  const count = words[3] === '=' || words[3] === '~' ? words[4] : words[3];
  return count === '0';
}

const destroysStreamGroup = (words: readonly string[]): boolean =>
  (words[0] ?? '').toUpperCase() === 'XGROUP' && ['DESTROY', 'DELCONSUMER'].includes((words[1] ?? '').toUpperCase());

const redisTargets = (pick: (words: readonly string[]) => boolean) => (a: Args): string[] =>
  onHosts(a.values('-h', '-u'), redisCommands(a).filter(pick).map((w) => (pick === destroysStreamGroup ? w[2] : w[1]) ?? ''));

// ---------------------------------------------------------------------------------------------
// Cloud CLIs (the ids cloud.ts already has, such as `aws kinesis delete-stream`, stay there).

const AWS_VALUE_FLAGS: ReadonlySet<string> = new Set(['--profile', '--region', '--output', '--endpoint-url', '--query',
  '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format']);

interface CliSpec {
  readonly id: string;
  readonly paths: readonly (readonly string[])[];
  readonly severity: Severity;
  readonly summary: string;
  readonly hint: string;
  readonly targetFlags: readonly string[];
  readonly match: readonly string[];
  readonly noMatch: readonly string[];
}

function cliRule(program: string, valueFlags: ReadonlySet<string>, s: CliSpec): Rule {
  return {
    id: s.id,
    programs: [program],
    category: 'messaging',
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => {
      const p = pathOf(a, valueFlags);
      // gcloud release tracks: `gcloud beta pubsub …`
      const path = ['alpha', 'beta', 'preview'].includes(p[0] ?? '') ? p.slice(1) : p;
      return s.paths.some((want) => want.every((step, i) => path[i] === step));
    },
    targets: (a) => {
      const named = a.values(...s.targetFlags);
      if (named.length > 0 || program !== 'gcloud') return named;
      const p = pathOf(a, valueFlags).filter((w) => !['alpha', 'beta', 'preview'].includes(w));
      const path = s.paths.find((want) => want.every((step, i) => p[i] === step));
      return path ? p.slice(path.length) : [];
    },
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

const GCLOUD_VALUE_FLAGS: ReadonlySet<string> = new Set(['--project', '--account', '--configuration', '--format', '--verbosity',
  '--impersonate-service-account', '--billing-project', '--flags-file', '--trace-token', '--region', '--zone', '--location',
  '--cluster', '--time', '--snapshot']);
const AZ_VALUE_FLAGS: ReadonlySet<string> = new Set(['--subscription', '--output', '-o', '--query']);

// ---------------------------------------------------------------------------------------------
// Brokers' REST APIs.

interface Call { readonly method: string; readonly segments: readonly string[]; readonly port?: string; readonly target: string }

/** One call per URL of an HTTP client's line. */
const calls = perCommand((a): Call[] => {
  const request = requestOf(a);
  if (!request) return [];
  return request.urls.map((url) => {
    const { host, port, path } = splitUrl(url);
    const segments = path.split('/').filter((s) => s !== '').map((s) => decodeUrlPart(s).toLowerCase());
    return { method: request.sent, segments, port, target: host + path.replace(/\/$/, '') };
  });
});

const httpRule = (test: (c: Call) => boolean) => ({
  match: (a: Args): boolean => calls(a).some(test),
  targets: (a: Args): string[] => calls(a).filter(test).map((c) => c.target),
});

/** RabbitMQ's management API: DELETE a vhost, a queue, or a queue's `/contents` (purge). */
function rabbitmqApiDeletes(c: Call): boolean {
  const at = c.segments.indexOf('api');
  if (c.method !== 'DELETE' || at < 0) return false;
  const [kind, ...rest] = c.segments.slice(at + 1);
  if (kind === 'vhosts') return rest.length === 1;
  return kind === 'queues' && (rest.length === 2 || (rest.length === 3 && rest[2] === 'contents'));
}

/** Kafka REST v3 (Confluent REST Proxy, Confluent Cloud): DELETE `…/clusters/<id>/topics/<name>`. */
function kafkaRestDeletesTopic(c: Call): boolean {
  const at = c.segments.lastIndexOf('topics');
  return c.method === 'DELETE' && at >= 2 && c.segments[at - 2] === 'clusters' && c.segments.length === at + 2;
}

/** nsqd's HTTP API: `/topic/delete`, `/topic/empty`, `/channel/delete`, `/channel/empty`. */
const nsqDeletes = (c: Call): boolean => c.method !== 'GET' && c.segments.length === 2 &&
  ['topic', 'channel'].includes(c.segments[0] ?? '') && ['delete', 'empty'].includes(c.segments[1] ?? '');

// ---------------------------------------------------------------------------------------------
// Other brokers and task queues.

const ZK_PROGRAMS = ['zkcli.sh', 'zkcli', 'zkcli.cmd', 'zookeeper-shell', 'zookeeper-shell.sh', 'zookeeper-shell.bat'];
/** The ZooKeeper commands a line runs: after `-server host:port` (zkCli) or the host operand (zookeeper-shell). */
function zkCommands(a: Args): string[][] {
  const ops = operands(a.list, new Set(['-server', '-timeout', '-client-configuration', '-zk-tls-config-file']));
  const words = a.program.startsWith('zookeeper-shell') ? ops.slice(1) : ops;
  if (words.length > 0) return [words];
  return (a.command.stdin ?? '').split('\n').map((l) => l.trim().split(/\s+/).filter((w) => w !== '')).filter((w) => w.length > 0);
}
const zkDeletesTree = (a: Args): boolean => zkCommands(a).some((w) => ['deleteall', 'rmr'].includes((w[0] ?? '').toLowerCase()));

/** MQSC commands that delete or clear queues, topics, channels or subscriptions (`DELETE QLOCAL(ORDERS)`). */
const MQSC_DELETE = /\b(?:DELETE|CLEAR)\s+(?:Q[A-Z]*|TOPIC|TOPICSTR|SUB|CHANNEL|CHL)\s*\(/i;

const CELERY_VALUE_FLAGS: ReadonlySet<string> = new Set(['-A', '--app', '-b', '--broker', '--result-backend', '--loader',
  '--config', '--workdir', '-Q', '--queues', '-X', '--exclude-queues']);
const celeryPath = (a: Args): string[] => operands(a.list, CELERY_VALUE_FLAGS);

const ARTEMIS_VALUE_FLAGS: ReadonlySet<string> = new Set(['--name', '--url', '--user', '--password', '--address', '--acceptor']);

// ---------------------------------------------------------------------------------------------

const TOPIC_HINT = 'Describe the topic first and check which cluster the bootstrap server is; if data must go, lower retention deliberately';
const GROUP_HINT = 'Describe the group first (`--describe`), stop its consumers, and export its offsets so they can be restored';

const kafkaRules: readonly Rule[] = [
  {
    id: 'kafka.topic-delete',
    programs: kafkaScript('kafka-topics'),
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes Kafka topics and every message in them',
    hint: TOPIC_HINT,
    match: (a) => a.has('--delete'),
    targets: kafkaTargets('--topic'),
    examples: {
      match: [
        'kafka-topics --bootstrap-server prod-kafka:9092 --delete --topic orders',
        'bin/kafka-topics.sh --bootstrap-server localhost:9092 --topic payments-events --delete',
        './kafka-topics.sh --zookeeper zk1:2181 --delete --topic "logs-.*"',
        'kafka-topics.sh --bootstrap-server=kafka.stg.acme.io:9093 --command-config admin.properties --delete --if-exists --topic=audit',
      ],
      noMatch: [
        'kafka-topics --bootstrap-server prod-kafka:9092 --list',
        'kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders',
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 6 --replication-factor 3',
        'kafka-topics.sh --bootstrap-server localhost:9092 --alter --topic orders --partitions 12',
      ],
    },
  },
  {
    id: 'kafka.consumer-group-delete',
    programs: kafkaScript('kafka-consumer-groups'),
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes Kafka consumer groups or their committed offsets: consumers lose their place',
    hint: GROUP_HINT,
    match: (a) => a.has('--delete', '--delete-offsets'),
    targets: kafkaTargets('--group', '--topic'),
    examples: {
      match: [
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --delete --group billing-service',
        'bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group analytics --topic clicks --delete-offsets',
        'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --delete --all-groups',
      ],
      noMatch: [
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --list',
        'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group billing-service',
        'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --all-groups --state',
      ],
    },
  },
  {
    id: 'kafka.consumer-group-reset-offsets',
    programs: kafkaScript('kafka-consumer-groups'),
    category: 'messaging',
    severity: 'high',
    summary: 'Moves a Kafka consumer group\'s committed offsets: consumers skip or re-read messages',
    hint: 'Run the same command without --execute first to see the plan, and export the current offsets with --describe',
    match: (a) => a.has('--reset-offsets') && a.has('--execute'),
    targets: kafkaTargets('--group', '--topic'),
    examples: {
      match: [
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --group billing --topic invoices --reset-offsets --to-latest --execute',
        'bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group etl --all-topics --reset-offsets --to-earliest --execute',
        'kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group etl --topic clicks:0,1 --reset-offsets --shift-by -1000 --execute',
      ],
      noMatch: [
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --group billing --topic invoices --reset-offsets --to-latest',
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --group billing --reset-offsets --to-earliest --all-topics --dry-run',
        'kafka-consumer-groups --bootstrap-server prod-kafka:9092 --group billing --describe',
      ],
    },
  },
  {
    id: 'kafka.acl-remove',
    programs: kafkaScript('kafka-acls'),
    category: 'messaging',
    severity: 'high',
    summary: 'Removes Kafka ACLs: clients that relied on them are denied (or, with an allow-all default, everyone gets in)',
    hint: 'List the ACLs first (`--list`) and keep the output so they can be re-added',
    match: (a) => a.has('--remove'),
    targets: kafkaTargets('--topic', '--group', '--cluster', '--transactional-id'),
    examples: {
      match: [
        'kafka-acls --bootstrap-server prod-kafka:9092 --remove --allow-principal User:billing --operation Read --topic invoices',
        'bin/kafka-acls.sh --bootstrap-server localhost:9092 --command-config admin.properties --remove --topic orders --force',
        'kafka-acls.sh --authorizer-properties zookeeper.connect=zk-prod:2181 --remove --group "*"',
      ],
      noMatch: [
        'kafka-acls --bootstrap-server prod-kafka:9092 --list --topic invoices',
        'kafka-acls.sh --bootstrap-server localhost:9092 --add --allow-principal User:billing --operation Read --topic invoices',
      ],
    },
  },
  {
    id: 'kafka.delete-records',
    programs: kafkaScript('kafka-delete-records'),
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes Kafka records up to the given offsets of each partition',
    hint: 'Check the offsets in the JSON file against what consumers still need, and that the bootstrap server is the cluster meant',
    match: (a) => a.has('--offset-json-file', '--bootstrap-server'),
    targets: (a) => onHosts(kafkaHosts(a), a.values('--offset-json-file')),
    examples: {
      match: [
        'kafka-delete-records --bootstrap-server prod-kafka:9092 --offset-json-file delete.json',
        'bin/kafka-delete-records.sh --bootstrap-server localhost:9092 --offset-json-file /tmp/offsets.json',
      ],
      noMatch: ['kafka-delete-records --version', 'kafka-topics --bootstrap-server localhost:9092 --list'],
    },
  },
  {
    id: 'kafka.retention-shrink',
    programs: [...kafkaScript('kafka-configs'), ...kafkaScript('kafka-topics'), 'rpk', 'confluent'],
    category: 'messaging',
    severity: 'high',
    summary: 'Sets a topic\'s retention so low that Kafka deletes the messages already in it',
    hint: 'Delete only what is meant (kafka-delete-records to an offset) or lower retention in steps, and restore it afterwards',
    match: (a) => {
      if (a.program === 'rpk') return startsWith(rpkPath(a), ['topic', 'alter-config']) && shrinksAnyRetention(a.values('--set', '-s'));
      if (a.program === 'confluent') return startsWith(confluentPath(a), ['kafka', 'topic', 'update']) && shrinksAnyRetention(a.values('--config'));
      if (a.program.startsWith('kafka-topics')) return a.has('--alter') && shrinksAnyRetention(a.values('--config'));
      return a.has('--alter') && shrinksAnyRetention(a.values('--add-config'));
    },
    targets: (a) => {
      if (a.program === 'rpk') return rpkTargets(2)(a);
      if (a.program === 'confluent') return [...confluentPath(a).slice(3), ...a.values('--cluster', '--environment')];
      return kafkaTargets('--entity-name', '--topic')(a);
    },
    examples: {
      match: [
        'kafka-configs --bootstrap-server prod-kafka:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=1000',
        "bin/kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name logs --alter --add-config 'retention.ms=100,segment.ms=100'",
        'kafka-configs.sh --bootstrap-server kafka:9092 --alter --topic events --add-config retention.bytes=0',
        'kafka-topics.sh --zookeeper zk:2181 --alter --topic orders --config retention.ms=1',
        'rpk topic alter-config orders --set retention.ms=1000',
        'confluent kafka topic update orders --config retention.ms=1 --cluster lkc-123',
      ],
      noMatch: [
        'kafka-configs --bootstrap-server prod-kafka:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=604800000',
        'kafka-configs --bootstrap-server prod-kafka:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=-1',
        'kafka-configs --bootstrap-server prod-kafka:9092 --describe --entity-type topics --entity-name orders',
        'rpk topic alter-config orders --set cleanup.policy=compact',
      ],
    },
  },
  {
    id: 'kafka.streams-application-reset',
    programs: kafkaScript('kafka-streams-application-reset'),
    category: 'messaging',
    severity: 'high',
    summary: 'Resets a Kafka Streams application: rewinds its input offsets and deletes its internal topics and state',
    hint: 'Run it with --dry-run first, stop every instance of the application, and check the bootstrap server',
    match: (a) => a.has('--application-id'),
    targets: kafkaTargets('--application-id'),
    examples: {
      match: [
        'kafka-streams-application-reset --bootstrap-server prod-kafka:9092 --application-id order-enricher --input-topics orders',
        'bin/kafka-streams-application-reset.sh --application-id wordcount --bootstrap-server localhost:9092 --to-earliest',
      ],
      noMatch: ['kafka-streams-application-reset --bootstrap-server prod-kafka:9092 --application-id order-enricher --dry-run', 'kafka-streams-application-reset --version'],
    },
  },
  {
    id: 'kafka.unclean-leader-election',
    programs: kafkaScript('kafka-leader-election'),
    category: 'messaging',
    severity: 'high',
    summary: 'Elects out-of-sync replicas as leaders (unclean election), losing the messages they had not replicated',
    hint: 'Bring the in-sync replicas back first; use a preferred election unless data loss is accepted',
    match: (a) => (a.value('--election-type') ?? '').toLowerCase() === 'unclean',
    targets: kafkaTargets('--topic'),
    examples: {
      match: ['kafka-leader-election --bootstrap-server prod-kafka:9092 --election-type UNCLEAN --all-topic-partitions', 'bin/kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type=unclean --topic orders --partition 0'],
      noMatch: ['kafka-leader-election --bootstrap-server prod-kafka:9092 --election-type PREFERRED --all-topic-partitions'],
    },
  },
  {
    id: 'kafka.rest-topic-delete',
    programs: HTTP_CLIENTS,
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a Kafka topic through the REST API (Confluent REST Proxy / Confluent Cloud v3)',
    hint: TOPIC_HINT,
    ...httpRule(kafkaRestDeletesTopic),
    examples: {
      match: [
        'curl -X DELETE http://localhost:8082/v3/clusters/lkc-abc123/topics/orders',
        'curl -s -u "$KEY:$SECRET" -X DELETE https://pkc-12345.us-east-1.aws.confluent.cloud:443/kafka/v3/clusters/lkc-9xyz/topics/payments-prod',
      ],
      noMatch: [
        'curl http://localhost:8082/v3/clusters/lkc-abc123/topics/orders',
        'curl -X POST http://localhost:8082/v3/clusters/lkc-abc123/topics -d \'{"topic_name":"orders"}\'',
      ],
    },
  },
];

const kafkaCliRules: readonly Rule[] = [
  {
    id: 'redpanda.topic-delete',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes Redpanda/Kafka topics and every message in them',
    hint: TOPIC_HINT,
    match: (a) => startsWith(rpkPath(a), ['topic', ['delete', 'del', 'rm']]),
    targets: rpkTargets(2),
    examples: {
      match: ['rpk topic delete orders', 'rpk topic delete payments events -X brokers=prod-redpanda-0:9092', 'rpk topic delete -r "^test-.*"', 'rpk --profile prod topic delete audit-log'],
      noMatch: ['rpk topic list', 'rpk topic describe orders', 'rpk topic create orders -p 6 -r 3', 'rpk topic consume orders -n 10'],
    },
  },
  {
    id: 'redpanda.topic-trim',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes the records of Redpanda topics up to an offset (trim-prefix)',
    hint: 'Check the offset or timestamp against what consumers still need (`rpk group describe`) first',
    match: (a) => startsWith(rpkPath(a), ['topic', ['trim-prefix', 'trim']]),
    targets: rpkTargets(2),
    examples: {
      match: ['rpk topic trim-prefix orders --offset 120 --partitions 1', 'rpk topic trim orders -o "@1622505600" --no-confirm', 'rpk topic trim-prefix --from-file /tmp/to_trim.json'],
      noMatch: ['rpk topic describe orders -p', 'rpk topic consume orders --offset start'],
    },
  },
  {
    id: 'redpanda.group-delete',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes Redpanda/Kafka consumer groups, moves their offsets (seek) or deletes them',
    hint: GROUP_HINT,
    match: (a) => startsWith(rpkPath(a), ['group', ['delete', 'seek', 'offset-delete']]),
    targets: rpkTargets(2),
    examples: {
      match: ['rpk group delete billing-service', 'rpk group seek etl --to start', 'rpk group seek etl --to-group etl-backup --topics clicks', 'rpk group offset-delete analytics --topic clicks:0,1'],
      noMatch: ['rpk group list', 'rpk group describe billing-service', 'rpk group seek etl --to start --help'],
    },
  },
  {
    id: 'redpanda.security-delete',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes Redpanda ACLs, SASL users or roles: clients that relied on them are locked out',
    hint: 'List them first (`rpk security acl list`) and keep the output so they can be re-created',
    match: (a) => startsWith(rpkPath(a), ['acl', 'delete'], ['acl', 'user', 'delete'], ['security', ['acl', 'user', 'role'], 'delete']),
    targets: rpkTargets(3),
    examples: {
      match: ['rpk acl delete --allow-principal billing --operation all --topic invoices', 'rpk security acl delete --allow-principal User:etl --topic "*" --no-confirm', 'rpk security user delete alice', 'rpk acl user delete bob'],
      noMatch: ['rpk security acl list', 'rpk security acl create --allow-principal User:etl --operation read --topic clicks', 'rpk security user list'],
    },
  },
  {
    id: 'redpanda.schema-delete',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes schemas or subjects from the Redpanda schema registry: producers and consumers using them fail',
    hint: 'Soft-delete first (without --permanent) and check no topic still uses the subject',
    match: (a) => startsWith(rpkPath(a), ['registry', ['subject', 'schema'], 'delete']),
    targets: rpkTargets(3),
    examples: {
      match: ['rpk registry subject delete orders-value', 'rpk registry schema delete orders-value --schema-version 3 --permanent'],
      noMatch: ['rpk registry subject list', 'rpk registry schema get orders-value --schema-version latest'],
    },
  },
  {
    id: 'redpanda.unsafe-recover',
    programs: ['rpk'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Forces leadership of partitions that lost their majority onto the remaining replicas, accepting data loss',
    hint: 'Run it with --dry first and try to bring the lost nodes back before recovering unsafely',
    match: (a) => startsWith(rpkPath(a), ['cluster', 'partitions', 'unsafe-recover']) && !a.has('--dry'),
    targets: rpkTargets(3),
    examples: {
      match: ['rpk cluster partitions unsafe-recover --from-nodes 1,3', 'rpk cluster partitions unsafe-recover --from-nodes 2 --no-confirm'],
      noMatch: ['rpk cluster partitions unsafe-recover --from-nodes 1,3 --dry', 'rpk cluster partitions list'],
    },
  },
  {
    id: 'confluent.kafka-topic-delete',
    programs: ['confluent'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a Confluent Cloud/Platform Kafka topic and every message in it',
    hint: TOPIC_HINT,
    match: (a) => startsWith(confluentPath(a), ['kafka', 'topic', 'delete']),
    targets: (a) => [...confluentPath(a).slice(3), ...a.values('--cluster', '--environment')],
    examples: {
      match: ['confluent kafka topic delete orders', 'confluent kafka topic delete payments --cluster lkc-prod1 --environment env-prod --force'],
      noMatch: ['confluent kafka topic list --cluster lkc-prod1', 'confluent kafka topic describe orders', 'confluent kafka topic create orders --partitions 6'],
    },
  },
  {
    id: 'confluent.cluster-delete',
    programs: ['confluent'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a Confluent Kafka cluster, environment, ksqlDB cluster or Flink compute pool with everything in it',
    hint: 'Check the id with `describe` first and export what must be kept (topics, schemas, connectors)',
    match: (a) => startsWith(confluentPath(a), ['kafka', 'cluster', 'delete'], ['environment', 'delete'], ['ksql', 'cluster', 'delete'],
      ['flink', 'compute-pool', 'delete'], ['schema-registry', 'cluster', 'delete']),
    targets: (a) => [...confluentPath(a).filter((w) => !['kafka', 'cluster', 'delete', 'environment', 'ksql', 'flink', 'compute-pool', 'schema-registry'].includes(w)), ...a.values('--environment')],
    examples: {
      match: ['confluent kafka cluster delete lkc-abc123', 'confluent environment delete env-prod42 --force', 'confluent ksql cluster delete lksqlc-12345'],
      noMatch: ['confluent kafka cluster list', 'confluent environment list', 'confluent kafka cluster describe lkc-abc123'],
    },
  },
  {
    id: 'confluent.resource-delete',
    programs: ['confluent'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes a Confluent ACL, cluster link, connector, schema, API key or service account',
    hint: 'Describe it first and keep its configuration so it can be re-created',
    match: (a) => startsWith(confluentPath(a), ['kafka', ['acl', 'link', 'mirror', 'quota', 'consumer-group'], 'delete'],
      ['kafka', 'consumer', 'group', 'delete'], ['connect', 'cluster', 'delete'], ['connect', 'delete'],
      ['schema-registry', ['schema', 'subject', 'exporter'], 'delete'], ['api-key', 'delete'],
      ['iam', ['service-account', 'user', 'pool', 'provider'], 'delete']),
    targets: (a) => [...confluentPath(a).slice(2), ...a.values('--cluster', '--environment', '--subject')],
    examples: {
      match: ['confluent kafka acl delete --allow --service-account sa-123 --operations read --topic orders', 'confluent connect cluster delete lcc-abc12', 'confluent schema-registry schema delete --subject orders-value --version all --permanent', 'confluent api-key delete ABCDEFGH'],
      noMatch: ['confluent kafka acl list', 'confluent connect cluster list', 'confluent api-key list', 'confluent schema-registry schema describe --subject orders-value --version latest'],
    },
  },
  {
    id: 'kafkactl.delete',
    programs: ['kafkactl'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes Kafka topics, consumer groups, their offsets, records or ACLs through kafkactl',
    hint: 'Describe the object first (`kafkactl describe …`) and check the current context (`kafkactl config current-context`)',
    match: (a) => startsWith(kafkactlPath(a), ['delete', ['topic', 'topics', 'consumer-group', 'consumer-groups', 'cg', 'consumer-group-offset', 'cgo', 'records', 'acl', 'acls']]),
    targets: (a) => [...kafkactlPath(a).slice(2), ...a.values('--topic', '-t', '--group', '-g', '--context')],
    examples: {
      match: ['kafkactl delete topic orders', 'kafkactl --context prod delete consumer-group billing', 'kafkactl delete records orders --offset 0=100', 'kafkactl delete consumer-group-offset etl --topic clicks'],
      noMatch: ['kafkactl get topics', 'kafkactl describe topic orders', 'kafkactl create topic orders --partitions 6'],
    },
  },
  {
    id: 'kafkactl.reset-offset',
    programs: ['kafkactl'],
    category: 'messaging',
    severity: 'high',
    summary: 'Moves a Kafka consumer group\'s committed offsets through kafkactl: consumers skip or re-read messages',
    hint: 'Run it without --execute first to see the plan',
    match: (a) => startsWith(kafkactlPath(a), ['reset', ['offset', 'offsets', 'consumer-group-offset', 'cgo']]) && a.has('--execute'),
    targets: (a) => [...kafkactlPath(a).slice(2), ...a.values('--topic', '-t', '--context')],
    examples: {
      match: ['kafkactl reset consumer-group-offset billing --topic invoices --oldest --execute', 'kafkactl reset offset etl --topic clicks --newest --execute'],
      noMatch: ['kafkactl reset consumer-group-offset billing --topic invoices --oldest', 'kafkactl describe consumer-group billing'],
    },
  },
  {
    id: 'kaf.delete',
    programs: ['kaf'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a Kafka topic or consumer group through kaf',
    hint: 'Describe it first and check which cluster `kaf config current-context` selects',
    match: (a) => startsWith(kafPath(a), [['topic', 'group'], ['delete', 'rm']]),
    targets: (a) => onHosts(csv(a.values('-b', '--brokers')), [...kafPath(a).slice(2), ...a.values('-c', '--cluster')]),
    examples: {
      match: ['kaf topic delete orders', 'kaf -b prod-kafka:9092 topic rm audit-log', 'kaf group delete billing -c prod'],
      noMatch: ['kaf topics', 'kaf topic describe orders', 'kaf group describe billing'],
    },
  },
];

const rabbitRules: readonly Rule[] = [
  {
    id: 'rabbitmq.delete-vhost',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a RabbitMQ virtual host with every queue, exchange, binding and message in it',
    hint: 'Export the definitions first (`rabbitmqctl export_definitions`) and check which node -n points at',
    match: rabbitmqctlRuns('delete_vhost'),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl delete_vhost /production', 'rabbitmqctl -n rabbit@mq-prod-1 delete_vhost orders', 'sudo rabbitmqctl delete_vhost staging'],
      noMatch: ['rabbitmqctl list_vhosts', 'rabbitmqctl add_vhost staging', 'rabbitmqctl list_queues -p /production'],
    },
  },
  {
    id: 'rabbitmq.delete-queue',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes or purges a RabbitMQ queue and the messages waiting in it',
    hint: 'Check the queue\'s depth with `rabbitmqctl list_queues name messages` and move the messages (shovel) if they are needed',
    match: rabbitmqctlRuns('delete_queue', 'purge_queue'),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl delete_queue orders', 'rabbitmqctl purge_queue -p /production invoices', 'rabbitmqctl -n rabbit@mq-stg purge_queue emails', 'rabbitmqctl delete_queue --vhost=prod dead-letters --if-unused'],
      noMatch: ['rabbitmqctl list_queues name messages consumers', 'rabbitmqctl list_queues -p /production', 'rabbitmqctl status'],
    },
  },
  {
    id: 'rabbitmq.reset',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Resets a RabbitMQ node: removes it from its cluster and wipes its vhosts, users, queues and messages',
    hint: 'Export the definitions first and make sure the node is the one meant (`rabbitmqctl status -n …`)',
    match: rabbitmqctlRuns('reset', 'force_reset'),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl reset', 'rabbitmqctl -n rabbit@mq-prod-2 force_reset', 'sudo rabbitmqctl force_reset'],
      noMatch: ['rabbitmqctl cluster_status', 'rabbitmqctl start_app', 'rabbitmqctl reset_stats_db'],
    },
  },
  {
    id: 'rabbitmq.delete-user',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes a RabbitMQ user or clears its permissions: clients that log in with it are cut off',
    hint: 'List the connections using it first (`rabbitmqctl list_connections user`) and roll out a replacement user',
    match: rabbitmqctlRuns('delete_user', 'clear_permissions'),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl delete_user billing-service', 'rabbitmqctl clear_permissions -p /production etl'],
      noMatch: ['rabbitmqctl list_users', 'rabbitmqctl add_user billing-service s3cret', 'rabbitmqctl list_permissions -p /production'],
    },
  },
  {
    id: 'rabbitmq.stop',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat'],
    category: 'messaging',
    severity: 'high',
    summary: 'Stops a RabbitMQ node or its application: producers and consumers on it are cut off',
    hint: 'Drain the node first (`rabbitmq-upgrade drain`) and check which node -n points at',
    match: rabbitmqctlRuns('stop_app', 'stop', 'shutdown'),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl stop_app', 'rabbitmqctl -n rabbit@mq-prod-1 stop', 'rabbitmqctl shutdown'],
      noMatch: ['rabbitmqctl start_app', 'rabbitmqctl status', 'rabbitmqctl await_startup'],
    },
  },
  {
    id: 'rabbitmq.remove-cluster-member',
    programs: ['rabbitmqctl', 'rabbitmqctl.bat', 'rabbitmq-queues', 'rabbitmq-streams'],
    category: 'messaging',
    severity: 'high',
    summary: 'Removes a node from a RabbitMQ cluster, or a replica from a quorum queue or stream',
    hint: 'Check the cluster and replica status first (`rabbitmq-queues check_if_node_is_quorum_critical`)',
    match: (a) => ['forget_cluster_node', 'delete_member', 'shrink', 'delete_replica'].includes(rabbitmqctlPath(a)[0] ?? ''),
    targets: rabbitmqctlTargets,
    examples: {
      match: ['rabbitmqctl forget_cluster_node rabbit@mq-prod-3', 'rabbitmq-queues delete_member orders rabbit@mq-2', 'rabbitmq-queues shrink rabbit@mq-3', 'rabbitmq-streams delete_replica --vhost / events rabbit@mq-2'],
      noMatch: ['rabbitmqctl cluster_status', 'rabbitmq-queues add_member orders rabbit@mq-4', 'rabbitmq-queues grow rabbit@mq-4 all'],
    },
  },
  {
    id: 'rabbitmqadmin.delete-vhost',
    programs: ['rabbitmqadmin'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a RabbitMQ virtual host with every queue, exchange, binding and message in it',
    hint: 'Export the definitions first (`rabbitmqadmin export definitions.json`) and check which host -H points at',
    match: (a) => ['vhost', 'vhosts'].includes(rabbitmqadminAction(a)?.object ?? ''),
    targets: rabbitmqadminTargets,
    examples: {
      match: ['rabbitmqadmin delete vhost name=staging', 'rabbitmqadmin -H mq.prod.acme.io -u admin -p $PW delete vhost name=orders', 'rabbitmqadmin vhosts delete --name legacy'],
      noMatch: ['rabbitmqadmin list vhosts', 'rabbitmqadmin declare vhost name=staging', 'rabbitmqadmin vhosts list'],
    },
  },
  {
    id: 'rabbitmqadmin.delete',
    programs: ['rabbitmqadmin'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes or purges a RabbitMQ queue, exchange, binding, user, policy or shovel through the management API',
    hint: 'List it first (`rabbitmqadmin list queues name messages`) and export the definitions so it can be re-declared',
    match: (a) => { const action = rabbitmqadminAction(a); return action !== undefined && !['vhost', 'vhosts'].includes(action.object); },
    targets: rabbitmqadminTargets,
    examples: {
      match: ['rabbitmqadmin delete queue name=orders', 'rabbitmqadmin -V /production purge queue name=invoices', 'rabbitmqadmin --host mq-stg delete exchange name=events', 'rabbitmqadmin queues delete --name dead-letters', 'rabbitmqadmin purge queue --name emails'],
      noMatch: ['rabbitmqadmin list queues name messages', 'rabbitmqadmin declare queue name=orders durable=true', 'rabbitmqadmin get queue=orders count=5', 'rabbitmqadmin queues list'],
    },
  },
  {
    id: 'rabbitmq.amqp-delete-queue',
    programs: ['amqp-delete-queue'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes an AMQP queue and the messages waiting in it',
    hint: 'Check the queue\'s depth first and which server --url / -s points at',
    match: (a) => a.has('-q', '--queue'),
    targets: (a) => onHosts(a.values('-s', '--server', '--url', '--vhost'), a.values('-q', '--queue')),
    examples: {
      match: ['amqp-delete-queue -q orders', 'amqp-delete-queue --url amqp://guest:guest@mq.prod.acme.io/ --queue=invoices'],
      noMatch: ['amqp-declare-queue -q orders', 'amqp-delete-queue --help'],
    },
  },
  {
    id: 'rabbitmq.http-delete',
    programs: HTTP_CLIENTS,
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a RabbitMQ vhost or queue, or purges a queue\'s messages, through the management API',
    hint: 'GET the queue or vhost first to see its depth, and export the definitions (`GET /api/definitions`)',
    ...httpRule(rabbitmqApiDeletes),
    examples: {
      match: [
        'curl -u admin:$PW -X DELETE http://mq.prod.acme.io:15672/api/queues/%2F/orders',
        'curl -XDELETE -u admin http://localhost:15672/api/queues/%2f/emails/contents',
        'curl -u guest:guest -X DELETE http://localhost:15672/api/vhosts/staging',
      ],
      noMatch: [
        'curl -u admin:$PW http://mq.prod.acme.io:15672/api/queues/%2F/orders',
        'curl -u guest:guest -X PUT http://localhost:15672/api/vhosts/staging',
        'curl -u guest:guest -X DELETE http://localhost:15672/api/connections/abc',
      ],
    },
  },
];

const natsRules: readonly Rule[] = [
  {
    id: 'nats.stream-delete',
    programs: ['nats'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a NATS JetStream stream and every message in it',
    hint: 'Back it up first (`nats stream backup`) and check which server or context the CLI uses',
    match: (a) => startsWith(natsPath(a), [NATS_STREAM, NATS_REMOVE]),
    targets: natsTargets,
    examples: {
      match: ['nats stream rm ORDERS -f', 'nats stream delete EVENTS --force -s nats://nats.prod.acme.io:4222', 'nats str del KV_sessions', 'nats --context prod stream rm AUDIT'],
      noMatch: ['nats stream ls', 'nats stream info ORDERS', 'nats stream add ORDERS --subjects "orders.*"', 'nats stream view ORDERS'],
    },
  },
  {
    id: 'nats.stream-purge',
    programs: ['nats'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Purges every message from a NATS JetStream stream',
    hint: 'Back it up first (`nats stream backup`); purge by --subject or --seq to remove only what is meant',
    match: (a) => startsWith(natsPath(a), [NATS_STREAM, 'purge']) && !natsFilteredPurge(a),
    targets: natsTargets,
    examples: {
      match: ['nats stream purge ORDERS -f', 'nats str purge commands --force -s nats://localhost:4222'],
      noMatch: ['nats stream purge ORDERS --subject orders.test -f', 'nats stream info ORDERS'],
    },
  },
  {
    id: 'nats.bucket-delete',
    programs: ['nats'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes a whole NATS key-value or object store bucket',
    hint: 'Back up the bucket\'s stream first (`nats stream backup KV_<bucket>`) and check the server or context',
    match: (a) => natsBucketRemove(a) && natsPath(a).length <= 3,
    targets: natsTargets,
    examples: {
      match: ['nats kv del sessions -f', 'nats kv rm config --force', 'nats object rm artifacts -f'],
      noMatch: ['nats kv ls', 'nats kv get sessions user-42', 'nats kv add sessions --history 5', 'nats kv del sessions user-42 -f'],
    },
  },
  {
    id: 'nats.message-delete',
    programs: ['nats'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes NATS keys, objects or stream messages (kv del/purge, object rm, stream rmm, filtered purge)',
    hint: 'Read the key\'s history first (`nats kv history`) and check the server or context',
    match: (a) => {
      const p = natsPath(a);
      return (natsBucketRemove(a) && p.length > 3) || startsWith(p, ['kv', 'purge'], [NATS_STREAM, 'rmm']) ||
        (startsWith(p, [NATS_STREAM, 'purge']) && natsFilteredPurge(a));
    },
    targets: natsTargets,
    examples: {
      match: ['nats kv del sessions user-42 -f', 'nats kv purge config feature.flags -f', 'nats object rm artifacts build-123.tgz', 'nats stream rmm ORDERS 1042 -f', 'nats stream purge ORDERS --subject orders.test -f'],
      noMatch: ['nats kv get sessions user-42', 'nats kv put config feature.flags on', 'nats object get artifacts build-123.tgz', 'nats stream get ORDERS 1042'],
    },
  },
  {
    id: 'nats.consumer-delete',
    programs: ['nats'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes a NATS JetStream consumer and the delivery position it kept',
    hint: 'Check the consumer\'s state first (`nats consumer info`) and that nothing still pulls from it',
    match: (a) => startsWith(natsPath(a), [NATS_CONSUMER, NATS_REMOVE]),
    targets: natsTargets,
    examples: {
      match: ['nats consumer rm ORDERS billing -f', 'nats con delete EVENTS audit-sink --force', 'nats consumer del ORDERS shipping -s nats://nats.stg.acme.io:4222'],
      noMatch: ['nats consumer ls ORDERS', 'nats consumer info ORDERS billing', 'nats consumer add ORDERS billing --pull'],
    },
  },
];

const pulsarRules: readonly Rule[] = [
  {
    id: 'pulsar.delete',
    programs: ['pulsar-admin', 'pulsarctl'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes or truncates Pulsar topics, or deletes a namespace, tenant or cluster with the topics in it',
    hint: 'List what it holds first (`topics list`, `namespaces list`) and check which cluster --admin-url points at',
    match: (a) => startsWith(pulsarPath(a),
      [PULSAR_TOPICS, ['delete', 'delete-partitioned-topic', 'truncate']],
      [['namespaces', 'namespace', 'tenants', 'tenant', 'clusters', 'cluster'], 'delete']),
    targets: pulsarTargets,
    examples: {
      match: [
        'pulsar-admin topics delete persistent://acme/orders/payments',
        'bin/pulsar-admin topics delete-partitioned-topic persistent://public/default/events -f',
        'pulsar-admin --admin-url http://pulsar-prod:8080 namespaces delete acme/orders',
        'pulsar-admin tenants delete acme',
        'pulsarctl topics delete persistent://public/default/clicks',
        'pulsar-admin topics truncate persistent://acme/logs/app',
      ],
      noMatch: [
        'pulsar-admin topics list acme/orders',
        'pulsar-admin topics stats persistent://acme/orders/payments',
        'pulsar-admin namespaces create acme/orders',
        'pulsarctl tenants get acme',
      ],
    },
  },
  {
    id: 'pulsar.subscription-reset',
    programs: ['pulsar-admin', 'pulsarctl'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes a Pulsar subscription, skips or clears its backlog, moves its cursor, or terminates a topic',
    hint: 'Check the subscription\'s backlog first (`topics stats`) and that its consumers are meant to lose or re-read it',
    match: (a) => startsWith(pulsarPath(a),
      [[...PULSAR_TOPICS, 'namespaces', 'namespace'], ['clear-backlog', 'skip', 'skip-all', 'unsubscribe', 'reset-cursor', 'expire-messages', 'expire-messages-all-subscriptions', 'terminate', 'delete-subscription']],
      [['subscriptions', 'subscription'], ['delete', 'clear-backlog', 'skip', 'seek', 'expire']]),
    targets: pulsarTargets,
    examples: {
      match: [
        'pulsar-admin topics unsubscribe persistent://acme/orders/payments -s billing',
        'pulsar-admin topics clear-backlog persistent://acme/orders/payments --subscription billing',
        'pulsar-admin namespaces clear-backlog acme/orders --force',
        'pulsar-admin topics reset-cursor persistent://acme/orders/payments -s billing -t 10m',
        'pulsarctl subscriptions delete persistent://public/default/clicks analytics',
      ],
      noMatch: [
        'pulsar-admin topics subscriptions persistent://acme/orders/payments',
        'pulsar-admin topics create-subscription persistent://acme/orders/payments -s billing',
        'pulsarctl subscriptions list persistent://public/default/clicks',
      ],
    },
  },
  {
    id: 'pulsar.function-delete',
    programs: ['pulsar-admin', 'pulsarctl'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes a Pulsar Function, sink or source connector, or a topic\'s schema',
    hint: 'Get its configuration first (`functions get`, `schemas get`) so it can be re-created',
    match: (a) => startsWith(pulsarPath(a), [['functions', 'sinks', 'sources', 'schemas', 'packages'], 'delete']),
    targets: pulsarTargets,
    examples: {
      match: ['pulsar-admin functions delete --tenant acme --namespace orders --name enrich', 'pulsar-admin sinks delete --name es-sink', 'pulsar-admin schemas delete persistent://acme/orders/payments'],
      noMatch: ['pulsar-admin functions list --tenant acme --namespace orders', 'pulsar-admin schemas get persistent://acme/orders/payments'],
    },
  },
];

const otherBrokerRules: readonly Rule[] = [
  {
    id: 'redis.stream-trim-all',
    programs: ['redis-cli', 'valkey-cli', 'keydb-cli'],
    category: 'messaging',
    severity: 'high',
    summary: 'Trims a Redis stream to zero entries (XTRIM … MAXLEN 0), deleting every message in it',
    hint: 'Check the stream\'s length (XLEN) and its consumer groups\' lag (XINFO GROUPS) first; trim to a length that keeps unread entries',
    match: (a) => redisCommands(a).some(trimsStreamEmpty),
    targets: redisTargets(trimsStreamEmpty),
    examples: {
      match: ['redis-cli XTRIM orders MAXLEN 0', 'redis-cli -h cache.prod.acme.io xtrim events:stream maxlen = 0', 'echo "XTRIM jobs MAXLEN ~ 0" | redis-cli'],
      noMatch: ['redis-cli XTRIM orders MAXLEN ~ 100000', 'redis-cli XLEN orders', 'redis-cli XINFO STREAM orders'],
    },
  },
  {
    id: 'redis.stream-group-destroy',
    programs: ['redis-cli', 'valkey-cli', 'keydb-cli'],
    category: 'messaging',
    severity: 'high',
    summary: 'Destroys a Redis stream consumer group or consumer, with its delivery position and pending messages',
    hint: 'Check the group\'s pending entries first (XPENDING) and that no consumer still reads with it',
    match: (a) => redisCommands(a).some(destroysStreamGroup),
    targets: redisTargets(destroysStreamGroup),
    examples: {
      match: ['redis-cli XGROUP DESTROY orders billing', 'redis-cli -h redis.prod.acme.io xgroup delconsumer events analytics worker-3'],
      noMatch: ['redis-cli XGROUP CREATE orders billing $ MKSTREAM', 'redis-cli XINFO GROUPS orders', 'redis-cli XPENDING orders billing'],
    },
  },
  {
    id: 'zookeeper.delete-tree',
    programs: ZK_PROGRAMS,
    category: 'messaging',
    severity: 'critical',
    summary: 'Recursively deletes a ZooKeeper tree (deleteall / rmr), such as Kafka\'s or Solr\'s cluster metadata',
    hint: 'Read the tree first (`ls -R`) and back it up; check which ensemble -server points at',
    match: zkDeletesTree,
    targets: (a) => onHosts(
      [...a.values('-server'), ...(a.program.startsWith('zookeeper-shell') ? operands(a.list, new Set(['-zk-tls-config-file'])).slice(0, 1) : [])],
      zkCommands(a).filter((w) => ['deleteall', 'rmr'].includes((w[0] ?? '').toLowerCase())).map((w) => w[1] ?? ''),
    ),
    examples: {
      match: ['zkCli.sh -server zk-prod-1:2181 deleteall /kafka/brokers/topics/orders', 'bin/zookeeper-shell.sh localhost:2181 rmr /admin/delete_topics', 'zookeeper-shell zk:2181 deleteall /solr'],
      noMatch: ['zkCli.sh -server zk-prod-1:2181 ls /kafka/brokers/ids', 'zookeeper-shell localhost:2181 get /controller', 'zookeeper-shell localhost:2181 delete /consumers/old-lock'],
    },
  },
  {
    id: 'ibmmq.delete-queue-manager',
    programs: ['dltmqm'],
    category: 'messaging',
    severity: 'critical',
    summary: 'Deletes an IBM MQ queue manager with all its queues and messages',
    hint: 'Back up the queue manager\'s configuration (dmpmqcfg) and check nothing still connects to it',
    match: () => true,
    targets: (a) => a.positionals,
    examples: {
      match: ['dltmqm QM1', 'sudo -u mqm dltmqm -z QM_PROD'],
      noMatch: ['dspmq', 'crtmqm QM1'],
    },
  },
  {
    id: 'ibmmq.mqsc-delete',
    programs: ['runmqsc'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes or clears IBM MQ queues, topics, subscriptions or channels through MQSC commands',
    hint: 'Display the object first (`DISPLAY QLOCAL(...) CURDEPTH`) and back up the configuration with dmpmqcfg',
    match: (a) => MQSC_DELETE.test(a.command.stdin ?? ''),
    targets: (a) => a.positionals,
    examples: {
      match: ['echo "DELETE QLOCAL(ORDERS.IN) PURGE" | runmqsc QM1', 'echo "CLEAR QLOCAL(DEAD.LETTER)" | runmqsc QM_PROD'],
      noMatch: ['echo "DISPLAY QLOCAL(ORDERS.IN) CURDEPTH" | runmqsc QM1', 'echo "DEFINE QLOCAL(ORDERS.IN)" | runmqsc QM1'],
    },
  },
  {
    id: 'activemq.queue-delete',
    programs: ['artemis', 'activemq'],
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes or purges an ActiveMQ queue or address and the messages in it',
    hint: 'Check the queue\'s message count first (`artemis queue stat`) and which broker --url points at',
    match: (a) => {
      const p = operands(a.list, ARTEMIS_VALUE_FLAGS).map((w) => w.toLowerCase());
      return a.program === 'activemq' ? p[0] === 'purge' : startsWith(p, [['queue', 'address'], ['delete', 'purge']]);
    },
    targets: (a) => onHosts(a.values('--url'), [...a.values('--name'), ...(a.program === 'activemq' ? operands(a.list, ARTEMIS_VALUE_FLAGS).slice(1) : [])]),
    examples: {
      match: ['artemis queue delete --name orders --user admin --password admin', 'bin/artemis queue purge --name DLQ --url tcp://mq-prod:61616', 'artemis address delete --name events', 'bin/activemq purge orders.queue'],
      noMatch: ['artemis queue stat --url tcp://mq-prod:61616', 'artemis queue create --name orders --address orders --anycast', 'bin/activemq start'],
    },
  },
  {
    id: 'celery.purge',
    programs: ['celery'],
    category: 'messaging',
    severity: 'high',
    summary: 'Purges every waiting task from the Celery broker\'s queues',
    hint: 'Check the queue lengths first (`celery inspect reserved`, the broker\'s UI) and purge only named queues with -Q',
    match: (a) => {
      const p = celeryPath(a);
      const [first = '', second = ''] = p;
      return first === 'purge' || (first === 'amqp' && ['queue.purge', 'queue.delete', 'exchange.delete'].includes(second.toLowerCase()));
    },
    targets: (a) => [...a.values('-A', '--app', '-b', '--broker', '-Q', '--queues'), ...celeryPath(a).slice(2)],
    examples: {
      match: ['celery -A proj purge', 'celery -A app.worker purge -f -Q emails', 'celery --broker redis://redis.prod.acme.io:6379/0 purge -f', 'celery -A proj amqp queue.purge default'],
      noMatch: ['celery -A proj worker -l info', 'celery -A proj inspect active', 'celery -A proj status'],
    },
  },
  {
    id: 'rq.empty',
    programs: ['rq'],
    category: 'messaging',
    severity: 'high',
    summary: 'Empties RQ job queues, deleting the jobs waiting in them',
    hint: 'Check the queue sizes first (`rq info`) and empty only the queues meant',
    match: (a) => a.positionals[0] === 'empty',
    targets: (a) => [...a.values('-u', '--url'), ...a.positionals.slice(1)],
    examples: {
      match: ['rq empty default', 'rq empty --all -u redis://redis.prod.acme.io:6379'],
      noMatch: ['rq info', 'rq worker default high'],
    },
  },
  {
    id: 'nsq.http-delete',
    programs: HTTP_CLIENTS,
    category: 'messaging',
    severity: 'high',
    summary: 'Deletes or empties an NSQ topic or channel and the messages queued in it',
    hint: 'Check the depth first (`GET /stats`) and pause the channel instead if consumers only need to stop',
    ...httpRule(nsqDeletes),
    examples: {
      match: ['curl -X POST "http://127.0.0.1:4151/topic/delete?topic=orders"', 'curl -X POST "http://nsqd-prod:4151/channel/empty?topic=orders&channel=billing"'],
      noMatch: ['curl http://127.0.0.1:4151/stats', 'curl -X POST "http://127.0.0.1:4151/topic/create?topic=orders"', 'curl -X POST "http://127.0.0.1:4151/channel/pause?topic=orders&channel=billing"'],
    },
  },
];

const cloudQueueRules: readonly Rule[] = [
  cliRule('aws', AWS_VALUE_FLAGS, {
    id: 'aws.sqs-delete-queue',
    paths: [['sqs', 'delete-queue'], ['sqs', 'purge-queue']],
    severity: 'high',
    summary: 'Deletes an SQS queue or purges every message waiting in it',
    hint: 'Check the queue\'s depth first (`aws sqs get-queue-attributes --attribute-names ApproximateNumberOfMessages`) and its URL\'s account',
    targetFlags: ['--queue-url'],
    match: ['aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod', 'aws sqs purge-queue --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/emails --profile staging'],
    noMatch: ['aws sqs list-queues', 'aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod', 'aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/1/q --attribute-names All'],
  }),
  cliRule('aws', AWS_VALUE_FLAGS, {
    id: 'aws.sns-delete-topic',
    paths: [['sns', 'delete-topic']],
    severity: 'high',
    summary: 'Deletes an SNS topic and all its subscriptions: publishers fail and subscribers stop receiving',
    hint: 'List its subscriptions first (`aws sns list-subscriptions-by-topic`) and check the account of the ARN',
    targetFlags: ['--topic-arn'],
    match: ['aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:orders-prod'],
    noMatch: ['aws sns list-topics', 'aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:orders-prod --message hi'],
  }),
  cliRule('aws', AWS_VALUE_FLAGS, {
    id: 'aws.msk-delete-cluster',
    paths: [['kafka', 'delete-cluster'], ['kafka', 'delete-cluster-v2'], ['mq', 'delete-broker']],
    severity: 'critical',
    summary: 'Deletes an Amazon MSK cluster or Amazon MQ broker with every topic, queue and message on it',
    hint: 'Check the cluster ARN or broker id and replicate what must be kept before deleting',
    targetFlags: ['--cluster-arn', '--broker-id'],
    match: ['aws kafka delete-cluster --cluster-arn arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/abcd-1234', 'aws mq delete-broker --broker-id b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9'],
    noMatch: ['aws kafka list-clusters', 'aws kafka describe-cluster --cluster-arn arn:aws:kafka:us-east-1:1:cluster/x/y', 'aws mq list-brokers'],
  }),
  cliRule('aws', AWS_VALUE_FLAGS, {
    id: 'aws.firehose-delete-delivery-stream',
    paths: [['firehose', 'delete-delivery-stream'], ['events', 'delete-event-bus'], ['pipes', 'delete-pipe']],
    severity: 'high',
    summary: 'Deletes a Firehose delivery stream, EventBridge event bus or pipe: the events routed through it are dropped',
    hint: 'Describe it first and keep its configuration so it can be re-created',
    targetFlags: ['--delivery-stream-name', '--name'],
    match: ['aws firehose delete-delivery-stream --delivery-stream-name clicks-to-s3', 'aws events delete-event-bus --name orders-prod'],
    noMatch: ['aws firehose describe-delivery-stream --delivery-stream-name clicks-to-s3', 'aws events list-event-buses'],
  }),
  cliRule('gcloud', GCLOUD_VALUE_FLAGS, {
    id: 'gcloud.pubsub-delete',
    paths: [['pubsub', 'topics', 'delete'], ['pubsub', 'subscriptions', 'delete'], ['pubsub', 'snapshots', 'delete'],
      ['pubsub', 'schemas', 'delete'], ['pubsub', 'lite-subscriptions', 'delete'], ['pubsub', 'subscriptions', 'seek']],
    severity: 'high',
    summary: 'Deletes a Pub/Sub topic, subscription or snapshot, or seeks a subscription: unacknowledged messages are lost or re-delivered',
    hint: 'Snapshot the subscription first (`gcloud pubsub snapshots create`) and check --project',
    targetFlags: [],
    match: ['gcloud pubsub topics delete orders-prod', 'gcloud pubsub subscriptions delete billing-sub --project acme-prod', 'gcloud beta pubsub subscriptions seek billing-sub --time=2024-01-01T00:00:00Z'],
    noMatch: ['gcloud pubsub topics list', 'gcloud pubsub subscriptions pull billing-sub --auto-ack', 'gcloud pubsub topics create orders-prod'],
  }),
  cliRule('gcloud', GCLOUD_VALUE_FLAGS, {
    id: 'gcloud.messaging-store-delete',
    paths: [['pubsub', 'lite-topics', 'delete'], ['managed-kafka', 'clusters', 'delete'], ['managed-kafka', 'topics', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Pub/Sub Lite topic or a Managed Kafka cluster or topic with the messages stored in it',
    hint: 'Check --project and the location, and export what must be kept first',
    targetFlags: [],
    match: ['gcloud pubsub lite-topics delete clicks --location=us-central1-a', 'gcloud managed-kafka clusters delete kafka-prod --location=us-central1', 'gcloud managed-kafka topics delete orders --cluster=kafka-prod --location=us-central1'],
    noMatch: ['gcloud managed-kafka clusters list --location=us-central1', 'gcloud managed-kafka topics describe orders --cluster=kafka-prod --location=us-central1'],
  }),
  cliRule('gcloud', GCLOUD_VALUE_FLAGS, {
    id: 'gcloud.tasks-queues-delete',
    paths: [['tasks', 'queues', 'delete'], ['tasks', 'queues', 'purge']],
    severity: 'high',
    summary: 'Deletes or purges a Cloud Tasks queue and the tasks waiting in it',
    hint: 'Pause the queue instead (`gcloud tasks queues pause`) and check --project',
    targetFlags: [],
    match: ['gcloud tasks queues delete emails --location=us-central1', 'gcloud tasks queues purge emails --location=europe-west1 --quiet'],
    noMatch: ['gcloud tasks queues describe emails --location=us-central1', 'gcloud tasks queues pause emails --location=us-central1'],
  }),
  cliRule('az', AZ_VALUE_FLAGS, {
    id: 'az.messaging-namespace-delete',
    paths: [['servicebus', 'namespace', 'delete'], ['eventhubs', 'namespace', 'delete'], ['eventhubs', 'eventhub', 'delete'],
      ['eventhubs', 'cluster', 'delete'], ['eventgrid', 'namespace', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Azure Service Bus or Event Hubs namespace, or an event hub, with every message in it',
    hint: 'Check the namespace and resource group first and put a delete lock on production namespaces',
    targetFlags: ['--name', '-n', '--namespace-name'],
    match: ['az servicebus namespace delete --name sb-acme-prod --resource-group rg-prod', 'az eventhubs eventhub delete -g rg-stg --namespace-name eh-stg -n clicks'],
    noMatch: ['az servicebus namespace show --name sb-acme-prod -g rg-prod', 'az eventhubs eventhub list -g rg-stg --namespace-name eh-stg'],
  }),
  cliRule('az', AZ_VALUE_FLAGS, {
    id: 'az.messaging-entity-delete',
    paths: [['servicebus', 'queue', 'delete'], ['servicebus', 'topic', 'delete'], ['servicebus', 'topic', 'subscription', 'delete'],
      ['eventhubs', 'eventhub', 'consumer-group', 'delete'], ['storage', 'queue', 'delete'], ['storage', 'message', 'clear'],
      ['eventgrid', 'topic', 'delete'], ['eventgrid', 'namespace', 'topic', 'delete']],
    severity: 'high',
    summary: 'Deletes an Azure Service Bus queue, topic or subscription, a storage queue or its messages, or an Event Grid topic',
    hint: 'Check the entity\'s message count first and that nothing still sends to or reads from it',
    targetFlags: ['--name', '-n', '--namespace-name', '--topic-name', '--queue-name', '-q', '--account-name', '--eventhub-name'],
    match: ['az servicebus queue delete --name orders --namespace-name sb-acme-prod -g rg-prod', 'az servicebus topic subscription delete -g rg --namespace-name sb-stg --topic-name events -n billing', 'az storage message clear --queue-name emails --account-name acmeprodstore'],
    noMatch: ['az servicebus queue show --name orders --namespace-name sb-acme-prod -g rg-prod', 'az storage message peek --queue-name emails --account-name acmeprodstore'],
  }),
];

export const messagingRules: readonly Rule[] = [
  ...kafkaRules, ...kafkaCliRules, ...rabbitRules, ...natsRules, ...pulsarRules, ...otherBrokerRules, ...cloudQueueRules,
];
