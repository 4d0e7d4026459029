// The extension's manifest as the Marketplace and the Settings editor show it: settings in words and
// in a sensible order, the listing's keywords and flags, menus that appear only where they apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

interface Property { readonly enum?: string[]; readonly enumItemLabels?: string[]; readonly enumDescriptions?: string[]; readonly order?: number }
interface Manifest {
  readonly keywords: string[];
  readonly preview?: boolean;
  readonly capabilities: { readonly virtualWorkspaces?: { readonly supported: boolean; readonly description?: string } };
  readonly contributes: {
    readonly commands: { command: string }[];
    readonly configuration: { title: string; properties: Record<string, Property> }[];
    readonly menus: Record<string, { command: string; when?: string; group?: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const properties = Object.assign({}, ...manifest.contributes.configuration.map((c) => c.properties)) as Record<string, Property>;

test('every choice setting names its values in words, one label and one description per value', () => {
  for (const [key, p] of Object.entries(properties)) {
    if (!p.enum) continue;
    expect(p.enumItemLabels, key).toHaveLength(p.enum.length);
    expect(p.enumDescriptions, key).toHaveLength(p.enum.length);
    for (const label of p.enumItemLabels ?? []) expect(label, key).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
  }
});

test('the approval settings list production first, then staging, development and an unknown target', () => {
  const ordered = Object.entries(properties).filter(([, p]) => p.order !== undefined).sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0)).map(([k]) => k);
  expect(ordered.slice(0, 4)).toEqual(['airlock.policy.production', 'airlock.policy.staging', 'airlock.policy.development', 'airlock.policy.unknown']);
});

test('the listing: a preview, the keywords people search for, and why virtual workspaces are not supported', () => {
  expect(manifest.preview).toBe(true);
  for (const word of ['claude', 'cursor', 'copilot', 'gemini', 'codex', 'mcp', 'railway', 'terraform', 'kubernetes', 'secrets', 'dotenv', 'guardrails', 'audit']) expect(manifest.keywords).toContain(word);
  expect(manifest.capabilities.virtualWorkspaces).toMatchObject({ supported: false });
  expect(manifest.capabilities.virtualWorkspaces?.description).toMatch(/file system/);
});

test('the Explorer\'s commands apply to files on disk and sit in their own group, away from Delete', () => {
  for (const item of manifest.contributes.menus['explorer/context']) {
    expect(item.when).toBe('resourceScheme == file');
    expect(item.group).toMatch(/^9_airlock@/);
  }
  const inPalette = new Map(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
  for (const command of ['airlock.protectFromAgents', 'airlock.stopProtecting']) expect(inPalette.get(command)).toBe('resourceScheme == file');
});
