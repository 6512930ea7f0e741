import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import './globals.css';

export function generateMetadata(): Metadata {
  const { siteName, baseUrl } = getConfig();
  return {
    metadataBase: new URL(baseUrl),
    title: { default: siteName, template: `%s · ${siteName}` },
    icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
