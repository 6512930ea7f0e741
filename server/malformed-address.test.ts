import { expect, test } from 'vitest';
import { malformedAddressReason } from './malformed-address.mjs';

test.each([
  ['/world/harbour-reopens', null],
  ['/search?q=caf%C3%A9+au+lait&page=2', null],
  ['/search?q=100%25', null],
  ['/authors/12-ana-ru%C3%ADz', null],
])('%s is an address like any other', (url, reason) => {
  expect(malformedAddressReason(url)).toBe(reason);
});

test.each([
  ['/search?q=harbour%00reopens', 'NUL'],
  ['/%00../../etc/passwd', 'NUL'],
  ['/world/%ED%A0%80', 'not valid UTF-8'],
  ['/search?q=%C0%AF', 'not valid UTF-8'],
  ['/search?q=%E2%82', 'not valid UTF-8'],
  ['/world/100%', 'not valid UTF-8'],
])('%s is refused with a reason (%s)', (url, words) => {
  expect(malformedAddressReason(url)).toContain(words);
});
