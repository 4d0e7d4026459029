// Tool state the line itself changes before the guarded command runs:
// `terraform workspace select prod && terraform destroy`, `kubectl config use-context prod; …`.
import { Args } from '../rules/args';
import type { SimpleCommand } from '../shell/command';
import type { ToolState } from './toolState';

type Key = 'kubeContext' | 'terraformWorkspace' | 'railwayEnvironment' | 'gcloudProject';

interface StateChange {
  readonly programs: readonly string[];
  readonly key: Key;
  /** The value the command switches to, when it is a switch. */
  readonly value: (args: Args) => string | undefined;
}

const CHANGES: readonly StateChange[] = [
  { programs: ['terraform', 'tofu'], key: 'terraformWorkspace', value: (a) => (a.sub('workspace', ['select', 'new']) ? a.after('workspace', ['select', 'new'])[0] : undefined) },
  { programs: ['kubectl', 'oc'], key: 'kubeContext', value: (a) => (a.sub('config', 'use-context') ? a.after('config', 'use-context')[0] : undefined) },
  { programs: ['kubectx'], key: 'kubeContext', value: (a) => a.positionals[0] },
  { programs: ['gcloud'], key: 'gcloudProject', value: (a) => (a.sub('config', 'set', 'project') ? a.after('config', 'set', 'project')[0] : undefined) },
  { programs: ['railway'], key: 'railwayEnvironment', value: (a) => (a.sub(['environment', 'env']) ? a.after(['environment', 'env'])[0] : a.sub('link') ? a.value('--environment', '-e') : undefined) },
];

/** The tool state as it will be when each later command runs (the last switch in the line wins). */
export function withLineState(base: ToolState, commands: readonly SimpleCommand[]): ToolState {
  const changed = new Map<Key, string>();
  for (const command of commands) {
    for (const change of CHANGES) {
      if (!change.programs.includes(command.program)) continue;
      const value = change.value(new Args(command));
      if (value) changed.set(change.key, value);
    }
  }
  if (changed.size === 0) return base;
  return {
    kubeContext: (env) => changed.get('kubeContext') ?? base.kubeContext(env),
    terraformWorkspace: (cwd, env) => changed.get('terraformWorkspace') ?? base.terraformWorkspace(cwd, env),
    railwayEnvironment: (cwd) => changed.get('railwayEnvironment') ?? base.railwayEnvironment(cwd),
    gcloudProject: (env) => changed.get('gcloudProject') ?? base.gcloudProject(env),
  };
}
