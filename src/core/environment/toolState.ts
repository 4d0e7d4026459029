// Read-only state other tools keep on disk (kube current-context, terraform workspace, Railway's
// linked environment, gcloud's active project). The engine asks through this interface; the CLI
// fills it from disk, tests from fixtures.

export interface ToolState {
  kubeContext(env: Readonly<Record<string, string>>): string | undefined;
  terraformWorkspace(cwd: string, env: Readonly<Record<string, string>>): string | undefined;
  railwayEnvironment(cwd: string): string | undefined;
  gcloudProject(env: Readonly<Record<string, string>>): string | undefined;
}

export const NO_TOOL_STATE: ToolState = {
  kubeContext: () => undefined,
  terraformWorkspace: () => undefined,
  railwayEnvironment: () => undefined,
  gcloudProject: () => undefined,
};
