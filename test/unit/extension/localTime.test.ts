// Times in the audit log view and on the details page, as people read them.
import { expect, test } from 'vitest';
import { localTime } from '../../../src/core/localTime';

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
