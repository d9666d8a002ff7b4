import { splitName } from '../core/text';
import type { Person, Settings } from './schemas';
import type { TemplateValues } from './templates';

/** The values templates draw on: the user's settings and the two people involved. Pure. */
export function templateValues(settings: Settings, target: Person | undefined, connector: Person | undefined): TemplateValues {
  const me = splitName(settings.name);
  return {
    'me.name': settings.name,
    'me.firstName': me.first ?? settings.name,
    'me.background': settings.background,
    'me.goal': settings.goal,
    'me.resumeUrl': settings.resumeUrl,
    'target.name': target?.name,
    'target.firstName': target?.firstName ?? target?.name,
    'target.role': target?.role,
    'target.company': target?.company,
    'target.headline': target?.headline,
    'target.location': target?.location,
    'connector.name': connector?.name,
    'connector.firstName': connector?.firstName ?? connector?.name,
    'connector.company': connector?.company,
  };
}
