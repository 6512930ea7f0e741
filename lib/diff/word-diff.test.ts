import { expect, test } from 'vitest';
import { countChangedWords, diffWords } from './word-diff';

test('changed words are marked as removed and added, the rest kept', () => {
  const parts = diffWords('Three people were hurt in the blast.', 'Five people were killed in the blast.');
  expect(parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text])).toEqual([
    ['removed', 'Three'],
    ['added', 'Five'],
    ['removed', 'hurt'],
    ['added', 'killed'],
  ]);
  expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe('Five people were killed in the blast.');
  expect(parts.map((p) => (p.kind === 'added' ? '' : p.text)).join('')).toBe('Three people were hurt in the blast.');
  expect(countChangedWords(parts)).toEqual({ added: 2, removed: 2 });
});

test('identical texts have no changes', () => {
  const parts = diffWords('Same text.', 'Same text.');
  expect(parts).toEqual([{ kind: 'same', text: 'Same text.' }]);
  expect(countChangedWords(parts)).toEqual({ added: 0, removed: 0 });
});

test('a paragraph added at the end is one insertion', () => {
  const parts = diffWords('First.', 'First.\n\nSecond paragraph here.');
  expect(countChangedWords(parts)).toEqual({ added: 3, removed: 0 });
});
