import type { MeetingChannel } from '@/utils/domain/schemas';
import { labels } from '@/utils/i18n';

/**
 * How each meeting channel is named. Its own module so the side panel's home (Workspace: upcoming
 * meetings) names channels without loading the prep sheet, which loads with a person's page (issue #11).
 */
export const CHANNEL_LABELS: Record<MeetingChannel, string> = labels({
  meet: 'prepSheet.channel.meet',
  zoom: 'prepSheet.channel.zoom',
  teams: 'prepSheet.channel.teams',
  phone: 'prepSheet.channel.phone',
  'in-person': 'prepSheet.channel.inPerson',
  other: 'prepSheet.channel.other',
});
