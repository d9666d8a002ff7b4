import { lazy, Suspense, type ComponentProps } from 'react';
import type { CallView as CallViewType } from './CallView';
import type { PersonWorkspace as PersonWorkspaceType } from './PersonWorkspace';
import { t } from '@/utils/i18n';

/**
 * The prep, call and follow-through views load when first shown, not with the
 * side panel: opening the panel costs only what the home page needs.
 */
const CallViewLoaded = lazy(() => import('./CallView').then((m) => ({ default: m.CallView })));
const PersonWorkspaceLoaded = lazy(() => import('./PersonWorkspace').then((m) => ({ default: m.PersonWorkspace })));

export function LazyCallView(props: ComponentProps<typeof CallViewType>) {
  return (
    <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
      <CallViewLoaded {...props} />
    </Suspense>
  );
}

export function LazyPersonWorkspace(props: ComponentProps<typeof PersonWorkspaceType>) {
  return (
    <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
      <PersonWorkspaceLoaded {...props} />
    </Suspense>
  );
}
