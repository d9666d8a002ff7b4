import { AppHeader } from '@/components/Brand';
import { useEffect, useRef, useState } from 'react';
import { AddPerson } from '@/components/AddPerson';
import { useLiveCall } from '@/components/call-hooks';
// The first view (the home) reads through the background (utils/remote/) and loads no store code; the
// other views load with their first showing, with the page's database (components/Lazy.tsx, issue #11).
import { LazySettingsView as SettingsView, Panel } from '@/components/Lazy';
import { useRemoteSettingsState, useShownPerson } from '@/components/remote-hooks';
import { useNow } from '@/components/now';
import { onNavigationRequest } from '@/components/nav';
import { SetupPrompt } from '@/components/SetupPrompt';
import { Toasts } from '@/components/Toasts';
import { initialWorkspaceView, Workspace } from '@/components/Workspace';
import { useRemoteQuery } from '@/utils/remote/hooks';
import { focusedPersonId, focusedRequestId, pendingMerge } from '@/utils/ui-state';
import { labels, t } from '@/utils/i18n';

type View = 'people' | 'call' | 'requests' | 'templates' | 'settings';
const VIEW_LABELS = labels({
  people: 'sidepanel.tab.people',
  call: 'sidepanel.tab.call',
  requests: 'sidepanel.tab.requests',
  templates: 'sidepanel.tab.templates',
  settings: 'sidepanel.tab.settings',
});
const VIEWS = (['people', 'call', 'requests', 'templates', 'settings'] as const).map((v): [View, string] => [v, VIEW_LABELS[v]]);

export function App() {
  const { settings, loaded } = useRemoteSettingsState();
  const now = useNow();
  const [view, setView] = useState<View>('people');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [lastPersonId, setLastPersonId] = useState<string | null>(null);
  // The home's search and paging, kept while a person's page is open: going back returns to them.
  const [homeView, setHomeView] = useState(initialWorkspaceView);
  // Two records a save found may be one human (set by the capture side): the merge view asks the user.
  const [merging, setMerging] = useState<{ aId: string; bId: string } | null>(null);
  useEffect(() => {
    const show = (pair: { aId: string; bId: string } | null) => {
      if (!pair) return;
      setMerging(pair);
      void pendingMerge.setValue(null);
    };
    void pendingMerge.getValue().then(show);
    const unwatch = pendingMerge.watch(show);
    const unlisten = onNavigationRequest((r) => setView(r.view));
    return () => {
      unwatch();
      unlisten();
    };
  }, []);
  const [focusSearch, setFocusSearch] = useState(0);
  const call = useLiveCall();
  const shownCall = useRef<string | null>(null);

  // Follow the active tab: a call getting under way switches the panel to "In call" (once per call).
  useEffect(() => {
    if (!call || (call.state !== 'lobby' && call.state !== 'in-call')) return;
    const id = `${call.tabId}:${call.key ?? ''}`;
    if (shownCall.current === id) return;
    shownCall.current = id;
    setView('call');
  }, [call]);

  // Keyboard: "/" searches (not while typing in a field). Escape is each view's (useView in components/view-hooks.ts).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null && target !== null;
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setView('people');
        setSelectedId(null);
        setLastPersonId(null);
        setFocusSearch((n) => n + 1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Follow "Open in side panel" and "Due today" from a page or the popup, also while the panel is open.
  useEffect(() => {
    const showPerson = (id: string | null) => {
      if (!id) return;
      setSelectedId(id);
      setView('people');
    };
    const showRequest = (id: string | null) => {
      if (!id) return;
      setRequestId(id);
      setView('requests');
    };
    void focusedPersonId.getValue().then(showPerson);
    void focusedRequestId.getValue().then(showRequest);
    const unwatchPerson = focusedPersonId.watch(showPerson);
    const unwatchRequest = focusedRequestId.watch(showRequest);
    return () => {
      unwatchPerson();
      unwatchRequest();
    };
  }, []);

  const selected = useShownPerson(selectedId);
  const offers = useRemoteQuery('sync/offers', {});

  function openRequest(id: string) {
    setRequestId(id);
    setView('requests');
  }

  function back() {
    setLastPersonId(selectedId);
    setSelectedId(null);
    void focusedPersonId.setValue(null);
  }

  return (
    <main className="app">
      <AppHeader />
      <nav className="tabs" aria-label={t('sidepanel.sections')}>
        {VIEWS.filter(([v]) => v !== 'call' || call !== null || view === 'call').map(([v, label]) => (
          <button
            key={v}
            type="button"
            aria-current={view === v ? 'page' : undefined}
            onClick={() => {
              // A section's tab always opens its list, like the Back buttons.
              setMerging(null);
              setView(v);
              if (v === 'requests') setRequestId(null);
              if (v === 'people') back();
            }}
          >
            {label}
          </button>
        ))}
      </nav>
      <SetupPrompt settings={settings} loaded={loaded} />
      {offers && offers.length > 0 && <Panel.SyncNotices offers={offers} />}
      {merging && (
        <Panel.MergeView
          firstId={merging.aId}
          secondId={merging.bId}
          onDone={(keptId) => {
            setMerging(null);
            if (keptId) {
              setSelectedId(keptId);
              setView('people');
            }
          }}
        />
      )}
      {!merging && view === 'people' &&
        (selectedId && selected ? (
          <Panel.PersonDetails key={selected.id} person={selected} onBack={back} settings={loaded ? settings : undefined} />
        ) : (
          <>
            <Workspace
              settings={settings}
              now={now}
              focusSignal={focusSearch}
              focusId={lastPersonId}
              view={homeView}
              onView={setHomeView}
              onOpen={setSelectedId}
              onOpenRequest={openRequest}
            />
            <section className="panel" aria-label={t('common.addAPerson')}>
              <AddPerson onOpen={(p) => setSelectedId(p.id)} />
            </section>
          </>
        ))}
      {!merging && view === 'call' && (
        <Panel.CallView
          call={call}
          settings={settings}
          onOpenPerson={(id) => {
            setSelectedId(id);
            setView('people');
          }}
        />
      )}
      {!merging && view === 'requests' &&
        (requestId ? (
          <Panel.RequestView
            key={requestId}
            requestId={requestId}
            settings={settings}
            onBack={() => {
              setRequestId(null);
              void focusedRequestId.setValue(null);
            }}
          />
        ) : (
          <Panel.RequestBoard settings={settings} now={now} onOpen={setRequestId} />
        ))}
      {!merging && view === 'templates' && <Panel.TemplatesView />}
      {/* The form starts from the stored settings once they are read; saving does not reset it. */}
      {!merging && view === 'settings' && <SettingsView key={loaded ? 'loaded' : 'loading'} settings={settings} />}
      <Toasts />
    </main>
  );
}
