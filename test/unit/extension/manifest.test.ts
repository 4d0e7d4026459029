// The extension's manifest as the Marketplace and the Settings editor show it: settings in words and
// in a sensible order, the listing's keywords and flags, menus that appear only where they apply.
import { existsSync, readFileSync } from 'node:fs';
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
    readonly viewsContainers: { readonly activitybar: { id: string; title: string; icon: string }[] };
    readonly views: { readonly airlock: { id: string; name: string }[] };
  };
}

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
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

test('the Explorer offers Protect only on what is not protected and Stop Protecting only on what is, in their own group', () => {
  const when = (menu: string, command: string): string | undefined => manifest.contributes.menus[menu]?.find((m) => m.command === command)?.when;
  for (const menu of ['explorer/context', 'commandPalette']) {
    expect(when(menu, 'airlock.protectFromAgents')).toBe('resourceScheme == file && !(resourcePath in airlock.protectedResources)');
    expect(when(menu, 'airlock.stopProtecting')).toBe('resourceScheme == file && resourcePath in airlock.protectedResources');
  }
  for (const item of manifest.contributes.menus['explorer/context']) expect(item.group).toMatch(/^9_airlock@/);
});

test('the Airlock view: Agents, Protected Files and Decisions in the activity bar, their icon packaged', () => {
  expect(manifest.contributes.viewsContainers.activitybar).toEqual([expect.objectContaining({ id: 'airlock', title: 'Airlock' })]);
  expect(existsSync(join(ROOT, manifest.contributes.viewsContainers.activitybar[0]?.icon ?? 'missing'))).toBe(true);
  expect(manifest.contributes.views.airlock.map((v) => v.name)).toEqual(['Agents', 'Protected Files', 'Decisions']);
});

test('every command the palette cannot use on its own is hidden there; every view command appears where its view is', () => {
  const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  // Commands that act on a row need the row.
  for (const command of ['airlock.installAgentHook', 'airlock.repairAgentHook', 'airlock.removeAgentHook', 'airlock.openDecision']) expect(hidden).toContain(command);
  const viewIds = new Set(manifest.contributes.views.airlock.map((v) => v.id));
  for (const item of [...manifest.contributes.menus['view/title'], ...manifest.contributes.menus['view/item/context']]) {
    const view = /view == ([\w.]+)/.exec(item.when ?? '')?.[1];
    expect(view && viewIds.has(view), `${item.command}: ${item.when ?? ''}`).toBe(true);
    expect(manifest.contributes.commands.some((c) => c.command === item.command), item.command).toBe(true);
  }
});

test('the walkthrough links only to commands that exist: contributed ones, or a section of the Airlock view', () => {
  const walkthroughs = (manifest.contributes as unknown as { walkthroughs: { steps: { description: string }[] }[] }).walkthroughs;
  const links = walkthroughs.flatMap((w) => w.steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1] ?? '')));
  expect(links.length).toBeGreaterThan(3);
  const views = manifest.contributes.views.airlock.map((v) => `${v.id}.focus`);
  for (const link of links) {
    const known = manifest.contributes.commands.some((c) => c.command === link) || views.includes(link) || link === 'workbench.action.openSettings';
    expect(known, link).toBe(true);
  }
  expect(links).toContain('airlock.showSampleApproval');
  expect(links).toContain('airlock.protectedFiles.focus');
});
