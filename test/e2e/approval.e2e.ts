// The approval modal in a real editor: a real `airlock hook --agent claude-code` process asks
// through the discovery file, the test reads the dialog and clicks its buttons.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hook, startEditor, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
let editor: Editor;

beforeAll(async () => {
  editor = await startEditor();
});

afterAll(async () => {
  await editor?.stop();
});

function claude(command: string): unknown {
  return { session_id: 'e2e', cwd: editor.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } };
}

function decisionOf(stdout: string): string {
  return (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;
}

async function dialog(): Promise<{ title: string; detail: string }> {
  const box = editor.page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible' });
  return {
    title: await box.locator('.dialog-message-text').innerText(),
    detail: await box.locator('.dialog-message-detail').innerText(),
  };
}

async function click(label: string): Promise<void> {
  await editor.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
}

describe('a production request from Claude Code', () => {
  test('the modal names PRODUCTION, the evidence and the rule; Deny denies', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD));
    const { title, detail } = await dialog();
    expect(title).toContain('PRODUCTION');
    expect(title).toContain('Claude Code wants to delete a Railway volume');
    expect(detail).toContain(PROD);
    expect(detail).toContain('-e production');
    expect(detail).toContain('Deletes a Railway volume');
    await click('Deny');
    const r = await answer;
    expect(decisionOf(r.stdout)).toBe('deny');
  });
});
