// A change to the user's own `airlock.*` settings that loosens them does not take effect until a
// person confirms it. An agent running as the user can edit settings.json with a script outside
// every gate (set every tier to click-critical, allow `**`); the editor then still judges by the
// values last confirmed, and asks. A tightening takes effect at once. Kept free of `vscode` so it
// is tested as plain logic; the extension wires it to the configuration and a modal.
import { isTierRule, stricterRule, type TierRule } from '../core/policy';
import { tierRank, type Tier } from '../core/verdict';
import { environmentMap, globList } from '../gate/publishedPolicy';
import type { Inspect, Layers } from './settings';

/** The user-level values last confirmed, by key (undefined: the default). */
export type TrustedValues = Readonly<Record<string, unknown>>;

interface Guarded {
  /** The stricter of the confirmed value and the current one. */
  stricter(confirmed: unknown, current: unknown): unknown;
  /** Whether `current` gives agents more than `confirmed` did. */
  looser(confirmed: unknown, current: unknown): boolean;
  /** How the value reads in the dialog. */
  show(value: unknown): string;
}

const DEFAULTS: Readonly<Record<string, unknown>> = {
  'policy.production': 'typed', 'policy.staging': 'click', 'policy.unknown': 'click', 'policy.development': 'click-critical',
  'gate.scope': 'agents', 'terminalGate.enabled': true, 'context.syncIgnoreFiles': true, 'context.agents': [], environments: {}, protectedPaths: [], allowedPaths: [],
};

const withDefault = (key: string, value: unknown): unknown => (value === undefined ? DEFAULTS[key] : value);

const tierRule = (fallback: TierRule): Guarded => {
  const rule = (v: unknown): TierRule => (isTierRule(v) ? v : fallback);
  return {
    stricter: (a, b) => stricterRule(rule(a), rule(b)),
    looser: (a, b) => stricterRule(rule(a), rule(b)) !== rule(b),
    show: (v) => rule(v),
  };
};

const onSwitch: Guarded = {
  stricter: (a, b) => (a !== false || b !== false ? true : false),
  looser: (a, b) => a !== false && b === false,
  show: (v) => (v === false ? 'off' : 'on'),
};

/**
 * A user mapping overrides what a name says of itself (`railway-production` → staging), so only a
 * mapping to production is never a loosening; any new or lowered mapping below it, or one with a
 * wildcard, waits for the person.
 */
const environments: Guarded = {
  stricter: (a, b) => {
    const confirmed = environmentMap(a);
    const out: Record<string, Tier> = { ...confirmed };
    for (const [name, tier] of Object.entries(environmentMap(b))) {
      const was = confirmed[name];
      if (was === undefined ? tier === 'production' && !name.includes('*') : tierRank(tier) >= tierRank(was)) out[name] = tier;
    }
    return out;
  },
  looser: (a, b) => {
    const confirmed = environmentMap(a);
    const current = environmentMap(b);
    return Object.entries(confirmed).some(([name, tier]) => current[name] === undefined || tierRank(current[name]) < tierRank(tier))
      || Object.entries(current).some(([name, tier]) => confirmed[name] === undefined && (tier !== 'production' || name.includes('*')));
  },
  show: (v) => JSON.stringify(environmentMap(v)),
};

const listShown = (v: unknown): string => (globList(v).length === 0 ? '(none)' : globList(v).join(', '));

/** Every protected path confirmed stays protected. */
const protectedPaths: Guarded = {
  stricter: (a, b) => [...new Set([...globList(a), ...globList(b)])],
  looser: (a, b) => globList(a).some((p) => !globList(b).includes(p)),
  show: listShown,
};

/** Exceptions open protected files to agents: only those confirmed count. */
const allowedPaths: Guarded = {
  stricter: (a, b) => globList(b).filter((p) => globList(a).includes(p)),
  looser: (a, b) => globList(b).some((p) => !globList(a).includes(p)),
  show: listShown,
};

const gateScope: Guarded = {
  stricter: (a, b) => (a === 'all' || b === 'all' ? 'all' : 'agents'),
  looser: (a, b) => a === 'all' && b !== 'all',
  show: (v) => (v === 'all' ? 'all' : 'agents'),
};

const agentList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The agents whose ignore files Airlock keeps: one taken off the list no longer has its files kept. */
const contextAgents: Guarded = {
  stricter: (a, b) => [...new Set([...agentList(a), ...agentList(b)])],
  looser: (a, b) => agentList(a).some((x) => !agentList(b).includes(x)),
  show: (v) => (agentList(v).length === 0 ? '(the ones found here)' : agentList(v).join(', ')),
};

const GUARDED: Readonly<Record<string, Guarded>> = {
  'policy.production': tierRule('typed'), 'policy.staging': tierRule('click'), 'policy.unknown': tierRule('click'), 'policy.development': tierRule('click-critical'),
  'gate.scope': gateScope, 'terminalGate.enabled': onSwitch, 'context.syncIgnoreFiles': onSwitch, 'context.agents': contextAgents,
  environments, protectedPaths, allowedPaths,
};

export const GUARDED_KEYS: readonly string[] = Object.keys(GUARDED);

/** The user-level value of each guarded key now. */
export function userValues(inspect: Inspect): Record<string, unknown> {
  return Object.fromEntries(GUARDED_KEYS.map((key) => [key, inspect(key)?.globalValue]));
}

export interface Loosened {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

/** The guarded keys whose user value now gives agents more than the confirmed one did. */
export function loosened(confirmed: TrustedValues, current: TrustedValues): Loosened[] {
  return GUARDED_KEYS.flatMap((key) => {
    const g = GUARDED[key];
    if (!g) return [];
    const a = withDefault(key, confirmed[key]);
    const b = withDefault(key, current[key]);
    return g.looser(a, b) ? [{ key: `airlock.${key}`, from: g.show(a), to: g.show(b) }] : [];
  });
}

/** `inspect` with each guarded key's user value held to the stricter of the confirmed and the current one. */
export function guardedInspect(inspect: Inspect, confirmed: TrustedValues): Inspect {
  return (key: string): Layers | undefined => {
    const layers = inspect(key);
    const g = GUARDED[key];
    if (!g || !(key in confirmed) && layers?.globalValue === undefined) return layers;
    return { ...layers, globalValue: g.stricter(withDefault(key, confirmed[key]), withDefault(key, layers?.globalValue)) };
  };
}
