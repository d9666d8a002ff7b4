import { useEffect, useState, type ReactNode } from 'react';
import { remote } from '@/utils/remote/client';
import { StorageUnavailable } from './StorageUnavailable';

/**
 * DatabaseGate for the pages that read through the background (utils/remote/, issue #11): the
 * page shows at once, and if the background reports that the store cannot be opened (IndexedDB
 * unavailable: Firefox with history disabled, a damaged profile), says so plainly instead of
 * failing in every view. Also asks once for persistent storage, so the browser does not evict the
 * user's data under disk pressure (a page's call: workers cannot ask).
 */
export function RemoteGate({ children }: { children: ReactNode }) {
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void navigator.storage?.persist?.().catch(() => false);
    return remote().onUnavailable(setFailure);
  }, []);
  return failure === null ? children : <StorageUnavailable details={failure} />;
}
