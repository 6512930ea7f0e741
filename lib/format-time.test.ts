import { expect, test } from 'vitest';
import {
  describeTimeUntil,
  formatDateTime,
  isValidTimeZone,
  parseDateTimeLocal,
  toDateTimeLocalValue,
} from './format-time';

test('times read "28 Nov 2026, 14:05 UTC", or in the newsroom zone with its abbreviation', () => {
  const at = new Date('2026-11-28T14:05:59Z');
  expect(formatDateTime(at)).toBe('28 Nov 2026, 14:05 UTC');
  expect(formatDateTime(at, 'Europe/Paris')).toBe('28 Nov 2026, 15:05 CET');
  expect(formatDateTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe('1 Jul 2026, 14:00 CEST');
});

test('a datetime-local value round-trips through the zone', () => {
  const parsed = parseDateTimeLocal('2026-11-28T15:05', 'Europe/Paris');
  expect(parsed).toEqual({ status: 'ok', date: new Date('2026-11-28T14:05:00Z') });
  expect(toDateTimeLocalValue(new Date('2026-11-28T14:05:00Z'), 'Europe/Paris')).toBe('2026-11-28T15:05:00');
  expect(parseDateTimeLocal('2026-11-28T15:05:30', 'Europe/Paris')).toEqual({
    status: 'ok',
    date: new Date('2026-11-28T14:05:30Z'),
  });
  expect(parseDateTimeLocal('2026-11-28T14:05')).toEqual({ status: 'ok', date: new Date('2026-11-28T14:05:00Z') });
});

test('daylight saving: summer and winter offsets apply on each side of the change', () => {
  expect(parseDateTimeLocal('2026-03-29T01:59', 'Europe/Paris')).toEqual({
    status: 'ok',
    date: new Date('2026-03-29T00:59:00Z'),
  });
  expect(parseDateTimeLocal('2026-03-29T03:00', 'Europe/Paris')).toEqual({
    status: 'ok',
    date: new Date('2026-03-29T01:00:00Z'),
  });
  expect(parseDateTimeLocal('2026-11-01T09:00', 'America/New_York')).toEqual({
    status: 'ok',
    date: new Date('2026-11-01T14:00:00Z'),
  });
});

test('a time skipped by the spring change does not exist; one repeated in autumn means the first', () => {
  expect(parseDateTimeLocal('2026-03-29T02:30', 'Europe/Paris')).toEqual({ status: 'nonexistent' });
  expect(parseDateTimeLocal('2026-10-25T02:30', 'Europe/Paris')).toEqual({
    status: 'ok',
    date: new Date('2026-10-25T00:30:00Z'),
  });
});

test.each([[''], ['tomorrow'], ['2026-13-40T10:00'], ['2026-02-30T10:00'], ['2026-11-28 14:05'], ['2026-11-28T24:00']])(
  'a malformed time is reported, not thrown: %o',
  (value) => {
    expect(parseDateTimeLocal(value, 'Europe/Paris')).toEqual({ status: 'malformed' });
  },
);

test('only real zone names are accepted', () => {
  expect(isValidTimeZone('Europe/Paris')).toBe(true);
  expect(isValidTimeZone('UTC')).toBe(true);
  expect(isValidTimeZone('Mars/Olympus')).toBe(false);
});

test.each([
  [0, 'lifted'],
  [-5000, 'lifted'],
  [40_500, 'lifts in 41 s'],
  [13 * 60_000 + 5000, 'lifts in 13 min'],
  [2 * 3_600_000 + 13 * 60_000, 'lifts in 2 h 13 min'],
  [3 * 86_400_000 + 5 * 3_600_000, 'lifts in 3 d 5 h'],
])('an embargo %i ms away reads "%s"', (ms, text) => {
  expect(describeTimeUntil(ms)).toBe(text);
});
