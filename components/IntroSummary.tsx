import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { introAnswer } from '@/utils/db/contacts';
import type { Person } from '@/utils/domain/schemas';
import { t } from '@/utils/i18n';

/**
 * The popup's "Who can introduce me?": the same answer (introAnswer) the side
 * panel's person page gives, in brief.
 */
export function IntroSummary({ db, person, onOpen }: { db: IntrobookDB; person: Person; onOpen: () => void }) {
  const answer = useLiveQuery(() => introAnswer(db, person), [person]);
  if (!answer) return null;
  const settled = Boolean(answer.open || answer.done);
  const top = settled ? [] : answer.options.ranked.slice(0, 3);
  return (
    <section aria-labelledby="who-can-introduce" className="subpanel">
      <h3 className="panel-title" id="who-can-introduce">
        {t('common.whoCanIntroduceMe')}
      </h3>
      <p>{answer.headline}</p>
      {top.length > 0 && (
        <ol className="connectors">
          {top.map((c) => (
            <li key={c.person.id}>
              {c.person.name}
              {c.reasons.length > 0 && <span className="muted"> — {c.reasons.join(' · ')}</span>}
            </li>
          ))}
        </ol>
      )}
      <div className="actions">
        <button type="button" onClick={onOpen}>
          {settled ? t('introSummary.openInTheSidePanel') : t('introSummary.planAnIntroInTheSide')}
        </button>
      </div>
    </section>
  );
}
