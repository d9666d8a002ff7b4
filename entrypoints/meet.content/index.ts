/** Google Meet: reports the call's state, title, code and participant names to the background. Nothing else is read. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetingWatch } from '@/utils/meeting/content';
import { meet } from '@/utils/meeting/meet';

export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startMeetingWatch(ctx, meet);
  },
});
