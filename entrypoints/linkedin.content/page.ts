/**
 * What the LinkedIn content script does on one tab: decide whether the page
 * shows a person, offer the Save button beside their name, and answer the
 * popup's "what is on this page?". Everything it needs comes in through
 * `PageDeps`, so tests can run it on a fixture document.
 *
 * Two speeds (issue #11: ≤ 15 KB gz, ≤ 5 ms added per profile load). The load
 * path only probes (utils/extract/linkedin-name.ts): a member profile whose
 * name the page ties to the URL (its own link, a layout's name hook) gets the
 * Save button at once, and the background says whether the person is saved.
 * The full reader (utils/extract, injected into this isolated world by the
 * background on first need: `PageDeps.loadReader`) runs only when needed: a
 * save, the popup's question (also the shortcut's and the context menu's), and
 * a page the probe can't decide — once it is quiet, after PROBE_PATIENCE_MS, or
 * at once for Sales Navigator, Recruiter and member-id URLs. Those pages then
 * decide as before:
 *
 * Deciding with the reader: a profile that reads is ready at once; a login wall or
 * "not found" page (`not-profile`) gets no button; a page that has finished
 * loading, stayed quiet for SETTLE_MS and that the extractor calls settled
 * (no placeholders, no busy region left) with no name shows no person — said
 * at once, and the popup offers a record typed by hand. A page still changing
 * or still showing placeholders waits, up to READY_TIMEOUT_MS (then the same
 * "no person" answer is the backstop).
 *
 * Capture health: once a full read settles with a problem (no name, no role,
 * a field read from the page layout), the privacy-safe structure report
 * (utils/extract/health.ts) goes to the background, once per profile URL. A
 * page the probe decided has no full read until the user saves or asks the
 * popup, so its report (if any) comes from that read.
 *
 * In-app navigation: LinkedIn changes the URL before the page. After a
 * navigation, a read the page does not tie to its URL (`confirmed: false`) is
 * stale while it still shows the previous person's name or names another
 * member URL than the new one; nothing is offered or answered for it.
 *
 * No zod, no React, no database: the background checks what we send.
 */
import { isMemberIdUrl, linkedInPage } from '@/utils/core/canonical-url';
import type { ReadResult, UnreadableCode } from '@/utils/extract/result';
import type { CaptureHealthReport } from '@/utils/extract/health';
import type { NameProbe } from '@/utils/extract/linkedin-name';
import type { ProfileCapture } from '@/utils/domain/schemas';
import {
  readInPageTextReply,
  readSaveReply,
  readStatusReply,
  readToContentMessage,
  READ_PROBLEM_KEYS,
  type ContentMessage,
  type PageReadReply,
} from '@/utils/messaging/wire';
import { msg as m, useTexts } from './messages';
import { createSaveButton, HOST_ID, type SaveButton, type SaveButtonOptions } from './save-button';

/** How long a loaded page must stay quiet before "no person here" is the answer. */
export const SETTLE_MS = 700;
/** How long the popup's question waits for the page to settle before answering with what it has. */
export const READ_WAIT_MS = 1500;
/** The longest wait for a page that keeps changing without showing anyone. */
export const READY_TIMEOUT_MS = 15_000;
const DEBOUNCE_MS = 150;
/** How long a person page may keep changing with no name the probe can see before the full reader looks. */
export const PROBE_PATIENCE_MS = 2000;

// Looked up when shown: the texts come from the background first (./messages.ts).
export const notReady = () => m('inPage.notReady');
const noPersonHint = () => m('inPage.noPersonHint');
/** What the user reads for a page that gave no person: the message for the reader's code (its English `reason` is for logs). */
const unreadable = (code: UnreadableCode) => m(READ_PROBLEM_KEYS[code]);
const noAnswer = () => m('inPage.noAnswer');

/** The full LinkedIn reader (utils/extract/linkedin-page.ts), loaded on first need. */
export interface Reader {
  read: (doc: Document, url: string) => ReadResult;
  /** The element showing the person's name, for placing the button beside it. */
  nameElement: (doc: Document, url: string) => Element | null;
  /** Capture health (utils/extract/health.ts). Absent: no reports. */
  health?: {
    /** What is wrong with a read (empty: nothing), cheaply. */
    problems: (url: string, result: ReadResult) => readonly string[];
    /** The structure report for a read that went wrong, or null. */
    report: (doc: Document, url: string, result: ReadResult) => CaptureHealthReport | null;
  };
}

export interface PageDeps {
  doc: Document;
  /** The page's URL now. */
  url: () => string;
  /** The load path's cheap look: the name a member profile ties to its URL, or null (ask the reader). */
  probe: (doc: Document, url: string) => NameProbe | null;
  /** The full reader; rejects when it can't be had (the extension is reloading). Called once per page at most. */
  loadReader: () => Promise<Reader>;
  send: (message: ContentMessage) => Promise<unknown>;
  now?: () => number;
  button?: SaveButtonOptions;
}

type Verdict = 'waiting' | 'ready' | 'not-profile' | 'no-person' | 'gave-up';

type Reading =
  | { kind: 'ok'; capture: ProfileCapture; vouched: boolean; result: ReadResult }
  | { kind: 'stale' }
  | { kind: 'not-profile' }
  /** `settled`: the extractor sees a page that has finished rendering (no placeholders, no busy region). */
  | { kind: 'unreadable'; code: UnreadableCode; settled: boolean; result: ReadResult };

export class LinkedInPage {
  private readonly now: () => number;
  private url = '';
  /** The key of the person page the URL names (profile, Sales Navigator lead, Recruiter), or null elsewhere. */
  private key: string | null = null;
  private kind: 'profile' | 'sales-lead' | 'recruiter' | null = null;
  /** The names the page showed when the URL last changed (probe's and reader's): a stale DOM still shows them. */
  private previousNames: string[] = [];
  private navigated = false;
  private verdict: Verdict = 'waiting';
  private waitStarted = 0;
  private lastChange = 0;
  private button: SaveButton | null = null;
  private observer: MutationObserver | null = null;
  // One timer of each kind, cleared before it is set again: no per-change listeners pile up.
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  private healthTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  /** The capture waiting for the user's OK to rename the stored person. */
  private pendingRename: { capture: ProfileCapture; vouched: boolean } | null = null;
  /** The name read when the page became ready: labels the button without reading the page again. */
  private shownName: string | null = null;
  /** The element the probe found the name in (the button goes beside it). */
  private nameEl: Element | null = null;
  /** Profile keys whose capture-health report was sent (once per profile URL). */
  private readonly reported = new Set<string>();
  private disposed = false;
  /** The full reader once loaded (kept for the page's life), the load under way, or whether it failed. */
  private reader: Reader | null = null;
  private readerLoad: Promise<Reader | null> | null = null;
  private readerFailed = false;
  /** This person page is decided by the full reader (the probe could not, or it was asked to read). */
  private full = false;
  private readonly onLoad = () => this.check();
  /** The button's texts from the background: asked for at start, awaited before anything is shown. */
  private texts: Promise<void> | null = null;
  private textsReady = false;
  /** Whether the person page on screen is saved, as this tab heard since arriving (the first round trip, a save); else ask. */
  private known: { key: string; saved: boolean } | null = null;

  constructor(private readonly deps: PageDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    this.deps.doc.defaultView?.addEventListener('load', this.onLoad);
    this.onLocation(this.deps.url());
    // One round trip before the button shows (issue #11): its words and, on a person page, whether the person
    // is saved, so the button shows "Saved" from the start instead of asking again once it is on the page.
    const key = this.key;
    this.texts = this.deps
      .send(key === null ? { type: 'inPage/text' } : { type: 'inPage/text', profileUrl: key })
      .then(
        (value) => {
          const reply = readInPageTextReply(value);
          if (reply) useTexts(reply.texts);
          // Only while the page still shows that person, and never over a save heard meanwhile.
          if (key !== null && reply?.status && this.key === key && this.known?.key !== key) this.known = { key, saved: reply.status.saved };
        },
        () => {
          // No answer: ./messages.ts falls back to the browser's i18n API, and the status is asked for later.
        },
      )
      .finally(() => {
        this.textsReady = true;
      });
  }

  /** A navigation started (WXT's `wxt:locationchange`): the URL is the new one, the DOM may still be the old page's. */
  navigate(url: string): void {
    this.onLocation(url);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    this.observer?.disconnect();
    this.observer = null;
    this.button?.host.remove();
    this.button = null;
    this.deps.doc.defaultView?.removeEventListener('load', this.onLoad);
    this.release();
  }

  /** A runtime message from our own extension (the caller checked the sender). */
  handleMessage(message: unknown): Promise<PageReadReply> | undefined {
    const msg = readToContentMessage(message);
    if (!msg) return undefined;
    if (msg.type === 'page/read') return this.answerRead();
    // Heard before the button is up too (a save from the popup while the page loads): it shows "Saved" then.
    if (msg.profileUrl === this.key) this.known = { key: msg.profileUrl, saved: true };
    if (this.button && msg.profileUrl === this.key && this.verdict === 'ready') {
      this.button.render({ kind: 'saved', name: this.shownName ?? m('inPage.thisPerson') });
    }
    return undefined;
  }

  // --- deciding what the page shows -------------------------------------------------

  /** Returns true when the page now names another person page (or none). */
  private onLocation(url: string): boolean {
    const page = linkedInPage(url);
    const key = page?.key ?? null;
    if (key === this.key && this.url !== '') {
      this.url = url;
      return false;
    }
    if (this.url !== '') {
      this.navigated = true;
      this.previousNames = this.namesAt(this.url);
    }
    this.url = url;
    this.key = key;
    this.kind = page?.kind ?? null;
    // Another person page: what this tab heard about the last one may be old by the time it comes back.
    this.known = null;
    this.verdict = 'waiting';
    this.full = false;
    this.pendingRename = null;
    this.shownName = null;
    this.nameEl = null;
    this.clearTimers();
    this.button?.host.remove();
    this.button = null;
    if (key === null) {
      this.observer?.disconnect();
      this.observer = null;
      this.release();
      return true;
    }
    this.waitStarted = this.now();
    this.lastChange = this.waitStarted;
    this.observe();
    // Let the navigation commit before the first look.
    this.debounceTimer = setTimeout(() => this.check(), 0);
    this.giveUpTimer = setTimeout(() => this.giveUp(), READY_TIMEOUT_MS);
    return true;
  }

  /** One observer while on a person page: finds the person once rendered, re-mounts the button if LinkedIn re-renders it away. */
  private observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver(() => {
      this.lastChange = this.now();
      if (this.verdict === 'ready' && this.button?.host.isConnected) return;
      clearTimeout(this.debounceTimer);
      this.debounceTimer = setTimeout(() => this.check(), DEBOUNCE_MS);
    });
    this.observer.observe(this.deps.doc.documentElement, { childList: true, subtree: true });
  }

  private check(): void {
    if (this.key === null || this.disposed) return;
    if (!this.textsReady && this.texts) {
      void this.texts.then(() => this.check());
      return;
    }
    if (this.verdict === 'ready') {
      if (!this.button?.host.isConnected) this.mount();
      return;
    }
    // The load path: the name the page ties to its URL, without the reader.
    const probe = this.probe();
    if (probe) {
      this.verdict = 'ready';
      this.shownName = probe.name;
      clearTimeout(this.giveUpTimer);
      this.nameEl = probe.el;
      this.showReady();
      this.release();
      return;
    }
    const reader = this.reader;
    if (!this.full || !reader) {
      if (this.full || this.kind !== 'profile' || this.quiet() || this.now() - this.waitStarted >= PROBE_PATIENCE_MS || isMemberIdUrl(this.url)) {
        this.full = true;
        // After a failed load, only a save or a question tries again: no retry per DOM change.
        if (!this.readerFailed) {
          void this.loadReader().then((loaded) => {
            if (loaded && this.full) this.check();
          });
        }
      }
      if (this.verdict === 'no-person' || this.verdict === 'gave-up') {
        if (!this.button?.host.isConnected) this.mount();
        return;
      }
      this.wait();
      return;
    }
    const reading = this.reading(reader);
    if (reading.kind === 'ok') {
      this.verdict = 'ready';
      this.shownName = reading.capture.name;
      clearTimeout(this.giveUpTimer);
      this.showReady();
      this.release();
      this.checkHealth(reader, reading.result);
    } else if (reading.kind === 'not-profile') {
      // A login wall or "profile not found": no button at all.
      this.verdict = 'not-profile';
      this.button?.host.remove();
      this.button = null;
      this.release();
    } else if (this.verdict === 'no-person' || this.verdict === 'gave-up') {
      // Already said; say it again only if the page starts showing someone.
      if (!this.button?.host.isConnected) this.mount();
    } else if (reading.kind === 'unreadable' && this.settled(reading)) {
      this.verdict = 'no-person';
      clearTimeout(this.giveUpTimer);
      this.mount().render({ kind: 'note', message: `${unreadable(reading.code)} ${noPersonHint()}` });
      this.release();
      this.reportHealth(reader, reading.result);
    } else {
      this.wait();
    }
  }

  /**
   * Still changing, still showing placeholders, or still showing the previous person: look again once it has
   * been quiet for SETTLE_MS (or, while only the probe looks, when PROBE_PATIENCE_MS is up). A page already quiet
   * that can't be decided yet (placeholders that change only their attributes, a stale person) is looked at
   * every SETTLE_MS, never in a tight loop.
   */
  private wait(): void {
    this.verdict = 'waiting';
    clearTimeout(this.settleTimer);
    let due = Math.max(this.lastChange, this.waitStarted) + SETTLE_MS - this.now();
    if (!this.full) due = Math.min(due, this.waitStarted + PROBE_PATIENCE_MS - this.now());
    this.settleTimer = setTimeout(() => this.check(), (due > 0 ? due : SETTLE_MS) + 10);
  }

  /** The probe's answer for the page now, held back while it may still show the previous person. */
  private probe(): NameProbe | null {
    if (this.kind !== 'profile') return null;
    const probe = this.deps.probe(this.deps.doc, this.url);
    // A name tied to this URL by the page's own link is this page's; a layout's heading still showing the
    // previous person's name is the previous page.
    if (!probe || (this.navigated && !probe.selfLink && this.previousNames.includes(probe.name))) return null;
    return probe;
  }

  /** The full reader: loaded once per page, null when it can't be had. */
  private loadReader(): Promise<Reader | null> {
    if (this.reader) return Promise.resolve(this.reader);
    this.readerLoad ??= this.deps.loadReader().then(
      (reader) => {
        this.readerFailed = false;
        return (this.reader = reader);
      },
      () => {
        // The extension is reloading (or may not reach this tab): try again when a read is asked for.
        this.readerLoad = null;
        this.readerFailed = true;
        return null;
      },
    );
    return this.readerLoad;
  }

  /** Quiet: loaded, and no change for SETTLE_MS since the URL changed and since the DOM last did. */
  private quiet(): boolean {
    const quiet = this.now() - Math.max(this.lastChange, this.waitStarted);
    return this.deps.doc.readyState === 'complete' && quiet >= SETTLE_MS;
  }

  /** "No person here" is the answer: the page is quiet, and the extractor sees it finished (nothing left loading). */
  private settled(reading: Reading & { kind: 'unreadable' }): boolean {
    return reading.settled && this.quiet();
  }

  /** The backstop: a page that never settled. An unreadable one is answered as showing no person. */
  private giveUp(): void {
    if (this.verdict !== 'waiting' || this.key === null || this.disposed) return;
    this.verdict = 'gave-up';
    clearTimeout(this.settleTimer);
    const reader = this.reader;
    const reading = reader ? this.reading(reader) : null;
    this.mount().render({ kind: 'note', message: reading?.kind === 'unreadable' ? `${unreadable(reading.code)} ${noPersonHint()}` : notReady() });
    this.release();
    if (reader && reading?.kind === 'unreadable') this.reportHealth(reader, reading.result);
  }

  // --- capture health --------------------------------------------------------------------

  /**
   * A person page just became ready. Most reads have no problem (no report: done). One that has (no role, a
   * field read from the layout) may only be early — Experience loads lazily — so it is read again once the page
   * has been quiet for SETTLE_MS (or at the give-up time), and reported only if the problem is still there.
   */
  private checkHealth(reader: Reader, result: ReadResult): void {
    const key = this.key;
    if (!reader.health || key === null || this.reported.has(key)) return;
    if (this.problemsOf(reader, result).length === 0) {
      this.reported.add(key);
      return;
    }
    const readAt = this.now();
    const deadline = this.waitStarted + READY_TIMEOUT_MS;
    const later = () => {
      if (this.disposed || this.key !== key || this.verdict !== 'ready') return;
      if (!this.quiet() && this.now() < deadline) {
        this.healthTimer = setTimeout(later, Math.max(this.lastChange + SETTLE_MS - this.now(), 0) + 10);
        return;
      }
      // Unchanged since that read: the same result. Changed: read again.
      if (this.lastChange < readAt) return this.reportHealth(reader, result);
      const reading = this.reading(reader);
      if (reading.kind === 'ok') this.reportHealth(reader, reading.result);
    };
    clearTimeout(this.healthTimer);
    this.healthTimer = setTimeout(later, Math.max(Math.max(this.lastChange, this.waitStarted) + SETTLE_MS - this.now(), 0) + 10);
  }

  /** Send the structure report for a settled read that went wrong, once per profile URL. */
  private reportHealth(reader: Reader, result: ReadResult): void {
    const key = this.key;
    const health = reader.health;
    if (!health || key === null || this.reported.has(key)) return;
    this.reported.add(key);
    let report: CaptureHealthReport | null = null;
    try {
      if (this.problemsOf(reader, result).length > 0) report = health.report(this.deps.doc, this.url, result);
    } catch {
      // Never let a report get in the way of the page.
    }
    if (!report) return;
    this.deps.send({ type: 'capture/health', report }).catch(() => {
      // The extension is reloading: the report is lost, nothing else is.
    });
  }

  private problemsOf(reader: Reader, result: ReadResult): readonly string[] {
    try {
      return reader.health?.problems(this.url, result) ?? [];
    } catch {
      return [];
    }
  }

  /** What the page shows now, held back while it may still show the previous person. */
  private reading(reader: Reader): Reading {
    const result = reader.read(this.deps.doc, this.url);
    if (result.status === 'not-profile') return { kind: 'not-profile' };
    if (result.status === 'unreadable') return { kind: 'unreadable', code: result.code, settled: result.settled, result };
    const { capture, confirmed } = result;
    const key = this.key;
    if (key === null || (capture.profileUrl !== key && !capture.aliases.includes(key))) return { kind: 'stale' };
    if (this.navigated) {
      // Sales Navigator and Recruiter pages have no self-link that would tie the page to its URL, so the
      // previous person's name still on screen means the previous page, confirmed or not.
      const aliasPage = this.kind !== 'profile';
      const sameAsBefore = this.previousNames.includes(capture.name);
      if (sameAsBefore && (!confirmed || aliasPage)) return { kind: 'stale' };
      // A member URL the page names for its own key counts only once the page ties itself to that key.
      if (!confirmed && capture.profileUrl !== key) return { kind: 'stale' };
    }
    return { kind: 'ok', capture, vouched: confirmed || !this.navigated, result };
  }

  /** The names the page shows for `url` now: the probe's (cheap), and the reader's once it is loaded. */
  private namesAt(url: string): string[] {
    const names: string[] = [];
    if (this.kind === 'profile') {
      const probe = this.deps.probe(this.deps.doc, url);
      if (probe) names.push(probe.name);
    }
    const result = this.reader?.read(this.deps.doc, url);
    if (result?.status === 'ok') names.push(result.capture.name);
    return names;
  }

  // --- the popup's question -------------------------------------------------------------

  private async answerRead(): Promise<PageReadReply> {
    this.onLocation(this.deps.url());
    const waitUntil = this.now() + READ_WAIT_MS;
    const key = this.key;
    // Not a person page by its URL (the feed, a login wall's own address): the reader would say the same.
    if (key === null) return { status: 'not-profile' };
    if (key !== null && !this.full) {
      this.full = true;
      if (this.verdict === 'waiting') this.check();
    }
    const reader = await this.loadReader();
    if (!reader) return { status: 'unreadable', code: 'not-ready', noPerson: false };
    if (this.verdict === 'waiting' && this.key !== null && key === this.key) {
      this.check();
      if (this.verdict === 'waiting') await this.settle(waitUntil - this.now());
    }
    const reading = this.reading(reader);
    switch (reading.kind) {
      case 'ok':
        this.checkHealth(reader, reading.result);
        return { status: 'ok', capture: reading.capture, confirmed: reading.vouched };
      case 'not-profile':
        return { status: 'not-profile' };
      case 'stale':
        return { status: 'unreadable', code: 'not-ready', noPerson: false };
      case 'unreadable': {
        // After the give-up timeout too: the in-page note already tells the user to add them by hand.
        const noPerson = this.verdict === 'no-person' || this.verdict === 'gave-up' || this.settled(reading);
        // Not settled yet (placeholders, still changing): the person may yet appear, so say that.
        return { status: 'unreadable', code: noPerson ? reading.code : 'not-ready', noPerson };
      }
    }
  }

  /** Resolves when the page has a verdict, or after `ms`. */
  private settle(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(finish, Math.max(ms, 0));
      function finish() {
        clearTimeout(timer);
        done();
      }
      this.waiters.push(finish);
    });
  }

  private release(): void {
    for (const done of this.waiters.splice(0)) done();
  }

  private clearTimers(): void {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.settleTimer);
    clearTimeout(this.giveUpTimer);
    clearTimeout(this.healthTimer);
  }

  // --- the button ---------------------------------------------------------------------------

  private mount(): SaveButton {
    const { doc } = this.deps;
    for (const stray of Array.from(doc.querySelectorAll(`#${HOST_ID}`))) if (stray !== this.button?.host) stray.remove();
    const button =
      this.button ??
      createSaveButton(
        doc,
        {
          onSave: () => void this.save(),
          onOpen: () => void this.openSidePanel(),
          onConfirmName: () => void this.confirmRename(),
          onCancel: () => this.cancelRename(),
        },
        this.deps.button,
      );
    this.button = button;
    // Where the probe found the name, while it is still on the page; else look again.
    const known = this.nameEl?.isConnected ? this.nameEl : null;
    const name = this.verdict === 'ready' ? (known ?? this.probe()?.el ?? this.reader?.nameElement(doc, this.url) ?? null) : null;
    // Never inside the name's link: a click there would navigate.
    const anchor = name?.closest('a') ?? name;
    if (anchor?.parentElement) {
      button.host.removeAttribute('data-floating');
      if (anchor.nextElementSibling !== button.host) anchor.insertAdjacentElement('afterend', button.host);
    } else {
      button.host.setAttribute('data-floating', '');
      if (button.host.parentElement !== doc.body) doc.body.append(button.host);
    }
    return button;
  }

  /** The page just became ready: the button as the person's status says, asked for only if not known yet. */
  private showReady(): void {
    const key = this.key;
    const known = key !== null && this.known?.key === key ? this.known.saved : null;
    this.mount().render(known ? { kind: 'saved', name: this.shownName ?? m('inPage.thisPerson') } : { kind: 'idle' });
    if (known === null) void this.refreshStatus();
  }

  private async refreshStatus(): Promise<void> {
    const key = this.key;
    if (!key) return;
    try {
      const reply = readStatusReply(await this.deps.send({ type: 'person/status', profileUrl: key }));
      if (reply?.saved && key === this.key && this.button?.state().kind === 'idle') {
        this.button.render({ kind: 'saved', name: this.shownName ?? m('inPage.thisPerson') });
      }
    } catch {
      // The extension is reloading: stay "Save".
    }
  }

  private async save(): Promise<void> {
    // A navigation may not have been seen yet: never save under a stale URL.
    if (this.onLocation(this.deps.url())) return;
    const button = this.button;
    if (!button) return;
    const key = this.key;
    let reader = this.reader;
    if (!reader) {
      button.render({ kind: 'saving' });
      reader = await this.loadReader();
      // Moved on meanwhile: this click was for the page that was.
      if (key !== this.key || this.button !== button || this.onLocation(this.deps.url())) return;
      if (!reader) {
        button.render({ kind: 'error', message: noAnswer() });
        return;
      }
    }
    const reading = this.reading(reader);
    if (reading.kind !== 'ok') {
      button.render({ kind: 'error', message: reading.kind === 'unreadable' ? unreadable(reading.code) : notReady() });
      return;
    }
    this.checkHealth(reader, reading.result);
    await this.send(reading.capture, reading.vouched, false);
  }

  private async send(capture: ProfileCapture, vouched: boolean, confirmName: boolean): Promise<void> {
    const button = this.button;
    if (!button) return;
    const key = this.key;
    button.render({ kind: 'saving' });
    let reply;
    try {
      reply = readSaveReply(await this.deps.send({ type: 'capture/save', capture, confirmed: vouched, ...(confirmName ? { confirmName } : {}) }));
    } catch {
      reply = null;
    }
    if (key !== this.key || this.button !== button) return;
    if (!reply) {
      button.render({ kind: 'error', message: noAnswer() });
    } else if (reply.ok) {
      this.pendingRename = null;
      if (key !== null) this.known = { key, saved: true };
      button.render({
        kind: 'saved',
        name: capture.name,
        ...(reply.duplicate ? { notice: m('inPage.duplicate') } : {}),
      });
    } else if (reply.confirmName !== undefined && !confirmName) {
      // Don't rename silently: the stored record may be someone else. Ask.
      this.pendingRename = { capture, vouched };
      button.render({ kind: 'confirm-name', name: capture.name });
    } else {
      button.render({ kind: 'error', message: reply.error });
    }
  }

  private async confirmRename(): Promise<void> {
    const pending = this.pendingRename;
    if (!pending || this.onLocation(this.deps.url())) return;
    await this.send(pending.capture, pending.vouched, true);
  }

  private cancelRename(): void {
    this.pendingRename = null;
    this.button?.render({ kind: 'idle' });
  }

  private async openSidePanel(): Promise<void> {
    if (!this.key) return;
    try {
      await this.deps.send({ type: 'sidepanel/open', profileUrl: this.key });
    } catch {
      this.button?.render({ kind: 'error', message: m('inPage.openFromToolbar') });
    }
  }
}
