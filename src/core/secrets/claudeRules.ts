// Claude Code's own guard for secret files: `permissions.deny` `Read(…)` rules, which also stop
// Edit and Write and apply even where no hook runs. Rule paths follow gitignore with anchors
// (code.claude.com/docs/en/permissions, "Read and Edit"): `//path` is absolute, `~/path` from
// home, `/path` relative to the settings file, bare paths relative to the cwd. `//**/x` covers x
// anywhere. Deny rules have no exceptions, so a glob that would also hide a template
// (`**/.env.*` hides `.env.example`) is replaced by narrower rules; what they miss is left to the
// hook, which knows the exceptions.
import { braceExpand, minimatch } from 'minimatch';
import { samplePath } from './ignoreLines';
import { DEFAULT_SECRET_ALLOW_GLOBS, DEFAULT_SECRET_GLOBS } from './paths';

function claudePath(glob: string): string {
  glob = glob.replace(/^(?:\.\/)+/, '');
  if (glob.startsWith('~/')) return glob;
  if (glob.startsWith('/')) return '/' + glob;
  return '//' + (glob.startsWith('**/') ? glob : '**/' + glob);
}

function hidesAnException(glob: string, allowGlobs: readonly string[]): boolean {
  const pattern = glob.startsWith('~/') || glob.startsWith('/') || glob.startsWith('**') ? glob : '**/' + glob;
  return allowGlobs.some((allow) => minimatch(samplePath(allow), pattern, { dot: true }));
}

/**
 * Narrower stand-ins for a glob that would hide an exception: each ends in a literal, so no
 * `.example`/`.pub` look-alike matches it, and together they cover the names secrets go by.
 * The rest of the glob is left to the hook.
 */
const NARROWER: Readonly<Record<string, readonly string[]>> = {
  '**/.env.*': ['**/.env.*{production,prod,prd,live,staging,stage,stg,preprod,uat,qa,preview,development,dev,local,test,ci,secret,secrets,private}'],
  '**/.ssh/*': ['**/.ssh/*{_rsa,_dsa,_ecdsa,_ed25519,_sk,.key,.pem}'],
  '**/*.pem': ['**/*{key,priv,secret}*.pem'],
  '**/*.tfvars': ['**/*{prod,production,prd,live,staging,stage,stg,dev,development,secret,secrets,terraform}.tfvars'],
};

/** The user's exceptions (`allowGlobs`) count too: a deny rule would overrule them. */
export function claudeReadDenyRules(extraGlobs: readonly string[] = [], allowGlobs: readonly string[] = []): string[] {
  const rules = new Set<string>();
  const allow = [...DEFAULT_SECRET_ALLOW_GLOBS, ...allowGlobs];
  // A line break or other control character has no place in a path rule.
  for (const glob of [...DEFAULT_SECRET_GLOBS, ...extraGlobs.filter((g) => !/[\u0000-\u001f\u007f]/.test(g)).flatMap((g) => braceExpand(g))]) {
    if (!hidesAnException(glob, allow)) rules.add(`Read(${claudePath(glob)})`);
    else {
      for (const narrower of (NARROWER[glob] ?? []).flatMap((g) => braceExpand(g))) {
        if (!hidesAnException(narrower, allow)) rules.add(`Read(${claudePath(narrower)})`);
      }
    }
  }
  return [...rules];
}

export interface DenyMerge {
  /** The new `permissions.deny` list. */
  readonly deny: readonly unknown[];
  readonly added: readonly string[];
  /** Airlock's rules someone else had removed. */
  readonly restored: readonly string[];
  /** Airlock's rules the policy no longer asks for. */
  readonly removed: readonly string[];
  /** The rules Airlock now owns: it may remove them later, never the user's own. */
  readonly ours: readonly string[];
}

/**
 * Airlock's Read rules merged into the user's `permissions.deny`. Rules the user had already
 * written stay theirs; `oursBefore` is what Airlock added last time.
 */
export function mergeDenyRules(current: readonly unknown[], wanted: readonly string[], oursBefore: readonly string[]): DenyMerge {
  const present = new Set(current.filter((r): r is string => typeof r === 'string'));
  const want = new Set(wanted);
  const removed = oursBefore.filter((r) => !want.has(r) && present.has(r));
  const added = wanted.filter((r) => !present.has(r));
  const restored = oursBefore.filter((r) => want.has(r) && !present.has(r));
  const kept = oursBefore.filter((r) => want.has(r) && present.has(r));
  return {
    deny: [...current.filter((r) => typeof r !== 'string' || !removed.includes(r)), ...added],
    added, restored, removed,
    ours: [...new Set([...kept, ...added])],
  };
}
