/**
 * Zoom's web client: reports the call's state, title, meeting id and participant
 * names. Runs in every frame: the client may live in `iframe#webclient`.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetingWatch } from '@/utils/meeting/content';
import { zoom } from '@/utils/meeting/zoom';

export default defineContentScript({
  matches: ['https://*.zoom.us/wc/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startMeetingWatch(ctx, zoom);
  },
});
