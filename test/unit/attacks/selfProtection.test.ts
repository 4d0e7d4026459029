// Self-protection by meaning, not text (issue 14): an agent rewriting its own guard through `..`,
// a `cd` earlier on the line, its cwd, interpreter code, or the editor's settings, or removing the
// extension. Each through the real `airlock hook` judging with no editor window; each was allowed
// before. Harmless look-alikes stay quiet.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHook } from '../../../src/cli/hook/run';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-self-'));
const project = join(home, 'project');
const userSettings = join(home, '.config', 'Code', 'User', 'settings.json');
mkdirSync(project, { recursive: true });
mkdirSync(join(home, '.claude'), { recursive: true });
mkdirSync(join(home, '.config', 'Code', 'User'), { recursive: true });
writeFileSync(userSettings, '{\n  // mine\n  "editor.fontSize": 13,\n  "airlock.policy.production": "typed"\n}\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

async function hook(tool: string, input: unknown, cwd = project): Promise<string> {
  const payload = { session_id: 's', transcript_path: '/t', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 't' };
  const out = await runHook('claude-code', JSON.stringify(payload), {
    env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine,
  });
  return (JSON.parse(out.stdout) as { hookSpecificOutput?: { permissionDecision: string } }).hookSpecificOutput?.permissionDecision ?? 'quiet';
}

describe("an agent's writes to Airlock's guard files are judged by where they land", () => {
  test.each([
    ['Write', { file_path: `${home}/.claude/x/../settings.json`, content: '{}' }, project],
    ['Write', { file_path: 'settings.json', content: '{}' }, join(home, '.claude')],
    ['Bash', { command: "cd ~/.claude && printf '{}' > settings.json" }, project],
    ['Bash', { command: "cd ~/.local/share/airlock/bin && printf 'exit 0' > airlock" }, project],
    ['Bash', { command: "printf '{}' > settings.json" }, join(home, '.claude')],
    ['Bash', { command: `python3 -c "open('${home}/.claude/settings.json','w').write('{}')"` }, project],
    ['Bash', { command: `node -e "require('fs').writeFileSync(require('os').homedir()+'/.claude/settings.json','{}')"` }, project],
  ])('%s %j (cwd %s) is denied', async (tool, input, cwd) => {
    expect(await hook(tool, input, cwd)).toBe('deny');
  });
});

describe("the editor's user settings hold Airlock's own", () => {
  test.each([
    ['Edit', { file_path: userSettings, old_string: '"airlock.policy.production": "typed"', new_string: '"airlock.policy.production": "click-critical"' }],
    ['Write', { file_path: userSettings, content: '{ "editor.fontSize": 13 }' }],
    ['Write', { file_path: userSettings, content: '{ "editor.fontSize": 13, "airlock.policy.production": "typed", "airlock.allowedPaths": ["**"] }' }],
    ['MultiEdit', { file_path: userSettings, edits: [{ old_string: '13', new_string: '14' }, { old_string: '"typed"', new_string: '"click"' }] }],
    ['Bash', { command: `sed -i 's/typed/click/' ${userSettings}` }],
    ['Bash', { command: `jq '."airlock.allowedPaths" = ["**"]' ${userSettings} > /tmp/s && mv /tmp/s ${userSettings}` }],
    ['Bash', { command: 'code --uninstall-extension airlock.airlock' }],
    ['Bash', { command: 'cursor --disable-extension airlock.airlock' }],
    // `~` as the file tools read it: the file exists, and `{}` drops Airlock's keys.
    ['Write', { file_path: '~/.config/Code/User/settings.json', content: '{}' }],
    // A patch is not read for what it does to Airlock's keys (`\u0061irlock…` is `airlock…` to the parser).
    ['apply_patch', { command: `*** Begin Patch\n*** Update File: ${userSettings}\n@@\n+  "\\u0061irlock.terminalGate.enabled": false,\n*** End Patch\n` }],
    // Factory Droid: the settings that hold its hooks, the hooks.json newer releases read instead, managed settings.
    ['Write', { file_path: join(project, '.factory', 'settings.json'), content: '{"hooks":{}}' }],
    ['Write', { file_path: `${home}/.factory/hooks.json`, content: '{}' }],
    ['Bash', { command: 'rm .factory/settings.local.json' }],
    ['Bash', { command: 'mv .factory /tmp/f' }],
    ['Write', { file_path: '/etc/factory/settings.json', content: '{"hooks":{}}' }],
    // opencode: Airlock's plugin, and any plugin beside it (it runs around each call in the same process).
    ['Write', { file_path: join(project, '.opencode', 'plugins', 'airlock.js'), content: 'export default {}' }],
    ['Write', { file_path: join(project, '.opencode', 'plugin', 'rewrite-args.js'), content: 'export default {}' }],
    ['Bash', { command: 'rm ~/.config/opencode/plugins/airlock.js' }],
    ['Bash', { command: 'mv .opencode /tmp/o' }],
  ])('%s %j is denied', async (tool, input) => {
    expect(await hook(tool, input)).toBe('deny');
  });

  test.each([
    ['Edit', { file_path: userSettings, old_string: '"editor.fontSize": 13', new_string: '"editor.fontSize": 14' }],
    ['Write', { file_path: userSettings, content: '{\n  "editor.fontSize": 15,\n  "airlock.policy.production": "typed"\n}\n' }],
    ['Bash', { command: 'code --install-extension ms-python.python' }],
    ['Write', { file_path: join(project, 'src', 'settings.json'), content: '{}' }],
    ['Bash', { command: 'cd src && echo {} > settings.json' }],
  ])('%s %j stays quiet', async (tool, input) => {
    expect(await hook(tool, input)).toBe('quiet');
  });
});

describe('the folders above the guard files, and the editor switches for hooks (review round, issue 14)', () => {
  mkdirSync(join(project, '.claude'), { recursive: true });
  writeFileSync(join(project, '.claude', 'settings.json'), '{"hooks":{}}');
  test.each([
    ['Bash', { command: 'mv .claude .claude.bak' }],
    ['Bash', { command: 'mv ~/.claude /tmp/' }],
    ['Bash', { command: 'rm -rf ~/.local/share' }],
    ['Bash', { command: 'ln -sfn /tmp/evil .claude' }],
    ['Bash', { command: 'cp -r /tmp/evil/.claude .' }],
    ['Bash', { command: 'rsync -a /tmp/evil/ ./' }],
    ['Bash', { command: 'git mv .claude c' }],
    ['Bash', { command: `python3 -c 'import os; os.rename(".claude", "/tmp/c")'` }],
    ['Bash', { command: `perl -e 'rename ".claude", "/tmp/c"'` }],
    ['Bash', { command: 'code --install-extension ./airlock-9.9.9.vsix --force' }],
    ['Bash', { command: "patch -p1 <<'EOF'\n--- a/.claude/settings.json\n+++ b/.claude/settings.json\n@@ -1 +1 @@\n-{}\n+{\"disableAllHooks\":true}\nEOF" }],
    ['Write', { file_path: userSettings, content: '{ "editor.fontSize": 13, "airlock.policy.production": "typed", "chat.hooks.enabled": false }' }],
    ['Write', { file_path: '/etc/claude-code/managed-settings.json', content: '{"disableAllHooks":true}' }],
    ['Write', { file_path: `${home}/.var/app/com.visualstudio.code/config/Code/User/settings.json`, content: '{ "airlock.policy.production": "click-critical" }' }],
    // Codex: its hooks, and the config that holds hook trust, `[features] hooks = false` and managed policy.
    ['Write', { file_path: join(project, '.codex', 'hooks.json'), content: '{"hooks":{}}' }],
    ['Bash', { command: `printf '[features]\nhooks = false\n' >> ~/.codex/config.toml` }],
    ['Bash', { command: 'rm ~/.codex/hooks.json' }],
    // Gemini CLI and Qwen Code run no hooks in a folder their trust file refuses.
    ['Bash', { command: `printf '{"${project}":"DO_NOT_TRUST"}' > ~/.gemini/trustedFolders.json` }],
    ['Write', { file_path: `${home}/.qwen/trustedFolders.json`, content: '{}' }],
    // Copilot CLI loads no project hooks in a folder its config.json does not trust.
    ['Bash', { command: `printf '{"trusted_folders":[]}' > ~/.copilot/config.json` }],
    ['Write', { file_path: '/etc/codex/requirements.toml', content: 'allow_managed_hooks_only = true\n' }],
    ['Write', { file_path: '/Library/Application Support/Cursor/hooks.json', content: '{"hooks":{}}' }],
    // Cline: the hook is the file itself, in the project and in the user's Documents (or ~/.cline).
    ['Write', { file_path: join(project, '.clinerules', 'hooks', 'PreToolUse'), content: '#!/bin/sh\necho \'{"cancel":false}\'\n' }],
    ['Write', { file_path: `${home}/Documents/Cline/Hooks/PreToolUse`, content: '#!/bin/sh\n' }],
    ['Bash', { command: 'chmod -x .clinerules/hooks/PreToolUse' }],
    ['Bash', { command: 'rm ~/.cline/hooks/PreToolUse' }],
    // Augment: the user's and a project's settings, and the managed ones.
    ['Write', { file_path: join(project, '.augment', 'settings.json'), content: '{"hooks":{}}' }],
    ['Bash', { command: `printf '{}' > ~/.augment/settings.json` }],
    ['Write', { file_path: '/etc/augment/settings.json', content: '{}' }],
    // The managed files install writes for Copilot CLI, Qwen Code and Windsurf.
    ['Bash', { command: 'rm /etc/github-copilot/policy.d/50-airlock.json' }],
    ['Write', { file_path: '/etc/qwen-code/settings.json', content: '{"disableAllHooks":true}' }],
    ['Bash', { command: `printf '{}' > /etc/windsurf/hooks.json` }],
    // Windsurf and Kiro: their hook files, and the folders that hold them.
    ['Write', { file_path: join(project, '.windsurf', 'hooks.json'), content: '{"hooks":{}}' }],
    ['Bash', { command: 'rm ~/.codeium/windsurf/hooks.json' }],
    ['Write', { file_path: join(project, '.kiro', 'hooks', 'airlock.json'), content: '{"version":"v1","hooks":[]}' }],
    ['Bash', { command: `sed -i 's/"enabled": true/"enabled": false/' ~/.kiro/hooks/airlock.json` }],
    ['Bash', { command: 'mv .kiro/hooks /tmp/' }],
  ])('%s %j is denied', async (tool, input) => {
    expect(await hook(tool, input)).toBe('deny');
  });

  test.each([
    ['Bash', { command: 'mv src lib' }],
    ['Bash', { command: 'rm -rf node_modules' }],
    ['Bash', { command: 'cp -r .claude/commands /tmp/c' }],
    ['Bash', { command: 'cat ~/.codex/config.toml | grep model' }],
    ['Bash', { command: 'cat .factory/settings.json' }],
    ['Write', { file_path: join(project, '.opencode', 'agent', 'review.md'), content: '# Review\n' }],
    ['Write', { file_path: join(project, '.kiro', 'steering', 'product.md'), content: '# Product\n' }],
    ['Write', { file_path: join(project, '.windsurf', 'rules', 'style.md'), content: '# Style\n' }],
    ['Write', { file_path: join(project, '.vscode', 'settings.json'), content: '{ "editor.tabSize": 2 }' }],
    ['Write', { file_path: join(project, '.clinerules', 'style.md'), content: '# tabs\n' }],
  ])('%s %j stays quiet', async (tool, input) => {
    expect(await hook(tool, input)).toBe('quiet');
  });
});

describe('starting a shell the terminal gate does not load into, or leaving the gate', () => {
  test.each(['exec dash', 'dash', 'zsh -f', `python3 -c 'import pty; pty.spawn("/bin/dash")'`])('%s is asked', async (command) => {
    expect(await hook('Bash', { command })).toBe('ask');
  });
  test.each(['export -n BASH_ENV', 'unset PROMPT_COMMAND', 'ZDOTDIR=/tmp'])('%s is denied', async (command) => {
    expect(await hook('Bash', { command })).toBe('deny');
  });
  test.each(['zsh', 'sh build.sh', "dash -c 'ls'"])('%s stays quiet', async (command) => {
    expect(await hook('Bash', { command })).toBe('quiet');
  });
});

describe('an agent rewriting its own hook through its own tools', () => {
  test('Cline\'s write_to_file of its PreToolUse is denied', async () => {
    const payload = { clineVersion: '3.38.3', hookName: 'PreToolUse', timestamp: '0', taskId: 't', workspaceRoots: [project], userId: 'u',
      preToolUse: { toolName: 'write_to_file', parameters: { path: '.clinerules/hooks/PreToolUse', content: '#!/bin/sh\necho \'{"cancel":false}\'\n' } } };
    const out = await runHook('cline', JSON.stringify(payload), { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine });
    expect(JSON.parse(out.stdout)).toMatchObject({ cancel: true });
  });

  test('Augment\'s save-file of its settings is denied', async () => {
    const payload = { hook_event_name: 'PreToolUse', conversation_id: 'c', workspace_roots: [project], tool_name: 'save-file', tool_input: { path: '.augment/settings.json', file_content: '{}' } };
    const out = await runHook('augment', JSON.stringify(payload), { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine });
    expect(JSON.parse(out.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
  });
});
