/**
 * Injected on demand by the popup ("Save person from this page") with
 * `scripting.executeScript` — activeTab's access, no standing host permission.
 * Reads the page once and returns what it found plus the user's selection;
 * it leaves nothing running.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readProfile } from '@/utils/extract';
import type { InjectedRead } from '@/utils/messaging/protocol';
import { toPageReadReply } from '@/utils/messaging/wire';

export default defineUnlistedScript((): InjectedRead => {
  const selection = (window.getSelection()?.toString() ?? '').slice(0, 1000);
  const result = readProfile(document, location.href, { selection });
  return {
    url: location.href,
    selection,
    reply: toPageReadReply(result),
  };
});
