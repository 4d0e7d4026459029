// Which shells the terminal gate guards. bash and zsh get the shell guard (the whole line before it
// runs) on top of the PATH shims; every other shell gets only the shims (programs found through
// PATH, not /bin/rm or builtins) and the observer, which can only interrupt what already started.

export const GUARDED_SHELLS: readonly string[] = ['bash', 'zsh'];
/** Shells people use in VS Code terminals that have no guard: shown by `airlock doctor` and the README. */
export const UNGUARDED_SHELLS: readonly string[] = ['fish', 'pwsh (PowerShell)', 'nu (Nushell)', 'sh / dash', 'ksh', 'tcsh / csh', 'xonsh', 'elvish'];

/** One line about a shell, by its path or name (`/usr/bin/fish`, `zsh`); bash's version (`5.2`) when known. */
export function shellGate(shell: string | undefined, bashVersion?: number): string {
  const name = (shell ?? '').slice((shell ?? '').lastIndexOf('/') + 1).replace(/\.exe$/i, '').replace(/^-/, '');
  if (name === '') return 'no SHELL set: the editor\'s terminals start the system default shell';
  if (name === 'bash' && bashVersion !== undefined && bashVersion < 4.4) {
    return `bash ${bashVersion}: NOT guarded — the shell guard needs bash 4.4 or newer (macOS's /bin/bash is 3.2: install a newer bash for the editor's terminals); only the PATH shims and the observer apply`;
  }
  if (GUARDED_SHELLS.includes(name)) return `${name}: guarded (PATH shims and the shell guard see every command line before it runs)`;
  return `${name}: NOT guarded by a shell guard — only the PATH shims (programs found through PATH) and the observer, which interrupts flagged commands after they start. Use bash or zsh for agents' terminals.`;
}
