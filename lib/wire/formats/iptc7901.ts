import { findKnownAgency } from '../agency';
import { finalizeWireItem, isSignOff, itemWarnings, parseUrgency } from '../build-item';
import { monthFromName, toUtcIso } from '../dates';
import { WireParseError } from '../errors';
import { normalizeInline, splitParagraphs } from '../text';
import type { WarningCollector } from '../warnings';
import type { WireItem } from '../wire-item';

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const EOT = '\u0004';

// Non-public material follows the story: dpa's Markdown notebook, "* * * *" separators.
const NOTEBOOK_START = /^(?:#{1,3}\s|\*\s\*\s\*|-{3,}\s*$)/;

/** "131137 GMT Nov 13" (DDHHMM GMT Mon YY) → UTC ISO; the zone is GMT even where it is not written. */
export function parse7901Trailer(trailer: string): string | null {
  const match = /(\d{2})(\d{2})(\d{2})\s+(?:(?:GMT|UTC)\s+)?([A-Za-z]{3,4})\.?\s+(\d{2}|\d{4})\b/.exec(trailer);
  if (!match) return null;
  const month = monthFromName(match[4]!);
  if (month === null) return null;
  const year = match[5]!.length === 2 ? 2000 + Number(match[5]) : Number(match[5]);
  return toUtcIso(year, month, Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Parses an IPTC 7901 message (SOH header, keyword line, STX text, ETX trailer). */
export function parseIptc7901(text: string, fileWarnings: WarningCollector): WireItem[] {
  const warnings = itemWarnings(fileWarnings);
  const source = text.replace(/\r\n?/g, '\n');
  const soh = source.indexOf(SOH);
  const stx = source.indexOf(STX, soh === -1 ? 0 : soh);
  if (stx === -1) throw new WireParseError('IPTC 7901 message without STX: no story text found');

  const headerEnd = soh === -1 ? -1 : source.indexOf('\n', soh);
  const header =
    soh === -1 ? '' : normalizeInline(source.slice(soh + 1, headerEnd === -1 || headerEnd > stx ? stx : headerEnd));
  const headerFields = header.split(' ');
  const slugArea = source.slice(headerEnd === -1 || headerEnd > stx ? stx : headerEnd, stx);
  const slugline =
    slugArea
      .split('\n')
      .map(normalizeInline)
      .find((line) => line !== '') ?? null;

  const etx = source.indexOf(ETX, stx);
  if (etx === -1) warnings.add('Missing ETX trailer: the message may be incomplete');
  const story = source.slice(stx + 1, etx === -1 ? undefined : etx);
  const eot = etx === -1 ? -1 : source.indexOf(EOT, etx);
  const trailer = etx === -1 ? '' : normalizeInline(source.slice(etx + 1, eot === -1 ? undefined : eot));
  const versionCreated = trailer ? parse7901Trailer(trailer) : null;
  if (trailer && !versionCreated) warnings.add(`Unreadable 7901 trailer "${trailer.slice(0, 30)}"`);

  // The headline block runs to the first blank line; its "=" line is the headline and the
  // line above it, if any, a flag or kicker ("EXTRA", "France:").
  const lines = story.split('\n').map((line) => line.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ''));
  let index = 0;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  const block: string[] = [];
  while (index < lines.length && lines[index]!.trim() !== '') block.push(normalizeInline(lines[index++]!));
  const headlineIndex = block.findIndex((line) => /=\s*$/.test(line));
  const chosen = headlineIndex === -1 ? block.length - 1 : headlineIndex;
  const headline = block[chosen]?.replace(/\s*=+\s*$/, '') ?? null;
  const kicker = chosen > 0 ? block[chosen - 1]!.replace(/\s*:\s*$/, '') : null;

  const paragraphs = splitParagraphs(lines.slice(index).join('\n'));
  const notebook = paragraphs.findIndex((paragraph) => NOTEBOOK_START.test(paragraph));
  const storyParagraphs = notebook === -1 ? paragraphs : paragraphs.slice(0, notebook);
  const signOff = notebook === -1 ? null : (paragraphs.slice(notebook).reverse().find(isSignOff) ?? null);

  return [
    finalizeWireItem(
      {
        format: 'iptc7901',
        urgency: parseUrgency(headerFields[1], warnings),
        headline,
        kicker,
        slugline,
        keywords: slugline?.split('/') ?? [],
        versionCreated,
        body: storyParagraphs.map((paragraph) => ({ type: 'paragraph' as const, text: paragraph })),
        signOff,
        itemClass: 'text',
      },
      { warnings, agencyCandidates: headerFields.slice(4).map((token) => findKnownAgency(token)) },
    ),
  ];
}
