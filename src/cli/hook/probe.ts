/** `doctor`'s probe sets this: the hook opens no dialog and denies what would need a human. */
export const PROBE_VARIABLE = 'AIRLOCK_HOOK_PROBE';
