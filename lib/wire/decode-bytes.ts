import type { WarningCollector } from './warnings';

const UTF8_LABELS = /^utf-?8$/i;

/** The encoding named in an XML declaration (`<?xml … encoding="…"?>`), if any. */
export function findDeclaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII by definition, so a single-byte decode of a short prefix reads it.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 300));
  const match = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

type Utf8Scan = { valid: boolean; multibyte: number; invalid: number };

// Counts well-formed multi-byte sequences and bad bytes in one pass, so a file with a few
// damaged bytes is still read as the UTF-8 it mostly is, and Latin-1 is told apart.
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    let code = b & (0x3f >> need);
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (c & 0x3f);
    }
    if (ok && code >= min && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid: invalid === 0, multibyte, invalid };
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null; // unknown label
  }
}

function stripUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * Turns wire bytes into text. The bytes win over the declaration: agencies declare
 * iso-8859-1 and send UTF-8 (AFP, Ritzau), or declare nothing and send Latin-1 (UOL,
 * ATS). Every such guess is recorded as a warning.
 */
export function decodeWireBytes(input: Uint8Array, warnings: WarningCollector): string {
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  if (input.length >= 4 && input[0] === 0x3c && input[1] === 0 && input[2] !== 0) {
    warnings.add('UTF-16 without a byte-order mark; read as UTF-16LE');
    return new TextDecoder('utf-16le').decode(input);
  }
  if (input.length >= 4 && input[0] === 0 && input[1] === 0x3c) {
    warnings.add('UTF-16 without a byte-order mark; read as UTF-16BE');
    return new TextDecoder('utf-16be').decode(input);
  }

  const bytes = stripUtf8Bom(input);
  const declared = findDeclaredEncoding(bytes);
  const scan = scanUtf8(bytes);

  if (scan.valid) {
    if (declared && !UTF8_LABELS.test(declared) && scan.multibyte > 0) {
      warnings.add(`Declared encoding ${declared}, but the bytes are UTF-8; read as UTF-8`);
    }
    return new TextDecoder('utf-8').decode(bytes);
  }

  if (declared && !UTF8_LABELS.test(declared) && !/^utf-?16/i.test(declared)) {
    const decoded = decodeWith(declared, bytes);
    if (decoded !== null) return decoded;
    warnings.add(`Unknown declared encoding ${declared}; read as Windows-1252 (Latin-1)`);
    return new TextDecoder('windows-1252').decode(bytes);
  }

  // Mostly good UTF-8 with a few damaged bytes: keep it UTF-8 and mark the damage.
  if (scan.multibyte > 0 && scan.invalid <= Math.max(2, scan.multibyte / 10)) {
    warnings.add('Invalid UTF-8 bytes replaced with U+FFFD');
    return new TextDecoder('utf-8').decode(bytes);
  }
  warnings.add(
    declared
      ? `Declared encoding ${declared}, but the bytes are not UTF-8; read as Windows-1252 (Latin-1)`
      : 'Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)',
  );
  return new TextDecoder('windows-1252').decode(bytes);
}
