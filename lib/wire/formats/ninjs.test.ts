import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WireParseError } from '../errors';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'ninjs', name));
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

test('ninjs 3 with several body renditions uses the HTML one; its title, vignette and figure stay out of the body', () => {
  const { format, items } = parseWire(fixture('v3-bodies.json'));
  expect(format).toBe('ninjs');
  expect(items[0]).toMatchObject({
    agency: 'TT',
    guid: 'http://example.se/media/text/250401-wd-ferry',
    version: 4,
    urgency: 3,
    headline: 'Ny elfärja sätts in mellan Visby och Nynäshamn',
    subheadline: 'Första eldrivna linjen till Gotland',
    kicker: 'Trafik',
    slugline: 'färja',
    language: 'sv',
    located: 'Gotland',
    imageCredit: 'Sara Fotograf/TT',
    versionCreated: '2025-04-01T11:40:18.000Z',
    editorialNotes: [{ role: null, text: 'Utökad med citat.' }],
    subjects: [
      { code: 'Inrikes', name: 'Inrikes' },
      { code: '04015000', name: 'Sjöfart' },
    ],
  });
  expect(items[0]!.body).toEqual([
    { type: 'paragraph', text: 'Den första eldrivna färjan till Gotland tas i trafik i maj, meddelar rederiet.' },
    { type: 'paragraph', text: 'Vi har väntat länge på det här, säger vd Karin Exempel till TT.' },
    { type: 'paragraph', text: 'Färjan tar 300 passagerare och laddas i hamn.' },
  ]);
  expect(items[0]!.renditions[0]).toMatchObject({ rendition: 'r00', width: 4000, sizeBytes: 5000000 });
});

test('ninjs 1 (Superdesk) body_html loses scripts, styles, iframes, handlers and javascript: links', () => {
  const [item] = parseWire(fixture('v1-superdesk-embargoed.json')).items;
  expect(item!.body.map((block) => block.text)).toEqual([
    'Ovens are the biggest energy users in a bakery.',
    'Heat pumps can recover the waste heat.',
    'Three bakeries in the study cut their gas use by a third.',
  ]);
  expect(JSON.stringify(item)).not.toMatch(/steal|alert|javascript:|color: red|example\.com\/ad/);
});

test('ninjs 1 fields: embargo in UTC, priority is not urgency, and "located" is not taken for a dateline', () => {
  const [item] = parseWire(fixture('v1-superdesk-embargoed.json')).items;
  expect(item).toMatchObject({
    guid: '3f1c9d7e-0000-4000-8000-wd0000000001',
    version: 7,
    embargoUntil: '2025-06-24T02:30:00.000Z',
    urgency: null,
    agency: '360info',
    located: 'Alex Example, Somewhere',
    dateline: null,
    byline: 'Alex Example, University of Somewhere',
    imageCredit: 'Photo by Example Photographer',
    genres: [{ code: 'Feature', name: 'Feature' }],
    descriptions: [{ role: 'summary', text: "Heat pumps can halve a bakery's gas bill." }],
  });
});

test('an AP Media API envelope is unwrapped; a linked-only body is flagged, version 0 reads as 1', () => {
  const [item] = parseWire(fixture('ap-envelope-no-inline-body.json')).items;
  expect(item).toMatchObject({
    agency: 'AP',
    guid: '0000wd0000000000000000000000wd01',
    version: 1,
    urgency: 4,
    byline: 'By SAM EXAMPLE, Associated Press',
    dateline: { place: 'ROTTERDAM, Netherlands', date: null },
    slugline: 'BC-EU-Port-Crane-Fine, 2nd Ld-Writethru',
    body: [],
  });
  expect(item!.warnings).toEqual([
    'The body is not inline, only linked as a rendition; it was not fetched',
    'Version 0 read as 1 (Wiredesk counts versions from 1)',
  ]);
});

test('a list of ninjs items gives one WireItem each', () => {
  const { items } = parseWire(
    json([
      { uri: 'urn:a', headline: 'First' },
      { uri: 'urn:b', headline: 'Second' },
    ]),
  );
  expect(items.map((item) => [item.guid, item.headline])).toEqual([
    ['urn:a', 'First'],
    ['urn:b', 'Second'],
  ]);
});

test.each([
  ['JSON that is not ninjs', json({ hello: 'world', answer: 42 }), /^JSON, but not ninjs/],
  ['broken JSON', new TextEncoder().encode('{"uri": "urn:x", "headline": '), /^Invalid JSON/],
])('%s is refused with a clear reason', (_name, bytes, message) => {
  expect(() => parseWire(bytes)).toThrow(WireParseError);
  expect(() => parseWire(bytes)).toThrow(message);
});
