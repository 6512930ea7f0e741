import { expect, test } from 'vitest';
import {
  emptyStoryBody,
  normalizeStoryBody,
  StoryBodySchema,
  storyBodyFromParagraphs,
  storyBodyToText,
  type StoryBody,
} from './story-body';

const text = (value: string) => ({ type: 'text', text: value });

test('what the editor makes is accepted, and attributes we do not use are dropped', () => {
  const body = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2, textAlign: 'left' }, content: [text('Crosshead')] },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'link',
            marks: [{ type: 'link', attrs: { href: 'https://a.example', target: '_blank', rel: 'x', class: null } }],
          },
        ],
      },
    ],
  };
  const parsed = StoryBodySchema.parse(body);
  expect(parsed.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [text('Crosshead')] });
  expect(parsed.content[1]).toEqual({
    type: 'paragraph',
    content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://a.example' } }] }],
  });
});

test.each([
  ['an unknown node', { type: 'doc', content: [{ type: 'iframe' }] }],
  ['an image (not in this editor yet)', { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }],
  [
    'a level-1 heading (the headline is the only h1)',
    { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] },
  ],
  [
    'a javascript: link',
    {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    },
  ],
  [
    'an unknown mark',
    {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] }],
    },
  ],
  ['an empty text node', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }],
  ['not a doc', { type: 'paragraph' }],
  ['a string', '<p>hello</p>'],
  ['null', null],
])('a body with %s is refused', (_name, body) => {
  expect(StoryBodySchema.safeParse(body).success).toBe(false);
});

test('a hostile, deeply nested body is refused without walking all of it', () => {
  let node: Record<string, unknown> = { type: 'paragraph', content: [text('deep')] };
  for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
  const result = StoryBodySchema.safeParse({ type: 'doc', content: [node] });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe('The story body is nested too deeply');
});

test('plain text keeps one block per paragraph, list items and quotes included', () => {
  const body = StoryBodySchema.parse({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [text('One'), { type: 'hardBreak' }, text('line two')] },
      { type: 'heading', attrs: { level: 2 }, content: [text('Head')] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('item')] }] }],
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [text('quote')] }] },
      { type: 'horizontalRule' },
      { type: 'paragraph' },
    ],
  });
  expect(storyBodyToText(body)).toBe('One\nline two\n\nHead\n\nitem\n\nquote');
});

test('helpers make valid bodies', () => {
  expect(StoryBodySchema.safeParse(emptyStoryBody()).success).toBe(true);
  const body = storyBodyFromParagraphs(['A', '', 'B']);
  expect(StoryBodySchema.parse(body)).toEqual(body);
  expect(storyBodyToText(body)).toBe('A\n\nB');
});

test('the browser-side normalizer keeps exactly what the schema keeps', () => {
  // As the editor hands it over: attributes we never store, untrimmed image texts.
  const fromEditor = {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: 'Plain ' }] },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'linked',
            marks: [{ type: 'link', attrs: { href: 'https://a.example/', target: '_blank', rel: null, class: null } }],
          },
          { type: 'hardBreak' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold', attrs: {} }] },
        ],
      },
      { type: 'heading', attrs: { level: 2, id: 'x' }, content: [{ type: 'text', text: 'Crosshead' }] },
      {
        type: 'orderedList',
        attrs: { start: 3, type: null },
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', attrs: {}, content: [{ type: 'blockquote', content: [{ type: 'paragraph' }] }] }],
      },
      { type: 'horizontalRule', attrs: {} },
      {
        type: 'image',
        attrs: {
          mediaId: 'abcdefghijklmnopqrstuvwxyz',
          width: 800,
          height: 600,
          alt: ' A ferry ',
          caption: 'Dover ',
          credit: ' AFP',
          uploading: false,
        },
      },
    ],
  };
  // toEqual ignores key order and keys whose value is undefined, as the stored jsonb does.
  expect(normalizeStoryBody(fromEditor as unknown as StoryBody)).toEqual(StoryBodySchema.parse(fromEditor));
});
