/**
 * The background's parsers for what pages send on the data API's port (utils/remote/protocol.ts):
 * every message and every query's or command's arguments are parsed here before anything runs.
 * Background only (zod).
 */
import { z } from '../zod';
import { CAPTURED_FIELDS, EDITABLE_FIELDS, httpsUrl, LIMITS, profileCaptureSchema, STATUS_VALUES } from '../domain/schemas';
import type { CommandName, QueryName } from './protocol';

const id = z.number().int().nonnegative();
const limit = z.number().int().min(1).max(200);
const instant = z.number().int().nonnegative();
const editable = z.enum(EDITABLE_FIELDS);

export const remoteMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sub'), id, query: z.string().max(50), args: z.unknown() }),
  z.object({ type: z.literal('unsub'), id }),
  z.object({ type: z.literal('call'), id, command: z.string().max(50), args: z.unknown() }),
]);

export const queryArgs = {
  'person/lookup': z.object({ profileUrl: httpsUrl, key: httpsUrl.nullable() }),
  due: z.object({ at: instant, limit }),
  'due/total': z.object({ at: instant, limit }),
  'intro/summary': z.object({ personId: z.uuid() }),
  photo: z.object({ personId: z.uuid().nullable(), photoUrl: httpsUrl.nullable() }),
  settings: z.object({}),
  'person/get': z.object({ personId: z.uuid() }),
  'people/page': z.object({ after: z.object({ capturedAt: instant, id: z.string().max(100) }).nullable(), limit }),
  'people/search': z.object({
    query: z.string().max(LIMITS.headline),
    filters: z.strictObject({
      status: z.enum(STATUS_VALUES).optional(),
      company: z.string().max(LIMITS.short).optional(),
      tag: z.string().max(LIMITS.short).optional(),
      upcomingMeeting: z.boolean().optional(),
    }),
    // "Show more" grows the page by 50 at a time.
    limit: z.number().int().min(1).max(5000),
    at: instant,
  }),
  'people/filter-options': z.object({}),
  'meetings/upcoming': z.object({ at: instant, limit }),
  'sync/offers': z.object({}),
} satisfies Record<QueryName, z.ZodType>;

export const commandArgs = {
  'tab/read': z.object({ tabId: z.number().int().nonnegative(), onDemand: z.boolean() }),
  'capture/save': z.object({
    capture: profileCaptureSchema,
    tabId: z.number().int().nonnegative(),
    pageKey: httpsUrl,
    edits: z.partialRecord(editable, z.string().max(LIMITS.headline).nullable()),
    accept: z.array(editable).max(EDITABLE_FIELDS.length),
    confirmName: z.boolean(),
  }),
  'person/confirm-fields': z.object({ personId: z.uuid(), fields: z.array(z.enum(CAPTURED_FIELDS)).max(CAPTURED_FIELDS.length) }),
} satisfies Record<CommandName, z.ZodType>;
