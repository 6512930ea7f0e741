import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WireParseError } from './errors';
import { MAX_WIRE_BYTES } from './limits';
import { parseWire } from './parse-wire';
import { WireItemSchema } from './wire-item';

const encode = (text: string) => new TextEncoder().encode(text);
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const allFixtures = fs
  .readdirSync(fixturesDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.endsWith('.md'))
  .map((entry) => path.relative(fixturesDir, path.join(entry.parentPath, entry.name)))
  .sort();

function refusal(bytes: Uint8Array): string {
  try {
    parseWire(bytes);
  } catch (error) {
    if (error instanceof WireParseError) return error.message;
    throw error;
  }
  throw new Error('expected a WireParseError');
}

test.each(allFixtures.filter((name) => !name.includes('truncated')))(
  'every item from fixture %s passes WireItemSchema',
  (name) => {
    const { items } = parseWire(fs.readFileSync(path.join(fixturesDir, name)));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(WireItemSchema.parse(item)).toEqual(item);
  },
);

test.each([
  ['an empty file', new Uint8Array(), 'Empty file'],
  ['a file of spaces and newlines', encode(' \r\n\t\n  '), 'Empty file (only whitespace)'],
  [
    'a PNG image',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'Not a wire format Wiredesk knows (looks like a PNG image)',
  ],
  ['a PDF', encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'Not a wire format Wiredesk knows (looks like a PDF document)'],
  [
    'random binary junk',
    new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
    'Not a wire format Wiredesk knows (looks like binary data)',
  ],
  [
    'an HTML page',
    encode('<!DOCTYPE html><html><body><p>Hello</p></body></html>'),
    'Not a wire format Wiredesk knows (an XML document with root <html>)',
  ],
  [
    'truncated XML',
    encode('<?xml version="1.0"?>\n<nitf><body><body.content><p>Cut off in the mi'),
    'Truncated XML: <nitf> is not closed',
  ],
  [
    'XML cut inside a tag',
    encode('<rss version="2.0"><channel><item><title>A</title></item></chann'),
    'Truncated XML: <rss> is not closed',
  ],
  [
    'an XML declaration and nothing else',
    encode('<?xml version="1.0" encoding="utf-8"?>\n'),
    'Not a wire format Wiredesk knows (markup without a readable root element; truncated?)',
  ],
])('%s is refused with a one-line reason', (_name, bytes, message) => {
  expect(refusal(bytes)).toBe(message);
});

test('a file of 5 MB and one byte is refused before anything is parsed', () => {
  const bytes = new Uint8Array(MAX_WIRE_BYTES + 1).fill(0x41);
  const started = performance.now();
  expect(refusal(bytes)).toBe('File is 5.0 MB (5,242,881 bytes); the limit is 5 MB');
  expect(performance.now() - started).toBeLessThan(200);
});

test('a file of exactly 5 MB is still read', () => {
  const head = '<rss version="2.0"><channel><title>Big</title><item><title>One</title><description>';
  const tail = '</description></item></channel></rss>';
  const filler = 'x'.repeat(MAX_WIRE_BYTES - head.length - tail.length);
  const { items } = parseWire(encode(head + filler + tail));
  expect(items).toHaveLength(1);
  expect(items[0]!.body[0]!.text).toHaveLength(filler.length);
});

test('markup nested thousands of levels deep is refused quickly, not by a stack overflow', () => {
  const started = performance.now();
  expect(refusal(encode(`<nitf><body><body.content>${'<div>'.repeat(500_000)}`))).toBe(
    'XML nested more than 256 levels deep',
  );
  expect(performance.now() - started).toBeLessThan(2000);
});

test('an entity bomb inside a DTD costs nothing: no expansion, one warning', () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>T</title><item><title>&d;&d;&d;</title><description>Body</description></item></channel></rss>`;
  const [item] = parseWire(encode(bomb)).items;
  expect(item!.headline).toBe('&d;&d;&d;');
  expect(item!.warnings).toContain(
    'DTD entity declarations ignored: Wiredesk never loads DTDs or expands declared entities',
  );
});

test('script, style and event-handler text in HTML bodies never passes through', () => {
  const hostile = JSON.stringify({
    uri: 'urn:wd:hostile',
    headline: 'Hostile body',
    body_html:
      '<p>Safe <b onmouseover="steal()">text</b></p><script>document.cookie</script><style>body{display:none}</style>' +
      '<p><img src=x onerror="alert(1)"><a href="javascript:alert(2)">link text</a></p><svg><script>alert(3)</script></svg>' +
      '<iframe srcdoc="<script>alert(4)</script>"></iframe><noscript>noscript text</noscript>',
  });
  const [item] = parseWire(encode(hostile)).items;
  expect(item!.body).toEqual([
    { type: 'paragraph', text: 'Safe text' },
    { type: 'paragraph', text: 'link text' },
  ]);
  expect(JSON.stringify(item)).not.toMatch(/steal|cookie|display:none|alert|javascript|noscript text/);
});

test('the format is judged by content: the same bytes parse the same whatever the file is called', () => {
  const bytes = fs.readFileSync(path.join(fixturesDir, 'nitf', 'canceled-placeholder-dates.xml'));
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-wire-')), 'story.json');
  try {
    fs.writeFileSync(copy, bytes);
    expect(parseWire(fs.readFileSync(copy)).format).toBe('nitf');
  } finally {
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
});

test('text the database cannot store (NUL, half a surrogate pair) is left out of the item, with a warning', () => {
  const ninjs = JSON.stringify({
    uri: 'urn:test:unstorable',
    type: 'text',
    headline: 'Harbour\u0000 reopens \ud800',
    body_text: 'A\u0000B \udfff C',
    versioncreated: '2026-11-28T08:00:00Z',
  });
  const [item] = parseWire(new TextEncoder().encode(ninjs)).items;
  expect(item!.headline).toBe('Harbour reopens \ufffd');
  expect(JSON.stringify(item)).not.toMatch(/\\u0000|\\ud800|\\udfff/);
  expect(item!.warnings.some((warning) => warning.includes('cannot be stored'))).toBe(true);
});
