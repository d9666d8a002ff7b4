import { useEffect, useState } from 'react';
import { liveCallsItem, type LiveCall } from '@/utils/calls-state';
import { openSidePanel } from '@/utils/side-panel';
import { t } from '@/utils/i18n';

/**
 * In the popup, while a call is on: one button that opens the side panel on
 * the prep notes. The click is the user gesture Chrome needs, and the panel
 * opens before anything else happens.
 */
export function CallPrompt() {
  const [call, setCall] = useState<LiveCall | null>(null);
  useEffect(() => {
    const pick = (calls: Record<string, LiveCall> | null) =>
      setCall(
        Object.values(calls ?? {})
          .filter((c) => c.state === 'in-call' || c.state === 'lobby')
          .sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null,
      );
    void liveCallsItem.getValue().then(pick);
    return liveCallsItem.watch(pick);
  }, []);
  if (!call) return null;
  return (
    <section className="panel call-prompt" aria-label={t('callPrompt.callInProgress')}>
      <button type="button" className="primary" onClick={() => openSidePanel()}>
        {call.match ? t('callPrompt.openPrepNotesFor', { name: call.match.name }) : t('callPrompt.openIntrobookForThisCall')}
      </button>
    </section>
  );
}
