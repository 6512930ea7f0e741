import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'nitf', name));

test('an embargoed NITF item gives its release time as the embargo, in UTC', () => {
  const [item] = parseWire(fixture('embargoed-latin1.xml')).items;
  expect(item).toMatchObject({
    agency: 'PA',
    guid: 'wd-nitf-0042',
    version: 3,
    pubStatus: 'usable',
    urgency: 4,
    embargoUntil: '2025-03-15T00:01:00.000Z',
    versionCreated: '2025-03-14T16:00:00.000Z',
    language: 'en-GB',
    keywords: ['Housing', 'Budget'],
    copyrightHolder: 'Press Association',
  });
  expect(item!.subjects).toEqual([
    { code: '11000000', name: 'Politics' },
    { code: '14000000', name: 'Social issues' },
  ]);
  expect(item!.editorialNotes).toEqual([{ role: null, text: 'Embargoed to 0001 Saturday March 15' }]);
});

test('Latin-1 bytes as declared and a numeric reference both give the pound sign', () => {
  const [item] = parseWire(fixture('embargoed-latin1.xml')).items;
  expect(item!.headline).toBe('COUNCILS TO GET £450M FOR EMPTY HOMES, SAYS MINISTER');
  expect(item!.body[0]!.text).toContain('£450 million');
  expect(item!.warnings.some((warning) => warning.includes('encoding'))).toBe(false);
});

test('byline and byline title stay apart ("Tregear, Press…", never "TregearPress")', () => {
  const [item] = parseWire(fixture('embargoed-latin1.xml')).items;
  expect(item!.byline).toBe('By Morwenna Tregear, Press Association Political Correspondent');
  expect(item!.subheadline).toBe('Money to bring 20,000 homes back into use');
  expect(item!.dateline).toEqual({ place: 'London', date: null });
  expect(item!.descriptions).toEqual([
    { role: 'abstract', text: 'Councils in England will share £450 million to bring empty homes back into use.' },
  ]);
});

test('a NITF body keeps crossheads, lists and table rows as text; media, notes, scripts and escaped embeds go', () => {
  const [item] = parseWire(fixture('embargoed-latin1.xml')).items;
  expect(item!.body).toEqual([
    {
      type: 'paragraph',
      text: 'Councils in England will share £450 million to bring empty homes back into use, the housing minister has announced.',
    },
    {
      type: 'paragraph',
      text: 'The money will go to the 50 areas with the most homes left empty for more than a year.',
    },
    { type: 'heading', text: 'Where the money goes' },
    { type: 'paragraph', text: 'Repairs to council-owned empty homes' },
    { type: 'paragraph', text: 'Loans to private owners' },
    { type: 'paragraph', text: 'Region | Share' },
    { type: 'paragraph', text: 'North East | £90m' },
    { type: 'paragraph', text: 'The opposition said the sum was "a drop in the ocean".' },
    { type: 'paragraph', text: "o'clock briefings will continue, the department said." },
    { type: 'paragraph', text: 'ends' },
  ]);
  expect(JSON.stringify(item)).not.toMatch(/editors and is not part|alert|embed\.js|<div|Terraced houses/);
  expect(item!.warnings).toEqual(
    expect.arrayContaining([
      'Escaped HTML in the body was reduced to text',
      'Double-escaped character references decoded',
    ]),
  );
});

test('undeclared HTML entities are decoded leniently, a bare ampersand kept, and both flagged', () => {
  const [item] = parseWire(fixture('undeclared-entities.xml')).items;
  expect(item!.headline).toBe('Café terraces reopen — with heaters & blankets');
  expect(item!.byline).toBe('By J. Example');
  expect(item!.body.map((block) => block.text)).toEqual([
    'BRIGHTSEA (Example News) – Café owners in Brightsea reopened their terraces on Thursday, charging €2 for a blanket.',
    'Numeric references “still” work, as do — dashes.',
    "The town's R&D office said the heaters were efficient.",
  ]);
  expect(item!.dateline).toEqual({ place: 'BRIGHTSEA', date: null });
  expect(item!.agency).toBe('Example News');
  expect(item!.warnings).toContain('Bare & in the text kept as a literal ampersand');
  expect(item!.warnings).toContainEqual(expect.stringMatching(/^Undeclared HTML entities decoded: &eacute;, &nbsp;/));
});

test('a NITF item without a doc-id gets a content guid, and says so', () => {
  const first = parseWire(fixture('undeclared-entities.xml')).items[0]!;
  const again = parseWire(fixture('undeclared-entities.xml')).items[0]!;
  expect(first.guid).toMatch(/^urn:wiredesk:content:[0-9a-f]{32}$/);
  expect(again.guid).toBe(first.guid);
  expect(first.warnings).toContain('No id in the item; the guid was derived from the content');
});

test('a canceled NITF item is a kill; placeholder dates are ignored with a warning', () => {
  const [item] = parseWire(fixture('canceled-placeholder-dates.xml')).items;
  expect(item).toMatchObject({
    pubStatus: 'canceled',
    urgency: 2,
    agency: 'CP',
    embargoUntil: null,
    versionCreated: '2025-07-03T20:51:36.000Z',
    byline: 'Jean Example and Kim Sample, The Canadian Press',
    dateline: { place: 'Kingston, Ontario, Canada', date: null },
    keywords: ['National', 'Weather'],
    subheadline: 'Ice storm cuts power',
  });
  expect(item!.warnings).toContain('Unreadable dates ignored: YYYYMMDD000000-HHMM');
});

test('a DTD with a SYSTEM entity (XXE) loads nothing: the reference stays literal text', () => {
  const [item] = parseWire(fixture('hostile-xxe.xml')).items;
  expect(item!.headline).toBe('Harmless headline &xxe;');
  expect(item!.body).toEqual([{ type: 'paragraph', text: 'Before &xxe; after &remote; end.' }]);
  expect(JSON.stringify(item)).not.toContain('root:');
  expect(item!.warnings).toContain(
    'DTD entity declarations ignored: Wiredesk never loads DTDs or expands declared entities',
  );
});

test('a billion-laughs DTD expands nothing and parses at once', () => {
  const started = performance.now();
  const [item] = parseWire(fixture('hostile-billion-laughs.xml')).items;
  expect(performance.now() - started).toBeLessThan(1000);
  expect(item!.body.map((block) => block.text)).toEqual(['&lol9;', 'The story goes on.']);
  expect(JSON.stringify(item).length).toBeLessThan(5000);
});
