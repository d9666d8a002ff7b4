import { splitName } from '../core/text';
import type { Person, Settings } from './schemas';
import type { TemplateValues } from './templates';

/**
 * The values templates draw on: the user's settings, the two people, and the
 * one the message goes to (`recipient`, when known). Pure.
 */
export function templateValues(settings: Settings, target: Person | undefined, connector: Person | undefined, recipient?: Person): TemplateValues {
  const me = splitName(settings.name);
  const first = (p: Person | undefined) => p?.firstName ?? (p ? (splitName(p.name).first ?? p.name) : undefined);
  return {
    'me.name': settings.name,
    'me.firstName': me.first ?? settings.name,
    'me.role': settings.currentRole,
    'me.background': settings.background,
    'me.goal': settings.goal,
    'me.resumeUrl': settings.resumeUrl,
    'target.name': target?.name,
    'target.firstName': first(target),
    'target.role': target?.role,
    'target.company': target?.company,
    'target.headline': target?.headline,
    'target.location': target?.location,
    'connector.name': connector?.name,
    'connector.firstName': first(connector),
    'connector.company': connector?.company,
    'recipient.name': recipient?.name,
    'recipient.firstName': first(recipient),
  };
}
