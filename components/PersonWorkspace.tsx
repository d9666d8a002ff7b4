import { storageErrorMessage } from '@/utils/db/errors';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import {
  addFavour,
  addIntroIdea,
  addTask,
  favoursForPerson,
  introIdeasFor,
  removeFavour,
  removeIntroIdea,
  setIntroIdeaStatus,
  tasksForPerson,
} from '@/utils/db/ledger';
import { meetingsForPerson, scheduleMeeting } from '@/utils/db/meetings';
import { allTags, searchPeople } from '@/utils/db/search';
import { setTags } from '@/utils/db/workspace';
import { introMessage, introOptInMessage } from '@/utils/domain/follow-through';
import { INTRO_IDEA_LABELS, type IntroIdea } from '@/utils/domain/ledger';
import { DEFAULT_MEETING_MINUTES, MEETING_CHANNELS, type MeetingChannel, type Person, type Settings, MEETING_LENGTH, meetingLengthSchema } from '@/utils/domain/schemas';
import { formatDay, formatWhen, fromInputValue } from './format';
import { useSettings } from './hooks';
import { useNow } from './now';
import { AfterCall } from './CallView';
import { CHANNEL_LABELS, PrepSheet } from './PrepSheet';
import { TaskList } from './TaskList';
import { t } from '@/utils/i18n';
import { tx } from './i18n';
import { userMessage } from './user-message';
import { ErrorMessage } from './ErrorMessage';

/** What a failed write says: the disk is full, one of Introbook's own messages, else `fallback`. */
const writeError = (error: unknown, fallback: string) => storageErrorMessage(error, userMessage(error, fallback));

/**
 * The workspace's sections on a person's page (mounted by PersonDetails):
 * tags, meetings with their prep sheets, follow-through tasks, and paying it
 * forward (favours, offers, intros the user could make).
 */
export function PersonWorkspace({ person, db }: { person: Person; db: IntrobookDB }) {
  const settings = useSettings();
  return (
    <>
      <Tags person={person} db={db} />
      <Meetings person={person} db={db} settings={settings} />
      <FollowThrough person={person} db={db} settings={settings} />
      <PayItForward person={person} db={db} settings={settings} />
    </>
  );
}

function Tags({ person, db }: { person: Person; db: IntrobookDB }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [known, setKnown] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tags = person.tags ?? [];
  const update = (next: string[]) =>
    setTags(db, person.id, next).then(
      () => (setError(null), true),
      (err: unknown) => (setError(writeError(err, t('personWorkspace.theTagsCouldNotBeSaved'))), false),
    );

  async function add(e: FormEvent) {
    e.preventDefault();
    const parts = draft.split(',').map((item) => item.trim()).filter(Boolean);
    if (parts.length === 0) return;
    // What was typed stays in the box until it is stored.
    if (await update([...tags, ...parts])) setDraft('');
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="panel-title">
        {t('personWorkspace.tags')}
      </h3>
      {tags.length > 0 && (
        <ul className="tags" aria-label={t('personWorkspace.tagsFor', { name: person.name })}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button type="button" className="tag-remove" aria-label={t('personWorkspace.removeTag', { tag })} onClick={() => void update(tags.filter((item) => item !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="inline-form" aria-label={t('personWorkspace.addTags')}>
        <label htmlFor={`${id}-add`} className="sr-only">
          {t('personWorkspace.addATag')}
        </label>
        <input
          id={`${id}-add`}
          value={draft}
          list={`${id}-known`}
          maxLength={200}
          placeholder={t('personWorkspace.addATagMentorClimate')}
          onFocus={() => {
            if (known === null) void allTags(db).then(setKnown);
          }}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id={`${id}-known`}>{known?.map((item) => <option key={item} value={item} />)}</datalist>
        <button type="submit">{t('personWorkspace.addTag')}</button>
      </form>
      <ErrorMessage text={error} />
    </section>
  );
}

function Meetings({ person, db, settings }: { person: Person; db: IntrobookDB; settings: Settings }) {
  const id = useId();
  const meetings = useLiveQuery(() => meetingsForPerson(db, person.id), [person.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const now = useNow();
  if (!meetings) return null;
  // The prep sheet shown: the one picked, else the next meeting, else the latest.
  const next = meetings.find((m) => m.startsAt + m.durationMin * 60_000 > now) ?? meetings[meetings.length - 1];
  const shown = meetings.find((m) => m.id === chosen) ?? next;
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="panel-title">
        {t('personWorkspace.meetingsAndPrep')}
      </h3>
      {meetings.length === 0 && <p className="muted">{t('personWorkspace.noMeetingWithYetPlanOne', { name: person.name })}</p>}
      {meetings.length > 1 && (
        <ul className="meeting-list" aria-label={t('personWorkspace.meetingsWith', { name: person.name })}>
          {meetings.map((m) => (
            <li key={m.id}>
              <button type="button" className="link-button" aria-current={m.id === shown?.id ? 'true' : undefined} onClick={() => setChosen(m.id)}>
                {formatWhen(m.startsAt, settings.timeZone)} · {CHANNEL_LABELS[m.channel]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && <PrepSheet key={shown.id} db={db} meetingId={shown.id} person={person} settings={settings} />}
      {shown && shown.startsAt < now && (
        <details className="subpanel" open={shown.startsAt + shown.durationMin * 60_000 < now}>
          <summary>{t('common.afterTheCall')}</summary>
          <AfterCall key={shown.id} db={db} person={person} meeting={shown} settings={settings} />
        </details>
      )}
      <button type="button" onClick={() => setPlanning((v) => !v)} aria-expanded={planning}>
        {t('personWorkspace.planAMeeting')}
      </button>
      {planning && (
        <PlanMeeting
          db={db}
          person={person}
          settings={settings}
          onPlanned={(meetingId) => {
            setChosen(meetingId);
            setPlanning(false);
          }}
        />
      )}
    </section>
  );
}

function PlanMeeting({ db, person, settings, onPlanned }: { db: IntrobookDB; person: Person; settings: Settings; onPlanned: (id: string) => void }) {
  const id = useId();
  const [when, setWhen] = useState('');
  const [length, setLength] = useState(String(DEFAULT_MEETING_MINUTES));
  const [channel, setChannel] = useState<MeetingChannel | ''>('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromInputValue(when, settings.timeZone);
    if (startsAt === null) return setError(t('common.pickADateAndTime'));
    const durationMin = Number(length);
    if (!meetingLengthSchema.safeParse(durationMin).success) return setError(t('common.theLengthIsInMinutes5', MEETING_LENGTH));
    try {
      const meeting = await scheduleMeeting(db, { personId: person.id, startsAt, durationMin, link, ...(channel ? { channel } : {}) });
      onPlanned(meeting.id);
    } catch (err) {
      setError(storageErrorMessage(err, t('common.checkTheLinkItMustStart')));
    }
  }
  return (
    <form className="capture-form" onSubmit={submit} aria-label={t('personWorkspace.planAMeeting')}>
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
        <select id={`${id}-ch`} value={channel} onChange={(e) => setChannel(e.target.value as MeetingChannel | '')}>
          <option value="">{t('personWorkspace.fromTheLink')}</option>
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
      <p className="muted small">{t('personWorkspace.informationalInterviewsAreShort1520')}</p>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.saveMeeting')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}

/** Dated to-dos about this person (after-call steps, offers the user made). */
function FollowThrough({ person, db, settings }: { person: Person; db: IntrobookDB; settings: Settings }) {
  const id = useId();
  const tasks = useLiveQuery(() => tasksForPerson(db, person.id), [person.id]);
  const [offer, setOffer] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!offer.trim()) return;
    try {
      await addTask(db, { personId: person.id, kind: 'offer', text: offer.trim().slice(0, 500), dueAt: due ? fromInputValue(`${due}T09:00`, settings.timeZone) : null });
    } catch (err) {
      return setError(writeError(err, t('notSaved.offer')));
    }
    setError(null);
    setOffer('');
    setDue('');
  }
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="panel-title">
        {t('personWorkspace.followThrough')}
      </h3>
      {tasks && tasks.length > 0 && <TaskList tasks={tasks} db={db} settings={settings} label={t('personWorkspace.toDoFor', { name: person.name })} />}
      <form onSubmit={add} className="inline-form wrap" aria-label={t('personWorkspace.somethingYouOffered')}>
        <label htmlFor={`${id}-offer`} className="sr-only">
          {t('personWorkspace.somethingYouOfferedToDo')}
        </label>
        <input id={`${id}-offer`} value={offer} onChange={(e) => setOffer(e.target.value)} placeholder={t('personWorkspace.iSaidIdSendThem')} maxLength={500} />
        <label htmlFor={`${id}-due`} className="sr-only">
          {t('personWorkspace.byWhen')}
        </label>
        <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="submit">{t('personWorkspace.addOffer')}</button>
        <ErrorMessage text={error} />
      </form>
    </section>
  );
}

function PayItForward({ person, db, settings }: { person: Person; db: IntrobookDB; settings: Settings }) {
  const id = useId();
  const favours = useLiveQuery(() => favoursForPerson(db, person.id), [person.id]);
  const ideas = useLiveQuery(() => introIdeasFor(db, person.id), [person.id]);
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<'received' | 'given'>('received');
  const [error, setError] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      await addFavour(db, { personId: person.id, direction, text: text.trim().slice(0, 500) });
    } catch (err) {
      return setError(writeError(err, t('notSaved.favour')));
    }
    setError(null);
    setText('');
  }
  const remove = (id: string) =>
    removeFavour(db, id).then(
      () => setError(null),
      (err: unknown) => setError(writeError(err, t('notSaved.favourDelete'))),
    );
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="panel-title">
        {t('personWorkspace.payItForward')}
      </h3>
      {favours && favours.length > 0 && (
        <ul className="favours" aria-label={t('personWorkspace.favoursWith', { name: person.name })}>
          {favours.map((f) => (
            <li key={f.id}>
              <span className={`badge ${f.direction}`}>{f.direction === 'received' ? t('personWorkspace.received') : t('personWorkspace.given')}</span> {f.text}{' '}
              <span className="muted small">{formatDay(f.at, settings.timeZone)}</span>{' '}
              <button type="button" className="small-button" aria-label={t('personWorkspace.deleteFavour', { text: f.text })} onClick={() => void remove(f.id)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="inline-form wrap" aria-label={t('personWorkspace.recordAFavour')}>
        <label htmlFor={`${id}-dir`} className="sr-only">
          {t('personWorkspace.direction')}
        </label>
        <select id={`${id}-dir`} value={direction} onChange={(e) => setDirection(e.target.value as 'received' | 'given')}>
          <option value="received">{t('personWorkspace.theyHelpedMe')}</option>
          <option value="given">{t('personWorkspace.iHelpedThem')}</option>
        </select>
        <label htmlFor={`${id}-text`} className="sr-only">
          {t('personWorkspace.whatHappened')}
        </label>
        <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('personWorkspace.introducedMeToReviewed')} maxLength={500} />
        <button type="submit">{t('personWorkspace.recordFavour')}</button>
        <ErrorMessage text={error} />
      </form>
      <IntroIdeas person={person} db={db} settings={settings} ideas={ideas ?? []} />
    </section>
  );
}

/** People the user could introduce to each other: pick the other person, say why, then run the double opt-in. */
function IntroIdeas({ person, db, settings, ideas }: { person: Person; db: IntrobookDB; settings: Settings; ideas: IntroIdea[] }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<Person | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const matches = useLiveQuery(() => (query.trim() && !other ? searchPeople(db, query, {}, { limit: 6 }) : Promise.resolve({ people: [], more: false })), [query, other]);
  const people = useLiveQuery(async () => {
    const ids = Array.from(new Set(ideas.flatMap((i) => [i.aId, i.bId])));
    return new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  }, [ideas]);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!other) return setError(t('personWorkspace.pickTheOtherPerson'));
    if (!reason.trim()) return setError(t('personWorkspace.sayWhyTheyShouldMeet'));
    try {
      await addIntroIdea(db, { aId: person.id, bId: other.id, reason: reason.trim().slice(0, 500) });
      setOther(null);
      setQuery('');
      setReason('');
      setError(null);
    } catch (err) {
      setError(writeError(err, t('personWorkspace.couldNotSaveTheIdea')));
    }
  }

  /** Copy, then move the idea on — only when the text really is on the clipboard. */
  async function copy(text: string, what: string, then: () => Promise<unknown>) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setCopied(null);
      setError(t('personWorkspace.couldNotCopy'));
      return;
    }
    // The idea moves on before "Copied" shows: a failed write says so, and the idea stays where it was.
    if (await move(then)) setCopied(what);
  }

  /** Move an idea along; a failed write says why (a full disk, the idea gone) instead of failing silently. */
  async function move(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
    } catch (err) {
      setCopied(null);
      setError(writeError(err, t('notSaved.introIdea')));
      return false;
    }
    setError(null);
    return true;
  }

  return (
    <div className="intro-ideas">
      <h4 className="panel-title">{t('personWorkspace.introductionsYouCouldMake')}</h4>
      {ideas.length > 0 && people && (
        <ul aria-label={t('personWorkspace.introductionsInvolving', { name: person.name })}>
          {ideas.map((idea) => {
            const a = people.get(idea.aId);
            const b = people.get(idea.bId);
            if (!a || !b) return null;
            return (
              <li key={idea.id}>
                <strong>{a.name}</strong> ↔ <strong>{b.name}</strong> — {idea.reason} <span className="muted small">({INTRO_IDEA_LABELS[idea.status]})</span>
                <div className="actions">
                  {idea.status === 'idea' && (
                    <button
                      type="button"
                      onClick={() => void copy(introOptInMessage(a, b, idea.reason, settings.name || t('personWorkspace.me')), t('personWorkspace.asked', { name: a.name }), () => setIntroIdeaStatus(db, idea.id, 'asked'))}
                    >
                      {t('personWorkspace.copyTheAskTo', { name: a.name })}
                    </button>
                  )}
                  {idea.status === 'asked' && (
                    <>
                      <button
                        type="button"
                        className="primary"
                        onClick={() => void copy(introMessage(a, b, idea.reason, settings.name || t('personWorkspace.me')), t('personWorkspace.introduction'), () => setIntroIdeaStatus(db, idea.id, 'introduced'))}
                      >
                        {t('personWorkspace.theySaidYesCopyTheIntroduction')}
                      </button>
                      <button type="button" onClick={() => void move(() => setIntroIdeaStatus(db, idea.id, 'declined'))}>
                        {t('personWorkspace.theyDeclined')}
                      </button>
                    </>
                  )}
                  {(idea.status === 'idea' || idea.status === 'asked') && (
                    <button type="button" onClick={() => void move(() => setIntroIdeaStatus(db, idea.id, 'dismissed'))}>
                      {t('personWorkspace.drop')}
                    </button>
                  )}
                  {(idea.status === 'declined' || idea.status === 'dismissed') && (
                    <button type="button" onClick={() => void move(() => removeIntroIdea(db, idea.id))}>
                      {t('common.delete')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {copied && (
        <p className="message ok" role="status">
          {t('personWorkspace.copiedPasteItIntoYourOwn')}
        </p>
      )}
      <form onSubmit={add} className="capture-form" aria-label={t('personWorkspace.suggestAnIntroduction')}>
        {other ? (
          <p>
            {tx('personWorkspace.introduceNameTo', { name: person.name, other: <strong>{other.name}</strong> })}{' '}
            <button type="button" className="link-button" onClick={() => setOther(null)}>
              {t('personWorkspace.change')}
            </button>
          </p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-who`}>{t('personWorkspace.introduceTo')}</label>
            <input id={`${id}-who`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('common.searchSavedPeople')} />
          </div>
        )}
        {!other && matches && matches.people.length > 0 && (
          <ul className="people-list" aria-label={t('personWorkspace.peopleToIntroduce')}>
            {matches.people
              .filter((p) => p.id !== person.id)
              .map((p) => (
                <li key={p.id}>
                  <button type="button" className="person-row" onClick={() => setOther(p)}>
                    <span className="person-row-name">{p.name}</span>
                  </button>
                </li>
              ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor={`${id}-why`}>{t('personWorkspace.whyTheyShouldMeet')}</label>
          <input id={`${id}-why`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
        <div className="actions">
          <button type="submit">{t('personWorkspace.saveIntroductionIdea')}</button>
        </div>
        <ErrorMessage text={error} />
      </form>
    </div>
  );
}
