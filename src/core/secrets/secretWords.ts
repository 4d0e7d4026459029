// The words for a secret the scan found, for the editor's Problems and the CLI's lines. Most people
// never hover a problem, so its row must say what was found, why it matters (agents read the file)
// and what to do. Two short lines, each a
// sentence: the Problems panel shows a message's lines one under the other, where one long line is
// cut off at the panel's width, and the status bar shows the first line alone. Pure, so every
// token rule's wording is tested; it never sees a secret's value.
import type { TokenFinding } from './tokenScan';

interface Wording {
  /** What was found, as a person names it, with its article: "A Railway API token". */
  readonly what: string;
  /** The same thing in one word, for "move the token …". */
  readonly short: string;
  /** A protected place it belongs in, when not a dotenv file. */
  readonly to?: string;
}

/** By rule id: a rule's kind alone reads badly ("secret secret", "private key secret"). */
const WORDING: Readonly<Record<string, Wording>> = {
  'railway-token': { what: 'A Railway API token', short: 'token' },
  'railway-config-token': { what: 'A Railway login token', short: 'token' },
  'aws-access-key-id': { what: 'An AWS access key ID', short: 'key', to: '~/.aws/credentials' },
  'aws-secret-access-key': { what: 'An AWS secret access key', short: 'key', to: '~/.aws/credentials' },
  'github-token': { what: 'A GitHub token', short: 'token' },
  'gitlab-token': { what: 'A GitLab access token', short: 'token' },
  'stripe-key': { what: 'A Stripe secret key', short: 'key' },
  'slack-token': { what: 'A Slack token or webhook URL', short: 'value' },
  'anthropic-key': { what: 'An Anthropic API key', short: 'key' },
  'openai-key': { what: 'An OpenAI API key', short: 'key' },
  'google-api-key': { what: 'A Google API key', short: 'key' },
  'heroku-api-key': { what: 'A Heroku API key', short: 'key' },
  'fly-token': { what: 'A Fly.io token', short: 'token' },
  'vercel-token': { what: 'A Vercel token', short: 'token' },
  'supabase-token': { what: 'A Supabase key', short: 'key' },
  'digitalocean-token': { what: 'A DigitalOcean token', short: 'token' },
  'cloudflare-token': { what: 'A Cloudflare API token', short: 'token' },
  'database-url': { what: 'A database password in a URL', short: 'URL' },
  'private-key': { what: 'A private key', short: 'key', to: 'key.pem' },
  'netrc-password': { what: 'A login password', short: 'password', to: '~/.netrc' },
  'docker-auth': { what: 'A container registry login', short: 'login', to: '~/.docker/config.json' },
  'generic-secret': { what: 'A password, token or key', short: 'value' },
};

/** "Railway API token": what was found, without its article, for a line that lists findings. */
export function secretName(finding: Pick<TokenFinding, 'rule' | 'kind'>): string {
  return wordingOf(finding).what.replace(/^An? /, '');
}

function wordingOf(finding: Pick<TokenFinding, 'rule' | 'kind'>): Wording {
  return WORDING[finding.rule] ?? { what: `A secret (${finding.kind})`, short: 'secret' };
}

/**
 * "A Railway API token is written in this file, which AI agents can read.
 * Protect the file from agents (Quick Fix), or move the token to a protected file such as .env."
 */
export function secretProblemMessage(finding: Pick<TokenFinding, 'rule' | 'kind'>): string {
  const w = wordingOf(finding);
  return `${w.what} is written in this file, which AI agents can read.\nProtect the file from agents (Quick Fix), or move the ${w.short} to a protected file such as ${w.to ?? '.env'}.`;
}
