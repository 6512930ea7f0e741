import { decodeHTML, decodeHTMLStrict } from 'entities';
import type { WarningCollector } from './warnings';

const XML_PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// One pass over the references: each is decoded once and its output is never re-scanned,
// so declared-entity tricks (billion laughs) cannot expand; declarations are not read at all.
const NAME_START = /[A-Za-z]/;
const NAME_CHAR = /[A-Za-z0-9]/;
const MAX_NAME = 32;

function fromCodePoint(code: number): string | null {
  const valid =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return valid ? String.fromCodePoint(code) : null;
}

/**
 * Decodes character references in XML text the way a lenient but safe reader should:
 * the five XML entities and numeric references; HTML named entities that agencies use
 * without declaring them (`&eacute;` in NITF) with a warning; anything else, including
 * entities a DTD would declare, is left as literal text with a warning.
 */
export function decodeXmlText(raw: string, warnings: WarningCollector): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  // A hand-written scanner: on hostile input (millions of references) a regex replace with a
  // callback allocates far more and spends its time in the garbage collector.
  let out = '';
  let copied = 0;
  while (amp !== -1) {
    let end = -1;
    let decoded: string | null = null;
    if (raw.charCodeAt(amp + 1) === 0x23 /* # */) {
      const hex = raw[amp + 2] === 'x' || raw[amp + 2] === 'X';
      let position = amp + (hex ? 3 : 2);
      const digitsStart = position;
      while (
        position - digitsStart < 8 &&
        /[0-9a-fA-F]/.test(raw[position] ?? '') &&
        (hex || /[0-9]/.test(raw[position]!))
      ) {
        position++;
      }
      if (position > digitsStart) {
        const code = parseInt(raw.slice(digitsStart, position), hex ? 16 : 10);
        const semicolon = raw[position] === ';';
        if (!semicolon) warnings.add('Character references without a closing semicolon were read leniently');
        end = semicolon ? position + 1 : position;
        decoded = fromCodePoint(code);
        if (decoded === null) {
          warnings.addToGroup('Invalid character references dropped', raw.slice(amp, end));
          decoded = '';
        }
      }
    } else if (NAME_START.test(raw[amp + 1] ?? '')) {
      let position = amp + 2;
      while (position - amp <= MAX_NAME && NAME_CHAR.test(raw[position] ?? '')) position++;
      if (raw[position] === ';') {
        end = position + 1;
        const name = raw.slice(amp + 1, position);
        const reference = raw.slice(amp, end);
        decoded = XML_PREDEFINED[name] ?? null;
        if (decoded === null) {
          const html = decodeHTMLStrict(reference);
          if (html !== reference) {
            warnings.addToGroup('Undeclared HTML entities decoded', reference);
            decoded = html;
          } else {
            warnings.addToGroup('Undefined entities left as text (Wiredesk never expands DTD entities)', reference);
          }
        }
      }
    }
    if (end === -1) {
      warnings.add('Bare & in the text kept as a literal ampersand');
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    if (decoded !== null) {
      if (amp > copied) out += raw.slice(copied, amp);
      out += decoded;
      copied = end;
    }
    amp = raw.indexOf('&', end);
  }
  return copied === 0 ? raw : out + raw.slice(copied);
}

const DOUBLE_ESCAPED = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|apos|lt|gt|nbsp);/;

/**
 * Text that still holds character references after decoding was escaped twice upstream
 * (STT's `o&amp;#39;clock`); decode the second layer too.
 */
export function fixDoubleEscaping(value: string, warnings: WarningCollector): string {
  if (!value.includes('&') || !DOUBLE_ESCAPED.test(value)) return value;
  warnings.add('Double-escaped character references decoded');
  return decodeHTML(value);
}
