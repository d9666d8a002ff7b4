import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
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
function lazyView<C extends ComponentType<any>>(load: () => Promise<C>): ComponentType<ComponentProps<C>> {
  const Loaded = lazy(async () => ({ default: await load() }));
  function LazyView(props: ComponentProps<C>) {
    return (
      <Suspense fallback={<LoadingView />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyView;
}

export const LazyRequestBoard = lazyView<typeof RequestBoardType>(() => import('./RequestBoard').then((m) => m.RequestBoard));
export const LazyPersonWorkspace = lazyView<typeof PersonWorkspaceType>(() => import('./PersonWorkspace').then((m) => m.PersonWorkspace));
export const LazySettingsView = lazyView<typeof SettingsViewType>(() => import('./SettingsView').then((m) => m.SettingsView));

/**
 * A view that reads and writes the store itself, with the page's database handed in once its code
 * has loaded: the side panel's first view reads through the background (utils/remote/, issue #11)
 * and never loads Dexie; the page opens its own connection only when one of these is first shown.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component taking `db`; its other props come through as they are
function lazyWithDb<C extends ComponentType<any>>(load: () => Promise<C>): ComponentType<Omit<ComponentProps<C>, 'db'>> {
  return lazyView(async () => {
    const [loaded, { getDb }] = await Promise.all([load(), import('@/utils/db/db')]);
    const View = loaded as ComponentType<ComponentProps<C> & { db: IntrobookDB }>;
    const db = getDb();
    function WithDb(props: Omit<ComponentProps<C>, 'db'>) {
      return <View {...(props as ComponentProps<C>)} db={db} />;
    }
    return WithDb;
  });
}

/** The side panel's views, each with the page's database (see lazyWithDb). */
export const Panel = {
  AddPersonForm: lazyWithDb<typeof AddPersonFormType>(() => import('./AddPersonForm').then((m) => m.AddPersonForm)),
  CallView: lazyWithDb<typeof CallViewType>(() => import('./CallView').then((m) => m.CallView)),
  MergeView: lazyWithDb<typeof MergeViewType>(() => import('./MergeView').then((m) => m.MergeView)),
  PersonDetails: lazyWithDb<typeof PersonDetailsType>(() => import('./PersonDetails').then((m) => m.PersonDetails)),
  RequestBoard: lazyWithDb<typeof RequestBoardType>(() => import('./RequestBoard').then((m) => m.RequestBoard)),
  RequestView: lazyWithDb<typeof RequestViewType>(() => import('./RequestView').then((m) => m.RequestView)),
  SyncNotices: lazyWithDb<typeof SyncNoticesType>(() => import('./SyncNotices').then((m) => m.SyncNotices)),
  TemplatesView: lazyWithDb<typeof TemplatesViewType>(() => import('./TemplatesView').then((m) => m.TemplatesView)),
};
