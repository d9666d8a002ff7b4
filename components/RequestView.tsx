import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { markSent, moveRequest, recordFollowUp, saveDraft, setDue, setMeetingTime, undoLastStep } from '@/utils/db/intros';
import { listTemplates } from '@/utils/db/templates';
import { nextAction } from '@/utils/domain/follow-ups';
import { allowedNext, effectiveSteps, STATUS_LABELS } from '@/utils/domain/intro-status';
import { lintOutreach, wordCount } from '@/utils/domain/outreach-lint';
import type { IntroRequest, Person, Settings, Template } from '@/utils/domain/schemas';
import { templateValues } from '@/utils/domain/template-values';
import { renderTemplate, type TemplateIssue, type TemplateKind } from '@/utils/domain/templates';
import { canonicalProfileUrl } from '@/utils/core/canonical-url';
import { refreshReminders } from '@/utils/messaging/client';
import { formatWhen, fromInputValue, toInputValue } from './format';
import { TextField } from './TextField';

/** One request: draft the ask from templates, send it, then walk it through the pipeline. */
export function RequestView({ db, requestId, settings, onBack }: { db: IntrobookDB; requestId: string; settings: Settings; onBack: () => void }) {
  // The request and its people in one query: the draft must never render before the people it names.
  const data = useLiveQuery(async () => {
    const request = await db.intros.get(requestId);
    if (!request) return null;
    const [target, connector] = await db.people.bulkGet([request.targetId, request.connectorId ?? request.targetId]);
    return { request, target, connector: request.connectorId ? connector : undefined };
  }, [requestId]);
  const templates = useLiveQuery(() => listTemplates(db), []);
  if (data === null) return <p className="message error">This request no longer exists.</p>;
  if (!data || !templates) return <p className="muted">Loading…</p>;
  const { request, target, connector } = data;
  return (
    <section className="panel" aria-label={`Request to meet ${target?.name ?? 'someone'}`}>
      <button type="button" onClick={onBack}>
        ← All requests
      </button>
      <h2 className="request-title">
        {request.kind === 'intro' ? `Intro to ${target?.name} via ${connector?.name ?? '?'}` : `Direct ask to ${target?.name}`}
      </h2>
      <p>
        Status: <strong>{STATUS_LABELS[request.status]}</strong>
      </p>
      <NextStep db={db} request={request} target={target} connector={connector} settings={settings} />
      {request.status === 'draft' ? (
        <Draft key={request.id} db={db} request={request} target={target} connector={connector} settings={settings} templates={templates} />
      ) : (
        <FollowUpTools request={request} target={target} connector={connector} settings={settings} templates={templates} db={db} />
      )}
      <Pipeline db={db} request={request} />
    </section>
  );
}

function NextStep({ db, request, target, connector, settings }: { db: IntrobookDB; request: IntroRequest; target?: Person; connector?: Person; settings: Settings }) {
  const id = useId();
  const week = { timeZone: settings.timeZone, workingDays: settings.workingDays };
  const action = nextAction(request, { target: target?.name ?? 'them', connector: connector?.name ?? null }, week);
  if (!action) return <p className="muted">Nothing left to do on this request.</p>;
  return (
    <div className="next-step" aria-label="Next step">
      <p>
        Next: <strong>{action.label}</strong>
        {action.dueAt !== null && <> — due {formatWhen(action.dueAt, settings.timeZone)}</>}
        {request.dueOverride !== null && <span className="muted"> (your date)</span>}
      </p>
      {action.dueAt !== null && (
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

/** What each part of the request page works from. */
interface RequestPartProps {
  db: IntrobookDB;
  request: IntroRequest;
  target?: Person;
  connector?: Person;
  settings: Settings;
  templates: Template[];
}

function pickTemplate(templates: Template[], kind: TemplateKind, id: string | null): Template | undefined {
  return templates.find((t) => t.id === id && t.kind === kind) ?? templates.find((t) => t.kind === kind);
}

function Draft({
  db,
  request,
  target,
  connector,
  settings,
  templates,
}: RequestPartProps) {
  const id = useId();
  const askKind: TemplateKind = request.kind === 'intro' ? 'intro-ask' : 'direct-ask';
  const values = useMemo(() => templateValues(settings, target, connector), [settings, target, connector]);
  const [templateId, setTemplateId] = useState(request.templateId ?? pickTemplate(templates, askKind, null)?.id ?? '');
  const [blurbTemplateId, setBlurbTemplateId] = useState(pickTemplate(templates, 'blurb', null)?.id ?? '');
  const [subject, setSubject] = useState(request.subject);
  const [message, setMessage] = useState(request.message);
  const [blurb, setBlurb] = useState(request.blurb);
  const [issues, setIssues] = useState<TemplateIssue[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  // A new draft starts from the chosen templates.
  useEffect(() => {
    if (request.message === '' && templates.length > 0) apply(templateId, blurbTemplateId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only for the first render of an empty draft
  }, []);

  function apply(askId: string, blurbId: string) {
    const ask = templates.find((t) => t.id === askId);
    const blurbT = templates.find((t) => t.id === blurbId);
    const found: TemplateIssue[] = [];
    if (ask) {
      const s = renderTemplate(ask.subject, values);
      const b = renderTemplate(ask.body, values);
      setSubject(s.text);
      setMessage(b.text);
      found.push(...s.issues, ...b.issues);
    }
    if (request.kind === 'intro' && blurbT) {
      const r = renderTemplate(blurbT.body, values);
      setBlurb(r.text);
      found.push(...r.issues);
    }
    setIssues(found.filter((i, n) => found.findIndex((j) => j.message === i.message) === n));
  }

  const fullText = request.kind === 'intro' ? `${message}\n\n---\n${blurb}` : message;
  const connection = [connector?.name, connector?.firstName, target?.name, target?.firstName].filter((n): n is string => Boolean(n));
  const checks = lintOutreach(message, connection);
  const blurbChecks = request.kind === 'intro' ? lintOutreach(blurb, [settings.name, connector?.name ?? ''].filter(Boolean), { limit: 100 }) : [];
  const askee = request.kind === 'intro' ? connector : target;

  async function persist() {
    await saveDraft(db, request.id, { subject, message, blurb, templateId: templateId || null });
  }

  async function send(channel: 'copy' | 'email' | 'linkedin') {
    await persist();
    if (channel === 'copy') {
      try {
        await navigator.clipboard.writeText(fullText);
      } catch {
        setStatus('Copying was blocked: select the text above and copy it yourself.');
        return;
      }
    } else if (channel === 'email') {
      const to = askee?.email ?? '';
      window.open(`mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(fullText)}`, '_blank', 'noopener');
    } else {
      const profile = askee ? canonicalProfileUrl(askee.profileUrl) : null;
      await navigator.clipboard.writeText(fullText).catch(() => {});
      if (profile) window.open(profile, '_blank', 'noopener');
    }
    await markSent(db, request.id, channel);
    refreshReminders();
  }

  const linkedInProfile = askee ? canonicalProfileUrl(askee.profileUrl) : null;
  return (
    <div className="draft">
      <div className="draft-editor">
        <TemplateSelect
          label="Template"
          templates={templates}
          kind={askKind}
          value={templateId}
          onChange={(value) => {
            setTemplateId(value);
            apply(value, blurbTemplateId);
          }}
        />
        <TextField label="Subject" value={subject} onChange={setSubject} maxLength={400} onBlur={() => void persist()} />
        <label htmlFor={`${id}-message`}>{request.kind === 'intro' ? `Message to ${connector?.name ?? 'your connector'}` : `Message to ${target?.name}`}</label>
        <textarea id={`${id}-message`} value={message} rows={9} onChange={(e) => setMessage(e.target.value)} onBlur={() => void persist()} />
        {request.kind === 'intro' && (
          <>
            <TemplateSelect
              label="Blurb template"
              templates={templates}
              kind="blurb"
              value={blurbTemplateId}
              onChange={(value) => {
                setBlurbTemplateId(value);
                apply(templateId, value);
              }}
            />
            <label htmlFor={`${id}-blurb`}>Forwardable blurb about you</label>
            <textarea id={`${id}-blurb`} value={blurb} rows={5} onChange={(e) => setBlurb(e.target.value)} onBlur={() => void persist()} />
          </>
        )}
        {issues.length > 0 && (
          <ul className="issues" aria-label="Template problems">
            {issues.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        )}
      </div>
      <aside className="checklist" aria-label="Outreach checklist">
        <h3 className="panel-title">Checklist (advice)</h3>
        <Checklist checks={checks} />
        {request.kind === 'intro' && (
          <>
            <h4>Blurb ({wordCount(blurb)} words)</h4>
            <Checklist checks={blurbChecks.filter((c) => c.id !== 'connection-first')} />
          </>
        )}
      </aside>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void send('copy')}>
          Copy and mark as asked
        </button>
        <button type="button" onClick={() => void send('email')} disabled={!askee?.email} title={askee?.email ? undefined : 'Add their email in Your relationship'}>
          Email draft
        </button>
        <button type="button" onClick={() => void send('linkedin')} disabled={!linkedInProfile}>
          Message on LinkedIn
        </button>
      </div>
      {status && (
        <p className="message error" role="alert">
          {status}
        </p>
      )}
    </div>
  );
}

function TemplateSelect({
  label,
  templates,
  kind,
  value,
  onChange,
}: {
  label: string;
  templates: Template[];
  kind: TemplateKind;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {templates
          .filter((t) => t.kind === kind)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
    </div>
  );
}

function Checklist({ checks }: { checks: ReturnType<typeof lintOutreach> }) {
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.id} className={c.ok ? 'ok' : 'warn'}>
          <span aria-hidden="true">{c.ok ? '✓' : '!'}</span> <span className="sr-only">{c.ok ? 'Passes:' : 'Check:'}</span> {c.label}
          <span className="muted"> — {c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** After sending: the nudge to copy when it is due, and "I sent it". */
function FollowUpTools({
  db,
  request,
  target,
  connector,
  settings,
  templates,
}: RequestPartProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  if (request.status === 'meeting-scheduled') {
    return (
      <div className="field">
        <label htmlFor={`${id}-meet`}>Meeting time</label>
        <input
          id={`${id}-meet`}
          type="datetime-local"
          value={request.meetingAt ? toInputValue(request.meetingAt, settings.timeZone) : ''}
          onChange={(e) => void setMeetingTime(db, request.id, fromInputValue(e.target.value, settings.timeZone)).then(refreshReminders)}
        />
      </div>
    );
  }
  if (request.status !== 'asked' || request.followUps.length >= 2) return null;
  const nudge = pickTemplate(templates, 'nudge', null);
  const text = nudge ? renderTemplate(nudge.body, templateValues(settings, target, connector)).text : '';
  return (
    <div className="actions">
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy a nudge
      </button>
      <button type="button" onClick={() => void recordFollowUp(db, request.id).then(refreshReminders)}>
        {request.followUps.length === 0 ? 'I sent the nudge' : 'I sent the last follow-up'}
      </button>
      {copied && <span role="status">Nudge copied.</span>}
    </div>
  );
}

function Pipeline({ db, request }: { db: IntrobookDB; request: IntroRequest }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const next = allowedNext(request.kind, request.status).filter((s) => !(request.status === 'draft' && s === 'asked'));
  const steps = effectiveSteps(request.history);

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

  return (
    <section className="subpanel" aria-labelledby={`${id}-pipe`}>
      <h3 id={`${id}-pipe`} className="panel-title">
        Move it along
      </h3>
      {next.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={`${id}-note`}>Note (optional)</label>
            <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="actions" role="group" aria-label="Next status">
            {next.map((s) => (
              <button key={s} type="button" onClick={() => void run(moveRequest(db, request.id, s, note))}>
                Mark as {STATUS_LABELS[s].toLowerCase()}
              </button>
            ))}
          </div>
        </>
      )}
      {steps.length > 1 && (
        <button type="button" onClick={() => void run(undoLastStep(db, request.id))}>
          Undo last step ({STATUS_LABELS[request.status]})
        </button>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <ol className="history" aria-label="History">
        {request.history.map((h, i) => (
          <li key={i}>
            {new Date(h.at).toLocaleString()}: {h.correction ? 'Corrected to' : ''} {STATUS_LABELS[h.to]}
            {h.note && <span className="muted"> — {h.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
