import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PIXEL_PNG } from '@/tests/helpers/backup';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { savePersonCapture } from '@/utils/db/people';
import { backfillPhotos, isAllowedPhotoUrl, storePhoto, type PhotoDeps } from './photos';

const ADA_PHOTO = 'https://media.licdn.com/dms/image/v2/ada/profile-displayphoto-shrink_400_400/0?e=1&v=beta&t=x';

let db: IntrobookDB;
let fetches: { url: string; init: RequestInit | undefined }[];
let deps: PhotoDeps;
let clock: number;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  fetches = [];
  clock = 1_767_000_000_000;
  deps = {
    fetch: vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      fetches.push({ url: String(input), init });
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'content-type': 'image/png' } });
    }),
    shrink: vi.fn(async () => ({ dataUrl: PIXEL_PNG, width: 1, height: 1 })),
    now: () => clock,
  };
});
afterEach(() => db.close());

describe('photos', () => {
  it.each([
    [ADA_PHOTO, true],
    ['http://media.licdn.com/a.jpg', false],
    ['https://media.licdn.com.evil.example/a.jpg', false],
    ['https://evil.example/media.licdn.com/a.jpg', false],
    ['https://avatars.githubusercontent.com/u/1', false],
    ['https://user:pw@media.licdn.com/a.jpg', false],
    ['https://media.licdn.com:8443/a.jpg', false],
    ['javascript:alert(1)', false],
    [null, false],
  ])('fetches only from LinkedIn’s image host over https: %s → %s', (url, allowed) => {
    expect(isAllowedPhotoUrl(url)).toBe(allowed);
  });

  it('fetches once, without cookies or referrer, and stores a small copy', async () => {
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }));
    expect(await storePhoto(db, person, deps)).toBe('stored');
    expect(fetches).toHaveLength(1);
    expect(fetches[0]).toMatchObject({ url: ADA_PHOTO, init: { credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error' } });
    expect(await db.photos.get(person.id)).toMatchObject({ url: ADA_PHOTO, dataUrl: PIXEL_PNG });
    expect(await storePhoto(db, person, deps)).toBe('unchanged');
    expect(fetches).toHaveLength(1);
  });

  it('fetches again only when the capture brings a new photo URL', async () => {
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }));
    await storePhoto(db, person, deps);
    const newer = `${ADA_PHOTO}&new=1`;
    expect(await storePhoto(db, { ...person, photoUrl: newer }, deps)).toBe('stored');
    expect((await db.photos.get(person.id))!.url).toBe(newer);
  });

  it('never fetches a photo from another host', async () => {
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: 'https://tracker.example/pixel.gif' }));
    expect(await storePhoto(db, person, deps)).toBe('not-allowed');
    expect(fetches).toHaveLength(0);
  });

  it.each([
    ['an error status', () => new Response('nope', { status: 404, headers: { 'content-type': 'image/png' } })],
    ['a page instead of an image', () => new Response('<html>', { headers: { 'content-type': 'text/html' } })],
    ['an SVG (scriptable)', () => new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } })],
    ['a huge file', () => new Response(new Uint8Array(6 * 1024 * 1024), { headers: { 'content-type': 'image/jpeg' } })],
  ])('stores nothing for %s', async (_, respond) => {
    deps.fetch = vi.fn(async () => respond());
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }));
    expect(await storePhoto(db, person, deps)).toBe('failed');
    expect(await db.photos.count()).toBe(0);
  });

  it('stores nothing when the bytes do not decode as an image, or the network fails', async () => {
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }));
    deps.shrink = vi.fn(async () => null);
    expect(await storePhoto(db, person, deps)).toBe('failed');
    deps.fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await storePhoto(db, person, deps)).toBe('failed');
    expect(await db.photos.count()).toBe(0);
  });

  it('does nothing where images cannot be decoded (no canvas), so unit tests never reach the network', async () => {
    const { person } = await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }));
    expect(await storePhoto(db, person)).toBe('unavailable');
  });

  it('the backfill fetches what saves missed, looks only at people changed since, and retries today’s failures', async () => {
    const a = (await savePersonCapture(db, makeCapture({ photoUrl: ADA_PHOTO }), { now: clock - 1000 })).person;
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await backfillPhotos(db, { ...deps, fetch: offline })).toBe(0);
    expect(await backfillPhotos(db, deps)).toBe(1);
    expect(await db.photos.get(a.id)).toBeDefined();
    fetches.length = 0;
    expect(await backfillPhotos(db, deps)).toBe(0);
    expect(fetches).toHaveLength(0);
    const b = (
      await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace/', name: 'Grace', photoUrl: `${ADA_PHOTO}&g=1` }), { now: clock })
    ).person;
    expect(await backfillPhotos(db, deps)).toBe(1);
    expect(fetches.map((f) => f.url)).toStrictEqual([b.photoUrl]);
  });
});
