import { useState } from 'react';
import { defaultSettings } from '@/utils/domain/settings-defaults';
import type { Settings } from '@/utils/domain/schemas';
import { useRemoteQuery } from '@/utils/remote/hooks';

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
