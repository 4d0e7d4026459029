// Which file paths hold credentials. Globs are minimatch patterns matched with `dot: true` against a
// path normalised so that the home directory reads `~/` and Windows separators read `/`.
// Home-directory files are written `**/.aws/credentials` rather than `~/.aws/credentials` so that
// they also match when the agent's cwd is home and the path is relative (`cat .aws/credentials`).
import { Minimatch } from 'minimatch';

export const DEFAULT_SECRET_GLOBS: readonly string[] = [
  // dotenv files
  '**/.env', '**/.env.*', '**/*.env', '**/.envrc', '**/.secrets', '**/.secrets.*',
  // private keys and keystores
  '**/id_rsa', '**/id_dsa', '**/id_ecdsa', '**/id_ed25519', '**/id_ecdsa_sk', '**/id_ed25519_sk',
  '**/.ssh/*', '**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx', '**/*.p8', '**/*.ppk', '**/*.jks',
  '**/*.keystore', '**/.gnupg/private-keys-v1.d/**', '**/.gnupg/secring.gpg',
  // package-registry and tool credentials
  '**/.npmrc', '**/.yarnrc.yml', '**/.pypirc', '**/.netrc', '**/_netrc', '**/.pgpass', '**/.my.cnf',
  '**/.git-credentials', '**/.docker/config.json', '**/.dockercfg', '**/.cargo/credentials',
  '**/.cargo/credentials.toml', '**/.gem/credentials', '**/.m2/settings.xml', '**/.gradle/gradle.properties',
  '**/.composer/auth.json', '**/.config/composer/auth.json', '**/.vault-token', '**/.boto', '**/.s3cfg',
  // cloud CLIs
  '**/.aws/credentials', '**/.aws/config', '**/.aws/sso/cache/**', '**/.aws/cli/cache/**',
  '**/.config/gcloud/application_default_credentials.json', '**/.config/gcloud/credentials.db',
  '**/.config/gcloud/access_tokens.db', '**/.config/gcloud/legacy_credentials/**', '**/.azure/**',
  '**/.kube/config', '**/kubeconfig', '**/kubeconfig*', '**/*.kubeconfig',
  // platform CLIs
  '**/.railway/config*.json', '**/.fly/config.yml', '**/.vercel/auth.json', '**/com.vercel.cli/auth.json',
  '**/.supabase/access-token', '**/.config/doctl/config.yaml', '**/.config/gh/hosts.yml', '**/.config/hub',
  '**/.netlify/config.json', '**/.wrangler/config/default.toml', '**/.terraform.d/credentials.tfrc.json',
  // infrastructure state and variables
  '**/*.tfstate', '**/*.tfstate.backup', '**/*.tfvars', '**/*.tfvars.json',
  // service accounts and secret bundles
  '**/*service-account*.json', '**/*service_account*.json', '**/*-sa.json', '**/*-sa-key.json',
  '**/secrets.yml', '**/secrets.yaml', '**/secrets.json', '**/credentials.json', '**/credentials.yml',
  '**/.htpasswd',
  // shell and client histories (commands with inline passwords and tokens)
  '**/.bash_history', '**/.zsh_history', '**/.sh_history', '**/.histfile', '**/.psql_history',
  '**/.mysql_history', '**/.rediscli_history', '**/.local/share/fish/fish_history',
  // another process's environment; system and container secrets
  '/proc/*/environ', '/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/ssl/private/**',
  '/run/secrets/**', '/var/run/secrets/**',
  // more CLIs' stored logins
  '**/.config/hcloud/cli.toml', '**/.config/linode-cli', '**/.databrickscfg', '**/.snowsql/config', '**/.circleci/cli.yml',
  '**/.config/argocd/config', '**/.config/glab-cli/config.yml', '**/.config/doctl/config.yaml', '**/.config/.wrangler/config/*.toml',
  '**/.vault-token', '**/.config/scw/config.yaml', '**/.oci/config', '**/.bluemix/config.json', '**/.terraform.d/credentials.tfrc.json',
  '**/.terraformrc', '**/terraform.rc', '**/.nuget/NuGet/NuGet.Config', '**/.config/fastly/config.toml', '**/.config/algolia/config.toml',
  '**/.sentryclirc', '**/.dogrc', '**/.config/stripe/config.toml', '**/.kaggle/kaggle.json', '**/.cache/huggingface/token',
  '**/.huggingface/token', '**/.pulumi/credentials.json', '**/.config/configstore/firebase-tools.json', '**/ngrok/ngrok.yml',
  '**/.ngrok2/ngrok.yml', '**/containers/auth.json', '**/.config/sops/age/keys.txt',
  // storage and backup tools: remotes' keys and repository passwords
  '**/rclone.conf', '**/.mc/config.json', '**/.mcli/config.json', '**/.passwd-s3fs', '**/passwd-s3fs', '**/pgbackrest.conf',
  '**/*restic*pass*', '**/restic/*pass*', '**/*.pass', '**/*.passwd', '**/*.secret', '**/rsyncd.secrets',
  // Ansible vault password files (`.vault_pass`, `vault-password.txt`)
  '**/.vault_pass*', '**/.vault-pass*', '**/vault_pass', '**/vault-pass', '**/*vault_pass.txt', '**/*vault-pass.txt',
  '**/*vault_password*', '**/*vault-password*',
  // services and daemons: API keys and tokens in their configuration
  '**/.influxdbv2/configs', '**/datadog-agent/datadog.yaml', '**/openstack/clouds.yaml', '**/openstack/secure.yaml', '**/clouds.yaml',
  '**/*.creds', '**/nsc/keys/**', '**/jenkins*/secrets/**', '**/jenkins*/secret.key', '**/jenkins*/credentials.xml',
  '**/.cloudflared/cert.pem', '**/.cloudflared/*.json', '**/.secrets/**', '**/credentials.ini', '/etc/letsencrypt/*.ini',
  '/etc/letsencrypt/accounts/**',
  // More stored logins: git's XDG credential store, Netlify's and PlanetScale's CLIs, dbt and Snowflake
  // connection profiles, WordPress's and ASP.NET's production settings (database passwords).
  '**/.config/git/credentials', '**/.config/netlify/config.json', '**/.config/planetscale/access-token', '**/.config/planetscale/*.json',
  '**/.dbt/profiles.yml', '**/.snowflake/connections.toml', '**/.snowflake/config.toml', '**/wp-config.php',
  '**/appsettings.Production.json', '**/appsettings.Staging.json',
  // Editors' and browsers' stores of tokens, passwords and cookies; shell history databases.
  '**/User/globalStorage/state.vscdb', '**/User/globalStorage/state.vscdb.backup', '**/google-chrome/**/Login Data', '**/google-chrome/**/Cookies',
  '**/google-chrome/**/Web Data', '**/Google/Chrome/**/Login Data', '**/Google/Chrome/**/Cookies', '**/Google/Chrome/**/Web Data', '**/chromium/**/Login Data',
  '**/chromium/**/Cookies', '**/BraveSoftware/**/Login Data', '**/BraveSoftware/**/Cookies', '**/firefox/**/cookies.sqlite', '**/firefox/**/logins.json',
  '**/firefox/**/key4.db', '**/Firefox/**/cookies.sqlite', '**/Firefox/**/logins.json', '**/Firefox/**/key4.db', '**/atuin/history.db', '**/Library/Messages/chat.db',
  // AI agents' own logins (OAuth tokens, API keys)
  '**/.claude/.credentials.json', '**/.gemini/oauth_creds.json', '**/.gemini/google_accounts.json', '**/.codex/auth.json', '**/.config/github-copilot/apps.json',
  '**/.config/github-copilot/hosts.json', '**/.qwen/oauth_creds.json', '**/.local/share/opencode/auth.json',
  // more names secrets go by: host keys, copies of keys and env files, platform and framework files
  '/etc/ssh/ssh_host_*_key', '**/id_rsa.*', '**/id_ed25519.*', '**/id_ecdsa.*', '**/*deploy_key', '**/*deploy-key', '**/.env~', '**/.env-*', '**/.env_*',
  '**/.dev.vars', '**/.dev.vars.*', '**/.streamlit/secrets.toml', '**/local.settings.json', '**/*firebase-adminsdk*.json', '**/*-key.json', '**/*_key.json',
  '**/.m2/settings-security.xml', '**/.config/rclone/rclone.conf',
];

/**
 * Secret files named like a public one the default allow list lets through: cloudflared's
 * `cert.pem` holds the account's private key and API token, not a certificate alone.
 */
const DEFAULT_NOT_ALLOWED_GLOBS: readonly string[] = ['**/.cloudflared/cert.pem'];

/** Look-alikes that are meant to be read: templates, public keys and certificates. */
export const DEFAULT_SECRET_ALLOW_GLOBS: readonly string[] = [
  '**/.env.example', '**/.env.*.example', '**/*.env.example', '**/.env.sample', '**/.env.*.sample',
  '**/.env.template', '**/.env.*.template', '**/.env.dist', '**/.env.defaults', '**/.env.schema',
  '**/.env.vault', '**/*.tfvars.example', '**/*.example.tfvars',
  '**/id_rsa.pub', '**/id_ed25519.pub', '**/id_ecdsa.pub', '**/.env-example', '**/.env-sample', '**/.env_example', '**/.env_sample', '**/.dev.vars.example',
  '**/.ssh/*.pub', '**/.ssh/known_hosts', '**/.ssh/known_hosts.old', '**/.ssh/config', '**/.ssh/authorized_keys',
  '**/.ssh/authorized_keys2', '**/.ssh/environment',
  '**/cert.pem', '**/chain.pem', '**/fullchain.pem', '**/cacert.pem', '**/ca.pem', '**/ca-bundle.pem',
  '**/*.pub',
  // certbot's own settings, beside the DNS plugins' credential files (`/etc/letsencrypt/cloudflare.ini`)
  '/etc/letsencrypt/cli.ini',
];

// Case-insensitive: macOS and Windows file systems are, and `.ENV` on Linux is still a secret.
const OPTIONS = { dot: true, nocomment: true, nonegate: true, nocase: true } as const;

/** `$HOME/x`, `${HOME}/x`, `/home/u/x`, `/Users/u/x`, `/root/x`, `C:\Users\u\x` → `~/x`; `./a` → `a`. */
const XDG_DEFAULTS: Readonly<Record<string, string>> = { CONFIG: '~/.config', DATA: '~/.local/share', STATE: '~/.local/state', CACHE: '~/.cache' };

function normaliseSecretPath(path: string): string {
  let p = path.trim().replace(/\\/g, '/');
  // Climbs first: `/root/../etc/shadow` is `/etc/shadow`, not a file in the home folder.
  if (p.includes('..')) p = withoutClimbing(p);
  p = p.replace(/^[A-Za-z]:\/Users\/[^/]+(?=\/|$)/, '~');
  p = p.replace(/^\$\{HOME\}(?=\/|$)/, '~').replace(/^\$HOME(?=\/|$)/, '~');
  // The XDG folders at their usual places (`$XDG_CONFIG_HOME/gh/hosts.yml`).
  p = p.replace(/^\$\{?XDG_(CONFIG|DATA|STATE|CACHE)_HOME\}?(?=\/|$)/, (_m, kind: string) => XDG_DEFAULTS[kind] ?? _m);
  p = p.replace(/^\/(?:home|Users)\/[^/]+(?=\/|$)/, '~').replace(/^\/root(?=\/|$)/, '~');
  p = p.replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/\/\.(?=\/|$)/g, '');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/**
 * `src/../.env` is `.env`; `../.env` and `../../deploy/.env` name a file whose folder the globs
 * cannot place (`**` does not cross `..`): what is left after the climb is matched.
 */
function withoutClimbing(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  while (out[0] === '..') out.shift();
  return (absolute ? '/' : '') + out.join('/');
}

/**
 * A path can match a glob only if it contains the glob's longest literal run (`.aws/credentials`
 * of `**​/.aws/credentials`, `.pem` of `**​/*.pem`): a cheap test that skips the glob matching for
 * the many arguments that are no secret. The default globs use no braces or classes, so the
 * literal runs are exact.
 */
const DEFAULT_LITERALS: readonly string[] = DEFAULT_SECRET_GLOBS.map((glob) =>
  glob.split(/[*?]+/).reduce((longest, part) => (part.replace(/^\//, '').length > longest.length ? part.replace(/^\//, '') : longest), '').toLowerCase());

/** The literals as one pattern: a single scan of the path instead of one per literal. */
const DEFAULT_LITERAL = new RegExp([...new Set(DEFAULT_LITERALS)].map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

function mayMatchDefault(path: string): boolean {
  return DEFAULT_LITERAL.test(path.toLowerCase());
}

/** Globs compiled once per list: the readers' rules ask about every argument of every command. */
const COMPILED = new WeakMap<readonly string[], readonly Minimatch[]>();

function compiled(globs: readonly string[]): readonly Minimatch[] {
  let matchers = COMPILED.get(globs);
  if (!matchers) {
    matchers = globs.map((glob) => new Minimatch(glob.startsWith('~/') || glob.startsWith('/') || glob.startsWith('**') ? glob : '**/' + glob, OPTIONS));
    COMPILED.set(globs, matchers);
  }
  return matchers;
}

function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.length > 0 && compiled(globs).some((m) => m.match(path));
}

/** The first of `globs` that matches the path as isProtectedPath matches it: says which pattern protects a file. */
export function matchingGlob(path: string, globs: readonly string[]): string | undefined {
  const p = normaliseSecretPath(path);
  const at = compiled(globs).findIndex((m) => m.match(p));
  return at < 0 ? undefined : globs[at];
}

/** Names a shell glob may expand to that are secret files: `cat .e*` reads `.env`. */
const SECRET_SAMPLES = [
  '.env', '.env.local', '.env.production', '.env.staging', '.env.development', 'id_rsa', 'id_ed25519', 'id_ecdsa',
  'credentials', 'credentials.json', 'secrets.yml', 'secrets.json', 'terraform.tfstate', 'prod.tfvars', 'kubeconfig',
  '.npmrc', '.netrc', '.pgpass', '.git-credentials', 'server.key', 'private.pem', 'service-account.json',
];

/**
 * A glob reaches a secret when one of the sample names matches it and is protected. The glob's
 * literal start must say something (`.e*`, `id_*`, `*.pem` via the literal `.pem`), so `*.json`
 * alone does not make every JSON file a secret.
 */
function globReachesSecret(path: string, extraGlobs: readonly string[], allowGlobs: readonly string[]): boolean {
  const slash = path.lastIndexOf('/');
  // Globbed folders (`~/.ssh/**/id_*`, `src/*/.env`) stand for any folder: their literal parts are kept,
  // and the samples below are then plain paths (no glob left to read again).
  const dir = (slash >= 0 ? path.slice(0, slash + 1) : '').split('/').filter((s) => !/[*?[]/.test(s)).join('/');
  const base = path.slice(slash + 1);
  // Everything in a credential directory (`cat ~/.ssh/*`).
  if (dir !== '' && isSecretDirectory(dir)) return true;
  // A glob standing for one name in a credential path (`/proc/*/environ`, `~/.aws/sso/cache/*.json`).
  const sample = path.replace(/\*+|\?/g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (!/[*?[]/.test(sample) && isProtectedPath(sample, extraGlobs, allowGlobs)) return true;
  const literal = base.replace(/[*?[].*$/, '');
  const suffix = /\*([^*?[]+)$/.exec(base)?.[1] ?? '';
  // `*` alone names everything and nothing in particular; `.*` names the hidden files, `.env` among them.
  if (literal.length < 2 && literal !== '.' && !/^\.(?:pem|key|p12|pfx|tfstate|tfvars|kubeconfig)$/.test(suffix)) return false;
  const glob = new Minimatch(base, OPTIONS);
  return SECRET_SAMPLES.some((sample) => glob.match(sample) && isProtectedPath(dir + sample, extraGlobs, allowGlobs));
}

/**
 * True when the path is a credential file: it matches a default or extra glob and no allow glob.
 * Relative patterns in `extraGlobs`/`allowGlobs` match at any depth (`.env.ci` ≡ `**​/.env.ci`).
 */
export function isProtectedPath(path: string, extraGlobs: readonly string[] = [], allowGlobs: readonly string[] = []): boolean {
  if (path === '' || path === '-') return false;
  if (/[*?[]/.test(path)) return globReachesSecret(path, extraGlobs, allowGlobs);
  const p = normaliseSecretPath(path);
  const byDefault = mayMatchDefault(p) && matchesAny(p, DEFAULT_SECRET_GLOBS);
  if (!byDefault && !matchesAny(p, extraGlobs)) return false;
  const allowedByDefault = matchesAny(p, DEFAULT_SECRET_ALLOW_GLOBS) && !matchesAny(p, DEFAULT_NOT_ALLOWED_GLOBS);
  return !allowedByDefault && !matchesAny(p, allowGlobs);
}

// Directories that are nothing but credentials: archiving or copying them whole exposes them.
const SECRET_DIRS = new Set([
  '~/.ssh', '~/.aws', '~/.gnupg', '~/.kube', '~/.azure', '~/.docker', '~/.config/gcloud', '~/.password-store',
  '~/.config/gh', '~/.railway', '~/.fly', '~/.supabase', '~/.terraform.d', '~/.mc', '~/.cloudflared', '~/.secrets',
  '~/.config/rclone', '~/.influxdbv2', '~/.config/sops', '/var/lib/jenkins/secrets', '/etc/ssl/private', '/run/secrets',
  '/var/run/secrets', '/etc/letsencrypt/accounts',
  // Airlock's own state: its audit key sits there (`cat ~/.local/state/airlock/*` reads it).
  '~/.local/state/airlock',
]);

/** True for a directory such as `~/.ssh` or `~/.aws` whose contents are credentials. */
export function isSecretDirectory(path: string): boolean {
  const p = normaliseSecretPath(path);
  if (SECRET_DIRS.has(p)) return true;
  return /(?:^|\/)\.(?:ssh|aws|gnupg|kube|azure)$/.test(p);
}
