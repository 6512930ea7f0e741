import { z } from 'zod';
import { expect, test } from 'vitest';
import { ValidationError } from './errors';
import {
  findUnstorableText,
  isRowId,
  MAX_ROW_ID,
  parseOrThrow,
  rowIdSchema,
  UNSTORABLE_TEXT_MESSAGE,
} from './validation';

const Headline = z.object({ headline: z.string(), body: z.unknown() });

test.each([
  ['a NUL character', 'Harbour\u0000reopens'],
  ['half a surrogate pair (high)', 'Harbour \ud83d reopens'],
  ['half a surrogate pair (low)', 'Harbour \udcf0 reopens'],
])('text holding %s is refused, with its field named', (_label, headline) => {
  const error = (() => {
    try {
      parseOrThrow(Headline, { headline, body: null });
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors).toEqual({ headline: [UNSTORABLE_TEXT_MESSAGE] });
});

test('a paragraph deep in a story body is refused as the body field', () => {
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A\u0000B' }] }] };
  expect(findUnstorableText({ headline: 'Fine', body })).toEqual(['body', 'content', '0', 'content', '0', 'text']);
  expect(() => parseOrThrow(Headline, { headline: 'Fine', body })).toThrow(UNSTORABLE_TEXT_MESSAGE);
});

test('emoji, accents, scripts and SQL are text like any other', () => {
  const headline = `Port d’Aldren fête 📰🇫🇷 — 港口 — ' OR 1=1 -- <script>`;
  expect(parseOrThrow(Headline, { headline, body: null }).headline).toBe(headline);
});

test('an id is a positive integer the database can hold; anything else is unknown', () => {
  const Id = rowIdSchema('Unknown id');
  expect(Id.parse('42')).toBe(42);
  expect(Id.parse(MAX_ROW_ID)).toBe(MAX_ROW_ID);
  for (const bad of [0, -1, 1.5, MAX_ROW_ID + 1, 1e308, 'abc', '../1', {}]) {
    expect(Id.safeParse(bad).success, String(bad)).toBe(false);
  }
});

test('a value already a row id is a number in range; nothing is coerced', () => {
  expect(isRowId(42)).toBe(true);
  expect(isRowId(MAX_ROW_ID)).toBe(true);
  for (const bad of [0, -1, 1.5, MAX_ROW_ID + 1, '42', true, null, undefined, {}]) {
    expect(isRowId(bad), String(bad)).toBe(false);
  }
});
