import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { WireParseError } from './errors';
import { parseWire } from './parse-wire';
import type { WireFormat, WireItem } from './wire-item';

/*
 * The real agency samples in ../shared/wire-samples (not part of this repository: the
 * copy is the agencies'), checked against the values their MANIFEST.md states. Where our
 * output deliberately differs from a MANIFEST count, the entry says why.
 */
const SAMPLES = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'wire-samples');
const present = fs.existsSync(path.join(SAMPLES, 'MANIFEST.md'));

type ItemExpectation = {
  index?: number;
  fields?: Partial<WireItem>;
  /** Paragraph blocks (headings are counted apart). */
  paragraphs?: number;
  headings?: number;
  subjectsInclude?: string[];
  signalsInclude?: string[];
  renditions?: number;
  warningIncludes?: string[];
  bodyExcludes?: string[];
  firstParagraphStartsWith?: string;
};
type SampleExpectation = { format: WireFormat; items?: number; error?: string; expect: ItemExpectation[] };

const EXPECTED: Record<string, SampleExpectation> = {
  // 0. Plain-text web copy
  'text/afp-kim-train-to-russia.txt': {
    format: 'plain-text',
    expect: [
      {
        fields: {
          section: 'World',
          headline: 'North Korean leader Kim Jong Un travels by train to Russia for Putin talks',
          imageCredit: 'Pixabay',
          agency: 'AFP',
          byline: null,
          dateline: null,
          embargoUntil: null,
          language: 'en',
          version: 1,
          pubStatus: 'usable',
        },
        paragraphs: 26,
        headings: 1,
        firstParagraphStartsWith: 'North Korea’s Kim Jong Un headed for Russia Tuesday',
        bodyExcludes: [
          "North Korea mocks US envoy's Asia trip",
          'Source: Pixabay',
          'About the author',
          'Agence France-Presse',
          'Daily Newsletter',
        ],
      },
    ],
  },
  // The MANIFEST's section 8 writes the breadcrumb as "News World"; the rule (section 0 and
  // the issue) is breadcrumb → last segment, so the section is "World" here too.
  'text/synthetic-layout-edgecase.txt': {
    format: 'plain-text',
    expect: [{ fields: { section: 'World', imageCredit: null }, paragraphs: 4, headings: 2 }],
  },

  // 1. NewsML-G2
  'newsml-g2/iptc-listing1-embargoed.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'Fed to halt QE to avert "bubble"',
          slugline: 'US-Finance-Fed',
          located: 'Berlin',
          dateline: null,
          language: 'en-GB',
          agency: 'Reuters',
          copyrightHolder: 'Example Enews LLP',
          guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
          version: 11,
          pubStatus: 'usable',
          embargoUntil: '2018-10-23T12:00:00.000Z',
          urgency: null,
          genres: [{ code: 'genre:interview', name: 'Interview' }],
        },
        subjectsInclude: ['medtop:04000000', 'medtop:20000523'],
        signalsInclude: ['sig:update'],
        paragraphs: 0,
      },
    ],
  },
  'newsml-g2/iptc-listing4-afp-video-renditions.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          guid: 'urn:newsml:afp.com:20140131:CNG.3424d3807bc.391@video_1359566',
          version: 11,
          itemClass: 'video',
          agency: 'AFP',
          pubStatus: 'usable',
          language: 'en',
          headline: null,
          versionCreated: '2018-10-31T10:37:23.000Z',
        },
        renditions: 3,
        paragraphs: 0,
        warningIncludes: ['No headline in the item'],
      },
    ],
  },
  'newsml-g2/ap-newsmessage-3items-nitf.xml': {
    format: 'newsml-g2',
    items: 3,
    expect: [
      {
        index: 0,
        fields: {
          guid: 'tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text',
          version: 2,
          headline: 'Nutrisystem beats 4Q earnings and revenue expectations',
          slugline: 'BC-US--Earns-Nutrisystem, 1st Ld-Writethru',
          dateline: { place: 'FORT WASHINGTON, Pa.', date: null },
          located: 'Pittsburgh',
          language: 'en',
          urgency: 4,
          pubStatus: 'usable',
          byline: null,
          agency: 'AP',
          keywords: ['Nutrisystem', 'Earnings Report', 'Pennsylvania'],
          editorialNotes: [{ role: null, text: 'Eds: Adds full-year results.' }],
        },
        paragraphs: 10,
      },
      {
        index: 1,
        fields: {
          guid: 'tag:ap.org,2011:b6d5d4eb781939b5fe8722f3fba28ee2-text',
          version: 2,
          headline: 'DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations',
          dateline: { place: 'BETHESDA, Md.', date: null },
        },
        paragraphs: 11,
      },
      {
        index: 2,
        fields: {
          guid: 'tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text',
          version: 1,
          headline: 'Scripps Networks tops 4Q profit and revenue expectations',
          dateline: { place: 'KNOXVILLE, Tenn.', date: null },
        },
        paragraphs: 7,
      },
    ],
  },
  // MANIFEST: 28 <p>, two of them empty; the 26 with text include the byline and the credits.
  'newsml-g2/reuters-assad-text-v5.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'Confident Assad launches new term in stronger position',
          slugline: 'US-SYRIA-CRISIS-ASSAD',
          byline: 'By Marwan Makdisi',
          dateline: { place: 'DAMASCUS', date: null },
          located: 'Bangalore',
          language: 'en-US',
          guid: 'tag_reuters.com_2014_newsml_KBN0FL0NN',
          version: 5,
          pubStatus: 'usable',
          versionCreated: '2014-07-16T15:53:10.000Z',
          urgency: 4,
          agency: 'Reuters',
        },
        signalsInclude: ['edStat:U'],
        subjectsInclude: ['subj:02000000', 'subj:11001002', 'N2:SY', 'MCC:a'],
        paragraphs: 26,
        warningIncludes: ['not a place'],
      },
    ],
  },
  'newsml-g2/reuters-flood-corrected.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream',
          slugline: 'USA-WEATHER/ (UPDATE 1, PIX, CORRECTED)',
          byline: null,
          language: 'en',
          guid: 'tag:reuters.com,0000:newsml_L1N14N0FF',
          version: 978556838,
          pubStatus: 'usable',
          versionCreated: '2016-01-04T15:43:34.000Z',
          urgency: 3,
          dateline: { place: null, date: 'Jan 3' },
        },
        signalsInclude: ['edStat:C'],
        subjectsInclude: ['subj:04015000', 'subj:17000000'],
        paragraphs: 16,
        firstParagraphStartsWith: '(In Jan. 3 story, corrects last paragraph',
      },
    ],
  },
  'newsml-g2/reuters-flood-canceled.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          pubStatus: 'canceled',
          version: 1542761538,
          versionCreated: '2016-01-04T16:34:45.000Z',
          headline: 'CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream',
          slugline: 'USA-WEATHER/ (UPDATE 1, PIX, CORRECTED)',
          guid: 'tag:reuters.com,0000:newsml_L1N14N0FF',
        },
        signalsInclude: ['edStat:D'],
        paragraphs: 0,
      },
    ],
  },
  'newsml-g2/reuters-picture-3renditions.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'Cast member Vin Diesel arrives at the premiere of "Guardians of the Galaxy" in Hollywood',
          slugline: 'USA-ENTERTAINMENT/',
          byline: 'MARIO ANZUONI',
          language: 'en',
          guid: 'tag_reuters.com_0000_newsml_GM1EA7M13RP01',
          version: 484616934,
          pubStatus: 'usable',
          urgency: 4,
          versionCreated: '2014-07-22T06:20:12.000Z',
          itemClass: 'picture',
        },
        subjectsInclude: ['subj:01000000'],
        renditions: 3,
        paragraphs: 0,
      },
    ],
  },
  // MANIFEST: 11 paragraphs plus the teaser, which is the standfirst (subheadline) here.
  'newsml-g2/dpa-ikea-long-update-v24.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: '«Mo» gegen «Malm» - Ikea verliert Land im Betten-Krieg',
          slugline: 'Prozesse/Urteile/Möbel/Unternehmen/Deutschland/Schweden/Design',
          byline: 'Von Anja Semmelroch, dpa',
          dateline: { place: 'Karlsruhe', date: null },
          language: 'de',
          guid: 'urn:newsml:dpa.com:20090101:170627-99-11003',
          version: 24,
          pubStatus: 'usable',
          versionCreated: '2017-06-29T15:20:17.000Z',
          urgency: 3,
          agency: 'dpa',
          keywords: ['Design'],
          genres: [{ code: 'dpatextgenre:14', name: 'KORR-Bericht' }],
        },
        signalsInclude: ['sig:update', 'dpasig:isplanned'],
        subjectsInclude: [
          'dpacountry:1',
          'dpacountry:145',
          'medtop:20000111',
          'medtop:20000325',
          'medtop:20000349',
          'dpasubject:63',
          'dpacat:wi',
        ],
        paragraphs: 11,
        bodyExcludes: [
          'Ansprechpartner',
          'pressestelle@bgh.bund.de',
          'dpa sem yysw a3 bvi',
          'Notizblock',
          'Das Ikea-Bett',
        ],
      },
    ],
  },
  'newsml-g2/dpa-dfb-correction-v3.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'DFB sperrt ersten Osnabrücker Spieler wegen Manipulationsversuch',
          slugline: 'Fußball/Niedersachsen/Deutschland/3. Liga/DFB',
          byline: null,
          dateline: { place: 'Frankfurt/Main', date: null },
          language: 'de',
          version: 3,
          pubStatus: 'usable',
          versionCreated: '2017-06-29T16:12:00.000Z',
          urgency: 3,
          keywords: ['3. Liga', 'DFB'],
        },
        signalsInclude: ['sig:correction'],
        subjectsInclude: ['dpaarea:9', 'dpacountry:1', 'medtop:20001065', 'dpacat:sp'],
        paragraphs: 2,
      },
    ],
  },
  // MANIFEST: 46 <p>, 7 empty, one only wrapping the h3: 38 paragraphs, 2 headings.
  'newsml-g2/stt-fi-no-headline.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: null,
          byline: null,
          dateline: { place: 'Helsinki', date: null },
          located: 'Helsinki',
          language: 'fi-FI',
          guid: 'urn:newsml:stt.fi:20171219:101801633',
          version: 4,
          pubStatus: 'usable',
          urgency: 3,
          agency: 'STT',
        },
        signalsInclude: ['sig:update', 'update:append-major-content'],
        subjectsInclude: ['stt-topics:437036', 'sttdepartment:9'],
        paragraphs: 38,
        headings: 2,
        warningIncludes: ['No headline in the item', 'Declared language fi-FI, but the text reads as en'],
      },
    ],
  },
  'newsml-g2/ansa-text-subheadline.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'Catalan independence declaration unacceptable - Alfano',
          subheadline: 'Foreign minister expresses faith in Spanish government',
          located: 'Rome',
          dateline: { place: 'Rome', date: 'October 11' },
          language: 'it',
          guid: 'tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a',
          version: 1,
          pubStatus: 'usable',
          urgency: 5,
          agency: 'ANSA',
        },
        signalsInclude: ['sig:routing'],
        subjectsInclude: ['ALR', 'Catalan independence declaration unacceptable - Alfano'],
        renditions: 1,
        paragraphs: 4,
        warningIncludes: ['Declared language it, but the text reads as en'],
      },
    ],
  },

  // 2. NewsML 1.2 (the guid drops the revision suffix of the PublicIdentifier).
  'newsml-1.2/afp-saab-en.xml': {
    format: 'newsml-1',
    expect: [
      {
        fields: {
          headline: 'Sweden court accepts receivership for Saab carmaker',
          slugline: 'Sweden-SAAB',
          dateline: { place: 'STOCKHOLM', date: 'Aug 29, 2014' },
          byline: null,
          language: 'en',
          guid: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86',
          version: 1,
          pubStatus: 'usable',
          urgency: 4,
          agency: 'AFP',
          keywords: ['Sweden', 'China', 'auto', 'business', 'bankruptcy', 'Saab'],
          genres: [
            { code: 'business', name: null },
            { code: 'bankruptcy', name: null },
          ],
          signOff: 'hh/ph/ts/hd',
          subjects: ['04011002', '04016007', '04000000', '04016038', '04011000'].map((code) => ({ code, name: null })),
        },
        paragraphs: 9,
      },
    ],
  },
  'newsml-1.2/afp-fr-declared-latin1-actually-utf8.xml': {
    format: 'newsml-1',
    expect: [
      {
        fields: {
          headline: "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée",
          slugline: 'procès-santé-secours',
          dateline: { place: 'Strasbourg', date: '10 juil 2024' },
          copyrightHolder: '© 2024 AFP',
          language: 'fr',
          guid: 'urn:newsml:afp.com:20240710:240710125902.qpsp2jzk',
          version: 1,
          pubStatus: 'usable',
          urgency: null,
        },
        paragraphs: 2,
        warningIncludes: ['Declared encoding iso-8859-1, but the bytes are UTF-8; read as UTF-8'],
      },
    ],
  },
  'newsml-1.2/afp-no-headline.xml': {
    format: 'newsml-1',
    expect: [
      {
        fields: {
          headline: null,
          dateline: { place: 'Ouagadougou', date: 'Dec 20, 2017' },
          slugline: 'Burkina-Faso',
          guid: 'urn:newsml:afp.com:20171220T134757Z:TX-PAR-NBK16',
          pubStatus: 'usable',
          urgency: 4,
          keywords: ['Burkina', 'NKorea', 'sanctions', 'UN'],
          located: 'Ouagadougou',
          signOff: 'ab/de/dl/hmw',
        },
        subjectsInclude: ['11014000', '11005001', '04000000', '04008000', '11000000', '04017000'],
        paragraphs: 8,
        firstParagraphStartsWith: 'Burkina Faso is banning imports',
      },
    ],
  },
  'newsml-1.2/efe-es-lions-zoo.xml': {
    format: 'newsml-1',
    expect: [
      {
        fields: {
          headline: 'Leones matan a un joven que se coló en un zoológico de la India',
          subheadline: 'INDIA SUCESOS',
          byline: 'daa/mt/msr',
          dateline: { place: 'Nueva Delhi', date: '21 ene' },
          language: 'es-ES',
          guid: 'urn:newsml:texto.efeservicios.com:20190121T103600+0000:25413502',
          pubStatus: 'usable',
          urgency: 5,
          agency: 'EFE',
        },
        subjectsInclude: ['02001000', '01026000'],
        paragraphs: 9,
      },
    ],
  },

  // 3. NITF
  'nitf/ap-pollution-trading.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'Can trading pollution like stocks help fight climate change?',
          byline: 'By BERNARD CONDON, AP Business Writer',
          dateline: { place: 'NEW YORK', date: null },
          agency: 'AP',
          versionCreated: '2015-12-10T19:10:44.000Z',
          editorialNotes: [{ role: null, text: 'For global distribution' }],
          urgency: null,
        },
        paragraphs: 28,
        warningIncludes: ['No id in the item; the guid was derived from the content'],
      },
    ],
  },
  'nitf/pa-embargoed-politics.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS",
          byline: 'By Benjamin Wright, Press Association',
          embargoUntil: '2016-09-08T23:01:00.000Z',
          guid: '4a82e12e-6b39-47eb-8e59-2c616a7e32a4HHH-13-1',
          versionCreated: '2016-09-08T12:24:46.000Z',
          urgency: 4,
          keywords: ['UnitedKingdom'],
          subjects: [{ code: '04015000', name: null }],
          editorialNotes: [{ role: null, text: '(see also POLITICS EU) Embargoed to 0001 Friday September 9' }],
          agency: 'PA',
        },
        paragraphs: 1,
      },
    ],
  },
  'nitf/pa-brexit-ncr-pound.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY',
          byline: 'By Sam Lister, Press Association Political Correspondent',
          guid: '17b7b4c3-6e05-4690-b7cb-37b5c99c9a86HHH-5-1',
          pubStatus: 'usable',
          urgency: 4,
          versionCreated: '2016-10-10T23:13:27.000Z',
          keywords: ['Brexit'],
        },
        paragraphs: 19,
        firstParagraphStartsWith: 'Treasury coffers will take a £66 billion annual hit',
      },
    ],
  },
  // MANIFEST: 40 <p> (one empty) and 11 crossheads. The 3 escaped embeds reduce to nothing;
  // the 7 list items are text blocks too: 39 - 3 + 7 = 43.
  'nitf/ntb-faktisk-nb-long.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030',
          byline: 'Geir Molnes / Faktisk.no',
          dateline: { place: 'Oslo', date: null },
          language: 'nb-NO',
          guid: 'faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c_47',
          version: 48,
          urgency: 5,
          versionCreated: '2020-09-07T14:45:26.000Z',
          agency: 'NTB',
        },
        paragraphs: 43,
        headings: 11,
        bodyExcludes: ['<div', '<script', 'embed.js', '&#'],
        warningIncludes: ['Escaped HTML in the body was reduced to text'],
      },
    ],
  },
  // MANIFEST: 6 <p>; the 3 list items of the "Local Nooks" block are text blocks too.
  'nitf/iptc-sample-fishing.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'Weather and Tide Updates for Norfolk',
          subheadline: 'A sample, fictitious NITF article',
          byline: 'By Alan Karben, NITF Network News Online',
          dateline: { place: 'Newport News, VA', date: null },
          guid: 'iptc.321656141.b',
          pubStatus: 'canceled',
          urgency: 3,
          versionCreated: '2002-02-25T19:30:00.000Z',
          embargoUntil: '2002-02-26T14:30:00.000Z',
          keywords: ['fishing', 'lures', 'tides'],
        },
        subjectsInclude: ['17000000', '17004000', '04001002'],
        paragraphs: 9,
        headings: 2,
        bodyExcludes: ['This sample article was created completely from scratch', 'The tides, captured on film'],
      },
    ],
  },
  'nitf/cp-invalid-date-placeholders.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'Man accused of ramming gate at Rideau Hall with truck faces multiple charges',
          subheadline: 'Rideau Hall suspect faces multiple charges',
          byline: 'Mia Rabson and Jordan Press, The Canadian Press',
          dateline: { place: 'Ottawa, Ontario, Canada', date: null },
          guid: 'eed713d46d74499d86b3250fa47b341b',
          urgency: 2,
          versionCreated: '2020-07-03T20:51:36.000Z',
          embargoUntil: null,
          keywords: ['National', 'Justice', 'Politics'],
          agency: 'CP',
        },
        paragraphs: 27,
        warningIncludes: ['Unreadable dates ignored: YYYYMMDD000000-HHMM'],
      },
    ],
  },
  'nitf/ritzau-declared-latin1-actually-utf8.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: '*En 41-årig mand, der onsdag blev anholdt og sat i forbindel',
          byline: null,
          dateline: { place: 'København', date: null },
          guid: '20160512:RTZ:8883:0',
          version: 4,
          urgency: 3,
          versionCreated: '2016-05-11T22:05:13.000Z',
          agency: 'Ritzau',
          subjects: [{ code: '02000000', name: 'Kriminalitet og rettsvesen' }],
        },
        paragraphs: 4,
        warningIncludes: ['Declared encoding iso-8859-1, but the bytes are UTF-8; read as UTF-8'],
      },
    ],
  },
  // MANIFEST: 4 <p> and a table; the table's 11 rows become one text block each.
  'nitf/ap-agate-table-top-ten.xml': {
    format: 'nitf',
    expect: [
      {
        fields: {
          headline: 'Top Ten',
          byline: null,
          dateline: null,
          agency: 'AP',
          versionCreated: '2021-07-06T05:35:42.000Z',
        },
        paragraphs: 15,
        headings: 4,
        firstParagraphStartsWith: 'THROUGH JULY 5',
      },
    ],
  },

  // 4. IPTC 7901
  'iptc7901/dpa-coalition-en.txt': {
    format: 'iptc7901',
    expect: [
      {
        fields: {
          urgency: 4,
          slugline: 'Germany-politics/',
          headline: 'Germany Social Democrats: Coalition talks with Merkel could fail',
          dateline: { place: 'Berlin', date: null },
          byline: null,
          versionCreated: '2013-11-13T11:37:00.000Z',
          agency: 'dpa',
          signOff: 'dpa wsz jln npr',
        },
        paragraphs: 5,
        bodyExcludes: ['NOTEBOOK', 'Contacts', 'englishservice@dpa.com'],
      },
    ],
  },
  'iptc7901/dpa-extra-two-line-headline.txt': {
    format: 'iptc7901',
    expect: [
      {
        fields: {
          urgency: 3,
          slugline: 'Yemen/conflict/',
          kicker: 'EXTRA',
          headline: 'Peace talks on Yemen to take place in Sweden next month, Mattis says',
          dateline: { place: 'Washington', date: null },
          versionCreated: '2018-11-21T21:01:00.000Z',
        },
        paragraphs: 4,
        bodyExcludes: ['dpaq.de', 'Notebook'],
      },
    ],
  },
  'iptc7901/ats-fr-latin1.txt': {
    format: 'iptc7901',
    expect: [
      {
        fields: {
          urgency: 3,
          slugline: 'France',
          headline: 'Gilets jaunes: une «catastrophe pour notre économie» (Le Maire)',
          dateline: { place: 'Paris', date: null },
          versionCreated: '2018-12-09T12:23:00.000Z',
          signOff: '(SDA\\/sj)',
          agency: 'ATS',
          language: 'fr',
        },
        paragraphs: 3,
        warningIncludes: ['Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)'],
      },
    ],
  },

  // 5. ANPA 1312
  'anpa1312/ap-heat-hawks-writethru.tst': {
    format: 'anpa1312',
    expect: [
      {
        fields: {
          slugline: 'BC-BKN--Heat-Hawks, 1st Ld-Writethru',
          headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111',
          byline: 'By CHARLES ODUM, AP Sports Writer',
          dateline: { place: 'ATLANTA', date: null },
          versionCreated: '2016-02-20T03:37:00.000Z',
          agency: 'AP',
          editorialNotes: [{ role: 'eds', text: 'Eds: Heat 115, Hawks 111. Updates. With AP Photos.' }],
        },
        // 16 text paragraphs and the ___ rule; TIP-INS and UP NEXT are headings.
        paragraphs: 17,
        headings: 2,
      },
    ],
  },
  'anpa1312/ap-newsalert-oneline.tst': {
    format: 'anpa1312',
    expect: [
      {
        fields: {
          urgency: 2,
          slugline: 'BC-US--APNewsAlert',
          headline: null,
          dateline: { place: 'HONOLULU', date: null },
          versionCreated: '2017-06-29T23:50:00.000Z',
        },
        subjectsInclude: ['a1312cat:a'],
        paragraphs: 1,
      },
    ],
  },
  'anpa1312/ap-entertainment-headlines.tst': {
    format: 'anpa1312',
    expect: [
      {
        fields: {
          slugline: 'AP-Top-Entertainment-Headlines',
          headline: 'AP Top Entertainment News at 11:23 p.m. EST',
          versionCreated: '2016-02-10T04:23:00.000Z',
        },
        subjectsInclude: ['a1312cat:e'],
        paragraphs: 0,
      },
    ],
  },
  'anpa1312/kyodo-emperors-cup-variant.txt': {
    format: 'anpa1312',
    expect: [
      {
        fields: {
          urgency: 3,
          slugline: "BC-Soccer-Emperor's-Cup",
          headline: "Soccer: Urawa Reds claim 7th Emperor's Cup by beating Vegalta Sendai",
          dateline: { place: 'SAITAMA, Japan', date: 'Dec. 9' },
          versionCreated: '2018-12-09T21:37:00.000Z',
          agency: 'Kyodo',
        },
        subjectsInclude: ['a1312cat:s'],
        paragraphs: 11,
        bodyExcludes: ['==Kyodo'],
      },
    ],
  },

  // 6. ninjs
  'ninjs/iptc-ex-dpa-text-3.0.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
          byline: 'Von Christian Hollmann, dpa',
          language: 'de',
          agency: 'dpa',
          guid: 'urn:newsml:dpa.com:20090101:190510-99-167362',
          version: 2,
          pubStatus: 'usable',
          urgency: 4,
          versionCreated: '2019-05-10T14:02:28.000Z',
          itemClass: null,
          subjects: [],
          dateline: null,
        },
        paragraphs: 9,
      },
    ],
  },
  'ninjs/iptc-ex-ntb-text-3.0.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'Google har kjøpt giganttomt i Skien',
          slugline: 'skien-google',
          byline: 'NTB',
          language: 'nb-NO',
          located: 'Telemark',
          guid: 'urn:8d19cf88-b3ab-4972-8fec-1207599f2872',
          version: 6,
          pubStatus: 'usable',
          urgency: 5,
          editorialNotes: [{ role: null, text: 'Noe utvidet.' }],
        },
        subjectsInclude: ['Innenriks', '13010000', '04011000', '04005000'],
        paragraphs: 0,
      },
    ],
  },
  'ninjs/iptc-ex-tt-text-image-3.0.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'Militärövning i jätteformat hålls 2023',
          slugline: 'militärövning',
          kicker: 'Försvar',
          agency: 'TT',
          byline: null,
          guid: 'http://tt.se/media/text/210526-militarovning-a0f2d045',
          version: 1,
          pubStatus: 'usable',
          urgency: 3,
          versionCreated: '2021-05-26T11:40:18.000Z',
          located: 'Sverige',
        },
        subjectsInclude: ['16000000'],
        paragraphs: 4,
      },
    ],
  },
  'ninjs/iptc-ex-ap-video-3.0.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'House leaders double down on impeachment positions',
          slugline: 'US Pelosi McCarthy (CR)',
          located: 'Washington',
          language: 'en',
          itemClass: 'video',
          pubStatus: 'usable',
          firstCreated: '2019-11-14T18:50:56.000Z',
          editorialNotes: [{ role: null, text: 'APWhollyOwned' }],
          agency: 'AP',
        },
        renditions: 10,
        paragraphs: 0,
        // ninjs "0" is AP's first version; Wiredesk versions are positive.
        warningIncludes: ['Version 0 read as 1 (Wiredesk counts versions from 1)'],
      },
    ],
  },
  'ninjs/superdesk-embargoed-v11.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'Trouble is brewing for the future of beer',
          slugline: 'Climate-smart food',
          byline: 'Aaron J. Staples, Michigan State University',
          located: 'Aaron J. Staples, Michigan',
          dateline: null,
          guid: 'fd8e441b-a698-4411-9246-7d5de21cced9',
          version: 11,
          pubStatus: 'usable',
          embargoUntil: '2022-06-29T02:30:00.000Z',
          urgency: null,
          language: 'en',
          genres: [{ code: 'Feature', name: 'Feature' }],
        },
        subjectsInclude: ['06011000', '04001000'],
        paragraphs: 18,
      },
    ],
  },
  'ninjs/ap-media-api-who-congo-v3.json': {
    format: 'ninjs',
    expect: [
      {
        fields: {
          headline: 'Internal emails reveal WHO knew of sex abuse claims in Congo',
          slugline: 'BC-AF-MED-Congo-WHO-Sex-Abuse, 3rd Ld-Writethru',
          byline: 'By MARIA CHENG and AL-HADJI KUDRA MALIRO, Associated Press',
          located: 'BENI, Congo',
          dateline: { place: 'BENI, Congo', date: null },
          version: 3,
          pubStatus: 'usable',
          urgency: 4,
          firstCreated: '2021-05-11T18:51:43.000Z',
          versionCreated: '2021-05-12T17:26:10.000Z',
          agency: 'AP',
        },
        subjectsInclude: ['i', 'p'],
        paragraphs: 0,
        warningIncludes: ['The body is not inline, only linked as a rendition; it was not fetched'],
      },
    ],
  },

  // 7. Feeds: one item per entry.
  'feeds/guardian-us.rss': {
    format: 'rss',
    items: 55,
    expect: [
      {
        index: 0,
        fields: {
          headline: 'Trump State of the Union address promised unity but emphasized discord',
          byline: 'David Smith in Washington',
          firstCreated: '2018-01-31T07:26:05.000Z',
          guid: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
          language: 'en-GB',
        },
        paragraphs: 2,
        bodyExcludes: ['Continue reading', 'Related:'],
      },
    ],
  },
  'feeds/uol-noticias-undeclared-latin1.rss': {
    format: 'rss',
    items: 15,
    expect: [
      {
        index: 0,
        fields: {
          headline: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
          firstCreated: '2018-09-24T22:42:40.000Z',
          language: 'pt',
        },
        paragraphs: 1,
        warningIncludes: [
          'Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)',
          'Dates not in RFC 822 form (other languages or word order) were read leniently',
        ],
      },
    ],
  },
  'feeds/heise-developer-de.atom': {
    format: 'atom',
    items: 15,
    expect: [
      {
        index: 0,
        fields: {
          headline: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
          guid: 'http://heise.de/-3088438',
          firstCreated: '2016-02-01T16:22:00.000Z',
          language: 'de',
        },
        paragraphs: 1,
      },
    ],
  },
  // The real body is wenn_cm:body (4 paragraphs) led by wenn_cm:first_line.
  'feeds/wenn-entertainment.atom': {
    format: 'atom',
    items: 2,
    expect: [
      {
        index: 0,
        fields: {
          headline: 'Suge Knight involved in fatal hit and run incident',
          slugline: '(KL&TD/WNWCZM/RL)',
          language: 'en-GB',
          firstCreated: '2015-01-30T00:33:06.000Z',
          agency: 'WENN',
          section: 'Music',
        },
        paragraphs: 5,
        bodyExcludes: ['This is body content'],
      },
      { index: 1, paragraphs: 5, bodyExcludes: ['This is body content'] },
    ],
  },

  // 8. Synthetic
  'synthetic/malformed-truncated-newsitem.xml': {
    format: 'newsml-g2',
    error: 'Truncated XML: <newsItem> is not closed',
    expect: [],
  },
  'synthetic/nitf-undeclared-html-entities.xml': {
    format: 'nitf',
    expect: [
      {
        fields: { headline: 'Café owners — a synthetic headline & entity test', guid: 'SYNTH-ENT-0001' },
        paragraphs: 3,
        warningIncludes: ['Undeclared HTML entities decoded', 'Bare & in the text kept as a literal ampersand'],
      },
    ],
  },
  'synthetic/newsml-g2-withheld-arabic.xml': {
    format: 'newsml-g2',
    expect: [
      {
        fields: {
          headline: 'عنوان تجريبي لاختبار النص العربي',
          language: 'ar',
          pubStatus: 'withheld',
          version: 3,
          urgency: 2,
        },
        paragraphs: 2,
      },
    ],
  },
  'synthetic/iptc7901-missing-etx-mixed-eol.txt': {
    format: 'iptc7901',
    expect: [
      {
        fields: { headline: 'Synthetic headline without closing trailer', urgency: 2 },
        paragraphs: 2,
        warningIncludes: ['Missing ETX trailer: the message may be incomplete'],
      },
    ],
  },
};

function listSamples(): string[] {
  return fs
    .readdirSync(SAMPLES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(SAMPLES, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => name !== 'MANIFEST.md' && name !== 'synthetic/README.txt')
    .sort();
}

function check(item: WireItem, expected: ItemExpectation): void {
  if (expected.fields) expect(item).toMatchObject(expected.fields);
  const paragraphs = item.body.filter((block) => block.type === 'paragraph');
  if (expected.paragraphs !== undefined) expect(paragraphs).toHaveLength(expected.paragraphs);
  if (expected.headings !== undefined) expect(item.body.length - paragraphs.length).toBe(expected.headings);
  if (expected.subjectsInclude) {
    expect(item.subjects.map((subject) => subject.code)).toEqual(expect.arrayContaining(expected.subjectsInclude));
  }
  if (expected.signalsInclude) expect(item.signals).toEqual(expect.arrayContaining(expected.signalsInclude));
  if (expected.renditions !== undefined) expect(item.renditions).toHaveLength(expected.renditions);
  for (const warning of expected.warningIncludes ?? []) {
    expect(
      item.warnings.some((line) => line.includes(warning)),
      `warning "${warning}" in ${JSON.stringify(item.warnings)}`,
    ).toBe(true);
  }
  const text = item.body.map((block) => block.text).join('\n');
  for (const excluded of expected.bodyExcludes ?? []) expect(text).not.toContain(excluded);
  if (expected.firstParagraphStartsWith)
    expect(paragraphs[0]?.text.startsWith(expected.firstParagraphStartsWith)).toBe(true);
}

describe.skipIf(!present)('shared agency samples (../shared/wire-samples, checked against its MANIFEST)', () => {
  test('every sample file has expectations in this table, and every table entry has a file', () => {
    expect(listSamples()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(present ? listSamples() : [])('%s parses as its MANIFEST says', (name) => {
    const expected = EXPECTED[name];
    expect(expected, `no expectations for ${name}`).toBeDefined();
    const bytes = fs.readFileSync(path.join(SAMPLES, name));
    if (expected!.error) {
      expect(() => parseWire(bytes)).toThrow(WireParseError);
      expect(() => parseWire(bytes)).toThrow(expected!.error);
      return;
    }
    const { format, items } = parseWire(bytes);
    expect(format).toBe(expected!.format);
    expect(items).toHaveLength(expected!.items ?? 1);
    for (const itemExpectation of expected!.expect) check(items[itemExpectation.index ?? 0]!, itemExpectation);
  });
});

test.skipIf(present)('shared agency samples are skipped: ../shared/wire-samples is not here', () => {
  expect(present).toBe(false);
});
