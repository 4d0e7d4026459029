// Every command Airlock contributes, in one place (package.json lists the same ids).
export const enum CommandId {
  CheckCommandLine = 'airlock.checkCommandLine',
  ShowAuditLog = 'airlock.showAuditLog',
  FilterAuditLog = 'airlock.filterAuditLog',
  VerifyAuditLog = 'airlock.verifyAuditLog',
  InstallAgentHooks = 'airlock.installAgentHooks',
  RemoveAgentHooks = 'airlock.removeAgentHooks',
  RunDoctor = 'airlock.runDoctor',
  ProtectFromAgents = 'airlock.protectFromAgents',
  StopProtecting = 'airlock.stopProtecting',
  ScanWorkspace = 'airlock.scanWorkspace',
  SyncIgnoreFiles = 'airlock.syncIgnoreFiles',
  ShowCoverage = 'airlock.showCoverage',
}
