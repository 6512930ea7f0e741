import { expect, test, vi } from 'vitest';
import { diffRevisions, hasChanges } from './revision-diff';
import { countChangedWords, countWordChanges, diffWords, diffWordsBounded, type DiffPart } from './word-diff';

const revision = (headline: string, standfirst = '', bodyText = '') => ({ headline, standfirst, bodyText });

/** The text a diff leaves on one side: the old text without additions, the new without removals. */
const side = (parts: DiffPart[], which: 'before' | 'after') =>
  parts.map((p) => (p.kind === (which === 'before' ? 'added' : 'removed') ? '' : p.text)).join('');

test('insertions and deletions are marked word by word, field by field, and counted', () => {
  const diff = diffRevisions(
    revision('Three hurt in harbour blast', 'Police closed the quay.', 'The blast happened at noon.'),
    revision('Five hurt in harbour blast', 'Police closed the quay.', 'The blast happened at about noon.'),
  );
  expect(diff.headline).toEqual([
    { kind: 'removed', text: 'Three' },
    { kind: 'added', text: 'Five' },
    { kind: 'same', text: ' hurt in harbour blast' },
  ]);
  expect(diff.standfirst).toEqual([{ kind: 'same', text: 'Police closed the quay.' }]);
  expect(diff.body.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'added', text: 'about ' }]);
  expect(side(diff.body, 'before')).toBe('The blast happened at noon.');
  expect(side(diff.body, 'after')).toBe('The blast happened at about noon.');
  expect(diff).toMatchObject({ added: 2, removed: 1 });
  expect(hasChanges(diff.headline)).toBe(true);
  expect(hasChanges(diff.standfirst)).toBe(false);
});

test('a deleted paragraph is one deletion, and the paragraphs around it are unchanged', () => {
  const diff = diffRevisions(
    revision('Headline', '', 'First paragraph.\n\nSecond paragraph goes.\n\nThird paragraph.'),
    revision('Headline', '', 'First paragraph.\n\nThird paragraph.'),
  );
  expect(diff.body.filter((p) => p.kind !== 'same').map((p) => p.kind)).toEqual(['removed']);
  expect(side(diff.body, 'before')).toBe('First paragraph.\n\nSecond paragraph goes.\n\nThird paragraph.');
  expect(side(diff.body, 'after')).toBe('First paragraph.\n\nThird paragraph.');
  expect(diff).toMatchObject({ added: 0, removed: 3 });
});

test('identical revisions have no changes at all', () => {
  const text = revision('Same headline', 'Same standfirst.', 'Same body.\n\nTwo paragraphs.');
  const diff = diffRevisions(text, { ...text });
  expect(diff).toEqual({
    headline: [{ kind: 'same', text: 'Same headline' }],
    standfirst: [{ kind: 'same', text: 'Same standfirst.' }],
    body: [{ kind: 'same', text: 'Same body.\n\nTwo paragraphs.' }],
    added: 0,
    removed: 0,
  });
  expect([diff.headline, diff.standfirst, diff.body].some(hasChanges)).toBe(false);
});

test('empty fields: nothing to nothing is no parts; something from nothing is all added, and back', () => {
  expect(diffWordsBounded('', '')).toEqual([]);
  expect(diffWords('', '')).toEqual([]);
  expect(hasChanges([])).toBe(false);

  const added = diffRevisions(revision('Headline'), revision('Headline', 'A new standfirst.', 'A body.'));
  expect(added.standfirst).toEqual([{ kind: 'added', text: 'A new standfirst.' }]);
  expect(added.body).toEqual([{ kind: 'added', text: 'A body.' }]);
  expect(added).toMatchObject({ added: 5, removed: 0 });

  const removed = diffRevisions(revision('Headline', 'A new standfirst.', 'A body.'), revision('Headline'));
  expect(removed.standfirst).toEqual([{ kind: 'removed', text: 'A new standfirst.' }]);
  expect(removed).toMatchObject({ added: 0, removed: 5 });
});

test('a change of spacing alone is a change, but no words', () => {
  const parts = diffWords('Two  spaces', 'Two spaces');
  expect(hasChanges(parts)).toBe(true);
  expect(countChangedWords(parts)).toEqual({ added: 0, removed: 0 });
});

test('punctuation and case count: "noon." and "Noon" are other words than "noon"', () => {
  const parts = diffWords('at noon today', 'at Noon. today');
  expect(parts.filter((p) => p.kind !== 'same')).toEqual([
    { kind: 'removed', text: 'noon' },
    { kind: 'added', text: 'Noon.' },
  ]);
});

test('when aligning two long texts takes too long, the old text is shown removed and the new added', () => {
  // The diff library checks the clock as it goes: a clock racing ahead makes it give up at once.
  let clock = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (clock += 10_000));
  const before = 'alpha beta gamma delta';
  const after = 'one two three four five';
  expect(diffWordsBounded(before, after, 250)).toEqual([
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ]);
  expect(diffWordsBounded('', after, 250)).toEqual([{ kind: 'added', text: after }]);
  expect(diffWordsBounded(before, '', 250)).toEqual([{ kind: 'removed', text: before }]);
  // Equal texts need no aligning, so no clock either.
  expect(diffWordsBounded(before, before, 250)).toEqual([{ kind: 'same', text: before }]);
});

test('word counts for a save are exact for small edits', () => {
  expect(countWordChanges('', '')).toEqual({ added: 0, removed: 0 });
  expect(countWordChanges('Same.', 'Same.')).toEqual({ added: 0, removed: 0 });
  expect(countWordChanges('', 'Three new words')).toEqual({ added: 3, removed: 0 });
  expect(countWordChanges('Three old words', '')).toEqual({ added: 0, removed: 3 });
  expect(countWordChanges('The council voted on Tuesday.', 'The full council voted late on Tuesday.')).toEqual({
    added: 2,
    removed: 0,
  });
});

test('word counts for a rewrite past the edit budget count words in and out, blind to moves', () => {
  const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
  // 500 words replaced by 450 others: far past an exact diff's budget.
  expect(countWordChanges(words('old', 500), words('new', 450))).toEqual({ added: 450, removed: 500 });
  // Moving a long block of text is neither adding nor removing words.
  const a = words('a', 300);
  const b = words('b', 300);
  expect(countWordChanges(`${a} ${b}`, `${b} ${a}`)).toEqual({ added: 0, removed: 0 });
  // Repeated words are counted as often as they occur.
  expect(countWordChanges(`${words('x', 450)} the the`, `${words('y', 450)} the`)).toEqual({
    added: 450,
    removed: 451,
  });
});
