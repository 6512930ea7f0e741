import { expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  isCoveredBy,
  parseStoryDocumentName,
  readStoryFields,
  replaceText,
  spliceBetween,
  storyDocumentName,
  writeStoryFields,
} from './story-document-model';

test.each([
  ['story:1', 1],
  ['story:2147483647', 2147483647],
  ['story:0', null],
  ['story:01', null],
  ['story:2147483648', null],
  ['story:-3', null],
  ['story:1 ', null],
  ['notes:1', null],
  ['', null],
])('a document name stands for a story only when it is exactly story:<id>: %s', (name, id) => {
  expect(parseStoryDocumentName(name)).toBe(id);
});

test('a story’s document name reads back as its id', () => {
  expect(parseStoryDocumentName(storyDocumentName(42))).toBe(42);
});

test.each([
  ['', 'abc', { index: 0, remove: 0, insert: 'abc' }],
  ['harbour', 'harbours', { index: 7, remove: 0, insert: 's' }],
  ['the old port', 'the new port', { index: 4, remove: 3, insert: 'new' }],
  ['aaa', 'aa', { index: 2, remove: 1, insert: '' }],
  // Two emoji sharing their first UTF-16 unit: the splice takes the whole character.
  ['x😀y', 'x😁y', { index: 1, remove: 2, insert: '😁' }],
])('the smallest splice from %j to %j', (before, after, splice) => {
  expect(spliceBetween(before, after)).toEqual(splice);
  const text = before.slice(0, splice.index) + splice.insert + before.slice(splice.index + splice.remove);
  expect(text).toBe(after);
});

test('replacing a text keeps what a colleague typed elsewhere in it at the same time', () => {
  const mine = new Y.Doc();
  mine.getText('headline').insert(0, 'Ferry strike ends');
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  replaceText(mine.getText('headline'), 'Ferry strike finally ends');
  theirs.getText('headline').insert(17, ' after talks');
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  expect(mine.getText('headline').toString()).toBe('Ferry strike finally ends after talks');
  expect(theirs.getText('headline').toString()).toBe(mine.getText('headline').toString());
});

test('fields are written only where they differ, and read back whole', () => {
  const doc = new Y.Doc();
  writeStoryFields(doc, {
    headline: 'A',
    standfirst: 'B',
    slug: 'a',
    dateline: 'PARIS',
    sectionId: 3,
    authorIds: [7, 9],
  });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  writeStoryFields(doc, { headline: 'A', sectionId: 3, authorIds: [7, 9] });
  expect(updates).toEqual([]);
  writeStoryFields(doc, { authorIds: [9, 7] });
  expect(readStoryFields(doc)).toEqual({
    headline: 'A',
    standfirst: 'B',
    slug: 'a',
    dateline: 'PARIS',
    sectionId: 3,
    authorIds: [9, 7],
  });
});

test('a browser’s typing is saved when the server’s saved state vector covers each of its clients', () => {
  expect(
    isCoveredBy(
      new Map([[1, 5]]),
      new Map([
        [1, 5],
        [2, 3],
      ]),
    ),
  ).toBe(true);
  expect(isCoveredBy(new Map([[1, 6]]), new Map([[1, 5]]))).toBe(false);
  expect(isCoveredBy(new Map([[4, 1]]), new Map([[1, 5]]))).toBe(false);
  expect(isCoveredBy(new Map(), new Map())).toBe(true);
});
