// The Marketplace / Open VSX page is media/listing.md, which `npm run package` hands to vsce as the
// readme. vsce stores it as readme.md at the package's root, so its pictures must be named from the
// extension's root folder, and anything a user reads there must exist in the package under that name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

interface Manifest {
  readonly displayName: string;
  readonly scripts: Record<string, string>;
  readonly contributes: { readonly commands: { readonly command: string; readonly title: string; readonly category?: string }[] };
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const readmePath = /--readme-path\s+(\S+)/.exec(manifest.scripts.package)?.[1];
// A missing flag or file fails the first test; the rest still check the page it is meant to name.
const listing = readFileSync(join(root, readmePath && existsSync(join(root, readmePath)) ? readmePath : 'media/listing.md'), 'utf8');

const isLocal = (target: string): boolean => !/^[a-z][a-z\d+.-]*:/i.test(target) && !target.startsWith('#');
const images = [
  ...[...listing.matchAll(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g)].map((m) => ({ alt: m[1], src: m[2] })),
  ...[...listing.matchAll(/<img\b[^>]*>/gi)].map((m) => ({ alt: /\balt=["']([^"']*)["']/i.exec(m[0])?.[1] ?? '', src: /\bsrc=["']([^"']*)["']/i.exec(m[0])?.[1] ?? '' })),
];
const targets = [...listing.matchAll(/\]\(([^)\s]+)/g), ...listing.matchAll(/\b(?:href|src)=["']([^"']+)["']/gi)].map((m) => m[1]);

test('the package script hands vsce the listing as the readme, and the VSIX cannot carry a second README', () => {
  expect(readmePath).toBeDefined();
  expect(readmePath).not.toMatch(/^(\.\/)?readme\.md$/i);
  expect(existsSync(join(root, readmePath ?? ''))).toBe(true);
  // The VSIX format refuses two paths that differ only in case (README.md beside readme.md).
  const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  expect(vscodeignore.filter((l) => /^!\/?readme\.md$/i.test(l))).toEqual([]);
});

test('the listing opens with the product for users, not with developer commands', () => {
  expect(listing.trimStart().split('\n')[0]).toBe(`# ${manifest.displayName}`);
  const opening = listing.split(/^## /m)[0];
  expect(opening).not.toContain('```');
  expect(opening).not.toMatch(/\bnpm\b/);
  expect(listing).not.toMatch(/\bnpm (ci|install|run|test)\b/);
});

test('the listing links nothing outside the package', () => {
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((t) => t.includes('../'))).toEqual([]);
  expect(listing).not.toContain('../shared');
});

test('every picture the listing shows is in the repository, named from the extension root, with words for it', () => {
  const local = images.filter((i) => isLocal(i.src));
  expect(local.map((i) => i.src)).toEqual(expect.arrayContaining([
    'media/screenshots/modal.png', 'media/screenshots/details.png', 'media/screenshots/view.png', 'media/screenshots/sample-approval.png',
  ]));
  expect(local.filter((i) => !existsSync(join(root, i.src))).map((i) => i.src)).toEqual([]);
  expect(images.filter((i) => i.alt.trim().split(/\s+/).length < 4).map((i) => i.src)).toEqual([]);
});

test('every command the listing names is spelled as the Command Palette shows it', () => {
  const titles = manifest.contributes.commands
    .map((c) => (c.category ? `${c.category}: ${c.title}` : c.title))
    .sort((a, b) => b.length - a.length);
  // Lines wrap anywhere in Markdown, a title included.
  const text = listing.replace(/\s+/g, ' ');
  const named = [...text.matchAll(/\bAirlock: /g)].map((m) => {
    const rest = text.slice(m.index);
    return titles.find((t) => rest.startsWith(t) && !/^[\p{L}\p{N}]/u.test(rest.slice(t.length))) ?? `unknown: ${rest.slice(0, 40)}`;
  });
  expect(named).toContain('Airlock: Install Agent Hooks');
  expect(named.filter((n) => n.startsWith('unknown: '))).toEqual([]);
});
