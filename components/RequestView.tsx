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
import { DEFAULT_MEETING_MINUTES, type HistoryEntryRow, type IntroRequest, type Meeting, type Settings } from '@/utils/domain/schemas';
import { refreshReminders } from '@/utils/messaging/client';
import { Composer, type DraftText } from './Composer';
import { formatTime, formatWhen, fromDateAndTime, fromInputValue, toInputValue } from './format';
import { useNow } from './hooks';
import { unsentText } from './nav';
import { showToast } from './Toasts';
import { useTransient, useView } from './view-hooks';

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
  backLabel = '← All requests',
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
          This request no longer exists.
        </p>
      </section>
    );
  }
  if (!data || !templates) return <p className="muted">Loading…</p>;
  const { request, target, connector, meeting } = data;
  const targetName = target?.name ?? 'someone';

  async function ensureSaved(draft: DraftText): Promise<string> {
    if (!seed) throw new Error('This request no longer exists.');
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
    <section className="panel" aria-label={`Request to meet ${targetName}`} data-view>
      <button type="button" onClick={onBack}>
        {backLabel}
      </button>
      <h2 className="request-title" tabIndex={-1} ref={heading} data-view-heading>
        {request.kind === 'intro' ? `Intro to ${targetName} via ${connector?.name ?? '?'}` : `Direct ask to ${targetName}`}
      </h2>
      <p>
        Status: <strong>{request.id ? STATUS_LABELS[request.status] : 'New draft (not saved until you write or send)'}</strong>
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
            Discard this draft
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
        {step === 'nudge' ? 'Write the nudge now' : 'Write the last follow-up now'}
      </button>
      {dueAt !== null && <span className="muted">Due {formatWhen(dueAt, settings.timeZone)}</span>}
    </div>
  );
}

function NextStep({ db, request, action, settings }: { db: IntrobookDB; request: IntroRequest; action: ReturnType<typeof nextAction>; settings: Settings }) {
  const id = useId();
  if (!action) return <p className="muted">Nothing left to do on this request.</p>;
  return (
    <div className="next-step" aria-label="Next step">
      <p>
        Next: <strong>{action.label}</strong>
        {action.dueAt !== null && <> — due {formatWhen(action.dueAt, settings.timeZone)}</>}
        {request.dueOverride !== null && <span className="muted"> (your date)</span>}
      </p>
      {action.dueAt !== null && request.id && (
        <div className="field">
          <label htmlFor={`${id}-due`}>Change due date</label>
          <input
            id={`${id}-due`}
            type="datetime-local"
            value={toInputValue(action.dueAt, settings.timeZone)}
            onChange={(e) => {
              const at = fromInputValue(e.target.value, settings.timeZone);
              if (at !== null) void setDue(db, request.id, at).then(refreshReminders);
            }}
          />
          {request.dueOverride !== null && (
            <button type="button" onClick={() => void setDue(db, request.id, null).then(refreshReminders)}>
              Back to the schedule
            </button>
          )}
        </div>
      )}
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
    if (startsAt === null) return setError('Pick the date and the time of the meeting.');
    if (!Number.isInteger(durationMin) || durationMin < 5 || durationMin > 600) return setError('The length is in minutes, from 5 to 600.');
    if (link.trim() && !/^https:\/\//i.test(link.trim())) return setError('The meeting link must start with https://.');
    try {
      await onSubmit({ startsAt, durationMin, link: link.trim() });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The meeting could not be saved.');
    }
  }

  return (
    <form className="capture-form meeting-form" aria-label="Meeting details" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>Time</label>
        <input id={`${id}-time`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-len`}>Length (minutes)</label>
        <input id={`${id}-len`} type="number" min={5} max={600} step={5} required value={length} onChange={(e) => setLength(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-link`}>Call link</label>
        <input id={`${id}-link`} type="url" value={link} placeholder="https://meet.google.com/…" onChange={(e) => setLink(e.target.value)} />
      </div>
      <p className="muted small">Times are in {settings.timeZone}.</p>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
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
        submitLabel="Save meeting"
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
    <div className="meeting" aria-label="Meeting">
      <p>
        Meeting: <strong>{formatWhen(meeting.startsAt, settings.timeZone)}</strong>–{endTime} ({meeting.durationMin} min)
        {meeting.link && (
          <>
            {' '}
            ·{' '}
            <a href={meeting.link} target="_blank" rel="noopener noreferrer">
              call link
            </a>
          </>
        )}
      </p>
      {request.status === 'meeting-scheduled' && (
        <button type="button" onClick={() => setEditing(true)}>
          Change the meeting
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
      setError(e instanceof Error ? e.message : 'That step is not possible.');
    }
  }

  function move(to: IntroStatus) {
    if (to === 'meeting-scheduled') return setScheduling(true);
    void run(moveRequest(db, request.id, to, note));
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-pipe`}>
      <h3 id={`${id}-pipe`} className="panel-title">
        Move it along
      </h3>
      {scheduling ? (
        <MeetingForm
          settings={settings}
          submitLabel="Schedule the meeting"
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
              <label htmlFor={`${id}-note`}>Note (optional)</label>
              <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions" role="group" aria-label="Next status">
              {/* The expected next step is the primary action; withdrawing sits apart (and can be undone). */}
              {next.map((s, i) => (
                <button
                  key={s}
                  type="button"
                  className={s === 'withdrawn' ? 'danger push-end' : i === 0 ? 'primary' : undefined}
                  onClick={() => move(s)}
                >
                  Mark as {STATUS_LABELS[s].toLowerCase()}
                </button>
              ))}
            </div>
          </>
        )
      )}
      {last && (
        <div className="actions">
          <button type="button" onClick={() => void run(undoLastStep(db, request.id))}>
            Undo “{describeEntry(last.entry, formatDate)}”
          </button>
        </div>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function History({ request, settings }: { request: IntroRequest; settings: Settings }) {
  const formatDate = (at: number) => formatWhen(at, settings.timeZone);
  return (
    <section className="subpanel" aria-label="History">
      <h3 className="panel-title">History</h3>
      <ol className="history" aria-label="History">
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
  return channel === 'copy' ? CHANNEL_LABELS.copy : `sent ${CHANNEL_LABELS[channel]}`;
}

/** The exact text that went out, with Copy again. */
function SentText({ entry }: { entry: HistoryEntryRow }) {
  const [status, setStatus] = useTransient();
  const m = entry.message!;
  const text = m.blurb ? `${m.body}\n\n---\n${m.blurb}` : m.body;
  return (
    <details className="sent">
      <summary>What was sent</summary>
      {m.subject && (
        <p>
          <strong>Subject:</strong> {m.subject}
        </p>
      )}
      <pre className="sent-text">{m.body}</pre>
      {m.blurb && (
        <>
          <p>
            <strong>Blurb:</strong>
          </p>
          <pre className="sent-text">{m.blurb}</pre>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setStatus('Copied'),
              () => setStatus('Copying was blocked: select the text and copy it yourself.'),
            )
          }
        >
          Copy again
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
      return setError(e instanceof Error ? e.message : 'The request could not be deleted.');
    }
    refreshReminders();
    showToast(request.status === 'draft' ? `Draft to meet ${targetName} deleted.` : `Request to meet ${targetName} deleted.`, () =>
      restoreRequest(db, request.id).then(refreshReminders),
    );
    onDeleted();
  }
  const sent = request.status !== 'draft';
  return (
    <div className="actions danger-zone">
      {confirming ? (
        <>
          <span>Delete this request and its history?</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Yes, delete it
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => (sent ? setConfirming(true) : void remove())}>
          {sent ? 'Delete request' : 'Delete draft'}
        </button>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
