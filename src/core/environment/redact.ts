// Evidence is shown to humans and agents and logged: it must never carry a credential.

/** `postgres://app:s3cret@db/x?sslkey=…` → `postgres://app:***@db/x?…`. */
export function redactUrl(text: string): string {
  return text
    .replace(/(\/\/[^/:@\s]*:)[^@/\s]+@/g, '$1***@')
    .replace(/([?&][^=&\s]*(?:token|key|secret|password|pass|pwd|auth|signature|sig)[^=&\s]*=)[^&\s]+/gi, '$1***');
}

/** A value shown beside a variable name: URLs redacted, anything long that looks like a token cut. */
export function redactValue(name: string, value: string): string {
  if (/token|secret|password|passwd|key|credential/i.test(name)) return '***';
  return redactUrl(value.length > 120 ? value.slice(0, 117) + '…' : value);
}
