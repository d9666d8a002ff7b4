import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CaptureForm, FIELD_LABELS, type SaveRequest } from '@/components/CaptureForm';
import { PeopleList } from '@/components/PeopleList';
import { Avatar } from '@/components/PersonCard';
import { getDb } from '@/utils/db/db';
import { findPersonByUrl, listRecentPeople, savePersonCapture } from '@/utils/db/people';
import { LIMITS, manualCapture, type Person, type ProfileCapture } from '@/utils/domain/schemas';
import { canonicalPageUrl } from '@/utils/core/canonical-url';
import { readTab, readTabOnDemand } from '@/utils/messaging/client';
import { openSidePanel } from '@/utils/side-panel';
import { CallPrompt } from '@/components/CallPrompt';
import { focusedPersonId, focusedRequestId } from '@/utils/ui-state';
import { formatWhen } from '@/components/format';
import { useNow, useSettings } from '@/components/hooks';
import { whoCanIntroduce } from '@/utils/db/contacts';
import { loadRequestsWithPeople } from '@/utils/db/intros';
import { endOfLocalDay } from '@/utils/domain/business-days';
import { dueBy } from '@/utils/domain/follow-ups';
import { workWeek } from '@/utils/settings';

type PageState =
  | { state: 'loading' }
  /** No content script answers: offer "Save person from this page" (runs the extractors on demand). */
  | { state: 'offer'; tabId: number }
  | { state: 'reading' }
  | { state: 'capture'; tabId: number; capture: ProfileCapture; note?: string }
  | { state: 'message'; text: string; alert?: boolean };

/** The tab the popup acts on: the active tab, or `?tab=<id>` when the popup is opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** A person typed in by hand on a page where nothing could be read; the name starts from the selection. */
function captureFromSelection(url: string, selection: string): ProfileCapture | null {
  const profileUrl = canonicalPageUrl(url);
  if (!profileUrl) return null;
  const firstLine = selection.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return manualCapture(profileUrl, firstLine.slice(0, LIMITS.name), 'selection');
}

export function App() {
  const db = getDb();
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setPage({ state: 'message', text: 'There is no page to read in this window.' });
      try {
        const reply = await readTab(tabId);
        if (cancelled) return;
        if (reply.status === 'ok') setPage({ state: 'capture', tabId, capture: reply.capture });
        else if (reply.status === 'unreadable') setPage({ state: 'message', text: reply.reason, alert: true });
        else setPage({ state: 'message', text: 'This page is not a person’s profile.' });
      } catch {
        // No Introbook content script here. GitHub profiles are read at once (the
        // toolbar click is the request); any other site only when asked.
        if (cancelled) return;
        const url = await browser.tabs.get(tabId).then((t) => t.url ?? '', () => '');
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
      const read = await readTabOnDemand(tabId);
      if (read.reply.status === 'ok') return setPage({ state: 'capture', tabId, capture: read.reply.capture });
      const manual = captureFromSelection(read.url, read.selection);
      if (!manual) return setPage({ state: 'message', text: 'Introbook can only save people from secure (https) pages.', alert: true });
      setPage({
        state: 'capture',
        tabId,
        capture: manual,
        note:
          read.reply.status === 'unreadable'
            ? read.reply.reason
            : read.selection
              ? 'Introbook found no profile data here, so it started from the text you selected. Check the fields and save.'
              : 'Introbook found no profile data here. Select the person’s name on the page and try again, or type it in.',
      });
    } catch {
      setPage({ state: 'message', text: 'Introbook can’t read this page (browser pages and the web store are off limits).', alert: true });
    }
  }

  const capture = page.state === 'capture' ? page.capture : null;
  const saved = useLiveQuery(
    () => (capture ? findPersonByUrl(db, capture.profileUrl) : Promise.resolve(undefined)),
    [capture?.profileUrl],
  );
  const recent = useLiveQuery(() => listRecentPeople(db, 5), []);
  const settings = useSettings();
  const now = useNow();
  const dueToday = useLiveQuery(async () => {
    const { requests, namesOf } = await loadRequestsWithPeople(db);
    return dueBy(requests, namesOf, workWeek(settings), endOfLocalDay(now, settings.timeZone));
  }, [settings, now]);
  const connectors = useLiveQuery(async () => (saved ? (await whoCanIntroduce(db, saved)).ranked.slice(0, 3) : []), [saved]);

  async function save(request: SaveRequest) {
    if (page.state !== 'capture') return;
    setBusy(true);
    try {
      // A person typed in by hand takes the typed name as the captured one.
      const typedName = request.edits.name;
      const capture = page.capture.source === 'manual' && typedName ? { ...page.capture, name: typedName } : page.capture;
      const { person, created, heldBack } = await savePersonCapture(db, capture, request);
      const kept = heldBack.map((c) => FIELD_LABELS[c.field].toLowerCase());
      setResult({
        kind: 'ok',
        text: `${created ? 'Saved.' : 'Updated.'}${kept.length > 0 ? ` Kept your own ${kept.join(', ')}.` : ''}`,
      });
      // Let the page's button say "Saved"; a page without our script is fine.
      browser.tabs
        .sendMessage(page.tabId, { type: 'page/saved', profileUrl: person.profileUrl, personId: person.id })
        .catch(() => {});
    } catch {
      setResult({ kind: 'error', text: 'Introbook could not save this person. Check the fields: a name is required.' });
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
      <h1>
        <span className="brand">Introbook</span>
      </h1>
      <CallPrompt />
      {dueToday && dueToday.length > 0 && (
        <section className="panel" aria-labelledby="due-today">
          <h2 className="panel-title" id="due-today">
            Due today ({dueToday.length})
          </h2>
          <ul className="due-list">
            {dueToday.map((item) => (
              <li key={item.requestId}>
                <button type="button" className="card-button" onClick={() => openRequest(item.requestId)}>
                  <span>{item.label}</span>
                  <span className="card-next">
                    {item.dueAt <= now ? 'Due since' : 'Due'} {formatWhen(item.dueAt, settings.timeZone)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="on-this-page">
        <h2 className="panel-title" id="on-this-page">
          On this page
        </h2>
        {(page.state === 'loading' || page.state === 'reading') && <p className="muted">Reading the page…</p>}
        {page.state === 'message' && (
          <p className={page.alert ? 'message error' : 'muted'} role={page.alert ? 'alert' : undefined}>
            {page.text}
          </p>
        )}
        {page.state === 'offer' && (
          <>
            <p className="muted">Introbook reads this page only when you ask.</p>
            <button type="button" className="primary" onClick={() => void readThisPage(page.tabId)}>
              Save person from this page
            </button>
          </>
        )}
        {page.state === 'capture' && (
          <>
            {page.note && (
              <p className="message" role="status">
                {page.note}
              </p>
            )}
            <CaptureSummary capture={saved ?? page.capture} />
            <CaptureForm
              key={`${page.capture.profileUrl}:${saved?.updatedAt ?? 'new'}`}
              capture={page.capture}
              stored={saved}
              busy={busy}
              onSave={(request) => void save(request)}
            />
            {saved && (
              <div className="actions">
                <button type="button" onClick={() => open(saved)}>
                  Open in side panel
                </button>
              </div>
            )}
            {saved && !result && <p className="message ok">Saved in Introbook.</p>}
            {saved && connectors && (
              <section aria-labelledby="who-can-introduce" className="subpanel">
                <h3 className="panel-title" id="who-can-introduce">
                  Who can introduce me?
                </h3>
                {connectors.length === 0 ? (
                  <p className="muted">No confirmed mutual contact yet. Open the side panel to find one or ask directly.</p>
                ) : (
                  <ol className="connectors">
                    {connectors.map((c) => (
                      <li key={c.person.id}>
                        {c.person.name}
                        {c.reasons.length > 0 && <span className="muted"> — {c.reasons.join(' · ')}</span>}
                      </li>
                    ))}
                  </ol>
                )}
                <div className="actions">
                  <button type="button" onClick={() => open(saved)}>
                    Plan an intro in the side panel
                  </button>
                </div>
              </section>
            )}
          </>
        )}
        {result && (
          <p className={`message ${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'}>
            {result.text}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="recent">
        <h2 className="panel-title" id="recent">
          Recently saved
        </h2>
        {recent && recent.length === 0 && <p className="muted">Nobody yet. Save someone from their profile.</p>}
        {recent && recent.length > 0 && <PeopleList people={recent} onOpen={open} label="Recently saved people" />}
      </section>
    </main>
  );
}

const DEGREE_LABEL = { 1: '1st', 2: '2nd', 3: '3rd+' } as const;

/** Who this is at a glance; the editable fields follow in the form. */
function CaptureSummary({ capture }: { capture: ProfileCapture | Person }) {
  const mutual = capture.mutualConnections;
  return (
    <div className="person-card-head" aria-label="Captured person">
      <Avatar name={capture.name} photoUrl={capture.photoUrl} />
      <div>
        <p className="person-name">{capture.name}</p>
        <p className="muted">
          {[
            capture.degree ? `${DEGREE_LABEL[capture.degree]} degree` : null,
            mutual.count > 0 ? `${mutual.count} mutual connection${mutual.count === 1 ? '' : 's'}` : null,
            mutual.names.length > 0 ? `incl. ${mutual.names.join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' · ') || 'No connection details on this page'}
        </p>
      </div>
    </div>
  );
}
