import { useEffect, useState } from 'react';
import type { Settings } from '@/utils/domain/schemas';
import { defaultSettings, getSettings, watchSettings } from '@/utils/settings';

/** The user's settings, live, and whether they have been read yet. */
export function useSettingsState(): { settings: Settings; loaded: boolean } {
  const [state, setState] = useState({ settings: defaultSettings(), loaded: false });
  useEffect(() => {
    const load = () => void getSettings().then((settings) => setState({ settings, loaded: true }));
    load();
    return watchSettings(load);
  }, []);
  return state;
}

export function useSettings(): Settings {
  return useSettingsState().settings;
}

