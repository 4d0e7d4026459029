// Secret scanning: token rules as data, each with what it must and must not match. A rule runs its
// pattern only when one of its keywords is in the text (as gitleaks does), so most files cost a
// few substring searches. Placeholders (`${VAR}`, `<token>`, `xxxx`, `changeme`) are not findings.
// A finding names the file, line, rule and kind — never the value.

export interface TokenRule {
  readonly id: string;
  /** The provider or type, as people say it: "Railway", "AWS", "database URL". */
  readonly kind: string;
  /** Lower-case substrings one of which the text must hold before the pattern runs. */
  readonly keywords: readonly string[];
  /** The secret is the pattern's group 1 (or the whole match). */
  readonly pattern: RegExp;
  /** Generic rules: the value must look random (bits of entropy per character). */
  readonly minEntropy?: number;
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

export const TOKEN_RULES: readonly TokenRule[] = [
  {
    id: 'railway-token', kind: 'Railway', keywords: ['railway'],
    pattern: new RegExp(String.raw`railway[\w.-]*?(?:api_?)?token${ASSIGN}(${UUID})`, 'i'),
    examples: { match: ['RAILWAY_API_TOKEN=3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d', 'RAILWAY_TOKEN: "3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d"'], noMatch: ['RAILWAY_TOKEN=${RAILWAY_TOKEN}', 'railway status'] },
  },
  {
    id: 'railway-config-token', kind: 'Railway', keywords: ['"token"'],
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
    id: 'slack-token', kind: 'Slack', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'hooks.slack.com'],
    pattern: /\b(xox[abprs]-[A-Za-z0-9-]{20,}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]{20,})/,
    examples: { match: [fake('SLACK_BOT_TOKEN=xo', 'xb-2048-', '7Q2Lk9Pm3Rt8-Vb1Nc5Yd0Fg4Js6')], noMatch: ['xoxb-<token>'] },
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
    id: 'supabase-token', kind: 'Supabase', keywords: ['sbp_', 'sb_secret_'],
    pattern: /\b(sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})\b/,
    examples: { match: ['SUPABASE_ACCESS_TOKEN=sbp_3f1c9a2e7b4d4e8a9c1f0d2e3a4b5c6d7e8f9a0b'], noMatch: ['sbp_abc'] },
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
    id: 'database-url', kind: 'database URL', keywords: ['://'],
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?):\/\/[^\s:@/'"]+:([^\s@/'"]+)@[^\s'"]+/,
    examples: { match: ['DATABASE_URL=postgres://app:Wq7x2Lk9Pm3R@prod-db.internal:5432/app'], noMatch: ['DATABASE_URL=postgres://localhost/app', 'postgres://app:${DB_PASSWORD}@db/app'] },
  },
  {
    id: 'private-key', kind: 'private key', keywords: ['private key'],
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/,
    examples: { match: ['-----BEGIN OPENSSH PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----'], noMatch: ['-----BEGIN PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----'] },
  },
  {
    id: 'generic-secret', kind: 'secret', keywords: ['secret', 'token', 'password', 'passwd', 'api_key', 'apikey', 'api-key', 'private_key'],
    pattern: /\b[\w.-]*(?:secret|token|password|passwd|api[_-]?key|private_key)[\w.-]*["']?\s*[:=]\s*["']?([A-Za-z0-9_\-+/=.~!@#$%^&*]{16,})/i,
    minEntropy: 3.5,
    examples: { match: ['SESSION_SECRET=q8Hw2xK0pLm3Rt7vZb9Nc4Yd'], noMatch: ['SESSION_SECRET=aaaaaaaaaaaaaaaaaaaa', 'password: ${DB_PASSWORD}', 'token_count = 1234567890123456'] },
  },
];

/** Values that stand for a secret rather than being one. */
const PLACEHOLDER = /^(?:\$\{?[\w:-]+\}?|\{\{.*\}\}|<[^>]*>|%[\w]+%)$|x{4,}|changeme|change_me|example|placeholder|dummy|your[_-]|redacted|\*{3,}|\.\.\./i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || new Set(value).size <= 2;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface TokenFinding {
  /** 1-based. */
  readonly line: number;
  readonly rule: string;
  readonly kind: string;
}

const MAX_LINE = 4096;

/** Whether the rule finds a real secret (not a placeholder, random enough) in one line. */
export function ruleMatches(rule: TokenRule, line: string): boolean {
  const m = rule.pattern.exec(line);
  if (!m) return false;
  const value = m.slice(1).find((g) => g !== undefined) ?? m[0];
  return !isPlaceholder(value) && (rule.minEntropy === undefined || entropy(value) >= rule.minEntropy);
}

/** The secrets in a text, one finding per rule and line; the more specific rule wins a line. */
export function scanText(text: string): TokenFinding[] {
  const lower = text.toLowerCase();
  const rules = TOKEN_RULES.filter((r) => r.keywords.some((k) => lower.includes(k)));
  if (rules.length === 0) return [];
  const findings: TokenFinding[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').slice(0, MAX_LINE);
    const lowerLine = line.toLowerCase();
    for (const rule of rules) {
      if (!rule.keywords.some((k) => lowerLine.includes(k))) continue;
      if (!ruleMatches(rule, line)) continue;
      findings.push({ line: i + 1, rule: rule.id, kind: rule.kind });
      break; // rules are ordered specific first: one finding per line
    }
  }
  return findings;
}
