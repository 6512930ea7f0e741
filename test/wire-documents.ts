// Wire documents written for the project, for tests and benchmarks: a minimal but
// complete IPTC NewsML-G2 news item with the fields ingest cares about.

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type G2Options = {
  guid: string;
  version?: number;
  agency?: 'AFP' | 'Reuters' | 'AP' | 'dpa';
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  headline?: string;
  paragraphs?: string[];
  crosshead?: string;
  urgency?: number;
  embargoUntil?: string;
  section?: string;
  place?: string;
};

const PROVIDERS = { AFP: 'nprov:AFP', Reuters: 'nprov:REUTERS', AP: 'nprov:AP', dpa: 'nprov:DPA' };

/** A NewsML-G2 newsItem as bytes. */
export function newsmlG2Item(options: G2Options): Uint8Array {
  const {
    guid,
    version = 1,
    agency = 'AFP',
    pubStatus = 'usable',
    headline = 'Harbour council approves new ferry terminal',
    paragraphs = ['The council voted on Tuesday to build a new ferry terminal.', 'Work starts in spring.'],
    crosshead,
    urgency = 4,
    embargoUntil,
    section,
    place,
  } = options;
  const body = [
    `<p>${escapeXml(paragraphs[0] ?? '')}</p>`,
    crosshead ? `<h2>${escapeXml(crosshead)}</h2>` : '',
    ...paragraphs.slice(1).map((p) => `<p>${escapeXml(p)}</p>`),
  ].join('\n');
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escapeXml(guid)}" version="${version}" standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="en">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="${PROVIDERS[agency]}"/>
    <versionCreated>2026-11-28T08:0${version % 10}:00Z</versionCreated>
    ${embargoUntil ? `<embargoed>${embargoUntil}</embargoed>` : ''}
    <pubStatus qcode="stat:${pubStatus}"/>
  </itemMeta>
  <contentMeta>
    <urgency>${urgency}</urgency>
    ${place ? `<located type="cptype:city"><name>${escapeXml(place)}</name></located>` : ''}
    <language tag="en"/>
    ${section ? `<subject type="cpnat:abstract" qcode="medtop:15000000"><name>${escapeXml(section)}</name></subject>` : ''}
    <headline>${escapeXml(headline)}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>
${body}
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>
`);
}
