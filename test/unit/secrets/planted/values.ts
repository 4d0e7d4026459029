// Secret values in each provider's real shape (prefix, alphabet, length), made at test time from a
// seeded random source. Prefixes are written in pieces for the same reason as tokens.ts's fake().
import { ALNUM, BASE32, BASE64, BASE64URL, HEX, UPPER_DIGITS, type Random } from './random';

const join = (...pieces: string[]): string => pieces.join('');

export interface Values {
  uuid(): string;
  hex(length: number): string;
  alnum(length: number): string;
  base64(length: number): string;
  /** A password as a person or a password manager makes one: letters, digits, a few symbols. */
  password(length?: number): string;
  awsKeyId(temporary?: boolean): string;
  awsSecret(): string;
  awsSessionToken(): string;
  github(kind?: 'p' | 'o' | 's' | 'u'): string;
  githubFineGrained(): string;
  gitlab(): string;
  stripe(kind: 'sk_live' | 'rk_live' | 'sk_test'): string;
  stripePublishable(): string;
  slackBot(): string;
  slackUser(): string;
  slackWebhook(): string;
  slackAppToken(): string;
  openaiProject(): string;
  openaiLegacy(): string;
  anthropic(): string;
  google(): string;
  googleOauthSecret(): string;
  herokuNew(): string;
  flyOrg(): string;
  flyMacaroon(): string;
  vercel(): string;
  supabaseAccess(): string;
  supabaseSecret(): string;
  jwt(): string;
  digitalocean(): string;
  cloudflareToken(): string;
  cloudflareGlobalKey(): string;
  sendgrid(): string;
  npm(): string;
  /** The lines of a PEM block, header and footer included. */
  privateKey(type: 'RSA' | 'EC' | 'OPENSSH' | '' | 'ENCRYPTED' | 'PGP'): string[];
  sha1(): string;
  sha512Integrity(): string;
}

const KEY_STARTS = {
  RSA: 'MIIEowIBAAKCAQEA',
  '': 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ',
  EC: 'MHcCAQEEI',
  OPENSSH: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  ENCRYPTED: 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI',
  PGP: 'lQWGBG',
} as const;

export function values(r: Random): Values {
  const hex = (n: number): string => r.chars(HEX, n);
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const digits = (n: number): string => String(r.between(1, 9)) + r.chars('0123456789', n - 1);
  const base64 = (n: number): string => r.chars(BASE64, n);
  const b64url = (n: number): string => r.chars(BASE64URL, n);
  return {
    uuid,
    hex,
    alnum: (n) => r.chars(ALNUM, n),
    base64,
    password: (n = r.between(16, 28)) => r.chars(ALNUM, n - 2) + r.chars('-_~', 1) + r.chars(ALNUM, 1),
    awsKeyId: (temporary = false) => join(temporary ? 'AS' : 'AK', 'IA') + r.chars(BASE32, 16),
    awsSecret: () => base64(40),
    awsSessionToken: () => join('IQoJb3JpZ2luX2Vj', base64(300)) + '==',
    github: (kind = 'p') => join('gh', kind, '_') + r.chars(ALNUM, 36),
    githubFineGrained: () => join('github', '_pat_') + '11A' + r.chars(UPPER_DIGITS, 19) + '_' + r.chars(ALNUM, 59),
    gitlab: () => join('gl', 'pat-') + b64url(20),
    stripe: (kind) => join(kind, '_') + '51' + r.chars(ALNUM, 97),
    stripePublishable: () => join('pk', '_live_') + '51' + r.chars(ALNUM, 97),
    slackBot: () => join('xo', 'xb-') + `${digits(12)}-${digits(13)}-${r.chars(ALNUM, 24)}`,
    slackUser: () => join('xo', 'xp-') + `${digits(12)}-${digits(12)}-${digits(13)}-${hex(32)}`,
    slackWebhook: () => join('https://hooks.', 'slack.com/services/') + `T${r.chars(UPPER_DIGITS, 10)}/B${r.chars(UPPER_DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
    slackAppToken: () => join('xa', 'pp-1-') + `A${r.chars(UPPER_DIGITS, 10)}-${digits(13)}-${hex(64)}`,
    openaiProject: () => join('sk', '-proj-') + b64url(74) + join('T3Blbk', 'FJ') + b64url(74),
    openaiLegacy: () => join('sk', '-') + r.chars(ALNUM, 20) + join('T3Blbk', 'FJ') + r.chars(ALNUM, 20),
    anthropic: () => join('sk', '-ant-', 'api03-') + b64url(93) + 'AA',
    google: () => join('AI', 'za') + b64url(35),
    googleOauthSecret: () => join('GOC', 'SPX-') + b64url(28),
    herokuNew: () => join('HR', 'KU-') + 'AA' + b64url(58),
    flyOrg: () => join('fo', '1_') + b64url(43),
    flyMacaroon: () => join('Fly', 'V1 ') + [0, 1, 2].map(() => join('fm', '2_') + base64(r.between(120, 200))).join(','),
    vercel: () => r.chars(ALNUM, 24),
    supabaseAccess: () => join('sb', 'p_') + hex(40),
    supabaseSecret: () => join('sb', '_secret_') + b64url(32),
    jwt: () => join('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJ') + b64url(r.between(90, 140)) + '.' + b64url(43),
    digitalocean: () => join('do', 'p_v1_') + hex(64),
    cloudflareToken: () => b64url(40),
    cloudflareGlobalKey: () => hex(37),
    sendgrid: () => join('S', 'G.') + b64url(22) + '.' + b64url(43),
    npm: () => join('np', 'm_') + r.chars(ALNUM, 36),
    privateKey: (type) => {
      const label = type === 'PGP' ? 'PGP PRIVATE KEY BLOCK' : type === '' ? 'PRIVATE KEY' : `${type} PRIVATE KEY`;
      // Bodies start as real keys do (ASN.1 SEQUENCE, `openssh-key-v1`, a PGP secret-key packet):
      // scanners that check this must get a fair chance.
      const start = KEY_STARTS[type];
      const width = type === 'OPENSSH' ? 70 : 64;
      const lines = Array.from({ length: type === 'EC' ? 3 : type === 'OPENSSH' ? 7 : 25 }, () => base64(width));
      lines[0] = start + base64(width - start.length);
      const pgpHeader = type === 'PGP' ? [''] : [];
      return [join('-----BEGIN ', label, '-----'), ...pgpHeader, ...lines, base64(r.between(8, 60)) + '=', join('-----END ', label, '-----')];
    },
    sha1: () => hex(40),
    sha512Integrity: () => 'sha512-' + base64(86) + '==',
  };
}
