/**
 * The background's care for the user's data, wired with one call at start-up:
 * - storage.local is closed to content scripts (Chrome);
 * - a daily safety copy of the store (utils/backup/safety.ts);
 * - photos that saves did not get to are fetched (photos.ts);
 * - a reminder to export a file when the last one is 30 days old.
 */
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import { dailySafetyCopy, getSafetyDb, shouldNotifyExport, type SafetyDB } from '@/utils/backup/safety';
import { backfillPhotos } from './photos';
import { t, tn } from '@/utils/i18n';

export const DATA_CARE_ALARM = 'introbook-data-care';
export const EXPORT_REMINDER_ID = 'introbook-export-reminder';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Chrome lets content scripts read and write storage.local unless told
 * otherwise; a compromised one could change what Introbook keeps there.
 * Firefox has no such switch for storage.local: there the settings live in
 * the extension's IndexedDB instead (utils/settings.ts), which a content
 * script cannot open, and storage.local keeps only the list of reminders
 * already shown. Returns whether the level was set.
 */
export async function restrictStorageToTrustedContexts(): Promise<boolean> {
  const chromeLocal = (globalThis as { chrome?: { storage?: { local?: AccessLevelArea } } }).chrome?.storage?.local;
  if (typeof chromeLocal?.setAccessLevel !== 'function') return false;
  await chromeLocal.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}

export async function careForData(db: IntrobookDB, safety: SafetyDB, now = Date.now()): Promise<void> {
  await dailySafetyCopy(db, safety, now).catch((e: unknown) => console.warn('Introbook: no safety copy today', e));
  await backfillPhotos(db).catch((e: unknown) => console.warn('Introbook: photo backfill failed', e));
  const reminder = await shouldNotifyExport(safety, now);
  if (reminder) {
    await browser.notifications
      .create(EXPORT_REMINDER_ID, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('background.exportTitle'),
        message:
          reminder.lastExportAt === null
            ? t('background.exportNever')
            : tn('background.exportDays', reminder.days),
      })
      .catch(() => {});
  }
}

export function setupDataCare(db: IntrobookDB): void {
  restrictStorageToTrustedContexts().catch((e: unknown) => console.warn('Introbook: could not restrict storage access', e));
  const run = () => careForData(db, getSafetyDb()).catch((e: unknown) => console.warn('Introbook: data care failed', e));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DATA_CARE_ALARM) void run();
  });
  // Hourly, whatever wakes the service worker in between: a page view must not set off a
  // safety copy or a photo fetch. The alarm outlives the worker; the first run is a minute
  // after installation or browser start.
  void browser.alarms
    .get(DATA_CARE_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(DATA_CARE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    })
    .catch(() => {});
}
