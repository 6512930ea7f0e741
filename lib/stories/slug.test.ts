import { expect, test } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, SlugSchema } from './slug';

test.each([
  [
    'North Korean leader Kim Jong Un travels by train to Russia',
    'north-korean-leader-kim-jong-un-travels-by-train-to-russia',
  ],
  ['Fed to halt QE to avert "bubble"', 'fed-to-halt-qe-to-avert-bubble'],
  ['Élections : le président s’exprime', 'elections-le-president-sexprime'],
  ['Straße in Köln gesperrt', 'strasse-in-koln-gesperrt'],
  ['  --Hello,   World!--  ', 'hello-world'],
  ['2026: the year in review', '2026-the-year-in-review'],
  ['Ærø og Łódź', 'aero-og-lodz'],
])('a headline becomes a URL-safe slug: %s', (headline, slug) => {
  expect(slugify(headline)).toBe(slug);
  expect(SlugSchema.safeParse(slug).success).toBe(true);
});

test('a long headline is cut at a word boundary within the limit', () => {
  const slug = slugify('word '.repeat(40));
  expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  expect(slug.endsWith('-')).toBe(false);
  expect(slug).toMatch(/^word(-word)+$/);
});

test('a headline with no Latin letters or digits gives an empty slug (the caller falls back)', () => {
  expect(slugify('Привет мир')).toBe('');
  expect(slugify('!!!')).toBe('');
});

test.each([
  ['Has Caps'],
  ['two--hyphens'],
  ['-leading'],
  ['trailing-'],
  ['sp ace'],
  ['ünïcode'],
  [''],
  ['a'.repeat(81)],
])('a typed slug that is not URL-safe is refused: %o', (slug) => {
  expect(SlugSchema.safeParse(slug).success).toBe(false);
});
