/**
 * The side panel's search filters, without Dexie or zod: its first view holds them (issue #11);
 * utils/db/search.ts reads people by them, in the background.
 */
import type { IntroStatus } from './intro-status';

export interface SearchFilters {
  /** People with a live request in this status (as its target). */
  status?: IntroStatus;
  /** Exactly this company (as captured or edited). */
  company?: string;
  /** People with this tag. */
  tag?: string;
  /** People with a meeting still to come (or under way). */
  upcomingMeeting?: boolean;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.status || filters.company || filters.tag || filters.upcomingMeeting);
}
