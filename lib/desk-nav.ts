import { can, type Actor } from './permissions';

export type DeskNavLink = { href: string; label: string };

/** The desk's navigation for this user (names are part of the interface: DESIGN.md). */
export function listDeskNavLinks(user: Actor): DeskNavLink[] {
  const links: DeskNavLink[] = [
    { href: '/desk', label: 'Dashboard' },
    { href: '/desk/stories', label: 'Stories' },
    { href: '/desk/wire', label: 'Wire' },
    { href: '/desk/front', label: 'Front page' },
  ];
  if (can(user, 'users:manage')) links.push({ href: '/desk/admin', label: 'Admin' });
  return links;
}
