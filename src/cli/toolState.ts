// Tool state read from disk for environment resolution: kube current-context, terraform workspace,
// Railway's linked environment, gcloud's active project. Every read is best effort: a missing or
// unreadable file means "no evidence", never an error.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ToolState } from '../core/environment/toolState';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * One instance reads each file once: a process that judges one line reads what that line needs,
 * and `check --batch` reads a tool's state once for the whole batch instead of once per line.
 */
export function diskToolState(home: string = homedir()): ToolState {
  const seen = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!seen.has(path)) seen.set(path, readFile(path));
    return seen.get(path);
  };
  return toolStateReading(home, read);
}

function toolStateReading(home: string, read: (path: string) => string | undefined): ToolState {
  return {
    kubeContext(env) {
      const config = (env.KUBECONFIG ?? join(home, '.kube', 'config')).split(':')[0] ?? '';
      return /^current-context:\s*["']?([^"'\s]+)/m.exec(read(config) ?? '')?.[1];
    },
    terraformWorkspace(cwd, env) {
      const dataDir = env.TF_DATA_DIR ?? '.terraform';
      return read(resolve(cwd, dataDir, 'environment'))?.trim() || undefined;
    },
    railwayEnvironment(cwd) {
      const config = parseJson(read(join(home, '.railway', 'config.json')));
      const projects = isRecord(config) && isRecord(config.projects) ? config.projects : undefined;
      if (!projects) return undefined;
      // Railway links a directory or one of its parents.
      for (let dir = resolve(cwd); ; dir = dirname(dir)) {
        const link = projects[dir];
        if (isRecord(link)) {
          const name = link.environmentName ?? link.environment;
          return typeof name === 'string' ? name : undefined;
        }
        if (dirname(dir) === dir) return undefined;
      }
    },
    gcloudProject(env) {
      const root = env.CLOUDSDK_CONFIG ?? join(home, '.config', 'gcloud');
      const active = env.CLOUDSDK_ACTIVE_CONFIG_NAME ?? read(join(root, 'active_config'))?.trim() ?? 'default';
      const ini = read(join(root, 'configurations', `config_${active}`)) ?? '';
      return /^\s*project\s*=\s*(\S+)/m.exec(ini)?.[1];
    },
  };
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
