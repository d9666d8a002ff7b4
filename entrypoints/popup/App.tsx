import { AppHeader } from '@/components/Brand';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CaptureForm, FIELD_LABELS, type SaveRequest } from '@/components/CaptureForm';
import { PeopleList } from '@/components/PeopleList';
import { Avatar, roleLine } from '@/components/PersonCard';
import { LIMITS } from '@/utils/domain/limits';
import { manualCapture } from '@/utils/domain/captures';
import type { Person, ProfileCapture } from '@/utils/domain/schemas';
import { pageKey } from '@/utils/core/canonical-url';
import { checkCaptureForPage, type CaptureCheck } from '@/utils/messaging/guards';
import { READ_PROBLEM_KEYS } from '@/utils/messaging/wire';
import { remote } from '@/utils/remote/client';
import { firstViewArgs } from '@/utils/remote/first-view';
import { useRemoteQuery } from '@/utils/remote/hooks';
import { openSidePanel } from '@/utils/side-panel';
import { focusedPersonId, focusedRequestId } from '@/utils/ui-state';
import { DueToday } from '@/components/DueToday';
import { IntroSummary } from '@/components/IntroSummary';
import { CallPrompt } from '@/components/CallPrompt';
import { labels, t, tn } from '@/utils/i18n';
import { tx } from '@/components/i18n';

/**
 * The popup draws everything from the background (utils/remote/: the page's reading, the saved
 * record, Due today, the recent people) and saves through it: it loads neither Dexie nor zod, so
 * it paints its first view with the real content sooner (issue #11).
 */
type PageState =
  | { state: 'loading' }
  /** No content script answers: offer "Save person from this page" (runs the extractors on demand). */
  | { state: 'offer'; tabId: number }
  | { state: 'reading' }
  /** `pageKey`: the key the tab's URL gives, which the capture was checked against. */
  | { state: 'capture'; tabId: number; capture: ProfileCapture; pageKey: string; note?: string }
  | { state: 'message'; text: string; alert?: boolean };

/** The tab the popup acts on: the active tab, or `?tab=<id>` when the popup is opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Why a page's reading was not offered for saving. */
const CHECK_MESSAGES: Record<Extract<CaptureCheck, { ok: false }>['why'], string> = labels({
  'no-page': 'background.cannotCheckPage',
  'other-person': 'popup.pageChanged',
  'not-confirmed': 'popup.stillLoading',
});

/** The popup's state for a page's reading: a capture checked against the tab's URL, or why not. */
function checkedCapture(tabId: number, capture: ProfileCapture, url: string | undefined, confirmed: boolean): PageState {
  const check = checkCaptureForPage(capture, url, confirmed);
  if (!check.ok) return { state: 'message', text: CHECK_MESSAGES[check.why], alert: true };
  return { state: 'capture', tabId, capture: check.capture, pageKey: check.pageKey };
}

/** A person typed in by hand on a page where nothing could be read; the name starts from the selection. */
function captureFromSelection(url: string, selection: string): { capture: ProfileCapture; pageKey: string } | null {
  const key = pageKey(url);
  if (!key) return null;
  const firstLine = selection.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return { capture: manualCapture(key, firstLine.slice(0, LIMITS.name), 'selection'), pageKey: key };
}

export function App() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; duplicate?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saves, setSaves] = useState(0);
  /** The store found a different name than the form knew of (a removed record, a change meanwhile): ask here. */
  const [renameAsk, setRenameAsk] = useState<{ from: string; to: string; request: SaveRequest } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setPage({ state: 'message', text: t('popup.noPage') });
      try {
        // The background asks the tab's content script, and reads the tab's URL after the answer:
        // a reading about anyone else than the tab now shows is refused.
        const { reply, url } = await remote().call('tab/read', { tabId, onDemand: false });
        if (cancelled) return;
        if (reply.status === 'ok') {
          setPage(checkedCapture(tabId, reply.capture, url ?? undefined, reply.confirmed));
        } else if (reply.status === 'unreadable') {
          const key = url ? pageKey(url) : null;
          // The page has loaded and shows no one: start a record the user types in.
          if (reply.noPerson && key) {
            setPage({
              state: 'capture',
              tabId,
              capture: manualCapture(key, '', 'user'),
              pageKey: key,
              note: t('popup.typeTheirName', { reason: t(READ_PROBLEM_KEYS[reply.code]) }),
            });
          } else {
            setPage({ state: 'message', text: t(READ_PROBLEM_KEYS[reply.code]), alert: true });
          }
        } else {
          setPage({ state: 'message', text: t('background.notAProfile') });
        }
      } catch {
        // No Introbook content script here. GitHub profiles are read at once (the
        // toolbar click is the request); any other site only when asked.
        if (cancelled) return;
        const url = (await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined)) ?? '';
        if (/^https:\/\/github\.com\//.test(url)) void readThisPage(tabId);
        else setPage({ state: 'offer', tabId });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  async function readThisPage(tabId: number) {
    setPage({ state: 'reading' });
    try {
      const read = await remote().call('tab/read', { tabId, onDemand: true });
      const url = read.url ?? '';
      if (read.reply.status === 'ok') return setPage(checkedCapture(tabId, read.reply.capture, url, read.reply.confirmed));
      const manual = captureFromSelection(url, read.selection);
      if (!manual) return setPage({ state: 'message', text: t('popup.httpsOnly'), alert: true });
      setPage({
        state: 'capture',
        tabId,
        ...manual,
        note:
          read.reply.status === 'unreadable'
            ? t(READ_PROBLEM_KEYS[read.reply.code])
            : read.selection
              ? t('popup.fromSelection')
              : t('popup.nothingFound'),
      });
    } catch {
      setPage({ state: 'message', text: t('popup.cannotRead'), alert: true });
    }
  }

  const capture = page.state === 'capture' ? page.capture : null;
  const key = page.state === 'capture' ? page.pageKey : null;
  // The record the save would go to: by the capture's URL, else by the page's own key. Undefined
  // until the background has answered for this capture, so the form waits for the answer instead of
  // showing the capture's boxes and then swapping them for the record's.
  const lookup = useRemoteQuery('person/lookup', capture ? { profileUrl: capture.profileUrl, key } : null);
  const looked = lookup !== undefined;
  const saved = lookup ?? undefined;
  const recent = useRemoteQuery('people/page', firstViewArgs.recent())?.people;

  async function save(request: SaveRequest) {
    if (page.state !== 'capture') return;
    setBusy(true);
    try {
      // A person typed in by hand takes the typed name as the captured one.
      const typedName = request.edits.name;
      const named = page.capture.source === 'manual' && typedName ? { ...page.capture, name: typedName } : page.capture;
      // Fields the user said look right before the first save count as confirmed.
      const capture =
        request.confirmed.length > 0
          ? { ...named, fieldConfidence: { ...named.fieldConfidence, ...Object.fromEntries(request.confirmed.map((f) => [f, 'high' as const])) } }
          : named;
      // The background saves (and parses the capture), stores the photo, flags a possible duplicate
      // for the side panel's merge view and tells the page's button.
      const outcome = await remote().call('capture/save', {
        capture,
        tabId: page.tabId,
        pageKey: page.pageKey,
        edits: request.edits,
        accept: request.accept,
        confirmName: request.confirmName,
      });
      if (!outcome.ok) {
        if (outcome.rename && !request.confirmName) setRenameAsk({ ...outcome.rename, request });
        else setResult({ kind: 'error', text: outcome.error });
        return;
      }
      const kept = outcome.heldBack.map((field) => FIELD_LABELS[field].toLocaleLowerCase());
      const done = t(outcome.created ? 'popup.saved' : 'popup.updated', { name: outcome.name });
      setResult({
        kind: 'ok',
        text: kept.length > 0 ? t('popup.doneKeptYourOwn', { done, fields: kept.join(', ') }) : done,
        duplicate: outcome.duplicate,
      });
      setSaves((n) => n + 1);
    } catch {
      setResult({ kind: 'error', text: t('popup.couldNotSave') });
    } finally {
      setBusy(false);
    }
  }

  function open(person: Person) {
    // Open first: the side panel needs this click's user gesture.
    openSidePanel();
    void focusedPersonId.setValue(person.id);
  }

  function openRequest(requestId: string) {
    openSidePanel();
    void focusedRequestId.setValue(requestId);
  }

  return (
    <main className="app popup">
      <AppHeader />
      <CallPrompt />
      <DueToday
        onOpenRequest={openRequest}
        onOpenPerson={(id) => {
          openSidePanel();
          void focusedPersonId.setValue(id);
        }}
      />
      <section className="panel" aria-labelledby="on-this-page">
        <h2 className="panel-title" id="on-this-page">
          {t('popup.onThisPage')}
        </h2>
        {(page.state === 'loading' || page.state === 'reading') && <p className="muted">{t('popup.readingThePage')}</p>}
        {page.state === 'message' && (
          <p className={page.alert ? 'message error' : 'muted'} role={page.alert ? 'alert' : undefined}>
            {page.text}
          </p>
        )}
        {page.state === 'offer' && (
          <>
            <p className="muted">{t('popup.readsOnlyWhenAsked')}</p>
            <button type="button" className="primary" onClick={() => void readThisPage(page.tabId)}>
              {t('popup.savePersonFromPage')}
            </button>
          </>
        )}
        {page.state === 'capture' && !looked && <p className="muted">{t('popup.readingThePage')}</p>}
        {page.state === 'capture' && looked && (
          <>
            {page.note && (
              <p className="message" role="status">
                {page.note}
              </p>
            )}
            <CaptureSummary capture={saved ?? page.capture} saved={saved !== undefined} />
            <CaptureForm
              // Fresh boxes when the record appears or after our own save, not on every store change
              // (confirming a field must not wipe what the user is typing).
              key={`${page.capture.profileUrl}:${saved?.id ?? 'new'}:${saves}`}
              capture={page.capture}
              stored={saved}
              busy={busy}
              onSave={(request) => void save(request)}
              onConfirmStored={(fields) => {
                if (saved) void remote().call('person/confirm-fields', { personId: saved.id, fields }).catch(() => {});
              }}
              secondary={
                saved && (
                  <button type="button" onClick={() => open(saved)}>
                    {t('inPage.open')}
                  </button>
                )
              }
            />
            {saved && <IntroSummary personId={saved.id} onOpen={() => open(saved)} />}
          </>
        )}
        {renameAsk && (
          <section className="rename" role="alertdialog" aria-label={t('captureForm.renameLabel', { from: renameAsk.from, to: renameAsk.to })}>
            <h3>{tx('captureForm.renameQuestion', { from: <del>{renameAsk.from}</del>, to: <ins>{renameAsk.to}</ins> })}</h3>
            <p>{t('captureForm.renameWhy', { name: renameAsk.from })}</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => {
                  const { request } = renameAsk;
                  setRenameAsk(null);
                  void save({ ...request, confirmName: true });
                }}
              >
                {t('captureForm.renameAndSave')}
              </button>
              <button type="button" onClick={() => setRenameAsk(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </section>
        )}
        {result && (
          <p className={`message ${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'}>
            {result.text}
          </p>
        )}
        {result?.duplicate && (
          <div className="message duplicate" role="status">
            <p>{t('inPage.duplicate')}</p>
            <div className="actions">
              <button type="button" onClick={() => openSidePanel()}>
                {t('popup.reviewInSidePanel')}
              </button>
            </div>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="recent">
        <h2 className="panel-title" id="recent">
          {t('workspace.recentlySaved')}
        </h2>
        {recent && recent.length === 0 && (
          <div className="empty">
            <strong>{t('workspace.nobodySavedYet')}</strong>
            <p>{tx('popup.howToSave', { button: <b>{t('inPage.save')}</b> })}</p>
          </div>
        )}
        {recent && recent.length > 0 && <PeopleList people={recent} onOpen={open} label={t('popup.recentlySavedPeople')} />}
      </section>
    </main>
  );
}


/** Who this is at a glance: photo, name, role · company, degree and mutuals; Save and the fields follow in the form. */
function CaptureSummary({ capture, saved }: { capture: ProfileCapture | Person; saved: boolean }) {
  const mutual = capture.mutualConnections;
  const role = roleLine(capture);
  const facts = [
    capture.degree ? t(capture.degree === 1 ? 'personDetails.degree1' : capture.degree === 2 ? 'personDetails.degree2' : 'personDetails.degree3') : null,
    mutual.count > 0 ? tn('popup.mutualConnections', mutual.count) : null,
  ].filter((f): f is string => f !== null);
  return (
    <article className="glance" aria-label={t('popup.capturedPerson')}>
      <div className="person-card-head">
        <Avatar name={capture.name} photoUrl={capture.photoUrl} personId={'id' in capture ? capture.id : undefined} />
        <div>
          <p className="person-name">{capture.name || t('popup.someoneOnThisPage')}</p>
          {role && <p className="meta">{role}</p>}
          {!role && capture.headline && <p className="meta">{capture.headline}</p>}
        </div>
      </div>
      <ul className="glance-facts" aria-label={t('popup.atAGlance')}>
        {saved && <li className="chip saved">{t('popup.savedInIntrobook')}</li>}
        {facts.map((f) => (
          <li className="chip" key={f}>
            {f}
          </li>
        ))}
        {facts.length === 0 && !saved && <li className="chip">{t('popup.noConnectionDetails')}</li>}
      </ul>
      {mutual.names.length > 0 && <p className="meta">{t('popup.mutuals', { names: mutual.names.join(', ') })}</p>}
    </article>
  );
}
