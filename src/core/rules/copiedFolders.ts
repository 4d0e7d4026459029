// What a recursive copy carries: the protected files inside the folders it copies, found as an
// archive's are (archiveContents.ts). `rsync -az . backup@host:/srv`, `scp -r . host:`, `docker cp .
// web:/app` take `.env.production` off the machine; `cp -r deploy /tmp/d` puts it where a path
// protection no longer covers it.
import type { Args } from './args';
import { protectedFilesUnder } from './archiveContents';

/** Programs whose copies are read here. */
export const FOLDER_COPIERS: readonly string[] = ['cp', 'rsync', 'scp', 'docker', 'podman', 'kubectl', 'oc'];

/** Protected files a copy carries, at most this many named. */
const MAX_CARRIED = 20;

/** The options of each copier that take a value (the next word), so it is not read as a source. */
export const COPY_VALUE_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  cp: new Set(['-t', '--target-directory', '-S', '--suffix']),
  mv: new Set(['-t', '--target-directory', '-S', '--suffix']),
  install: new Set(['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '--strip-program']),
  rsync: new Set(['-e', '--rsh', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '-T', '--temp-dir',
    '--partial-dir', '--backup-dir', '--suffix', '--chmod', '-B', '--block-size', '--port', '--log-file', '--password-file', '--compare-dest',
    '--copy-dest', '--link-dest', '-M', '--remote-option', '--max-size', '--min-size', '--timeout', '--contimeout', '--bwlimit', '--rsync-path',
    '--out-format', '--info', '--debug', '--iconv', '--usermap', '--groupmap', '--chown', '--sockopts', '--protocol', '--checksum-choice',
    '--compress-choice', '--compress-level', '--skip-compress', '--outbuf', '--max-delete', '--modify-window', '--stop-after', '--stop-at']),
  scp: new Set(['-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-X']),
  docker: new Set(['--platform']),
  kubectl: new Set(['-c', '--container', '-n', '--namespace', '--context', '--kubeconfig', '--retries']),
};

interface Copy {
  readonly sources: readonly string[];
  readonly recursive: boolean;
  readonly excludes: readonly string[];
}

/** `user@host:path`, `host:path`, a container's `name:path` (not `C:\…`). */
const REMOTE = /^(?:[^@/:]+@)?[^/:]{2,}:/;

function operands(list: readonly string[], values: ReadonlySet<string>): { words: string[]; flags: string[]; excludes: string[] } {
  const words: string[] = [];
  const flags: string[] = [];
  const excludes: string[] = [];
  let dashes = false;
  for (let i = 0; i < list.length; i++) {
    const w = list[i] ?? '';
    if (!dashes && w === '--') { dashes = true; continue; }
    if (dashes || !w.startsWith('-') || w === '-') { words.push(w); continue; }
    const eq = w.indexOf('=');
    const name = eq > 0 ? w.slice(0, eq) : w;
    const value = eq > 0 ? w.slice(eq + 1) : values.has(w) ? list[++i] ?? '' : undefined;
    if (name === '--exclude' && value !== undefined) excludes.push(value);
    flags.push(name);
  }
  return { words, flags, excludes };
}

/** A short-option bundle or long option naming one of `letters` / `long`. */
function flagged(flags: readonly string[], letters: string, long: readonly string[]): boolean {
  return flags.some((f) => long.includes(f) || (/^-[A-Za-z0-9]+$/.test(f) && [...f.slice(1)].some((l) => letters.includes(l))));
}

function copyOf(a: Args): Copy | undefined {
  switch (a.program) {
    case 'cp': {
      const { words, flags } = operands(a.list, COPY_VALUE_FLAGS.cp ?? new Set());
      const target = a.value('-t', '--target-directory');
      return { sources: target !== undefined ? words : words.slice(0, -1), recursive: flagged(flags, 'rRa', ['--recursive', '--archive']), excludes: [] };
    }
    case 'rsync': {
      const { words, flags, excludes } = operands(a.list, COPY_VALUE_FLAGS.rsync ?? new Set());
      return { sources: words.slice(0, -1), recursive: flagged(flags, 'ra', ['--recursive', '--archive']), excludes };
    }
    case 'scp': {
      const { words, flags } = operands(a.list, COPY_VALUE_FLAGS.scp ?? new Set());
      return { sources: words.slice(0, -1), recursive: flagged(flags, 'r', []), excludes: [] };
    }
    case 'docker': case 'podman': case 'kubectl': case 'oc': {
      const { words } = operands(a.list, COPY_VALUE_FLAGS[a.program === 'podman' ? 'docker' : a.program === 'oc' ? 'kubectl' : a.program] ?? new Set());
      // `docker cp SRC CONTAINER:DEST` (also `docker container cp`), `kubectl cp SRC POD:DEST`: always recursive.
      const at = words[0] === 'container' ? 1 : 0;
      if (words[at] !== 'cp') return undefined;
      const rest = words.slice(at + 1);
      return { sources: rest.slice(0, -1), recursive: REMOTE.test(rest[rest.length - 1] ?? ''), excludes: [] };
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
    const folders = copy?.recursive ? copy.sources.filter((s) => s !== '' && !REMOTE.test(s) && !a.isProtected(s)) : [];
    found = folders.length === 0 || !copy ? [] : protectedFilesUnder(a, { inputs: folders.map((name) => ({ name })), excludes: copy.excludes, matchNames: true }, MAX_CARRIED).files.map((f) => f.rel);
    CARRIED.set(a, found);
  }
  return found;
}
