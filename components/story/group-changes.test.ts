import { expect, test } from 'vitest';
import { diffWords, type DiffPart } from '@/lib/diff/word-diff';
import { groupChanges } from './group-changes';

const side = (parts: DiffPart[], kind: 'removed' | 'added') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

test('a rewritten phrase reads as one deletion and one insertion', () => {
  const parts = groupChanges(
    diffWords('The museum reopened on Tuesday morning.', 'The museum stays shut until Friday morning.'),
  );
  expect(parts).toEqual([
    { kind: 'same', text: 'The museum ' },
    { kind: 'removed', text: 'reopened on Tuesday' },
    { kind: 'added', text: 'stays shut until Friday' },
    { kind: 'same', text: ' morning.' },
  ]);
});

test('punctuation shared inside a rewritten sentence does not split it', () => {
  const parts = groupChanges(diffWords('Theirs: motion carried unanimously.', 'Mine: a narrow margin decided it.'));
  expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['Theirs: motion carried unanimously']);
  expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['Mine: a narrow margin decided it']);
});

test.each([
  ['a word added', 'The vote was carried.', 'The vote was narrowly carried.'],
  ['a word removed', 'The vote was narrowly carried.', 'The vote was carried.'],
  ['words swapped here and there', 'One two three four five six.', 'One deux three quatre five six!'],
  ['nothing in common', 'Alpha beta.', 'Gamma, delta; epsilon'],
  ['the same text', 'Unchanged text.', 'Unchanged text.'],
  ['from nothing', '', 'New text.'],
])('both texts stay whole: %s', (_name, before, after) => {
  const parts = groupChanges(diffWords(before, after));
  expect(side(parts, 'removed')).toBe(before);
  expect(side(parts, 'added')).toBe(after);
});

test('a change on its own is left as it is', () => {
  const parts = diffWords('The vote was carried.', 'The vote was narrowly carried.');
  expect(groupChanges(parts)).toEqual(parts);
});

test('different spaces around a change are not taken for shared ones', () => {
  const parts = groupChanges(diffWords('Alpha one\ntwo beta', 'Alpha three four beta'));
  expect(side(parts, 'removed')).toBe('Alpha one\ntwo beta');
  expect(side(parts, 'added')).toBe('Alpha three four beta');
});

test('a change of spacing alone keeps both texts whole', () => {
  const parts = groupChanges([
    { kind: 'same', text: 'A' },
    { kind: 'removed', text: ' ' },
    { kind: 'same', text: ',' },
    { kind: 'added', text: '  ' },
    { kind: 'same', text: 'B' },
  ]);
  expect(side(parts, 'removed')).toBe('A ,B');
  expect(side(parts, 'added')).toBe('A,  B');
});
