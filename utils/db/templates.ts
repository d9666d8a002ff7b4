/** User-editable message templates. Built-ins are rows like any other: editable, deletable, restorable. */
import { templateSchema, type Template } from '../domain/schemas';
import { validateTemplate, type TemplateIssue } from '../domain/templates';
import { seedTemplates, type IntrobookDB } from './app-db';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

export async function listTemplates(db: IntrobookDB): Promise<Template[]> {
  const all = await db.templates.toArray();
  return all.filter((t) => t.deletedAt === null).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

export interface TemplateInput {
  kind: Template['kind'];
  name: string;
  subject: string;
  body: string;
}

/** Problems that would leave a blank or a stray {{…}} in a message. Saving is still allowed. */
export function templateIssues(input: Pick<TemplateInput, 'subject' | 'body'>): TemplateIssue[] {
  return [...validateTemplate(input.subject), ...validateTemplate(input.body)];
}

export async function createTemplate(db: IntrobookDB, input: TemplateInput, now = Date.now()): Promise<Template> {
  const template = templateSchema.parse({ ...input, id: crypto.randomUUID(), builtIn: false, createdAt: now, updatedAt: now, deletedAt: null });
  await db.templates.add(template);
  return template;
}

export async function updateTemplate(db: IntrobookDB, id: string, input: TemplateInput, now = Date.now()): Promise<Template> {
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.get(id);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.templateGone'));
    const template = templateSchema.parse({ ...existing, ...input, updatedAt: now });
    await db.templates.put(template);
    return template;
  });
}

export async function duplicateTemplate(db: IntrobookDB, id: string, now = Date.now()): Promise<Template> {
  const existing = await db.templates.get(id);
  if (!existing) throw new UserError(t('dbErrors.templateGone'));
  return createTemplate(db, { kind: existing.kind, name: t('dbErrors.templateCopy', { name: existing.name }).slice(0, 200), subject: existing.subject, body: existing.body }, now);
}

export async function deleteTemplate(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.templates.update(id, { deletedAt: now, updatedAt: now });
}

/** Bring back any built-in template the user deleted (their edits to others stay). */
export async function restoreBuiltIns(db: IntrobookDB, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const deletedBuiltIns = (await db.templates.toArray()).filter((t) => t.builtIn && t.deletedAt !== null);
    await db.templates.bulkDelete(deletedBuiltIns.map((t) => t.id));
    await seedTemplates(db.templates, now);
  });
}
