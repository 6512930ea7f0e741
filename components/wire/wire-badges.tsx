import type { WireQueueItem } from '@/lib/wire/wire-queue';
import { URGENT_MAX } from '@/lib/wire/wire-queue';
import { formatNewsroomTime } from '@/lib/newsroom-time';

/** Urgency, kill/withdrawal, embargo and rejection, as words (colour only helps). */
export function WireBadges({ item, now }: { item: WireQueueItem; now: Date }) {
  return (
    <span className="wire-badges">
      {item.status === 'rejected' && <span className="badge badge--rejected">Rejected</span>}
      {item.urgency !== null && item.urgency <= URGENT_MAX && (
        <span className="badge badge--urgent">{item.urgency === 1 ? 'Flash' : 'Urgent'}</span>
      )}
      {item.pubStatus === 'canceled' && <span className="badge badge--kill">Kill</span>}
      {item.pubStatus === 'withheld' && <span className="badge badge--kill">Withheld</span>}
      {item.embargoUntil && item.embargoUntil > now && (
        <span className="badge badge--embargo">
          Embargoed until{' '}
          <time dateTime={item.embargoUntil.toISOString()}>{formatNewsroomTime(item.embargoUntil)}</time>
        </span>
      )}
      {item.status === 'used' && <span className="badge">Used</span>}
    </span>
  );
}
