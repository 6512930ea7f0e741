import { expect, test } from 'vitest';
import { formatDateTime, parseDateTimeLocal, toDateTimeLocalValue } from './format-time';

test('desk times read "28 Nov 2026, 14:05 UTC"', () => {
  expect(formatDateTime(new Date('2026-11-28T14:05:59Z'))).toBe('28 Nov 2026, 14:05 UTC');
});

test('a datetime-local value round-trips as UTC', () => {
  const date = parseDateTimeLocal('2026-11-28T14:05');
  expect(date?.toISOString()).toBe('2026-11-28T14:05:00.000Z');
  expect(toDateTimeLocalValue(date!)).toBe('2026-11-28T14:05');
});

test.each([[''], ['tomorrow'], ['2026-13-40T99:99'], ['2026-11-28 14:05'], ['2026-11-28T14:05Z']])(
  'a malformed time is null, not an exception: %o',
  (value) => {
    expect(parseDateTimeLocal(value)).toBeNull();
  },
);
