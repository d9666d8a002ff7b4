/**
 * The extension API, in memory, for benchmarks that run background code in a
 * plain Chromium page (tests/bench/scale-page.ts): storage areas, alarms, the
 * toolbar badge and notifications (counted, so a benchmark can say how many a
 * recount sent).
 */
type Listener = (...args: unknown[]) => void;
const event = () => {
  const listeners = new Set<Listener>();
  return { addListener: (l: Listener) => void listeners.add(l), removeListener: (l: Listener) => void listeners.delete(l), hasListener: (l: Listener) => listeners.has(l) };
};

function area() {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      if (keys == null) return Object.fromEntries([...data].map(([k, v]) => [k, clone(v)]));
      if (typeof keys === 'string') keys = [keys];
      if (Array.isArray(keys)) return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
      return Object.fromEntries(Object.entries(keys).map(([k, fallback]) => [k, data.has(k) ? clone(data.get(k)) : fallback]));
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
    async clear() {
      data.clear();
    },
    onChanged: event(),
  };
}

export const counters = { notifications: 0 };

export const browser = {
  // The English messages tests/bench/english-i18n.ts puts in the page.
  get i18n() {
    return (globalThis as unknown as { chrome: { i18n: unknown } }).chrome.i18n;
  },
  runtime: { id: 'introbook-bench', getURL: (path: string) => `https://bench.introbook.test${path}`, onMessage: event(), onStartup: event(), onInstalled: event() },
  storage: { local: area(), session: area(), sync: area(), managed: area(), onChanged: event() },
  notifications: {
    async create(id: string) {
      counters.notifications++;
      return id;
    },
    async clear() {
      return true;
    },
    onClicked: event(),
  },
  alarms: { async create() {}, async clear() { return true; }, async get() { return undefined; }, onAlarm: event() },
  action: { async setBadgeText() {}, async setBadgeBackgroundColor() {} },
};
export default browser;
