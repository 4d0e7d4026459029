/** `doctor`'s probe sets this: judge by policy alone, never open a dialog, write no audit line. */
export const PROBE_VARIABLE = 'AIRLOCK_HOOK_PROBE';
