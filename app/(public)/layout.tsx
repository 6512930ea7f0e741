import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/public/site-header';
import { SkipLink } from '@/components/ui/skip-link';
import { getConfig } from '@/lib/config';
import { getCachedSections } from '@/lib/public/cached';

// No `dynamic` here: the pages below are cached at run time (see each page) and the
// section list comes from the cache too.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { siteName } = getConfig();
  const sections = await getCachedSections();
  return (
    <>
      <SkipLink />
      <SiteHeader siteName={siteName} sections={sections} />
      {children}
      <footer className="site-footer">
        <p>
          {siteName} · <a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · Published with Wiredesk
        </p>
      </footer>
    </>
  );
}
