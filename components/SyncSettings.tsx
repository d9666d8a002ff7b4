/**
 * Settings → Sync between browsers. Off by default. The first browser creates
 * a vault on the user's relay and shows a pairing code (and its QR code);
 * another browser joins with the code. Commands go to the background, which
 * runs sync; the status line is what the background last reported.
 *
 * Mounted inside the Settings form: its inputs take Enter for their own
 * action rather than submitting the form.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/db';
import { encodePairingCode } from '@/utils/sync/crypto';
import type { SyncMessage, SyncReply } from '@/utils/sync/messages';
import { qrMatrix, qrPath } from '@/utils/sync/qr';
import { syncConfigSchema } from '@/utils/sync/schemas';
import { offStatus, syncStatusItem, type SyncStatus } from '@/utils/sync/status';
import { CONFIG_KEY } from '@/utils/sync/store';
import { TextField } from './TextField';
import { formatTimeOfDay, t } from '@/utils/i18n';

async function send(message: SyncMessage): Promise<SyncReply> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as SyncReply | undefined;
    return reply ?? { ok: false, error: t('syncSettings.theBackgroundDidNotAnswerTry') };
  } catch {
    return { ok: false, error: t('syncSettings.theBackgroundDidNotAnswerTry') };
  }
}

function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(offStatus);
  useEffect(() => {
    void syncStatusItem.getValue().then(setStatus);
    return syncStatusItem.watch((s) => setStatus(s ?? offStatus()));
  }, []);
  return status;
}

function QrCode({ text }: { text: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const side = matrix.size + 8;
  return (
    <svg role="img" aria-label={t('syncSettings.qrCodeOfThePairingCode')} viewBox={`-4 -4 ${side} ${side}`} width={side * 4} height={side * 4} style={{ display: 'block', marginTop: 8 }}>
      <rect x={-4} y={-4} width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}

/** Enter runs this field's action instead of submitting the surrounding Settings form. */
const onEnter = (action: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    action();
  }
};

export function SyncSettings() {
  const db = getDb();
  const status = useSyncStatus();
  const config = useLiveQuery(async () => {
    const parsed = syncConfigSchema.safeParse((await db.syncState.get(CONFIG_KEY))?.value);
    return parsed.success ? parsed.data : null;
  }, []);
  const [relay, setRelay] = useState('');
  const [code, setCode] = useState('');
  const [encoded, setEncoded] = useState<{ vaultId: string; code: string } | null>(null);
  const [showCode, setShowCode] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [working, setWorking] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    if (config) void encodePairingCode(config).then((code) => current && setEncoded({ vaultId: config.vaultId, code }));
    return () => {
      current = false;
    };
  }, [config]);
  const pairingCode = config && encoded?.vaultId === config.vaultId ? encoded.code : null;

  async function run(message: SyncMessage, done: string) {
    setWorking(true);
    setFeedback(null);
    const reply = await send(message);
    setWorking(false);
    setFeedback(reply.ok ? { ok: true, text: done } : { ok: false, text: reply.error });
    return reply.ok;
  }

  const create = () => {
    if (!relay.trim()) return setFeedback({ ok: false, text: t('syncSettings.enterYourRelaysAddressFirst') });
    void run({ type: 'sync/create', relayUrl: relay }, t('syncSettings.vaultCreatedShowThePairingCode')).then((ok) => ok && setShowCode(true));
  };
  const join = () => {
    if (!relay.trim()) return setFeedback({ ok: false, text: t('syncSettings.enterYourRelaysAddressFirst') });
    if (!code.trim()) return setFeedback({ ok: false, text: t('syncSettings.enterThePairingCodeFromYour') });
    void run({ type: 'sync/join', relayUrl: relay, code }, t('syncSettings.joinedYourContactsFromBothBrowsers')).then((ok) => ok && setCode(''));
  };

  if (config === undefined) return null;

  return (
    <section className="panel" aria-labelledby="sync-title" style={{ marginTop: 12 }}>
      <h2 className="panel-title" id="sync-title">
        {t('syncSettings.syncBetweenBrowsers')}
      </h2>
      {config ? (
        <>
          <p className={`message ${status.state === 'error' ? 'error' : status.state === 'synced' ? 'ok' : ''}`} role="status" aria-label={t('syncSettings.syncStatus')}>
            {status.message}
          </p>
          <p className="muted">
            {status.lastSyncedAt
              ? t('syncSettings.relayLastSynced', { relay: config.relayUrl, time: formatTimeOfDay(status.lastSyncedAt) })
              : t('syncSettings.relay', { relay: config.relayUrl })}
          </p>
          <div className="actions">
            {config.enabled ? (
              <button type="button" disabled={working} onClick={() => void run({ type: 'sync/pause' }, t('syncSettings.syncIsOffOnThisBrowser'))}>
                {t('syncSettings.turnSyncOff')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={working} onClick={() => void run({ type: 'sync/resume' }, t('syncSettings.syncIsOnAgain'))}>
                {t('syncSettings.turnSyncOn')}
              </button>
            )}
            <button type="button" aria-expanded={showCode} onClick={() => setShowCode((v) => !v)}>
              {showCode ? t('syncSettings.hidePairingCode') : t('syncSettings.showPairingCode')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmLeave(true)}>
              {t('syncSettings.leaveThisVault')}
            </button>
          </div>
          {showCode && pairingCode && (
            <div>
              <p className="muted">
                {t('syncSettings.onYourOtherBrowserSettingsSync')}
              </p>
              <p>
                <output aria-label={t('syncSettings.pairingCode')} style={{ fontFamily: 'monospace', fontSize: 14, userSelect: 'all', wordBreak: 'break-all' }}>
                  {pairingCode}
                </output>
              </p>
              <div className="actions">
                <button type="button" onClick={() => void navigator.clipboard.writeText(pairingCode).then(() => setFeedback({ ok: true, text: t('syncSettings.pairingCodeCopied') }))}>
                  {t('syncSettings.copyPairingCode')}
                </button>
              </div>
              <QrCode text={pairingCode} />
            </div>
          )}
          {confirmLeave && (
            <div role="group" aria-label={t('syncSettings.leaveThisVault2')}>
              <p>
                {t('syncSettings.thisBrowserStopsSyncingAndForgets')}
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="danger"
                  disabled={working}
                  onClick={() => void run({ type: 'sync/leave' }, t('syncSettings.thisBrowserLeftTheVaultYour')).then(() => setConfirmLeave(false))}
                >
                  {t('syncSettings.yesLeaveTheVault')}
                </button>
                <button type="button" onClick={() => setConfirmLeave(false)}>
                  {t('syncSettings.stay')}
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="muted">
            {t('syncSettings.offKeepIntrobookTheSameIn')}
          </p>
          <TextField label={t('syncSettings.relayAddress')} value={relay} onChange={setRelay} placeholder={t('syncSettings.wssSyncExampleOrg')} maxLength={2048} onKeyDown={onEnter(create)} />
          <div className="actions">
            <button type="button" className="primary" disabled={working} onClick={create}>
              {t('syncSettings.createANewVault')}
            </button>
          </div>
          <TextField label={t('syncSettings.pairingCode')} value={code} onChange={setCode} placeholder={t('syncSettings.ib1')} maxLength={200} autoComplete="off" spellCheck={false} onKeyDown={onEnter(join)} />
          <div className="actions">
            <button type="button" disabled={working} onClick={join}>
              {t('syncSettings.joinWithThisCode')}
            </button>
          </div>
        </>
      )}
      {feedback && (
        <p className={`message ${feedback.ok ? 'ok' : 'error'}`} role={feedback.ok ? 'status' : 'alert'}>
          {feedback.text}
        </p>
      )}
    </section>
  );
}
