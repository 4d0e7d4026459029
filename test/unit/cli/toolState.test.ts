// Tool state read from disk, filled from fixture homes and working directories.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diskToolState } from '../../../src/cli/toolState';
import { classify } from '../helpers';

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-state-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('diskToolState', () => {
  const home = fixture({
    '.kube/config': 'apiVersion: v1\ncurrent-context: gke_acme_us-central1_prod\ncontexts: []\n',
    '.railway/config.json': JSON.stringify({ projects: { '/srv/app': { environmentName: 'staging' } } }),
    '.config/gcloud/active_config': 'work\n',
    '.config/gcloud/configurations/config_work': '[core]\naccount = a@b.c\nproject = acme-prod-1234\n',
    'app/.terraform/environment': 'production\n',
  });
  const state = diskToolState(home);

  test('reads kube current-context, following KUBECONFIG', () => {
    expect(state.kubeContext({})).toBe('gke_acme_us-central1_prod');
    const other = fixture({ 'kc.yaml': 'current-context: dev-cluster\n' });
    expect(state.kubeContext({ KUBECONFIG: `${join(other, 'kc.yaml')}:/nonexistent` })).toBe('dev-cluster');
  });

  test('reads the terraform workspace of the working directory', () => {
    expect(state.terraformWorkspace(join(home, 'app'), {})).toBe('production');
    expect(state.terraformWorkspace(home, {})).toBeUndefined();
  });

  test('reads Railway\'s link for the directory or a parent', () => {
    expect(state.railwayEnvironment('/srv/app/packages/api')).toBe('staging');
    expect(state.railwayEnvironment('/elsewhere')).toBeUndefined();
  });

  test('reads the active gcloud configuration\'s project', () => {
    expect(state.gcloudProject({})).toBe('acme-prod-1234');
  });

  test('a missing or malformed file is no evidence, not an error', () => {
    const broken = diskToolState(fixture({ '.railway/config.json': '{ not json', '.kube/config': '' }));
    expect(broken.railwayEnvironment('/srv/app')).toBeUndefined();
    expect(broken.kubeContext({})).toBeUndefined();
    expect(broken.gcloudProject({})).toBeUndefined();
  });

  test('tool state decides the tier when the line names none', () => {
    expect(classify('kubectl delete ns payments', { toolState: state }).environment).toMatchObject({
      tier: 'production', evidence: 'kube current-context: gke_acme_us-central1_prod',
    });
    expect(classify('terraform destroy -auto-approve', { toolState: state, cwd: join(home, 'app') }).environment.tier).toBe('production');
    expect(classify('railway volume delete --volume pg', { toolState: state, cwd: '/srv/app' }).environment.tier).toBe('staging');
  });
});
