/**
 * Restore offers: something was removed on one browser while it was being
 * edited on another. Sync keeps the edits in the removed row and asks here
 * instead of deciding. Shows nothing when there is nothing to decide.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { dismissNotice, openRestoreOffers, restoreFromOffer } from '@/utils/sync/notices';
import { t } from '@/utils/i18n';
import { tx } from './i18n';

export function SyncNotices({ db }: { db: IntrobookDB }) {
  const offers = useLiveQuery(() => openRestoreOffers(db), [db]);
  if (!offers || offers.length === 0) return null;
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
              <button type="button" className="primary" onClick={() => void restoreFromOffer(db, offer)} aria-label={t('syncNotices.restore2', { label })}>
                {t('syncNotices.restore')}
              </button>
              <button type="button" onClick={() => void dismissNotice(db, offer.id)} aria-label={t('syncNotices.keepRemoved2', { label })}>
                {t('syncNotices.keepRemoved')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
