#!/usr/bin/env node
// Wire parser throughput, per format: items/s and MB/s on the project's fixtures plus the
// shared agency samples (../shared/wire-samples, when present), and on a synthetic
// "typical 5 KB item" per format, against the goal of 2,000 items/s. Baseline in the same
// run: decoding the same bytes to text (TextDecoder, or JSON.parse for ninjs), so results
// compare as ratios on a noisy shared machine.
//   node --import tsx bench/wire-parse.mjs [milliseconds per row = 1500]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectFormat } from '../lib/wire/detect-format.ts';
import { parseWire } from '../lib/wire/parse-wire.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const budgetMs = Number(process.argv[2] ?? 1500);
const SLICES = 5;
const GOAL_ITEMS_PER_SECOND = 2000;

function readCorpus(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^(MANIFEST|README)\./.test(entry.name))
    .map((entry) => new Uint8Array(fs.readFileSync(path.join(entry.parentPath, entry.name))));
}

const corpus = new Map();
const sharedDir = path.resolve(ROOT, '..', 'shared', 'wire-samples');
for (const bytes of [...readCorpus(path.join(ROOT, 'lib', 'wire', 'fixtures')), ...readCorpus(sharedDir)]) {
  const format = detectFormat(bytes);
  if (!format) continue;
  try {
    parseWire(bytes); // only files that parse (the truncated ones are error-path tests)
  } catch {
    continue;
  }
  corpus.set(format, [...(corpus.get(format) ?? []), bytes]);
}

// A typical wire story: about 5 KB of copy in 12 paragraphs.
const SENTENCE =
  'The regional council said on Tuesday that the new ferry line would carry its first passengers in the spring, after two years of delays caused by a shortage of parts and a dispute over the harbour fees. ';
const PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) => `${i === 0 ? 'PORTVILLE (AFP) - ' : ''}${SENTENCE.repeat(2).trim()}`,
);
const HEADLINE = 'Regional ferry line to open in spring after two-year delay';
const xmlEscape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const TYPICAL = {
  'newsml-g2': `<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:afp.com:20250101:bench" version="2" standard="NewsML-G2"><itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/><versionCreated>2025-01-01T10:00:00+01:00</versionCreated><pubStatus qcode="stat:usable"/></itemMeta><contentMeta><urgency>4</urgency><language tag="en"/><subject qcode="medtop:20000209"><name>rail</name></subject><slugline>bench-ferry</slugline><headline>${HEADLINE}</headline><dateline>PORTVILLE (AFP) - </dateline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${PARAGRAPHS.map((p) => `<p>${xmlEscape(p)}</p>`).join('')}</body></html></inlineXML></contentSet></newsItem>`,
  'newsml-1': `<?xml version="1.0" encoding="utf-8"?><NewsML Version="1.2"><NewsItem xml:lang="en"><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20250101</DateId><NewsItemId>BENCH</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:afp.com:20250101:BENCH:1</PublicIdentifier></NewsIdentifier></Identification><NewsManagement><FirstCreated>20250101T100000Z</FirstCreated><ThisRevisionCreated>20250101T100000Z</ThisRevisionCreated><Status FormalName="Usable"/></NewsManagement><NewsComponent><NewsLines><HeadLine>${HEADLINE}</HeadLine><DateLine>PORTVILLE, Jan 1, 2025 (AFP) -</DateLine></NewsLines><DescriptiveMetadata><Language FormalName="en"/></DescriptiveMetadata><ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content>${PARAGRAPHS.map((p) => `<p>${xmlEscape(p)}</p>`).join('')}</body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`,
  nitf: `<?xml version="1.0" encoding="utf-8"?><nitf><head><docdata><doc-id id-string="bench-1"/><urgency ed-urg="4"/><date.issue norm="20250101T100000Z"/></docdata></head><body><body.head><hedline><hl1>${HEADLINE}</hl1></hedline><byline>By A. Reporter<byttl>Staff writer</byttl></byline></body.head><body.content>${PARAGRAPHS.map((p) => `<p>${xmlEscape(p)}</p>`).join('')}</body.content></body></nitf>`,
  ninjs: JSON.stringify({
    uri: 'urn:bench:1',
    version: '2',
    versionCreated: '2025-01-01T10:00:00+01:00',
    pubStatus: 'usable',
    language: 'en',
    headlines: [{ role: 'main', value: HEADLINE }],
    bodies: [{ role: 'html', contentType: 'text/html', value: PARAGRAPHS.map((p) => `<p>${p}</p>`).join('') }],
  }),
  iptc7901: `\u0001eca001 4 i 700   dpa 001\r\n\r\nbench/ferry/\r\n\u0002${HEADLINE} =\r\n\r\n${PARAGRAPHS.map((p) => `   ${p}\r\n`).join('\r\n')}\r\n\u0003011000 GMT Jan 25\r\n\u0004`,
  anpa1312: `\u0016\u0016\u0001z0001\u001f-----\nr a\u0013\u0011 BC-Bench-Ferry   01-01 0700\r\n\u0002^BC-Bench-Ferry,700<\r\n^${HEADLINE}<\r\n${PARAGRAPHS.map((p) => `\t   ${p}\r\n`).join('')}\u0003AP-WF-01-01-25 1000GMT<\r\n\u0004`,
  rss: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><item><title>${HEADLINE}</title><guid>urn:bench:rss</guid><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate><description>${xmlEscape(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''))}</description></item></channel></rss>`,
  atom: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title><entry><id>urn:bench:atom</id><title>${HEADLINE}</title><updated>2025-01-01T10:00:00Z</updated><content type="html">${xmlEscape(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''))}</content></entry></feed>`,
  'plain-text': `News World\n\n${HEADLINE}\n\n${PARAGRAPHS.join('\n\n')}\n`,
};

const decoder = new TextDecoder();
const baselineFor = (format) =>
  format === 'ninjs' ? (bytes) => JSON.parse(decoder.decode(bytes)) : (bytes) => decoder.decode(bytes);

// Runs `work` over the inputs round-robin for SLICES time slices; the median slice's rate.
function measure(inputs, work, itemsPer) {
  const bytesPer = inputs.map((bytes) => bytes.length);
  for (let i = 0; i < inputs.length * 3; i++) work(inputs[i % inputs.length]); // warm-up
  const slices = [];
  for (let slice = 0; slice < SLICES; slice++) {
    let items = 0;
    let bytes = 0;
    let index = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < budgetMs / SLICES) {
      const input = inputs[index % inputs.length];
      work(input);
      items += itemsPer[index % inputs.length];
      bytes += bytesPer[index % inputs.length];
      index++;
      elapsed = performance.now() - started;
    }
    slices.push({ itemsPerSecond: (items / elapsed) * 1000, megabytesPerSecond: bytes / 1048576 / (elapsed / 1000) });
  }
  slices.sort((a, b) => a.itemsPerSecond - b.itemsPerSecond);
  return slices[Math.floor(SLICES / 2)];
}

const rows = [];
function benchRow(label, format, inputs) {
  const itemsPer = inputs.map((bytes) => parseWire(bytes).items.length);
  const parse = measure(inputs, (bytes) => parseWire(bytes), itemsPer);
  const base = measure(inputs, baselineFor(format), itemsPer);
  const kb = inputs.reduce((sum, bytes) => sum + bytes.length, 0) / inputs.length / 1024;
  rows.push({
    label,
    files: inputs.length,
    kb,
    ...parse,
    baseMB: base.megabytesPerSecond,
    ratio: base.megabytesPerSecond / parse.megabytesPerSecond,
  });
}

for (const [format, inputs] of [...corpus].sort()) benchRow(`${format} (corpus)`, format, inputs);
const typicalRows = [];
for (const [format, text] of Object.entries(TYPICAL)) {
  const bytes = new TextEncoder().encode(text);
  benchRow(`${format} (typical ${(bytes.length / 1024).toFixed(1)} KB item)`, format, [bytes]);
  typicalRows.push(rows.at(-1));
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `\nWire parse throughput, median of ${SLICES} slices of ${budgetMs / SLICES} ms, Node ${process.version}, ${os.cpus().length} cores` +
    `${fs.existsSync(sharedDir) ? '' : ' (shared samples absent: fixtures only)'}\n`,
);
console.log('| input | files | avg KB | items/s | MB/s | baseline MB/s (decode) | parse cost × baseline |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.files} | ${fmt(row.kb, 1)} | ${fmt(row.itemsPerSecond)} | ${fmt(row.megabytesPerSecond, 1)} | ${fmt(row.baseMB, 0)} | ${fmt(row.ratio, 0)} |`,
  );
}
const slowest = typicalRows.reduce((a, b) => (a.itemsPerSecond < b.itemsPerSecond ? a : b));
console.log(
  `\nGoal: ≥ ${fmt(GOAL_ITEMS_PER_SECOND)} items/s for typical 5 KB items. Slowest typical row: ${slowest.label} at ${fmt(slowest.itemsPerSecond)} items/s — ${slowest.itemsPerSecond >= GOAL_ITEMS_PER_SECOND ? 'met' : 'NOT met'}.`,
);
