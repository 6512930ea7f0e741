import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseWire } from '../parse-wire';
import { parseAnpaTrailer } from './anpa1312';
import { parse7901Trailer } from './iptc7901';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name));

test('an IPTC 7901 message gives priority, keyword slug, "=" headline, flag line, trailer time and stops at the notebook', () => {
  const { format, items } = parseWire(fixture('iptc7901/dpa-style-notebook.txt'));
  expect(format).toBe('iptc7901');
  expect(items[0]).toMatchObject({
    agency: 'dpa',
    urgency: 2,
    slugline: 'Denmark-bridge/transport/',
    keywords: ['Denmark-bridge', 'transport'],
    kicker: 'EXTRA',
    headline: "Denmark opens Europe's longest road bridge to cyclists",
    dateline: { place: 'Copenhagen', date: null },
    versionCreated: '2025-07-14T15:30:00.000Z',
    signOff: 'dpa xyz abc',
    language: 'en',
    warnings: [],
  });
  expect(items[0]!.body.map((block) => block.text)).toEqual([
    'Copenhagen (dpa) - Cyclists will be allowed on the new Storholm bridge from next month, the Danish transport ministry said on Monday.',
    'The 19-kilometre bridge links two islands and has been open to cars since March.',
    '"It will be windy," a ministry spokeswoman admitted.',
  ]);
  expect(JSON.stringify(items[0])).not.toMatch(/not for publication|Example Reporter/);
});

test('a Latin-1 7901 message without ETX is read, with the encoding guess and the missing trailer flagged', () => {
  const [item] = parseWire(fixture('iptc7901/ats-latin1-no-etx.txt')).items;
  expect(item).toMatchObject({
    agency: 'ATS',
    urgency: 3,
    kicker: 'Suisse',
    headline: "Les horlogers prévoient «une année record» à l'export",
    dateline: { place: 'Genève', date: null },
    signOff: '(ATS\\/xy)',
    versionCreated: null,
    language: 'fr',
  });
  expect(item!.body).toHaveLength(2);
  expect(item!.warnings).toEqual([
    'Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)',
    'Missing ETX trailer: the message may be incomplete',
  ]);
});

test('an AP ANPA 1312 writethru gives slug, headline, byline with title, crossheads and curly quotes', () => {
  const { format, items } = parseWire(fixture('anpa1312/ap-style-writethru.tst'));
  expect(format).toBe('anpa1312');
  expect(items[0]).toMatchObject({
    agency: 'AP',
    urgency: 5,
    slugline: 'BC-SOC--Harbor-United, 1st Ld-Writethru',
    headline: 'Harbor United wins cup final on penalties',
    byline: 'By PAT EXAMPLE, AP Sports Writer',
    dateline: { place: 'SPRINGVALE, Ore.', date: null },
    versionCreated: '2025-05-04T22:15:00.000Z',
    subjects: [{ code: 'a1312cat:s', name: 'Sports' }],
    editorialNotes: [{ role: 'eds', text: 'Eds: Updates with quotes. With AP Photos.' }],
  });
  expect(items[0]!.body).toEqual([
    {
      type: 'paragraph',
      text: 'SPRINGVALE, Ore. (AP) _ Harbor United won its first cup final on Saturday, beating Lakeside 4-3 on penalties after a 1-1 draw.',
    },
    { type: 'paragraph', text: 'Goalkeeper Dana Sample saved two penalties in the shootout.' },
    { type: 'paragraph', text: '“I just guessed right,” Sample said.' },
    { type: 'paragraph', text: '___' },
    { type: 'heading', text: 'UP NEXT' },
    { type: 'paragraph', text: 'Harbor United: Visits Lakeside next Saturday.' },
  ]);
});

test("Kyodo's ANPA variant: DD-MM trailer, urgent priority, wrapped paragraphs joined, end mark dropped", () => {
  const [item] = parseWire(fixture('anpa1312/kyodo-variant.txt')).items;
  expect(item).toMatchObject({
    agency: 'Kyodo',
    urgency: 3,
    slugline: 'BC-Baseball-Final',
    headline: 'Baseball: Minato Seagulls win title in extra innings',
    dateline: { place: 'OSAKA', date: 'Nov. 3' },
    versionCreated: '2024-11-03T20:15:00.000Z',
  });
  expect(item!.body.map((block) => block.text)).toEqual([
    'OSAKA, Nov. 3 Kyodo - The Minato Seagulls won the national title on Sunday, beating the Kita Hawks 5-4 in the 11th inning.',
    'Shortstop Ren Example drove in the winning run with a single to right field.',
  ]);
});

test.each([
  ['131137 GMT Nov 13', '2013-11-13T11:37:00.000Z'],
  ['091223 dec 18', '2018-12-09T12:23:00.000Z'],
  ['310000 GMT Feb 25', null],
])('the 7901 trailer %s reads as %s', (trailer, expected) => {
  expect(parse7901Trailer(trailer)).toBe(expected);
});

test.each([
  ['AP-WF-02-20-16 0337GMT<', '2016-02-20T03:37:00.000Z'],
  ['KWS-21:37-09-12-18', '2018-12-09T21:37:00.000Z'],
  ['nothing here', null],
])('the ANPA trailer %s reads as %s', (trailer, expected) => {
  expect(parseAnpaTrailer(trailer)).toBe(expected);
});
