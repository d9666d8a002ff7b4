import { storageErrorMessage } from '@/utils/db/errors';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createTemplate, deleteTemplate, duplicateTemplate, listTemplates, restoreBuiltIns, templateIssues, updateTemplate } from '@/utils/db/templates';
import type { Template } from '@/utils/domain/schemas';
import { TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, VARIABLES, type TemplateKind } from '@/utils/domain/templates';
import { TextField } from './TextField';
import { t } from '@/utils/i18n';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

/** Create, edit, duplicate and delete message templates; unknown variables are flagged as you type. */
export function TemplatesView({ db }: { db: IntrobookDB }) {
  const templates = useLiveQuery(() => listTemplates(db), []);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Duplicate, delete, restore: a write that fails says why (a full disk says so). */
  const run = (write: Promise<unknown>) =>
    void write.then(
      () => setError(null),
      (err: unknown) => setError(storageErrorMessage(err, userMessage(err, t('notSaved.templates')))),
    );
  if (!templates) return <p className="muted">{t('common.loading')}</p>;
  if (editing) {
    return (
      <TemplateEditor
        key={editing === 'new' ? 'new' : editing.id}
        template={editing === 'new' ? undefined : editing}
        onDone={() => setEditing(null)}
        onSave={async (input) => {
          if (editing === 'new') await createTemplate(db, input);
          else await updateTemplate(db, editing.id, input);
        }}
      />
    );
  }
  return (
    <section className="panel" aria-label={t('templatesView.templates')}>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('templatesView.newTemplate')}
        </button>
        <button type="button" onClick={() => run(restoreBuiltIns(db))}>
          {t('templatesView.restoreBuiltInTemplates')}
        </button>
      </div>
      <ErrorMessage text={error} />
      <ul className="people-list" aria-label={t('templatesView.yourTemplates')}>
        {templates.map((tpl) => (
          <li key={tpl.id} className="template-row">
            <span>
              <span className="person-row-name">{tpl.name}</span>
              <span className="muted"> — {TEMPLATE_KIND_LABELS[tpl.kind]}</span>
              {templateIssues(tpl).length > 0 && <span className="warn-text"> {t('templatesView.hasProblems')}</span>}
            </span>
            <span className="actions">
              <button type="button" onClick={() => setEditing(tpl)} aria-label={t('templatesView.edit2', { name: tpl.name })}>
                {t('templatesView.edit')}
              </button>
              <button type="button" onClick={() => run(duplicateTemplate(db, tpl.id))} aria-label={t('templatesView.duplicate2', { name: tpl.name })}>
                {t('templatesView.duplicate')}
              </button>
              <button type="button" className="danger" onClick={() => run(deleteTemplate(db, tpl.id))} aria-label={t('templatesView.delete', { name: tpl.name })}>
                {t('common.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TemplateEditor({
  template,
  onSave,
  onDone,
}: {
  template?: Template;
  onSave: (input: { kind: TemplateKind; name: string; subject: string; body: string }) => Promise<void>;
  onDone: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<TemplateKind>(template?.kind ?? 'intro-ask');
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const issues = templateIssues({ subject, body });

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await onSave({ kind, name: name.trim(), subject, body });
      onDone();
    } catch (err) {
      setError(storageErrorMessage(err, t('templatesView.aTemplateNeedsANameAnd')));
    }
  }

  return (
    <form className="panel capture-form" aria-label={template ? t('templatesView.edit3', { name: template.name }) : t('templatesView.newTemplate')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('templatesView.usedFor')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {TEMPLATE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t('common.name')} value={name} onChange={setName} required maxLength={200} />
      <TextField label={t('templatesView.subject')} value={subject} onChange={setSubject} maxLength={400} />
      <label htmlFor={`${id}-body`}>{t('templatesView.message')}</label>
      <textarea id={`${id}-body`} required rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
      <div role="status">
        {issues.length > 0 && (
          <ul className="issues" aria-label={t('templatesView.templateProblems')}>
            {issues.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        )}
      </div>
      <details>
        <summary>{t('templatesView.variablesYouCanUse')}</summary>
        <ul className="history">
          {Object.entries(VARIABLES).map(([v, meaning]) => (
            <li key={v}>
              <code>{`{{${v}}}`}</code> — {meaning}
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        <button type="submit" className="primary">
          {t('templatesView.saveTemplate')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}
