import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WireParseError } from '../errors';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'plain-text', name));

test('web copy gives section from the breadcrumb, headline, image credit, dateline and agency from the author block', () => {
  const { format, items } = parseWire(fixture('web-copy-afp.txt'));
  expect(format).toBe('plain-text');
  expect(items[0]).toMatchObject({
    section: 'Europe',
    headline: 'Harbour town of Valmoreau votes to ban cruise ships from its old port',
    imageCredit: 'Example Picture Desk',
    dateline: { place: 'VALMOREAU, France', date: null },
    agency: 'AFP',
    language: 'en',
    version: 1,
    pubStatus: 'usable',
    byline: null,
    embargoUntil: null,
    warnings: [],
  });
});

test('web copy crossheads with en-dashes or hyphens and curly or straight quotes become headings', () => {
  const [item] = parseWire(fixture('web-copy-afp.txt')).items;
  expect(item!.body.filter((block) => block.type === 'heading').map((block) => block.text)).toEqual([
    'A price worth paying',
    'What happens next',
  ]);
  expect(item!.body).toHaveLength(8);
});

test('the related link, the author block and page furniture never reach the body', () => {
  const [item] = parseWire(fixture('web-copy-afp.txt')).items;
  const text = item!.body.map((block) => block.text).join('\n');
  for (const junk of [
    "Lighthouse keepers' union",
    'Source:',
    'About the author',
    'international news agency',
    'Share this article',
    'Advertisement',
    'Daily Newsletter',
  ]) {
    expect(text).not.toContain(junk);
  }
  expect(item!.body[0]!.text).toMatch(/^VALMOREAU, France \(AFP\) - Residents/);
  expect(item!.body.at(-1)!.text).toMatch(/^The ban takes effect next spring/);
});

test('web copy without an id gets a content guid that ignores line endings and spacing', () => {
  const lf = parseWire(fixture('web-copy-afp.txt')).items[0]!;
  const crlf = parseWire(
    new TextEncoder().encode(
      fs
        .readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'plain-text', 'web-copy-afp.txt'), 'utf8')
        .replace(/\n/g, '\r\n')
        .replace(/ the /g, '  the '),
    ),
  ).items[0]!;
  expect(lf.guid).toMatch(/^urn:wiredesk:content:[0-9a-f]{32}$/);
  expect(crlf.guid).toBe(lf.guid);
});

test('CRLF web copy with a › breadcrumb and an AP dateline is credited to AP', () => {
  const [item] = parseWire(fixture('web-copy-ap-crlf.txt')).items;
  expect(item).toMatchObject({
    section: 'Business',
    headline: 'Lake Tamsu ferry operator orders six electric boats',
    dateline: { place: 'NAIROBI, Kenya', date: null },
    agency: 'AP',
    imageCredit: null,
  });
  expect(item!.body).toEqual([
    {
      type: 'paragraph',
      text: 'NAIROBI, Kenya (AP) — The company that runs passenger ferries on Lake Tamsu said Tuesday it had ordered six battery-powered boats, the first on the lake.',
    },
    {
      type: 'paragraph',
      text: 'The boats will carry up to 120 passengers each and will be built at a yard in Mombasa, the company said.',
    },
    { type: 'heading', text: 'Cheaper to run' },
    {
      type: 'paragraph',
      text: 'Managing director Amina Wekesa said the boats would cost less to run than diesel ferries within four years.',
    },
  ]);
});

test('a single line of text is not a story', () => {
  const oneLine = new TextEncoder().encode('Just a headline\n');
  expect(() => parseWire(oneLine)).toThrow(WireParseError);
  expect(() => parseWire(oneLine)).toThrow('Not a wire format Wiredesk knows (a single line of text is not a story)');
});

test('markup pasted into web copy is reduced to its words; no tag survives', () => {
  const copy = new TextEncoder().encode(
    'News World\nA headline\nFirst paragraph with <b onclick="steal()">bold</b> words<script>alert(1)</script>.\n<img src=x onerror=alert(2)>\nSecond paragraph.\n',
  );
  const [item] = parseWire(copy).items;
  expect(item!.body.map((block) => block.text)).toEqual(['First paragraph with bold words.', 'Second paragraph.']);
  expect(item!.warnings).toContain('Markup in the text was reduced to text');
});
