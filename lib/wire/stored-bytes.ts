import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** How wire files are kept in the database: losslessly deflated. */
export function packWireBytes(bytes: Uint8Array): Buffer {
  return deflateRawSync(bytes, { level: 6 });
}

/** The file exactly as it was received. */
export function unpackWireBytes(stored: Buffer): Buffer {
  return inflateRawSync(stored);
}
