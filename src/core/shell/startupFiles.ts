// Shell startup files: every new shell runs them, so a line written into one (`echo 'unset
// BASH_ENV' >> ~/.bashrc`) turns Airlock's terminal gate off in every shell after this one.

// Also what they conventionally source (~/.bash_aliases, ~/.bashrc.d/*, oh-my-zsh's custom folder),
// direnv's .envrc, the login environment (/etc/environment, ~/.pam_environment, environment.d), and
// the file BASH_ENV or ENV names, which every non-interactive shell runs.
const STARTUP_FILE = /(?:^|\/)(?:\.bashrc|\.bash_profile|\.bash_login|\.bash_logout|\.bash_aliases|\.aliases|\.profile|\.zshrc|\.zshrc\.local|\.zshenv|\.zprofile|\.zlogin|\.kshrc|\.mkshrc|\.envrc|\.pam_environment|\.bash-preexec\.sh|\.config\/fish\/config\.fish|\.config\/fish\/conf\.d\/[^/]+|\.bashrc\.d\/[^/]+|\.zshrc\.d\/[^/]+|\.config\/bash\/[^/]+|\.config\/zsh\/[^/]+|\.oh-my-zsh\/custom\/.+|\.config\/environment\.d\/[^/]+)$|^\/etc\/(?:profile|bash\.bashrc|zshrc|zsh\/[^/]+|profile\.d\/[^/]+|environment)$|^\$\{?(?:BASH_ENV|ENV)\}?$/;

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
  { pattern: /\bexport\s+-n\b|\bdeclare\s+\+x\b|\benable\s+-n\b/, does: 'stops exporting a variable, or switches a builtin off' },
  { pattern: /\bexec\s+(?:env\s+-i\b|\S*(?:bash|zsh|sh)\b[^\n;&|]*(?:--norc|--noprofile|--no-rcs|-f\b))/, does: 'replaces the shell with one that loads no guard' },
  // Text only running shows (`eval "$(echo … | base64 -d)"`) may do any of the above.
  // (A tool's own set-up, `eval "$(direnv hook bash)"`, `eval "$(brew shellenv)"`, is the usual line.)
  { pattern: /\beval\b(?![^\n;]*\b(?:init|hook|shellenv|completion|activate)\b)|base64\s+(?:-d|--decode|-D)\b|xxd\s+-r\b/, does: 'runs text only running shows' },
  // A PATH that does not keep the old one whole (`PATH=/usr/bin`, `PATH=${PATH#*:}`) drops Airlock's shims.
  { pattern: /(?:^|[\s;&|(])(?:export\s+|typeset\s+|declare\s+-x\s+)?(?:PATH=(?![^\n;&|]*\$\{?PATH\}?(?![#%/:]))|path=\()/m, does: 'replaces PATH, dropping Airlock\'s shims' },
  { pattern: /\bset\s+-e\s+PATH\b|\bset\s+-[a-zA-Z]*[gxU][a-zA-Z]*\s+PATH\b(?![^\n;]*\$PATH)/, does: 'replaces PATH, dropping Airlock\'s shims' },
];

/** What the text does to the gate when a shell runs it at start-up, or undefined when nothing. */
export function startupTampering(text: string): string | undefined {
  return TAMPERING.find((t) => t.pattern.test(text))?.does;
}
