// Claude Code's own guard for secret files: `permissions.deny` `Read(…)` rules, which also stop
// Edit and Write and apply even where no hook runs. Rule paths follow gitignore with anchors
// (code.claude.com/docs/en/permissions, "Read and Edit"): `//path` is absolute, `~/path` from
// home, `/path` relative to the settings file, bare paths relative to the cwd. `//**/x` covers x
// anywhere. Deny rules have no exceptions, so a glob that would also hide a template
// (`**/.env.*` hides `.env.example`) is left to the hook, which knows the exceptions.
import { minimatch } from 'minimatch';
import { DEFAULT_SECRET_ALLOW_GLOBS, DEFAULT_SECRET_GLOBS } from '../../core/secrets/paths';

function claudePath(glob: string): string {
  if (glob.startsWith('~/')) return glob;
  if (glob.startsWith('/')) return '/' + glob;
  return '//' + (glob.startsWith('**/') ? glob : '**/' + glob);
}

function hidesAnException(glob: string, allowGlobs: readonly string[]): boolean {
  const pattern = glob.startsWith('~/') || glob.startsWith('/') || glob.startsWith('**') ? glob : '**/' + glob;
  return allowGlobs.some((allow) => minimatch(allow.replace(/\*\*\//g, 'a/').replace(/\*/g, 'x'), pattern, { dot: true }));
}

export function claudeReadDenyRules(extraGlobs: readonly string[] = []): string[] {
  const rules = new Set<string>();
  for (const glob of [...DEFAULT_SECRET_GLOBS, ...extraGlobs]) {
    if (hidesAnException(glob, DEFAULT_SECRET_ALLOW_GLOBS)) continue;
    rules.add(`Read(${claudePath(glob)})`);
  }
  return [...rules];
}
