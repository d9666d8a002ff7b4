import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { canonicalProfileUrl } from '@/utils/core/canonical-url';
import type { IntrobookDB } from '@/utils/db/app-db';
import { recordMessage, saveDraft, undoLastStep } from '@/utils/db/intros';
import { draftMessage, pickTemplate, recipientOf, templateKindFor } from '@/utils/domain/messages';
import { checklistFor, wordCount, type LintCheck } from '@/utils/domain/outreach-lint';
import type { Channel, IntroRequest, MessageStep, Person, Settings, Template } from '@/utils/domain/schemas';
import { templateValues } from '@/utils/domain/template-values';
import { fillPlaceholders, missingPlaceholder, unfilledPlaceholders, validateTemplate, VARIABLES, type TemplateKind, type Variable } from '@/utils/domain/templates';
import { refreshReminders } from '@/utils/messaging/client';
import { MissingValues } from './MissingValues';
import { unsentText } from './nav';
import { TextField } from './TextField';
import { showToast } from './Toasts';
import { labels, t, tn } from '@/utils/i18n';
import { tx } from './i18n';
import { userMessage } from './user-message';
import { storageErrorMessage } from '@/utils/db/errors';
import { ErrorMessage } from './ErrorMessage';

/** What the user has done once a step's message is recorded. */
const DONE: Record<MessageStep, string> = labels({
  ask: 'composer.done.ask',
  nudge: 'composer.done.nudge',
  'last-follow-up': 'composer.done.lastFollowUp',
  'reply-intro': 'composer.done.replyIntro',
  'thank-you': 'composer.done.thankYou',
  'report-back': 'composer.done.reportBack',
});

const HEADINGS: Record<MessageStep, string> = labels({
  ask: 'composer.heading.ask',
  nudge: 'composer.heading.nudge',
  'last-follow-up': 'composer.heading.lastFollowUp',
  'reply-intro': 'composer.heading.replyIntro',
  'thank-you': 'composer.heading.thankYou',
  'report-back': 'composer.heading.reportBack',
});

/** "Sent by email." / "Sent on LinkedIn.", after what was done. */
const SENT: Record<Exclude<Channel, 'copy'>, string> = labels({ email: 'composer.sentByEmail', linkedin: 'composer.sentOnLinkedIn' });

export interface DraftText {
  subject: string;
  message: string;
  blurb: string;
  templateId: string | null;
}

export interface ComposerProps {
  db: IntrobookDB;
  settings: Settings;
  /** The request; an unsaved draft has the id ''. */
  request: IntroRequest;
  step: MessageStep;
  target?: Person;
  connector?: Person;
  templates: Template[];
  /** Store an unsaved draft now (the user did something with it); returns its id. */
  ensureSaved: (draft: DraftText) => Promise<string>;
}

/**
 * The message a step calls for, drafted from its template: edit it, see the
 * checklist for this kind of message and what is still missing (with where to
 * fill it in), then send it by copy, email or LinkedIn. The exact text sent is
 * recorded in the request's history.
 */
export function Composer({ db, settings, request, step, target, connector, templates, ensureSaved }: ComposerProps) {
  const id = useId();
  const recipient = recipientOf(step, request, target, connector);
  const values = useMemo(() => templateValues(settings, target, connector, recipient), [settings, target, connector, recipient]);
  const kind = templateKindFor(step, request.kind);
  const withBlurb = step === 'ask' && request.kind === 'intro';
  const storeKey = `${request.id || `new:${request.targetId}:${request.connectorId ?? ''}`}:${step}`;

  const [initial] = useState(() => {
    // Text typed earlier (or stored with the draft) keeps the user's words; stand-ins for values filled in since are replaced.
    const kept = unsentText.get(storeKey);
    if (kept) return { ...kept, subject: fillPlaceholders(kept.subject, values), body: fillPlaceholders(kept.body, values), blurb: fillPlaceholders(kept.blurb, values) };
    const template = pickTemplate(templates, kind, request.kind, step === 'ask' ? request.templateId : null);
    const blurbTemplate = withBlurb ? pickTemplate(templates, 'blurb', request.kind) : undefined;
    if (step === 'ask' && request.message !== '') {
      const fill = (t: string) => fillPlaceholders(t, values);
      return { subject: fill(request.subject), body: fill(request.message), blurb: fill(request.blurb), templateId: template?.id ?? '', blurbTemplateId: blurbTemplate?.id ?? '' };
    }
    const drafted = draftMessage(template, blurbTemplate, values);
    return { subject: drafted.subject, body: drafted.body, blurb: drafted.blurb, templateId: template?.id ?? '', blurbTemplateId: blurbTemplate?.id ?? '' };
  });
  const [templateId, setTemplateId] = useState(initial.templateId);
  const [blurbTemplateId, setBlurbTemplateId] = useState(initial.blurbTemplateId);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [blurb, setBlurb] = useState(initial.blurb);
  const [confirm, setConfirm] = useState<{ channel: Channel | null; unfilled: string[] } | null>(null);
  const [awaiting, setAwaiting] = useState<Exclude<Channel, 'copy'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saving = useRef<Promise<string> | null>(null);

  // Keep what was typed while the panel is open.
  useEffect(() => {
    unsentText.set(storeKey, { subject, body, blurb, templateId, blurbTemplateId });
  }, [storeKey, subject, body, blurb, templateId, blurbTemplateId]);

  // A value filled in since (a setting, a person's field) replaces its stand-in, and keeps the user's own words.
  const [seenValues, setSeenValues] = useState(values);
  if (seenValues !== values) {
    setSeenValues(values);
    setSubject(fillPlaceholders(subject, values));
    setBody(fillPlaceholders(body, values));
    setBlurb(fillPlaceholders(blurb, values));
  }

  // The latest text, for saves that run after this render (a debounce, a draft being created).
  const latest = useRef<DraftText>({ subject, message: body, blurb, templateId: templateId || null });
  useEffect(() => {
    latest.current = { subject, message: body, blurb, templateId: templateId || null };
  });
  const draftText = (): DraftText => latest.current;

  /** The request's id, storing an unsaved draft first. */
  function savedId(): Promise<string> {
    if (request.id) return Promise.resolve(request.id);
    saving.current ??= ensureSaved(draftText());
    return saving.current;
  }

  // An ask's draft is stored once the user does something with it, then kept up to date as they type.
  const [edits, setEdits] = useState(0);
  useEffect(() => {
    if (edits === 0 || step !== 'ask') return;
    const storeNow = !request.id && !saving.current;
    const save = () => void savedId().then((id) => (storeNow ? undefined : saveDraft(db, id, draftText()))).catch((e: unknown) => setError(storageErrorMessage(e, userMessage(e, t('composer.draftNotSaved')))));
    if (storeNow) return save();
    const timer = setTimeout(save, 500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs per edit
  }, [edits]);
  const edited = () => setEdits((n) => n + 1);

  function persist() {
    if (step !== 'ask' || request.status !== 'draft' || (!request.id && !saving.current)) return;
    void savedId().then((id) => saveDraft(db, id, draftText())).catch(() => {});
  }

  function applyTemplate(askId: string, blurbId: string) {
    const drafted = draftMessage(
      templates.find((t) => t.id === askId),
      withBlurb ? templates.find((t) => t.id === blurbId) : undefined,
      values,
    );
    setSubject(drafted.subject);
    setBody(drafted.body);
    if (withBlurb) setBlurb(drafted.blurb);
  }

  const fullText = withBlurb ? `${body}\n\n---\n${blurb}` : body;
  const allText = `${subject}\n${body}\n${withBlurb ? blurb : ''}`;
  const missing = (Object.keys(VARIABLES) as Variable[]).filter((v) => allText.includes(missingPlaceholder(v)));
  const problems = validateTemplate(allText);
  const ctx = {
    connector: [connector?.name, connector?.firstName].filter((n): n is string => Boolean(n)),
    target: [target?.name, target?.firstName].filter((n): n is string => Boolean(n)),
    targetWork: [target?.role, target?.company].filter((n): n is string => Boolean(n)),
  };
  const checks = checklistFor({ step, requestKind: request.kind }, body, ctx);
  const blurbChecks = withBlurb ? checklistFor({ step: 'blurb' }, blurb, ctx) : [];
  const toCheck = [...checks, ...blurbChecks].filter((c) => !c.ok).length;
  // Folded when the draft starts with nothing to check; open when something is. The user's toggle then rules.
  const [checklistOpen, setChecklistOpen] = useState(() => toCheck > 0);
  const email = recipient?.email ?? '';
  const linkedIn = recipient && recipient.profileUrl.startsWith('https://') ? canonicalProfileUrl(recipient.profileUrl) : null;
  const recipientName = recipient?.name ?? (request.kind === 'intro' ? t('composer.yourConnector') : t('composer.them'));

  async function record(channel: Channel | null) {
    setError(null);
    try {
      const requestId = await savedId();
      const recorded = await recordMessage(db, requestId, step, channel ? { channel, to: recipient?.name ?? '', subject, body, blurb: withBlurb ? blurb : '' } : null);
      // The notification's Undo takes back this very step, or nothing if another came after it.
      const entry = recorded.history.length - 1;
      unsentText.delete(storeKey);
      refreshReminders();
      const said = channel === 'copy' ? t('composer.copiedThen', { done: DONE[step] }) : channel ? t('composer.doneThenSent', { done: DONE[step], sent: SENT[channel] }) : DONE[step];
      showToast(said, () => undoLastStep(db, requestId, Date.now(), entry).then(refreshReminders));
    } catch (e) {
      setError(storageErrorMessage(e, userMessage(e, t('composer.notRecorded'))));
    }
  }

  /** Sent outside Introbook: recorded with no text, after the same question about blanks as the other ways of sending. */
  function sentAnotherWay() {
    setError(null);
    setAwaiting(null);
    const unfilled = unfilledPlaceholders(allText);
    if (unfilled.length > 0) return setConfirm({ channel: null, unfilled });
    void record(null);
  }

  async function send(channel: Channel, confirmed = false) {
    setError(null);
    setAwaiting(null);
    const unfilled = unfilledPlaceholders(allText);
    if (unfilled.length > 0 && !confirmed) return setConfirm({ channel, unfilled });
    setConfirm(null);
    if (channel === 'copy') {
      try {
        await navigator.clipboard.writeText(fullText);
      } catch {
        return setError(t('composer.copyBlocked'));
      }
      return record('copy');
    }
    if (channel === 'email') {
      window.open(`mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(fullText)}`, '_blank', 'noopener');
    } else {
      // LinkedIn has no way to pre-fill a message: the text goes to the clipboard and their profile opens.
      await navigator.clipboard.writeText(fullText).catch(() => {});
      if (linkedIn) window.open(linkedIn, '_blank', 'noopener');
    }
    // Opening a draft is not sending it: ask.
    setAwaiting(channel);
  }

  return (
    <section className="composer" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="panel-title">
        {t('composer.headingTo', { heading: HEADINGS[step], name: recipientName })}
      </h3>
      <div className="draft">
        <div className="draft-editor">
          <TemplateSelect
            label={t('composer.template')}
            templates={templates}
            kind={kind}
            value={templateId}
            onChange={(value) => {
              setTemplateId(value);
              applyTemplate(value, blurbTemplateId);
            }}
          />
          <TextField
            label={t('templatesView.subject')}
            value={subject}
            onChange={(v) => {
              setSubject(v);
              edited();
            }}
            maxLength={400}
            onBlur={persist}
          />
          <label htmlFor={`${id}-message`}>{t('composer.messageTo', { name: recipientName })}</label>
          <textarea
            id={`${id}-message`}
            value={body}
            rows={9}
            maxLength={20_000}
            onChange={(e) => {
              setBody(e.target.value);
              edited();
            }}
            onBlur={persist}
          />
          {withBlurb && (
            <>
              <TemplateSelect
                label={t('composer.blurbTemplate')}
                templates={templates}
                kind="blurb"
                value={blurbTemplateId}
                onChange={(value) => {
                  setBlurbTemplateId(value);
                  applyTemplate(templateId, value);
                }}
              />
              <label htmlFor={`${id}-blurb`}>{t('composer.blurbLabel')}</label>
              <textarea
                id={`${id}-blurb`}
                value={blurb}
                rows={5}
                maxLength={20_000}
                onChange={(e) => {
                  setBlurb(e.target.value);
                  edited();
                }}
                onBlur={persist}
              />
            </>
          )}
          <MissingValues db={db} variables={missing} settings={settings} people={{ target, connector, recipient }} />
          {problems.length > 0 && (
            <ul className="issues" aria-label={t('templatesView.templateProblems')}>
              {problems.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
        <aside className="checklist" aria-label={t('composer.outreachChecklist')}>
          {/* Advice, compact and collapsible: the draft comes first. */}
          <details open={checklistOpen} onToggle={(e) => setChecklistOpen(e.currentTarget.open)}>
            <summary>
              {t('composer.checklist')}{' '}
              <span className="muted">{toCheck === 0 ? t('composer.allGood') : tn('composer.toCheck', toCheck)}</span>
            </summary>
            <Checklist checks={checks} />
            {withBlurb && (
              <>
                <h4>{tn('composer.blurbWords', wordCount(blurb))}</h4>
                <Checklist checks={blurbChecks} />
              </>
            )}
          </details>
        </aside>
      </div>
      {confirm ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {tx('composer.stillToFillIn', { fields: <strong>{confirm.unfilled.join(', ')}</strong> })}
          </p>
          <div className="actions">
            <button type="button" onClick={() => (confirm.channel ? void send(confirm.channel, true) : (setConfirm(null), void record(null)))}>
              {t('composer.sendAnyway')}
            </button>
            <button type="button" className="primary" onClick={() => setConfirm(null)}>
              {t('composer.keepEditing')}
            </button>
          </div>
        </div>
      ) : awaiting ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-sent`}>
          <p id={`${id}-sent`}>
            {awaiting === 'linkedin'
              ? t('composer.didYouSendLinkedIn', { name: recipientName })
              : t('composer.didYouSendEmail', { name: recipientName })}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => (setAwaiting(null), void record(awaiting))}>
              {t('composer.yesSent')}
            </button>
            <button type="button" onClick={() => setAwaiting(null)}>
              {t('composer.notYet')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void send('copy')}>
            {step === 'ask' ? t('composer.copyAsked') : t('composer.copySent')}
          </button>
          <button type="button" onClick={() => void send('email')} disabled={!email} aria-describedby={email ? undefined : `${id}-no-email`}>
            {t('composer.emailDraft')}
          </button>
          <button type="button" onClick={() => void send('linkedin')} disabled={!linkedIn} aria-describedby={linkedIn ? undefined : `${id}-no-linkedin`}>
            {t('composer.messageOnLinkedIn')}
          </button>
          <button type="button" className="link-button" onClick={sentAnotherWay}>
            {t('composer.sentAnotherWay')}
          </button>
        </div>
      )}
      {(!email || !linkedIn) && !confirm && !awaiting && (
        <p className="muted small">
          {!email && <span id={`${id}-no-email`}>{t('composer.noEmail', { name: recipientName })} </span>}
          {!linkedIn && <span id={`${id}-no-linkedin`}>{t('composer.noLinkedIn', { name: recipientName })}</span>}
        </p>
      )}
      <ErrorMessage text={error} />
    </section>
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
  const options = templates.filter((t) => t.kind === kind);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={options.length === 0}>
        {options.length === 0 && <option value="">{t('composer.noTemplate')}</option>}
        {options.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checklist({ checks }: { checks: LintCheck[] }) {
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.id} className={c.ok ? 'ok' : 'warn'}>
          <span aria-hidden="true">{c.ok ? '✓' : '!'}</span> <span className="sr-only">{c.ok ? t('composer.passes') : t('composer.check')}</span> {c.label}
          <span className="muted"> — {c.detail}</span>
        </li>
      ))}
    </ul>
  );
}
