import { expect, test } from 'vitest';
import { safeCallbackPath } from './callback-url';

test.each([
  ['/desk', '/desk'],
  ['/desk/stories?state=in_review', '/desk/stories?state=in_review'],
  ['/desk/stories/12#notes', '/desk/stories/12#notes'],
  ['/', '/'],
])('a path on this site is kept: %s', (input, expected) => {
  expect(safeCallbackPath(input)).toBe(expected);
});

test.each([
  ['https://evil.example/desk'],
  ['//evil.example/desk'],
  ['/\\evil.example'],
  ['javascript:alert(1)'],
  ['desk'],
  ['/\u0000//evil.example'],
  ['/\t/evil.example'],
  ['/login'],
  [''],
  [undefined],
  [['/desk', '/x']],
  ['/' + 'a'.repeat(3000)],
])('anything else falls back to the dashboard: %o', (input) => {
  expect(safeCallbackPath(input)).toBe('/desk');
});

test('the fallback can be chosen', () => {
  expect(safeCallbackPath('https://evil.example', '/')).toBe('/');
});
