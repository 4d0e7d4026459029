// Host administration: stopping services, powering a machine off, flushing its firewall or taking
// its network down (a remote host drops out of reach), deleting users and crontabs, destroying
// volumes, pools and encrypted headers, killing every process, erasing logs, and fleet tools that
// act on many hosts at once (ansible, salt, SSM, Azure run-command, Bolt). The command a fleet tool
// runs is read by the engine like `ssh host 'cmd'` (shell/fleet.ts); these rules judge the fleet
// run itself and the modules that destroy without a shell line. Disks, partition tables and
// filesystems themselves belong to the filesystem family.
import { flagMatches, longOption, operands, type Args } from './args';
import { roughCommands } from '../shell/fallback';
import type { Rule } from './types';
import { programName } from '../shell/command';
import type { Severity } from '../verdict';

const NO_VALUES: ReadonlySet<string> = new Set();

/** True when `word` abbreviates `full` with at least `min` letters (`ip l s`, `btrfs sub del`). */
function abbreviates(word: string | undefined, full: string, min = 1): boolean {
  return word !== undefined && word.length >= min && full.startsWith(word.toLowerCase());
}

/** The words after any of these flags up to the next flag (`--instance-ids i-1 i-2`, `--scripts a b`). */
function listAfter(list: readonly string[], ...flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    const flag = flags.find((f) => arg === f || arg.startsWith(f + '='));
    if (!flag) continue;
    if (arg !== flag) out.push(arg.slice(flag.length + 1));
    for (let j = i + 1; j < list.length && !(list[j] ?? '').startsWith('-'); j++) out.push(list[j] ?? '');
  }
  return out;
}

/** Device paths without `/dev/`, whose `dev` names no environment (`/dev/vg-prod/data` → `vg-prod/data`). */
const deviceNames = (names: readonly string[]): string[] => names.map((n) => n.replace(/^\/dev\//, ''));

/** PowerShell's dry run, which the engine's `--what-if` exemption does not spell. */
const whatIf = (a: Args): boolean => a.list.some((w) => w.toLowerCase() === '-whatif');

/* ---------------------------------------------------------------- services */

const SYSTEMCTL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-t', '--type', '-s', '--signal', '-p', '--property', '-H', '--host', '-M', '--machine', '--kill-whom',
  '--kill-value', '--job-mode', '-n', '--lines', '-o', '--output', '--root', '--image', '--state', '--what',
  '--reboot-argument', '--when', '--timestamp', '--message', '--preset-mode', '--drop-in', '--boot-loader-entry',
  '--boot-loader-menu', '--check-inhibitors',
]);

/** `[verb, …units]` of a systemctl line. */
const systemctlPath = (a: Args): string[] => operands(a.list, SYSTEMCTL_VALUE_FLAGS);
const systemctlHosts = (a: Args): string[] => [...a.values('-H', '--host'), ...a.values('-M', '--machine')];

const SYSTEMCTL_STOP_VERBS = new Set(['stop', 'disable', 'mask', 'kill', 'freeze']);

const SERVICE_PROGRAMS = ['service', 'rc-service', 'sv', 'initctl', 'rc-update', 'update-rc.d', 'chkconfig', 'brew', 'sc', 'net', 'stop-service'];
const SV_STOP = new Set(['stop', 'down', 'd', 'kill', 'k', 'exit', 'x', 'force-stop', 'force-shutdown']);

/** The services a SysV, OpenRC, runit, upstart or Windows service command stops or disables, or undefined. */
function stoppedServices(a: Args): readonly string[] | undefined {
  const ops = operands(a.list, a.program === 'sv' ? new Set(['-w']) : NO_VALUES);
  const verb = (i: number): string => (ops[i] ?? '').toLowerCase();
  switch (a.program) {
    case 'service':
    case 'rc-service':
      return verb(1) === 'stop' || verb(1) === 'force-stop' ? ops.slice(0, 1) : undefined;
    case 'sv':
      return SV_STOP.has(verb(0)) ? ops.slice(1) : undefined;
    case 'initctl':
      return verb(0) === 'stop' ? ops.slice(1) : undefined;
    case 'rc-update':
      return verb(0) === 'del' || verb(0) === 'delete' ? ops.slice(1, 2) : undefined;
    case 'update-rc.d':
      return verb(1) === 'remove' || verb(1) === 'disable' ? ops.slice(0, 1) : undefined;
    case 'brew':
      if (verb(0) !== 'services' || (verb(1) !== 'stop' && verb(1) !== 'kill')) return undefined;
      return a.has('--all') ? ['all'] : ops.slice(2);
    case 'chkconfig':
      if (a.has('--del')) return a.values('--del');
      return verb(1) === 'off' ? ops.slice(0, 1) : undefined;
    case 'sc': {
      // `sc \\server stop name`: the server comes first.
      const rest = ops[0]?.startsWith('\\\\') ? ops.slice(1) : ops;
      const v = (rest[0] ?? '').toLowerCase();
      if (v === 'stop' || v === 'delete') return rest.slice(1, 2);
      return v === 'config' && rest.some((w) => w.toLowerCase() === 'disabled') ? rest.slice(1, 2) : undefined;
    }
    case 'net':
      return verb(0) === 'stop' ? ops.slice(1) : undefined;
    default:
      return whatIf(a) ? undefined : [...a.values('-Name', '-name'), ...ops];
  }
}

const PROCESS_MANAGERS = ['pm2', 'supervisorctl', 'forever', 'circusctl'];
const SUPERVISOR_VALUE_FLAGS: ReadonlySet<string> = new Set(['-c', '--configuration', '-s', '--serverurl', '-u', '--username', '-p', '--password', '-r', '--history-file']);

/** The apps a process manager stops or forgets (`all` for every one), or undefined. */
function managedStops(a: Args): readonly string[] | undefined {
  const ops = operands(a.list, a.program === 'supervisorctl' ? SUPERVISOR_VALUE_FLAGS : NO_VALUES);
  const verb = (ops[0] ?? '').toLowerCase();
  switch (a.program) {
    case 'pm2':
      if (verb === 'kill') return ['all'];
      return ['stop', 'delete', 'del'].includes(verb) && ops.length > 1 ? ops.slice(1) : undefined;
    case 'supervisorctl':
      if (verb === 'shutdown') return ['all'];
      return verb === 'stop' && ops.length > 1 ? ops.slice(1) : undefined;
    case 'forever':
      if (verb === 'stopall') return ['all'];
      return verb === 'stop' && ops.length > 1 ? ops.slice(1) : undefined;
    default:
      return verb === 'quit' ? ['all'] : verb === 'stop' ? ops.slice(1) : undefined;
  }
}

const LAUNCHCTL_STOP = new Set(['unload', 'bootout', 'remove', 'disable', 'stop', 'kill']);

const serviceRules: readonly Rule[] = [
  {
    id: 'host.systemctl-stop',
    programs: ['systemctl'],
    category: 'host',
    severity: 'high',
    summary: 'Stops, disables, masks or kills a systemd service, taking down what it serves',
    hint: 'Check what depends on the unit (`systemctl list-dependencies --reverse`); prefer `systemctl restart` or `reload`',
    match: (a) => {
      const [verb = '', ...units] = systemctlPath(a);
      return SYSTEMCTL_STOP_VERBS.has(verb.toLowerCase()) && units.length > 0;
    },
    targets: (a) => [...systemctlPath(a).slice(1), ...systemctlHosts(a)],
    examples: {
      match: [
        'sudo systemctl stop nginx', 'systemctl disable --now postgresql', 'sudo systemctl mask docker.service',
        'systemctl kill -s SIGKILL mysqld', 'systemctl -H deploy@prod-db-1 stop postgresql', 'systemctl --user stop api-prod.service',
      ],
      noMatch: [
        'systemctl status nginx', 'sudo systemctl restart nginx', 'systemctl start postgresql', 'systemctl enable --now docker',
        'systemctl daemon-reload', 'systemctl list-units --type=service', 'systemctl is-active nginx',
      ],
    },
  },
  {
    id: 'host.service-stop',
    programs: SERVICE_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Stops a system service or removes it from the boot sequence (SysV, OpenRC, runit, upstart, Windows)',
    hint: 'Restart or reload the service instead, or check what depends on it first',
    match: (a) => (stoppedServices(a)?.length ?? 0) > 0,
    targets: (a) => stoppedServices(a) ?? [],
    examples: {
      match: [
        'sudo service nginx stop', 'service postgresql stop', 'rc-service sshd stop', 'sv down /etc/service/api',
        'sudo update-rc.d -f apache2 remove', 'chkconfig mysqld off', 'rc-update del nginx default', 'net stop W3SVC',
        'sc.exe stop MSSQLSERVER', 'Stop-Service -Name Spooler', 'initctl stop mongodb', 'brew services stop postgresql@16',
        'brew services kill --all',
      ],
      noMatch: [
        'service nginx status', 'sudo service nginx restart', 'service --status-all', 'rc-service nginx start',
        'sv status /etc/service/api', 'chkconfig nginx on', 'rc-update add nginx default', 'net start W3SVC',
        'sc query MSSQLSERVER', 'net use Z: \\\\fileserver\\share', 'brew services list', 'brew services start redis',
        'brew uninstall --force node',
      ],
    },
  },
  {
    id: 'host.launchctl-unload',
    programs: ['launchctl'],
    category: 'host',
    severity: 'high',
    summary: 'Unloads, removes, disables or stops a launchd job on macOS',
    hint: 'Use `launchctl kickstart -k` to restart a job; keep the plist so it can be loaded again',
    match: (a) => {
      const ops = operands(a.list, NO_VALUES);
      return LAUNCHCTL_STOP.has((ops[0] ?? '').toLowerCase()) && ops.length > 1;
    },
    targets: (a) => operands(a.list, NO_VALUES).slice(1),
    examples: {
      match: [
        'launchctl unload -w ~/Library/LaunchAgents/com.acme.sync.plist', 'sudo launchctl bootout system/com.acme.agent',
        'launchctl remove com.acme.worker', 'sudo launchctl disable system/com.openssh.sshd', 'launchctl stop com.acme.backup',
      ],
      noMatch: [
        'launchctl list', 'launchctl load -w ~/Library/LaunchAgents/com.acme.sync.plist', 'launchctl kickstart -k gui/501/com.acme.sync',
        'launchctl print system/com.acme.agent', 'launchctl bootstrap gui/501 com.acme.sync.plist',
      ],
    },
  },
  {
    id: 'host.process-manager-stop',
    programs: PROCESS_MANAGERS,
    category: 'host',
    severity: 'high',
    summary: 'Stops or deletes apps run by a process manager (pm2, supervisord, forever, circus); `all` or `kill` takes every one down',
    hint: 'Restart or reload the app (`pm2 reload`, `supervisorctl restart`) instead, and save the process list first (`pm2 save`)',
    match: (a) => managedStops(a) !== undefined,
    targets: (a) => managedStops(a) ?? [],
    examples: {
      match: [
        'pm2 delete all', 'pm2 kill', 'pm2 stop api-prod', 'pm2 del worker', 'sudo supervisorctl stop all',
        'supervisorctl stop celery:*', 'supervisorctl -c /etc/supervisord.conf shutdown', 'forever stopall', 'circusctl quit',
      ],
      noMatch: [
        'pm2 list', 'pm2 restart all', 'pm2 reload api-prod', 'pm2 logs api', 'pm2 start ecosystem.config.js', 'pm2 save',
        'supervisorctl status', 'supervisorctl restart all', 'forever list',
      ],
    },
  },
];

/* ---------------------------------------------------------------- power */

const POWER_TARGETS = new Set(['poweroff', 'reboot', 'halt', 'kexec', 'soft-reboot', 'rescue', 'emergency', 'runlevel0', 'runlevel1', 'runlevel6']);
const SYSTEMCTL_POWER_VERBS = new Set(['poweroff', 'reboot', 'halt', 'kexec', 'soft-reboot', 'rescue', 'emergency']);
const POWER_PROGRAMS = ['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit', 'systemctl', 'kexec', 'osascript', 'restart-computer', 'stop-computer'];

function powersOff(a: Args): boolean {
  switch (a.program) {
    case 'shutdown':
      // `-c` and `/a` cancel, `-k` only warns, `--show` lists what is scheduled.
      return !a.has('-c', '-k', '--show', '-a') && !a.list.some((w) => /^\/[a?]$/i.test(w));
    case 'reboot':
    case 'halt':
    case 'poweroff':
      return !a.has('-w', '--wtmp-only');
    case 'init':
    case 'telinit':
      return ['0', '1', '6', 's', 'S'].includes(operands(a.list, NO_VALUES)[0] ?? '');
    case 'systemctl': {
      const [verb = '', ...units] = systemctlPath(a).map((w) => w.toLowerCase());
      if (SYSTEMCTL_POWER_VERBS.has(verb)) return true;
      return (verb === 'isolate' || verb === 'start') && units.some((u) => POWER_TARGETS.has(u.replace(/\.target$/, '')));
    }
    case 'kexec':
      return a.has('-e', '--exec');
    case 'osascript':
      return a.values('-e').some((script) => /\bto\s+(?:shut\s*down|restart)\b/i.test(script));
    default:
      return !whatIf(a);
  }
}

/** `/proc/sysrq-trigger`: a letter written there reboots (b), powers off (o) or crashes (c) the kernel at once, without syncing disks. */
const SYSRQ = '/proc/sysrq-trigger';

const powerRules: readonly Rule[] = [
  {
    id: 'host.shutdown',
    programs: POWER_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Shuts down, reboots, halts or drops the machine to single-user mode, taking everything on it offline',
    hint: 'Schedule it (`shutdown -r +10`) and warn users; a powered-off remote host needs console access to come back',
    match: powersOff,
    targets: (a) => (a.program === 'systemctl' ? systemctlHosts(a) : a.values('-ComputerName', '-computername')),
    examples: {
      match: [
        'sudo shutdown -h now', 'shutdown -r +5 "kernel update"', 'sudo reboot now', 'poweroff -f now', 'halt -p now', 'init 0',
        'sudo telinit 6', 'systemctl reboot', 'sudo systemctl poweroff -i', 'systemctl isolate rescue.target', 'kexec -e', 'sudo kexec --exec',
        'shutdown /s /t 0', 'Restart-Computer -ComputerName prod-web-01 -Force',
        'osascript -e \'tell application "System Events" to shut down\'', 'sudo systemctl start reboot.target',
      ],
      noMatch: [
        'shutdown -c', 'sudo shutdown -c "cancelled"', 'shutdown -k +5', 'shutdown /a', 'reboot --wtmp-only', 'init q',
        'systemctl status', 'systemctl isolate graphical.target', 'kexec -l /boot/vmlinuz --initrd=/boot/initrd.img', 'last reboot',
        'osascript -e \'display notification "done"\'',
      ],
    },
  },
  {
    id: 'host.sysrq-trigger',
    // `sysrq-trigger` is listed too so that the keyword prefilter reads a line that only redirects
    // into the file (`echo o > /proc/sysrq-trigger`), whose program is the `>` pseudo-command.
    programs: ['tee', '>', 'sysrq-trigger'],
    category: 'host',
    severity: 'high',
    summary: 'Writes to /proc/sysrq-trigger: the kernel reboots, powers off or crashes immediately, without syncing disks',
    hint: 'Use `systemctl reboot` or `shutdown`, which stop services and flush filesystems first',
    match: (a) => a.list.includes(SYSRQ),
    examples: {
      match: ['echo b | sudo tee /proc/sysrq-trigger', 'echo o > /proc/sysrq-trigger', 'echo c | sudo tee /proc/sysrq-trigger'],
      noMatch: ['cat /proc/sys/kernel/sysrq', 'echo hi | tee out.log', 'echo 1 | sudo tee /proc/sys/kernel/sysrq'],
    },
  },
];

/* ---------------------------------------------------------------- firewall and network */

const IPTABLES = ['iptables', 'ip6tables', 'iptables-legacy', 'ip6tables-legacy', 'iptables-nft', 'ip6tables-nft'];
/** iptables' long options (iptables(8)): it takes any unambiguous prefix of one. */
const IPTABLES_LONG = [
  '--append', '--check', '--delete', '--insert', '--replace', '--list', '--list-rules', '--flush', '--zero', '--new-chain', '--delete-chain',
  '--policy', '--rename-chain', '--protocol', '--source', '--destination', '--match', '--jump', '--goto', '--in-interface', '--out-interface',
  '--fragment', '--set-counters', '--verbose', '--wait', '--wait-interval', '--numeric', '--exact', '--line-numbers', '--modprobe', '--table',
  '--ipv4', '--ipv6', '--help', '--version',
];
const FIREWALL_PROGRAMS = [...IPTABLES, 'nft', 'ufw', 'firewall-cmd', 'pfctl', 'netsh', 'set-netfirewallprofile'];

/** `-P INPUT DROP`: a default-drop policy on traffic to or from the host locks out every session. */
function iptablesDropPolicy(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg !== '-P' && arg !== '--policy') continue;
    const chain = (list[i + 1] ?? '').toUpperCase();
    const target = (list[i + 2] ?? '').toUpperCase();
    if ((chain === 'INPUT' || chain === 'OUTPUT') && (target === 'DROP' || target === 'REJECT')) return true;
  }
  return false;
}

function firewallOff(a: Args): boolean {
  const ops = operands(a.list, NO_VALUES).map((w) => w.toLowerCase());
  switch (a.program) {
    case 'nft': {
      // The command may be one quoted word: `nft 'flush ruleset'`.
      const words = ops.flatMap((w) => w.split(/\s+/)).filter(Boolean);
      const verb = words[0] ?? '';
      return (verb === 'flush' && ['ruleset', 'table', 'chain'].includes(words[1] ?? '')) ||
        ((verb === 'delete' || verb === 'destroy') && ['table', 'chain'].includes(words[1] ?? ''));
    }
    case 'ufw':
      return ops[0] === 'disable' || ops[0] === 'reset' || (ops[0] === 'default' && ops[1] === 'allow' && ops[2] !== 'outgoing' && ops[2] !== 'routed');
    case 'firewall-cmd': {
      const zone = a.value('--set-default-zone')?.toLowerCase();
      return a.has('--panic-on') || zone === 'drop' || zone === 'block' || zone === 'trusted';
    }
    case 'pfctl':
      // `pfctl -F all -f /etc/pf.conf` is the usual reload: flushed and loaded again at once.
      return a.has('-d') || (a.value('-F') !== undefined && a.value('-f') === undefined);
    case 'netsh':
      return ops[0] === 'advfirewall' && (ops.includes('reset') || (ops.includes('state') && ops.includes('off'))) ||
        (ops[0] === 'firewall' && ops.includes('disable'));
    case 'set-netfirewallprofile':
      return /^(?:false|\$false|0)$/i.test(a.value('-Enabled', '-enabled') ?? '');
    default: {
      const list = a.options.map((arg) => longOption(arg, IPTABLES_LONG));
      return list.some((arg) => ['-F', '--flush', '-X', '--delete-chain'].some((flag) => flagMatches(arg, flag))) || iptablesDropPolicy(list);
    }
  }
}

const FIREWALLD_REMOVALS = [
  '--remove-service', '--remove-port', '--remove-rich-rule', '--remove-source', '--remove-interface', '--remove-forward-port',
  '--remove-protocol', '--remove-source-port', '--delete-zone', '--delete-service', '--delete-policy', '--delete-ipset',
];

// What narrows an iptables rule to some traffic; a DROP rule without any of them drops everything.
const IPTABLES_SELECTORS = [
  '-s', '--source', '-d', '--destination', '-p', '--protocol', '-i', '--in-interface', '-o', '--out-interface', '-m', '--match',
  '--dport', '--sport', '--dports', '--sports', '-f', '--fragment',
];

/** `iptables -I INPUT -j DROP`: a drop-everything rule put first cuts every connection, yours too. */
function insertsDropAll(a: Args): boolean {
  const chain = (a.value('-I', '--insert') ?? '').toUpperCase();
  const target = (a.value('-j', '--jump') ?? '').toUpperCase();
  return (chain === 'INPUT' || chain === 'OUTPUT') && (target === 'DROP' || target === 'REJECT') && !a.has(...IPTABLES_SELECTORS);
}

/** Deleting a firewall rule or zone entry (traffic it allowed is cut off), or inserting a drop-everything rule. */
function removesFirewallRule(a: Args): boolean {
  const ops = operands(a.list, NO_VALUES).map((w) => w.toLowerCase());
  switch (a.program) {
    case 'firewall-cmd':
      return a.has(...FIREWALLD_REMOVALS);
    case 'ufw':
      return ops[0] === 'delete';
    case 'nft':
      return ops.flatMap((w) => w.split(/\s+/)).slice(0, 2).join(' ') === 'delete rule';
    default:
      return a.has('-D', '--delete') || insertsDropAll(a);
  }
}

const IP_VALUE_FLAGS: ReadonlySet<string> = new Set(['-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops', '-f', '-family']);

/** `ip link set eth0 down`, `ip addr flush dev eth0`, `ip route flush table main`, `ip route del default`. */
function ipCutsOff(a: Args): boolean {
  // Inside a network namespace (`ip -n test …`, `ip netns exec`) the host's own links are untouched.
  if (a.has('-n', '-netns')) return false;
  const [object, verb, ...rest] = operands(a.list, IP_VALUE_FLAGS).map((w) => w.toLowerCase());
  if (abbreviates(object, 'link')) return abbreviates(verb, 'set') && rest.includes('down');
  if (abbreviates(object, 'address')) return abbreviates(verb, 'flush') || abbreviates(verb, 'delete');
  if (abbreviates(object, 'route')) {
    if (abbreviates(verb, 'flush')) return !rest.includes('cache');
    return abbreviates(verb, 'delete') && (rest.includes('default') || rest.includes('0.0.0.0/0'));
  }
  return false;
}

function networkDown(a: Args): boolean {
  const ops = operands(a.list, NO_VALUES).map((w) => w.toLowerCase());
  switch (a.program) {
    case 'ip':
      return ipCutsOff(a);
    case 'dhclient':
      // Releasing the lease (or stopping the client with it) drops the address.
      return a.has('-r', '-x');
    case 'ifdown':
      return ops.some((i) => i !== 'lo') || a.has('-a', '--all');
    case 'ifconfig':
      return ops.length >= 2 && ops[0] !== 'lo' && ops.includes('down');
    case 'nmcli': {
      const [object = '', verb = ''] = ops;
      if (abbreviates(object, 'networking', 1)) return verb === 'off';
      if (abbreviates(object, 'connection', 1)) return verb === 'down';
      return abbreviates(object, 'device', 1) && abbreviates(verb, 'disconnect', 3);
    }
    default:
      // route: `route del default`, `route delete default`, BSD `route -n flush`.
      return ((ops[0] === 'del' || ops[0] === 'delete') && (ops.includes('default') || ops.includes('0.0.0.0'))) || ops[0] === 'flush';
  }
}

const networkRules: readonly Rule[] = [
  {
    id: 'host.firewall-flush',
    programs: FIREWALL_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Flushes, resets or disables the firewall, or sets a default-drop policy: the host is opened up, or every session (yours too) is locked out',
    hint: 'Save the rules first (`iptables-save > rules.bak`, `nft list ruleset > rules.nft`) and keep an allow rule for your SSH session',
    match: firewallOff,
    examples: {
      match: [
        'sudo iptables -F', 'iptables --flush INPUT', 'iptables --fl', 'ip6tables --delete-ch', 'iptables --pol INPUT DROP', 'iptables -t nat -F', 'iptables -X', 'ip6tables -F', 'ip6tables -X', 'ip6tables -P INPUT DROP', 'iptables -P INPUT DROP',
        'nft flush ruleset', 'sudo nft delete table inet filter', 'ufw disable', 'sudo ufw --force reset', 'firewall-cmd --panic-on',
        'pfctl -F all', 'sudo pfctl -d', 'netsh advfirewall set allprofiles state off', 'Set-NetFirewallProfile -Profile Domain,Public -Enabled False',
      ],
      noMatch: [
        'iptables -L -n', 'sudo iptables -nvL', 'iptables --delete INPUT 3', 'iptables --li', 'iptables --f INPUT', 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT', 'iptables -P INPUT ACCEPT',
        'iptables-save', 'nft list ruleset', 'ufw allow 22/tcp', 'ufw status verbose', 'sudo ufw enable', 'ufw default deny incoming',
        'firewall-cmd --list-all', 'pfctl -sr', 'pfctl -f /etc/pf.conf', 'sudo pfctl -F all -f /etc/pf.conf',
      ],
    },
  },
  {
    id: 'host.firewall-remove-rule',
    programs: ['firewall-cmd', 'ufw', 'nft', ...IPTABLES],
    category: 'host',
    severity: 'high',
    summary: 'Deletes a firewall rule or an allowed service, port or zone, or puts a drop-everything rule first: traffic it let in (SSH included) is cut off',
    hint: 'List the rules first (`iptables -S`, `ufw status numbered`, `firewall-cmd --list-all`) and keep an allow rule for your own session',
    match: removesFirewallRule,
    targets: (a) => (a.program === 'firewall-cmd' ? [...a.values('--zone'), ...a.values(...FIREWALLD_REMOVALS)] : []),
    examples: {
      match: [
        'sudo firewall-cmd --permanent --remove-service=ssh', 'firewall-cmd --zone=public --remove-port=443/tcp',
        'firewall-cmd --permanent --remove-rich-rule=\'rule family="ipv4" source address="10.0.0.0/8" accept\'', 'firewall-cmd --permanent --delete-zone=dmz',
        'sudo iptables -D INPUT -p tcp --dport 443 -j ACCEPT', 'iptables -D INPUT 3', 'sudo iptables -I INPUT 1 -j DROP', 'sudo ufw delete allow 22/tcp',
        'ufw --force delete 3', 'nft delete rule inet filter input handle 7',
      ],
      noMatch: [
        'firewall-cmd --list-all', 'firewall-cmd --permanent --add-service=https', 'firewall-cmd --reload', 'firewall-cmd --get-active-zones',
        'sudo iptables -A INPUT -p tcp --dport 22 -j ACCEPT', 'iptables -I INPUT -s 203.0.113.9 -j DROP', 'sudo iptables -C INPUT -p tcp --dport 443 -j ACCEPT',
        'ufw status numbered', 'ufw allow 443/tcp', 'nft add rule inet filter input tcp dport 22 accept',
      ],
    },
  },
  {
    id: 'host.network-down',
    programs: ['ip', 'ifdown', 'ifconfig', 'nmcli', 'route', 'dhclient'],
    category: 'host',
    severity: 'high',
    summary: 'Takes a network interface down or removes addresses or the default route: a remote host drops off the network',
    hint: 'Use a console session, or schedule a revert first (`sleep 60 && ip link set eth0 up &`) when working over SSH',
    match: networkDown,
    examples: {
      match: [
        'sudo ip link set eth0 down', 'ip link set dev ens3 down', 'ip l s enp0s3 down', 'ip addr flush dev eth0', 'ip route flush table main',
        'sudo ip route del default', 'ifdown eth0', 'ifconfig eth0 down', 'nmcli connection down "Wired connection 1"',
        'nmcli networking off', 'nmcli device disconnect eth0', 'route del default', 'sudo route -n flush', 'sudo ip addr del 10.0.0.5/24 dev eth0',
        'sudo dhclient -r eth0',
      ],
      noMatch: [
        'ip a', 'ip addr show', 'ip link set eth0 up', 'ip route', 'ip route flush cache', 'ip route add default via 10.0.0.1',
        'ip -n test link set veth0 down', 'ifup eth0', 'ifconfig', 'ifdown lo', 'nmcli connection up office', 'nmcli device status', 'route -n',
        'sudo dhclient eth0', 'ip addr add 10.0.0.5/24 dev eth0',
      ],
    },
  },
];

/* ---------------------------------------------------------------- users and cron */

const USERDEL_VALUE_FLAGS: ReadonlySet<string> = new Set(['-R', '--root', '-P', '--prefix']);

/** The accounts a user-deletion command removes; a second operand to deluser/delgroup names a group it leaves. */
function deletedAccounts(a: Args): readonly string[] {
  const ops = operands(a.list, USERDEL_VALUE_FLAGS);
  switch (a.program) {
    case 'deluser':
    case 'delgroup':
      return ops.length === 1 ? ops : [];
    case 'dscl':
      return ops.length >= 2 && a.list.includes('-delete') && /^\/(?:Users|Groups)\/[^/]+$/.test(ops[1] ?? '') ? ops.slice(1, 2) : [];
    case 'sysadminctl':
      return a.values('-deleteUser');
    case 'net':
      return (ops[0] ?? '').toLowerCase() === 'user' && a.list.some((w) => w.toLowerCase() === '/delete') ? ops.slice(1, 2) : [];
    case 'remove-localuser':
      return whatIf(a) ? [] : [...a.values('-Name', '-name'), ...ops];
    case 'pw': {
      // FreeBSD: `pw userdel -n name -r`, `pw userdel name`, `pw groupdel name`.
      const named = operands(a.list, new Set(['-n', '-g', '-u', '-C', '-V', '-R']));
      if (named[0] !== 'userdel' && named[0] !== 'groupdel') return [];
      return [...a.values('-n'), ...named.slice(1)];
    }
    default:
      return ops;
  }
}

/** True when the deletion takes the home directory and mail spool with it. */
function removesHome(a: Args): boolean {
  switch (a.program) {
    case 'userdel': return a.has('-r', '--remove');
    case 'deluser': return a.has('--remove-home', '--remove-all-files');
    case 'sysadminctl': return !a.list.includes('-keepHome');
    case 'pw': return operands(a.list, NO_VALUES)[0] === 'userdel' && a.has('-r');
    default: return false;
  }
}

const USER_PROGRAMS = ['userdel', 'deluser', 'groupdel', 'delgroup', 'dscl', 'sysadminctl', 'net', 'remove-localuser', 'pw'];

const NO_LOGIN_SHELL = /(?:^|\/)(?:nologin|false)$/;
// An expiry date already past: day 0 or 1 since the epoch, or any date in 1970.
const PAST_EXPIRY = /^(?:0|1|1970-.*)$/;
const USERMOD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-c', '--comment', '-d', '--home', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups', '-l', '--login',
  '-p', '--password', '-P', '--prefix', '-R', '--root', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user',
  '-v', '--add-subuids', '-V', '--del-subuids', '-w', '--add-subgids', '-W', '--del-subgids',
]);

/**
 * Locks an account or takes its login away: `passwd -l`, `usermod -L`, an expiry in the past
 * (`chage -E 0`, `usermod -e 1`), a nologin shell; or deletes its password (`passwd -d`: no password at all).
 */
function locksAccount(a: Args): boolean {
  switch (a.program) {
    case 'passwd':
      return a.has('-d', '--delete', '-l', '--lock');
    case 'chage':
      return PAST_EXPIRY.test(a.value('-E', '--expiredate') ?? '');
    case 'chsh':
      return NO_LOGIN_SHELL.test(a.value('-s', '--shell') ?? '');
    default:
      return a.has('-L', '--lock') || PAST_EXPIRY.test(a.value('-e', '--expiredate') ?? '') ||
        NO_LOGIN_SHELL.test(a.value('-s', '--shell') ?? '');
  }
}
const lockedAccounts = (a: Args): string[] => operands(a.list, a.program === 'usermod' ? USERMOD_VALUE_FLAGS : new Set(['-E', '--expiredate', '-r', '--repository', '-R', '--root', '-s', '--shell']));

/** The user a group-membership change removes: `gpasswd -d user group`, `deluser user group`, `usermod -G g user` without -a (replaces every supplementary group). */
function groupLeaver(a: Args): readonly string[] {
  switch (a.program) {
    case 'gpasswd':
      return a.values('-d', '--delete');
    case 'usermod':
      return a.has('-G', '--groups') && !a.has('-a', '--append') ? operands(a.list, USERMOD_VALUE_FLAGS).slice(-1) : [];
    default: {
      const ops = operands(a.list, NO_VALUES);
      return ops.length === 2 ? ops.slice(0, 1) : [];
    }
  }
}

/** `echo "" | crontab -`: an empty crontab read from stdin replaces the whole one. */
const emptyCrontabFromStdin = (a: Args): boolean => a.list.includes('-') && a.command.stdin !== undefined && a.command.stdin.trim() === '';

const userRules: readonly Rule[] = [
  {
    id: 'host.user-delete-home',
    programs: ['userdel', 'deluser', 'sysadminctl', 'pw'],
    category: 'host',
    severity: 'critical',
    summary: 'Deletes a user account together with its home directory and mail spool',
    hint: 'Lock the account (`usermod -L`, `passwd -l`) and archive the home directory before deleting anything',
    match: (a) => removesHome(a) && deletedAccounts(a).length > 0,
    targets: deletedAccounts,
    examples: {
      match: ['sudo userdel -r deploy', 'userdel --remove --force olduser', 'userdel -rf jenkins', 'deluser --remove-home alice', 'deluser --remove-all-files bob', 'sudo sysadminctl -deleteUser contractor', 'sudo pw userdel -n builder -r'],
      noMatch: ['userdel deploy', 'deluser alice sudo', 'sysadminctl -deleteUser contractor -keepHome', 'useradd -m deploy', 'id deploy'],
    },
  },
  {
    id: 'host.user-delete',
    programs: USER_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Deletes a user or group account: its logins, keys and file ownership stop working',
    hint: 'Lock the account (`usermod -L` / `passwd -l`) first, and delete it once nothing depends on it',
    match: (a) => !removesHome(a) && deletedAccounts(a).length > 0,
    targets: deletedAccounts,
    examples: {
      match: [
        'sudo userdel deploy', 'deluser alice', 'groupdel developers', 'delgroup docker-users', 'sudo dscl . -delete /Users/olduser',
        'net user svc_backup /delete', 'Remove-LocalUser -Name "temp-admin"', 'pw groupdel builders',
      ],
      noMatch: ['deluser alice sudo', 'delgroup bob docker', 'dscl . -read /Users/alice', 'net user', 'groupadd developers', 'getent passwd deploy', 'pw usershow builder', 'pw userdel -n builder -r'],
    },
  },
  {
    id: 'host.account-lock',
    programs: ['passwd', 'usermod', 'chage', 'chsh'],
    category: 'host',
    severity: 'high',
    summary: 'Locks or expires an account, takes away its login shell, or deletes its password so anyone may log in',
    hint: 'Check the account is not the one you (or a service) log in with, and keep another admin login; set a new password instead of deleting it',
    match: locksAccount,
    targets: lockedAccounts,
    examples: {
      match: [
        'sudo passwd -d deploy', 'passwd --delete root', 'sudo passwd -l root', 'sudo passwd -l deploy', 'passwd --lock ci',
        'sudo usermod -L -e 1 ci-runner', 'usermod --lock alice', 'sudo usermod -s /usr/sbin/nologin git', 'sudo chage -E 0 deploy',
        'sudo chsh -s /bin/false deploy',
      ],
      noMatch: [
        'passwd', 'sudo passwd deploy', 'passwd -S deploy', 'passwd -e deploy', 'sudo usermod -aG docker alice', 'usermod -U alice',
        'usermod -s /bin/zsh alice', 'sudo chage -l deploy', 'chage -E 2030-01-01 contractor', 'chsh -s /bin/zsh',
      ],
    },
  },
  {
    id: 'host.group-member-remove',
    programs: ['gpasswd', 'deluser', 'delgroup', 'usermod'],
    category: 'host',
    severity: 'high',
    summary: 'Removes a user from a group (or, with `usermod -G` without -a, from every group not listed): sudo or service access goes with it',
    hint: 'Check `id user` first; add groups with `usermod -aG`, which keeps the existing ones',
    match: (a) => groupLeaver(a).length > 0,
    targets: groupLeaver,
    examples: {
      match: ['sudo gpasswd -d alice sudo', 'gpasswd --delete bob docker', 'sudo deluser alice sudo', 'delgroup bob docker', 'sudo usermod -G docker alice'],
      noMatch: ['sudo gpasswd -a bob developers', 'sudo usermod -aG docker alice', 'usermod --append --groups wheel bob', 'deluser alice', 'groups alice'],
    },
  },
  {
    id: 'host.crontab-remove',
    programs: ['crontab'],
    category: 'host',
    severity: 'high',
    summary: 'Removes the whole crontab without asking: every scheduled job of the user (backups, renewals) is gone',
    hint: 'Save it first (`crontab -l > crontab.bak`), then edit with `crontab -e`, or use `crontab -ir` to be asked',
    match: (a) => (a.has('-r') && !a.has('-i')) || operands(a.list, new Set(['-u'])).includes('/dev/null') || emptyCrontabFromStdin(a),
    targets: (a) => a.values('-u'),
    examples: {
      match: ['crontab -r', 'sudo crontab -u www-data -r', 'crontab -r -u deploy', 'crontab /dev/null', 'sudo crontab -u root /dev/null', 'echo "" | crontab -'],
      noMatch: ['crontab -l', 'crontab -e', 'crontab -ir', 'crontab -r -i', 'crontab mycron.txt', 'crontab -u deploy -l', '(crontab -l; echo "0 3 * * * /opt/backup.sh") | crontab -'],
    },
  },
];

/* ---------------------------------------------------------------- volumes, pools and disks */

const LVM_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-S', '--select', '-A', '--autobackup', '--config', '--commandprofile', '--reportformat', '-L', '--size', '-l', '--extents',
  '--driverloaded', '--devices', '--devicesfile', '--journal',
]);
const lvmTargets = (a: Args): string[] => deviceNames([...operands(a.list, LVM_VALUE_FLAGS), ...a.values('-S', '--select')]);
const lvmTest = (a: Args): boolean => a.has('-t', '--test');

/** A relative shrink (`lvresize -L -10G`); lvreduce always shrinks. */
function lvShrinks(a: Args): boolean {
  if (a.program === 'lvreduce') return true;
  return [a.value('-L', '--size'), a.value('-l', '--extents')].some((v) => v?.startsWith('-'));
}

const zfsOps = (a: Args): string[] => operands(a.list, NO_VALUES);
/** The datasets or snapshots `zfs destroy` names (undefined when it is no destroy, or a dry run). */
function zfsDestroyed(a: Args): readonly string[] | undefined {
  const [verb, ...names] = zfsOps(a);
  if (verb !== 'destroy' || a.has('-n') || names.length === 0) return undefined;
  return names;
}
/** A dataset (no `@snapshot` or `#bookmark`), or `-R`, which also destroys clones of a snapshot. */
const zfsDestroysData = (a: Args): boolean => zfsDestroyed(a)?.some((n) => !/[@#]/.test(n)) === true || (zfsDestroyed(a) !== undefined && a.has('-R'));

/** What a rollback reverts: `zfs rollback snap`, `lvconvert --merge vg/snap`, `snapper rollback N` / `undochange A..B`. */
function snapshotRollback(a: Args): readonly string[] {
  switch (a.program) {
    case 'zfs': {
      const [verb, ...names] = zfsOps(a);
      return verb === 'rollback' ? names : [];
    }
    case 'lvconvert':
      return a.has('--merge', '--mergesnapshot') ? deviceNames(operands(a.list, LVM_VALUE_FLAGS)) : [];
    default: {
      const ops = operands(a.list, new Set(['-c', '--config', '--root', '-r']));
      return ops[0] === 'rollback' || ops[0] === 'undochange' ? [...a.values('-c', '--config'), ...(ops.length > 1 ? ops.slice(1) : ['current'])] : [];
    }
  }
}

const BTRFS_VALUE_FLAGS: ReadonlySet<string> = new Set(['-i', '--subvolid']);
/** The paths `btrfs subvolume delete` (in any abbreviation) removes. */
function btrfsDeleted(a: Args): readonly string[] {
  const [group, verb, ...paths] = operands(a.list, BTRFS_VALUE_FLAGS);
  return abbreviates(group, 'subvolume', 2) && abbreviates(verb, 'delete', 2) ? paths : [];
}
const looksLikeSnapshot = (path: string): boolean => /snap/i.test(path);
const btrfsDestroysData = (a: Args): boolean => btrfsDeleted(a).some((p) => !looksLikeSnapshot(p)) || (btrfsDeleted(a).length > 0 && a.has('-R', '--recursive'));

const CRYPTSETUP_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--type', '-M', '-c', '--cipher', '-s', '--key-size', '-h', '--hash', '-d', '--key-file', '-S', '--key-slot', '--header',
  '--pbkdf', '-i', '--iter-time', '--label', '--subsystem', '--uuid', '-o', '--offset', '-p', '--skip', '-b', '--size',
  '-l', '--keyfile-size', '--keyfile-offset', '--new-keyfile-size', '--new-keyfile-offset', '--volume-key-file',
  '--master-key-file', '-t', '--timeout', '-T', '--tries', '--sector-size', '--token-id', '--key-description', '--integrity',
  '--pbkdf-memory', '--pbkdf-parallel', '--pbkdf-force-iterations', '--priority', '--header-backup-file', '--json-file',
]);
/** `[action, device, …]` of a cryptsetup line, action lower-cased. */
function cryptsetupPath(a: Args): string[] {
  const [action = '', ...rest] = operands(a.list, CRYPTSETUP_VALUE_FLAGS);
  return [action.toLowerCase(), ...rest];
}
function luksDestroys(a: Args): boolean {
  const [action, device = ''] = cryptsetupPath(a);
  // Formatting an image file creates a new container; formatting a device overwrites what it held.
  return action === 'erase' || action === 'lukserase' || (action === 'luksformat' && device.startsWith('/dev/'));
}

const MANAGE_MODE = (a: Args): boolean => (a.list[0] ?? '').startsWith('/dev/md');
const mdadmDevices = (a: Args): string[] => deviceNames(operands(a.list, NO_VALUES).filter((w) => w.startsWith('/dev/')));

const HDPARM_ERASE = ['--security-erase', '--security-erase-enhanced', '--trim-sector-ranges', '--trim-sector-ranges-stdin', '--write-sector', '--make-bad-sector'];

function firmwareErases(a: Args): boolean {
  switch (a.program) {
    case 'hdparm': return a.has(...HDPARM_ERASE);
    case 'nvme': return ['format', 'sanitize', 'delete-ns'].includes((operands(a.list, NO_VALUES)[0] ?? '').toLowerCase());
    default: return a.has('-F', '--format');
  }
}

const volumeRules: readonly Rule[] = [
  {
    id: 'host.lvm-remove',
    programs: ['lvremove', 'vgremove'],
    category: 'host',
    severity: 'critical',
    summary: 'Removes LVM logical volumes (a whole volume group with vgremove) and the data on them',
    hint: 'Snapshot or back up the volume first (`lvcreate -s`, or copy it off), and check `lvs` for the exact name',
    match: (a) => !lvmTest(a) && lvmTargets(a).length > 0,
    targets: lvmTargets,
    examples: {
      match: ['sudo lvremove /dev/vg0/data', 'lvremove -y vg_prod/mysql', 'lvremove -f ubuntu-vg/root', 'vgremove vg_backup', 'sudo vgremove -f vg0'],
      noMatch: ['lvdisplay', 'lvs', 'lvremove --test vg0/data', 'vgdisplay vg0', 'lvcreate -L 10G -n data vg0'],
    },
  },
  {
    id: 'host.lvm-shrink',
    programs: ['lvreduce', 'lvresize', 'pvremove'],
    category: 'host',
    severity: 'high',
    summary: 'Shrinks a logical volume (data past the new end is lost unless the filesystem was shrunk first) or wipes a physical volume label',
    hint: 'Shrink the filesystem first or use `--resizefs`, and take a snapshot or backup before',
    match: (a) => !lvmTest(a) && operands(a.list, LVM_VALUE_FLAGS).length > 0 && (a.program === 'pvremove' || lvShrinks(a)),
    targets: lvmTargets,
    examples: {
      match: ['lvreduce -L 20G /dev/vg0/data', 'sudo lvreduce -r -L -5G vg0/home', 'lvresize -L -10G vg0/var', 'pvremove /dev/sdb1', 'pvremove -ff /dev/sdc'],
      noMatch: ['lvresize -L +10G vg0/var', 'lvextend -L +5G vg0/data', 'lvreduce --test -L 20G vg0/data', 'pvs', 'pvcreate /dev/sdb1'],
    },
  },
  {
    id: 'host.zfs-destroy',
    programs: ['zfs'],
    category: 'host',
    severity: 'critical',
    summary: 'Destroys a ZFS dataset or volume (with -r/-R its children, snapshots and clones) and everything stored in it',
    hint: 'Run it with -nv first to see what would go, and keep a snapshot sent elsewhere (`zfs send`)',
    match: zfsDestroysData,
    targets: (a) => zfsDestroyed(a) ?? [],
    examples: {
      match: ['sudo zfs destroy tank/prod-db', 'zfs destroy -r tank/home', 'zfs destroy -Rf pool/vm-101-disk-0', 'zfs destroy -R tank/data@nightly'],
      noMatch: ['zfs list', 'zfs destroy -nv tank/prod-db', 'zfs snapshot tank/prod-db@before-upgrade', 'zfs destroy tank/prod-db@old', 'zfs get all tank'],
    },
  },
  {
    id: 'host.zfs-destroy-snapshot',
    programs: ['zfs'],
    category: 'host',
    severity: 'high',
    summary: 'Destroys ZFS snapshots or bookmarks: the restore points they held are gone',
    hint: 'Run it with -nv first, and keep the latest snapshot (or send it elsewhere) before pruning',
    match: (a) => zfsDestroyed(a) !== undefined && !zfsDestroysData(a),
    targets: (a) => zfsDestroyed(a) ?? [],
    examples: {
      match: ['zfs destroy tank/prod-db@2024-01-01', 'sudo zfs destroy -r tank/home@autosnap_2024', 'zfs destroy tank/data@snap1%snap9'],
      noMatch: ['zfs list -t snapshot', 'zfs destroy -n tank/data@snap1', 'zfs snapshot -r tank@today', 'zfs destroy tank/data'],
    },
  },
  {
    id: 'host.snapshot-rollback',
    programs: ['zfs', 'lvconvert', 'snapper'],
    category: 'host',
    severity: 'high',
    summary: 'Rolls a volume back to a snapshot (zfs rollback, lvconvert --merge, snapper), discarding every change made since',
    hint: 'Clone or mount the snapshot (`zfs clone`, `lvcreate -s`) to read the old data without losing the current state',
    match: (a) => snapshotRollback(a).length > 0,
    targets: snapshotRollback,
    examples: {
      match: [
        'zfs rollback tank/prod-db@before-migration', 'sudo zfs rollback -r tank/home@monday', 'sudo lvconvert --merge vg0/data_snap',
        'snapper rollback 42', 'snapper -c home undochange 10..12',
      ],
      noMatch: ['zfs list -t snapshot', 'zfs clone tank/prod-db@before-migration tank/restore', 'lvconvert --type raid1 -m 1 vg0/data', 'snapper list'],
    },
  },
  {
    id: 'host.zpool-destroy',
    programs: ['zpool'],
    category: 'host',
    severity: 'critical',
    summary: 'Destroys a ZFS pool, or clears the ZFS label off a device: every dataset on it is gone',
    hint: 'Export the pool (`zpool export`) if the goal is to detach it; check `zpool status` for the exact devices',
    match: (a) => ['destroy', 'labelclear'].includes(zfsOps(a)[0] ?? '') && zfsOps(a).length > 1,
    targets: (a) => deviceNames(zfsOps(a).slice(1)),
    examples: {
      match: ['sudo zpool destroy tank', 'zpool destroy -f backup-pool', 'zpool labelclear -f /dev/sdb'],
      noMatch: ['zpool status', 'zpool list', 'zpool export tank', 'zpool scrub tank'],
    },
  },
  {
    id: 'host.btrfs-subvolume-delete',
    programs: ['btrfs'],
    category: 'host',
    severity: 'critical',
    summary: 'Deletes a btrfs subvolume and all the files in it',
    hint: 'Snapshot it first (`btrfs subvolume snapshot -r`) and check the path with `btrfs subvolume list`',
    match: btrfsDestroysData,
    targets: btrfsDeleted,
    examples: {
      match: ['sudo btrfs subvolume delete /mnt/@home', 'btrfs sub del /srv/data', 'btrfs subvolume delete -c /mnt/pool/@var'],
      noMatch: ['btrfs subvolume list /', 'btrfs subvolume snapshot /home /home/.snapshots/today', 'btrfs subvolume delete /.snapshots/42/snapshot'],
    },
  },
  {
    id: 'host.btrfs-snapshot-delete',
    programs: ['btrfs'],
    category: 'host',
    severity: 'high',
    summary: 'Deletes btrfs snapshots: the restore points they held are gone',
    hint: 'Keep the most recent snapshot, and list them first (`btrfs subvolume list -s`)',
    match: (a) => btrfsDeleted(a).length > 0 && !btrfsDestroysData(a),
    targets: btrfsDeleted,
    examples: {
      match: ['btrfs subvolume delete /.snapshots/42/snapshot', 'sudo btrfs sub delete /mnt/@snapshots/home-2024-01-01'],
      noMatch: ['btrfs subvolume list -s /', 'btrfs subvolume delete /mnt/@home'],
    },
  },
  {
    id: 'host.luks-erase',
    programs: ['cryptsetup'],
    category: 'host',
    severity: 'critical',
    summary: 'Erases or re-formats a LUKS header: every key slot is gone and the encrypted data can never be decrypted',
    hint: 'Back up the header first (`cryptsetup luksHeaderBackup`), and check the device with lsblk',
    match: luksDestroys,
    targets: (a) => deviceNames(cryptsetupPath(a).slice(1, 2)),
    examples: {
      match: ['sudo cryptsetup erase /dev/sdb1', 'cryptsetup luksErase /dev/nvme0n1p3', 'cryptsetup luksFormat /dev/sdc', 'cryptsetup -q --type luks2 luksFormat /dev/sdb1'],
      noMatch: ['cryptsetup luksDump /dev/sdb1', 'cryptsetup open /dev/sdb1 secure', 'cryptsetup status secure', 'cryptsetup luksAddKey /dev/sdb1', 'cryptsetup luksFormat vault.img'],
    },
  },
  {
    id: 'host.luks-key-remove',
    programs: ['cryptsetup'],
    category: 'host',
    severity: 'high',
    summary: 'Removes a LUKS key slot or passphrase; with the last one gone the volume can never be unlocked',
    hint: 'Check `cryptsetup luksDump` shows another working key slot, and back up the header first',
    match: (a) => ['lukskillslot', 'luksremovekey'].includes(cryptsetupPath(a)[0] ?? ''),
    targets: (a) => deviceNames(cryptsetupPath(a).slice(1, 2)),
    examples: {
      match: ['cryptsetup luksKillSlot /dev/sdb1 1', 'sudo cryptsetup luksRemoveKey /dev/nvme0n1p3'],
      noMatch: ['cryptsetup luksAddKey /dev/sdb1', 'cryptsetup luksDump /dev/sdb1'],
    },
  },
  {
    id: 'host.mdadm-wipe',
    programs: ['mdadm'],
    category: 'host',
    severity: 'critical',
    summary: 'Zeroes RAID superblocks or creates a new array over member disks, destroying the array that was there',
    hint: 'Record the layout first (`mdadm --detail --scan`, `mdadm --examine`) and check every device with lsblk',
    match: (a) => a.has('--zero-superblock', '--create', '-C'),
    targets: mdadmDevices,
    examples: {
      match: ['mdadm --zero-superblock /dev/sdb1', 'sudo mdadm --create /dev/md0 --level=1 --raid-devices=2 /dev/sdb /dev/sdc', 'mdadm -C /dev/md1 -l 5 -n 3 /dev/sd[bcd]1'],
      noMatch: ['mdadm --detail /dev/md0', 'mdadm --examine /dev/sdb1', 'mdadm --assemble --scan', 'cat /proc/mdstat'],
    },
  },
  {
    id: 'host.mdadm-stop',
    programs: ['mdadm'],
    category: 'host',
    severity: 'high',
    summary: 'Stops a RAID array or fails and removes a member disk, leaving it offline or without redundancy',
    hint: 'Check `mdadm --detail` first; add the replacement disk before removing a member',
    match: (a) => a.has('--stop', '-S', '--fail', '--remove', '--set-faulty') || (MANAGE_MODE(a) && a.has('-f', '-r')),
    targets: mdadmDevices,
    examples: {
      match: ['sudo mdadm --stop /dev/md0', 'mdadm -S /dev/md127', 'mdadm /dev/md0 --fail /dev/sdb1 --remove /dev/sdb1', 'mdadm /dev/md0 -f /dev/sdc1'],
      noMatch: ['mdadm --detail /dev/md0', 'mdadm /dev/md0 --add /dev/sdd1', 'mdadm --assemble /dev/md0 /dev/sdb1 /dev/sdc1'],
    },
  },
  {
    id: 'host.disk-secure-erase',
    programs: ['hdparm', 'nvme', 'sg_format'],
    category: 'host',
    severity: 'critical',
    summary: 'Erases a whole drive in its firmware (secure erase, sanitize, low-level format, namespace delete)',
    hint: 'Check the device with lsblk and `nvme list`, and make sure it holds nothing you need',
    match: firmwareErases,
    targets: (a) => deviceNames(operands(a.list, NO_VALUES).filter((w) => w.startsWith('/dev/'))),
    examples: {
      match: [
        'hdparm --user-master u --security-erase p /dev/sdb', 'sudo hdparm --security-erase-enhanced NULL /dev/sdc', 'nvme format /dev/nvme0n1 --ses=1',
        'sudo nvme sanitize /dev/nvme0 -a 2', 'nvme delete-ns /dev/nvme1 -n 1', 'sg_format --format /dev/sg2',
      ],
      noMatch: ['hdparm -I /dev/sda', 'hdparm -tT /dev/sda', 'nvme list', 'nvme smart-log /dev/nvme0', 'sg_format /dev/sg2'],
    },
  },
];

/* ---------------------------------------------------------------- virtual machines */

const VIRSH_VALUE_FLAGS: ReadonlySet<string> = new Set(['-c', '--connect', '-l', '--log', '-k', '--keepalive-interval', '-K', '--keepalive-count', '-e', '--escape', '--pool']);
const virshPath = (a: Args): string[] => operands(a.list, VIRSH_VALUE_FLAGS);

/** How bad a VM command is: deleting its disks is critical, forcing it off or forgetting its definition high. */
function vmDanger(a: Args): Severity | undefined {
  const ops = a.program === 'virsh' ? virshPath(a) : operands(a.list, NO_VALUES);
  const verb = (ops[0] ?? '').toLowerCase();
  if (ops.length < 2) return undefined;
  switch (a.program) {
    case 'virsh':
      if (['vol-delete', 'vol-wipe', 'pool-delete'].includes(verb)) return 'critical';
      if (verb === 'undefine') return a.has('--remove-all-storage', '--storage', '--wipe-storage') ? 'critical' : 'high';
      return ['destroy', 'shutdown', 'reset'].includes(verb) ? 'high' : undefined;
    case 'qm':
    case 'pct':
      if (verb === 'destroy') return 'critical';
      return ['stop', 'shutdown', 'reset'].includes(verb) ? 'high' : undefined;
    case 'lxc':
    case 'incus':
      if (verb === 'delete' || (verb === 'storage' && ops[1] === 'volume' && ops[2] === 'delete')) return 'critical';
      return verb === 'stop' ? 'high' : undefined;
    default:
      return (verb === 'unregistervm' || verb === 'closemedium') && a.has('--delete', '--delete-all') ? 'critical' : undefined;
  }
}

const vmTargets = (a: Args): string[] => (a.program === 'virsh' ? virshPath(a) : operands(a.list, NO_VALUES)).slice(1);
const VM_PROGRAMS = ['virsh', 'qm', 'pct', 'vboxmanage', 'lxc', 'incus'];

const vmRules: readonly Rule[] = [
  {
    id: 'host.vm-destroy',
    programs: VM_PROGRAMS,
    category: 'host',
    severity: 'critical',
    summary: 'Deletes a virtual machine or container together with its disks or storage volumes',
    hint: 'Back the disks up (`vzdump`, `virsh vol-download`) or snapshot them, and check the VM id or name first',
    match: (a) => vmDanger(a) === 'critical',
    targets: vmTargets,
    examples: {
      match: [
        'qm destroy 101 --purge', 'sudo pct destroy 204', 'virsh undefine prod-db --remove-all-storage', 'virsh vol-delete --pool default prod-db.qcow2',
        'VBoxManage unregistervm build-vm --delete', 'lxc delete --force web-prod', 'incus storage volume delete default pgdata',
      ],
      noMatch: ['qm list', 'pct list', 'virsh list --all', 'virsh undefine old-vm', 'VBoxManage list vms', 'qm snapshot 101 pre-upgrade', 'lxc list', 'lxc snapshot web-prod'],
    },
  },
  {
    id: 'host.vm-stop',
    programs: VM_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Forces a virtual machine or container off (or forgets its definition), taking what it runs offline',
    hint: 'Shut it down from inside the guest, or snapshot it first; keep the definition (`virsh dumpxml`)',
    match: (a) => vmDanger(a) === 'high',
    targets: vmTargets,
    examples: {
      match: ['virsh destroy prod-web-01', 'virsh -c qemu+ssh://kvm1/system shutdown db01', 'virsh undefine old-vm', 'qm stop 101', 'pct shutdown 204', 'lxc stop db01'],
      noMatch: ['virsh start prod-web-01', 'virsh list --all', 'qm start 101', 'pct enter 204', 'virsh dumpxml db01', 'lxc start db01'],
    },
  },
];

/* ---------------------------------------------------------------- processes, logs, history */

/** `kill -9 -1`, `kill -s KILL -1`, `kill -- -1`: pid -1 is every process the caller may signal. */
function killsEverything(list: readonly string[]): boolean {
  let signal: string | undefined;
  const pids: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg === '--') { pids.push(...list.slice(i + 1)); break; }
    if (arg === '-s' || arg === '-n' || arg === '--signal') { signal = list[++i]; continue; }
    if (arg === '-l' || arg === '-L' || arg === '--list' || arg === '--table') return false;
    // The first option-like word names the signal (`kill -1 1234` sends SIGHUP to 1234).
    if (signal === undefined && pids.length === 0 && /^-\w+$/.test(arg)) { signal = arg.slice(1); continue; }
    pids.push(arg);
  }
  return pids.includes('-1') && signal !== '0';
}

const PKILL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-u', '--euid', '-U', '--uid', '-g', '--pgroup', '-G', '--group', '-P', '--parent', '-s', '--session', '-t', '--terminal',
  '-F', '--pidfile', '--signal', '--ns', '--nslist', '--user', '-o', '--older-than', '-y', '--younger-than',
]);
/** `pkill -u alice`, `killall -u alice`: every process of a user, since no name narrows it. */
const killsUser = (a: Args): boolean => a.has('-u', '--euid', '-U', '--uid', '--user') && operands(a.list, PKILL_VALUE_FLAGS).length === 0;

// Servers that lose unflushed writes (or need crash recovery) when killed without warning.
const DATA_SERVERS = /^(?:postgres|postmaster|mysqld|mariadbd|mongod|mongos|redis-server|valkey-server|etcd|elasticsearch|opensearch|kafka|zookeeper|cassandra|clickhouse-server|influxd|rabbitmq-server|beam\.smp|minio|consul|vault|nomad|dockerd|containerd|kubelet)$/;

/** `pkill -9 postgres`, `killall -KILL mysqld`: SIGKILL to a database or cluster daemon. */
function sigkillsDataServer(a: Args): boolean {
  const signal = (a.value('-s', '--signal') ?? a.list.find((w) => /^-(?:9|KILL|SIGKILL)$/i.test(w)) ?? '').replace(/^-/, '').toUpperCase();
  if (signal !== '9' && signal !== 'KILL' && signal !== 'SIGKILL') return false;
  return operands(a.list, PKILL_VALUE_FLAGS).some((name) => DATA_SERVERS.test(name));
}

// Names of processes every machine runs: a pattern matching all of them matches every process.
const EVERY_PROCESS = ['systemd', 'init', 'sshd', 'bash', 'node', 'postgres', 'containerd', 'kworker/0:1', 'code', 'sh'];
/** Options that narrow a pattern's match to a few processes (the newest, a parent's children, a terminal's). */
const PKILL_NARROWING = new Set(['-n', '--newest', '-o', '--oldest', '-P', '--parent', '-t', '--terminal', '-s', '--session',
  '-g', '--pgroup', '-G', '--group', '-F', '--pidfile', '--ns', '-O', '--older', '-c', '--count']);

/** `pkill -9 .`, `pkill -f ''`, `killall -r '.*'`: a pattern every process name matches (as root, the whole machine). */
function killsEveryName(a: Args): boolean {
  if (a.program === 'killall' && !a.has('-r', '--regexp')) return false;
  if (a.list.some((w) => PKILL_NARROWING.has(w) || /^--(?:newest|oldest|parent|terminal|session|pgroup|group|pidfile|ns)=/.test(w) || /^-[a-zA-Z]*[no]$/.test(w))) return false;
  // pkill's -x matches the whole name (its -e only echoes what it kills).
  const exact = a.program === 'pkill' && a.has('-x', '--exact');
  return operands(a.list, PKILL_VALUE_FLAGS).some((pattern) => {
    if (pattern.length > 200) return false;
    try {
      const re = new RegExp(exact ? `^(?:${pattern})$` : pattern);
      return EVERY_PROCESS.every((name) => re.test(name));
    } catch {
      return false;
    }
  });
}

/** Journal retention given as a time (`1s`, `2h`, `3d`) in seconds; bare numbers are seconds. */
function seconds(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const scale = unit === '' || unit.startsWith('s') ? 1 : unit === 'm' || unit.startsWith('min') ? 60 : unit.startsWith('h') ? 3600
    : unit.startsWith('d') ? 86_400 : unit.startsWith('w') ? 604_800 : unit === 'month' || unit === 'months' ? 2_592_000 : unit.startsWith('y') ? 31_536_000 : undefined;
  return scale === undefined ? undefined : Number(m[1]) * scale;
}

/** Journal size in bytes (`500M`, `1G`, `10K`). */
function bytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtpe]?)/i.exec(value.trim());
  if (!m) return undefined;
  const exponent = ' kmgtpe'.indexOf((m[2] || ' ').toLowerCase());
  return Number(m[1]) * 1024 ** exponent;
}

const DAY = 86_400;
const SMALL_JOURNAL = 50 * 1024 * 1024;

/**
 * Vacuuming that empties the journal (`--vacuum-time=1s`, `--vacuum-size=1M`, `--vacuum-files=1`);
 * routine retention (`--vacuum-time=2weeks`, `--vacuum-size=500M`) stays quiet.
 */
function wipesJournal(a: Args): boolean {
  const time = a.value('--vacuum-time');
  const size = a.value('--vacuum-size');
  const files = a.value('--vacuum-files');
  return (time !== undefined && (seconds(time) ?? 0) <= DAY) || (size !== undefined && (bytes(size) ?? 0) < SMALL_JOURNAL) ||
    (files !== undefined && Number(files) <= 1);
}

// Login and audit records: emptying them hides who logged in and what they did.
const SECURITY_LOG = /^\/var\/log\/(?:auth\.log|secure|wtmp|btmp|lastlog|faillog|audit\/audit\.log)$/;

const HISTORY_FILE = /(?:^|\/)(?:\.(?:bash_history|zsh_history|sh_history|history|histfile)|fish_history)$/;

function erasesHistory(a: Args): boolean {
  switch (a.program) {
    case 'history': return a.has('-c', '-d');
    case 'unset': return a.list.some((w) => w === 'HISTFILE');
    case 'ln': return a.list.includes('/dev/null') && a.list.some((w) => HISTORY_FILE.test(w));
    default: return operands(a.list, NO_VALUES).some((w) => HISTORY_FILE.test(w));
  }
}

const processRules: readonly Rule[] = [
  {
    id: 'host.kill-all-processes',
    programs: ['kill', 'killall5'],
    category: 'host',
    severity: 'high',
    summary: 'Signals every process the caller can reach (as root: the whole machine, SSH sessions included)',
    hint: 'Kill the specific process ids or use `pkill -f <pattern>` after checking the list with `pgrep -fa`',
    match: (a) => a.program === 'killall5' || killsEverything(a.list),
    examples: {
      match: ['kill -9 -1', 'sudo kill -KILL -1', 'kill -s KILL -1', 'kill -- -1', 'kill -SIGTERM -1', 'killall5 -9', 'sudo killall5 -15 now'],
      noMatch: ['kill 1234', 'kill -9 4242', 'kill -1 1234', 'kill -l', 'kill -0 -1', 'kill %1'],
    },
  },
  {
    id: 'host.kill-user-processes',
    programs: ['pkill', 'killall', 'skill'],
    category: 'host',
    severity: 'high',
    summary: 'Kills every process of a user (their services, jobs and sessions)',
    hint: 'Name the process to kill (`pkill -u alice -f worker.py`), after listing them with `pgrep -u alice -a`',
    match: killsUser,
    targets: (a) => [...a.values('-u', '--euid', '-U', '--uid', '--user')],
    examples: {
      match: ['sudo pkill -u alice', 'pkill -9 -u www-data', 'pkill -KILL -U deploy', 'killall -u bob', 'killall -9 --user jenkins'],
      noMatch: ['pkill -u alice -f worker.py', 'pkill node', 'killall -9 chrome', 'pgrep -u alice', 'pkill -f "npm run dev"'],
    },
  },
  {
    id: 'host.kill-data-server',
    programs: ['pkill', 'killall'],
    category: 'host',
    severity: 'high',
    summary: 'Kills a database or cluster daemon with SIGKILL: unflushed writes can be lost and it may need crash recovery',
    hint: 'Stop it through its service (`systemctl stop postgresql`) or send SIGTERM and wait, so it shuts down cleanly',
    match: sigkillsDataServer,
    targets: (a) => operands(a.list, PKILL_VALUE_FLAGS),
    examples: {
      match: ['sudo pkill -9 postgres', 'killall -9 mysqld', 'sudo killall -KILL mongod', 'pkill -SIGKILL redis-server', 'killall -s KILL etcd'],
      noMatch: ['pkill postgres', 'killall -HUP nginx', 'pkill -9 node', 'sudo killall -9 chrome', 'pgrep -a postgres'],
    },
  },
  {
    id: 'host.kill-every-name',
    programs: ['pkill', 'killall'],
    category: 'host',
    severity: 'high',
    summary: 'Kills every process whose name matches a pattern that every name matches: all the caller can reach (as root, the whole machine)',
    hint: 'Name the process to kill (`pkill -f worker.py`), after checking what the pattern matches with `pgrep -a PATTERN`',
    match: killsEveryName,
    targets: (a) => [...a.values('-u', '--euid', '-U', '--uid', '--user')],
    examples: {
      match: ['pkill -9 .', 'sudo pkill -f .', "pkill ''", "pkill -KILL '.*'", 'killall -r .', "sudo killall -9 -r '^'", "pkill -x '.*'", 'pkill -u deploy .', 'pkill -e .'],
      noMatch: ['pkill -9 node', 'pkill -f "npm run dev"', 'pkill -x .', 'killall .', 'pkill -n .', 'pkill -P 4242 .', 'killall -r "^node$"', 'pkill -f worker\\.py', 'pkill -s 0 .'],
    },
  },
  {
    id: 'host.logs-wipe',
    programs: ['journalctl', 'wevtutil'],
    category: 'host',
    severity: 'high',
    summary: 'Deletes the system logs (the whole journal, or a Windows event log): what happened on the host can no longer be traced',
    hint: 'Keep recent logs (`--vacuum-time=2weeks` or `--vacuum-size=500M`), or export them first',
    match: (a) => (a.program === 'journalctl' ? wipesJournal(a) : ['cl', 'clear-log'].includes((operands(a.list, NO_VALUES)[0] ?? '').toLowerCase())),
    examples: {
      match: ['sudo journalctl --vacuum-time=1s', 'journalctl --rotate --vacuum-size=1M', 'journalctl --vacuum-time=1h', 'journalctl --vacuum-files=1', 'wevtutil cl Security'],
      noMatch: ['journalctl -u nginx', 'journalctl -xe', 'journalctl --vacuum-time=2weeks', 'journalctl --vacuum-size=500M', 'journalctl --disk-usage', 'wevtutil qe System /c:5'],
    },
  },
  {
    id: 'host.audit-disable',
    programs: ['auditctl'],
    category: 'host',
    severity: 'high',
    summary: 'Deletes every kernel audit rule or turns auditing off, so nothing done on the host is recorded',
    hint: 'Remove only the rule that is in the way (`auditctl -d …`), and keep a copy of the rules (`auditctl -l`)',
    match: (a) => a.has('-D') || a.value('-e') === '0',
    examples: {
      match: ['sudo auditctl -D', 'auditctl -e 0'],
      noMatch: ['auditctl -l', 'auditctl -s', 'auditctl -e 1', 'auditctl -w /etc/passwd -p wa -k identity'],
    },
  },
  {
    id: 'host.security-log-erase',
    programs: ['>', ':', 'truncate', 'rm', 'shred'],
    category: 'host',
    severity: 'high',
    summary: 'Empties or deletes the login and audit records (auth.log, wtmp, btmp, lastlog, the audit log)',
    hint: 'Leave them to logrotate; copy a log elsewhere first if it has to be cleared',
    // A bare `> file` reaches the rules as `:` writing the file.
    match: (a) => [...a.list, ...(a.program === ':' ? a.command.writes : [])].some((w) => SECURITY_LOG.test(w)),
    examples: {
      match: ['> /var/log/auth.log', 'cat /dev/null > /var/log/wtmp', 'sudo truncate -s 0 /var/log/btmp', 'sudo rm /var/log/lastlog', 'shred -u /var/log/audit/audit.log'],
      noMatch: ['> /var/log/app/error.log', 'sudo tail -f /var/log/auth.log', 'rm /var/log/nginx/access.log.1', 'truncate -s 0 /var/log/app.log'],
    },
  },
  {
    id: 'host.shell-history-erase',
    programs: ['history', 'unset', 'ln', 'rm', 'shred'],
    category: 'host',
    severity: 'low',
    summary: 'Clears or stops recording the shell history, hiding what was run',
    hint: 'Leave the history alone; remove a single entry that holds a secret by editing the file, and rotate that secret',
    match: erasesHistory,
    examples: {
      match: ['history -c', 'history -c && history -w', 'unset HISTFILE', 'rm ~/.bash_history', 'ln -sf /dev/null ~/.bash_history', 'shred -u ~/.zsh_history'],
      noMatch: ['history', 'history | grep ssh', 'history 20', 'rm notes/history.md', 'rm -rf src/history', 'unset AWS_PROFILE'],
    },
  },
];

/* ---------------------------------------------------------------- remote and fleet execution */

// Commands that only read, so running them on a fleet needs nobody's approval.
const READ_ONLY = new Set([
  'uptime', 'df', 'free', 'hostname', 'hostnamectl', 'whoami', 'id', 'uname', 'date', 'ls', 'ps', 'cat', 'head', 'tail',
  'grep', 'egrep', 'fgrep', 'zgrep', 'wc', 'w', 'who', 'last', 'lsblk', 'blkid', 'findmnt', 'pwd', 'stat', 'du', 'echo',
  'printf', 'which', 'whereis', 'lsof', 'netstat', 'ss', 'vmstat', 'iostat', 'mpstat', 'nproc', 'lscpu', 'lsmem', 'lspci',
  'lsusb', 'dmesg', 'sort', 'uniq', 'cut', 'ping', 'nslookup', 'dig', 'getent', 'timedatectl', 'sha256sum', 'md5sum',
  'file', 'test', 'true', 'sleep', 'pgrep', 'top', 'env',
]);
const SYSTEMCTL_READS = new Set(['status', 'is-active', 'is-enabled', 'is-failed', 'list-units', 'list-unit-files', 'list-timers', 'show', 'cat']);
const DOCKER_READS = new Set(['ps', 'images', 'info', 'version', 'inspect', 'logs', 'stats']);

function readsOnly(words: readonly string[]): boolean {
  const [name = '', ...args] = words;
  const program = programName(name);
  const verb = args.find((w) => !w.startsWith('-'))?.toLowerCase() ?? '';
  switch (program) {
    case 'systemctl': return SYSTEMCTL_READS.has(verb);
    case 'service': return args.includes('status') || args.includes('--status-all');
    case 'journalctl': return !args.some((w) => /^--(?:vacuum|rotate|flush)/.test(w));
    case 'docker': return DOCKER_READS.has(verb);
    case 'find': return !args.some((w) => /^-(?:delete|exec|execdir|ok|okdir|fprint)/.test(w));
    default: return READ_ONLY.has(program);
  }
}

const RUNNERS = new Set(['sudo', 'doas', 'nohup', 'exec', 'time', 'command', 'env']);

/** A payload's simple commands as plain words (the engine's rough tokenizer), past runners such as `sudo -u postgres`. */
function payloadCommands(text: string): string[][] {
  return roughCommands(text).map((raw) => {
    const words = raw.words.map((w) => w.value);
    let i = 0;
    // `sudo -u postgres psql …`, `FOO=1 cmd`: the command is what the runner runs.
    while (i < words.length && (RUNNERS.has(words[i] ?? '') || /^-/.test(words[i] ?? '') || /^[A-Za-z_]\w*=/.test(words[i] ?? ''))) {
      if (words[i] === '-u' || words[i] === '-g') i++;
      i++;
    }
    return words.slice(i);
  }).filter((words) => words.length > 0);
}

/** True when every command of every script only reads (`df -h && free -m`, `ps aux | grep nginx`), writing no file. */
function onlyReads(scripts: readonly string[]): boolean {
  return scripts.every((script) => {
    if (/[>`]|\$\(/.test(script)) return false;
    const commands = payloadCommands(script);
    return commands.length > 0 && commands.every(readsOnly);
  });
}

interface RemoteRun {
  /** Shell command lines run on every matching host. */
  readonly scripts: readonly string[];
  /** The severity of a module or function that is destructive in itself (`-m user -a 'state=absent'`). */
  readonly action?: Severity;
  readonly targets: readonly string[];
}

/** `key=value` pairs of module arguments, or a JSON object's fields. */
function moduleArgs(text: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (text.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') out.set(k.toLowerCase(), String(v).toLowerCase());
      }
    } catch {
      // Not JSON after all: read it as key=value.
    }
  }
  for (const m of text.matchAll(/([A-Za-z_]+)=("[^"]*"|'[^']*'|\S+)/g)) out.set((m[1] ?? '').toLowerCase(), (m[2] ?? '').replace(/^["']|["']$/g, '').toLowerCase());
  return out;
}

const yes = (v: string | undefined): boolean => v === 'yes' || v === 'true' || v === 'y' || v === '1' || v === 'on';
const no = (v: string | undefined): boolean => v === 'no' || v === 'false' || v === 'n' || v === '0' || v === 'off';

const ANSIBLE_SHELL_MODULES = new Set(['shell', 'command', 'raw', 'script', 'win_shell', 'win_command']);
const ANSIBLE_DATA_MODULES = new Set([
  'mysql_db', 'postgresql_db', 'postgresql_schema', 'docker_volume', 'podman_volume', 'zfs', 'lvol', 'lvg',
  's3_bucket', 'rds_instance', 'parted',
]);
const ANSIBLE_ABSENT_MODULES = new Set([
  'file', 'user', 'group', 'win_user', 'win_file', 'cron', 'mount', 'k8s', 'docker_container', 'docker_image', 'docker_network',
  'podman_container', 'mysql_user', 'postgresql_user', 'ec2_instance',
]);
const ANSIBLE_SERVICE_MODULES = new Set(['service', 'systemd', 'systemd_service', 'sysvinit', 'win_service', 'runit', 'openrc']);

/** How destructive an ansible module call is in itself: `user state=absent remove=yes`, `service state=stopped`, `reboot`. */
function ansibleModuleSeverity(module: string, text: string): Severity | undefined {
  const args = moduleArgs(text);
  const state = args.get('state');
  if (module === 'reboot' || module === 'win_reboot') return 'high';
  if (state === 'absent') {
    if (ANSIBLE_DATA_MODULES.has(module) || (module === 'user' && yes(args.get('remove')))) return 'critical';
    return ANSIBLE_ABSENT_MODULES.has(module) ? 'high' : undefined;
  }
  if (module === 'filesystem' && yes(args.get('force'))) return 'critical';
  if (ANSIBLE_SERVICE_MODULES.has(module)) return state === 'stopped' || no(args.get('enabled')) || yes(args.get('masked')) ? 'high' : undefined;
  if (module === 'ufw') return state === 'disabled' || state === 'reset' ? 'high' : undefined;
  if (module === 'iptables') return yes(args.get('flush')) ? 'high' : undefined;
  return undefined;
}

const ANSIBLE_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-i', '--inventory', '--inventory-file', '-m', '--module-name', '-a', '--args', '-u', '--user', '-f', '--forks', '-l', '--limit',
  '-e', '--extra-vars', '-t', '--tree', '-T', '--timeout', '-B', '--background', '-P', '--poll', '-c', '--connection',
  '-M', '--module-path', '--private-key', '--key-file', '--become-method', '--become-user', '--vault-id',
  '--vault-password-file', '--ssh-common-args', '--ssh-extra-args', '--scp-extra-args', '--sftp-extra-args',
  '--playbook-dir', '--task-timeout', '--become-password-file', '--connection-password-file',
]);

function ansibleRun(a: Args): RemoteRun | undefined {
  // Check mode changes nothing (shell and command modules are skipped in it).
  if (a.has('-C', '--check')) return undefined;
  const pattern = operands(a.list, ANSIBLE_VALUE_FLAGS)[0];
  if (pattern === undefined) return undefined;
  // Without -m, ansible runs the command module.
  const module = (a.value('-m', '--module-name') ?? 'command').split('.').pop()?.toLowerCase() ?? '';
  const text = a.value('-a', '--args') ?? '';
  const targets = [pattern, ...a.values('-i', '--inventory', '--inventory-file'), ...a.values('-l', '--limit')];
  if (ANSIBLE_SHELL_MODULES.has(module)) return { scripts: text === '' ? [] : [text], targets };
  return { scripts: [], action: ansibleModuleSeverity(module, text), targets };
}

const SALT_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-t', '--timeout', '-b', '--batch', '--batch-size', '--batch-wait', '-a', '--auth', '--eauth', '--out', '--output',
  '--out-file', '--return', '--return_config', '-c', '--config-dir', '-l', '--log-level', '--log-file', '--log-file-level',
  '--subset', '--state-output', '--state-verbose', '--roster', '--roster-file', '--priv', '--user', '--passwd',
  '--output-indent', '--module-executors', '--id', '--local-id', '--saltenv', '--pillarenv', '--file-root', '--pillar-root',
]);
const SALT_SHELL = /^cmd\.(?:run\w*|shell\w*|script\w*|exec_code\w*|powershell\w*|retcode)$/;
const SALT_CRITICAL = new Set([
  'mysql.db_remove', 'postgres.db_remove', 'mongodb.db_remove', 'zfs.destroy', 'zpool.destroy', 'lvm.lvremove', 'lvm.vgremove',
  'disk.wipe', 'disk.format', 'disk.format_', 'blockdev.wipe', 'blockdev.format', 'partition.mklabel',
]);
const SALT_HIGH = new Set([
  'system.reboot', 'system.shutdown', 'system.halt', 'system.poweroff', 'service.stop', 'service.disable', 'service.mask',
  'user.delete', 'group.delete', 'file.remove', 'file.rmdir', 'file.truncate', 'cron.rm_job', 'cron.rm', 'iptables.flush',
  'ps.kill_pid', 'ps.pkill', 'lvm.pvremove',
]);

function saltRun(a: Args): RemoteRun | undefined {
  const ops = operands(a.list, SALT_VALUE_FLAGS);
  const local = a.program === 'salt-call';
  const target = local ? undefined : ops[0];
  const rest = local ? ops : ops.slice(1);
  const targets = target === undefined ? [] : [target];
  // salt-ssh -r runs its argument as a raw shell command.
  if (a.program === 'salt-ssh' && a.has('-r', '--raw', '--raw-shell')) return { scripts: rest.slice(0, 1), targets };
  const fn = (rest[0] ?? '').toLowerCase();
  const args = rest.slice(1);
  // salt-call runs on this minion only: its shell runs are no fleet run.
  if (SALT_SHELL.test(fn)) return { scripts: local ? [] : args.slice(0, 1).map((w) => w.replace(/^cmd=/, '')), targets };
  const kwargs = moduleArgs(args.join(' '));
  const action: Severity | undefined = SALT_CRITICAL.has(fn) || (fn === 'user.delete' && (yes(kwargs.get('remove')) || yes(kwargs.get('purge')))) ? 'critical'
    : SALT_HIGH.has(fn) ? 'high' : undefined;
  return { scripts: [], action, targets };
}

/** `bolt command run 'cmd' --targets web`: Puppet Bolt's ad-hoc run. */
function boltRun(a: Args): RemoteRun | undefined {
  const ops = operands(a.list, new Set(['-t', '--targets', '-q', '--query', '--rerun', '-u', '--user', '--run-as', '-i', '--inventoryfile', '--project', '--concurrency', '--transport']));
  if ((ops[0] ?? '').toLowerCase() !== 'command' || (ops[1] ?? '').toLowerCase() !== 'run' || ops[2] === undefined) return undefined;
  return { scripts: [ops[2]], targets: [...a.values('-t', '--targets'), ...a.values('-q', '--query')] };
}

const AWS_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle', '--cli-read-timeout',
  '--cli-connect-timeout', '--cli-binary-format',
]);
const SSM_SHELL_DOCUMENTS = new Set(['aws-runshellscript', 'aws-runpowershellscript', 'aws-startinteractivecommand']);

/** The commands in `--parameters`: `commands=["a","b"]`, `commands='a'`, `{"commands":["a"]}`, `command="a"`. */
function ssmCommands(parameters: string): string[] {
  const trimmed = parameters.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') {
        return Object.entries(parsed).filter(([k]) => /^commands?$/i.test(k)).flatMap(([, v]: [string, unknown]) => (Array.isArray(v) ? (v as unknown[]) : [v])).map((c) => String(c));
      }
    } catch {
      return [trimmed];
    }
  }
  const m = /^commands?=(.*)$/is.exec(trimmed);
  if (!m) return [trimmed];
  const body = (m[1] ?? '').trim();
  if (!body.startsWith('[')) return [body];
  const quoted = [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => q[1] ?? '');
  return quoted.length > 0 ? quoted : body.slice(1, -1).split(',');
}

/** The names in `--targets Key=tag:Env,Values=production,staging` (or its JSON form). */
function ssmTargetValues(specs: readonly string[]): string[] {
  return specs.flatMap((spec) => {
    const json = [...spec.matchAll(/"Values"\s*:\s*\[([^\]]*)\]/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/"([^"]*)"/g)].map((q) => q[1] ?? ''));
    if (json.length > 0) return json;
    const m = /Values=(.*)$/i.exec(spec);
    return m ? (m[1] ?? '').split(',') : [];
  });
}

function ssmRun(a: Args): RemoteRun | undefined {
  const path = operands(a.list, AWS_VALUE_FLAGS).map((w) => w.toLowerCase());
  if (path[0] !== 'ssm' || (path[1] !== 'send-command' && path[1] !== 'start-session')) return undefined;
  if (!SSM_SHELL_DOCUMENTS.has((a.value('--document-name') ?? '').toLowerCase())) return undefined;
  // Commands given in a file (`--parameters file://…`, `--cli-input-json`) are not on the line: judged as unknown.
  const parameters = a.value('--parameters') ?? '(commands not on the line)';
  const commands = ssmCommands(parameters);
  return {
    scripts: commands.length > 0 ? commands : [parameters],
    targets: [...listAfter(a.list, '--instance-ids'), ...ssmTargetValues(listAfter(a.list, '--targets'))],
  };
}

const AZ_VALUE_FLAGS: ReadonlySet<string> = new Set(['--subscription', '-o', '--output', '--query']);

function azRun(a: Args): RemoteRun | undefined {
  const path = operands(a.list, AZ_VALUE_FLAGS).map((w) => w.toLowerCase());
  if ((path[0] !== 'vm' && path[0] !== 'vmss') || path[1] !== 'run-command') return undefined;
  const targets = [...a.values('-n', '--name', '--vm-name')];
  if (path[2] === 'invoke') {
    if (!/^run(?:shell|powershell)script$/i.test(a.value('--command-id') ?? '')) return undefined;
    return { scripts: listAfter(a.list, '--scripts'), targets };
  }
  if (path[2] !== 'create' && path[2] !== 'update') return undefined;
  const script = a.value('--script') ?? (a.value('--script-uri') === undefined ? undefined : '(script from a URI)');
  return script === undefined ? undefined : { scripts: [script], targets };
}

function remoteRun(a: Args): RemoteRun | undefined {
  switch (a.program) {
    case 'ansible': return ansibleRun(a);
    case 'salt': case 'salt-ssh': case 'salt-call': return saltRun(a);
    case 'bolt': return boltRun(a);
    case 'aws': return ssmRun(a);
    default: return azRun(a);
  }
}

const REMOTE_PROGRAMS = ['ansible', 'salt', 'salt-ssh', 'salt-call', 'bolt', 'aws', 'az'];

const moduleSeverity = (a: Args): Severity | undefined => remoteRun(a)?.action;

/** An ad-hoc shell run on a fleet that does more than read (what it runs is judged on its own too). */
function runsShell(a: Args): boolean {
  const scripts = remoteRun(a)?.scripts ?? [];
  return scripts.length > 0 && !onlyReads(scripts);
}

const remoteTargets = (a: Args): readonly string[] => remoteRun(a)?.targets ?? [];

const TEARDOWN_WORD = /(?:^|[-_.])(?:destroy|teardown|tear[-_]down|decommission|deprovision|wipe|nuke|purge|delete|drop)(?:[-_.]|$)/i;
const PLAYBOOK_DRY_RUNS = ['-C', '--check', '--list-hosts', '--list-tasks', '--list-tags', '--syntax-check'];

/** A playbook or tag whose name says it tears something down, or extra vars asking for `state=absent`. */
function playbookTearsDown(a: Args): boolean {
  if (a.has(...PLAYBOOK_DRY_RUNS)) return false;
  const playbooks = operands(a.list, ANSIBLE_VALUE_FLAGS).map((p) => p.split('/').pop() ?? '');
  const tags = a.values('-t', '--tags').flatMap((t) => t.split(','));
  return [...playbooks, ...tags].some((name) => TEARDOWN_WORD.test(name)) ||
    a.values('-e', '--extra-vars').some((vars) => moduleArgs(vars).get('state') === 'absent');
}

const remoteRules: readonly Rule[] = [
  {
    id: 'host.remote-shell',
    programs: REMOTE_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Runs an ad-hoc shell command (anything beyond a plain read) on every host the pattern or targets match',
    hint: 'Target one host first (`--limit host`, one instance id), or put the change in a reviewed playbook or state run in check mode',
    match: runsShell,
    targets: remoteTargets,
    examples: {
      match: [
        'ansible prod-web -m shell -a "systemctl restart nginx"', 'ansible all -b -m raw -a "reboot"', 'ansible webservers -a "/usr/bin/apt-get -y upgrade"',
        'ansible all -m ansible.builtin.shell -a "rm -rf /var/lib/mysql"', 'ansible app -m script -a "./cleanup.sh"',
        "salt '*' cmd.run 'apt-get -y dist-upgrade'", "salt-ssh 'prod*' -r 'sudo reboot'", "bolt command run 'sudo yum -y update' --targets prod",
        'aws ssm send-command --document-name "AWS-RunShellScript" --instance-ids i-0abc123 i-0def456 --parameters commands="sudo systemctl restart app"',
        'aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:Env,Values=production --parameters file://commands.json',
        'az vm run-command invoke --resource-group prod-rg --name web01 --command-id RunShellScript --scripts "apt-get update && apt-get -y upgrade"',
        'az vm run-command create -g prod-rg --vm-name web01 --run-command-name patch --script "yum -y update"',
      ],
      noMatch: [
        'ansible all -m ping', 'ansible all -m setup', 'ansible prod-web -m shell -a "df -h && free -m"', 'ansible all -a "uptime"',
        'ansible webservers -m shell -a "ps aux | grep nginx"', 'ansible all -C -m shell -a "rm -rf /tmp/cache"', 'ansible all --list-hosts',
        'ansible-playbook site.yml', "salt '*' test.ping", "salt '*' cmd.run 'systemctl status nginx'", "salt '*' state.apply",
        "salt-call cmd.run 'apt-get -y upgrade'", 'aws ssm describe-instance-information',
        'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0abc123 --parameters commands="uptime"',
        'aws ssm send-command --document-name AWS-ApplyPatchBaseline --instance-ids i-0abc123', 'az vm run-command invoke -g prod-rg -n web01 --command-id ifconfig',
        "az vm run-command invoke -g rg-staging -n vm-api-01 --command-id RunShellScript --scripts 'uptime'",
      ],
    },
  },
  {
    id: 'host.remote-module-destructive',
    programs: REMOTE_PROGRAMS,
    category: 'host',
    severity: 'critical',
    summary: 'Runs a fleet module that destroys data on every matching host: a user with its home, a database, a volume, a pool or a disk',
    hint: 'Run it on one host with check mode first (`ansible -C --limit host`, `salt … test=True`), and back the data up',
    match: (a) => moduleSeverity(a) === 'critical',
    targets: remoteTargets,
    examples: {
      match: [
        'ansible dbservers -m user -a "name=olduser state=absent remove=yes"', 'ansible db -m community.mysql.mysql_db -a "name=shop state=absent"',
        'ansible db -m postgresql_db -a \'{"name": "orders", "state": "absent"}\'', 'ansible storage -m community.general.zfs -a "name=tank/data state=absent"',
        "salt -G 'role:db' zfs.destroy tank/prod-db", "salt 'db*' user.delete alice remove=True", "salt '*' mysql.db_remove shop",
      ],
      noMatch: [
        'ansible dbservers -m user -a "name=olduser state=absent"', 'ansible db -m mysql_db -a "name=shop state=present"', 'ansible all -C -m user -a "name=bob state=absent remove=yes"',
        "salt 'db*' user.delete alice", "salt '*' mysql.db_list",
      ],
    },
  },
  {
    id: 'host.remote-module',
    programs: REMOTE_PROGRAMS,
    category: 'host',
    severity: 'high',
    summary: 'Runs a fleet module that stops services, reboots, or deletes files, users or cron jobs on every matching host',
    hint: 'Run it with check mode first (`ansible -C`, `salt … test=True`) and on one host (`--limit`)',
    match: (a) => moduleSeverity(a) === 'high',
    targets: remoteTargets,
    examples: {
      match: [
        'ansible web -m service -a "name=nginx state=stopped"', 'ansible all -m reboot', 'ansible app -m file -a "path=/etc/app/config.yml state=absent"',
        'ansible all -m ansible.builtin.systemd -a "name=nginx enabled=no"', 'ansible all -m user -a "name=bob state=absent"', 'ansible fw -m ufw -a "state=disabled"',
        "salt 'web*' system.reboot", 'salt -N prod service.stop nginx', "salt '*' file.remove /etc/nginx/sites-enabled/default", 'salt-call system.reboot',
      ],
      noMatch: [
        'ansible web -m service -a "name=nginx state=restarted"', 'ansible web -m apt -a "name=nginx state=absent"', 'ansible web -m lineinfile -a "path=/etc/hosts line=x state=absent"',
        'ansible all -m ping', "salt '*' service.restart nginx", "salt '*' pkg.remove nginx", "salt '*' state.apply",
      ],
    },
  },
];

const playbookRules: readonly Rule[] = [
  {
    id: 'host.ansible-playbook-teardown',
    programs: ['ansible-playbook'],
    category: 'host',
    severity: 'high',
    summary: 'Runs a playbook (or tags) named for tearing something down, or with `state=absent`, against the inventory',
    hint: 'Run it with --check --diff first, and limit it to one host (`--limit`)',
    match: playbookTearsDown,
    targets: (a) => [...a.values('-i', '--inventory', '--inventory-file'), ...a.values('-l', '--limit'), ...operands(a.list, ANSIBLE_VALUE_FLAGS)],
    examples: {
      match: [
        'ansible-playbook -i inventories/production playbooks/destroy.yml', 'ansible-playbook teardown-cluster.yml -l db-prod',
        'ansible-playbook site.yml --tags decommission', 'ansible-playbook -i prod.ini app.yml -e state=absent', 'ansible-playbook drop_database.yml',
      ],
      noMatch: [
        'ansible-playbook site.yml', 'ansible-playbook -i inventories/production site.yml --check --diff', 'ansible-playbook destroy.yml --check',
        'ansible-playbook deploy.yml -l web-staging --list-hosts', 'ansible-playbook roles/dropbox.yml', 'ansible-playbook -i prod.ini app.yml -e state=present',
      ],
    },
  },
];

export const hostsRules: readonly Rule[] = [
  ...serviceRules, ...powerRules, ...networkRules, ...userRules, ...volumeRules, ...vmRules, ...processRules, ...remoteRules, ...playbookRules,
];
