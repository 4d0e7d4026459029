// Which tier a name belongs to, read as tokens split on - _ . / : @ (and other punctuation), so
// `prod-db` is production and `reproduce` is not.
import type { Tier } from '../verdict';

const TOKENS: ReadonlyMap<string, Tier> = new Map<string, Tier>([
  ...['prod', 'production', 'prd', 'live'].map((t) => [t, 'production'] as const),
  ...['staging', 'stage', 'stg', 'preprod', 'uat'].map((t) => [t, 'staging'] as const),
  ...['dev', 'development', 'local', 'localhost', 'sandbox'].map((t) => [t, 'development'] as const),
]);


/** A user's map from environment names (exact, or with `*` wildcards) to tiers. */
export type EnvironmentMap = ReadonlyMap<string, Tier>;

/** Names repeat across lines and findings (hosts, apps, namespaces): their built-in reading is kept. */
const BUILT_IN = new Map<string, Tier | null>();
const BUILT_IN_LIMIT = 4096;
const BUILT_IN_NAME = 256;

/** The tier a name says, or undefined when it says none (or several that disagree). */
export function tierOfName(name: string, userMap?: EnvironmentMap): Tier | undefined {
  const mapped = userMap && lookUp(name, userMap);
  if (mapped) return mapped;
  // null: known to say none (one lookup, where has-then-get would take two).
  const known = BUILT_IN.get(name);
  if (known !== undefined) return known ?? undefined;
  const tier = builtInTier(name);
  // Long names are not kept: thousands of them from hostile lines would hold much memory.
  if (name.length > BUILT_IN_NAME) return tier;
  if (BUILT_IN.size >= BUILT_IN_LIMIT) BUILT_IN.clear();
  BUILT_IN.set(name, tier ?? null);
  return tier;
}

function builtInTier(name: string): Tier | undefined {
  if (/(^|[^0-9.])127\.0\.0\.1([^0-9]|$)|\[::1\]/.test(name)) return 'development';
  const found = new Set<Tier>();
  for (const token of name.toLowerCase().split(/[^a-z0-9]+/)) {
    const tier = TOKENS.get(token);
    if (tier) found.add(tier);
  }
  if (found.size === 1) return [...found][0];
  // Two tiers in one name (`prod-to-staging-copy`): the most sensitive one decides.
  if (found.has('production')) return 'production';
  if (found.has('staging')) return 'staging';
  return undefined;
}

function lookUp(name: string, userMap: EnvironmentMap): Tier | undefined {
  const exact = userMap.get(name);
  if (exact) return exact;
  for (const [pattern, tier] of userMap) {
    if (!pattern.includes('*')) continue;
    const re = new RegExp('^' + pattern.split('*').map(escapeRegExp).join('.*') + '$', 'i');
    if (re.test(name)) return tier;
  }
  // A mapped name used as a token of a longer one (`acme-main` in `postgres://…@acme-main.db…`).
  for (const [pattern, tier] of userMap) {
    if (!pattern.includes('*') && pattern.length >= 3 && name.toLowerCase().split(/[/:@?&=\s]+/).some((part) => part.toLowerCase().split('.').includes(pattern.toLowerCase()) || part.toLowerCase() === pattern.toLowerCase())) return tier;
  }
  return undefined;
}

/** Text matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
