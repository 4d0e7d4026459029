// A generated 20,000-file project for the scan benchmark: ordinary source, docs, data and config
// of realistic sizes (log-normal, median about 2.5 kB), a few binaries, in nested packages, with
// the planted-secret tree inside it. The same seed makes the same tree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plantedFiles, writePlanted, expected, type Expected } from '../unit/secrets/planted/tree';
import { seeded, type Random } from '../unit/secrets/planted/random';

export const PLANTED_PREFIX = 'apps/shop';

const WORDS = ('account order cart user session item price total render state props value result config handler request response ' +
  'cache queue retry timeout limit offset cursor page index count buffer stream parse format encode decode hash digest ' +
  'locale message error warning status client server route path params query header body schema model record field ' +
  'column table event listener callback promise worker job task batch build deploy release').split(' ');
/** Words that wake the scanners' keyword prefilters, as rare as in ordinary code (about 1 word in 300). */
const KEYWORD_WORDS = ['token', 'tokenizer', 'secret', 'password', 'apiKey', 'redis', 'postgres', 'mysql', 'privateKey', 'railway'];
const TYPES = ['string', 'number', 'boolean', 'Order', 'User', 'Record<string, number>', 'readonly string[]', 'Promise<void>'];
const HOSTS = ['api.shop.example', 'cdn.shop.example', 'docs.shop.example', 'localhost:3000', 'status.shop.example'];

type Maker = (r: Random) => string;

const word = (r: Random): string => (r.int(300) === 0 ? r.pick(KEYWORD_WORDS) : r.pick(WORDS));
const camel = (r: Random): string => word(r) + word(r).replace(/^./, (c) => c.toUpperCase());
const sentence = (r: Random, n = r.between(5, 14)): string => Array.from({ length: n }, () => word(r)).join(' ');
const url = (r: Random): string => `https://${r.pick(HOSTS)}/${word(r)}/${word(r)}`;

/** File extension → a maker of one line (or a few) of that kind of file. */
const MAKERS: readonly (readonly [string, Maker])[] = Object.entries({
  ts: (r) => r.pick([
    () => `import { ${camel(r)} } from './${word(r)}';`,
    () => `export function ${camel(r)}(${word(r)}: ${r.pick(TYPES)}, ${word(r)}: ${r.pick(TYPES)}): ${r.pick(TYPES)} {`,
    () => `  const ${camel(r)} = ${word(r)}.${camel(r)}(${word(r)}, ${r.int(1000)});`,
    () => `  if (${word(r)}.${word(r)} === ${r.int(100)}) return ${camel(r)};`,
    () => `  // ${sentence(r)}`,
    () => `  await fetch('${url(r)}', { method: 'POST' });`,
    () => '}',
    () => '',
  ])(),
  js: (r) => r.pick([
    () => `const ${camel(r)} = require('./${word(r)}');`,
    () => `module.exports.${camel(r)} = function (${word(r)}, ${word(r)}) { return ${word(r)}[${r.int(50)}] || null; };`,
    () => `  ${word(r)}.on('${word(r)}', (${word(r)}) => ${camel(r)}(${word(r)}));`,
    () => `/* ${sentence(r)} */`,
    () => '',
  ])(),
  py: (r) => r.pick([
    () => `from .${word(r)} import ${camel(r)}`,
    () => `def ${word(r)}_${word(r)}(${word(r)}, ${word(r)}=None):`,
    () => `    ${word(r)} = ${word(r)}.get("${word(r)}", ${r.int(100)})`,
    () => `    # ${sentence(r)}`,
    () => `    return ${word(r)}_${word(r)}(${word(r)})`,
    () => '',
  ])(),
  go: (r) => r.pick([
    () => `func ${camel(r)}(${word(r)} ${r.pick(['string', 'int', '*Order', 'context.Context'])}) error {`,
    () => `\t${word(r)} := ${word(r)}.${camel(r)}(${r.int(100)})`,
    () => `\tif err != nil {\n\t\treturn fmt.Errorf("${sentence(r, 4)}: %w", err)\n\t}`,
    () => `// ${sentence(r)}`,
    () => '}',
  ])(),
  md: (r) => r.pick([
    () => `## ${sentence(r, 3)}`,
    () => sentence(r, r.between(12, 40)) + '.',
    () => `- ${sentence(r, 6)} ([link](${url(r)}))`,
    () => '```sh\nnpm run ' + word(r) + '\n```',
    () => '',
  ])(),
  json: (r) => `  "${camel(r)}": ${r.pick([`"${sentence(r, 3)}"`, String(r.int(10000)), 'true', 'null', `"${url(r)}"`])},`,
  yaml: (r) => r.pick([
    () => `${word(r)}:`,
    () => `  ${word(r)}: ${sentence(r, 2)}`,
    () => `  - name: ${word(r)}-${word(r)}`,
    () => `    ${word(r)}: ${r.int(500)}`,
  ])(),
  css: (r) => `.${word(r)}-${word(r)} { margin: ${r.int(32)}px; color: #${r.chars('0123456789abcdef', 6)}; }`,
  html: (r) => `<div class="${word(r)}-${word(r)}"><a href="${url(r)}">${sentence(r, 4)}</a></div>`,
  txt: (r) => sentence(r, r.between(6, 20)),
} satisfies Record<string, Maker>);

/** A log-normal size: many small files, a long tail of large ones. */
function size(r: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  return Math.min(400_000, Math.max(60, Math.round(Math.exp(Math.log(2500) + normal))));
}

function fileText(r: Random, kind: string, make: Maker, bytes: number): string {
  const lines: string[] = kind === 'json' ? ['{'] : [];
  let length = 0;
  while (length < bytes) {
    const line = make(r);
    lines.push(line);
    length += line.length + 1;
  }
  if (kind === 'json') lines.push('  "end": true', '}');
  return lines.join('\n') + '\n';
}

export interface ScanTree {
  readonly files: number;
  readonly bytes: number;
  readonly want: Expected;
}

/** Writes `total` files under `dir`, the planted tree among them. */
export function writeScanTree(dir: string, total = 20_000, seed = 7): ScanTree {
  const r = seeded(seed);
  const planted = plantedFiles();
  writePlanted(dir, planted, PLANTED_PREFIX);
  let bytes = 0;
  const filler = total - planted.length;
  for (let i = 0; i < filler; i++) {
    // 40 packages of 500 files, in folders of about 17 files.
    const folder = join(dir, 'packages', `pkg-${Math.floor(i / 500)}`, r.pick(['src', 'lib', 'test', 'docs', 'src/components', 'src/api']), `m${Math.floor((i % 500) / 100)}`);
    mkdirSync(folder, { recursive: true });
    if (r.int(100) === 0) {
      // A binary now and then (images, fonts): both scanners have to notice and skip it.
      const data = Buffer.from(Array.from({ length: size(r) }, () => r.int(256)));
      writeFileSync(join(folder, `asset-${i}.png`), data);
      bytes += data.length;
      continue;
    }
    const [kind, make] = r.pick(MAKERS);
    const text = fileText(r, kind, make, size(r));
    writeFileSync(join(folder, `${word(r)}-${i}.${kind}`), text);
    bytes += text.length;
  }
  return { files: total, bytes, want: expected(planted, PLANTED_PREFIX) };
}
