import { findKnownAgency } from './agency';
import { monthFromName } from './dates';
import { normalizeInline } from './text';

export type Dateline = { place: string | null; date: string | null };
export type DatelineMatch = Dateline & { agency: string | null };

// Datelines only ever sit at the very start of a paragraph; looking at a short prefix
// keeps every pattern below linear and cheap on hostile input.
const PREFIX_LENGTH = 160;

// "PARIS (AFP) - …", "NAIROBI, Kenya (AP) — …", "Nueva Delhi, 21 ene (EFE).- …",
// "ATLANTA (AP) _ …", "Paris (ats afp) Les …", "København /ritzau/: …".
const PAREN_AGENCY = /^([^()\n]{1,80}?)\s*\(([A-Za-z][A-Za-z .&'-]{0,24})\)\s*(\.?\s*[-–—_:]+(?=\s|$))?/;
const SLASH_AGENCY = /^([^/\n]{2,60}?)\s*\/([a-z]{2,12})\/\s*:?\s*/;
// "(ANSA) - Rome, October 11 - …"
const AGENCY_FIRST = /^\(([A-Za-z][A-Za-z .&'-]{0,24})\)\s*[-–—]\s*([^-–—\n]{2,60}?)\s*[-–—]\s+/;
// "SAITAMA, Japan, Dec. 9 Kyodo - …"
const BARE_AGENCY = /^([^\n]{2,80}?)\s+(Kyodo|Reuters|AFP|AP|dpa|EFE|ANSA|Xinhua|Yonhap)\s*[-–—_]\s+/;
// "OTTAWA - …", "FORT WORTH, Texas — …": a capitalised place and a dash, no agency.
const CAPS_PLACE = /^(\p{Lu}[\p{Lu} .'’-]{1,40}(?:, [\p{L}. ]{2,25})?)\s+[-–—_]\s+/u;

function isDateSegment(segment: string): boolean {
  const words = segment.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  if (words.length === 1 && /^\d{4}$/.test(words[0]!)) return true;
  const hasMonth = words.some((word) => monthFromName(word) !== null);
  const hasNumber = words.some((word) => /^\d{1,4}[.,]?$/.test(word));
  return hasMonth && hasNumber;
}

function looksLikePlace(value: string): boolean {
  const words = value.split(/\s+/);
  return words.length <= 6 && /^[\p{Lu}\p{Lo}]/u.test(value) && !/[.!?]\s+\p{Ll}/u.test(value);
}

/** Splits "STOCKHOLM, Aug 29, 2014" into place and date; "Jan 3" is a date with no place. */
export function splitPlaceAndDate(value: string): Dateline {
  const segments = value.split(',').map((segment) => segment.trim());
  const firstDate = segments.findIndex(isDateSegment);
  if (firstDate === -1) return { place: value.trim() || null, date: null };
  const place = segments.slice(0, firstDate).join(', ').trim();
  const date = segments.slice(firstDate).join(', ').trim();
  return { place: place || null, date: date || null };
}

/** A dateline at the start of a paragraph, with the agency it names; null if there is none. */
export function extractDateline(paragraph: string): DatelineMatch | null {
  const head = normalizeInline(paragraph.slice(0, PREFIX_LENGTH * 2)).slice(0, PREFIX_LENGTH);
  if (head === '') return null;

  const agencyFirst = AGENCY_FIRST.exec(head);
  if (agencyFirst) {
    return { ...splitPlaceAndDate(agencyFirst[2]!), agency: agencyFirst[1]!.trim() };
  }
  const paren = PAREN_AGENCY.exec(head);
  // Without a dash after it, "(EU)" is just an aside; only a known agency makes it a dateline.
  if (paren && looksLikeDatelineHead(paren[1]!) && (paren[3] !== undefined || findKnownAgency(paren[2]!))) {
    return { ...splitPlaceAndDate(paren[1]!), agency: paren[2]!.trim() };
  }
  const slash = SLASH_AGENCY.exec(head);
  if (slash && looksLikePlace(slash[1]!)) {
    return { ...splitPlaceAndDate(slash[1]!), agency: slash[2]! };
  }
  const bare = BARE_AGENCY.exec(head);
  if (bare && looksLikeDatelineHead(bare[1]!)) {
    return { ...splitPlaceAndDate(bare[1]!), agency: bare[2]! };
  }
  const caps = CAPS_PLACE.exec(head);
  if (caps && /\p{Lu}{3}/u.test(caps[1]!)) {
    return { place: caps[1]!.trim(), date: null, agency: null };
  }
  return null;
}

function looksLikeDatelineHead(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  if (isDateSegment(trimmed)) return true; // "Jan 3 (Reuters) -"
  return looksLikePlace(trimmed);
}

const TIMESTAMP = /^\d{4}-?\d{2}-?\d{2}[T ]\d{2}:?\d{2}/;

/**
 * Reads a dateline element (G2 `<dateline>`, NewsML `DateLine`): either a full dateline
 * ("Karlsruhe (dpa) - ") or just a place ("FORT WASHINGTON, Pa."). Returns null for
 * what is not a dateline at all, such as Reuters' timestamps.
 */
export function parseDatelineText(value: string | null | undefined): DatelineMatch | null {
  if (!value) return null;
  const text = normalizeInline(value);
  if (text === '' || TIMESTAMP.test(text)) return null;
  const full = extractDateline(`${text} `);
  if (full && (full.place || full.date)) return full;
  const stripped = text.replace(/\s*[-–—_:]+\s*$/, '');
  return stripped ? { ...splitPlaceAndDate(stripped), agency: null } : null;
}

/** The agency a dateline names, canonical when known ("ats afp" → "ATS"). */
export function datelineAgency(match: DatelineMatch | null): string | null {
  if (!match?.agency) return null;
  return findKnownAgency(match.agency) ?? match.agency;
}
