import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import type { AddPersonForm as AddPersonFormType } from './AddPersonForm';
import type { CallView as CallViewType } from './CallView';
import type { MergeView as MergeViewType } from './MergeView';
import type { PersonDetails as PersonDetailsType } from './PersonDetails';
import type { PersonWorkspace as PersonWorkspaceType } from './PersonWorkspace';
import type { RequestBoard as RequestBoardType } from './RequestBoard';
import type { RequestView as RequestViewType } from './RequestView';
import type { SettingsView as SettingsViewType } from './SettingsView';
import type { SyncNotices as SyncNoticesType } from './SyncNotices';
import type { TemplatesView as TemplatesViewType } from './TemplatesView';
import { t } from '@/utils/i18n';

/** What a view shows while its code loads: announced politely to screen readers. */
export function LoadingView() {
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A view whose code loads when it is first shown, not with the page (issue #11): opening the side
 * panel costs what its home needs; settings, templates, requests, merging, a person's page, prep and
 * calls come as their own chunks (a few ms from the extension's files) behind an accessible status.
 * Only types are imported statically above, so the views stay out of the page's first bundle.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component; its props come through as they are
function lazyView<C extends ComponentType<any>>(load: () => Promise<C>, fallback: ReactNode = <LoadingView />): ComponentType<ComponentProps<C>> {
  const Loaded = lazy(async () => ({ default: await load() }));
  function LazyView(props: ComponentProps<C>) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyView;
}

export const LazyPersonWorkspace = lazyView<typeof PersonWorkspaceType>(() => import('./PersonWorkspace').then((m) => m.PersonWorkspace));
export const LazySettingsView = lazyView<typeof SettingsViewType>(() => import('./SettingsView').then((m) => m.SettingsView));

/**
 * A view that reads and writes the store itself, with the page's database handed in once its code
 * has loaded: the side panel's first view reads through the background (utils/remote/, issue #11)
 * and never loads Dexie; the page opens its own connection only when one of these is first shown.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component taking `db`; its other props come through as they are
function withDb<C extends ComponentType<any>>(load: () => Promise<C>): () => Promise<ComponentType<Omit<ComponentProps<C>, 'db'>>> {
  let loading: Promise<ComponentType<Omit<ComponentProps<C>, 'db'>>> | null = null;
  return () =>
    (loading ??= Promise.all([load(), import('@/utils/db/db')]).then(
      ([loaded, { getDb }]) => {
        const View = loaded as ComponentType<ComponentProps<C> & { db: IntrobookDB }>;
        const db = getDb();
        function WithDb(props: Omit<ComponentProps<C>, 'db'>) {
          return <View {...(props as ComponentProps<C>)} db={db} />;
        }
        return WithDb;
      },
      (error: unknown) => {
        loading = null; // the extension was reloading: the next showing tries again
        throw error;
      },
    ));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component taking `db`
function lazyWithDb<C extends ComponentType<any>>(load: () => Promise<C>, fallback?: ReactNode): ComponentType<Omit<ComponentProps<C>, 'db'>> {
  return lazyView(withDb(load), fallback);
}

/**
 * The add-a-person form, loaded (with the page's database) before it is shown: the button starts
 * the load when pointed at or focused and opens the form once it is there, so no "Loading…" flashes
 * between the button and the form (components/AddPerson.tsx).
 */
export const loadAddPersonForm = withDb<typeof AddPersonFormType>(() => import('./AddPersonForm').then((m) => m.AddPersonForm));

/** The side panel's views, each with the page's database (see lazyWithDb). */
export const Panel = {
  CallView: lazyWithDb<typeof CallViewType>(() => import('./CallView').then((m) => m.CallView)),
  MergeView: lazyWithDb<typeof MergeViewType>(() => import('./MergeView').then((m) => m.MergeView)),
  PersonDetails: lazyWithDb<typeof PersonDetailsType>(() => import('./PersonDetails').then((m) => m.PersonDetails)),
  RequestBoard: lazyWithDb<typeof RequestBoardType>(() => import('./RequestBoard').then((m) => m.RequestBoard)),
  RequestView: lazyWithDb<typeof RequestViewType>(() => import('./RequestView').then((m) => m.RequestView)),
  // Shown only when there is an offer; nothing (no announced "Loading…") while its code comes.
  SyncNotices: lazyWithDb<typeof SyncNoticesType>(() => import('./SyncNotices').then((m) => m.SyncNotices), null),
  TemplatesView: lazyWithDb<typeof TemplatesViewType>(() => import('./TemplatesView').then((m) => m.TemplatesView)),
};
