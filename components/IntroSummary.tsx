import { useRemoteQuery } from '@/utils/remote/hooks';
import { t } from '@/utils/i18n';

/**
 * The popup's "Who can introduce me?": the same answer (introAnswer) the side
 * panel's person page gives, in brief, computed by the background (utils/remote/).
 */
export function IntroSummary({ personId, onOpen }: { personId: string; onOpen: () => void }) {
  const answer = useRemoteQuery('intro/summary', { personId });
  if (!answer) return null;
  return (
    <section aria-labelledby="who-can-introduce" className="subpanel">
      <h3 className="panel-title" id="who-can-introduce">
        {t('common.whoCanIntroduceMe')}
      </h3>
      <p>{answer.headline}</p>
      {answer.top.length > 0 && (
        <ol className="connectors">
          {answer.top.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.reasons.length > 0 && <span className="muted"> — {c.reasons.join(' · ')}</span>}
            </li>
          ))}
        </ol>
      )}
      <div className="actions">
        <button type="button" onClick={onOpen}>
          {answer.settled ? t('introSummary.openInTheSidePanel') : t('introSummary.planAnIntroInTheSide')}
        </button>
      </div>
    </section>
  );
}
