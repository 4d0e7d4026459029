// Shell startup files: every new shell runs them, so a line written into one (`echo 'unset
// BASH_ENV' >> ~/.bashrc`) turns Airlock's terminal gate off in every shell after this one.

const STARTUP_FILE = /(?:^|\/)(?:\.bashrc|\.bash_profile|\.bash_login|\.bash_logout|\.profile|\.zshrc|\.zshenv|\.zprofile|\.zlogin|\.kshrc|\.mkshrc|\.config\/fish\/config\.fish|\.config\/fish\/conf\.d\/[^/]+)$|^\/etc\/(?:profile|bash\.bashrc|zshrc|zsh\/[^/]+|profile\.d\/[^/]+)$/;

export function isShellStartupFile(path: string): boolean {
  return STARTUP_FILE.test(path.replace(/^(?:\$\{?HOME\}?|~)(?=\/)/, ''));
}

/** What in startup-file text turns the gate off, each with what it does. */
const TAMPERING: readonly { readonly pattern: RegExp; readonly does: string }[] = [
  { pattern: /\bunset\b[^\n;&|]*\b(?:BASH_ENV|ENV|ZDOTDIR|PROMPT_COMMAND|AIRLOCK_\w*)\b/, does: 'unsets a variable that carries the gate' },
  { pattern: /(?:^|[\s;&|])(?:export\s+|declare\s+-x\s+)?(?:BASH_ENV|ZDOTDIR|PROMPT_COMMAND|AIRLOCK_\w*)\+?=/m, does: 'sets a variable that carries the gate' },
  { pattern: /\btrap\s+(?:-|''|""|'-'|"-")\s+(?:DEBUG|ERR|RETURN)\b/, does: 'removes the gate\'s DEBUG trap' },
  { pattern: /\bset\s+\+(?:[a-zA-Z]*T|o\s+functrace)\b|\bshopt\s+-u\s+extdebug\b/, does: 'turns off the shell option the gate relies on' },
  { pattern: /\b(?:preexec|precmd)_functions=|\badd-zsh-hook\s+-d\b/, does: 'removes zsh hooks the gate uses' },
  { pattern: /\bairlock\b/i, does: 'changes Airlock\'s own set-up' },
  // A PATH that does not keep the old one drops Airlock's shims.
  { pattern: /(?:^|[\s;&|])(?:export\s+)?PATH=(?![^\n;&|]*\$\{?PATH\b)/m, does: 'replaces PATH, dropping Airlock\'s shims' },
];

/** What the text does to the gate when a shell runs it at start-up, or undefined when nothing. */
export function startupTampering(text: string): string | undefined {
  return TAMPERING.find((t) => t.pattern.test(text))?.does;
}
