// A small ustar (POSIX tar) writer and reader, gzipped: backups are one `.tar.gz` an
// operator can also list or unpack with `tar`. Only what backups need: regular files
// and the directories implied by their names.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import zlib from 'node:zlib';

const BLOCK = 512;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export type ArchiveEntry = { name: string; size: number; sha256: string };

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The name split into ustar's `prefix` (155 bytes) and `name` (100 bytes) fields. */
function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  const cut = name.lastIndexOf('/', 155);
  const prefix = name.slice(0, cut);
  const base = name.slice(cut + 1);
  if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(base) > 100) {
    throw new ArchiveError(`Name too long for the archive: ${name}`);
  }
  return { prefix, base };
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  block.write(base, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii'); // checksum placeholder: eight spaces
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

/** An entry to write: its name in the archive and the file it comes from. */
export type ArchiveSource = { name: string; file: string };

/**
 * Writes a gzipped tar of `sources`, in order, to `output`; returns each entry's size
 * and SHA-256 (computed from the bytes written, so they describe the archive itself).
 */
export async function writeTarGz(output: Writable, sources: ArchiveSource[]): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  async function* blocks(): AsyncGenerator<Buffer> {
    const mtime = Date.now();
    for (const source of sources) {
      const size = (await fs.promises.stat(source.file)).size;
      yield header(source.name, size, mtime);
      const hash = createHash('sha256');
      let written = 0;
      for await (const chunk of fs.createReadStream(source.file)) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        written += bytes.length;
        yield bytes;
      }
      if (written !== size) throw new ArchiveError(`${source.file} changed while it was being archived`);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) yield Buffer.alloc(padding);
      entries.push({ name: source.name, size, sha256: hash.digest('hex') });
    }
    yield Buffer.alloc(BLOCK * 2);
  }
  await pipeline(Readable.from(blocks()), zlib.createGzip({ level: 6 }), output);
  return entries;
}

function parseOctal(block: Buffer, offset: number, length: number): number {
  const text = block
    .subarray(offset, offset + length)
    .toString('ascii')
    .replace(/\0.*$/s, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('The archive is damaged (a header is not readable).');
  return text ? parseInt(text, 8) : 0;
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** A name from an archive that stays inside the directory it is unpacked into. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * Unpacks a gzipped tar into `directory` (which must be empty), checking every header;
 * returns each file's name, size and SHA-256. Refuses anything but regular files and
 * directories, and any name that would land outside `directory`.
 */
export async function extractTarGz(input: Readable, directory: string): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  let pending: Buffer = Buffer.alloc(0);
  type Current = { name: string; size: number; remaining: number; hash: ReturnType<typeof createHash>; fd: number };
  let current: Current | null = null;
  let skipping = 0;
  let ended = false;
  const seen = new Set<string>();

  const finishEntry = () => {
    if (!current) return;
    fs.closeSync(current.fd);
    entries.push({ name: current.name, size: current.size, sha256: current.hash.digest('hex') });
    skipping = (BLOCK - (current.size % BLOCK)) % BLOCK;
    current = null;
  };

  const consume = (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (ended) {
        pending = Buffer.alloc(0);
        return;
      }
      if (skipping > 0) {
        const n = Math.min(skipping, pending.length);
        skipping -= n;
        pending = pending.subarray(n);
        if (skipping > 0) return;
      }
      if (current) {
        const n = Math.min(current.remaining, pending.length);
        if (n > 0) {
          const part = pending.subarray(0, n);
          current.hash.update(part);
          fs.writeSync(current.fd, part);
          current.remaining -= n;
          pending = pending.subarray(n);
        }
        if (current.remaining > 0) return;
        finishEntry();
        continue;
      }
      if (pending.length < BLOCK) return;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((byte) => byte === 0)) {
        ended = true;
        continue;
      }
      const stored = parseOctal(block, 148, 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
      if (stored !== sum) throw new ArchiveError('The archive is damaged (a header checksum does not match).');
      const prefix = readString(block, 345, 155);
      const base = readString(block, 0, 100);
      const name = prefix ? `${prefix}/${base}` : base;
      const size = parseOctal(block, 124, 12);
      const type = String.fromCharCode(block[156] || 48);
      const cleanName = name.replace(/\/$/, '');
      if (!isSafeEntryName(cleanName))
        throw new ArchiveError(`The archive holds an unsafe name: ${JSON.stringify(name)}`);
      if (type === '5') {
        fs.mkdirSync(path.join(directory, cleanName), { recursive: true });
        continue;
      }
      if (type !== '0') throw new ArchiveError(`The archive holds something other than files: ${cleanName}`);
      if (seen.has(cleanName)) throw new ArchiveError(`The archive holds ${cleanName} twice.`);
      seen.add(cleanName);
      const target = path.join(directory, cleanName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      current = { name: cleanName, size, remaining: size, hash: createHash('sha256'), fd: fs.openSync(target, 'wx') };
      if (size === 0) finishEntry();
    }
  };

  try {
    await pipeline(
      input,
      zlib.createGunzip(),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          try {
            consume(chunk);
            done();
          } catch (error) {
            done(error as Error);
          }
        },
      }),
    );
  } catch (error) {
    if (current) fs.closeSync((current as Current).fd);
    if (error instanceof ArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new ArchiveError('The archive is damaged or incomplete (it is not a readable .tar.gz).');
    }
    throw error;
  }
  if (current || !ended) throw new ArchiveError('The archive is incomplete (it ends in the middle).');
  return entries;
}
