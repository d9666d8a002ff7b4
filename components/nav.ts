/**
 * Navigation asked for from deep inside a view ("fill this in Settings"),
 * answered by the side panel's App, which owns the sections. Same page only.
 */
export type NavRequest = { view: 'settings'; field?: 'name' | 'currentRole' | 'background' | 'goal' | 'resumeUrl' };

const listeners = new Set<(request: NavRequest) => void>();

export function requestNavigation(request: NavRequest): void {
  resume = true;
  listeners.forEach((l) => l(request));
}

/**
 * Set when a view sent the user elsewhere ("Open … in Settings"): the next
 * person page opened picks up where it was (the draft it had open).
 */
let resume = false;
export function takeResume(): boolean {
  const r = resume;
  resume = false;
  return r;
}

export function onNavigationRequest(listener: (request: NavRequest) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The setting field Settings should focus when it opens (then forgotten). */
let pendingField: NavRequest['field'] | undefined;
export function takePendingSettingField(): NavRequest['field'] | undefined {
  const field = pendingField;
  pendingField = undefined;
  return field;
}
export function setPendingSettingField(field: NavRequest['field'] | undefined): void {
  pendingField = field;
}

/**
 * Text typed into a message not sent yet, per request and step, kept while the
 * panel is open: leaving a view and coming back loses nothing.
 */
export const unsentText = new Map<string, { subject: string; body: string; blurb: string; templateId: string; blurbTemplateId: string }>();
