/**
 * The publisher logo named in every article's JSON-LD: a raster image (search engines
 * want one, not SVG), a 512 × 512 PNG of the favicon's mark, committed in public/.
 */
export const SITE_LOGO = { path: '/wiredesk-logo.png', width: 512, height: 512 } as const;
