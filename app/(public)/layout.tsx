import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/public/site-header';
import { SkipLink } from '@/components/ui/skip-link';
import { getConfig } from '@/lib/config';
import { listSections } from '@/lib/sections';

// Reads the database: rendered per request, never prerendered at build time (no database there).
export const dynamic = 'force-dynamic';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { siteName } = getConfig();
  const sections = await listSections();
  return (
    <>
      <SkipLink />
      <SiteHeader siteName={siteName} sections={sections} />
      {children}
      <footer className="site-footer">
        <p>{siteName} · Published with Wiredesk</p>
      </footer>
    </>
  );
}
