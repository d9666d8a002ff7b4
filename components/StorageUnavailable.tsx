import { t } from '@/utils/i18n';

/**
 * The page a gate shows when the store cannot be opened (IndexedDB unavailable:
 * Firefox with history disabled, a damaged profile): said plainly, once, instead
 * of failing in every view. Its own module so the popup's gate (RemoteGate) gets
 * it without DatabaseGate's Dexie.
 */
export function StorageUnavailable({ details }: { details: string }) {
  return (
    <main className="app">
      <h1>
        <span className="brand">{t('extName')}</span>
      </h1>
      <div className="panel" role="alert">
        <p>
          <strong>{t('databaseGate.introbookCantOpenItsStorageIn')}</strong> {t('databaseGate.nothingDeleted')}
        </p>
        <p className="muted">{t('databaseGate.details', { state: details })}</p>
      </div>
    </main>
  );
}
