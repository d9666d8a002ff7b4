import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { CallView as CallViewType } from './CallView';
import type { MergeView as MergeViewType } from './MergeView';
import type { PersonDetails as PersonDetailsType } from './PersonDetails';
import type { PersonWorkspace as PersonWorkspaceType } from './PersonWorkspace';
import type { RequestBoard as RequestBoardType } from './RequestBoard';
import type { RequestView as RequestViewType } from './RequestView';
import type { SettingsView as SettingsViewType } from './SettingsView';
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

export const LazyCallView = lazyView<typeof CallViewType>(() => import('./CallView').then((m) => m.CallView));
export const LazyPersonWorkspace = lazyView<typeof PersonWorkspaceType>(() => import('./PersonWorkspace').then((m) => m.PersonWorkspace));
export const LazyPersonDetails = lazyView<typeof PersonDetailsType>(() => import('./PersonDetails').then((m) => m.PersonDetails));
export const LazyMergeView = lazyView<typeof MergeViewType>(() => import('./MergeView').then((m) => m.MergeView));
export const LazyRequestBoard = lazyView<typeof RequestBoardType>(() => import('./RequestBoard').then((m) => m.RequestBoard));
export const LazyRequestView = lazyView<typeof RequestViewType>(() => import('./RequestView').then((m) => m.RequestView));
export const LazyTemplatesView = lazyView<typeof TemplatesViewType>(() => import('./TemplatesView').then((m) => m.TemplatesView));
export const LazySettingsView = lazyView<typeof SettingsViewType>(() => import('./SettingsView').then((m) => m.SettingsView));
