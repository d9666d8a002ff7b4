import { storageErrorMessage } from '@/utils/db/errors';
import { showToast } from './Toasts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { cancelMeeting, getMeeting, restoreMeeting } from '@/utils/db/meetings';
import { editMeeting } from '@/utils/db/intros';
import { ensureMeetingNotes, getMeetingNotes, updateMeetingNotes } from '@/utils/db/workspace';
import {
  ANSWER_KEYS,
  ANSWER_LABELS,
  ANSWER_SETTINGS,
  moveQuestion,
  PREP_REASON_LABELS,
  PREP_REASONS,
  QUESTION_BANK,
  QUESTION_CATEGORIES,
  QUESTION_CATEGORY_LABELS,
  type MeetingNotes,
  type PickedQuestion,
} from '@/utils/domain/prep';
import { MEETING_CHANNELS, type Meeting, type MeetingChannel, type Person, type Settings, MEETING_LENGTH, meetingLengthSchema } from '@/utils/domain/schemas';
import { AutoText } from './AutoText';
import { CHANNEL_LABELS } from './channel-labels';
import { formatWhen, fromInputValue, toInputValue } from './format';
import { roleLine } from './PersonCard';
import { SyncedCheck } from './Synced';
import { formatMinutes, formatNumber, t } from '@/utils/i18n';
import { tx } from './i18n';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

/** What a failed write says: the disk is full, one of Introbook's own messages, else `fallback`. */
const writeError = (error: unknown, fallback: string) => storageErrorMessage(error, userMessage(error, fallback));

/** A section's writes: each failure is shown in that section (a full disk says so), each success clears it. */
function useWrites(): [string | null, (write: Promise<unknown>) => Promise<boolean>] {
  const [error, setError] = useState<string | null>(null);
  const run = (write: Promise<unknown>) =>
    write.then(
      () => (setError(null), true),
      (err: unknown) => (setError(writeError(err, t('notSaved.prepChange'))), false),
    );
  return [error, run];
}

export { CHANNEL_LABELS };

/** A meeting's notes row, created on first view. */
export function useMeetingNotes(db: IntrobookDB, meetingId: string): MeetingNotes | undefined {
  const notes = useLiveQuery(() => getMeetingNotes(db, meetingId), [meetingId]);
  useEffect(() => {
    if (notes === undefined) void ensureMeetingNotes(db, meetingId).catch(() => {});
  }, [db, meetingId, notes]);
  return notes;
}

/**
 * The prep sheet for one meeting: the meeting's details and "Add to calendar",
 * why this person, research beside the captured profile, questions (TIARA bank
 * plus the user's own: pick, reorder, tick), the prepared answers and goals
 * (from Settings, editable for this meeting) and the résumé reminder.
 */
export function PrepSheet({ db, meetingId, person, settings }: { db: IntrobookDB; meetingId: string; person: Person; settings: Settings }) {
  const meeting = useLiveQuery(() => getMeeting(db, meetingId), [meetingId]);
  const notes = useMeetingNotes(db, meetingId);
  if (meeting === undefined || notes === undefined) return <p className="muted">{t('common.loadingThePrepSheet')}</p>;
  const save = (change: Parameters<typeof updateMeetingNotes>[2]) => updateMeetingNotes(db, meetingId, change);
  return (
    <div className="prep-sheet" aria-label={t('prepSheet.prepSheetFor', { name: person.name })} role="region">
      <MeetingDetails db={db} meeting={meeting} person={person} notes={notes} settings={settings} />
      <Why notes={notes} save={save} />
      <Research person={person} notes={notes} save={save} />
      <Questions notes={notes} save={save} />
      <Answers notes={notes} save={save} settings={settings} />
    </div>
  );
}

type Save = (change: Parameters<typeof updateMeetingNotes>[2]) => Promise<unknown>;

function MeetingDetails({ db, meeting, person, notes, settings }: { db: IntrobookDB; meeting: Meeting; person: Person; notes: MeetingNotes; settings: Settings }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [when, setWhen] = useState(toInputValue(meeting.startsAt, settings.timeZone));
  const [length, setLength] = useState(String(meeting.durationMin));
  const [channel, setChannel] = useState<MeetingChannel>(meeting.channel);
  const [link, setLink] = useState(meeting.link);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromInputValue(when, settings.timeZone);
    const durationMin = Number(length);
    if (startsAt === null) return setError(t('common.pickADateAndTime'));
    if (!meetingLengthSchema.safeParse(durationMin).success) return setError(t('common.theLengthIsInMinutes5', MEETING_LENGTH));
    try {
      // A meeting that came from a request moves as one of its steps (history, undo, due date).
      await editMeeting(db, meeting.id, { startsAt, durationMin, channel, link: link.trim() });
      setEditing(false);
      setError(null);
    } catch (err) {
      setError(storageErrorMessage(err, t('common.checkTheLinkItMustStart')));
    }
  }

  async function cancel() {
    try {
      await cancelMeeting(db, meeting.id);
    } catch (err) {
      return setError(writeError(err, t('notSaved.meetingCancel')));
    }
    showToast(t('prepSheet.meetingCancelled'), () => restoreMeeting(db, meeting.id));
  }

  async function download() {
    // The calendar writer loads on first use: it is not needed to open the panel.
    const { icsFileName, meetingIcs } = await import('@/utils/calendar/ics');
    const ics = meetingIcs({ meeting, person, notes, settings, now: Date.now() });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = icsFileName(person, meeting.startsAt);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('common.meeting')}
      </h4>
      <p>
        <strong>{formatWhen(meeting.startsAt, settings.timeZone)}</strong> · {formatMinutes(meeting.durationMin)} · {CHANNEL_LABELS[meeting.channel]}
        {meeting.link && (
          <>
            {' · '}
            <a href={meeting.link} target="_blank" rel="noopener noreferrer">
              {t('prepSheet.joinLink')}
            </a>
          </>
        )}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void download()}>
          {t('prepSheet.addToCalendarIcs')}
        </button>
        <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {t('prepSheet.changeMeetingDetails')}
        </button>
      </div>
      {editing && (
        <form className="capture-form" onSubmit={submit} aria-label={t('common.meetingDetails')}>
          <div className="field">
            <label htmlFor={`${id}-when`}>{t('common.dateAndTime')}</label>
            <input id={`${id}-when`} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-len`}>{t('common.lengthMinutes')}</label>
            <input id={`${id}-len`} type="number" min={MEETING_LENGTH.min} max={MEETING_LENGTH.max} value={length} onChange={(e) => setLength(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ch`}>{t('common.channel')}</label>
            <select id={`${id}-ch`} value={channel} onChange={(e) => setChannel(e.target.value as MeetingChannel)}>
              {MEETING_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('common.callLink')}</label>
            <input id={`${id}-link`} type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder={t('common.httpsMeetGoogleCom')} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.saveMeeting')}
            </button>
            <button type="button" className="danger" onClick={() => void cancel()}>
              {t('prepSheet.cancelThisMeeting')}
            </button>
          </div>
          <ErrorMessage text={error} />
        </form>
      )}
    </section>
  );
}

function Why({ notes, save }: { notes: MeetingNotes; save: Save }) {
  const [error, run] = useWrites();
  return (
    <fieldset className="subpanel plain">
      <legend className="panel-title">{t('prepSheet.whyThisPerson')}</legend>
      {PREP_REASONS.map((reason) => (
        <label key={reason} className="inline">
          <SyncedCheck
            checked={notes.why.includes(reason)}
            onChecked={(on) => void run(save((n) => ({ why: on ? [...n.why.filter((w) => w !== reason), reason] : n.why.filter((w) => w !== reason) })))}
          />{' '}
          {PREP_REASON_LABELS[reason]}
        </label>
      ))}
      <AutoText label={t('prepSheet.inYourWords')} value={notes.whyNote} onSave={(whyNote) => save({ whyNote })} rows={2} multiline />
      <ErrorMessage text={error} />
    </fieldset>
  );
}

function Research({ person, notes, save }: { person: Person; notes: MeetingNotes; save: Save }) {
  const id = useId();
  const role = roleLine(person);
  return (
    <section className="subpanel research" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('prepSheet.research')}
      </h4>
      <div className="research-grid">
        <div>
          <AutoText label={t('prepSheet.about', { name: person.name })} value={notes.researchPerson} onSave={(researchPerson) => save({ researchPerson })} hint={t('prepSheet.theirPathWhatTheyHavePublished')} />
          <AutoText
            label={t('prepSheet.about', { name: person.company ?? t('prepSheet.theirCompany') })}
            value={notes.researchCompany}
            onSave={(researchCompany) => save({ researchCompany })}
            hint={t('prepSheet.itsSiteRecentNewsPressNegative')}
          />
        </div>
        <aside aria-label={t('prepSheet.capturedProfileDetails')} className="captured">
          <dl className="fields">
            {person.headline && (
              <>
                <dt>{t('common.headline')}</dt>
                <dd>{person.headline}</dd>
              </>
            )}
            {role && (
              <>
                <dt>{t('prepSheet.now')}</dt>
                <dd>{role}</dd>
              </>
            )}
            {person.location && (
              <>
                <dt>{t('common.location')}</dt>
                <dd>{person.location}</dd>
              </>
            )}
            {person.roleHistory.length > 0 && (
              <>
                <dt>{t('prepSheet.before')}</dt>
                <dd>{person.roleHistory.map((h) => [h.role, h.company].filter(Boolean).join(' · ')).join('; ')}</dd>
              </>
            )}
            {person.mutualConnections.names.length > 0 && (
              <>
                <dt>{t('prepSheet.mutual')}</dt>
                <dd>{person.mutualConnections.names.join(', ')}</dd>
              </>
            )}
          </dl>
        </aside>
      </div>
    </section>
  );
}

/** The picked questions in order (reorder, remove, tick during the call) and where to add more. */
export function Questions({ notes, save, inCall = false }: { notes: MeetingNotes; save: Save; inCall?: boolean }) {
  const id = useId();
  const [own, setOwn] = useState('');
  const [error, run] = useWrites();
  const picked = new Set(notes.questions.map((q) => q.id));
  const set = (questions: PickedQuestion[]) => run(save({ questions }));
  const tick = (qid: string, done: boolean) => run(save((n) => ({ questions: n.questions.map((q) => (q.id === qid ? { ...q, done } : q)) })));

  async function addOwn(e: FormEvent) {
    e.preventDefault();
    const text = own.trim();
    if (!text) return;
    // The question stays in the box until it is stored.
    if (await run(save((n) => ({ questions: [...n.questions, { id: `own-${crypto.randomUUID()}`, category: 'own', text: text.slice(0, 500), done: false }] })))) setOwn('');
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('prepSheet.questionsAsked', { asked: formatNumber(notes.questions.filter((q) => q.done).length), total: formatNumber(notes.questions.length) })}
      </h4>
      {notes.questions.length === 0 && (
        <p className="muted">{inCall ? t('prepSheet.noQuestionsPickedForThisCall') : t('prepSheet.noQuestionsPickedYetAddA')}</p>
      )}
      <ol className="questions" aria-label={t('prepSheet.yourQuestionsInOrder')}>
        {notes.questions.map((q, i) => (
          <li key={q.id} className={q.done ? 'done' : undefined}>
            <label className="inline question-text">
              <SyncedCheck checked={q.done} onChecked={(done) => void tick(q.id, done)} /> {q.text}
            </label>
            <span className="muted small"> {QUESTION_CATEGORY_LABELS[q.category]}</span>
            {!inCall && (
              <span className="row-actions">
                <button type="button" className="small-button" aria-label={t('prepSheet.moveUp', { text: q.text })} disabled={i === 0} onClick={() => void set(moveQuestion(notes.questions, i, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  className="small-button"
                  aria-label={t('prepSheet.moveDown', { text: q.text })}
                  disabled={i === notes.questions.length - 1}
                  onClick={() => void set(moveQuestion(notes.questions, i, 1))}
                >
                  ↓
                </button>
                <button type="button" className="small-button" aria-label={t('prepSheet.remove', { text: q.text })} onClick={() => void set(notes.questions.filter((x) => x.id !== q.id))}>
                  ✕
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <form onSubmit={addOwn} className="inline-form" aria-label={t('prepSheet.addYourOwnQuestion')}>
        <label htmlFor={`${id}-own`} className="sr-only">
          {t('prepSheet.yourOwnQuestion')}
        </label>
        <input id={`${id}-own`} value={own} onChange={(e) => setOwn(e.target.value)} placeholder={t('prepSheet.yourOwnQuestion')} maxLength={500} />
        <button type="submit">{t('prepSheet.addQuestion')}</button>
        <ErrorMessage text={error} />
      </form>
      {!inCall && (
        <details className="bank">
          <summary>{t('prepSheet.questionBankTiaraTrendsInsightsAdvice')}</summary>
          {QUESTION_CATEGORIES.filter((c) => c !== 'own').map((category) => (
            <div key={category}>
              <h5>{QUESTION_CATEGORY_LABELS[category]}</h5>
              <ul className="bank-list">
                {QUESTION_BANK.filter((q) => q.category === category).map((q) => (
                  <li key={q.id}>
                    <span>{q.text}</span>{' '}
                    <button
                      type="button"
                      className="small-button"
                      disabled={picked.has(q.id)}
                      aria-label={picked.has(q.id) ? t('prepSheet.added2', { text: q.text }) : t('prepSheet.add2', { text: q.text })}
                      onClick={() => void run(save((n) => ({ questions: n.questions.some((x) => x.id === q.id) ? n.questions : [...n.questions, { ...q, done: false }] })))}
                    >
                      {picked.has(q.id) ? t('prepSheet.added') : t('prepSheet.add')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}

/** The four prepared answers and goals: Settings' version unless this meeting has its own. */
function Answers({ notes, save, settings }: { notes: MeetingNotes; save: Save; settings: Settings }) {
  const id = useId();
  // Bumped when an answer goes back to Settings' version, so its box shows that text again.
  const [resets, setResets] = useState(0);
  const [error, run] = useWrites();
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('prepSheet.yourPreparedAnswersAndGoals')}
      </h4>
      <p className="muted small">{t('prepSheet.theyStartFromSettingsChangesHere')}</p>
      {ANSWER_KEYS.map((key) => {
        const own = notes.answers[key];
        return (
          <div key={`${key}-${resets}`} className="answer">
            <AutoText label={ANSWER_LABELS[key]} value={own ?? settings[ANSWER_SETTINGS[key]]} onSave={(value) => save((n) => ({ answers: { ...n.answers, [key]: value } }))} rows={3} />
            {own !== undefined && (
              <button
                type="button"
                className="link-button small"
                onClick={() =>
                  void run(
                    save((n) => {
                      const { [key]: _dropped, ...rest } = n.answers;
                      return { answers: rest };
                    }),
                  ).then((saved) => saved && setResets((r) => r + 1))
                }
              >
                {t('prepSheet.useMyAnswerFromSettings')}
              </button>
            )}
          </div>
        );
      })}
      <AutoText label={t('prepSheet.goalsForThisConversation')} value={notes.goals ?? settings.meetingGoals} onSave={(goals) => save({ goals })} rows={2} />
      <ErrorMessage text={error} />
      <ResumeReminder settings={settings} />
    </section>
  );
}

export function ResumeReminder({ settings }: { settings: Settings }) {
  return settings.resumeUrl ? (
    <p className="resume">
      {tx('prepSheet.resumeReady', {
        link: (
          <a href={settings.resumeUrl} target="_blank" rel="noopener noreferrer">
            {t('prepSheet.yourResume')}
          </a>
        ),
      })}
    </p>
  ) : (
    <p className="muted small">{t('prepSheet.addYourResumeLinkInSettings')}</p>
  );
}
