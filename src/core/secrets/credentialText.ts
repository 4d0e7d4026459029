// How a verdict's credential is said, the same in the dialog, the details page and the CLI. Its
// own module so the CLI's fast path can print a verdict without loading the credential tables.
import type { Credential } from './credentials';

/**
 * "Railway account or workspace token from `.env.production` (RAILWAY_API_TOKEN) — an
 * Authorization header on the command line; reaches every project of its account or workspace".
 */
export function describeCredential(c: Credential): string {
  const variable = c.origin && !c.where.includes(c.origin.variable) ? ` (${c.origin.variable})` : '';
  const from = c.origin ? ` from \`${c.origin.file}\`${variable}` : '';
  return `${c.kind}${from} — ${c.where}${c.reach ? `; ${c.reach}` : ''}`;
}
