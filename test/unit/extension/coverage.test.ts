// What the window says guards this machine: on Windows, the hooks and the terminal gate are not
// claimed; with the gate turned off, it is said to be off.
import { describe, expect, test } from 'vitest';
import { coverageGap, coverageLines, machineCoverage } from '../../../src/core/coverage';

const state = (platform: string, terminalGate = true) => Object.fromEntries(machineCoverage({ platform, terminalGate }).map((p) => [p.part, p.state]));

describe('machineCoverage', () => {
  test('Linux and macOS: every part guards, and the status bar names no gap', () => {
    for (const platform of ['linux', 'darwin']) {
      expect(Object.values(state(platform)).every((s) => s === 'on')).toBe(true);
      expect(coverageGap(machineCoverage({ platform, terminalGate: true }))).toBeUndefined();
    }
  });

  test('Windows: the agent hooks and the terminal gate are not available; the dialogs, protected files and terminal watch are', () => {
    expect(state('win32')).toEqual({ 'Approval dialogs': 'on', 'Agent hooks': 'unsupported', 'Terminal gate': 'unsupported', 'Protected files': 'on', 'Terminal watch': 'on' });
    const parts = machineCoverage({ platform: 'win32', terminalGate: true });
    expect(coverageGap(parts)).toBe('Airlock guards this machine in part: the agent hooks and terminal gate are not available here.');
    expect(coverageLines(parts).find((l) => l.startsWith('Agent hooks'))).toContain('WSL');
  });

  test('the terminal gate turned off is said to be off, with the setting that turns it on', () => {
    const parts = machineCoverage({ platform: 'linux', terminalGate: false });
    expect(coverageGap(parts)).toBe('Airlock guards this machine in part: the terminal gate is off.');
    expect(coverageLines(parts).find((l) => l.startsWith('Terminal gate'))).toContain('airlock.terminalGate.enabled');
  });
});
