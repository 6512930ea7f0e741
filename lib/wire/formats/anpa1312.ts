import { finalizeWireItem, itemWarnings } from '../build-item';
import { toUtcIso } from '../dates';
import { WireParseError } from '../errors';
import { normalizeInline, splitParagraphs } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, RoleText, WireItem } from '../wire-item';

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';

// ANPA priority letters → IPTC urgency (flash, bulletin, urgent, routine, deferred…).
const PRIORITY_URGENCY: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 5, s: 5 };
const CATEGORY_NAMES: Record<string, string> = {
  a: 'Domestic news',
  e: 'Entertainment',
  f: 'Financial',
  i: 'International',
  s: 'Sports',
};

// "BC-BKN--Heat-Hawks, 1st Ld-Writethru,416": the in-text slug with its word count.
const IN_TEXT_SLUG = /^([A-Za-z]{2}-[^\s,][^,]*(?:, ?[^,]+)?),\s*(\d{1,5})$/;
// All capitals, no sentence punctuation, short: an AP crosshead ("TIP-INS", "UP NEXT").
const CROSSHEAD = /^[\p{Lu}\d][\p{Lu}\d '&-]{1,40}$/u;

/** "AP-WF-02-20-16 0337GMT" (AP) or "KWS-21:37-09-12-18" (Kyodo, DD-MM-YY) → UTC ISO. */
export function parseAnpaTrailer(trailer: string): string | null {
  const ap = /(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*GMT/i.exec(trailer);
  if (ap) return toUtcIso(2000 + Number(ap[3]), Number(ap[1]), Number(ap[2]), Number(ap[4]), Number(ap[5]));
  const kyodo = /(\d{2}):(\d{2})-(\d{2})-(\d{2})-(\d{2})/.exec(trailer);
  if (kyodo)
    return toUtcIso(2000 + Number(kyodo[5]), Number(kyodo[4]), Number(kyodo[3]), Number(kyodo[1]), Number(kyodo[2]));
  return null;
}

/** Parses an ANPA 1312 message (AP's SYN SYN SOH … STX … ETX layout, and Kyodo's variant). */
export function parseAnpa1312(text: string, fileWarnings: WarningCollector): WireItem[] {
  const warnings = itemWarnings(fileWarnings);
  const source = text.replace(/\r\n?/g, '\n');
  const soh = source.indexOf(SOH);
  const stx = source.indexOf(STX, soh === -1 ? 0 : soh);
  if (stx === -1) throw new WireParseError('ANPA 1312 message without STX: no story text found');

  // Second header line: "r z^S^Q BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500".
  const headerLines = source
    .slice(soh === -1 ? 0 : soh + 1, stx)
    .split('\n')
    .map((line) => line.replace(/[\u0011-\u0014]/g, ' '));
  const service = headerLines.find((line) => /^\s*[a-z] [a-z]\s/.test(line)) ?? '';
  const serviceMatch = /^\s*([a-z]) ([a-z])\s+(.+?)\s{2,}(\d{2}-\d{2})\s+(\d{4})/.exec(service);
  const priority = serviceMatch?.[1] ?? null;
  const category = serviceMatch?.[2] ?? null;
  const headerSlug = serviceMatch?.[3]?.trim() ?? null;

  const etx = source.indexOf(ETX, stx);
  if (etx === -1) warnings.add('Missing ETX trailer: the message may be incomplete');
  const story = source.slice(stx + 1, etx === -1 ? undefined : etx);
  const trailer = etx === -1 ? '' : normalizeInline(source.slice(etx + 1).replace(/[\u0000-\u001F\u007F]/g, ' '));
  const versionCreated = trailer ? parseAnpaTrailer(trailer) : null;
  if (trailer && !versionCreated) warnings.add(`Unreadable ANPA trailer "${trailer.slice(0, 30)}"`);

  // The text header is the lines before the first indented paragraph. AP prefixes each of
  // its parts with "^" and ends them with "<" or "="; Kyodo writes slug and headline bare.
  const lines = story.split('\n').map((line) => line.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ''));
  const firstIndented = lines.findIndex((line) => /^(?:\t| {2,})\S/.test(line) || /^\t\s*\S/.test(line));
  const headerText = lines.slice(0, firstIndented === -1 ? lines.length : firstIndented).join('\n');
  const parts = (headerText.includes('^') ? headerText.split('^') : headerText.split('\n'))
    .map((part) => part.replace(/[<=+]\s*$/g, '').trim())
    .filter((part) => part !== '' && !part.startsWith('*'));

  let slugline: string | null = null;
  let headline: string | null = null;
  let byline: string | null = null;
  const bylineTitles: string[] = [];
  const descriptions: RoleText[] = [];
  const editorialNotes: RoleText[] = [];
  for (const part of parts) {
    const inTextSlug = IN_TEXT_SLUG.exec(part);
    if (!slugline && inTextSlug) {
      slugline = inTextSlug[1]!;
    } else if (!slugline && headerSlug && part === headerSlug) {
      slugline = part;
    } else if (/^By\s/.test(part)) {
      byline = part;
    } else if (byline !== null) {
      bylineTitles.push(part); // "AP Sports Writer"
    } else if (/^(?:AP )?Photos?\b/.test(part)) {
      continue; // photo numbers for the picture desk
    } else if (/^Eds?:/.test(part)) {
      editorialNotes.push({ role: 'eds', text: part });
    } else if (!headline) {
      headline = part;
    } else {
      descriptions.push({ role: 'summary', text: part });
    }
  }

  const body: BodyBlock[] = [];
  const storyText = lines
    .slice(firstIndented === -1 ? lines.length : firstIndented)
    .filter((line) => !/^==/.test(line.trim())) // Kyodo's "==Kyodo" end mark
    .join('\n');
  // AP starts every paragraph with a tab and never wraps; Kyodo indents with spaces and wraps.
  const paragraphs = /^\t/m.test(storyText)
    ? storyText.split(/\n(?=\t)/).flatMap((chunk) => splitParagraphs(chunk.replace(/^\t/, '')))
    : splitParagraphs(storyText);
  for (const raw of paragraphs) {
    // ANPA is 7-bit: AP writes quotes as ``…''.
    const paragraph = raw.replace(/``/g, '“').replace(/''/g, '”');
    body.push({
      type: CROSSHEAD.test(paragraph) && /\p{Lu}{2}/u.test(paragraph) ? 'heading' : 'paragraph',
      text: paragraph,
    });
  }
  const bylineText = byline ? [byline, ...bylineTitles].join(', ') : null;

  return [
    finalizeWireItem(
      {
        format: 'anpa1312',
        urgency: priority ? (PRIORITY_URGENCY[priority] ?? null) : null,
        headline,
        slugline: slugline ?? headerSlug,
        byline: bylineText,
        subjects: category ? [{ code: `a1312cat:${category}`, name: CATEGORY_NAMES[category] ?? null }] : [],
        versionCreated,
        body,
        descriptions,
        editorialNotes,
        itemClass: 'text',
      },
      {
        warnings,
        agencyCandidates: [/kyodo/i.test(source.slice(0, 200)) ? 'Kyodo' : null, /^AP-/.test(trailer) ? 'AP' : null],
      },
    ),
  ];
}
