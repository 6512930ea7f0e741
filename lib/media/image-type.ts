// Which image a file is, from its first bytes: never from its name or the browser's word.

export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type ImageMime = (typeof ACCEPTED_IMAGE_TYPES)[number];

/** The largest upload accepted: a full-resolution news photo is 5–12 MB. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/** The most pixels accepted: a 100-megapixel medium-format frame; beyond is a decompression bomb. */
export const MAX_IMAGE_PIXELS = 100_000_000;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The image type these bytes start with, or null if they are not JPEG, PNG, WebP or GIF. */
export function detectImageType(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** "15 MB", "2.4 MB", "820 KB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    // Rounded up, so a file just over the limit never reads as the limit ("15.0 MB").
    const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why an upload is refused before anything is stored, or null if it may go ahead. */
export function uploadProblem(bytes: Uint8Array | null, size = bytes?.length ?? 0): string | null {
  if (bytes === null || size > MAX_IMAGE_BYTES) {
    return `Images can be at most ${formatBytes(MAX_IMAGE_BYTES)}${bytes === null ? '' : ` (this one is ${formatBytes(size)})`}.`;
  }
  if (size === 0) return 'The file is empty.';
  if (!detectImageType(bytes)) return 'Only JPEG, PNG, WebP and GIF images can be uploaded.';
  return null;
}
