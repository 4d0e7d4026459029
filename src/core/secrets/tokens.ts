// Secret scanning's token rules, as data: each with its keywords, its pattern and what it must and
// must not match (one test runs every rule's examples, as gitleaks validates its rules). The
// scanner that runs them is tokenScan.ts.

export interface TokenRule {
  readonly id: string;
  /** The provider or type, as people say it: "Railway", "AWS", "database URL". */
  readonly kind: string;
  /**
   * Lower-case ASCII substrings, three characters or more, one of which must be on the line (or on
   * the lines the rule reads around it) before the pattern runs.
   */
  readonly keywords: readonly string[];
  /** The secret is the pattern's first group that took part (or the whole match). */
  readonly pattern: RegExp;
  /** Generic rules: the value must look random (bits of entropy per character). */
  readonly minEntropy?: number;
  /**
   * Lines around the reported one that the pattern reads, for secrets whose evidence spans lines:
   * a Railway token on the `value:` line after `- name: RAILWAY_TOKEN`; a key header that counts
   * only when a key body follows it. The secret itself must start on the reported line.
   */
  readonly context?: { readonly before?: number; readonly after?: number };
  /** Texts (one line, or a few for rules with context) with and without a secret. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/**
 * An example secret written in pieces: the examples ship in the bundle, and secret scanners
 * (vsce's, a code host's push protection) would take a whole one for a leaked secret.
 */
function fake(...pieces: string[]): string {
  return pieces.join('');
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ASSIGN = String.raw`["']?\s*[:=]\s*["']?`;
/** `RAILWAY_TOKEN`, `RAILWAY_API_TOKEN`, `railwayToken`. */
const RAILWAY_NAME = String.raw`railway[\w.-]*?(?:api_?)?token`;
/** From the name to its value on the same line: `=`, `: "`, `"] = "`, `", "value": "`. */
const SAME_LINE = String.raw`[^\n]{0,60}?[:=][ \t]*["']?`;
/** A name/value list item: `- name: RAILWAY_TOKEN` then `value: "…"` on the next line. */
const NEXT_LINE_VALUE = String.raw`["'\],]*[ \t]*\r?\n[ \t]*(?:-[ \t]*)?["']?value["']?[ \t]*[:=][ \t]*["']?`;
/** A key header counts only when a key body follows it (a real newline, or `\n` inside a string). */
const KEY_BODY = String.raw`(?:(?:\\r)?\\n|[ \t]*\r?\n[ \t]*)(?:[A-Za-z0-9+/=]{40,}|(?:Proc-Type|Version|Comment|Hash):|(?:\\r)?\\n|\r?\n|$)`;
const DATABASE_SCHEMES = ['postgres', 'postgis', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse', 'neo4j'];

export const TOKEN_RULES: readonly TokenRule[] = [
  {
    id: 'railway-token', kind: 'Railway', keywords: ['railway', 'project-access-token'],
    pattern: new RegExp(String.raw`${RAILWAY_NAME}(?:${SAME_LINE}|${NEXT_LINE_VALUE})(${UUID})|railway[^\n]*(?:\n[^\n]*){0,2}?bearer[ \t]+(${UUID})|bearer[ \t]+(${UUID})[^\n]*railway|project-access-token["']?[ \t]*:[ \t]*["']?(${UUID})`, 'i'),
    context: { before: 2 },
    examples: {
      match: [
        'RAILWAY_API_TOKEN=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d', 'RAILWAY_TOKEN: "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"',
        'os.environ["RAILWAY_API_TOKEN"] = "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"',
        '{ "name": "RAILWAY_TOKEN", "value": "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d" }',
        '- name: RAILWAY_API_TOKEN\n  value: "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"',
        'curl -H "Authorization: Bearer 3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d" https://backboard.railway.com/graphql/v2',
        "fetch('https://backboard.railway.com/graphql/v2', {\n  headers: { Authorization: 'Bearer 3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d' },",
        "headers: { 'Project-Access-Token': '3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d' }",
      ],
      noMatch: [
        'RAILWAY_TOKEN=${RAILWAY_TOKEN}', 'railway status',
        'RAILWAY_TOKEN=${RAILWAY_TOKEN}\nRAILWAY_PROJECT_ID=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d',
        'curl -H "Authorization: Bearer $RAILWAY_API_TOKEN" https://backboard.railway.com/graphql/v2',
      ],
    },
  },
  {
    id: 'railway-config-token', kind: 'Railway', keywords: ['"token"', '"accesstoken"'],
    pattern: new RegExp(String.raw`"(?:token|accessToken)"\s*:\s*"(${UUID}|rw_[A-Za-z0-9_-]{20,})"`),
    examples: { match: ['{"user": {"token": "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"}}'], noMatch: ['{"token": "<your token>"}'] },
  },
  {
    id: 'aws-access-key-id', kind: 'AWS', keywords: ['akia', 'asia'],
    pattern: /\b((?:AKIA|ASIA)[A-Z2-7]{16})\b/,
    examples: { match: ['aws_access_key_id = AKIAQ3EGRTYJ5KX7WZ2M'], noMatch: ['AKIAIOSFODNN7EXAMPLE is the docs key', 'akia'] },
  },
  {
    id: 'aws-secret-access-key', kind: 'AWS', keywords: ['aws_secret', 'secretaccesskey'],
    pattern: new RegExp(String.raw`(?:aws_secret_access_key|secretAccessKey)${ASSIGN}([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`, 'i'),
    examples: { match: [fake('aws_secret_access_key = ', 'q8Hw2xK0pLm3Rt7vZb9N', 'c4Yd6Fg1Js5Ua8Ie2Ko0')], noMatch: ['aws_secret_access_key = ${AWS_SECRET}'] },
  },
  {
    id: 'github-token', kind: 'GitHub', keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/,
    examples: { match: [fake('GH_TOKEN=gh', 'p_', 'Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3W')], noMatch: ['ghp_short', 'the ghp_ prefix'] },
  },
  {
    id: 'gitlab-token', kind: 'GitLab', keywords: ['glpat-'],
    pattern: /\b(glpat-[A-Za-z0-9_-]{20,})\b/,
    examples: { match: ['GITLAB_TOKEN=glpat-x7Q2Lk9Pm3Rt8Vb1Nc5Y'], noMatch: ['glpat-xxxx'] },
  },
  {
    id: 'stripe-key', kind: 'Stripe', keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /\b([sr]k_(?:live|test)_[A-Za-z0-9]{20,})\b/,
    examples: { match: ['STRIPE_SECRET_KEY=sk_live_51Hx7Q2Lk9Pm3Rt8Vb1Nc5Yd0Fg'], noMatch: ['pk_live_51Hx7Q2Lk9Pm3Rt8Vb1Nc5Yd0Fg', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'slack-token', kind: 'Slack', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xapp-', 'hooks.slack.com'],
    pattern: /\b(xox[abprs]-[A-Za-z0-9-]{20,}|xapp-\d-[A-Za-z0-9-]{20,}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]{20,})/,
    examples: {
      match: [fake('SLACK_BOT_TOKEN=xo', 'xb-2048-', '7Q2Lk9Pm3Rt8-Vb1Nc5Yd0Fg4Js6'), fake('SLACK_APP_TOKEN=xa', 'pp-1-', 'A07Q2LK9PM3-7305318291442-3f1c9a2e7b4d4e8a')],
      noMatch: ['xoxb-<token>', 'xapp-1-...'],
    },
  },
  {
    id: 'anthropic-key', kind: 'Anthropic', keywords: ['sk-ant-'],
    pattern: /\b(sk-ant-(?:api\d\d-)?[A-Za-z0-9_-]{40,})/,
    examples: { match: ['ANTHROPIC_API_KEY=sk-ant-api03-Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3WQ7x2Lk9Pm3'], noMatch: ['sk-ant-...'] },
  },
  {
    id: 'openai-key', kind: 'OpenAI', keywords: ['sk-'],
    pattern: /\b(sk-(?:proj-|svcacct-|admin-)?(?!ant-)[A-Za-z0-9_-]{40,})/,
    examples: { match: ['OPENAI_API_KEY=sk-proj-Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3WZq'], noMatch: ['sk-ant-api03-Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3WQ7x2Lk9Pm3', 'task-runner'] },
  },
  {
    id: 'google-api-key', kind: 'Google', keywords: ['aiza'],
    pattern: /\b(AIza[0-9A-Za-z_-]{35})\b/,
    examples: { match: ['GOOGLE_API_KEY=AIzaSyQ7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie'], noMatch: ['AIza'] },
  },
  {
    id: 'heroku-api-key', kind: 'Heroku', keywords: ['heroku', 'hrku-'],
    pattern: new RegExp(String.raw`(?:heroku[\w.-]*?(?:api_?)?key${ASSIGN}(${UUID})|\b(HRKU-[A-Za-z0-9_-]{40,}))`, 'i'),
    examples: { match: ['HEROKU_API_KEY=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d'], noMatch: ['HEROKU_APP=shop'] },
  },
  {
    id: 'fly-token', kind: 'Fly.io', keywords: ['fo1_', 'fm1_', 'fm2_', 'flyv1 '],
    pattern: /(\bfo1_[A-Za-z0-9_-]{30,}|\bfm[12][ar]?_[A-Za-z0-9_+/=-]{30,}|FlyV1 [A-Za-z0-9_+/=,-]{40,})/,
    examples: { match: ['FLY_API_TOKEN=fo1_Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7'], noMatch: ['fo1_short'] },
  },
  {
    id: 'vercel-token', kind: 'Vercel', keywords: ['vercel'],
    pattern: new RegExp(String.raw`vercel[\w.-]*?token${ASSIGN}([A-Za-z0-9]{24})(?![A-Za-z0-9])`, 'i'),
    examples: { match: ['VERCEL_TOKEN=Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg'], noMatch: ['VERCEL_TOKEN=changeme'] },
  },
  {
    id: 'supabase-token', kind: 'Supabase', keywords: ['sbp_', 'sb_secret_', 'service_role', 'servicerole', 'service_key', 'servicekey'],
    pattern: new RegExp(String.raw`\b(sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})\b|service_?(?:role_?)?key${ASSIGN}(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})`, 'i'),
    examples: {
      match: ['SUPABASE_ACCESS_TOKEN=sbp_3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d7e8f9a0b', fake('SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiJ9', '.eyJyb2xlIjoic2VydmljZV9yb2xlIn0', '.Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3W')],
      noMatch: ['sbp_abc', 'SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}'],
    },
  },
  {
    id: 'digitalocean-token', kind: 'DigitalOcean', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: /\b(do[por]_v1_[a-f0-9]{64})\b/,
    examples: { match: ['DIGITALOCEAN_ACCESS_TOKEN=dop_v1_3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d'], noMatch: ['dop_v1_'] },
  },
  {
    id: 'cloudflare-token', kind: 'Cloudflare', keywords: ['cloudflare', 'cf_api'],
    pattern: new RegExp(String.raw`(?:cloudflare|cf)_api_(?:token|key)${ASSIGN}([A-Za-z0-9_-]{37,40})(?![A-Za-z0-9_-])`, 'i'),
    examples: { match: ['CLOUDFLARE_API_TOKEN=Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3W'], noMatch: ['CLOUDFLARE_ACCOUNT_ID=abc'] },
  },
  {
    id: 'database-url', kind: 'database URL', keywords: DATABASE_SCHEMES,
    pattern: new RegExp(String.raw`\b(?:${DATABASE_SCHEMES.join('|')})(?:ql|2|\+srv|\+s|s)?(?:\+\w+)?:\/\/[^\s:@/'"]*:([^\s@/'"]+)@[^\s'"]+`),
    examples: {
      match: [
        fake('DATABASE_URL=postgres', '://app:Wq7x2Lk9Pm3R@prod-db.internal:5432/app'), fake('REDIS_URL=redis', '://:Wq7x2Lk9Pm3R@cache:6379/0'),
        fake('engine = create_engine("postgresql+psycopg2', '://app:Wq7x2Lk9Pm3R@10.0.3.12/shop")'), fake('url: mysql2', '://shop:Wq7x2Lk9Pm3R@db/shop'),
      ],
      noMatch: ['DATABASE_URL=postgres://localhost/app', 'postgres://app:${DB_PASSWORD}@db/app', fake('postgres', '://postgres:postgres@localhost:5432/app_test'), 'postgres://USER:PASSWORD@HOST:5432/DB'],
    },
  },
  {
    id: 'private-key', kind: 'private key', keywords: ['private key'],
    pattern: new RegExp(String.raw`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----${KEY_BODY}`),
    context: { after: 1 },
    examples: {
      match: [
        fake('-----BEGIN OPENSSH PRIVATE ', 'KEY-----\n', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'),
        fake('-----BEGIN RSA PRIVATE ', 'KEY-----\n', 'MIIEpAIBAAKCAQEAq8Hw2xK0pLm3Rt7vZb9Nc4Yd6Fg1Js5Ua8Ie2Ko0Q7x2Lk9Pm3R'),
        fake('"private_key": "-----BEGIN PRIVATE ', 'KEY-----\\n', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"'),
        fake('-----BEGIN PGP PRIVATE KEY ', 'BLOCK-----\n'),
      ],
      noMatch: [
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq8Hw2xK0pLm3Rt7vZb9Nc4Yd6',
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTES',
        "const isKey = pem.includes('-----BEGIN PRIVATE KEY-----');",
        'Your key file starts with `-----BEGIN OPENSSH PRIVATE KEY-----`.',
        '-----BEGIN RSA PRIVATE KEY-----\n...',
      ],
    },
  },
  {
    id: 'netrc-password', kind: 'netrc password', keywords: ['password'],
    pattern: /^\s*(?:machine\s+\S+\s+(?:login\s+\S+\s+)?)?password\s+(\S{8,})\s*$/,
    minEntropy: 3,
    examples: {
      match: ['  password 3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d', 'machine db.internal login app password Wq7x2Lk9Pm3R'],
      noMatch: ['  password ${NETRC_PASSWORD}', 'password reset emails are sent by the worker', 'password aaaaaaaaaa'],
    },
  },
  {
    id: 'docker-auth', kind: 'container registry', keywords: ['"auth"'],
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{16,}={0,2})"/,
    minEntropy: 3.5,
    examples: { match: ['"registry.internal.test": { "auth": "ZGVwbG95OlE3eDJMazlQbTNSdDhWYjFOYzVZ" }'], noMatch: ['"auth": ""', '"auth": "<base64 user:password>"'] },
  },
  {
    id: 'generic-secret', kind: 'secret',
    keywords: ['secret', 'token', 'password', 'passwd', 'api_key', 'apikey', 'api-key', 'private_key', 'encryption', 'signing', 'master_key', 'masterkey', 'app_key'],
    // The name must not end in an id (`private_key_id`); `base64:` starts Laravel's APP_KEY.
    pattern: /\b[\w.-]*(?:secret|token|password|passwd|api[_-]?key|private_key|(?:encryption|signing|master|app)[_-]?key)[\w.-]*(?<![_.-]id)["']?\s*[:=]\s*["']?(?:base64:)?([A-Za-z0-9_\-+/=.~!@#$%^&*]{16,})/i,
    minEntropy: 3.5,
    examples: {
      match: ['SESSION_SECRET=q8Hw2xK0pLm3Rt7vZb9Nc4Yd', 'ENCRYPTION_KEY=3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d', 'APP_KEY=base64:q8Hw2xK0pLm3Rt7vZb9Nc4Yd6Fg1Js5Ua8Ie2Ko0Q7x='],
      noMatch: [
        'SESSION_SECRET=aaaaaaaaaaaaaaaaaaaa', 'password: ${DB_PASSWORD}', 'token_count = 1234567890123456',
        '"private_key_id": "3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d7e8f9a0b"', 'apiKey: process.env.OPENAI_API_KEY',
        'password = random_password.db.result', 'token = var.digitalocean_token', "CACHE_KEY = 'user-profile-v2'",
      ],
    },
  },
];
