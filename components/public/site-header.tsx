import Link from 'next/link';
import type { Section } from '@/lib/sections';

export function SiteHeader({ siteName, sections }: { siteName: string; sections: Section[] }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          {siteName}
        </Link>
        {sections.length > 0 && (
          <nav aria-label="Sections">
            <ul className="site-nav">
              {sections.map((section) => (
                <li key={section.id}>
                  <Link href={`/${section.slug}`}>{section.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
