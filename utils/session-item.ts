/**
 * One value in `browser.storage.session`, read, written and watched: the small part of
 * @wxt-dev/storage's `defineItem` that Introbook uses, without its 3 KB (the popup and the side
 * panel load it before first paint, issue #11). Stored the same way (the value under its own key,
 * removed when set to null), so values written by either read back alike in both.
 *
 * Session storage: gone when the browser closes, and out of content scripts' reach (Chrome's
 * default access level).
 */
import { browser } from 'wxt/browser';

export interface SessionItem<T> {
  getValue(): Promise<T>;
  setValue(value: T | null): Promise<void>;
  /** Calls `onChange` with the new value (the fallback when removed); returns the unwatch. */
  watch(onChange: (value: T) => void): () => void;
}

export function sessionItem<T>(key: string, fallback: T): SessionItem<T> {
  const area = () => browser.storage.session;
  return {
    async getValue() {
      const value = (await area().get(key))[key] as T | undefined | null;
      return value ?? fallback;
    },
    async setValue(value) {
      if (value === null || value === undefined) await area().remove(key);
      else await area().set({ [key]: value });
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        onChange((change.newValue as T | undefined | null) ?? fallback);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}
