import Link from 'next/link';
import type { ReactNode } from 'react';
import { DeskNav, type DeskNavLink } from '@/components/desk/desk-nav';
import { ROLE_LABELS } from '@/lib/roles';
import { SignOut } from '@/components/desk/sign-out';
import { SkipLink } from '@/components/ui/skip-link';
import { requireStaff } from '@/lib/auth/current-user';
import { getConfig } from '@/lib/config';
import { can } from '@/lib/permissions';
import { countUnreadNotifications } from '@/lib/stories/notifications';

export const dynamic = 'force-dynamic';

export default async function DeskLayout({ children }: { children: ReactNode }) {
  // Layouts are not re-run on every client navigation: each desk page checks again.
  const user = await requireStaff();
  const unread = await countUnreadNotifications(user);
  const links: DeskNavLink[] = [
    { href: '/desk', label: 'Dashboard' },
    { href: '/desk/stories', label: 'Stories' },
    { href: '/desk/wire', label: 'Wire' },
    { href: '/desk/front', label: 'Front page' },
  ];
  if (can(user, 'users:manage')) links.push({ href: '/desk/admin', label: 'Admin' });
  return (
    <div className="desk">
      <SkipLink />
      <header className="desk-header">
        <Link href="/desk" className="desk-header__name">
          {getConfig().siteName} desk
        </Link>
        <DeskNav links={links} />
        <Link href="/desk/notifications" className="desk-header__notifications">
          Notifications
          {unread > 0 && (
            <span className="count-badge">
              {unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </Link>
        <div className="desk-header__user">
          <span className="desk-header__who">
            <span className="desk-header__user-name">{user.name}</span>{' '}
            <span className="role-badge" data-role={user.role}>
              {ROLE_LABELS[user.role]}
            </span>
          </span>
          <SignOut />
        </div>
      </header>
      <main id="main" className="desk-main">
        {children}
      </main>
    </div>
  );
}
