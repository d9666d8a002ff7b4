/**
 * The in-page control lives in a closed shadow root: neither the page nor
 * Playwright's locators can reach inside. Tests reach it the way assistive
 * technology and DevTools do, through the Chrome DevTools Protocol (which sees
 * closed roots), and act on it only with real input: mouse clicks at the
 * button's position and key presses, which the browser marks as trusted.
 */
import type { CDPSession, Page } from 'playwright-core';

const HOST = 'introbook-save-root';

export interface InPageControl {
  /** How many of our hosts the page holds. */
  count(): Promise<number>;
  /** Everything the control says (its text), or '' when absent. */
  text(): Promise<string>;
  /** The accessible names of its buttons (aria-label, else text), in order. */
  buttons(): Promise<string[]>;
  /** Wait until a button whose accessible name matches is shown, then click it with the mouse. */
  click(name: string | RegExp): Promise<void>;
  /** Wait until a button whose accessible name matches is shown, then give it keyboard focus. */
  focus(name: string | RegExp): Promise<void>;
  /** Poll until the control's text contains `part` (throws with what it says after `timeoutMs`). */
  waitForText(part: string | RegExp, timeoutMs?: number): Promise<void>;
  /** The host's box on the page, as the page sees it. */
  box(): Promise<{ width: number; height: number } | null>;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Run `fn` (source of `function (arg) {…}`) with `this` bound to the control's closed shadow root. */
/** The in-page control's closed shadow root as a remote object id (CDP sees closed roots), or null. */
export async function controlRoot(cdp: CDPSession): Promise<string | null> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.getElementById(${JSON.stringify(HOST)})` });
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  return object.objectId ?? null;
}

async function inRoot<T>(page: Page, fn: string, arg?: unknown): Promise<T | null> {
  const cdp = await session(page);
  const objectId = await controlRoot(cdp);
  if (!objectId) return null;
  const call = await cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: fn,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
  });
  if (call.exceptionDetails) throw new Error(`in-page control: ${call.exceptionDetails.text}`);
  return call.result.value as T;
}

const NAMES = `function () {
  return Array.from(this.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') || b.textContent.trim());
}`;

/** Scrolls the matching button into view and returns its centre, or null. */
const LOCATE = `function (pattern) {
  const re = new RegExp(pattern.source, pattern.flags);
  const b = Array.from(this.querySelectorAll('button')).find((b) => re.test(b.getAttribute('aria-label') || b.textContent.trim()));
  if (!b) return null;
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}`;

const FOCUS = `function (pattern) {
  const re = new RegExp(pattern.source, pattern.flags);
  const b = Array.from(this.querySelectorAll('button')).find((b) => re.test(b.getAttribute('aria-label') || b.textContent.trim()));
  if (!b) return false;
  b.focus();
  return true;
}`;

function pattern(name: string | RegExp): { source: string; flags: string } {
  return typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : { source: name.source, flags: name.flags };
}

async function poll<T>(what: string, read: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`in-page control: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function inPage(page: Page): InPageControl {
  const text = async () =>
    (await inRoot<string>(
      page,
      "function () { return Array.from(this.children).filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent).join(' '); }",
    )) ?? '';
  const buttons = async () => (await inRoot<string[]>(page, NAMES)) ?? [];
  return {
    count: () => page.locator(`#${HOST}`).count(),
    text,
    buttons,
    async click(name, timeoutMs = 15_000) {
      const at = await poll(`a button named ${String(name)} (buttons: ${(await buttons()).join(', ')})`, () => inRoot<{ x: number; y: number }>(page, LOCATE, pattern(name)), timeoutMs);
      await page.mouse.click(at.x, at.y);
    },
    async focus(name) {
      await poll(`a button named ${String(name)}`, () => inRoot<boolean>(page, FOCUS, pattern(name)), 15_000);
    },
    async waitForText(part, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = await text();
        if (typeof part === 'string' ? now.includes(part) : part.test(now)) return;
        if (Date.now() > deadline) throw new Error(`in-page control: expected ${String(part)}, it says ${JSON.stringify(now)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    box: () =>
      page.evaluate((id) => {
        const r = document.getElementById(id)?.getBoundingClientRect();
        return r ? { width: r.width, height: r.height } : null;
      }, HOST),
  };
}
