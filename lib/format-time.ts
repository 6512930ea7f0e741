// Desk and public timestamps. Shown in UTC for now; the newsroom time zone
// (WIREDESK_TIMEZONE) arrives with the publishing-lifecycle work.

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});

/** "28 Nov 2026, 14:05 UTC". */
export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}

/** The value of a `datetime-local` field for a date, in UTC. */
export function toDateTimeLocalValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** A `datetime-local` value read as UTC ("2026-11-28T14:05" → that minute in UTC); null if malformed. */
export function parseDateTimeLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
