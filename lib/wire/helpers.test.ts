import { expect, test } from 'vitest';
import { canonicalAgency, findAgencyInId, findAgencyInText } from './agency';
import { parseWireDate } from './dates';
import { extractDateline, parseDatelineText } from './dateline';
import { decodeWireBytes } from './decode-bytes';
import { decodeXmlText } from './entities';
import { detectLanguage, normalizeLanguageTag, resolveLanguage } from './language';
import { splitParagraphs } from './text';
import { WarningCollector } from './warnings';

test.each([
  ['2018-10-21T16:25:32-05:00', '2018-10-21T21:25:32.000Z'],
  ['2018-10-31T11:37:23+01:00    ', '2018-10-31T10:37:23.000Z'],
  ['2014-07-16T15:53:10.000Z', '2014-07-16T15:53:10.000Z'],
  ['2017-10-11T10:41:00+0100', '2017-10-11T09:41:00.000Z'],
  ['20140829T135002Z', '2014-08-29T13:50:02.000Z'],
  ['20020225T143000-0500', '2002-02-25T19:30:00.000Z'],
  ['2019-05-10', '2019-05-10T00:00:00.000Z'],
  ['Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
  ['Mon, 02 Jun 2025 09:00:00 EDT', '2025-06-02T13:00:00.000Z'],
  ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
  ['10 juil. 2024 08:00 +0200', '2024-07-10T06:00:00.000Z'],
  ['YYYYMMDD000000-HHMM', null],
  ['2025-02-30T10:00:00Z', null],
  ['not a date', null],
])('the wire date %j is %j in UTC', (value, expected) => {
  expect(parseWireDate(value, new WarningCollector())).toBe(expected);
});

test('dates are flagged when read leniently, and unreadable ones are named', () => {
  const warnings = new WarningCollector();
  parseWireDate('2020-09-07T14:45:26', warnings);
  parseWireDate('Seg, 24 Set 2018 19:42:40 -0300', warnings);
  parseWireDate('YYYYMMDD000000-HHMM', warnings);
  expect(warnings.list()).toEqual([
    'Times without a time zone were read as UTC',
    'Dates not in RFC 822 form (other languages or word order) were read leniently',
    'Unreadable dates ignored: YYYYMMDD000000-HHMM',
  ]);
});

test.each([
  ['PARIS (AFP) - The president said', { place: 'PARIS', date: null, agency: 'AFP' }],
  ['NAIROBI, Kenya (AP) — Rains fell', { place: 'NAIROBI, Kenya', date: null, agency: 'AP' }],
  ['STOCKHOLM, Aug 29, 2014 (AFP) - A court', { place: 'STOCKHOLM', date: 'Aug 29, 2014', agency: 'AFP' }],
  ['Jan 3 (Reuters) - Residents', { place: null, date: 'Jan 3', agency: 'Reuters' }],
  ['Nueva Delhi, 21 ene (EFE).- Una pareja', { place: 'Nueva Delhi', date: '21 ene', agency: 'EFE' }],
  ['ATLANTA (AP) _ Luol Deng', { place: 'ATLANTA', date: null, agency: 'AP' }],
  ['Paris (ats afp) Les violences', { place: 'Paris', date: null, agency: 'ats afp' }],
  ['København /ritzau/: En mand', { place: 'København', date: null, agency: 'ritzau' }],
  ['(ANSA) - Rome, October 11 - Italian', { place: 'Rome', date: 'October 11', agency: 'ANSA' }],
  ['SAITAMA, Japan, Dec. 9 Kyodo - Urawa', { place: 'SAITAMA, Japan', date: 'Dec. 9', agency: 'Kyodo' }],
  ['OTTAWA - A Manitoba man', { place: 'OTTAWA', date: null, agency: null }],
])('the dateline of %j is read', (paragraph, expected) => {
  expect(extractDateline(paragraph)).toEqual(expected);
});

test.each([
  'The European Union (EU) said on Monday that talks would resume.',
  'North Korea’s Kim Jong Un headed for Russia Tuesday on his armoured train.',
  '(In Jan. 3 story, corrects last paragraph)',
  'By Marwan Makdisi',
])('a paragraph without a dateline gives none: %j', (paragraph) => {
  expect(extractDateline(paragraph)).toBeNull();
});

test.each([
  ['Karlsruhe (dpa) - ', { place: 'Karlsruhe', date: null, agency: 'dpa' }],
  ['FORT WASHINGTON, Pa.', { place: 'FORT WASHINGTON, Pa.', date: null, agency: null }],
  ['Strasbourg, 10 juil 2024 (AFP)', { place: 'Strasbourg', date: '10 juil 2024', agency: 'AFP' }],
  ['2014-07-16 15:53:10 GMT+00:00', null],
])('the dateline element %j reads as %j', (value, expected) => {
  expect(parseDatelineText(value)).toEqual(expected);
});

test.each([
  ['Agence France-Presse', 'AFP'],
  ['The Associated Press', 'AP'],
  ['reuters.com', 'Reuters'],
  ['Deutsche Presse-Agentur GmbH', 'dpa'],
  ['Agencia EFE', 'EFE'],
  ['THE CANADIAN PRESS', 'CP'],
  ['ats afp', 'ATS'],
  ['WENN Newsdesk', 'WENN'],
  ['Example Enews LLP', 'Example Enews LLP'],
])('the agency %j is canonically %j', (value, expected) => {
  expect(canonicalAgency(value)).toBe(expected);
});

test('agencies are found in author blocks and domain ids, and not in ordinary words', () => {
  expect(findAgencyInText('Agence France-Presse (AFP) is an international news agency.')).toBe('AFP');
  expect(findAgencyInText('Reporting by the Associated Press.')).toBe('AP');
  expect(findAgencyInText('We happily map the world.')).toBeNull();
  expect(findAgencyInId('tag:ap.org,2011:5e56-text')).toBe('AP');
  expect(findAgencyInId('urn:newsml:texto.efeservicios.com:2019:1')).toBe('EFE');
  expect(findAgencyInId('tag_reuters.com_2014_newsml_KBN0FL0NN')).toBe('Reuters');
  expect(findAgencyInId('urn:newsml:example.com:1')).toBeNull();
});

test.each([
  ['en-gb', 'en-GB'],
  ['es_ES', 'es-ES'],
  ['nb-NO', 'nb-NO'],
  ['fr', 'fr'],
  ['', null],
  ['english', null],
  ['x', null],
])('the language tag %j is %j in BCP 47', (tag, expected) => {
  expect(normalizeLanguageTag(tag)).toBe(expected);
});

test.each([
  ['The minister said that the talks with the unions were over and that the strike would end.', 'en'],
  ['Le ministre a déclaré que les négociations avec les syndicats sont terminées et que la grève est finie.', 'fr'],
  ['Der Minister sagte, dass die Gespräche mit den Gewerkschaften beendet sind und der Streik vorbei ist.', 'de'],
  [
    'El ministro dijo que las negociaciones con los sindicatos han terminado y que la huelga acabó según el diario.',
    'es',
  ],
  ['هذه فقرة أولى تجريبية مكتوبة لاختبار المحلل فقط وتحتوي على كلمات كثيرة', 'ar'],
])('text is recognised as %#', (text, language) => {
  expect(detectLanguage(text)?.language).toBe(language);
});

test('a declared language is kept but a clear contradiction is flagged; Danish under a Norwegian tag is not', () => {
  const english =
    'The minister said that the talks with the unions were over and that the strike would end, and that the port was open again for the ships that had been waiting.';
  const warnings = new WarningCollector();
  expect(resolveLanguage('it', english, warnings)).toBe('it');
  expect(warnings.list()).toEqual(['Declared language it, but the text reads as en']);
  const quiet = new WarningCollector();
  resolveLanguage(
    'no-NO',
    'En mand er blevet løsladt, og det oplyser politiet. Han sigtes for trusler, og det er ikke første gang at han har været anholdt efter en episode.',
    quiet,
  );
  expect(quiet.list()).toEqual([]);
});

test('character references decode once: XML, numeric, undeclared HTML, and unknown ones left as text', () => {
  const warnings = new WarningCollector();
  expect(decodeXmlText('&lt;b&gt; &amp;amp; &#233;&#x2014; &eacute; &nosuch; R&D &#0;', warnings)).toBe(
    '<b> &amp; é— é &nosuch; R&D ',
  );
  expect(warnings.list()).toEqual([
    'Bare & in the text kept as a literal ampersand',
    'Undeclared HTML entities decoded: &eacute;',
    'Undefined entities left as text (Wiredesk never expands DTD entities): &nosuch;',
    'Invalid character references dropped: &#0;',
  ]);
});

test.each([
  [
    'declared Latin-1 but UTF-8 bytes',
    '<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>',
    'utf-8',
    '<a>é</a>',
    'Declared encoding iso-8859-1, but the bytes are UTF-8; read as UTF-8',
  ],
  [
    'declared Latin-1 and Latin-1 bytes',
    '<?xml version="1.0" encoding="ISO-8859-1"?><a>£</a>',
    'latin1',
    '<a>£</a>',
    null,
  ],
  [
    'undeclared Latin-1',
    '<rss><title>Últimas</title></rss>',
    'latin1',
    'Últimas',
    'Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)',
  ],
  ['UTF-8 with a BOM', '\uFEFF<a>ü</a>', 'utf-8', '<a>ü</a>', null],
] as const)('%s decode correctly', (_name, text, encoding, expected, warning) => {
  const bytes =
    encoding === 'latin1'
      ? Uint8Array.from([...text].map((char) => char.charCodeAt(0)))
      : new TextEncoder().encode(text);
  const warnings = new WarningCollector();
  const decoded = decodeWireBytes(bytes, warnings);
  expect(decoded).toContain(expected);
  expect(decoded.startsWith('\uFEFF')).toBe(false);
  expect(warnings.list()).toEqual(warning ? [warning] : []);
});

test('mostly good UTF-8 with one damaged byte stays UTF-8, with the damage marked', () => {
  const bytes = new TextEncoder().encode('Überall grüne Wälder und Flüsse, schön.');
  const damaged = Uint8Array.from([...bytes.subarray(0, 10), 0xff, ...bytes.subarray(10)]);
  const warnings = new WarningCollector();
  expect(decodeWireBytes(damaged, warnings)).toContain('Wälder');
  expect(warnings.list()).toEqual(['Invalid UTF-8 bytes replaced with U+FFFD']);
});

test('paragraphs split at blank lines and typewriter indents, but not in evenly indented markup', () => {
  expect(splitParagraphs('One line\ncontinued.\n\nTwo.')).toEqual(['One line continued.', 'Two.']);
  expect(splitParagraphs('   First starts\nhere.\n   Second starts\nhere.')).toEqual([
    'First starts here.',
    'Second starts here.',
  ]);
  expect(splitParagraphs('\n      All lines\n      are indented\n    ')).toEqual(['All lines are indented']);
});
