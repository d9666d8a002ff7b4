/**
 * Rows that exist so nothing leaves the machine: the local copy of a person's
 * photo, and the user's settings kept in the extension's IndexedDB.
 */
import { z } from '../zod';
import { httpsUrl, settingsSchema } from './schemas';

const timestamp = z.number().int().nonnegative();

/** The only host Introbook fetches photos from (LinkedIn's image CDN). */
export const PHOTO_HOSTS: readonly string[] = ['media.licdn.com'];
/** A stored photo is a small JPEG/PNG/WebP/GIF as a data: URL, so pages never load a remote image. */
export const PHOTO_MAX_CHARS = 200_000;
export const photoDataUrl = z
  .string()
  .max(PHOTO_MAX_CHARS)
  .regex(/^data:image\/(?:jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a base64 image data: URL');

export const photoSchema = z.object({
  /** The person's id: one photo per person. */
  id: z.uuid(),
  /** Where it was fetched from (the capture's photoUrl): a new URL means a new photo. */
  url: httpsUrl,
  dataUrl: photoDataUrl,
  width: z.number().int().min(1).max(512),
  height: z.number().int().min(1).max(512),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Photo = z.infer<typeof photoSchema>;

/** The one settings row's id. */
export const SETTINGS_ROW_ID = 'user';

/**
 * A settings row as stored (and found in backups). Fields may be missing: an
 * older row gets today's defaults for them when read (utils/settings.ts), but
 * every field that is there must be valid.
 */
export const settingsRowSchema = z.object({
  id: z.literal(SETTINGS_ROW_ID),
  value: settingsSchema.partial(),
  updatedAt: timestamp,
});
export type SettingsRow = z.infer<typeof settingsRowSchema>;
