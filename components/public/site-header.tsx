import type { Section } from '@/lib/sections';
import { sectionPath } from '@/lib/public-routes';

// Plain links, not next/link: public pages ship no components of their own to the
// browser, and a full page load of a cached page is as fast as a client navigation.

export function SiteHeader({
  siteName,
  sections,
  currentSection,
}: {
  siteName: string;
  sections: Section[];
  currentSection?: string;
}) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__name">
          {siteName}
        </a>
        {sections.length > 0 && (
          <nav aria-label="Sections">
            <ul className="site-nav">
              {sections.map((section) => (
                <li key={section.id}>
                  <a
                    href={sectionPath(section.slug)}
                    aria-current={section.slug === currentSection ? 'page' : undefined}
                  >
                    {section.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <form role="search" action="/search" method="get" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search stories
          </label>
          <input id="site-search-q" name="q" type="search" placeholder="Search stories" />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      </div>
    </header>
  );
}
