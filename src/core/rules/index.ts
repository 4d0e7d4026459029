// Every rule family, indexed by program for the classifier.
import { cloudRules } from './cloud';
import { containersRules } from './containers';
import { filesystemRules } from './filesystem';
import { gitRules } from './git';
import { guardRules } from './guard';
import { httpRules } from './http';
import { interpretersRules } from './interpreters';
import { iacRules } from './iac';
import { kubernetesRules } from './kubernetes';
import { paasRules } from './paas';
import { secretsRules } from './secrets';
import { sqlRules } from './sql';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [
  ...filesystemRules, ...gitRules, ...sqlRules, ...paasRules, ...cloudRules, ...iacRules,
  ...kubernetesRules, ...containersRules, ...httpRules, ...secretsRules, ...interpretersRules, ...guardRules,
];

export function indexByProgram(rules: readonly Rule[]): ReadonlyMap<string, readonly Rule[]> {
  const index = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const program of rule.programs) {
      const list = index.get(program) ?? [];
      list.push(rule);
      index.set(program, list);
    }
  }
  return index;
}
