/**
 * Photos, kept locally. A capture's photoUrl is fetched once — from
 * LinkedIn's image host only, without cookies or referrer — shrunk to a
 * 96 px JPEG and stored in the `photos` table; extension pages show that
 * copy and load no remote image (their CSP allows `img-src 'self' data:`).
 * Loading the URL on every render would tell the image host, with its
 * cookies, whom the user keeps, each time they look.
 *
 * Runs wherever a save lands (the background's router, the popup) and in the
 * background's periodic backfill, for saves whose fetch did not finish.
 */
import type { IntrobookDB } from '@/utils/db/app-db';
import { PHOTO_HOSTS, photoSchema, type Photo } from '@/utils/domain/local-data';
import type { Person } from '@/utils/domain/schemas';

export const PHOTO_SIZE = 96;
const MAX_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;
const IMAGE_TYPES = /^image\/(?:jpeg|png|webp|gif)$/;

export interface Shrunk {
  dataUrl: string;
  width: number;
  height: number;
}

export interface PhotoDeps {
  fetch: typeof fetch;
  /** Decode, crop to a square and scale down; null when the bytes are not an image. */
  shrink: (image: Blob) => Promise<Shrunk | null>;
  now: () => number;
}

export type PhotoOutcome = 'stored' | 'unchanged' | 'not-allowed' | 'unavailable' | 'failed';

/** https on LinkedIn's image host, nothing else. */
export function isAllowedPhotoUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && PHOTO_HOSTS.includes(parsed.hostname) && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** With OffscreenCanvas (service worker, Firefox's background page, extension pages). */
export async function shrinkWithCanvas(image: Blob): Promise<Shrunk | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    return null;
  }
  const side = Math.min(bitmap.width, bitmap.height);
  const size = Math.max(1, Math.min(PHOTO_SIZE, side));
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context || side === 0) return null;
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return { dataUrl: `data:image/jpeg;base64,${toBase64(new Uint8Array(await jpeg.arrayBuffer()))}`, width: size, height: size };
}

/** The browser's fetch and canvas, or null where an image cannot be decoded (unit tests in Node). */
export function browserPhotoDeps(): PhotoDeps | null {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function' || typeof fetch !== 'function') return null;
  return { fetch: (input, init) => fetch(input, init), shrink: shrinkWithCanvas, now: () => Date.now() };
}

const inFlight = new Set<string>();

/**
 * Make sure the person's photo is stored: fetch it if it is on LinkedIn's
 * image host and not stored yet for that URL. Never throws; a failure leaves
 * the initials, and the backfill tries again later.
 */
export async function storePhoto(
  db: IntrobookDB,
  person: Pick<Person, 'id' | 'photoUrl'>,
  deps: PhotoDeps | null = browserPhotoDeps(),
): Promise<PhotoOutcome> {
  const url = person.photoUrl;
  if (!isAllowedPhotoUrl(url)) return 'not-allowed';
  const key = `${person.id} ${url}`;
  if (inFlight.has(key)) return 'unchanged';
  inFlight.add(key);
  try {
    const existing = await db.photos.get(person.id);
    if (existing?.url === url) return 'unchanged';
    if (!deps) return 'unavailable';
    const response = await deps.fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const length = Number(response.headers.get('content-length') ?? '0');
    if (!response.ok || !IMAGE_TYPES.test(type) || length > MAX_BYTES) return 'failed';
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_BYTES) return 'failed';
    const shrunk = await deps.shrink(new Blob([bytes], { type }));
    if (!shrunk) return 'failed';
    const now = deps.now();
    const photo = photoSchema.safeParse({
      id: person.id,
      url,
      ...shrunk,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    } satisfies Photo);
    if (!photo.success) return 'failed';
    await db.photos.put(photo.data);
    return 'stored';
  } catch {
    return 'failed';
  } finally {
    inFlight.delete(key);
  }
}

const CHECKED_KEY = 'photosCheckedUpTo';
const RETRY_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Fetch the photos saves did not get to (the popup closed mid-fetch, the
 * browser was offline): looks only at people changed since the last run
 * (an indexed range), so the cost follows new saves, not the size of the store.
 */
export async function backfillPhotos(db: IntrobookDB, deps: PhotoDeps | null = browserPhotoDeps(), limit = 50): Promise<number> {
  if (!deps) return 0;
  const since = Number((await db.meta.get(CHECKED_KEY))?.value ?? 0);
  const changed = await db.people.where('updatedAt').above(since).limit(limit).toArray();
  let stored = 0;
  let upTo = since;
  let retryFrom = false;
  for (const person of changed) {
    const outcome = person.deletedAt === null ? await storePhoto(db, person, deps) : 'not-allowed';
    if (outcome === 'stored') stored += 1;
    // A fetch that failed today is tried again next time (offline?); after a day the URL has likely expired.
    if (outcome === 'failed' && deps.now() - person.updatedAt < RETRY_FOR_MS) retryFrom = true;
    if (!retryFrom) upTo = Math.max(upTo, person.updatedAt);
  }
  if (upTo > since) await db.meta.put({ id: CHECKED_KEY, value: upTo, updatedAt: deps.now() });
  return stored;
}
