import { formatNewsroomTime } from '@/lib/newsroom-time';

/** A machine-readable time with its human form: <time datetime="2026-11-28T14:05:00.000Z">. */
export function PublishedTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatNewsroomTime(new Date(iso))}</time>;
}
