import { useEffect, useState, type ReactNode } from 'react';
import { getDb } from '@/utils/db/db';
import { t } from '@/utils/i18n';

/**
 * Opens the store before showing the page. Where IndexedDB is unavailable
 * (Firefox with history disabled, a damaged profile), say so plainly instead
 * of failing in every view. Also asks once for persistent storage, so the
 * browser does not evict the user's data under disk pressure.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<'opening' | 'open' | string>('opening');
  useEffect(() => {
    getDb()
      .open()
      .then(() => {
        setState('open');
        void navigator.storage?.persist?.().catch(() => false);
      })
      .catch((error: unknown) => setState(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
  }, []);
  if (state === 'opening') return null;
  if (state !== 'open') {
    return (
      <main className="app">
        <h1>
          <span className="brand">{t('extName')}</span>
        </h1>
        <div className="panel" role="alert">
          <p>
            <strong>{t('databaseGate.introbookCantOpenItsStorageIn')}</strong> {t('databaseGate.nothingDeleted')}
          </p>
          <p className="muted">{t('databaseGate.details', { state })}</p>
        </div>
      </main>
    );
  }
  return children;
}
