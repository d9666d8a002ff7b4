import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PeopleList } from '@/components/PeopleList';
import { PersonCard } from '@/components/PersonCard';
import { getDb } from '@/utils/db/db';
import { findPersonByUrl, listRecentPeople } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { readTab, saveTab } from '@/utils/messaging/client';
import type { PageReadReply } from '@/utils/messaging/protocol';
import { focusedPersonId } from '@/utils/ui-state';
import { openSidePanel } from '@/utils/side-panel';

type TabRead = { state: 'loading' } | { state: 'none' } | { state: 'read'; tabId: number; reply: PageReadReply };

/** The tab the popup acts on: the active tab, or `?tab=<id>` when the popup is opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const db = getDb();
  const [tab, setTab] = useState<TabRead>({ state: 'loading' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setTab({ state: 'none' });
      try {
        const reply = await readTab(tabId);
        if (!cancelled) setTab({ state: 'read', tabId, reply });
      } catch {
        if (!cancelled) setTab({ state: 'none' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const capture = tab.state === 'read' && tab.reply.status === 'ok' ? tab.reply.capture : null;
  const saved = useLiveQuery(
    () => (capture ? findPersonByUrl(db, capture.profileUrl) : Promise.resolve(undefined)),
    [capture?.profileUrl],
  );
  const recent = useLiveQuery(() => listRecentPeople(db, 5), []);

  async function save() {
    if (tab.state !== 'read') return;
    setBusy(true);
    try {
      const reply = await saveTab(tab.tabId);
      setMessage(reply.ok ? { kind: 'ok', text: reply.created ? 'Saved.' : 'Updated.' } : { kind: 'error', text: reply.error });
    } catch {
      setMessage({ kind: 'error', text: 'Introbook did not answer. Try again.' });
    } finally {
      setBusy(false);
    }
  }

  function open(person: Person) {
    // Open first: the side panel needs this click's user gesture.
    openSidePanel();
    void focusedPersonId.setValue(person.id);
  }

  return (
    <main className="app popup">
      <h1>
        <span className="brand">Introbook</span>
      </h1>
      <section className="panel" aria-labelledby="on-this-page">
        <h2 className="panel-title" id="on-this-page">
          On this page
        </h2>
        {tab.state === 'loading' && <p className="muted">Reading the page…</p>}
        {tab.state === 'none' && <p className="muted">Open a LinkedIn profile to save the person on it.</p>}
        {tab.state === 'read' && tab.reply.status === 'not-profile' && (
          <p className="muted">This page is not a person’s profile.</p>
        )}
        {tab.state === 'read' && tab.reply.status === 'unreadable' && (
          <p className="message error" role="alert">
            {tab.reply.reason}
          </p>
        )}
        {capture && (
          <>
            <PersonCard person={saved ?? capture} />
            <div className="actions">
              <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
                {saved ? 'Save again' : 'Save'}
              </button>
              {saved && (
                <button type="button" onClick={() => open(saved)}>
                  Open in side panel
                </button>
              )}
            </div>
            {saved && !message && <p className="message ok">Saved in Introbook.</p>}
          </>
        )}
        {message && (
          <p className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
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
