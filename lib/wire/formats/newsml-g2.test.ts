import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WireParseError } from '../errors';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'newsml-g2', name));
const paragraphs = (body: { type: string; text: string }[]) => body.filter((block) => block.type === 'paragraph');

test('a NewsML-G2 item gives its metadata normalised: UTC times, BCP 47, canonical agency', () => {
  const { format, items } = parseWire(fixture('item-embargoed-xhtml.xml'));
  expect(format).toBe('newsml-g2');
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    agency: 'AFP',
    guid: 'urn:newsml:afp.com:20250312:wiredesk-fixture-001',
    version: 3,
    pubStatus: 'usable',
    urgency: 3,
    headline: 'Alpine rail tunnel to open two years late, says operator',
    subheadline: 'Cost overrun put at 1.2 billion euros',
    slugline: 'France-transport-rail-tunnel',
    byline: 'By Claire Dumontel',
    dateline: { place: 'GRENOBLE', date: null },
    located: 'Lyon',
    language: 'en-GB',
    keywords: ['rail', 'tunnel'],
    // versionCreated has trailing whitespace in the file and a +01:00 offset.
    versionCreated: '2025-03-12T08:15:00.000Z',
    firstCreated: '2025-03-12T06:02:30.000Z',
    embargoUntil: '2025-03-13T05:00:00.000Z',
    signals: ['sig:update'],
    itemClass: 'text',
    copyrightHolder: 'Agence France-Presse',
  });
  expect(items[0]!.subjects).toEqual([
    { code: 'medtop:20000209', name: 'rail transport' },
    { code: 'medtop:04000000', name: 'economy, business and finance' },
  ]);
  expect(items[0]!.genres).toEqual([{ code: 'genre:report', name: 'Report' }]);
  expect(items[0]!.renditions).toEqual([
    {
      rendition: 'rnd:highRes',
      href: 'https://example.com/pictures/tunnel.jpg',
      contentType: 'image/jpeg',
      width: 3000,
      height: 2000,
      sizeBytes: 1843200,
      durationSeconds: null,
    },
  ]);
});

test('an XHTML body becomes paragraphs and headings; the repeated <h1> headline, scripts and handlers are gone', () => {
  const [item] = parseWire(fixture('item-embargoed-xhtml.xml')).items;
  expect(item!.body).toEqual([
    {
      type: 'paragraph',
      text: 'GRENOBLE (AFP) - The Col de Varenne rail tunnel under the Alps will open two years later than planned, its operator said on Wednesday, blaming flooding in the central section.',
    },
    { type: 'paragraph', text: 'Engineers struck an underground river in 2023, forcing a redesign of the drainage.' },
    { type: 'heading', text: 'Minister "disappointed"' },
    { type: 'paragraph', text: 'The transport minister said she was "disappointed but not surprised".' },
    { type: 'paragraph', text: 'The tunnel will cut the journey between Grenoble and Turin to under two hours.' },
  ]);
  const json = JSON.stringify(item);
  for (const hostile of ['alert', 'onclick', 'onerror', 'hacked', '<script']) expect(json).not.toContain(hostile);
});

test('non-public editorial notes never leave the item; public ones are kept', () => {
  const [item] = parseWire(fixture('item-embargoed-xhtml.xml')).items;
  expect(item!.editorialNotes).toEqual([
    { role: null, text: 'Embargoed until 0500 GMT Thursday. Adds quote from minister.' },
  ]);
  expect(JSON.stringify(item)).not.toContain('Desk contact');
});

test('a NewsML-G2 message with three items gives three WireItems in order', () => {
  const { items } = parseWire(fixture('message-three-items.xml'));
  expect(items.map((item) => [item.guid, item.version, item.pubStatus])).toEqual([
    ['tag:reuters.com,2025:newsml_WD0001', 1041, 'usable'],
    ['tag:reuters.com,2025:newsml_WD0001', 1042, 'canceled'],
    ['urn:newsml:example.org:20250402:wd-ansa-like', 1, 'withheld'],
  ]);
  expect(items.map((item) => item.agency)).toEqual(['Reuters', 'Reuters', 'ANSA']);
});

test('a kill (stat:canceled, edStat:D) keeps its headline and has an empty body', () => {
  const killed = parseWire(fixture('message-three-items.xml')).items[1]!;
  expect(killed).toMatchObject({ pubStatus: 'canceled', signals: ['edStat:D'], body: [] });
  expect(killed.headline).toBe('CORRECTED-Baltic port strike ends after pay deal');
});

test('a G2 dateline holding a timestamp is not a place: the body dateline is used and the repair is noted', () => {
  const [item] = parseWire(fixture('message-three-items.xml')).items;
  expect(item!.dateline).toEqual({ place: null, date: 'April 2' });
  expect(item!.located).toBe('Gdansk');
  expect(item!.warnings).toContainEqual(expect.stringContaining('not a place'));
  // Byline and correction note stay in the copy; hard-wrapped XHTML paragraphs are joined.
  expect(paragraphs(item!.body).map((block) => block.text)).toEqual([
    'By Piotr Zalewski',
    '(Corrects number of workers in paragraph 2)',
    'April 2 (Reuters) - Dock workers at three Baltic ports ended a five-day strike on Wednesday after unions accepted a pay rise.',
    'About 2,300 workers had walked out, halting container traffic at the height of the spring season.',
  ]);
});

test('plain text in inlineData with typewriter indents splits into paragraphs; the wrong language tag is flagged', () => {
  const item = parseWire(fixture('message-three-items.xml')).items[2]!;
  expect(item.body.map((block) => block.text)).toEqual([
    "(ANSA) - Venice, April 2 - The mobile barrier that protects the lagoon was raised on Wednesday for the highest tide of the year, keeping St Mark's Square dry.",
    '"The system worked as it was designed to," the city\'s engineer said.',
    'The barrier has been raised 90 times since it entered service.',
  ]);
  expect(item.dateline).toEqual({ place: 'Venice', date: 'April 2' });
  expect(item.language).toBe('it');
  expect(item.warnings).toContain('Declared language it, but the text reads as en');
  expect(item.versionCreated).toBe('2025-04-02T10:00:00.000Z');
});

test('a NITF body inside a newsMessage is read, and the dateline element wins over located', () => {
  const [item] = parseWire(fixture('message-nitf-body.xml')).items;
  expect(item).toMatchObject({
    agency: 'AP',
    dateline: { place: 'BOULDER, Colo.', date: null },
    located: 'Denver',
    slugline: 'BC-US--Earns-Example Foods, 1st Ld-Writethru',
    keywords: ['Earnings Report'],
  });
  expect(item!.body.map((block) => block.text)).toEqual([
    'BOULDER, Colo. (AP) _ Example Foods Inc. on Tuesday reported first-quarter net income of $12.4 million.',
    'The snack maker posted revenue of $210 million in the period.',
    '_____',
  ]);
});

test('a withheld right-to-left item keeps its Arabic text and the RLM mark', () => {
  const [item] = parseWire(fixture('withheld-rtl.xml')).items;
  expect(item).toMatchObject({ pubStatus: 'withheld', version: 2, urgency: 2, language: 'ar' });
  expect(item!.headline).toBe('افتتاح مكتبة جديدة في المدينة القديمة');
  expect(item!.body).toHaveLength(2);
  expect(item!.body[1]!.text).toContain('\u200F(RLM)');
  expect(item!.warnings).toEqual([]);
});

test('a truncated NewsML-G2 item is refused with the element that was cut off', () => {
  expect(() => parseWire(fixture('truncated-item.xml'))).toThrow(WireParseError);
  expect(() => parseWire(fixture('truncated-item.xml'))).toThrow('Truncated XML: <newsItem> is not closed');
});
