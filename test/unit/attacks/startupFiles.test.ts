// A shell startup file runs in every new shell: writing the gate off there (`unset BASH_ENV` in
// ~/.bashrc, `trap - DEBUG`, a PATH without the shims) is tampering, through the shell or a file tool.
import { expect, test } from 'vitest';
import { pathVerdict } from '../../../src/core/secrets/pathVerdict';
import { ruleIds } from '../helpers';

const policy = { protectedPaths: [], allowedPaths: [] };

test.each([
  "echo 'unset BASH_ENV' >> ~/.bashrc", "printf 'trap - DEBUG\\n' >> ~/.bashrc", "echo 'export PATH=/usr/bin:/bin' >> ~/.zshrc",
  "echo 'set +o functrace' >> ~/.bash_profile", "echo 'unset AIRLOCK_CLI' | tee -a ~/.profile", 'cat snippet.sh >> ~/.bashrc',
  "echo 'export BASH_ENV=' > ~/.config/fish/config.fish",
])('%s is tampering', (line) => {
  expect(ruleIds(line)).toContain('airlock.startup-file-tamper');
});

test.each([
  `echo 'export PATH="$HOME/go/bin:$PATH"' >> ~/.bashrc`, `echo 'alias ll="ls -la"' >> ~/.zshrc`, `echo 'eval "$(direnv hook bash)"' >> ~/.bashrc`,
  "echo 'unset BASH_ENV' >> notes.md",
])('%s is not', (line) => {
  expect(ruleIds(line)).not.toContain('airlock.startup-file-tamper');
});

test('a file tool writing the gate off in a startup file is stopped; an alias is not', () => {
  const write = (path: string, text: string | undefined): string[] =>
    pathVerdict([path], 'write', policy, { writtenText: () => text }).findings.map((f) => f.rule);
  expect(write('/home/u/.bashrc', 'unset BASH_ENV\n')).toContain('airlock.startup-file-tamper');
  expect(write('/home/u/.zshrc', 'trap - DEBUG\n')).toContain('airlock.startup-file-tamper');
  expect(write('/home/u/.bashrc', '# airlock guard\nsource ~/.local/share/airlock/guard.bash\n')).toContain('airlock.startup-file-tamper');
  expect(write('/home/u/.bashrc', undefined)).toContain('airlock.startup-file-tamper');
  expect(write('/home/u/.bashrc', 'alias ll="ls -la"\n')).toEqual([]);
  expect(write('/home/u/notes.md', 'unset BASH_ENV\n')).toEqual([]);
});

test('a PATH that drops the old one drops the shims: tampering; one that keeps it is not', () => {
  expect(ruleIds('export PATH=/usr/bin:/bin')).toContain('airlock.gate-variable');
  expect(ruleIds('export PATH="$HOME/.local/bin:$PATH"')).toEqual([]);
  expect(ruleIds('export PATH="/opt/homebrew/bin:${PATH}"')).toEqual([]);
});

// Fifth review round: more start-up files, more ways to write the gate off, and replacing the file.
test.each([
  "echo 'PATH=${PATH#*:}' >> ~/.bashrc", "echo 'unset BASH_ENV' >> ~/.bash_aliases", "echo 'unset BASH_ENV' >> ~/.bashrc.d/zz.sh",
  "echo 'export -n BASH_ENV' >> ~/.bashrc", "echo 'exec bash --norc' >> ~/.bashrc", `echo 'eval "$(echo dW5zZXQ= | base64 -d)"' >> ~/.bashrc`,
  "echo 'unset BASH_ENV' >> .envrc", "echo 'BASH_ENV=' >> /etc/environment",
])('%s is tampering', (line) => {
  expect(ruleIds(line)).toContain('airlock.startup-file-tamper');
});

test.each([`echo 'eval "$(direnv hook bash)"' >> ~/.bashrc`, "echo 'set -gx PATH $PATH ~/go/bin' >> ~/.config/fish/config.fish"])('%s is not', (line) => {
  expect(ruleIds(line)).not.toContain('airlock.startup-file-tamper');
});

test('PATH cut in the shell itself, and start-up files replaced or written by code, are stopped', () => {
  expect(ruleIds('PATH=/usr/bin:/bin')).toContain('airlock.gate-variable');
  expect(ruleIds('export PATH="${PATH#*:}"')).toContain('airlock.gate-variable');
  expect(ruleIds('export PATH=${PATH//airlock/}')).toContain('airlock.gate-variable');
  expect(ruleIds('cp rc.new ~/.bashrc')).toContain('airlock.startup-file-replace');
  expect(ruleIds(`node -e 'require("fs").appendFileSync(require("os").homedir()+"/.bashrc","unset BASH_ENV")'`)).toContain('airlock.guard-file-interpreter-write');
  expect(ruleIds('cp ~/.bashrc ~/.bashrc.bak')).toEqual([]);
});
