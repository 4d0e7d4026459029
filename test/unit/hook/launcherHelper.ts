// Writes the stable launcher as `airlock install` does, into the test's private home.
import { launcherPath, writeLauncher } from '../../../src/agents/install/launcher';

export function installLauncherForTest(env: Record<string, string>, cli: string): string {
  const path = launcherPath(env);
  writeLauncher(path, { node: process.execPath, cli });
  return path;
}
