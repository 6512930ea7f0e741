// Which security policy a response gets, decided from its path alone (before anything is
// rendered). Plain JavaScript: proxy.ts and the production server share it.

/**
 * 'app' — the desk, sign-in and preview, where React runs in the browser;
 * 'public' — reader pages, plain HTML that works without scripts;
 * 'resource' — everything that is not a page: API answers, feeds, sitemaps, media,
 * downloads, Next.js's own files.
 * @param {string} pathname
 * @returns {'app' | 'public' | 'resource'}
 */
export function responseKind(pathname) {
  if (pathname.startsWith('/api/') || pathname.startsWith('/media/') || pathname.startsWith('/_next/')) {
    return 'resource';
  }
  if (pathname === '/desk' || pathname.startsWith('/desk/')) {
    // The raw bytes of a wire item are a download, not a page.
    return /^\/desk\/wire\/[^/]+\/raw$/.test(pathname) ? 'resource' : 'app';
  }
  if (pathname === '/login' || pathname.startsWith('/preview/')) return 'app';
  if (pathname.startsWith('/sitemaps/') || /\.(xml|txt|ico|svg|png|webp|jpg|css|js|map|json)$/.test(pathname)) {
    return 'resource';
  }
  return 'public';
}
