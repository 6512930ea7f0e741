// Plain-text helpers shared by every format. All loops and regexes here are linear in the
// input: they run on hostile text up to the 5 MB limit.
import { UNSTORABLE_TEXT } from '../validation';

const UNSTORABLE_ALL = new RegExp(UNSTORABLE_TEXT.source, 'g');

/**
 * Makes every string in a parsed item storable, in place: NUL characters are dropped and
 * halves of surrogate pairs become U+FFFD (PostgreSQL can store neither). Returns whether
 * anything changed; the file itself is kept byte for byte, so nothing is lost.
 */
export function scrubUnstorableText(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  let changed = false;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof child === 'string') {
      if (!UNSTORABLE_TEXT.test(child)) continue;
      (value as Record<string | number, unknown>)[key] = child.replace(UNSTORABLE_ALL, (c) =>
        c === '\u0000' ? '' : '\ufffd',
      );
      changed = true;
    } else if (scrubUnstorableText(child)) changed = true;
  }
  return changed;
}

// C0/C1 controls except tab and newline, plus the DEL fillers of wire line formats. Bidi
// marks (U+200E/F, U+061C) are kept: Arabic and Hebrew copy needs them.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const UNUSUAL_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const ANY_SPACE = /[\s\u00A0]+/g;

// Anything normalizeInline would change; most text is already clean, and this one test
// spares the allocations of two replaces (it runs on every paragraph, several times).
const NEEDS_NORMALIZING =
  /[\u0000-\u001F\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}|^ | $/;

/** Collapses all whitespace (including line breaks and no-break spaces) to single spaces and trims. */
export function normalizeInline(value: string): string {
  if (!NEEDS_NORMALIZING.test(value)) return value;
  return value.replace(CONTROL_CHARS, '').replace(ANY_SPACE, ' ').trim();
}

/** normalizeInline, but empty results become null (for optional WireItem fields). */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = normalizeInline(value);
  return cleaned === '' ? null : cleaned;
}

/** Line endings to LF, control characters removed, no-break spaces to spaces; keeps line structure. */
export function normalizeLines(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').replace(UNUSUAL_SPACE, ' '); // one for one, so indentation keeps its width
}

const INDENTED = /^[ \t]{2,}\S/;

/**
 * Splits a run of plain text into paragraphs the way wire copy marks them: blank lines,
 * and, in hard-wrapped copy, a line indented by two or more spaces or a tab (typewriter
 * style, as in ANSA, Kyodo and IPTC 7901). Indentation only counts when some other line
 * starts at the margin, so pretty-printed markup (every line indented) stays one paragraph.
 */
export function splitParagraphs(value: string): string[] {
  const lines = normalizeLines(value).split('\n');
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const hasMarginLine = nonEmpty.slice(1).some((line) => !/^[ \t]/.test(line));
  const hasIndentedLine = nonEmpty.slice(1).some((line) => INDENTED.test(line));
  const indentBreaks = hasMarginLine && hasIndentedLine;

  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = normalizeInline(current.join(' '));
    if (joined) paragraphs.push(joined);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (indentBreaks && INDENTED.test(line)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

/** True when the string has something other than whitespace and punctuation. */
export function hasWords(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

/** Truncates for messages: never prints a whole hostile document into a warning. */
export function quoteForMessage(value: string, max = 40): string {
  const single = normalizeInline(value);
  return single.length > max ? `${single.slice(0, max)}…` : single;
}
