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
import { sentSecretsRules } from './sentSecrets';
import { sqlRules } from './sql';
import { messagingRules } from './messaging';
import { searchRules } from './search';
import { secretStoresRules } from './secretStores';
import { backupsRules } from './backups';
import { storageRules } from './storage';
import { codehostRules } from './codehost';
import { networkRules } from './network';
import { hostsRules } from './hosts';
import { migrationsRules } from './migrations';
import { otherCloudsRules } from './otherClouds';
import { registriesRules } from './registries';
import { identityRules } from './identity';
import { observabilityRules } from './observability';
import { managedDatabasesRules } from './managedDatabases';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [
  ...filesystemRules, ...gitRules, ...sqlRules, ...paasRules, ...cloudRules, ...iacRules,
  ...kubernetesRules, ...containersRules, ...httpRules, ...secretsRules, ...sentSecretsRules, ...interpretersRules, ...guardRules,
  ...messagingRules, ...searchRules, ...secretStoresRules, ...backupsRules, ...storageRules, ...codehostRules, ...networkRules, ...hostsRules, ...migrationsRules,
  ...otherCloudsRules, ...registriesRules,
  ...identityRules, ...observabilityRules, ...managedDatabasesRules,
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
