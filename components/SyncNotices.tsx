/**
 * Restore offers: something was removed on one browser while it was being
 * edited on another. Sync keeps the edits in the removed row and asks here
 * instead of deciding. Shows nothing when there is nothing to decide; the side
 * panel loads it only when there is something (components/Lazy.tsx).
 */
import type { IntrobookDB } from '@/utils/db/app-db';
import { dismissNotice, restoreFromOffer, type RestoreOffer } from '@/utils/sync/notices';
import { t } from '@/utils/i18n';
import { tx } from './i18n';
import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

/** `offers`: the open ones (the side panel reads them through the background: 'sync/offers'). */
export function SyncNotices({ db, offers }: { db: IntrobookDB; offers: RestoreOffer[] }) {
  const [error, setError] = useState<string | null>(null);
  if (offers.length === 0) return null;
  /** Restore or keep removed: a write that fails says why (a full disk says so); the offer stays. */
  const run = (write: Promise<unknown>) =>
    void write.then(
      () => setError(null),
      (err: unknown) => setError(userMessage(err, t('notSaved.syncOffer'))),
    );
  return (
    <section className="panel" aria-label={t('syncNotices.removedOnOneBrowserEditedOn')} style={{ marginBottom: 12 }}>
      <h2 className="panel-title">{t('syncNotices.removedWhileEditedElsewhere')}</h2>
      <ul className="history">
        {offers.map(({ offer, label }) => (
          <li key={offer.id}>
            <p style={{ margin: '4px 0' }}>
              {tx('syncNotices.removedWhileEdited', { label: <strong>{label}</strong> })}
            </p>
            <div className="actions" style={{ marginTop: 4 }}>
              <button type="button" className="primary" onClick={() => run(restoreFromOffer(db, offer))} aria-label={t('syncNotices.restore2', { label })}>
                {t('syncNotices.restore')}
              </button>
              <button type="button" onClick={() => run(dismissNotice(db, offer.id))} aria-label={t('syncNotices.keepRemoved2', { label })}>
                {t('syncNotices.keepRemoved')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage text={error} />
    </section>
  );
}
