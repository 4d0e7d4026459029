// A record's time (ISO 8601, UTC) as people read it: their own clock, to the second.

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-12-07 13:26:03" in the zone `offsetMinutes` east of UTC (by default this machine's at that moment); the text as given when it is no time. */
export function localTime(iso: string, offsetMinutes?: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const offset = offsetMinutes ?? -new Date(at).getTimezoneOffset();
  const d = new Date(at + offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * The same, shorter for a list row: the time alone when it is on `now`'s day ("13:26:03"), the date
 * and minutes otherwise ("2026-12-06 19:10"), so a narrow side bar still shows it whole.
 */
export function shortLocalTime(iso: string, now: Date, offsetMinutes?: number): string {
  const full = localTime(iso, offsetMinutes);
  if (full === iso) return iso;
  const today = localTime(now.toISOString(), offsetMinutes ?? -now.getTimezoneOffset()).slice(0, 10);
  return full.startsWith(today) ? full.slice(11) : full.slice(0, 16);
}
