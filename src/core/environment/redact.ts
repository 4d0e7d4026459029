// Evidence is shown to humans and agents and logged: it must never carry a credential. Every
// name and evidence string the resolver produces goes through `redact`.

const USERINFO = /(\/\/)([^\s/@:]*)(:[^\s@]*)?@/g;
const SECRET_PARAM = /([?&;][^=&\s]*(?:token|key|secret|password|passwd|pass|pwd|auth|signature|sig|credential)[^=&\s]*=)[^&\s]+/gi;
const SECRET_PAIR = /\b((?:[\w-]*(?:password|passwd|pwd|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credential)[\w-]*)["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s'"&;]+)/gi;
const SECRET_HEADER = /\b((?:authorization|proxy-authorization|cookie|set-cookie|x-[\w-]*(?:key|token|secret|auth)[\w-]*)\s*:\s*)[^\r\n'"]+/gi;
/** Tokens recognisable by their shape wherever they stand: GitHub, GitLab, Slack, Stripe, OpenAI/Anthropic, AWS keys. */
const KNOWN_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[A-Z0-9]{16})\b/g;
/** `--password hunter2`, `--token abc`: a secret flag's separate value. */
const SECRET_FLAG = /(--?[\w-]*(?:password|passwd|token|secret|api-?key|access-?key)[\w-]*\s+)("[^"]*"|'[^']*'|[^\s'"&;|]+)/gi;
/** `curl -u user:pass`, `--user "user:pass"`: only within an HTTP client's own command. */
const USER_FLAG = /(\b(?:curl|wget|http|https)\b[^;&|\n]*?\s(?:-u|--user)(?:=|\s*))(["']?)([^\s:'"]+):([^\s'"]+)\2/g;
/** The MySQL clients' attached password (`mysql -uroot -phunter2`), after the client's name in its own command. */
const MYSQL_PASSWORD = /(\b(?:mysql|mariadb|mysqldump|mysqladmin)\b[^;&|\n]*?\s-p)("[^"]*"|'[^']*'|[^\s'"]+)/g;
const MAX = 160;
/** Words every secret-naming pattern above needs. */
const SECRET_WORDS = /pass|pwd|token|secret|key|credential|auth|sig/i;
/** Where KNOWN_TOKEN can start (case as it needs). */
const TOKEN_PREFIXES = /gh|github_pat_|glpat-|xox|k_live_|k_test_|sk-|AKIA|ASIA/;

/**
 * `postgres://app:s3cret@db/x` → `postgres://app:***@db/x`; `https://ghp_x@host` → `https://***@host`;
 * `password=…`, `token: …`, `Authorization: Bearer …` → `***`. Long text is cut.
 */
export function redact(text: string, max = MAX): string {
  // Cut first: what is shown is short, and the patterns stay cheap on hostile input.
  let out = text.slice(0, max * 4);
  // Each pattern runs only when its tell-tale character or word is present: most command lines
  // hold no secret, and a hook that answers them must not pay for compiling every pattern.
  if (out.includes('@')) {
    out = out.replace(USERINFO, (_m, slashes: string, user: string, password: string | undefined) =>
      password === undefined ? `${slashes}***@` : `${slashes}${user}:***@`);
  }
  const named = SECRET_WORDS.test(out);
  if (named && out.includes('=')) out = out.replace(SECRET_PARAM, '$1***');
  // Each header name SECRET_HEADER knows holds a secret word, but for cookies.
  if (out.includes(':') && (named || /cookie/i.test(out))) out = out.replace(SECRET_HEADER, '$1***');
  if (named) out = out.replace(SECRET_PAIR, '$1***').replace(SECRET_FLAG, '$1***');
  if (TOKEN_PREFIXES.test(out)) out = out.replace(KNOWN_TOKEN, '***');
  if (out.includes('-u') && (out.includes('curl') || out.includes('wget') || out.includes('http'))) out = out.replace(USER_FLAG, '$1$2$3:***$2');
  if (out.includes('-p') && (out.includes('mysql') || out.includes('mariadb'))) out = out.replace(MYSQL_PASSWORD, '$1***');
  return out.length > max ? out.slice(0, max - 1) + '…' : out;
}

/** A variable's value shown beside its name: all of it hidden when the name says it is a secret. */
export function redactValue(name: string, value: string): string {
  return /token|secret|password|passwd|key|credential/i.test(name) ? '***' : redact(value);
}
