// Desk and public times, in the newsroom's time zone (WIREDESK_TIMEZONE; IANA name).
// Stored times are always UTC; only display and the `Publish at` field use the zone.
// Pure: usable from client components, which get the zone as a prop.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** Whether the name is a time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "28 Nov 2026, 14:05 CET" in the given zone. */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  const parts = formatter(timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  const zone = get('timeZoneName') === 'UTC' || get('timeZoneName') === 'GMT' ? 'UTC' : get('timeZoneName');
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${zone}`;
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallTimeOf(date: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of a `datetime-local` field showing this instant in the zone ("2026-11-28T15:05:00"). */
export function toDateTimeLocalValue(date: Date, timeZone = 'UTC'): string {
  const w = wallTimeOf(date, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

export type ParsedLocalTime = { status: 'ok'; date: Date } | { status: 'malformed' } | { status: 'nonexistent' };

/**
 * A `datetime-local` value read as wall time in the zone. A time skipped by a
 * daylight-saving change (02:30 when clocks jump from 02:00 to 03:00) does not exist and
 * says so; a time that happens twice (when clocks go back) means the first of the two.
 */
export function parseDateTimeLocal(value: string, timeZone = 'UTC'): ParsedLocalTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return { status: 'malformed' };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59 || second! > 59) {
    return { status: 'malformed' };
  }
  // The zone's offset a day either side covers both sides of any transition near it.
  const offsets = new Set(
    [asUtc - 86_400_000, asUtc, asUtc + 86_400_000].map((t) => {
      const w = wallTimeOf(new Date(t), timeZone);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
    }),
  );
  const candidates = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((t) => toDateTimeLocalValue(new Date(t), timeZone) === toDateTimeLocalValue(check, 'UTC'))
    .sort((a, b) => a - b);
  return candidates.length > 0 ? { status: 'ok', date: new Date(candidates[0]!) } : { status: 'nonexistent' };
}

/** How long until an embargo lifts: "lifts in 2 h 13 min", "lifts in 40 s", or "lifted". */
export function describeTimeUntil(ms: number): string {
  if (ms <= 0) return 'lifted';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `lifts in ${days} d ${hours} h`;
  if (hours > 0) return `lifts in ${hours} h ${mins} min`;
  if (mins > 0) return `lifts in ${mins} min`;
  return `lifts in ${Math.ceil(ms / 1000)} s`;
}
