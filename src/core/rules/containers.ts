// Containers (docker, podman, nerdctl and the compose CLIs). Volumes hold the data (a local or
// remote database's files); containers and images can be recreated, so removing them is low or
// high at most. `docker compose down` without -v keeps volumes and stays unflagged.
import type { Args } from './args';
import type { Rule } from './types';

const ENGINES = ['docker', 'podman', 'nerdctl'];
const COMPOSE_PROGRAMS = ['docker-compose', 'podman-compose'];

const DOCKER_GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--context', '-c', '-H', '--host', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey',
  '--url', '--connection', '--namespace', '--address', '-a', '--root', '--runroot', '--storage-driver',
]);
// Compose's own value flags, also those of `down` (--rmi, -t) so their values are not read as names.
const COMPOSE_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi',
  '--progress', '--parallel', '--rmi', '-t', '--timeout',
]);
const SUBCOMMAND_VALUE_FLAGS: ReadonlySet<string> = new Set(['--filter', '--format', '--type', '--replicas', '--signal']);

/**
 * The path of an engine command with flag values removed: `docker --context prod volume rm x`
 * → `volume rm x`. For compose (`docker compose …` or `docker-compose …`) the path starts with
 * `compose`.
 */
function pathOf(a: Args): string[] {
  const compose = COMPOSE_PROGRAMS.includes(a.program);
  const out: string[] = compose ? ['compose'] : [];
  let valueFlags = compose ? COMPOSE_VALUE_FLAGS : DOCKER_GLOBAL_VALUE_FLAGS;
  const list = a.list;
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && valueFlags.has(arg)) i++;
      continue;
    }
    out.push(arg);
    if (out.length === 1) valueFlags = arg.toLowerCase() === 'compose' ? COMPOSE_VALUE_FLAGS : SUBCOMMAND_VALUE_FLAGS;
  }
  return out;
}

const lower = (p: readonly string[], i: number): string => (p[i] ?? '').toLowerCase();
const REMOVE = ['rm', 'remove'];

function composeVerb(a: Args): string | undefined {
  const p = pathOf(a);
  return lower(p, 0) === 'compose' ? lower(p, 1) : undefined;
}

// `-f` is the compose file before the verb but `--force` after `rm`, so only file names count.
const composeTargets = (a: Args): readonly string[] => [
  ...a.values('-p', '--project-name'),
  ...a.values('-f', '--file').filter((v) => /\.ya?ml$/i.test(v)),
];

/** True when the command removes containers/images named by something only known at run time. */
function namesComeFromRuntime(a: Args, from: number): boolean {
  return a.command.argv.slice(from).some((w) => w.dynamic && !w.value.startsWith('-')) ||
    a.command.via.some((v) => v.startsWith('xargs'));
}

/**
 * A container listing narrowed by a filter (`docker ps -aq --filter name=test`, `-f label=ci`):
 * the containers the line picked out, not all of them.
 */
function narrowedListing(text: string): boolean {
  return /\b(?:ps|ls)\b/.test(text) && /\s(?:--filter[\s=]|-[A-Za-z]*f\s)/.test(text);
}

/** Containers named at run time by a listing of all of them, not one narrowed by a filter. */
function namesFromAllContainers(a: Args, from: number): boolean {
  const computed = a.command.argv.slice(from).filter((w) => w.dynamic && !w.value.startsWith('-'));
  if (computed.length > 0) return computed.some((w) => !narrowedListing(w.value));
  return a.command.via.some((v) => v.startsWith('xargs')) && !narrowedListing(a.command.stdinListing ?? '');
}

/** Index in argv (program = 0) just after the word `word`. */
function argvAfter(a: Args, word: string): number {
  const at = a.command.argv.findIndex((w, i) => i > 0 && w.value.toLowerCase() === word);
  return at < 0 ? a.command.argv.length : at + 1;
}

const SWARM_REMOVE = ['rm', 'remove', 'down'];

// `compose config` flags that list names or only validate, printing no values.
const COMPOSE_CONFIG_LISTINGS = ['--services', '--volumes', '--profiles', '--images', '--networks', '--hash', '--variables', '-q', '--quiet'];

/**
 * Inspect formats that print environment variables: anything naming `Env`, or the whole object or
 * its Config / service Spec (`{{json .}}`, `{{.Config}}`, `--format json`).
 */
const ENV_FORMAT = /Env\b|\{\{\s*(?:json\s+)?\.(?:Config|Spec(?:\.TaskTemplate(?:\.ContainerSpec)?)?)?\s*\}\}|^\s*json\s*$/i;

/** `docker inspect`, `docker container inspect`, `docker service inspect`: what prints a container's env. */
function inspectsEnvironment(a: Args): boolean {
  const p = pathOf(a);
  const inspect = lower(p, 0) === 'inspect' || (lower(p, 0) === 'container' && lower(p, 1) === 'inspect') ||
    (lower(p, 0) === 'service' && lower(p, 1) === 'inspect' && !a.has('--pretty'));
  // An image, volume or network holds no runtime secrets; piped output is judged by its filter.
  const type = a.value('--type')?.toLowerCase();
  if (!inspect || (type !== undefined && type !== 'container') || a.command.pipedOut) return false;
  const format = a.value('--format', '-f');
  return format === undefined || ENV_FORMAT.test(format);
}

export const containersRules: readonly Rule[] = [
  {
    id: 'containers.volume-rm',
    programs: ENGINES,
    category: 'containers',
    severity: 'critical',
    summary: 'Deletes container volumes and the data stored in them (often a database)',
    hint: 'Back up the volume first (`docker run --rm -v NAME:/v -v $PWD:/b alpine tar czf /b/NAME.tgz /v`) and check which container uses it',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'volume' && REMOVE.includes(lower(p, 1));
    },
    targets: (a) => pathOf(a).slice(2),
    examples: {
      match: ['docker volume rm pgdata', 'docker volume rm -f rentals_postgres-data rentals_redis-data', 'podman volume remove mysql-prod', 'docker --context prod-host volume rm app_db'],
      noMatch: ['docker volume ls', 'docker volume inspect pgdata', 'docker volume create pgdata', 'docker rm -f web'],
    },
  },
  {
    id: 'containers.volume-prune',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Deletes every anonymous volume not used by a container, with its data',
    hint: 'List them first with `docker volume ls -f dangling=true` and remove the ones you know by name',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'volume' && lower(p, 1) === 'prune' && !a.has('-a', '--all');
    },
    examples: {
      match: ['docker volume prune', 'docker volume prune -f', 'podman volume prune --force'],
      noMatch: ['docker volume prune -a -f', 'docker volume ls -f dangling=true', 'docker image prune'],
    },
  },
  {
    id: 'containers.volume-prune-all',
    programs: ENGINES,
    category: 'containers',
    severity: 'critical',
    summary: 'Deletes every volume not used by a running container, named volumes and their data included',
    hint: 'List them first with `docker volume ls` and remove the ones you know by name',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'volume' && lower(p, 1) === 'prune' && a.has('-a', '--all');
    },
    examples: {
      match: ['docker volume prune -a', 'docker volume prune --all --force', 'docker volume prune -af'],
      noMatch: ['docker volume prune', 'docker volume ls -a'],
    },
  },
  {
    id: 'containers.system-prune-volumes',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Prunes stopped containers, networks, images and unused volumes with their data',
    hint: 'Prune without --volumes, and remove volumes you know by name with `docker volume rm`',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'system' && lower(p, 1) === 'prune' && a.has('--volumes');
    },
    examples: {
      match: ['docker system prune --volumes', 'docker system prune -a --volumes -f', 'podman system prune --all --force --volumes'],
      noMatch: ['docker system prune', 'docker system df', 'docker system prune -a'],
    },
  },
  {
    id: 'containers.system-prune-all',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Prunes every stopped container, unused network, unused image and the build cache',
    hint: 'Prune only dangling images (`docker image prune`) or stopped containers (`docker container prune`)',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'system' && lower(p, 1) === 'prune' && a.has('-a', '--all') && !a.has('--volumes');
    },
    examples: {
      match: ['docker system prune -a', 'docker system prune -af', 'docker system prune --all --force'],
      noMatch: ['docker system prune', 'docker system prune -f', 'docker system prune -a --volumes', 'docker system info'],
    },
  },
  {
    id: 'containers.compose-down-volumes',
    programs: [...ENGINES, ...COMPOSE_PROGRAMS],
    category: 'containers',
    severity: 'critical',
    summary: 'Stops the compose project and deletes its volumes and the data in them',
    hint: 'Run `docker compose down` without -v to keep the data, or back up the volumes first',
    match: (a) => composeVerb(a) === 'down' && a.has('-v', '--volumes'),
    targets: composeTargets,
    examples: {
      match: ['docker compose down -v', 'docker-compose down --volumes --remove-orphans', 'docker compose -p rentals-prod down -v', 'docker compose -f docker-compose.prod.yml down --rmi all -v', 'podman-compose down -v'],
      noMatch: ['docker compose down', 'docker-compose down --remove-orphans', 'docker compose up -d -V', 'docker compose logs -f db'],
    },
  },
  {
    id: 'containers.compose-rm-volumes',
    programs: [...ENGINES, ...COMPOSE_PROGRAMS],
    category: 'containers',
    severity: 'high',
    summary: 'Removes compose service containers together with their anonymous volumes and data',
    hint: 'Remove the containers without -v, or back up the volumes first',
    match: (a) => composeVerb(a) === 'rm' && a.has('-v', '--volumes'),
    targets: composeTargets,
    examples: {
      match: ['docker compose rm -v -f db', 'docker-compose rm -fsv', 'docker compose rm --stop --volumes postgres'],
      noMatch: ['docker compose rm -f web', 'docker compose down', 'docker-compose ps'],
    },
  },
  {
    id: 'containers.rm-with-volumes',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Removes containers together with their anonymous volumes, deleting the data stored in them',
    hint: 'Remove the container without -v, or back up its volume first (docker run --rm -v vol:/data busybox tar …)',
    match: (a) => {
      const p = pathOf(a);
      const isRm = lower(p, 0) === 'rm' || (lower(p, 0) === 'container' && REMOVE.includes(lower(p, 1)));
      return isRm && a.has('-v', '--volumes');
    },
    targets: (a) => a.command.argv.slice(argvAfter(a, 'rm')).map((w) => w.value).filter((v) => !v.startsWith('-')),
    examples: {
      match: ['docker rm -fv postgres', 'docker rm -v db-1', 'podman container rm --volumes pg'],
      noMatch: ['docker rm db-1', 'docker rm -f web-1', 'docker run -v data:/data postgres'],
    },
  },
  {
    id: 'containers.rm-all-containers',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Force-removes a computed list of containers (typically all of them), killing running ones',
    hint: 'Stop and remove containers by name, or use `docker compose down` for a project',
    match: (a) => {
      const p = pathOf(a);
      const isRm = lower(p, 0) === 'rm' || (lower(p, 0) === 'container' && REMOVE.includes(lower(p, 1)));
      if (!isRm || !a.has('-f', '--force')) return false;
      // podman's `rm --all`, and names computed at run time (`$(docker ps -aq)`) unless a filter narrows them.
      return a.has('--all', '-a') || namesFromAllContainers(a, argvAfter(a, lower(p, 0) === 'rm' ? 'rm' : lower(p, 1)));
    },
    examples: {
      match: ['docker rm -f $(docker ps -aq)', 'docker container rm --force $(docker ps -a -q)', 'podman rm -f $(podman ps -aq)', 'podman rm --all --force'],
      noMatch: ['docker rm -f web-1', 'docker rm $(docker ps -aq)', 'docker ps -aq', 'docker rmi -f $(docker images -q)',
        'docker rm -f $(docker ps -aq --filter name=test)', 'docker rm -f $(docker ps -aq -f label=ci)', 'docker rm -f $(docker ps -a -q --filter=status=exited)'],
    },
  },
  {
    id: 'containers.rmi-all-images',
    programs: ENGINES,
    category: 'containers',
    severity: 'low',
    summary: 'Removes a computed list of images (typically all of them); they must be pulled or rebuilt',
    hint: 'Use `docker image prune` for dangling images, or remove images by name',
    match: (a) => {
      const p = pathOf(a);
      if (lower(p, 0) === 'rmi') return namesComeFromRuntime(a, argvAfter(a, 'rmi'));
      return lower(p, 0) === 'image' && REMOVE.includes(lower(p, 1)) && namesComeFromRuntime(a, argvAfter(a, lower(p, 1)));
    },
    examples: {
      match: ['docker rmi -f $(docker images -q)', 'docker image rm $(docker images -aq)'],
      noMatch: ['docker rmi node:18', 'docker images -q', 'docker rm -f $(docker ps -aq)'],
    },
  },
  {
    id: 'containers.container-prune',
    programs: ENGINES,
    category: 'containers',
    severity: 'low',
    summary: 'Removes every stopped container and the files written inside it',
    hint: 'List them first with `docker ps -a -f status=exited`',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'container' && lower(p, 1) === 'prune';
    },
    examples: {
      match: ['docker container prune', 'docker container prune -f --filter until=24h'],
      noMatch: ['docker container ls -a', 'docker image prune'],
    },
  },
  {
    id: 'containers.image-prune-all',
    programs: ENGINES,
    category: 'containers',
    severity: 'low',
    summary: 'Removes every image not used by a container; they must be pulled or rebuilt',
    hint: 'Run `docker image prune` without -a to remove only dangling images',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'image' && lower(p, 1) === 'prune' && a.has('-a', '--all');
    },
    examples: {
      match: ['docker image prune -a', 'docker image prune --all --force', 'podman image prune -af'],
      noMatch: ['docker image prune', 'docker image prune -f', 'docker image ls -a'],
    },
  },
  {
    id: 'containers.stack-rm',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Removes a Docker Swarm stack: every service in it stops and its networks go (volumes are kept)',
    hint: 'Check the stack and context with `docker stack ls` first; scale a service down or redeploy instead',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'stack' && SWARM_REMOVE.includes(lower(p, 1));
    },
    targets: (a) => pathOf(a).slice(2),
    examples: {
      match: ['docker stack rm prod', 'docker stack rm api-staging monitoring', 'docker --context swarm-prod stack down web'],
      noMatch: ['docker stack ls', 'docker stack deploy -c docker-compose.yml prod', 'docker stack ps prod'],
    },
  },
  {
    id: 'containers.service-rm',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Removes Docker Swarm services, stopping every task they run',
    hint: 'Check the service and context with `docker service ls` first, and keep its definition to recreate it',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'service' && REMOVE.includes(lower(p, 1));
    },
    targets: (a) => pathOf(a).slice(2),
    examples: {
      match: ['docker service rm api', 'docker service remove prod_web prod_worker', 'docker -H ssh://deploy@swarm.prod.internal service rm api'],
      noMatch: ['docker service ls', 'docker service logs api', 'docker service update --image api:2 api'],
    },
  },
  {
    id: 'containers.service-scale-zero',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Scales Docker Swarm services to zero replicas, taking them offline',
    hint: 'Note the current replica count to restore it, and route traffic away first',
    match: (a) => {
      const p = pathOf(a);
      if (lower(p, 0) !== 'service') return false;
      if (lower(p, 1) === 'scale') return p.slice(2).some((w) => /=0+$/.test(w));
      return lower(p, 1) === 'update' && a.values('--replicas').some((v) => v.trim() !== '' && Number(v) === 0);
    },
    targets: (a) => pathOf(a).slice(2).map((w) => w.replace(/=\d+$/, '')),
    examples: {
      match: ['docker service scale api=0', 'docker service scale prod_web=0 prod_worker=0', 'docker service update --replicas 0 api'],
      noMatch: ['docker service scale api=3', 'docker service update --replicas 5 api', 'docker service ps api'],
    },
  },
  {
    id: 'containers.swarm-leave-force',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Forces this node out of the swarm; on the last manager the swarm and every service in it are lost',
    hint: 'Demote the node and drain it first (`docker node demote`, `docker node update --availability drain`)',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'swarm' && lower(p, 1) === 'leave' && a.has('--force', '-f');
    },
    examples: {
      match: ['docker swarm leave --force', 'docker swarm leave -f'],
      noMatch: ['docker swarm leave', 'docker swarm init', 'docker node ls'],
    },
  },
  {
    id: 'containers.secret-rm',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Removes Docker Swarm secrets or configs that services read; the secret value cannot be read back',
    hint: 'Check which services use it (`docker service inspect`) and keep the value in a secret store first',
    match: (a) => {
      const p = pathOf(a);
      return (lower(p, 0) === 'secret' || lower(p, 0) === 'config') && REMOVE.includes(lower(p, 1));
    },
    targets: (a) => pathOf(a).slice(2),
    examples: {
      match: ['docker secret rm db_password', 'docker config rm nginx_conf', 'docker secret remove prod_stripe_key'],
      noMatch: ['docker secret ls', 'docker secret create db_password ./pw.txt', 'docker config inspect nginx_conf'],
    },
  },
  {
    id: 'containers.compose-config-read',
    programs: [...ENGINES, ...COMPOSE_PROGRAMS],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints the resolved compose file, with values from env files and variables (passwords, API keys) filled in',
    hint: 'List only names (docker compose config --services / --volumes) or read the compose file itself',
    match: (a) => {
      const verb = composeVerb(a);
      return (verb === 'config' || verb === 'convert') && !a.has(...COMPOSE_CONFIG_LISTINGS);
    },
    targets: composeTargets,
    examples: {
      match: ['docker compose config', 'docker-compose config', 'docker compose -f docker-compose.prod.yml config', 'docker compose --env-file .env.production config --format json'],
      noMatch: ['docker compose config --services', 'docker compose config -q', 'docker compose up -d', 'docker-compose config --volumes'],
    },
  },
  {
    id: 'containers.inspect-env',
    programs: ENGINES,
    category: 'secrets',
    severity: 'high',
    summary: 'Prints a container\'s full configuration, its environment variables (passwords, API keys) included',
    hint: "Print only the fields you need: docker inspect --format '{{.State.Status}}' NAME",
    match: inspectsEnvironment,
    targets: (a) => pathOf(a).slice(lower(pathOf(a), 0) === 'inspect' ? 1 : 2),
    examples: {
      match: ['docker inspect api', 'docker container inspect postgres', "docker inspect -f '{{.Config.Env}}' api", "docker inspect --format '{{json .Config}}' web", 'podman inspect db', 'docker service inspect prod_api'],
      noMatch: ["docker inspect --format '{{.State.Status}}' api", "docker inspect -f '{{.NetworkSettings.IPAddress}}' db", 'docker image inspect node:20', 'docker inspect --type image node:20', 'docker volume inspect pgdata', 'docker service inspect --pretty prod_api'],
    },
  },
  {
    id: 'containers.system-reset',
    programs: ['podman'],
    category: 'containers',
    severity: 'critical',
    summary: 'Resets Podman storage: every container, pod, image and volume (with its data) is deleted',
    hint: 'Remove what you need gone by name, and back up volumes first (podman volume export)',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'system' && lower(p, 1) === 'reset';
    },
    examples: {
      match: ['podman system reset --force', 'podman system reset'],
      noMatch: ['podman system prune', 'podman system df', 'podman system info'],
    },
  },
  {
    id: 'containers.stop-all',
    programs: ENGINES,
    category: 'containers',
    severity: 'high',
    summary: 'Stops or kills every running container (a computed list, or --all), taking their services down',
    hint: 'Stop containers by name, or the compose project with docker compose stop',
    match: (a) => {
      const p = pathOf(a);
      const verb = lower(p, 0) === 'container' ? lower(p, 1) : lower(p, 0);
      if (!['stop', 'kill', 'pause'].includes(verb)) return false;
      return a.has('--all', '-a') || namesComeFromRuntime(a, argvAfter(a, verb));
    },
    examples: {
      match: ['docker stop $(docker ps -q)', 'docker kill $(docker ps -q)', 'podman stop --all', 'docker container stop $(docker container ls -q)'],
      noMatch: ['docker stop web-1', 'docker ps -q', 'docker compose stop'],
    },
  },
  {
    id: 'containers.kill',
    programs: ENGINES,
    category: 'containers',
    severity: 'low',
    summary: 'Kills containers with SIGKILL, without a clean shutdown (a database can lose unflushed writes)',
    hint: 'Stop it instead (docker stop NAME), which lets the process shut down cleanly',
    match: (a) => {
      const p = pathOf(a);
      const killed = lower(p, 0) === 'kill' ? p.slice(1) : lower(p, 0) === 'container' && lower(p, 1) === 'kill' ? p.slice(2) : undefined;
      const signal = a.value('--signal', '-s')?.toUpperCase();
      return killed !== undefined && killed.length > 0 && (signal === undefined || signal === 'KILL' || signal === 'SIGKILL' || signal === '9');
    },
    targets: (a) => pathOf(a).slice(lower(pathOf(a), 0) === 'kill' ? 1 : 2),
    examples: {
      match: ['docker kill acme-postgres', 'docker container kill redis-1', 'podman kill --signal KILL db'],
      noMatch: ['docker kill --signal HUP nginx', 'docker stop acme-postgres', 'docker ps'],
    },
  },
  {
    id: 'containers.pod-rm',
    programs: ['podman'],
    category: 'containers',
    severity: 'high',
    summary: 'Removes Podman pods and every container in them (with -f, running ones)',
    hint: 'Stop the pod first (podman pod stop) and remove it by name once you know what runs in it',
    match: (a) => {
      const p = pathOf(a);
      return lower(p, 0) === 'pod' && REMOVE.includes(lower(p, 1)) && (a.has('-f', '--force', '--all', '-a') || p.length > 2);
    },
    targets: (a) => pathOf(a).slice(2),
    examples: {
      match: ['podman pod rm -f acme-stg', 'podman pod rm --all --force', 'podman pod remove web-pod'],
      noMatch: ['podman pod ls', 'podman pod create --name web-pod', 'podman pod stop web-pod'],
    },
  },
  {
    id: 'containers.local-vm-delete',
    programs: ['colima', 'minikube', 'podman', 'k3d', 'kind', 'wsl', 'wsl.exe', 'vagrant', 'multipass', 'limactl', 'rdctl', 'docker'],
    category: 'containers',
    severity: 'high',
    summary: 'Deletes a local VM, WSL distribution or every local cluster, with all their containers, images, volumes and files (colima delete, wsl --unregister, vagrant destroy, minikube delete --all/--purge)',
    hint: 'Back up the volumes you need first (docker volume export / a database dump), and delete one named cluster or profile instead of all',
    match: (a) => {
      switch (a.program) {
        case 'colima': return a.sub('delete');
        case 'minikube': return a.sub('delete') && a.has('--all', '--purge');
        case 'podman': {
          const p = pathOf(a);
          if (lower(p, 0) !== 'machine') return false;
          return lower(p, 1) === 'reset' || (REMOVE.includes(lower(p, 1)) && a.has('-f', '--force'));
        }
        case 'k3d': return a.sub('cluster', ['delete', 'rm']) && a.has('--all', '-a');
        case 'kind': return a.sub('delete', 'clusters') && a.has('--all', '-A');
        // A WSL distribution, a Vagrant box, a Multipass or Lima VM: its disk goes with it.
        case 'wsl': case 'wsl.exe': return a.has('--unregister');
        case 'vagrant': return a.sub('destroy');
        case 'multipass': return a.sub('purge') || (a.sub('delete') && a.has('--purge', '-p'));
        case 'limactl': return a.sub(['delete', 'rm', 'remove']);
        case 'rdctl': return a.sub('factory-reset');
        case 'docker': return a.sub('desktop', ['reset', 'uninstall']);
        default: return false;
      }
    },
    examples: {
      match: ['colima delete -f', 'colima delete --profile work', 'minikube delete --all --purge', 'minikube delete --purge', 'podman machine rm -f', 'podman machine reset -f', 'k3d cluster delete --all', 'kind delete clusters --all',
        'wsl --unregister Ubuntu', 'vagrant destroy -f', 'multipass delete --all --purge', 'limactl delete -f default', 'rdctl factory-reset'],
      noMatch: ['kind delete cluster --name dev', 'wsl --list', 'vagrant halt', 'multipass stop --all', 'limactl stop default', 'docker desktop start', 'minikube delete', 'minikube delete -p dev', 'k3d cluster delete dev', 'podman machine stop', 'colima stop', 'podman machine rm'],
    },
  },
];
