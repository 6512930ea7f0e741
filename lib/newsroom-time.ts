import 'server-only';
import { getConfig } from './config';
import { formatDateTime, parseDateTimeLocal, toDateTimeLocalValue, type ParsedLocalTime } from './format-time';

/** The newsroom's time zone (WIREDESK_TIMEZONE). */
export function newsroomTimeZone(): string {
  return getConfig().timeZone;
}

/** A time as the newsroom reads it: "28 Nov 2026, 15:05 CET". */
export function formatNewsroomTime(date: Date): string {
  return formatDateTime(date, newsroomTimeZone());
}

/** A `datetime-local` value for this instant in the newsroom's zone. */
export function toNewsroomLocalValue(date: Date): string {
  return toDateTimeLocalValue(date, newsroomTimeZone());
}

/** A `datetime-local` value typed in the newsroom's zone. */
export function parseNewsroomLocalTime(value: string): ParsedLocalTime {
  return parseDateTimeLocal(value, newsroomTimeZone());
}
