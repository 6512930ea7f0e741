import { findAgencyInText } from '../agency';
import { finalizeWireItem, itemWarnings } from '../build-item';
import { isPageFurniture, isRelatedLink } from '../page-furniture';
import { WireParseError } from '../errors';
import { MAX_BODY_BLOCKS } from '../limits';
import { normalizeInline, normalizeLines } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, WireItem } from '../wire-item';

/*
 * Agency stories as copied from a news web page (the seed story's layout):
 *
 *   News World                           ← section breadcrumb
 *   Headline
 *   Related story link                   ← optional, not part of the story
 *   Source: Pixabay                      ← optional image credit
 *   PARIS (AFP) - First paragraph…       ← optional dateline
 *   – 'Crosshead' –                      ← heading block
 *   About the author / Agence France-Presse (AFP) is…   ← agency, never body
 *   Daily Newsletter                     ← page furniture, dropped
 *
 * Each line is a paragraph: web copy does not hard-wrap.
 */

const BREADCRUMB_ROOTS = new Set([
  'news',
  'home',
  'nachrichten',
  'actualites',
  'actualités',
  'noticias',
  'notizie',
  'nyheter',
  'nieuws',
]);
const BREADCRUMB_SEPARATOR = /\s*(?:›|»|>|\/|\||·|→)\s*/;
const IMAGE_CREDIT = /^(?:source|image source|image|photo|photograph|picture|credit|foto|bild)\s*:\s*(.{1,120})$/i;
const AUTHOR_BLOCK = /^about the author\s*:?$/i;
const CROSSHEAD = /^[-–—]\s+(.{1,150}?)\s+[-–—]$/;
const QUOTES = /^['‘’"“”«»]+|['‘’"“”«»]+$/g;
function endsLikeSentence(line: string): boolean {
  return /[.!?…"”’»)]$/.test(line);
}

function readBreadcrumb(line: string): string | null {
  const words = line.split(/\s+/);
  if (line.length > 60 || words.length > 6 || endsLikeSentence(line)) return null;
  if (BREADCRUMB_SEPARATOR.test(line)) {
    const segments = line.split(BREADCRUMB_SEPARATOR).filter(Boolean);
    return segments.length > 1 ? segments.at(-1)! : null;
  }
  if (!BREADCRUMB_ROOTS.has(words[0]!.toLowerCase()) || words.length < 2) return null;
  return words.slice(1).join(' ');
}

/** Parses plain-text web copy of an agency story into one WireItem. */
export function parsePlainText(text: string, fileWarnings: WarningCollector): WireItem[] {
  const warnings = itemWarnings(fileWarnings);
  const rawLines = normalizeLines(text)
    .split('\n')
    .filter((line) => line.trim() !== '');
  // Count before the per-line work: a file of a million short lines is refused at once.
  if (rawLines.length > MAX_BODY_BLOCKS + 10) {
    throw new WireParseError(
      `The text has more than ${MAX_BODY_BLOCKS.toLocaleString('en-US')} paragraphs; that is not a story`,
    );
  }
  const lines = rawLines.map((line) => normalizeInline(line)).filter((line) => line !== '');
  if (lines.length === 0) throw new WireParseError('Empty file (no text)');

  let index = 0;
  const section = readBreadcrumb(lines[0]!);
  if (section !== null) index++;
  const headline = lines[index++] ?? null;
  if (headline === null || lines.length - index === 0) {
    throw new WireParseError('Plain text needs a headline line and at least one paragraph');
  }

  // Between headline and story: a related-story link and an image credit, in either order.
  let imageCredit: string | null = null;
  for (let look = 0; look < 3 && index < lines.length - 1; look++) {
    const line = lines[index]!;
    const credit = IMAGE_CREDIT.exec(line);
    if (credit) {
      imageCredit = credit[1]!.trim();
      index++;
    } else if (isRelatedLink(line) || (look === 0 && !endsLikeSentence(line) && line.split(' ').length <= 15)) {
      index++;
    } else {
      break;
    }
  }

  const body: BodyBlock[] = [];
  let byline: string | null = null;
  let authorBlock = '';
  let inAuthorBlock = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (AUTHOR_BLOCK.test(line)) {
      inAuthorBlock = true;
      continue;
    }
    if (isPageFurniture(line)) {
      inAuthorBlock = false;
      continue;
    }
    if (inAuthorBlock) {
      authorBlock += `${line}\n`;
      continue;
    }
    if (body.length === 0 && byline === null && /^By\s+\p{Lu}/u.test(line) && line.split(' ').length <= 10) {
      byline = line;
      continue;
    }
    const crosshead = CROSSHEAD.exec(line);
    if (crosshead) {
      const heading = crosshead[1]!.replace(QUOTES, '').trim();
      if (heading) body.push({ type: 'heading', text: heading });
      continue;
    }
    body.push({ type: 'paragraph', text: line });
  }

  return [
    finalizeWireItem(
      { format: 'plain-text', headline, section, imageCredit, byline, body, itemClass: 'text' },
      { warnings, agencyCandidates: [findAgencyInText(authorBlock)], preferDatelineAgency: false },
    ),
  ];
}
