import { useEffect, useState, type ReactNode } from 'react';
import { getDb } from '@/utils/db/db';
import { StorageUnavailable } from './StorageUnavailable';

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
  if (state !== 'open') return <StorageUnavailable details={state} />;
  return children;
}
