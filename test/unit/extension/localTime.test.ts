// Times in the audit log view and on the details page, as people read them.
import { expect, test } from 'vitest';
import { localTime, shortLocalTime } from '../../../src/core/localTime';

test('a record\'s UTC time in a zone east or west of UTC, to the second; text that is no time stays as it is', () => {
  expect(localTime('2026-12-07T12:26:03.651Z', 60)).toBe('2026-12-07 13:26:03');
  expect(localTime('2026-12-07T00:10:00.000Z', -300)).toBe('2026-12-06 19:10:00');
  expect(localTime('2026-12-07T12:26:03Z', 0)).toBe('2026-12-07 12:26:03');
  expect(localTime('yesterday')).toBe('yesterday');
});

test('by default, this machine\'s own zone', () => {
  const iso = '2026-07-01T08:00:00.000Z';
  const d = new Date(iso);
  const hh = String(d.getHours()).padStart(2, '0');
  expect(localTime(iso).slice(11, 13)).toBe(hh);
});

test('a list row\'s time: the time alone on the same local day, the date and minutes otherwise', () => {
  const now = new Date('2026-12-07T22:30:00Z');
  expect(shortLocalTime('2026-12-07T12:26:03.651Z', now, 60)).toBe('13:26:03');
  // 23:10 UTC is the next day an hour east: not the same local day as now (23:30 there).
  expect(shortLocalTime('2026-12-07T23:10:00Z', now, 60)).toBe('2026-12-08 00:10');
  // 23:10 UTC the day before is already this local day.
  expect(shortLocalTime('2026-12-06T23:10:00Z', now, 60)).toBe('00:10:00');
  expect(shortLocalTime('2026-11-30T08:00:00Z', now, 0)).toBe('2026-11-30 08:00');
  expect(shortLocalTime('not a time', now, 0)).toBe('not a time');
});
