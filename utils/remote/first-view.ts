/**
 * What the popup's and the side panel's first views ask the background, built in one place so the
 * pages can ask before React has rendered (issue #11: first paint ≤ 150 ms at 50,000 people).
 *
 * A view subscribes in an effect, which runs after its first render has painted: the background's
 * reads would start only then. Each page's `main` calls its `prefetch…` once its modules are
 * evaluated and before React's first render, so the same questions (same query, same arguments:
 * the views build theirs with these functions) go out while React renders and paints the page's
 * frame; the views then find the answers waiting
 * (utils/remote/client.ts shares a subscription by query and arguments, and useRemoteQuery takes an
 * answer already here in its first render). Without React, zod or Dexie.
 */
import { remote } from './client';
import type { RemoteQueries } from './protocol';

const MINUTE = 60_000;
/** The start of `at`'s minute: questions "as of now" asked within one minute are the same question. */
export const minuteOf = (at: number) => Math.floor(at / MINUTE) * MINUTE;

/** How many due items "Due today" lists; the rest are counted. */
export const DUE_SHOWN = 20;
/** How many people the popup's "Recently saved" and the side panel's home list. */
export const RECENT_SHOWN = 5;
/** How many upcoming meetings the side panel's home lists. */
export const MEETINGS_SHOWN = 5;

type Args<Q extends keyof RemoteQueries> = RemoteQueries[Q]['args'];

export const firstViewArgs = {
  /** "Due today" as of `now`'s minute (the background answers up to the end of that local day). */
  due: (now: number): Args<'due'> => ({ at: minuteOf(now), limit: DUE_SHOWN }),
  recent: (): Args<'people/page'> => ({ after: null, limit: RECENT_SHOWN }),
  meetings: (now: number): Args<'meetings/upcoming'> => ({ at: minuteOf(now), limit: MEETINGS_SHOWN }),
};

/** The popup's first view: "Due today" and the recently saved people. */
export function prefetchPopup(now = Date.now()): void {
  remote().prefetch('due', firstViewArgs.due(now));
  remote().prefetch('people/page', firstViewArgs.recent());
}

/** The side panel's home: settings, sync offers, "Due today", upcoming meetings, the newest people. */
export function prefetchSidePanel(now = Date.now()): void {
  remote().prefetch('settings', {});
  remote().prefetch('sync/offers', {});
  remote().prefetch('due', firstViewArgs.due(now));
  remote().prefetch('meetings/upcoming', firstViewArgs.meetings(now));
  remote().prefetch('people/page', firstViewArgs.recent());
}
