// Rules for commands that would switch Airlock off from inside the agent it guards: removing its
// hooks, or rewriting its launcher, its state or an agent's hook settings. Critical, so that even
// in a development folder a human decides, and with no editor window open the answer is no.
import { isGuardFile } from '../selfProtection';
import type { Args } from './args';
import type { Rule } from './types';

function nonFlags(list: readonly string[]): string[] {
  return list.filter((a) => !a.startsWith('-'));
}

/** The files the command writes or removes: for a copy or link only its destination. */
function written(a: Args): string[] {
  const operands = nonFlags(a.list);
  return ['cp', 'install', 'ln'].includes(a.program) ? operands.slice(-1) : operands;
}

/** For `sed`/`perl`, only an in-place edit writes. */
function writesInPlace(a: Args): boolean {
  if (a.program !== 'sed' && a.program !== 'perl') return true;
  return a.list.some((f) => /^-[a-zA-Z]*i/.test(f) || f.startsWith('--in-place'));
}

export const guardRules: readonly Rule[] = [
  {
    id: 'airlock.uninstall',
    programs: ['airlock'],
    category: 'shell',
    severity: 'critical',
    summary: 'Removes Airlock\'s hooks: the guard that stops destructive agent commands',
    hint: 'Ask the user to run `airlock uninstall` themselves if they want Airlock gone',
    match: (a) => a.positionals[0] === 'uninstall',
    targets: () => [],
    examples: { match: ['airlock uninstall', 'npx airlock uninstall --agent all --scope user'], noMatch: ['airlock doctor', 'airlock check -- ls', 'airlock install --agent cursor'] },
  },
  {
    id: 'airlock.guard-file-redirect',
    programs: ['>'],
    category: 'shell',
    severity: 'critical',
    summary: 'Overwrites a file that keeps Airlock\'s guard in place (its launcher, its state or an agent\'s hook settings)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => a.list.some(isGuardFile),
    targets: () => [],
    examples: {
      match: ["echo 'exit 0' > ~/.local/share/airlock/bin/airlock", 'echo {} > .claude/settings.json', 'cat x >| $HOME/.cursor/hooks.json'],
      noMatch: ['echo hi > notes.txt', 'echo {} > .claude/commands.json'],
    },
  },
  {
    id: 'airlock.guard-file-change',
    programs: ['rm', 'mv', 'cp', 'tee', 'truncate', 'chmod', 'unlink', 'ln', 'install', 'sed', 'perl', 'shred'],
    category: 'shell',
    severity: 'critical',
    summary: 'Deletes or rewrites a file that keeps Airlock\'s guard in place (its launcher, its state or an agent\'s hook settings)',
    hint: 'Ask the user to change agent hook settings themselves',
    match: (a) => writesInPlace(a) && written(a).some(isGuardFile),
    targets: () => [],
    examples: {
      match: ['rm -rf ~/.local/share/airlock', 'mv .cursor/hooks.json /tmp/', "sed -i 's/airlock/true/' .claude/settings.json", 'cp /dev/null .gemini/settings.json', 'rm .github/hooks/airlock.json'],
      noMatch: ["sed 's/a/b/' .claude/settings.json", 'rm notes.txt', 'cp .claude/settings.json backup/'],
    },
  },
];
