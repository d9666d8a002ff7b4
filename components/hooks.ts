import { useEffect, useState } from 'react';
import { now as clockNow } from '@/utils/clock';
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

/** The reminder clock, re-read every half minute. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => void clockNow().then(setNow);
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
