// Shell startup files: every new shell runs them, so a line written into one (`echo 'unset
// BASH_ENV' >> ~/.bashrc`) turns Airlock's terminal gate off in every shell after this one.

// Also what they conventionally source (~/.bash_aliases, ~/.bashrc.d/*, oh-my-zsh's custom folder),
// the login environment (~/.pam_environment, environment.d) — each in the home folder, where the
// shell looks — direnv's .envrc anywhere, /etc's, and the file BASH_ENV or ENV names.
const HOME_STARTUP = /^\/(?:\.bashrc|\.bash_profile|\.bash_login|\.bash_logout|\.bash_aliases|\.aliases|\.profile|\.zshrc|\.zshrc\.local|\.zshenv|\.zprofile|\.zlogin|\.kshrc|\.mkshrc|\.pam_environment|\.bash-preexec\.sh|\.config\/fish\/config\.fish|\.config\/fish\/conf\.d\/[^/]+|\.bashrc\.d\/[^/]+|\.zshrc\.d\/[^/]+|\.config\/bash\/[^/]+|\.config\/zsh\/[^/]+|\.oh-my-zsh\/custom\/.+|\.config\/environment\.d\/[^/]+)$/;
const HOME_PREFIX = /^(?:~|\$\{?HOME\}?|\/home\/[^/]+|\/root|\/Users\/[^/]+)(?=\/)/;
const OTHER_STARTUP = /(?:^|\/)\.envrc$|^\/etc\/(?:profile|bash\.bashrc|zshrc|zsh\/[^/]+|profile\.d\/[^/]+|environment)$|^\$\{?(?:BASH_ENV|ENV)\}?$/;

/** `"/.bashrc"` as code joins it to the home folder (`homedir() + "/.bashrc"`). */
export function isHomeStartupTail(path: string): boolean {
  return HOME_STARTUP.test(path);
}

export function isShellStartupFile(path: string): boolean {
  if (OTHER_STARTUP.test(path)) return true;
  const home = HOME_PREFIX.exec(path);
  // A bare name (`.bashrc`) is the home folder's when the line runs there.
  return home ? HOME_STARTUP.test(path.slice(home[0].length)) : !path.includes('/') && HOME_STARTUP.test(`/${path}`);
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
  // (A tool's own set-up, `eval "$(direnv hook bash)"`, `eval "$(fnm env)"`, `eval "$(ssh-agent -s)"`, is the usual line.)
  { pattern: /\beval\b(?![^\n;]*\b(?:init|hook|shellenv|completion|activate|env|ssh-agent)\b)|base64\s+(?:-d|--decode|-D)\b|xxd\s+-r\b/, does: 'runs text only running shows' },
  // A PATH that does not keep the old one whole (`PATH=/usr/bin`, `PATH=${PATH#*:}`) drops Airlock's shims.
  { pattern: /(?:^|[\s;&|(])(?:export\s+|typeset\s+|declare\s+-x\s+)?(?:PATH=(?![^\n;&|]*(?:\$PATH\b|\$\{PATH\}))|PATH=[^\n;&|]*\$\{PATH[#%/:]|path=\()/m, does: 'replaces PATH, dropping Airlock\'s shims' },
  { pattern: /\bset\s+-e\s+PATH\b|\bset\s+-[a-zA-Z]*[gxU][a-zA-Z]*\s+PATH\b(?![^\n;]*\$PATH)/, does: 'replaces PATH, dropping Airlock\'s shims' },
];

/** What the text does to the gate when a shell runs it at start-up, or undefined when nothing. */
export function startupTampering(text: string): string | undefined {
  return TAMPERING.find((t) => t.pattern.test(text))?.does;
}
