import { expect, test } from 'vitest';
import type { StoryBody } from '@/lib/stories/story-body';
import { escapeHtml, renderStoryBody } from './render-story-body';

const doc = (...content: unknown[]) => ({ type: 'doc', content }) as StoryBody;
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

test('paragraphs, crossheads, lists, quotes and rules render as plain semantic HTML', () => {
  const html = renderStoryBody(
    doc(
      {
        type: 'paragraph',
        content: [text('First '), text('bold', [{ type: 'bold' }]), text(' and '), text('it', [{ type: 'italic' }])],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('Pay a price')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Smaller')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] }] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('three')] }] }],
      },
      {
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [text('quoted'), { type: 'hardBreak' }, text('line')] }],
      },
      { type: 'horizontalRule' },
    ),
  );
  expect(html).toBe(
    '<p>First <strong>bold</strong> and <em>it</em></p><h2>Pay a price</h2><h3>Smaller</h3>' +
      '<ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol>' +
      '<blockquote><p>quoted<br>line</p></blockquote><hr>',
  );
});

test('text is escaped: stored markup never becomes markup', () => {
  const html = renderStoryBody(doc({ type: 'paragraph', content: [text('<script>alert(1)</script> & "x" \'y\'')] }));
  expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;</p>');
});

test('links keep only http(s) and mailto, with rel="noopener"', () => {
  const link = (href: string) =>
    renderStoryBody(doc({ type: 'paragraph', content: [text('here', [{ type: 'link', attrs: { href } }])] }));
  expect(link('https://example.org/a?b=1&c="2"')).toBe(
    '<p><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" rel="noopener">here</a></p>',
  );
  expect(link('mailto:desk@example.org')).toContain('href="mailto:desk@example.org"');
  expect(link('javascript:alert(1)')).toBe('<p>here</p>');
  expect(link('data:text/html,<script>alert(1)</script>')).toBe('<p>here</p>');
  expect(link('JaVaScRiPt:alert(1)')).toBe('<p>here</p>');
});

test('unknown nodes, attributes and event handlers render as nothing', () => {
  const hostile = {
    type: 'doc',
    content: [
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
      { type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('safe')] },
      { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
      { type: 'heading', attrs: { level: 1, onmouseover: 'x' }, content: [text('level falls back to 2')] },
      { type: 'paragraph', content: [{ type: 'rawHtml', html: '<img src=x onerror=alert(1)>' }] },
    ],
  } as unknown as StoryBody;
  expect(renderStoryBody(hostile)).toBe('<p>safe</p><h2>level falls back to 2</h2>');
});

test('empty paragraphs are dropped', () => {
  expect(renderStoryBody(doc({ type: 'paragraph' }, { type: 'paragraph', content: [] }))).toBe('');
});

test('escapeHtml escapes the five characters that matter', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

// Stored payloads that must never become live markup, whatever got into the database.
const linkPayloads = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'JAVASCRIPT:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '//evil.example/x',
  '/relative/path',
  'file:///etc/passwd',
];

test.each(linkPayloads)('a link to %j renders as plain text', (href) => {
  const html = renderStoryBody(
    doc({ type: 'paragraph', content: [text('click', [{ type: 'link', attrs: { href } }])] }),
  );
  expect(html).toBe('<p>click</p>');
});

test.each([
  ['an attribute breakout in an allowed link', 'https://example.org/" onmouseover="alert(1)'],
  ['a tag breakout in an allowed link', 'https://example.org/"><script>alert(1)</script>'],
])('%s stays inside the quoted href', (_name, href) => {
  const html = renderStoryBody(doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href } }])] }));
  expect(html).toMatch(/^<p><a href="https:\/\/example\.org\/[^"<>]*" rel="noopener">x<\/a><\/p>$/);
  expect(html).not.toMatch(/<script|onmouseover="/);
});

test.each([
  ['a closing tag and script in text', '</p><script>alert(1)</script><p>'],
  ['an image with an error handler in text', '<img src=x onerror=alert(1)>'],
  ['an svg with onload in text', '<svg onload=alert(1)>'],
  ['a comment breakout', '--><script>alert(1)</script>'],
])('%s is shown as text', (_name, payload) => {
  const html = renderStoryBody(
    doc({ type: 'heading', attrs: { level: 2 }, content: [text(payload, [{ type: 'bold' }])] }),
  );
  expect(html).not.toMatch(/<(script|img|svg)|-->/);
  expect(html.startsWith('<h2><strong>&lt;') || html.startsWith('<h2><strong>--&gt;')).toBe(true);
});

test('marks and nodes carrying extra attributes or unknown types add nothing', () => {
  const hostile = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a', marks: [{ type: 'bold', attrs: { onclick: 'alert(1)' } }, { type: 'script' }] },
          { type: 'hardBreak', attrs: { onclick: 'x' } },
          {
            type: 'text',
            text: 'b',
            marks: [{ type: 'link', attrs: { href: 'https://ok.example', target: '_blank', onclick: 'x' } }],
          },
        ],
      },
      { type: 'orderedList', attrs: { start: '1" onclick="x' }, content: [] },
      { type: 'codeBlock', content: [{ type: 'text', text: '<script>' }] },
    ],
  } as unknown as StoryBody;
  expect(renderStoryBody(hostile)).toBe(
    '<p><strong>a</strong><br><a href="https://ok.example" rel="noopener">b</a></p><ol></ol>',
  );
});
