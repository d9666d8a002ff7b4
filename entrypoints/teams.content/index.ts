/**
 * Teams on the web: reports the call's state, title, meeting id (from the join
 * link) and participant names. Runs in every frame: the personal edition draws
 * the meeting in an `experience-container` iframe.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetingWatch } from '@/utils/meeting/content';
import { teams } from '@/utils/meeting/teams';

export default defineContentScript({
  matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startMeetingWatch(ctx, teams);
  },
});
