/** The few chrome.* calls the end-to-end tests make inside the extension's service worker. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { getAll(): Promise<{ name: string }[]> };
  notifications: { getAll(callback: (all: Record<string, boolean>) => void): void };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  scripting: {
    executeScript<T>(injection: { target: { tabId: number }; func: () => T | Promise<T> }): Promise<{ result?: unknown }[]>;
  };
  tabs: { query(filter: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string }[]> };
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
    local: { set(items: Record<string, unknown>): Promise<void>; get(keys: string | null): Promise<Record<string, unknown>> };
  };
};
