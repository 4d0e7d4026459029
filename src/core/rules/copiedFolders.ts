// What a recursive copy carries: the protected files inside the folders it copies, found as an
// archive's are (archiveContents.ts). `rsync -az . backup@host:/srv`, `scp -r . host:`, `docker cp .
// web:/app` take `.env.production` off the machine; `cp -r deploy /tmp/d` puts it where a path
// protection no longer covers it.
import { longOption, type Args } from './args';
import { protectedFilesUnder } from './archiveContents';

/** Programs whose copies are read here. */
export const FOLDER_COPIERS: readonly string[] = ['cp', 'ditto', 'rsync', 'scp', 'docker', 'podman', 'nerdctl', 'docker-compose', 'kubectl', 'oc',
  'aws', 'gsutil', 'gcloud', 'rclone', 'azcopy'];

/** Object-store and remote names (`s3://b`, `gs://b`, `https://…`, rclone's `remote:path`): not local folders. */
const NOT_LOCAL = /^[a-z][a-z0-9+.-]*:\/\/|^[^/]+:/i;

/** Protected files a copy carries, at most this many named. */
const MAX_CARRIED = 20;

/** The options of each copier that take a value (the next word), so it is not read as a source. */
export const COPY_VALUE_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  cp: new Set(['-t', '--target-directory', '-S', '--suffix']),
  mv: new Set(['-t', '--target-directory', '-S', '--suffix']),
  ln: new Set(['-t', '--target-directory', '-S', '--suffix']),
  install: new Set(['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '--strip-program']),
  rsync: new Set(['-e', '--rsh', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '-T', '--temp-dir',
    '--partial-dir', '--backup-dir', '--suffix', '--chmod', '-B', '--block-size', '--port', '--log-file', '--password-file', '--compare-dest',
    '--copy-dest', '--link-dest', '-M', '--remote-option', '--max-size', '--min-size', '--timeout', '--contimeout', '--bwlimit', '--rsync-path',
    '--out-format', '--info', '--debug', '--iconv', '--usermap', '--groupmap', '--chown', '--sockopts', '--protocol', '--checksum-choice',
    '--compress-choice', '--compress-level', '--skip-compress', '--outbuf', '--max-delete', '--modify-window', '--stop-after', '--stop-at']),
  scp: new Set(['-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-X']),
  // Their own options before `cp` (`docker -H tcp://h cp …`, `kubectl --cluster prod cp …`) and after it.
  docker: new Set(['--platform', '-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--url', '--connection',
    '-f', '--file', '-p', '--project-name', '--project-directory', '--profile', '--env-file', '--index']),
  kubectl: new Set(['-c', '--container', '-n', '--namespace', '--context', '--kubeconfig', '--retries', '--cluster', '-s', '--server', '--user', '--token', '--as',
    '--as-group', '--certificate-authority', '--client-certificate', '--client-key', '--request-timeout', '--tls-server-name', '--profile', '--log-file', '-v']),
};

interface Copy {
  readonly sources: readonly string[];
  readonly recursive: boolean;
  readonly excludes: readonly string[];
}

/** `user@host:path`, `host:path`, a container's `name:path` (one letter too), a pod's `namespace/pod:path`. */
const REMOTE = /^(?:[^@/:]+@)?(?:[^/:\s]+\/)?[^/:\s]+:/;

/** Long options without a value that copies are read by, for their abbreviations (`--recur`). */
const LONG_FLAGS = ['--recursive', '--archive', '--dereference', '--no-dereference'];

function operands(list: readonly string[], values: ReadonlySet<string>): { words: string[]; flags: string[]; excludes: string[]; filtered: boolean; target?: string } {
  const words: string[] = [];
  const flags: string[] = [];
  const excludes: string[] = [];
  let filtered = false;
  let target: string | undefined;
  let dashes = false;
  for (let i = 0; i < list.length; i++) {
    const w = longOption(list[i] ?? '', [...values, ...LONG_FLAGS]);
    if (!dashes && w === '--') { dashes = true; continue; }
    if (dashes || !w.startsWith('-') || w === '-') { words.push(w); continue; }
    const eq = w.indexOf('=');
    const name = eq > 0 ? w.slice(0, eq) : w;
    let value = eq > 0 ? w.slice(eq + 1) : values.has(w) ? list[++i] ?? '' : undefined;
    // A bundle whose letter takes a value: `cp -rt DIR` (the rest of the bundle, or the next word).
    const bundle = /^-([A-Za-z]+)$/.exec(w)?.[1];
    if (value === undefined && bundle) {
      const at = [...bundle].findIndex((l) => values.has(`-${l}`));
      if (at >= 0) {
        value = at < bundle.length - 1 ? bundle.slice(at + 1) : list[++i] ?? '';
        if (bundle[at] === 't') target = value;
      }
    }
    if (name === '--target-directory' || name === '-t') target = value;
    if (name === '--exclude' && value !== undefined) excludes.push(value);
    // rsync's includes and filter rules, read first-match-first, can bring back what an exclude leaves out.
    if (['--include', '--include-from', '--filter', '-f', '--files-from', '-F'].includes(name) || (name === '--exclude' && value === '!')) filtered = true;
    flags.push(name);
  }
  return { words, flags, excludes, filtered, ...(target !== undefined ? { target } : {}) };
}

/** A copy's operands as cp, mv, install, ln or rsync read them: its words, and the folder `-t` names (bundled too: `cp -rt DIR`). */
export function copyOperands(a: Args): { words: string[]; target?: string } {
  const { words, target } = operands(a.list, COPY_VALUE_FLAGS[a.program] ?? new Set());
  return { words, ...(target !== undefined ? { target } : {}) };
}

/** A short-option bundle or long option naming one of `letters` / `long`. */
function flagged(flags: readonly string[], letters: string, long: readonly string[]): boolean {
  return flags.some((f) => long.includes(f) || (/^-[A-Za-z0-9]+$/.test(f) && [...f.slice(1)].some((l) => letters.includes(l))));
}

function copyOf(a: Args): Copy | undefined {
  switch (a.program) {
    case 'cp': {
      const { words, flags, target } = operands(a.list, COPY_VALUE_FLAGS.cp ?? new Set());
      return { sources: target !== undefined ? words : words.slice(0, -1), recursive: flagged(flags, 'rRa', ['--recursive', '--archive']), excludes: [] };
    }
    case 'ditto': {
      // macOS's ditto copies folders whole, always.
      const { words } = operands(a.list, new Set(['--arch', '--bom']));
      return { sources: words.slice(0, -1), recursive: true, excludes: [] };
    }
    case 'rsync': {
      const { words, flags, excludes, filtered } = operands(a.list, COPY_VALUE_FLAGS.rsync ?? new Set());
      return { sources: words.slice(0, -1), recursive: flagged(flags, 'ra', ['--recursive', '--archive']), excludes: filtered ? [] : excludes };
    }
    case 'scp': {
      const { words, flags } = operands(a.list, COPY_VALUE_FLAGS.scp ?? new Set());
      return { sources: words.slice(0, -1), recursive: flagged(flags, 'r', []), excludes: [] };
    }
    case 'docker': case 'podman': case 'nerdctl': case 'docker-compose': case 'kubectl': case 'oc': {
      const kube = a.program === 'kubectl' || a.program === 'oc';
      const { words } = operands(a.list, COPY_VALUE_FLAGS[kube ? 'kubectl' : 'docker'] ?? new Set());
      // `docker cp SRC CONTAINER:DEST` (also `docker container cp`, `docker compose cp`), `kubectl cp SRC POD:DEST`: always recursive.
      const at = words[0] === 'container' || words[0] === 'compose' ? 1 : 0;
      if (words[at] !== 'cp') return undefined;
      const rest = words.slice(at + 1);
      return { sources: rest.slice(0, -1), recursive: REMOTE.test(rest[rest.length - 1] ?? ''), excludes: [] };
    }
    case 'aws': {
      // `aws s3 sync . s3://b`, `aws s3 cp . s3://b --recursive`: the local folder goes up whole.
      if (a.list[0] !== 's3' || !['sync', 'cp', 'mv'].includes(a.list[1] ?? '')) return undefined;
      const { words, excludes } = operands(a.list.slice(2), new Set(['--exclude', '--include', '--acl', '--sse', '--storage-class', '--profile', '--region', '--endpoint-url']));
      return { sources: words.slice(0, -1), recursive: a.list[1] === 'sync' || a.has('--recursive'), excludes: a.has('--include') ? [] : excludes };
    }
    case 'gsutil': case 'gcloud': {
      // `gsutil -m rsync -r . gs://b`, `gsutil cp -r . gs://b`, `gcloud storage cp -r . gs://b`, `gcloud storage rsync . gs://b`.
      const list = a.program === 'gcloud' ? (a.list[0] === 'storage' ? a.list.slice(1) : []) : a.list.filter((w) => w !== '-m');
      if (!['cp', 'rsync', 'mv'].includes(list[0] ?? '')) return undefined;
      const { words, flags } = operands(list.slice(1), new Set(['-x', '--exclude-name-pattern', '-j', '-z']));
      return { sources: words.slice(0, -1), recursive: flagged(flags, 'rR', ['--recursive']) || (a.program === 'gcloud' && list[0] === 'rsync'), excludes: [] };
    }
    case 'rclone': {
      if (!['copy', 'sync', 'move', 'copyto', 'bisync'].includes(a.list[0] ?? '')) return undefined;
      const { words, excludes, filtered } = operands(a.list.slice(1), new Set(['--exclude', '--include', '--filter', '--filter-from', '--exclude-from', '--include-from', '--config', '--transfers', '-c']));
      return { sources: words.slice(0, -1), recursive: true, excludes: filtered ? [] : excludes };
    }
    case 'azcopy': {
      if (!['copy', 'cp', 'sync'].includes(a.list[0] ?? '')) return undefined;
      const { words, flags } = operands(a.list.slice(1), new Set());
      return { sources: words.slice(0, -1), recursive: a.list[0] === 'sync' || flags.some((f) => f === '--recursive'), excludes: [] };
    }
    default:
      return undefined;
  }
}

/** Read once per command: match and targets both ask, and the folders are listed on disk. */
const CARRIED = new WeakMap<Args, string[]>();

/** The protected files inside the local folders a recursive copy copies (files named outright are the copy-file rule's). */
export function copiedFolderSecrets(a: Args): string[] {
  let found = CARRIED.get(a);
  if (!found) {
    const copy = copyOf(a);
    const folders = copy?.recursive ? copy.sources.filter((s) => s !== '' && !REMOTE.test(s) && !NOT_LOCAL.test(s) && !a.isProtected(s)) : [];
    const walked = folders.length === 0 ? { files: [] } : protectedFilesUnder(a, { inputs: folders.map((name) => ({ name })), excludes: copy?.excludes ?? [], matchNames: true }, MAX_CARRIED);
    // A folder too big to list may hold one: asked, as an archive of it is.
    found = walked.files.length === 0 && walked.cut !== undefined ? [`${walked.cut} (more files than Airlock lists: it may hold protected files)`] : walked.files.map((f) => f.rel);
    CARRIED.set(a, found);
  }
  return found;
}
