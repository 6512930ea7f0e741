import { expect, test } from 'vitest';
import { MATCH_END, MATCH_START, splitHighlights } from './search-snippet';

const m = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

test('matches become marked parts and everything else stays plain text', () => {
  expect(splitHighlights(`The ${m('harbour')} strike, ${m('day')} 3`)).toEqual([
    { text: 'The ', match: false },
    { text: 'harbour', match: true },
    { text: ' strike, ', match: false },
    { text: 'day', match: true },
    { text: ' 3', match: false },
  ]);
});

test('markup in story text stays text: the page renders parts as React text nodes', () => {
  expect(splitHighlights(`<img src=x onerror=alert(1)> ${m('<b>')}`)).toEqual([
    { text: '<img src=x onerror=alert(1)> ', match: false },
    { text: '<b>', match: true },
  ]);
});

test('stray or doubled markers never produce empty or unbalanced parts', () => {
  expect(splitHighlights(`${MATCH_END}a${MATCH_START}${MATCH_START}b`)).toEqual([
    { text: 'a', match: false },
    { text: 'b', match: true },
  ]);
  expect(splitHighlights('')).toEqual([]);
});
