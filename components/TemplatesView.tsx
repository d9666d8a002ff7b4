import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createTemplate, deleteTemplate, duplicateTemplate, listTemplates, restoreBuiltIns, templateIssues, updateTemplate } from '@/utils/db/templates';
import type { Template } from '@/utils/domain/schemas';
import { TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, VARIABLES, type TemplateKind } from '@/utils/domain/templates';
import { TextField } from './TextField';

/** Create, edit, duplicate and delete message templates; unknown variables are flagged as you type. */
export function TemplatesView({ db }: { db: IntrobookDB }) {
  const templates = useLiveQuery(() => listTemplates(db), []);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  if (!templates) return <p className="muted">Loading…</p>;
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
    <section className="panel" aria-label="Templates">
      <div className="actions">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New template
        </button>
        <button type="button" onClick={() => void restoreBuiltIns(db)}>
          Restore built-in templates
        </button>
      </div>
      <ul className="people-list" aria-label="Your templates">
        {templates.map((t) => (
          <li key={t.id} className="template-row">
            <span>
              <span className="person-row-name">{t.name}</span>
              <span className="muted"> — {TEMPLATE_KIND_LABELS[t.kind]}</span>
              {templateIssues(t).length > 0 && <span className="warn-text"> (has problems)</span>}
            </span>
            <span className="actions">
              <button type="button" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                Edit
              </button>
              <button type="button" onClick={() => void duplicateTemplate(db, t.id)} aria-label={`Duplicate ${t.name}`}>
                Duplicate
              </button>
              <button type="button" className="danger" onClick={() => void deleteTemplate(db, t.id)} aria-label={`Delete ${t.name}`}>
                Delete
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
    } catch {
      setError('A template needs a name and a message.');
    }
  }

  return (
    <form className="panel capture-form" aria-label={template ? `Edit ${template.name}` : 'New template'} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Used for</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {TEMPLATE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Name" value={name} onChange={setName} required maxLength={200} />
      <TextField label="Subject" value={subject} onChange={setSubject} maxLength={400} />
      <label htmlFor={`${id}-body`}>Message</label>
      <textarea id={`${id}-body`} required rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
      <div role="status">
        {issues.length > 0 && (
          <ul className="issues" aria-label="Template problems">
            {issues.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        )}
      </div>
      <details>
        <summary>Variables you can use</summary>
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
          Save template
        </button>
        <button type="button" onClick={onDone}>
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
