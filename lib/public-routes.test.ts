import { expect, test } from 'vitest';
import { DEFAULT_SECTIONS } from '@/db/seed';
import {
  absoluteUrl,
  authorPath,
  authorSegment,
  isReservedSegment,
  parseAuthorSegment,
  parsePageSegment,
  RESERVED_TOP_LEVEL_SEGMENTS,
  SectionSlugSchema,
  sectionPath,
} from './public-routes';

test('every top-level route the app has is reserved, and no default section collides', () => {
  for (const segment of ['desk', 'api', 'login', 'search', 'authors', 'sitemaps', 'feed.xml', 'robots.txt']) {
    expect(isReservedSegment(segment)).toBe(true);
  }
  for (const section of DEFAULT_SECTIONS) expect(SectionSlugSchema.safeParse(section.slug).success).toBe(true);
});

test.each(RESERVED_TOP_LEVEL_SEGMENTS.filter((segment) => /^[a-z0-9-]+$/.test(segment)))(
  'a section cannot be called %s',
  (slug) => {
    const result = SectionSlugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('This address is used by the site itself');
  },
);

test('author addresses carry the id and the name; only the id identifies', () => {
  expect(authorSegment({ id: 12, name: 'Ana Ruíz' })).toBe('12-ana-ruiz');
  expect(authorPath({ id: 12, name: 'Ana Ruíz' }, 3)).toBe('/authors/12-ana-ruiz/page/3');
  expect(authorSegment({ id: 5, name: '李' })).toBe('5');
  expect(parseAuthorSegment('12-ana-ruiz')).toBe(12);
  expect(parseAuthorSegment('12-old-name')).toBe(12);
  expect(parseAuthorSegment('12')).toBe(12);
  for (const bad of ['0', '012-x', 'ana-12', '12_x', '99999999999', '-12']) expect(parseAuthorSegment(bad)).toBeNull();
});

test('page segments: 2 and up; page 1 has no suffix of its own', () => {
  expect(parsePageSegment('2')).toBe(2);
  expect(parsePageSegment('150')).toBe(150);
  for (const bad of ['1', '0', '02', '-2', '2.5', 'two', '9999999']) expect(parsePageSegment(bad)).toBeNull();
  expect(sectionPath('world')).toBe('/world');
  expect(sectionPath('world', 1)).toBe('/world');
  expect(sectionPath('world', 4)).toBe('/world/page/4');
});

test('absolute URLs join the base and the path with exactly one slash', () => {
  expect(absoluteUrl('https://news.example.org/', '/world')).toBe('https://news.example.org/world');
  expect(absoluteUrl('https://news.example.org', 'world')).toBe('https://news.example.org/world');
});
