import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkAllRead } from '@/components/desk/mark-all-read';
import { requireStaff } from '@/lib/auth/current-user';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { listNotifications, type DeskNotification } from '@/lib/stories/notifications';

export const metadata: Metadata = { title: 'Notifications' };

function describe(notification: DeskNotification): string {
  const who = notification.actorName ?? 'Wiredesk';
  switch (notification.kind) {
    case 'approved':
      return `${who} approved your story`;
    case 'changes_requested':
      return `${who} sent your story back with a note`;
    case 'scheduled':
      return `${who} scheduled your story`;
    case 'published':
      return notification.actorName ? `${who} published your story` : 'Your story was published on schedule';
    case 'submitted':
      return `${who} submitted a story for review`;
    case 'wire_kill':
      return 'The agency killed or withdrew the wire copy of a story';
  }
}

export default async function NotificationsPage() {
  const user = await requireStaff();
  const notifications = await listNotifications(user);
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <>
      <div className="page-heading">
        <h1>Notifications</h1>
        {unread > 0 && <MarkAllRead />}
      </div>
      {notifications.length === 0 ? (
        <p className="empty-state">Nothing yet. You will hear here when your stories move, or need you.</p>
      ) : (
        <ul className="notifications">
          {notifications.map((notification) => (
            <li
              key={notification.id}
              className={notification.read ? undefined : 'is-unread'}
              data-kind={notification.kind}
            >
              {!notification.read && <span className="visually-hidden">Unread: </span>}
              {describe(notification)}
              {notification.storyId && notification.headline && (
                <>
                  {': '}
                  <Link href={`/desk/stories/${notification.storyId}`}>{notification.headline}</Link>
                </>
              )}{' '}
              <span className="muted">
                ·{' '}
                <time dateTime={notification.createdAt.toISOString()}>
                  {formatNewsroomTime(notification.createdAt)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
