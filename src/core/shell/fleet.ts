// Runners that send a command line to many hosts at once: ansible ad-hoc modules, salt, pdsh and
// parallel-ssh, AWS SSM Run Command and Azure's VM run-command. The command each host runs is read
// as if typed there, with the host pattern and inventory as its target (`ansible prod -a reboot`).
import type { Word } from './command';
import type { Derived } from './derived';

export const FLEET_PROGRAMS: readonly string[] = ['ansible', 'salt', 'salt-ssh', 'salt-call', 'pdsh', 'pssh', 'parallel-ssh', 'clush', 'knife', 'bolt', 'aws', 'az'];

const ANSIBLE_VALUE_OPTIONS = new Set([
  '-i', '--inventory', '--inventory-file', '-m', '--module-name', '-a', '--args', '-u', '--user', '-f', '--forks',
  '-l', '--limit', '-e', '--extra-vars', '-B', '--background', '-P', '--poll', '-t', '--tree', '-c', '--connection',
  '-T', '--timeout', '--become-user', '--become-method', '--private-key', '--key-file', '-M', '--module-path',
  '--vault-id', '--vault-password-file', '--ssh-common-args', '--ssh-extra-args', '--playbook-dir', '-o',
]);

function optionValue(words: readonly Word[], names: readonly string[]): Word | undefined {
  for (let i = 1; i < words.length; i++) {
    const v = words[i]?.value ?? '';
    if (names.includes(v)) return words[i + 1];
    const eq = v.indexOf('=');
    if (eq > 0 && v.startsWith('--') && names.includes(v.slice(0, eq))) return { ...(words[i]), value: v.slice(eq + 1) };
  }
  return undefined;
}

function optionValues(words: readonly Word[], names: readonly string[]): Word[] {
  const out: Word[] = [];
  for (let i = 1; i < words.length; i++) {
    const v = words[i]?.value ?? '';
    if (names.includes(v)) {
      // Values run until the next option (`--scripts 'a' 'b'`).
      for (let j = i + 1; j < words.length && !(words[j]?.value ?? '-').startsWith('-'); j++) out.push(words[j]);
    } else {
      const eq = v.indexOf('=');
      if (eq > 0 && v.startsWith('--') && names.includes(v.slice(0, eq))) out.push({ ...(words[i]), value: v.slice(eq + 1) });
    }
  }
  return out;
}

/** `key=value key2="v w"` module arguments. */
function moduleArgs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w.-]+)=(?:"([^"]*)"|'([^']*)'|(\S*))/g)) out.set(m[1] ?? '', m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** The shell line an ansible module amounts to, for the modules that run or remove things. */
function ansibleLine(module: string, args: string): string | undefined {
  const name = module.replace(/^ansible\.(?:builtin|posix)\./, '');
  if (name === 'command' || name === 'shell' || name === 'raw' || name === 'win_shell' || name === 'win_command') {
    return args.replace(/\b(?:chdir|creates|removes|executable|warn|stdin)=\S+/g, '').trim();
  }
  const kv = moduleArgs(args);
  const state = kv.get('state') ?? '';
  if (name === 'file' && state === 'absent') return `rm -rf ${kv.get('path') ?? kv.get('dest') ?? kv.get('name') ?? '"$x"'}`;
  if ((name === 'service' || name === 'systemd' || name === 'systemd_service') && (state === 'stopped' || kv.get('enabled') === 'false' || kv.get('enabled') === 'no')) {
    return `systemctl ${state === 'stopped' ? 'stop' : 'disable'} ${kv.get('name') ?? '"$x"'}`;
  }
  if (name === 'user' && state === 'absent') return `userdel ${/^(?:yes|true)$/i.test(kv.get('remove') ?? '') ? '-r ' : ''}${kv.get('name') ?? '"$x"'}`;
  if (name === 'reboot') return 'reboot';
  return undefined;
}

function ansible(argv: readonly Word[]): Derived[] {
  const module = optionValue(argv, ['-m', '--module-name'])?.value ?? 'command';
  const args = optionValue(argv, ['-a', '--args']);
  let pattern: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i]?.value ?? '';
    if (ANSIBLE_VALUE_OPTIONS.has(v)) { i++; continue; }
    if (v.startsWith('-')) continue;
    pattern = v;
    break;
  }
  const line = ansibleLine(module, args?.value ?? '');
  if (!line || !args) return [];
  const inventory = optionValue(argv, ['-i', '--inventory', '--inventory-file'])?.value;
  const limit = optionValue(argv, ['-l', '--limit'])?.value;
  const target = [inventory, pattern, limit].filter(Boolean).join('/');
  return [{ kind: 'script', text: line, via: `ansible ${pattern ?? ''} -m ${module}`.trim(), from: [args], target: target || undefined }];
}

const SALT_TARGET_FLAGS = new Set(['-E', '--pcre', '-L', '--list', '-G', '--grain', '--grain-pcre', '-N', '--nodegroup', '-R', '--range', '-C', '--compound', '-I', '--pillar', '-S', '--ipcidr', '-b', '--batch-size']);

const SALT_RUNNERS = /^cmd\.(?:run|shell|run_all|run_stdout|run_bg|exec_code_all|powershell)$/;

/** `salt-call cmd.run 'CMD'` runs on the minion itself: no target word. */
function saltCall(argv: readonly Word[]): Derived[] {
  const at = argv.findIndex((w, i) => i > 0 && SALT_RUNNERS.test(w.value));
  const rest = at < 0 ? [] : argv.slice(at + 1).filter((w) => !w.value.startsWith('-'));
  return rest.length > 0 ? [{ kind: 'script', text: rest.map((w) => w.value).join(' '), via: `salt-call ${argv[at]?.value ?? ''}`, from: rest }] : [];
}

/** `knife ssh QUERY 'CMD'` and `bolt command run 'CMD' --targets T`. */
function knifeOrBolt(argv: readonly Word[], program: string): Derived[] {
  const words = argv.map((w) => w.value);
  if (program === 'knife') {
    if (words[1] !== 'ssh') return [];
    const operands = argv.slice(2).filter((w) => !w.value.startsWith('-'));
    const [query, command] = operands;
    return query && command ? [{ kind: 'script', text: command.value, via: `knife ssh ${query.value}`, from: [command], target: query.value }] : [];
  }
  if (words[1] !== 'command' || words[2] !== 'run' || !argv[3]) return [];
  const targets = optionValue(argv, ['-t', '--targets'])?.value;
  return [{ kind: 'script', text: argv[3].value, via: 'bolt command run', from: [argv[3]], target: targets }];
}

function salt(argv: readonly Word[]): Derived[] {
  const operands: Word[] = [];
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i]?.value ?? '';
    if (v === '-b' || v === '--batch-size' || v === '-t' || v === '--timeout' || v === '--out' || v === '-c' || v === '--config-dir') { i++; continue; }
    if (v.startsWith('-') && (SALT_TARGET_FLAGS.has(v) || v.length > 1)) continue;
    operands.push(argv[i]);
  }
  const [target, fn, ...rest] = operands;
  if (!target || !fn || !SALT_RUNNERS.test(fn.value) || rest.length === 0) return [];
  return [{ kind: 'script', text: rest.map((w) => w.value).join(' '), via: `salt ${target.value} ${fn.value}`, from: rest, target: target.value }];
}

/** pdsh -w HOSTS CMD…, pssh -h FILE CMD…, clush -w HOSTS CMD…: the rest of the line runs on each host. */
function parallelShell(argv: readonly Word[], program: string): Derived[] {
  const valueOptions = program === 'pdsh' || program === 'clush'
    ? ['-w', '-x', '-g', '-X', '-R', '-l', '-t', '-u', '-f', '-o', '-e', '-N']
    : ['-h', '--hosts', '-H', '--host', '-l', '--user', '-p', '--par', '-o', '--outdir', '-e', '--errdir', '-t', '--timeout', '-O', '--option', '-x', '--extra-args', '-X'];
  const hostOptions = ['-w', '-g', '-h', '--hosts', '-H', '--host'];
  const hosts: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const v = argv[i]?.value ?? '';
    if (valueOptions.includes(v)) {
      if (hostOptions.includes(v)) hosts.push(argv[i + 1]?.value ?? '');
      i++;
      continue;
    }
    if (v.startsWith('-')) continue;
    break;
  }
  const rest = argv.slice(i);
  if (rest.length === 0) return [];
  return [{ kind: 'script', text: rest.map((w) => w.value).join(' '), via: `${program} ${hosts.join(',')}`.trim(), from: rest, target: hosts.join('/') || undefined }];
}

/**
 * `aws ssm send-command --parameters commands=[…]` (shorthand or JSON) and `az vm run-command
 * invoke|create --scripts …`: the script the instances run.
 */
function cloudRunCommand(argv: readonly Word[], program: string): Derived[] {
  const words = argv.map((w) => w.value);
  if (program === 'aws') {
    if (!(words.includes('ssm') && words.includes('send-command'))) return [];
    const parameters = optionValue(argv, ['--parameters']);
    if (!parameters) return [];
    const targets = [...optionValues(argv, ['--instance-ids']), ...optionValues(argv, ['--targets'])].map((w) => w.value).join('/');
    return ssmCommands(parameters.value).map((text) => ({ kind: 'script', text, via: 'aws ssm send-command', from: [parameters], target: targets || undefined }));
  }
  if (!(words.includes('vm') && words.includes('run-command'))) return [];
  const scripts = optionValues(argv, ['--scripts', '--script']);
  const name = [optionValue(argv, ['-g', '--resource-group'])?.value, optionValue(argv, ['-n', '--name', '--vm-name'])?.value].filter(Boolean).join('/');
  return scripts.map((s) => ({ kind: 'script', text: s.value, via: 'az vm run-command', from: [s], target: name || undefined }));
}

/** The commands of SSM's `commands` parameter: `commands=["a","b"]`, `commands=a`, `{"commands":["a"]}`. */
function ssmCommands(parameters: string): string[] {
  const text = parameters.trim();
  try {
    if (text.startsWith('{')) {
      const parsed = JSON.parse(text) as { commands?: unknown };
      if (Array.isArray(parsed.commands)) return parsed.commands.filter((c): c is string => typeof c === 'string');
    }
  } catch {
    // not JSON: read as shorthand below
  }
  const m = /commands=\[?(.*?)\]?\s*$/s.exec(text);
  if (!m) return [];
  const list = m[1] ?? '';
  const quoted = [...list.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((q) => (q[1] ?? q[2] ?? '').replace(/\\(.)/g, '$1'));
  return quoted.length > 0 ? quoted : [list];
}

export function fleetCommands(program: string, argv: readonly Word[]): Derived[] {
  switch (program) {
    case 'ansible': return ansible(argv);
    case 'salt': case 'salt-ssh': return salt(argv);
    case 'salt-call': return saltCall(argv);
    case 'knife': case 'bolt': return knifeOrBolt(argv, program);
    case 'pdsh': case 'pssh': case 'parallel-ssh': case 'clush': return parallelShell(argv, program);
    case 'aws': case 'az': return cloudRunCommand(argv, program);
    default: return [];
  }
}
