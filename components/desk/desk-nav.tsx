'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type DeskNavLink = { href: string; label: string };

export function DeskNav({ links }: { links: DeskNavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Desk">
      <ul className="desk-nav">
        {links.map((link) => {
          const current = link.href === '/desk' ? pathname === '/desk' : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
