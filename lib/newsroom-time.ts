import 'server-only';
import { z } from 'zod';
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

/**
 * A time from a form: a `datetime-local` value typed in the newsroom's zone (or a Date
 * from code). A blank field is `undefined`; a time the clocks skip, or anything else that
 * is not a time, is refused with a message for the field. `null` stays `null` (cleared).
 */
export const NewsroomTimeSchema = z
  .union([z.date(), z.string(), z.null()])
  .transform((value, ctx): Date | null | undefined => {
    if (value === null || value instanceof Date) return value;
    if (!value.trim()) return undefined;
    const parsed = parseNewsroomLocalTime(value.trim());
    if (parsed.status === 'ok') return parsed.date;
    ctx.addIssue({
      code: 'custom',
      message:
        parsed.status === 'nonexistent'
          ? `That time does not exist in ${newsroomTimeZone()}: the clocks skip it for daylight saving`
          : 'Enter a valid date and time',
    });
    return z.NEVER;
  });
