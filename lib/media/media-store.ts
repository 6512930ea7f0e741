import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { getDb, type Transaction } from '@/db/client';
import { media } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { ValidationError } from '@/lib/errors';
import { recordAdminEvent } from '@/lib/admin-audit';
import { requirePermission, type Actor } from '@/lib/permissions';
import { MEDIA_ID_PATTERN, type StoryBlock, type StoryBody } from '@/lib/stories/story-body';
import { storyBodyMediaIds } from '@/lib/stories/story-body';
import { detectImageType, MAX_IMAGE_PIXELS, uploadProblem, type ImageMime } from './image-type';
import { newMediaId } from './media-id';
import type { MediaVariantWidth } from './media-paths';

export type UploadedImage = { id: string; mime: ImageMime; width: number; height: number; bytes: number };

// Originals sit at <media dir>/<first two letters of the id>/<id>, so no folder grows past
// ~1,000 files per million images; variants are made on first request and kept beside them.
function originalPath(mediaId: string): string {
  return path.join(getConfig().mediaDir, mediaId.slice(0, 2), mediaId);
}

function variantPath(mediaId: string, width: MediaVariantWidth): string {
  return path.join(getConfig().mediaDir, mediaId.slice(0, 2), `${mediaId}.w${width}.webp`);
}

// Written under a temporary name and renamed: a reader never sees half a file.
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, file);
}

/**
 * Stores an uploaded image: checked by its content (JPEG, PNG, WebP or GIF, at most
 * MAX_IMAGE_BYTES, decodable), written to the media directory, recorded in `media`.
 * Not tied to a story yet (the story's save links it), so no story event is written.
 */
export async function storeUploadedImage(
  actor: Actor,
  bytes: Uint8Array | null,
  now = new Date(),
): Promise<UploadedImage> {
  requirePermission(actor, 'media:upload');
  const problem = uploadProblem(bytes);
  if (problem || !bytes) throw new ValidationError(problem ?? 'The file is empty.', { file: [problem ?? ''] });
  const mime = detectImageType(bytes)!;
  let width: number | undefined;
  let height: number | undefined;
  let tooLarge: string | null = null;
  try {
    // sharp's own pixel limit would refuse before we could say why; ours is checked below.
    const image = sharp(bytes, { animated: mime === 'image/gif' || mime === 'image/webp', limitInputPixels: false });
    const meta = await image.metadata();
    // A few kilobytes can claim an enormous picture; say so rather than "damaged".
    if ((meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) > MAX_IMAGE_PIXELS) {
      tooLarge = `This image is ${meta.width} × ${meta.pageHeight ?? meta.height} pixels; images can be at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`;
      throw new Error(tooLarge);
    }
    // metadata() reads only the header, so a file cut off half way passed and then failed
    // (a 500) each time a variant was made. Reading it all, into a thumbnail (a fraction of
    // a full decode's cost for a large JPEG), refuses it here instead.
    await image.resize({ width: 64 }).raw().toBuffer();
    width = meta.width;
    // Animated images report the height of all frames stacked; one frame is what shows.
    height = meta.pageHeight ?? meta.height;
    // EXIF orientations 5–8 turn the picture a quarter: readers see it the other way round.
    if (meta.orientation && meta.orientation >= 5) [width, height] = [height, width];
  } catch {
    // sharp could not decode it: a truncated or disguised file.
  }
  if (tooLarge) throw new ValidationError(tooLarge, { file: [tooLarge] });
  if (!width || !height) {
    const message = 'This file could not be read as an image (it may be damaged).';
    throw new ValidationError(message, { file: [message] });
  }

  const id = newMediaId();
  const file = originalPath(id);
  await writeAtomically(file, bytes);
  try {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.insert(media).values({
        id,
        filePath: path.relative(getConfig().mediaDir, file),
        mime,
        width,
        height,
        bytes: bytes.length,
        uploadedById: actor.id,
        createdAt: now,
      });
      await recordAdminEvent(tx, {
        kind: 'media_uploaded',
        actor,
        subject: id,
        detail: `${mime}, ${width} × ${height}, ${Math.ceil(bytes.length / 1024)} KB`,
        at: now,
      });
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  return { id, mime, width, height, bytes: bytes.length };
}

/**
 * Checks that every image in a body is one we stored, and writes its real size into the
 * node (the browser's word is not taken for it): the public page reserves the space.
 */
export async function resolveBodyImages(tx: Transaction, body: StoryBody): Promise<StoryBody> {
  const ids = storyBodyMediaIds(body);
  if (ids.length === 0) return body;
  const rows = await tx
    .select({ id: media.id, width: media.width, height: media.height })
    .from(media)
    .where(inArray(media.id, ids));
  const sizes = new Map(rows.map((row) => [row.id, row]));
  if (sizes.size !== ids.length) {
    const message = 'An image in the body was not uploaded here; upload it again.';
    throw new ValidationError(message, { body: [message] });
  }
  const visit = (blocks: StoryBlock[]): StoryBlock[] =>
    blocks.map((block) => {
      if (block.type === 'image') {
        const size = sizes.get(block.attrs.mediaId)!;
        return { ...block, attrs: { ...block.attrs, width: size.width, height: size.height } };
      }
      if (block.type === 'blockquote') return { ...block, content: visit(block.content) };
      if (block.type === 'bulletList' || block.type === 'orderedList')
        return { ...block, content: block.content.map((item) => ({ ...item, content: visit(item.content) })) };
      return block;
    });
  return { ...body, content: visit(body.content) };
}

export type MediaFile = { bytes: Buffer; mime: string };

/** The uploaded file as stored, or null. Its type is read from the bytes, so no lookup is needed. */
export async function readOriginalImage(mediaId: string): Promise<MediaFile | null> {
  if (!MEDIA_ID_PATTERN.test(mediaId)) return null;
  const bytes = await fs.readFile(originalPath(mediaId)).catch(() => null);
  const mime = bytes ? detectImageType(bytes) : null;
  return bytes && mime ? { bytes, mime } : null;
}

/**
 * A WebP at most `width` pixels wide (never enlarged, animation kept), made on first
 * request and kept on disk, so each variant is computed once.
 */
export async function readImageVariant(mediaId: string, width: MediaVariantWidth): Promise<MediaFile | null> {
  if (!MEDIA_ID_PATTERN.test(mediaId)) return null;
  const file = variantPath(mediaId, width);
  const cached = await fs.readFile(file).catch(() => null);
  if (cached) return { bytes: cached, mime: 'image/webp' };
  const original = await readOriginalImage(mediaId);
  if (!original) return null;
  const animated = original.mime === 'image/gif' || original.mime === 'image/webp';
  const bytes = await sharp(original.bytes, { animated })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  await writeAtomically(file, bytes);
  return { bytes, mime: 'image/webp' };
}
