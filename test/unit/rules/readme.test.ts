// The README lists the rule families with their rule counts; this keeps the list true to the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { allRules } from '../../../src/core/rules/index';
import { problemRules } from '../../../src/core/rules/problems';

/** What each category covers, in the README's words. */
const FAMILY_NAMES: Readonly<Record<string, string>> = {
  filesystem: 'Files and disks', git: 'Git and GitHub', sql: 'Databases, SQL and migrations', paas: 'Platforms (PaaS)',
  cloud: 'Cloud providers and object storage', iac: 'Infrastructure as code', kubernetes: 'Kubernetes and Helm',
  containers: 'Containers', http: 'HTTP APIs', secrets: 'Secret reads', interpreters: 'Interpreter one-liners',
  shell: 'Shell', messaging: 'Message brokers and streams', search: 'Search and analytics stores', vault: 'Secrets managers',
  backup: 'Backups and snapshots', codehost: 'Code hosting, CI/CD and package registries', network: 'DNS, CDN, load balancers and firewalls',
  host: 'Hosts: services, power, users, firewalls, volumes, fleets', identity: 'Identity and access',
  observability: 'Observability: monitors, metrics, logs',
};

/** The table as the README shows it: family, rule count, and the tools named by its rule ids. */
export function familyTable(): string {
  const byCategory = new Map<string, { count: number; tools: Map<string, number> }>();
  for (const rule of [...allRules, ...problemRules]) {
    const entry = byCategory.get(rule.category) ?? { count: 0, tools: new Map<string, number>() };
    byCategory.set(rule.category, entry);
    entry.count++;
    const tool = rule.id.split('.')[0] ?? '';
    entry.tools.set(tool, (entry.tools.get(tool) ?? 0) + 1);
  }
  const rows = [...byCategory].sort((a, b) => b[1].count - a[1].count).map(([category, e]) => {
    const tools = [...e.tools].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    const shown = tools.slice(0, 12).join(', ') + (tools.length > 12 ? `, … (${tools.length} in all)` : '');
    return `| ${FAMILY_NAMES[category] ?? category} (\`${category}\`) | ${e.count} | ${shown} |`;
  });
  const total = allRules.length + problemRules.length;
  return ['| family (category) | rules | tools, by rule count |', '|---|---:|---|', ...rows, `| **all** | **${total}** | |`].join('\n');
}

test('the README lists every family with its rule count', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  expect(readme, `README.md should hold this table:\n${familyTable()}`).toContain(familyTable());
});
