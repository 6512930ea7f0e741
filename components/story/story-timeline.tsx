import { formatNewsroomTime } from '@/lib/newsroom-time';
import type { StoryForEditor } from '@/lib/stories/get-story';
import { STATE_LABELS, TRANSITIONS, isWorkflowAction } from '@/lib/workflow';

const OTHER_ACTIONS: Record<string, string> = {
  create: 'Created',
  save: 'Saved',
  save_conflict: 'Save refused (someone saved first); text kept',
  comment: 'Added a note',
  resolve_note: 'Resolved a note',
  embargo: 'Changed the embargo',
  wire_alert_handled: 'Handled an agency alert',
  front_pin: 'Pinned to the front page',
  front_up: 'Moved up the front page',
  front_down: 'Moved down the front page',
  front_remove: 'Took it off the front page',
};

/** The audit trail, newest first: who did what, when, and why. */
export function StoryTimeline({ events }: { events: StoryForEditor['events'] }) {
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <strong>{event.actorName}</strong>{' '}
            {isWorkflowAction(event.action)
              ? TRANSITIONS[event.action].label
              : (OTHER_ACTIONS[event.action] ?? event.action)}
            {event.fromState && event.toState && event.fromState !== event.toState && (
              <span className="muted">
                {' '}
                ({STATE_LABELS[event.fromState]} → {STATE_LABELS[event.toState]})
              </span>
            )}
            {' · '}
            <time dateTime={event.createdAt.toISOString()}>{formatNewsroomTime(event.createdAt)}</time>
            {event.note && event.action !== 'comment' && <p className="timeline__note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
