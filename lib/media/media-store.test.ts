import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory } from '@/db/factories';
import { media, stories } from '@/db/schema';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { jsonErrorResponse } from '@/lib/http/json-error';
import type { Actor } from '@/lib/permissions';
import { renderStoryBody } from '@/lib/render/render-story-body';
import { saveStory } from '@/lib/stories/save-story';
import {
  MEDIA_ID_PATTERN,
  StoryBodySchema,
  storyBodyMediaIds,
  storyBodyToText,
  type StoryBody,
  type StoryImageAttrs,
} from '@/lib/stories/story-body';
import { getWorkingCopy } from '@/lib/stories/story-revisions';
import type { StaffUser } from '@/lib/users';
import { detectImageType, formatBytes, MAX_IMAGE_BYTES, uploadProblem } from './image-type';
import { newMediaId } from './media-id';
import { readImageVariant, readOriginalImage, storeUploadedImage } from './media-store';

let mediaDir: string;
let reporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  // A media directory of this file's own, so what is written can be counted and removed.
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'wiredesk-media-test-'));
  vi.stubEnv('WIREDESK_MEDIA_DIR', mediaDir);
  reporter = await createStaff({ role: 'reporter', name: 'Rita Reporter' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fs.rm(mediaDir, { recursive: true, force: true });
});

// Real, small images made on the spot.
const canvas = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } });
const makeJpeg = (width = 400, height = 300) => canvas(width, height).jpeg().toBuffer();
const makePng = (width = 400, height = 300) => canvas(width, height).png().toBuffer();
const makeWebp = (width = 400, height = 300) => canvas(width, height).webp().toBuffer();
const makeGif = (width = 400, height = 300) => canvas(width, height).gif().toBuffer();
async function makeAnimatedGif(width: number, height: number, frames: number): Promise<Buffer> {
  const colours = ['#c00', '#0c0', '#00c', '#cc0'];
  const pngs = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp({ create: { width, height, channels: 3, background: colours[i % colours.length]! } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(pngs, { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A PNG that is all header: it claims a size but carries no pixels. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function mediaCount(): Promise<number> {
  const db = await getDb();
  return db.$count(media);
}

/** What the upload refused: the lib error, and the HTTP status the API route answers with. */
async function refusal(bytes: Uint8Array | null): Promise<{ error: ValidationError; status: number }> {
  const error = await storeUploadedImage(reporter, bytes).then(
    () => {
      throw new Error('The upload was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return { error: error as ValidationError, status: jsonErrorResponse(error).status };
}

// ---------------------------------------------------------------------------------------
// Uploading

test.each([
  ['JPEG', makeJpeg, 'image/jpeg'],
  ['PNG', makePng, 'image/png'],
  ['WebP', makeWebp, 'image/webp'],
  ['GIF', makeGif, 'image/gif'],
] as const)('a %s upload is stored under a random id and reads back byte for byte', async (_name, make, mime) => {
  const bytes = await make(400, 300);
  const uploaded = await storeUploadedImage(reporter, bytes);
  expect(uploaded).toEqual({
    id: expect.stringMatching(MEDIA_ID_PATTERN),
    mime,
    width: 400,
    height: 300,
    bytes: bytes.length,
  });

  const db = await getDb();
  const [row] = await db.select().from(media).where(eq(media.id, uploaded.id));
  expect(row).toMatchObject({ mime, width: 400, height: 300, bytes: bytes.length, uploadedById: reporter.id });
  expect(row!.filePath).toBe(path.join(uploaded.id.slice(0, 2), uploaded.id));
  expect(await fs.readFile(path.join(mediaDir, row!.filePath))).toEqual(bytes);

  const original = await readOriginalImage(uploaded.id);
  expect(original?.mime).toBe(mime);
  expect(Buffer.compare(original!.bytes, bytes)).toBe(0);
});

test('every upload gets its own unguessable id', async () => {
  const bytes = await makePng(20, 20);
  const [a, b] = await Promise.all([storeUploadedImage(reporter, bytes), storeUploadedImage(editor, bytes)]);
  expect(a.id).not.toBe(b.id);
  const ids = new Set(Array.from({ length: 200 }, newMediaId));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(MEDIA_ID_PATTERN);
});

test.each([
  [
    'an SVG (it can carry script)',
    () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  ],
  ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n')],
  ['an HTML page named photo.jpg', () => Buffer.from('<!doctype html><img src=x onerror=alert(1)>')],
  ['a BMP', () => Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])],
  ['a TIFF', () => canvas(40, 30).tiff().toBuffer()],
  ['an AVIF', () => canvas(40, 30).avif().toBuffer()],
  [
    'a WAVE file (RIFF, but not WebP)',
    () => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]),
  ],
  ['the first two bytes of a JPEG and nothing more', () => Buffer.from([0xff, 0xd8])],
])('%s is refused with a clear message, as bad input and not a server error', async (_name, make) => {
  const before = await mediaCount();
  const { error, status } = await refusal(await make());
  expect(error.message).toBe('Only JPEG, PNG, WebP and GIF images can be uploaded.');
  expect(error.fieldErrors).toEqual({ file: ['Only JPEG, PNG, WebP and GIF images can be uploaded.'] });
  expect(status).toBe(422);
  expect(await mediaCount()).toBe(before);
});

test('an empty file, and no file at all, are refused', async () => {
  expect((await refusal(new Uint8Array())).error.message).toBe('The file is empty.');
  // The API route passes null when the body was longer than the limit.
  const { error, status } = await refusal(null);
  expect(error.message).toBe('Images can be at most 15 MB.');
  expect(status).toBe(422);
});

test('a file over the size limit is refused before it is looked at, saying how big it is', async () => {
  const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
  huge.set([0xff, 0xd8, 0xff, 0xe0]);
  const before = await filesIn(mediaDir);
  const { error, status } = await refusal(huge);
  expect(error.message).toBe('Images can be at most 15 MB (this one is 15.1 MB).');
  expect(error.fieldErrors.file).toEqual([error.message]);
  expect(status).toBe(422);
  expect(await filesIn(mediaDir)).toEqual(before);
  // Exactly at the limit is not "too big" (it is refused only for not being an image).
  expect(uploadProblem(huge.subarray(0, MAX_IMAGE_BYTES))).toBeNull();
});

test('sizes read as people say them, and the size of a refused file never looks within the limit', () => {
  expect(formatBytes(MAX_IMAGE_BYTES)).toBe('15 MB');
  expect(formatBytes(MAX_IMAGE_BYTES + 1)).toBe('15.1 MB');
  expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
  expect(formatBytes(820 * 1024)).toBe('820 KB');
  expect(formatBytes(10)).toBe('1 KB');
  expect(uploadProblem(null, 20 * 1024 * 1024)).toBe('Images can be at most 15 MB.');
});

test.each([
  [
    'a file with a PNG signature and rubbish after it',
    () => Buffer.concat([pngHeaderOnly(1, 1).subarray(0, 8), Buffer.alloc(200, 7)]),
  ],
  ['a JPEG cut off half way (an interrupted upload)', async () => (await makeJpeg(400, 300)).subarray(0, 500)],
  ['a PNG cut off half way', async () => (await makePng(400, 300)).subarray(0, 1200)],
  ['a PNG that claims a size but has no pixels', async () => pngHeaderOnly(64, 64)],
  ['a PNG that claims to be 30,000 pixels square', async () => pngHeaderOnly(30_000, 30_000)],
])('%s is refused as damaged, and nothing is stored', async (_name, make) => {
  const before = { rows: await mediaCount(), files: await filesIn(mediaDir) };
  const { error, status } = await refusal(await make());
  expect(error.message).toBe('This file could not be read as an image (it may be damaged).');
  expect(status).toBe(422);
  expect({ rows: await mediaCount(), files: await filesIn(mediaDir) }).toEqual(before);
});

test('a file claiming an enormous picture is refused for its size in pixels, and nothing is stored', async () => {
  const before = { rows: await mediaCount(), files: await filesIn(mediaDir) };
  // A real 16-pixel JPEG whose frame header says 20,000 × 20,000: 400 megapixels to decode.
  const jpeg = Buffer.from(await makeJpeg(16, 16));
  for (let i = 2; i + 9 < jpeg.length && jpeg[i] === 0xff; i += 2 + jpeg.readUInt16BE(i + 2)) {
    if (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2) {
      jpeg.writeUInt16BE(20_000, i + 5);
      jpeg.writeUInt16BE(20_000, i + 7);
      break;
    }
  }
  const { error, status } = await refusal(jpeg);
  expect(error.message).toBe('This image is 20000 × 20000 pixels; images can be at most 100 megapixels.');
  expect(status).toBe(422);
  expect({ rows: await mediaCount(), files: await filesIn(mediaDir) }).toEqual(before);
});

test('only staff can upload', async () => {
  await expect(storeUploadedImage(null as unknown as Actor, await makePng(10, 10))).rejects.toBeInstanceOf(
    ForbiddenError,
  );
});

test('the type is read from the bytes, never the name', () => {
  expect(detectImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
  expect(detectImageType(new TextEncoder().encode('GIF87a'))).toBe('image/gif');
  expect(detectImageType(new TextEncoder().encode('GIF89a'))).toBe('image/gif');
  expect(detectImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  expect(detectImageType(new TextEncoder().encode('GIF8'))).toBeNull();
  expect(detectImageType(new Uint8Array())).toBeNull();
});

// ---------------------------------------------------------------------------------------
// Reading back and resized variants

test('variants are WebP, at most the width asked for, never enlarged, and made once', async () => {
  const { id } = await storeUploadedImage(reporter, await makeJpeg(1600, 900));

  const small = await readImageVariant(id, 640);
  expect(small?.mime).toBe('image/webp');
  expect(await sharp(small!.bytes).metadata()).toMatchObject({ format: 'webp', width: 640, height: 360 });

  const large = await readImageVariant(id, 1920);
  expect(await sharp(large!.bytes).metadata()).toMatchObject({ width: 1600, height: 900 });

  // Kept on disk beside the original and served from there the next time.
  const stored = path.join(mediaDir, id.slice(0, 2), `${id}.w640.webp`);
  expect(await fs.readFile(stored)).toEqual(small!.bytes);
  const again = await readImageVariant(id, 640);
  expect(Buffer.compare(again!.bytes, small!.bytes)).toBe(0);
});

test('a photo taken on its side is stored and resized the way readers see it', async () => {
  const sideways = await canvas(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const uploaded = await storeUploadedImage(reporter, sideways);
  expect(uploaded).toMatchObject({ width: 200, height: 400 });
  const variant = await readImageVariant(uploaded.id, 320);
  expect(await sharp(variant!.bytes).metadata()).toMatchObject({ width: 200, height: 400 });
});

test('an animated GIF is measured by one frame and stays animated when resized', async () => {
  const uploaded = await storeUploadedImage(reporter, await makeAnimatedGif(64, 48, 3));
  expect(uploaded).toMatchObject({ mime: 'image/gif', width: 64, height: 48 });
  const variant = await readImageVariant(uploaded.id, 320);
  const meta = await sharp(variant!.bytes, { animated: true }).metadata();
  expect(meta).toMatchObject({ format: 'webp', pages: 3, width: 64, pageHeight: 48 });
});

test('unknown and malformed media ids read as nothing (no way out of the media directory)', async () => {
  const unknown = newMediaId();
  expect(await readOriginalImage(unknown)).toBeNull();
  expect(await readImageVariant(unknown, 320)).toBeNull();
  for (const id of ['../../etc/passwd', '', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', `${unknown}/../x`]) {
    expect(await readOriginalImage(id)).toBeNull();
    expect(await readImageVariant(id, 320)).toBeNull();
  }
});

// ---------------------------------------------------------------------------------------
// The image node in a story body

const MEDIA_ID = 'abcdefghijklmnopqrstuvwxyz';
const imageNode = (attrs: Partial<StoryImageAttrs> & Record<string, unknown> = {}) => ({
  type: 'image',
  attrs: { mediaId: MEDIA_ID, width: 1200, height: 800, alt: '', caption: '', credit: 'Rita Reporter', ...attrs },
});
const bodyWith = (...content: unknown[]) => ({ type: 'doc', content }) as StoryBody;

function bodyIssues(body: unknown): string[] {
  const result = StoryBodySchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

test.each([
  ['without a credit', { credit: undefined }, 'Every image needs a credit'],
  ['with a blank credit', { credit: '   ' }, 'Every image needs a credit'],
  ['with a credit too long', { credit: 'x'.repeat(201) }, 'Credit is too long'],
  ['with alt text too long', { alt: 'x'.repeat(501) }, 'Alt text is too long'],
  ['with a caption too long', { caption: 'x'.repeat(1001) }, 'Caption is too long'],
  ['from another site', { mediaId: 'https://example.com/photo.jpg' }, 'Images must be uploaded to Wiredesk'],
  ['pointing up the media directory', { mediaId: '../../../../etc/passwd' }, 'Images must be uploaded to Wiredesk'],
])('an image %s is refused', (_name, attrs, message) => {
  expect(bodyIssues(bodyWith(imageNode(attrs)))).toEqual([message]);
});

test('an image’s alt text and caption are optional and trimmed; attributes we do not use are dropped', () => {
  const node = imageNode({ credit: '  Photo: Rita Reporter ', caption: ' The harbour at dawn. ' });
  delete (node.attrs as Partial<StoryImageAttrs>).alt;
  const parsed = StoryBodySchema.parse(
    bodyWith({ ...node, attrs: { ...node.attrs, src: 'javascript:alert(1)', onerror: 'alert(1)' } }),
  );
  expect(parsed.content[0]).toEqual({
    type: 'image',
    attrs: {
      mediaId: MEDIA_ID,
      width: 1200,
      height: 800,
      alt: '',
      caption: 'The harbour at dawn.',
      credit: 'Photo: Rita Reporter',
    },
  });
});

test('a caption is text readers see (searched and counted); the credit and alt text are not', () => {
  const body = bodyWith(
    { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
    imageNode({ caption: 'Boats in the harbour.', alt: 'Fishing boats', credit: 'AFP' }),
    { type: 'blockquote', content: [imageNode({ mediaId: 'b'.repeat(26) })] },
    imageNode(),
  );
  expect(storyBodyToText(body)).toBe('Before.\n\nBoats in the harbour.');
  expect(storyBodyMediaIds(body)).toEqual([MEDIA_ID, 'b'.repeat(26)]);
});

test('a saved image takes its real size from the upload; an image not uploaded here is refused', async () => {
  const uploaded = await storeUploadedImage(reporter, await makeJpeg(1200, 800));
  const { id } = await createTestStory(reporter);
  const copy = await getWorkingCopy(reporter, id);
  const input = {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    sectionId: copy.sectionId,
    baseVersion: copy.version,
  };
  const withImage = (attrs: Partial<StoryImageAttrs>) =>
    bodyWith(
      { type: 'paragraph', content: [{ type: 'text', text: 'The harbour today.' }] },
      imageNode({ caption: 'Boats at dawn.', credit: 'Photo: Rita Reporter', alt: 'Boats', ...attrs }),
    );

  const forged = await saveStory(reporter, id, { ...input, body: withImage({ mediaId: newMediaId() }) }).catch(
    (e: unknown) => e,
  );
  expect(forged).toBeInstanceOf(ValidationError);
  expect((forged as ValidationError).fieldErrors).toEqual({
    body: ['An image in the body was not uploaded here; upload it again.'],
  });

  const uncredited = await saveStory(reporter, id, { ...input, body: withImage({ mediaId: uploaded.id, credit: '' }) })
    .then(() => null)
    .catch((e: unknown) => e);
  expect(uncredited).toBeInstanceOf(ValidationError);
  expect((uncredited as ValidationError).message).toBe('Every image needs a credit');

  // The browser's word for the size is not taken.
  await saveStory(reporter, id, { ...input, body: withImage({ mediaId: uploaded.id, width: 5, height: 5000 }) });
  const db = await getDb();
  const [story] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
  expect(story!.body.content[1]).toMatchObject({
    type: 'image',
    attrs: { mediaId: uploaded.id, width: 1200, height: 800 },
  });
  const html = renderStoryBody(story!.body);
  expect(html).toContain(`<img src="/media/${uploaded.id}/w960"`);
  expect(html).toContain('width="1200" height="800" alt="Boats"');
  expect(html).toContain('<figcaption>Boats at dawn. — Photo: Rita Reporter</figcaption>');
});

// ---------------------------------------------------------------------------------------
// Rendering images

test('an image renders as a figure with its variants, its size, its alt text and its credit', () => {
  const html = renderStoryBody(bodyWith(imageNode({ alt: 'Boats in the harbour', caption: 'Dawn.', credit: 'AFP' })));
  expect(html).toBe(
    '<figure>' +
      `<img src="/media/${MEDIA_ID}/w960"` +
      ` srcset="/media/${MEDIA_ID}/w320 320w, /media/${MEDIA_ID}/w640 640w, /media/${MEDIA_ID}/w960 960w, /media/${MEDIA_ID}/w1280 1200w"` +
      ' sizes="(min-width: 760px) 720px, 100vw" width="1200" height="800" alt="Boats in the harbour"' +
      ' loading="lazy" decoding="async">' +
      '<figcaption>Dawn. — AFP</figcaption>' +
      '</figure>',
  );
});

test('the credit shows even without a caption; with neither there is no caption at all', () => {
  expect(renderStoryBody(bodyWith(imageNode({ credit: 'Reuters' })))).toContain('<figcaption>Reuters</figcaption>');
  expect(renderStoryBody(bodyWith(imageNode({ credit: '' })))).not.toContain('figcaption');
});

test('alt text, caption and credit are escaped: stored markup never becomes markup', () => {
  const hostile = '"><script>alert(1)</script><img src=x onerror=alert(1) alt=\'';
  const html = renderStoryBody(bodyWith(imageNode({ alt: hostile, caption: hostile, credit: hostile })));
  expect(html).not.toContain('<script');
  expect(html).not.toMatch(/<img src=x/);
  expect(html.match(/<img /g)).toHaveLength(1);
  expect(html).toContain(
    'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1) alt=&#39;"',
  );
});

test.each([
  'https://example.com/photo.jpg',
  '//example.com/photo.jpg',
  'javascript:alert(1)',
  '../../etc/passwd',
  `${MEDIA_ID}" onerror="alert(1)`,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
])('an image whose id is not one of ours (%j) renders as nothing', (mediaId) => {
  expect(renderStoryBody(bodyWith(imageNode({ mediaId }), { type: 'horizontalRule' }))).toBe('<hr>');
});

test('every address an image renders with is one of our own /media/ addresses', () => {
  for (const width of [1, 100, 320, 640, 800, 1920, 5000]) {
    const html = renderStoryBody(bodyWith(imageNode({ width })));
    const urls = [...html.matchAll(/(?:src|srcset)="([^"]*)"/g)].flatMap((m) =>
      m[1]!.split(', ').map((u) => u.split(' ')[0]),
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(new RegExp(`^/media/${MEDIA_ID}/w(320|640|960|1280|1920)$`));
  }
});

test('a size that is not a whole number of pixels falls back to a safe default', () => {
  const html = renderStoryBody(
    bodyWith({ type: 'image', attrs: { mediaId: MEDIA_ID, width: '100%" onload="x', height: -3, credit: 'AFP' } }),
  );
  expect(html).toContain('width="960" alt=""');
  expect(html).not.toContain('height=');
  expect(html).not.toContain('onload');
});
