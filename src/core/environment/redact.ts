// Evidence is shown to humans and agents and logged: it must never carry a credential. Every
// name and evidence string the resolver produces goes through `redact`.

const USERINFO = /(\/\/)([^\s/@:]*)(:[^\s@]*)?@/g;
const SECRET_PARAM = /([?&;][^=&\s]*(?:token|key|secret|password|passwd|pass|pwd|auth|signature|sig|credential)[^=&\s]*=)[^&\s]+/gi;
const SECRET_PAIR = /\b((?:[\w-]*(?:password|passwd|pwd|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credential)[\w-]*)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s'"&;]+)/gi;
const SECRET_HEADER = /\b((?:authorization|proxy-authorization|cookie|set-cookie|x-[\w-]*(?:key|token|secret|auth)[\w-]*)\s*:\s*)[^\r\n'"]+/gi;
const MAX = 160;

/**
 * `postgres://app:s3cret@db/x` → `postgres://app:***@db/x`; `https://ghp_x@host` → `https://***@host`;
 * `password=…`, `token: …`, `Authorization: Bearer …` → `***`. Long text is cut.
 */
export function redact(text: string): string {
  // Cut first: what is shown is short, and the patterns stay cheap on hostile input.
  const out = text.slice(0, MAX * 4)
    .replace(USERINFO, (_m, slashes: string, user: string, password: string | undefined) =>
      password === undefined ? `${slashes}***@` : `${slashes}${user}:***@`)
    .replace(SECRET_PARAM, '$1***')
    .replace(SECRET_HEADER, '$1***')
    .replace(SECRET_PAIR, '$1***');
  return out.length > MAX ? out.slice(0, MAX - 1) + '…' : out;
}

/** A variable's value shown beside its name: all of it hidden when the name says it is a secret. */
export function redactValue(name: string, value: string): string {
  return /token|secret|password|passwd|key|credential/i.test(name) ? '***' : redact(value);
}
