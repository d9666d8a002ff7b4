import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import {
  changeMeeting,
  createRequest,
  loadRequest,
  moveRequest,
  removeRequest,
  restoreRequest,
  scheduleMeetingStep,
  setDue,
  undoLastStep,
} from '@/utils/db/intros';
import { listTemplates } from '@/utils/db/templates';
import { nextAction } from '@/utils/domain/follow-ups';
import { STATUS_LABELS, type IntroStatus } from '@/utils/domain/intro-status';
import { CHANNEL_LABELS, describeEntry, lastUndoable, manualMoves, pendingMessageStep } from '@/utils/domain/request-actions';
import { DEFAULT_MEETING_MINUTES, type HistoryEntryRow, type IntroRequest, type Meeting, type Settings, MEETING_LENGTH, meetingLengthSchema } from '@/utils/domain/schemas';
import { refreshReminders } from '@/utils/messaging/client';
import { Composer, type DraftText } from './Composer';
import { formatTime, formatWhen, fromDateAndTime, fromInputValue, toInputValue } from './format';
import { useNow } from './now';
import { unsentText } from './nav';
import { showToast } from './Toasts';
import { useTransient, useView } from './view-hooks';
import { formatMinutes, t } from '@/utils/i18n';
import { tx } from './i18n';
import { userMessage } from './user-message';
import { ErrorMessage } from './ErrorMessage';

/** A request not saved yet: what "Ask … for an intro" or "Ask … directly" starts. */
export interface RequestSeed {
  kind: IntroRequest['kind'];
  targetId: string;
  connectorId: string | null;
}

function unsavedDraft(seed: RequestSeed): IntroRequest {
  return {
    id: '',
    kind: seed.kind,
    targetId: seed.targetId,
    connectorId: seed.kind === 'intro' ? seed.connectorId : null,
    status: 'draft',
    history: [{ from: null, to: 'draft', at: 0, note: '', correction: false, action: 'status' }],
    subject: '',
    message: '',
    blurb: '',
    templateId: null,
    channel: null,
    followUps: [],
    dueOverride: null,
    meetingAt: null,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
  };
}

/**
 * One request: write the message its next step calls for, send it, walk it
 * through the pipeline, undo exactly the last action, and read every step —
 * with what was sent — in its history. An unsaved draft (`seed`) is stored
 * only once the user does something with it.
 */
export function RequestView({
  db,
  settings,
  requestId,
  seed,
  onBack,
  backLabel = t('requestView.allRequests'),
  onCreated,
}: {
  db: IntrobookDB;
  settings: Settings;
  requestId?: string | null;
  seed?: RequestSeed;
  onBack: () => void;
  backLabel?: string;
  onCreated?: (id: string) => void;
}) {
  const [id, setId] = useState<string | null>(requestId ?? null);
  const heading = useView(onBack);
  const data = useLiveQuery(async () => {
    if (id) return loadRequest(db, id);
    if (!seed) return null;
    const [target, connector] = await db.people.bulkGet([seed.targetId, seed.connectorId ?? seed.targetId]);
    return { request: unsavedDraft(seed), target, connector: seed.kind === 'intro' ? connector : undefined, meeting: null };
  }, [id]);
  const templates = useLiveQuery(() => listTemplates(db), []);
  const now = useNow();

  if (data === null || (data && data.request.deletedAt !== null)) {
    return (
      <section className="panel" data-view>
        <button type="button" onClick={onBack}>
          {backLabel}
        </button>
        <p className="message error" tabIndex={-1} ref={heading} data-view-heading>
          {t('requestView.thisRequestNoLongerExists')}
        </p>
      </section>
    );
  }
  if (!data || !templates) return <p className="muted">{t('common.loading')}</p>;
  const { request, target, connector, meeting } = data;
  const targetName = target?.name ?? 'someone';

  async function ensureSaved(draft: DraftText): Promise<string> {
    if (!seed) throw new Error(t('requestView.thisRequestNoLongerExists'));
    const created = await createRequest(db, { ...seed, ...draft });
    setId(created.id);
    onCreated?.(created.id);
    refreshReminders();
    return created.id;
  }

  const step = pendingMessageStep(request);
  const week = { timeZone: settings.timeZone, workingDays: settings.workingDays };
  const action = nextAction(request, { target: targetName, connector: connector?.name ?? null }, week, meeting);
  const followUpStep = step === 'nudge' || step === 'last-follow-up';
  const stepDue = followUpStep && action?.dueAt != null && action.dueAt <= now;

  return (
    <section className="panel" aria-label={t('requestView.requestToMeet', { targetName })} data-view>
      <button type="button" onClick={onBack}>
        {backLabel}
      </button>
      <h2 className="request-title" tabIndex={-1} ref={heading} data-view-heading>
        {request.kind === 'intro' ? t('requestView.introToVia', { targetName, connector: connector?.name ?? '?' }) : t('requestView.directAskTo', { targetName })}
      </h2>
      <p>
        {tx('requestView.status', { status: <strong>{request.id ? STATUS_LABELS[request.status] : t('requestView.newDraftNotSavedUntilYou')}</strong> })}
      </p>
      <NextStep db={db} request={request} action={action} settings={settings} />
      {meeting && <MeetingDetails db={db} request={request} meeting={meeting} settings={settings} />}
      {step &&
        (followUpStep && !stepDue ? (
          <FollowUpLater key={step} step={step} dueAt={action?.dueAt ?? null} settings={settings}>
            <Composer key={step} db={db} settings={settings} request={request} step={step} target={target} connector={connector} templates={templates} ensureSaved={ensureSaved} />
          </FollowUpLater>
        ) : (
          <Composer key={step} db={db} settings={settings} request={request} step={step} target={target} connector={connector} templates={templates} ensureSaved={ensureSaved} />
        ))}
      {request.id ? (
        <>
          <Pipeline db={db} request={request} settings={settings} />
          <History request={request} settings={settings} />
          <DeleteRequest db={db} request={request} targetName={targetName} onDeleted={onBack} />
        </>
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              unsentText.delete(`new:${request.targetId}:${request.connectorId ?? ''}:ask`);
              onBack();
            }}
          >
            {t('requestView.discardThisDraft')}
          </button>
        </div>
      )}
    </section>
  );
}

/** A nudge that is not due yet stays folded until the user wants it. */
function FollowUpLater({ step, dueAt, settings, children }: { step: string; dueAt: number | null; settings: Settings; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  if (open) return <>{children}</>;
  return (
    <div className="actions">
      <button type="button" onClick={() => setOpen(true)}>
        {step === 'nudge' ? t('requestView.writeTheNudgeNow') : t('requestView.writeTheLastFollowUpNow')}
      </button>
      {dueAt !== null && <span className="muted">{t('requestView.due', { when: formatWhen(dueAt, settings.timeZone) })}</span>}
    </div>
  );
}

function NextStep({ db, request, action, settings }: { db: IntrobookDB; request: IntroRequest; action: ReturnType<typeof nextAction>; settings: Settings }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  if (!action) return <p className="muted">{t('requestView.nothingLeftToDoOnThis')}</p>;
  /** A due date that cannot be stored says why (a full disk says so); the typed date stays in the box. */
  const saveDue = (at: number | null) =>
    void setDue(db, request.id, at).then(
      () => (setError(null), refreshReminders()),
      (err: unknown) => setError(userMessage(err, t('notSaved.dueDate'))),
    );
  const commitDue = (value: string) => {
    const at = fromInputValue(value, settings.timeZone);
    if (at !== null && at !== action.dueAt) saveDue(at);
  };
  return (
    <div className="next-step" aria-label={t('requestView.nextStep')}>
      <p>
        {tx('requestView.next', { action: <strong>{action.label}</strong> })}
        {action.dueAt !== null && <> {t('requestView.due2', { when: formatWhen(action.dueAt, settings.timeZone) })}</>}
        {request.dueOverride !== null && <span className="muted"> {t('requestView.yourDate')}</span>}
      </p>
      {action.dueAt !== null && request.id && (
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('requestView.changeDueDate')}</label>
          <input
            id={`${id}-due`}
            type="datetime-local"
            // Set when the user is done with the date (leaves the box or presses Enter), not at each
            // segment typed: one change, one history entry, one Undo.
            key={action.dueAt}
            defaultValue={toInputValue(action.dueAt, settings.timeZone)}
            onBlur={(e) => commitDue(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitDue(e.currentTarget.value);
            }}
          />
          {request.dueOverride !== null && (
            <button type="button" onClick={() => saveDue(null)}>
              {t('requestView.backToTheSchedule')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}

/** Date, time, length and link of a meeting, as a form (scheduling or moving it). */
function MeetingForm({
  settings,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  settings: Settings;
  initial?: Meeting;
  submitLabel: string;
  onSubmit: (m: { startsAt: number; durationMin: number; link: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const start = initial ? toInputValue(initial.startsAt, settings.timeZone) : '';
  const [date, setDate] = useState(start.slice(0, 10));
  const [time, setTime] = useState(start.slice(11, 16));
  const [length, setLength] = useState(String(initial?.durationMin ?? DEFAULT_MEETING_MINUTES));
  const [link, setLink] = useState(initial?.link ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromDateAndTime(date, time, settings.timeZone);
    const durationMin = Number(length);
    if (startsAt === null) return setError(t('requestView.pickTheDateAndTheTime'));
    if (!meetingLengthSchema.safeParse(durationMin).success) return setError(t('common.theLengthIsInMinutes5', MEETING_LENGTH));
    if (link.trim() && !/^https:\/\//i.test(link.trim())) return setError(t('requestView.theMeetingLinkMustStartWith'));
    try {
      await onSubmit({ startsAt, durationMin, link: link.trim() });
    } catch (err) {
      setError(userMessage(err, t('requestView.theMeetingCouldNotBeSaved')));
    }
  }

  return (
    <form className="capture-form meeting-form" aria-label={t('common.meetingDetails')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('requestView.date')}</label>
        <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>{t('requestView.time')}</label>
        <input id={`${id}-time`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-len`}>{t('common.lengthMinutes')}</label>
        <input id={`${id}-len`} type="number" min={MEETING_LENGTH.min} max={MEETING_LENGTH.max} step={5} required value={length} onChange={(e) => setLength(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-link`}>{t('common.callLink')}</label>
        <input id={`${id}-link`} type="url" value={link} placeholder={t('common.httpsMeetGoogleCom')} onChange={(e) => setLink(e.target.value)} />
      </div>
      <p className="muted small">{t('requestView.timesAreIn', { timeZone: settings.timeZone })}</p>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}

function MeetingDetails({ db, request, meeting, settings }: { db: IntrobookDB; request: IntroRequest; meeting: Meeting; settings: Settings }) {
  const [editing, setEditing] = useState(false);
  const end = meeting.startsAt + meeting.durationMin * 60_000;
  const endTime = formatTime(end, settings.timeZone);
  if (editing) {
    return (
      <MeetingForm
        settings={settings}
        initial={meeting}
        submitLabel={t('common.saveMeeting')}
        onCancel={() => setEditing(false)}
        onSubmit={async (m) => {
          await changeMeeting(db, request.id, meeting.id, m);
          refreshReminders();
          setEditing(false);
        }}
      />
    );
  }
  return (
    <div className="meeting" aria-label={t('common.meeting')}>
      <p>
        {tx('requestView.meetingLine', { start: <strong>{formatWhen(meeting.startsAt, settings.timeZone)}</strong>, end: endTime, length: formatMinutes(meeting.durationMin) })}
        {meeting.link && (
          <>
            {' '}
            ·{' '}
            <a href={meeting.link} target="_blank" rel="noopener noreferrer">
              {t('requestView.callLink')}
            </a>
          </>
        )}
      </p>
      {request.status === 'meeting-scheduled' && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('requestView.changeTheMeeting')}
        </button>
      )}
    </div>
  );
}

function Pipeline({ db, request, settings }: { db: IntrobookDB; request: IntroRequest; settings: Settings }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const next = manualMoves(request).filter((s) => !(request.status === 'draft' && s === 'withdrawn'));
  const last = lastUndoable(request);
  const formatDate = (at: number) => formatWhen(at, settings.timeZone);

  async function run(action: Promise<unknown>) {
    try {
      await action;
      setNote('');
      setError(null);
      refreshReminders();
    } catch (e) {
      setError(userMessage(e, t('requestView.thatStepIsNotPossible')));
    }
  }

  function move(to: IntroStatus) {
    if (to === 'meeting-scheduled') return setScheduling(true);
    void run(moveRequest(db, request.id, to, note));
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-pipe`}>
      <h3 id={`${id}-pipe`} className="panel-title">
        {t('requestView.moveItAlong')}
      </h3>
      {scheduling ? (
        <MeetingForm
          settings={settings}
          submitLabel={t('requestView.scheduleTheMeeting')}
          onCancel={() => setScheduling(false)}
          onSubmit={async (m) => {
            await scheduleMeetingStep(db, request.id, m, note);
            setScheduling(false);
            setNote('');
            refreshReminders();
          }}
        />
      ) : (
        next.length > 0 && (
          <>
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('requestView.noteOptional')}</label>
              <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions" role="group" aria-label={t('requestView.nextStatus')}>
              {/* The expected next step is the primary action; withdrawing sits apart (and can be undone). */}
              {next.map((s, i) => (
                <button
                  key={s}
                  type="button"
                  className={s === 'withdrawn' ? 'danger push-end' : i === 0 ? 'primary' : undefined}
                  onClick={() => move(s)}
                >
                  {t('requestView.markAs', { toLowerCase: STATUS_LABELS[s].toLowerCase() })}
                </button>
              ))}
            </div>
          </>
        )
      )}
      {last && (
        <div className="actions">
          <button type="button" onClick={() => void run(undoLastStep(db, request.id))}>
            {t('requestView.undo', { describeEntry: describeEntry(last.entry, formatDate) })}
          </button>
        </div>
      )}
      <ErrorMessage text={error} />
    </section>
  );
}

function History({ request, settings }: { request: IntroRequest; settings: Settings }) {
  const formatDate = (at: number) => formatWhen(at, settings.timeZone);
  return (
    <section className="subpanel" aria-label={t('requestView.history')}>
      <h3 className="panel-title">{t('requestView.history')}</h3>
      <ol className="history" aria-label={t('requestView.history')}>
        {request.history.map((h, i) => (
          <li key={i}>
            <span className="muted">{formatDate(h.at)}:</span> {describeEntry(h, formatDate)}
            {h.action === 'undo' && h.undoes !== undefined && request.history[h.undoes] && (
              <> — {describeEntry(request.history[h.undoes]!, formatDate)}</>
            )}
            {h.note && !h.message && <span className="muted"> — {legacyNote(h.note)}</span>}
            {h.message && <SentText entry={h} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Requests sent before v7 noted their channel as "Sent by linkedin": say it in words. */
function legacyNote(note: string): string {
  const channel = /^Sent by (copy|email|linkedin)$/.exec(note)?.[1] as keyof typeof CHANNEL_LABELS | undefined;
  if (!channel) return note;
  return channel === 'copy' ? CHANNEL_LABELS.copy : t('requestView.sent', { value: CHANNEL_LABELS[channel] });
}

/** The exact text that went out, with Copy again. */
function SentText({ entry }: { entry: HistoryEntryRow }) {
  const [status, setStatus] = useTransient();
  const m = entry.message!;
  const text = m.blurb ? `${m.body}\n\n---\n${m.blurb}` : m.body;
  return (
    <details className="sent">
      <summary>{t('requestView.whatWasSent')}</summary>
      {m.subject && (
        <p>
          <strong>{t('common.subject')}</strong> {m.subject}
        </p>
      )}
      <pre className="sent-text">{m.body}</pre>
      {m.blurb && (
        <>
          <p>
            <strong>{t('requestView.blurb')}</strong>
          </p>
          <pre className="sent-text">{m.blurb}</pre>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setStatus(t('requestView.copied')),
              () => setStatus(t('requestView.copyingWasBlockedSelectTheText')),
            )
          }
        >
          {t('requestView.copyAgain')}
        </button>
        <span role="status">{status}</span>
      </div>
    </details>
  );
}

function DeleteRequest({ db, request, targetName, onDeleted }: { db: IntrobookDB; request: IntroRequest; targetName: string; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    try {
      await removeRequest(db, request.id);
    } catch (e) {
      return setError(userMessage(e, t('requestView.theRequestCouldNotBeDeleted')));
    }
    refreshReminders();
    showToast(request.status === 'draft' ? t('requestView.draftToMeetDeleted', { targetName }) : t('requestView.requestToMeetDeleted', { targetName }), () =>
      restoreRequest(db, request.id).then(refreshReminders),
    );
    onDeleted();
  }
  const sent = request.status !== 'draft';
  return (
    <div className="actions danger-zone">
      {confirming ? (
        <>
          <span>{t('requestView.deleteThisRequestAndItsHistory')}</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('requestView.yesDeleteIt')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('requestView.keepIt')}
          </button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => (sent ? setConfirming(true) : void remove())}>
          {sent ? t('requestView.deleteRequest') : t('requestView.deleteDraft')}
        </button>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}
