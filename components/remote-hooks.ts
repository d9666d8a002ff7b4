import { useState } from 'react';
import { defaultSettings } from '@/utils/domain/settings-defaults';
import type { Person, Settings } from '@/utils/domain/schemas';
import { useRemoteQuery } from '@/utils/remote/hooks';

/**
 * Hooks over the background's data API (utils/remote/) for the side panel's first view.
 */

/**
 * The user's settings, live, read through the background (utils/remote/, issue #11), and whether
 * they have arrived: components/hooks.ts's useSettingsState for pages that do not load the store.
 */
export function useRemoteSettingsState(): { settings: Settings; loaded: boolean } {
  const stored = useRemoteQuery('settings', {});
  // One default object for the page's life, so views that depend on it don't run again before the answer.
  const [fallback] = useState(defaultSettings);
  return stored ? { settings: stored, loaded: true } : { settings: fallback, loaded: false };
}

/**
 * The saved person the side panel shows for `id`, live, through the background; null when there is
 * none (removed, merged away). Going from one person to another, the first is still returned until
 * the second arrives — its own record, shown on its own page, never under the new id — so the home
 * does not flash up in between (useLiveQuery kept the last answer the same way).
 */
export function useShownPerson(id: string | null): Person | null | undefined {
  const answer = useRemoteQuery('person/get', id ? { personId: id } : null);
  const [shown, setShown] = useState<Person | null>(null);
  // State adjusted while rendering (React's pattern for state derived from props).
  if ((!id || answer === null) && shown !== null) setShown(null);
  else if (answer && answer !== shown) setShown(answer);
  if (!id) return null;
  return answer === undefined ? (shown ?? undefined) : answer;
}
