/**
 * LinkedIn content script: reads the page, shows one Save button next to the
 * person's name, and sends captures to the background. It never opens the
 * database (its IndexedDB would be linkedin.com's) and never sees stored data
 * beyond "is the person on screen saved".
 *
 * LinkedIn navigates without reloading, and the URL changes before the page
 * does: after a navigation we wait until the page shows the person the URL
 * names before offering to save anyone.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { findNameElement, linkedInPage, readProfile } from '@/utils/extract';
import {
  saveReply,
  statusReply,
  toContentMessage,
  type ContentMessage,
  type PageReadReply,
} from '@/utils/messaging/protocol';
import { createSaveButton, HOST_ID, type SaveButton } from './save-button';

/** How long to wait for a profile to render before saying it could not be read. */
const READY_TIMEOUT_MS = 15_000;
const DEBOUNCE_MS = 150;
const NOT_READY = 'The page is still loading this profile. Try again in a moment.';

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    new LinkedInPage(ctx).start();
  },
});

class LinkedInPage {
  /** The key of the person page the URL names (profile, Sales Navigator lead, Recruiter), or null elsewhere. */
  private profileUrl: string | null = null;
  /** The name shown when the previous profile was ready: stale DOM still shows it. */
  private previousName: string | null = null;
  private navigated = false;
  private ready = false;
  private waitStarted = 0;
  private button: SaveButton | null = null;
  private observer: MutationObserver | null = null;
  private debounce: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    // Fires at navigation start (Navigation API): the URL is the event's, while
    // `location` and the DOM may still be the previous page's.
    this.ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      this.navigated = true;
      this.onLocation(event.newUrl.href);
    });
    const onMessage = (message: unknown, sender: { id?: string }) => this.onMessage(message, sender);
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => {
      window.clearTimeout(this.debounce);
      browser.runtime.onMessage.removeListener(onMessage);
      this.observer?.disconnect();
      this.button?.host.remove();
    });
    this.onLocation();
  }

  /** Returns true when the page now names another profile (or none). */
  private onLocation(url: string = location.href): boolean {
    const profileUrl = linkedInPage(url)?.key ?? null;
    if (profileUrl === this.profileUrl) return false;
    if (this.ready && this.button) this.previousName = this.readName();
    this.profileUrl = profileUrl;
    this.ready = false;
    this.button?.host.remove();
    this.button = null;
    if (profileUrl === null) {
      this.observer?.disconnect();
      this.observer = null;
      return true;
    }
    this.waitStarted = Date.now();
    this.observe();
    // Let the navigation commit before the first look.
    this.ctx.setTimeout(() => this.check(), 0);
    return true;
  }

  /** One observer while on a profile: it finds the profile once rendered and re-mounts the button if LinkedIn re-renders it away. */
  private observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver(() => {
      if (this.ready && this.button?.host.isConnected) return;
      window.clearTimeout(this.debounce);
      this.debounce = this.ctx.setTimeout(() => this.check(), DEBOUNCE_MS);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    // Give up waiting after the timeout even if the page stops changing.
    this.ctx.setTimeout(() => this.check(), READY_TIMEOUT_MS + 50);
  }

  private readName(): string | null {
    const result = readProfile(document, location.href);
    return result.status === 'ok' ? result.capture.name : null;
  }

  /** What the page shows now, held back while it still shows the previous person. */
  private read(): PageReadReply {
    const result = readProfile(document, location.href);
    if (result.status === 'not-profile') return { status: 'not-profile' };
    if (result.status === 'unreadable') return { status: 'unreadable', reason: result.reason };
    const stale = this.navigated && !result.confirmed && result.capture.name === this.previousName;
    return stale ? { status: 'unreadable', reason: NOT_READY } : { status: 'ok', capture: result.capture };
  }

  private check(): void {
    if (this.profileUrl === null || this.ctx.isInvalid) return;
    if (this.ready) {
      if (!this.button?.host.isConnected) this.mount();
      return;
    }
    const read = this.read();
    const timedOut = Date.now() - this.waitStarted >= READY_TIMEOUT_MS;
    if (read.status === 'ok') {
      this.ready = true;
      this.mount();
      void this.refreshStatus();
    } else if (timedOut) {
      this.ready = true;
      this.mount();
      this.button?.render({ kind: 'error', message: read.status === 'unreadable' ? read.reason : NOT_READY });
    }
  }

  private mount(): void {
    for (const stray of Array.from(document.querySelectorAll(`#${HOST_ID}`))) stray.remove();
    const button =
      this.button ??
      createSaveButton(document, {
        onSave: () => void this.save(),
        onOpen: () => void this.openSidePanel(),
      });
    this.button = button;
    const name = findNameElement(document, location.href);
    // Never inside the name's link: a click there would navigate.
    const anchor = name?.closest('a') ?? name;
    if (anchor?.parentElement) {
      button.host.removeAttribute('data-floating');
      anchor.insertAdjacentElement('afterend', button.host);
    } else {
      button.host.setAttribute('data-floating', '');
      document.body.append(button.host);
    }
  }

  private async send(message: ContentMessage): Promise<unknown> {
    return browser.runtime.sendMessage(message);
  }

  private async refreshStatus(): Promise<void> {
    const profileUrl = this.profileUrl;
    if (!profileUrl) return;
    try {
      const reply = statusReply.parse(await this.send({ type: 'person/status', profileUrl }));
      if (reply.saved && profileUrl === this.profileUrl && this.button?.state().kind === 'idle') {
        this.button.render({ kind: 'saved', name: this.readName() ?? 'this person' });
      }
    } catch {
      // The extension is reloading or the reply was malformed: stay "Save".
    }
  }

  private async save(): Promise<void> {
    // A navigation may not have been seen yet: never save under a stale URL.
    if (this.onLocation()) return;
    const button = this.button;
    if (!button) return;
    const read = this.read();
    const key = this.profileUrl;
    if (read.status !== 'ok' || key === null || ![read.capture.profileUrl, ...read.capture.aliases].includes(key)) {
      button.render({ kind: 'error', message: read.status === 'unreadable' ? read.reason : NOT_READY });
      return;
    }
    button.render({ kind: 'saving' });
    try {
      const reply = saveReply.parse(await this.send({ type: 'capture/save', capture: read.capture }));
      button.render(reply.ok ? { kind: 'saved', name: reply.name } : { kind: 'error', message: reply.error });
    } catch {
      button.render({ kind: 'error', message: 'Introbook did not answer. Reload the page and try again.' });
    }
  }

  private async openSidePanel(): Promise<void> {
    if (!this.profileUrl) return;
    try {
      await this.send({ type: 'sidepanel/open', profileUrl: this.profileUrl });
    } catch {
      this.button?.render({ kind: 'error', message: 'Open Introbook from the toolbar to see this person.' });
    }
  }

  private onMessage(message: unknown, sender: { id?: string }): Promise<unknown> | undefined {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = toContentMessage.safeParse(message);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'page/read') return Promise.resolve(this.read());
    const read = this.read();
    const onScreen = read.status === 'ok' ? [read.capture.profileUrl, ...read.capture.aliases] : [this.profileUrl];
    if (this.button && onScreen.includes(msg.profileUrl)) {
      this.button.render({ kind: 'saved', name: this.readName() ?? 'this person' });
    }
    return undefined;
  }
}
