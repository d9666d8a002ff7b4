/**
 * The message each step of the loop calls for — the ask (with the blurb for an
 * intro), the nudge, the last follow-up, the reply to the introduction, the
 * thank-you and the report back — drafted from the user's templates. Pure.
 */
import type { IntroRequest, MessageStep, Person, Template } from './schemas';
import { renderTemplate, type TemplateIssue, type TemplateKind, type TemplateValues } from './templates';

/** The template kind a step is written from. */
export function templateKindFor(step: MessageStep, kind: IntroRequest['kind']): TemplateKind {
  switch (step) {
    case 'ask':
      return kind === 'intro' ? 'intro-ask' : 'direct-ask';
    case 'nudge':
      return 'nudge';
    case 'last-follow-up':
      return 'last-follow-up';
    case 'reply-intro':
      return 'reply-intro';
    case 'thank-you':
      return 'thanks-target';
    case 'report-back':
      return 'thanks-connector';
  }
}

/** Who a step's message goes to: the connector or the person to meet. */
export function recipientOf(step: MessageStep, request: Pick<IntroRequest, 'kind'>, target?: Person, connector?: Person): Person | undefined {
  switch (step) {
    case 'ask':
    case 'nudge':
    case 'last-follow-up':
      return request.kind === 'intro' ? connector : target;
    case 'reply-intro':
    case 'thank-you':
      return target;
    case 'report-back':
      return connector;
  }
}

const mentionsConnector = (t: Template) => /\{\{\s*connector\./.test(`${t.subject}\n${t.body}`);

/**
 * The template to start from: the one asked for when it fits, else the first of
 * its kind — for a direct ask, one that does not speak of a connector.
 */
export function pickTemplate(templates: readonly Template[], kind: TemplateKind, requestKind: IntroRequest['kind'], id?: string | null): Template | undefined {
  const ofKind = templates.filter((t) => t.kind === kind);
  const chosen = id ? ofKind.find((t) => t.id === id) : undefined;
  if (chosen) return chosen;
  const fits = ofKind.filter((t) => (requestKind === 'direct' ? !mentionsConnector(t) : true));
  const preferred = requestKind === 'intro' ? fits.filter(mentionsConnector) : fits;
  return preferred[0] ?? fits[0] ?? ofKind[0];
}

export interface DraftedMessage {
  subject: string;
  body: string;
  blurb: string;
  /** Unknown variables and missing values, each listed once. */
  issues: TemplateIssue[];
}

/** Fill the step's template (and, for an intro ask, the blurb's). */
export function draftMessage(template: Template | undefined, blurbTemplate: Template | undefined, values: TemplateValues): DraftedMessage {
  const found: TemplateIssue[] = [];
  const fill = (text: string) => {
    const r = renderTemplate(text, values);
    found.push(...r.issues);
    return r.text;
  };
  const subject = template ? fill(template.subject) : '';
  const body = template ? fill(template.body) : '';
  const blurb = blurbTemplate ? fill(blurbTemplate.body) : '';
  const issues = found.filter((i, n) => found.findIndex((j) => j.kind === i.kind && j.variable === i.variable) === n);
  return { subject, body, blurb, issues };
}
