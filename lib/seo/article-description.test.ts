import { expect, test } from 'vitest';
import { storyBodyFromParagraphs, type StoryBody } from '@/lib/stories/story-body-model';
import { describeArticle, firstParagraphText, truncateAtWord } from './article-description';

test('the standfirst is the description when there is one', () => {
  expect(describeArticle('  Thousands were stranded overnight. ', storyBodyFromParagraphs(['Ignored.']))).toBe(
    'Thousands were stranded overnight.',
  );
});

test('without a standfirst, the first paragraph is the description, cut at a word to at most 160 characters', () => {
  const long =
    'The council voted on Tuesday night to close the old harbour bridge to cars for good, ending a decade of argument between shopkeepers, cyclists and the ferry company about the quay.';
  const description = describeArticle('', storyBodyFromParagraphs([long, 'Second paragraph.']));
  expect(description.length).toBeLessThanOrEqual(160);
  expect(description.endsWith('…')).toBe(true);
  expect(long.startsWith(description.slice(0, -1))).toBe(true);
  // Cut between words, not inside one.
  expect(long[description.length - 1]).toBe(' ');
});

test('headings, images and empty paragraphs before the first real paragraph are skipped', () => {
  const body: StoryBody = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A crosshead' }] },
      { type: 'paragraph' },
      {
        type: 'image',
        attrs: { mediaId: 'abcdefghijklmnopqrstuvwxyz', width: 10, height: 10, alt: '', caption: 'Cap', credit: 'C' },
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'First  words' },
          { type: 'hardBreak' },
          { type: 'text', text: 'after a break.' },
        ],
      },
    ],
  };
  expect(firstParagraphText(body)).toBe('First words after a break.');
  expect(describeArticle('', { type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
});

test('short text is left alone; one enormous word is cut rather than dropped', () => {
  expect(truncateAtWord('Short and sweet.')).toBe('Short and sweet.');
  const word = 'x'.repeat(300);
  expect(truncateAtWord(word)).toBe(`${'x'.repeat(159)}…`);
});
