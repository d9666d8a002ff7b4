import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LiveCall } from '@/utils/calls-state';
import type { IntrobookDB } from '@/utils/db/app-db';
import { undoLastStep, moveRequest } from '@/utils/db/intros';
import { markAdviceActedOn, planFollowThrough, saveSuggestedPerson, tasksForMeeting } from '@/utils/db/ledger';
import { getMeeting } from '@/utils/db/meetings';
import { getPerson } from '@/utils/db/people';
import { searchPeople } from '@/utils/db/search';
import { updateMeetingNotes } from '@/utils/db/workspace';
import { listTemplates } from '@/utils/db/templates';
import { meetingTemplateValues } from '@/utils/domain/follow-through';
import { STATUS_LABELS } from '@/utils/domain/intro-status';
import { ANSWER_KEYS, ANSWER_LABELS, ANSWER_SETTINGS, blankCulture, PREP_REASON_LABELS, type Culture, type MeetingNotes, type Scale } from '@/utils/domain/prep';
import type { Meeting, Person, Settings } from '@/utils/domain/schemas';
import { templateValues } from '@/utils/domain/template-values';
import { renderTemplate } from '@/utils/domain/templates';
import { SITE_LABELS } from '@/utils/meeting/types';
import { refreshReminders } from '@/utils/messaging/client';
import { workWeek } from '@/utils/settings';
import { AutoText } from './AutoText';
import { sendCallMessage, useTick } from './call-hooks';
import { formatWhen } from './format';
import { SyncedCheck } from './Synced';
import { TaskList } from './TaskList';
import { Questions, ResumeReminder, useMeetingNotes } from './PrepSheet';
import { labels, t } from '@/utils/i18n';
import { tx } from './i18n';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

const STATE_LABELS = labels({ idle: 'callView.noCall', lobby: 'callView.waitingToJoin', 'in-call': 'callView.inCall', ended: 'callView.callEnded' });

/**
 * The side panel's "In call" view: the live call the panel follows, matched to
 * a saved person (or a choice of likely people), with their prep sheet while
 * the call is on and the after-call steps once it has ended.
 */
export function CallView({ db, call, settings, onOpenPerson }: { db: IntrobookDB; call: LiveCall | null; settings: Settings; onOpenPerson: (id: string) => void }) {
  const [picking, setPicking] = useState(false);
  const data = useLiveQuery(async () => {
    if (!call?.match) return null;
    const [person, meeting] = await Promise.all([getPerson(db, call.match.personId), getMeeting(db, call.match.meetingId)]);
    return person && meeting ? { person, meeting } : null;
  }, [call?.match?.personId, call?.match?.meetingId]);

  if (!call) {
    return (
      <section className="panel" aria-label={t('callView.inCall')}>
        <h2 className="panel-title">{t('callView.inCall')}</h2>
        <p className="muted">
          {t('callView.noCallRightNowWhenA')}
        </p>
      </section>
    );
  }
  const heading = `${STATE_LABELS[call.state]} · ${SITE_LABELS[call.site]}${call.title ? ` · ${call.title}` : ''}`;
  return (
    <section className="panel call-view" aria-label={call.state === 'ended' ? t('common.afterTheCall') : t('callView.inCall')}>
      <h2 className="panel-title">{heading}</h2>
      {(!call.match || picking) && (
        <PickPerson
          db={db}
          call={call}
          onPicked={() => setPicking(false)}
        />
      )}
      {call.match && data && !picking && (
        <>
          <div className="call-person">
            <h3 className="person-name">{data.person.name}</h3>
            <span className="muted small">
              {call.match.how === 'scheduled-link' ? t('callView.yourScheduledMeeting') : call.match.how === 'chosen' || call.match.how === 'remembered' ? t('callView.youPickedThem') : t('callView.matchedByName')}
              {' · '}
              <button type="button" className="link-button" onClick={() => setPicking(true)}>
                {t('callView.not', { name: data.person.name })}
              </button>
              {' · '}
              <button type="button" className="link-button" onClick={() => onOpenPerson(data.person.id)}>
                {t('callView.openTheirPage')}
              </button>
            </span>
          </div>
          {call.state === 'ended' ? (
            <AfterCall db={db} person={data.person} meeting={data.meeting} settings={settings} call={call} />
          ) : (
            <InCall db={db} person={data.person} meeting={data.meeting} settings={settings} call={call} />
          )}
        </>
      )}
    </section>
  );
}

function PickPerson({ db, call, onPicked }: { db: IntrobookDB; call: LiveCall; onPicked: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const results = useLiveQuery(() => (query.trim() ? searchPeople(db, query, {}, { limit: 8 }) : Promise.resolve(null)), [query]);
  async function pick(personId: string) {
    const ok = await sendCallMessage({ type: 'call/choose', tabId: call.tabId, personId });
    if (ok) onPicked();
    else setError(t('callView.introbookCouldNotLinkThisCall'));
  }
  const options = results ? results.people.map((p) => ({ personId: p.id, name: p.name, detail: p.company ?? p.headline ?? '' })) : call.candidates.map((c) => ({ personId: c.personId, name: c.name, detail: '' }));
  return (
    <div className="pick-person">
      <h3>{t('callView.whoIsThisCallWith')}</h3>
      {call.candidates.length > 0 && !results && <p className="muted small">{t('callView.likelyPeopleFromTheNamesAnd')}</p>}
      {options.length > 0 && (
        <ul className="people-list" aria-label={t('callView.peopleThisCallMayBeWith')}>
          {options.map((o) => (
            <li key={o.personId}>
              <button type="button" className="person-row" onClick={() => void pick(o.personId)}>
                <span className="person-row-text">
                  <span className="person-row-name">{t('callView.its', { name: o.name })}</span>
                  {o.detail && <span className="person-row-role">{o.detail}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('callView.findSomeoneElse')}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('common.searchSavedPeople')} />
      </div>
      <p className="muted small">{t('callView.introbookRemembersYourAnswerForThis')}</p>
      <ErrorMessage text={error} />
    </div>
  );
}

function mmss(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function InCall({ db, person, meeting, settings, call }: { db: IntrobookDB; person: Person; meeting: Meeting; settings: Settings; call: LiveCall }) {
  const notes = useMeetingNotes(db, meeting.id);
  const now = useTick(call.state === 'in-call');
  if (!notes) return <p className="muted">{t('common.loadingThePrepSheet')}</p>;
  const save = (change: Parameters<typeof updateMeetingNotes>[2]) => updateMeetingNotes(db, meeting.id, change);
  const planned = meeting.durationMin * 60_000;
  const elapsed = call.startedAt !== null ? now - call.startedAt : 0;
  const over = call.state === 'in-call' && elapsed > planned;
  return (
    <div className="in-call" role="region" aria-label={t('callView.prepSheetFor', { name: person.name })}>
      <p className={`timer${over ? ' over' : ''}`}>
        {call.state === 'in-call' ? (
          <>
            {tx('callView.elapsedOfPlanned', {
              elapsed: (
                <span role="timer" aria-label={t('callView.timeInTheCall')}>
                  {mmss(elapsed)}
                </span>
              ),
              planned: mmss(planned),
            })}
          </>
        ) : (
          <>{t('callView.waitingToJoinMinutesPlanned', { durationMin: meeting.durationMin })}</>
        )}
      </p>
      {over && (
        <p className="message warn-text" role="status">
          {t('callView.pastThePlannedMinutesThankThem', { durationMin: meeting.durationMin })}
        </p>
      )}
      <Questions notes={notes} save={save} inCall />
      <AutoText label={t('callView.quickNotes')} value={notes.callNotes} onSave={(callNotes) => save({ callNotes })} rows={6} delayMs={300} placeholder={t('callView.savedAsYouType')} />
      <WhoElse notes={notes} save={save} />
      <details className="subpanel">
        <summary>{t('callView.yourPrep')}</summary>
        <PrepSummary notes={notes} settings={settings} person={person} />
      </details>
      <ResumeReminder settings={settings} />
    </div>
  );
}

function PrepSummary({ notes, settings, person }: { notes: MeetingNotes; settings: Settings; person: Person }) {
  const why = [...notes.why.filter((w) => w !== 'other').map((w) => PREP_REASON_LABELS[w]), notes.whyNote].filter(Boolean).join('; ');
  return (
    <dl className="fields">
      {why && (
        <>
          <dt>{t('callView.why')}</dt>
          <dd>{why}</dd>
        </>
      )}
      {notes.researchPerson && (
        <>
          <dt>{person.name}</dt>
          <dd className="pre">{notes.researchPerson}</dd>
        </>
      )}
      {notes.researchCompany && (
        <>
          <dt>{person.company ?? t('common.company')}</dt>
          <dd className="pre">{notes.researchCompany}</dd>
        </>
      )}
      {ANSWER_KEYS.map((k) => {
        const text = notes.answers[k] ?? settings[ANSWER_SETTINGS[k]];
        return text ? (
          <div key={k} className="contents">
            <dt>{ANSWER_LABELS[k]}</dt>
            <dd className="pre">{text}</dd>
          </div>
        ) : null;
      })}
      {(notes.goals ?? settings.meetingGoals) && (
        <>
          <dt>{t('callView.goals')}</dt>
          <dd className="pre">{notes.goals ?? settings.meetingGoals}</dd>
        </>
      )}
    </dl>
  );
}

type Save = (change: Parameters<typeof updateMeetingNotes>[2]) => Promise<unknown>;

/** "Who else should I talk to?": names offered in the call, followed up afterwards. */
export function WhoElse({ notes, save }: { notes: MeetingNotes; save: Save }) {
  const id = useId();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add(e: FormEvent) {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    // What was typed stays until it is stored; a write that fails says why (a full disk says so).
    void save((current) => ({ suggestions: [...current.suggestions, { id: crypto.randomUUID(), name: n.slice(0, 200), note: note.trim().slice(0, 500), personId: null, createdAt: Date.now() }] })).then(
      () => {
        setError(null);
        setName('');
        setNote('');
      },
      (err: unknown) => setError(userMessage(err, t('notSaved.suggestion'))),
    );
  }
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('callView.whoElseShouldITalkTo')}
      </h4>
      {notes.suggestions.length > 0 && (
        <ul aria-label={t('callView.peopleSuggested')}>
          {notes.suggestions.map((s) => (
            <li key={s.id}>
              {s.name}
              {s.note && <span className="muted"> — {s.note}</span>}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="inline-form wrap" aria-label={t('callView.addASuggestedPerson')}>
        <label htmlFor={`${id}-name`} className="sr-only">
          {t('callView.someoneToTalkTo')}
        </label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('common.name')} maxLength={200} />
        <label htmlFor={`${id}-note`} className="sr-only">
          {t('callView.whoTheyAre')}
        </label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('callView.whoTheyAreWhy')} maxLength={500} />
        <button type="submit">{t('common.addPerson')}</button>
      </form>
      <ErrorMessage text={error} />
    </section>
  );
}

const PACE: Record<Scale, string> = labels({ 1: 'callView.paceQuiet', 2: 'callView.paceCalm', 3: 'callView.inBetween', 4: 'callView.paceBusy', 5: 'callView.paceLoud' });
const FORMALITY: Record<Scale, string> = labels({ 1: 'callView.formalityLoose', 2: 'callView.formalityRelaxed', 3: 'callView.inBetween', 4: 'callView.formalityFormal', 5: 'callView.formalityRegimented' });

/**
 * After the call: the request moved to "met" (with Undo), then notes, culture
 * observations, advice, people suggested, and the follow-through — a
 * thank-you draft citing the notes, connecting on LinkedIn, reporting back to
 * the connector, and a later reminder to tell them what came of their advice.
 */
export function AfterCall({ db, person, meeting, settings, call }: { db: IntrobookDB; person: Person; meeting: Meeting; settings: Settings; call?: LiveCall }) {
  const notes = useMeetingNotes(db, meeting.id);
  // null: no request (undefined is "still loading").
  const request = useLiveQuery(async () => (meeting.requestId ? ((await db.intros.get(meeting.requestId)) ?? null) : null), [meeting.requestId]);
  const connector = useLiveQuery(() => (request?.connectorId ? getPerson(db, request.connectorId) : Promise.resolve(undefined)), [request?.connectorId]);
  const templates = useLiveQuery(() => listTemplates(db), []);
  const tasks = useLiveQuery(() => tasksForMeeting(db, meeting.id), [meeting.id]);
  const planned = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const endedAt = call?.endedAt ?? notes?.callEndedAt ?? meeting.startsAt + meeting.durationMin * 60_000;

  /** The follow-through tasks; a write that fails says why (a full disk says so). */
  const plan = () =>
    planFollowThrough(db, { meetingId: meeting.id, person, endedAt, requestTracksThanks: Boolean(request && request.deletedAt === null), connector: null, week: workWeek(settings) }).then(
      () => (setError(null), refreshReminders()),
      (err: unknown) => setError(userMessage(err, t('notSaved.followThrough'))),
    );
  // After a call Introbook saw end, the follow-through tasks are made at once (once per meeting).
  const sawCall = Boolean(call) || notes?.callEndedAt != null;
  useEffect(() => {
    if (planned.current || !notes || request === undefined || !sawCall) return;
    planned.current = true;
    void plan();
  });

  if (!notes || !templates) return <p className="muted">{t('common.loading')}</p>;
  const save: Save = (change) => updateMeetingNotes(db, meeting.id, change);
  const values = { ...templateValues(settings, person, connector ?? undefined), ...meetingTemplateValues(notes) };
  const thanks = templates.find((tpl) => tpl.kind === 'thanks-target');
  const report = templates.find((tpl) => tpl.kind === 'thanks-connector');

  return (
    <div className="after-call" role="region" aria-label={t('callView.afterTheCallWith', { name: person.name })}>
      {call?.movedRequest && request && <MovedToMet db={db} requestId={call.movedRequest.requestId} status={request.status} from={call.movedRequest.from} />}
      <h3>{t('callView.howDidItGo')}</h3>
      <AutoText label={t('callView.conversationNotes')} value={notes.conversationNotes} onSave={(conversationNotes) => save({ conversationNotes })} rows={5} />
      {notes.callNotes && (
        <details>
          <summary>{t('callView.yourNotesFromTheCall')}</summary>
          <p className="pre">{notes.callNotes}</p>
        </details>
      )}
      <CultureForm culture={notes.culture} save={save} />
      <AdviceList db={db} meetingId={meeting.id} notes={notes} save={save} />
      <AutoText label={t('callView.whatYoullDoWithTheirAdvice')} value={notes.plan} onSave={(plan) => save({ plan })} rows={2} hint={t('callView.theThankYouCitesThis')} />
      <Suggested db={db} meetingId={meeting.id} notes={notes} person={person} />

      <h3>{t('callView.followThrough')}</h3>
      {thanks && (
        <Draft
          title={t('callView.thankYouTo', { name: person.name })}
          due={t('callView.sendWithin24HoursBy', { when: formatWhen(endedAt + 24 * 3_600_000, settings.timeZone) })}
          subject={renderTemplate(thanks.subject, values).text}
          body={renderTemplate(thanks.body, values)}
          done={request?.status === 'met' ? { label: t('callView.iSentTheThankYou'), run: () => moveRequest(db, request.id, 'thanked', t('callView.thankYouSent')).then(refreshReminders) } : undefined}
        />
      )}
      {person.degree !== 1 && person.profileUrl.startsWith('https://') && (
        <p>
          {tx('callView.connectWithin48Hours', {
            link: (
              <a href={person.profileUrl} target="_blank" rel="noopener noreferrer">
                {t('callView.openSProfile', { name: person.name })}
              </a>
            ),
          })}
        </p>
      )}
      {connector && report && (
        <Draft
          title={t('callView.reportBackTo', { name: connector.name })}
          due={t('callView.afterTheThankYouThisWeek')}
          subject={renderTemplate(report.subject, values).text}
          body={renderTemplate(report.body, values)}
          done={
            request?.status === 'thanked' && request.kind === 'intro'
              ? { label: t('callView.iTold', { name: connector.name }), run: () => moveRequest(db, request.id, 'closed-loop', t('callView.reportedBack')).then(refreshReminders) }
              : undefined
          }
        />
      )}
      {tasks && tasks.length > 0 && <TaskList tasks={tasks} db={db} settings={settings} label={t('callView.followThroughForThisMeeting')} />}
      {tasks && tasks.length === 0 && !sawCall && (
        <button type="button" onClick={() => void plan()}>
          {t('callView.addTheFollowUpReminders')}
        </button>
      )}
      {call && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() =>
              void save({ followedUpAt: Date.now() }).then(
                () => sendCallMessage({ type: 'call/dismiss', tabId: call.tabId }),
                (err: unknown) => setError(userMessage(err, t('notSaved.doneWithCall'))),
              )
            }
          >
            {t('callView.doneWithThisCall')}
          </button>
        </div>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}

function MovedToMet({ db, requestId, status, from }: { db: IntrobookDB; requestId: string; status: string; from: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (status !== 'met') return message ? <p role="status" className="message ok">{message}</p> : null;
  return (
    <div className="next-step" role="status">
      {tx('callView.theRequestMovedTo', { status: <strong>{t('callView.met')}</strong> })}{' '}
      <button
        type="button"
        onClick={() =>
          void undoLastStep(db, requestId).then(
            () => {
              refreshReminders();
              setError(null);
              setMessage(t('callView.undoneTheRequestIsBackTo', { value: STATUS_LABELS[from as keyof typeof STATUS_LABELS] ?? from }));
            },
            (err: unknown) => setError(userMessage(err, t('notSaved.undo'))),
          )
        }
      >
        {t('common.undo')}
      </button>
      <ErrorMessage text={error} />
    </div>
  );
}

function CultureForm({ culture, save }: { culture: Culture; save: Save }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<Culture>) => save((n) => ({ culture: { ...blankCulture(), ...n.culture, ...change } }));
  /** A choice that cannot be stored says why (a full disk says so) and the button goes back. */
  const choose = (change: Partial<Culture>): Promise<boolean> =>
    set(change).then(
      () => (setError(null), true),
      (err: unknown) => (setError(userMessage(err, t('notSaved.culture'))), false),
    );
  const scale = (name: 'pace' | 'formality', legend: string, labels: Record<Scale, string>) => (
    <fieldset className="scale">
      <legend>{legend}</legend>
      {([1, 2, 3, 4, 5] as const).map((v) => (
        <label key={v} className="inline">
          <SyncedCheck type="radio" name={`${id}-${name}`} checked={culture[name] === v} onChecked={() => choose({ [name]: v })} /> {labels[v]}
        </label>
      ))}
    </fieldset>
  );
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('callView.cultureYouNoticed')}
      </h4>
      {scale('pace', t('callView.paceAndNoise'), PACE)}
      {scale('formality', t('callView.formality'), FORMALITY)}
      <fieldset className="scale">
        <legend>{t('callView.doPeopleSeemHappyThere')}</legend>
        {(['yes', 'mixed', 'no'] as const).map((v) => (
          <label key={v} className="inline">
            <SyncedCheck type="radio" name={`${id}-happy`} checked={culture.happy === v} onChecked={() => choose({ happy: v })} /> {v === 'yes' ? t('callView.yes') : v === 'mixed' ? t('callView.mixed') : t('callView.no')}
          </label>
        ))}
      </fieldset>
      <ErrorMessage text={error} />
      <AutoText label={t('callView.howAreDecisionsMade')} value={culture.decisions} onSave={(decisions) => set({ decisions })} rows={2} multiline={false} />
      <AutoText label={t('callView.anythingElseAboutTheCulture')} value={culture.notes} onSave={(notes) => set({ notes })} rows={2} />
    </section>
  );
}

function AdviceList({ db, meetingId, notes, save }: { db: IntrobookDB; meetingId: string; notes: MeetingNotes; save: Save }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Add, tick or remove advice: a write that fails says why (a full disk says so); resolves whether it was stored. */
  const run = (write: Promise<unknown>): Promise<boolean> =>
    write.then(
      () => (setError(null), true),
      (err: unknown) => (setError(userMessage(err, t('notSaved.advice'))), false),
    );
  function add(e: FormEvent) {
    e.preventDefault();
    const advice = text.trim();
    if (!advice) return;
    // What was typed stays in the box until it is stored.
    void run(save((n) => ({ advice: [...n.advice, { id: crypto.randomUUID(), text: advice.slice(0, 500), actedOnAt: null }] }))).then((ok) => {
      if (ok) setText((now) => (now.trim() === advice ? '' : now));
    });
  }
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('callView.adviceYouReceived')}
      </h4>
      {notes.advice.length > 0 && (
        <ul aria-label={t('callView.adviceReceived')}>
          {notes.advice.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <SyncedCheck
                id={`${id}-acted-${a.id}`}
                aria-label={t('callView.iActedOn', { text: a.text })}
                checked={a.actedOnAt !== null}
                onChecked={(acted) => run(markAdviceActedOn(db, meetingId, a.id, acted).then(refreshReminders))}
              />{' '}
              <label className="inline small" htmlFor={`${id}-acted-${a.id}`}>
                {t('callView.iActedOnThis')}
              </label>
              <button type="button" className="small-button" aria-label={t('callView.removeAdvice', { text: a.text })} onClick={() => void run(save((n) => ({ advice: n.advice.filter((x) => x.id !== a.id) })))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="inline-form" aria-label={t('callView.addAdvice')}>
        <label htmlFor={`${id}-text`} className="sr-only">
          {t('callView.aPieceOfAdvice')}
        </label>
        <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('callView.aPieceOfAdvice')} maxLength={500} />
        <button type="submit">{t('callView.addAdvice')}</button>
      </form>
      <ErrorMessage text={error} />
      <p className="muted small">{t('callView.whenYouActOnOneIntrobook')}</p>
    </section>
  );
}

function Suggested({ db, meetingId, notes, person }: { db: IntrobookDB; meetingId: string; notes: MeetingNotes; person: Person }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  if (notes.suggestions.length === 0) return null;
  return (
    <section className="subpanel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="panel-title">
        {t('callView.peopleSuggested')}
      </h4>
      <ul aria-label={t('callView.peopleSuggestedToFollowUp')}>
        {notes.suggestions.map((s) => (
          <li key={s.id}>
            {s.name}
            {s.note && <span className="muted"> — {s.note}</span>}{' '}
            {s.personId ? (
              <span className="muted small">{t('callView.savedWithAReminderToReach')}</span>
            ) : (
              <button
                type="button"
                onClick={() =>
                  void saveSuggestedPerson(db, { meetingId, suggestionId: s.id, name: s.name, note: s.note, suggestedBy: person })
                    .then(refreshReminders)
                    .catch(() => setError(t('callView.couldNotBeSaved', { name: s.name })))
                }
              >
                {t('callView.saveToFollowUp', { name: s.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage text={error} />
    </section>
  );
}

function Draft({
  title,
  due,
  subject,
  body,
  done,
}: {
  title: string;
  due: string;
  subject: string;
  body: { text: string; issues: { message: string }[] };
  done?: { label: string; run: () => Promise<unknown> };
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="subpanel draft-box" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{title}</h4>
      <p className="muted small">{due}</p>
      <p>
        <strong>{t('common.subject')}</strong> {subject}
      </p>
      <label htmlFor={`${id}-body`} className="sr-only">
        {title}
      </label>
      <textarea id={`${id}-body`} readOnly value={body.text} rows={7} />
      {body.issues.length > 0 && (
        <ul className="issues" aria-label={t('callView.toFillIn')}>
          {Array.from(new Set(body.issues.map((i) => (i.message.includes('{{meeting.') ? t('callView.addTheAdviceAndYourPlan') : i.message)))).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(`${subject}\n\n${body.text}`).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('callView.copy')}
        </button>
        {done && (
          <button type="button" className="primary" onClick={() =>
              void done.run().then(
                () => setError(null),
                (err: unknown) => setError(userMessage(err, t('notSaved.requestStep'))),
              )
            }
          >
            {done.label}
          </button>
        )}
      </div>
      {copied && (
        <p className="message ok" role="status">
          {t('callView.copied')}
        </p>
      )}
      <ErrorMessage text={error} />
    </section>
  );
}
