// Every command Airlock contributes, in one place (package.json lists the same ids).
export const CommandId = {
  CheckCommandLine: 'airlock.checkCommandLine',
  ShowAuditLog: 'airlock.showAuditLog',
  FilterAuditLog: 'airlock.filterAuditLog',
  VerifyAuditLog: 'airlock.verifyAuditLog',
  InstallAgentHooks: 'airlock.installAgentHooks',
  RemoveAgentHooks: 'airlock.removeAgentHooks',
  RunDoctor: 'airlock.runDoctor',
  ProtectFromAgents: 'airlock.protectFromAgents',
  StopProtecting: 'airlock.stopProtecting',
  ScanWorkspace: 'airlock.scanWorkspace',
  SyncIgnoreFiles: 'airlock.syncIgnoreFiles',
  ShowCoverage: 'airlock.showCoverage',
  ShowSampleApproval: 'airlock.showSampleApproval',
  RefreshAgents: 'airlock.refreshAgents',
  InstallAgentHook: 'airlock.installAgentHook',
  RepairAgentHook: 'airlock.repairAgentHook',
  RemoveAgentHook: 'airlock.removeAgentHook',
  RefreshProtectedFiles: 'airlock.refreshProtectedFiles',
  EditProtectedPaths: 'airlock.editProtectedPaths',
  FilterDecisions: 'airlock.filterDecisions',
  OpenDecision: 'airlock.openDecision',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Every command, for registering them all at once. */
export const ALL_COMMANDS: readonly CommandId[] = Object.values(CommandId);
