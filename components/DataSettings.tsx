/**
 * Settings → Your data: export (JSON backup, CSV, vCard), import with a
 * review before anything is written, restore from a file or a safety copy,
 * storage use, the export reminder and the uninstall warning.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { peopleCsv, requestsCsv } from '@/utils/backup/csv';
import { backupFileName, exportBackup } from '@/utils/backup/export';
import { applyImport, ImportChangedError, planImport, type ConflictPolicy, type ImportPlan } from '@/utils/backup/merge';
import { prepareBackup, type PreparedBackup, type RowIssue } from '@/utils/backup/prepare';
import { readBackupFile, readBackupText } from '@/utils/backup/read';
import { applyRestore, discardRestore, planRestore, removeLeftoverStaging, type RestorePlan } from '@/utils/backup/restore';
import {
  EXPORT_REMINDER_DAYS,
  exportStatus,
  getSafetyDb,
  listSafetyCopies,
  readSafetyCopy,
  recordExport,
  takeSafetyCopy,
  type SafetyCopyInfo,
  type SafetyCopyKind,
} from '@/utils/backup/safety';
import { peopleVcard } from '@/utils/backup/vcard';
import { getDb } from '@/utils/db/db';
import { storageErrorMessage, StorageFullError } from '@/utils/db/errors';
import { UserError } from '@/utils/core/user-error';
import { refreshReminders } from '@/utils/messaging/client';
import { formatDateTime, formatNumber, labels, t, tn } from '@/utils/i18n';
import { tx } from './i18n';

interface Progress {
  label: string;
  done: number;
  total: number;
}

type Pending =
  | { kind: 'import'; source: string; prepared: PreparedBackup; plan: ImportPlan; policy: ConflictPolicy }
  | { kind: 'restore'; source: string; prepared: PreparedBackup; plan: RestorePlan };

const number = formatNumber;
const MAX_LISTED = 100;

/** 12.3 MB, as the user's locale writes sizes (units by 1024, as the browser's storage estimate counts). */
function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  const power = bytes < 1024 ? 0 : bytes < 1024 ** 2 ? 1 : bytes < 1024 ** 3 ? 2 : 3;
  const style = power === 0 ? 'long' : 'short';
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: units[power], unitDisplay: style, maximumFractionDigits: power === 0 ? 0 : 1, minimumFractionDigits: power === 0 ? 0 : 1 }).format(bytes / 1024 ** power);
}

const dateTime = formatDateTime;

const KIND_LABEL: Record<SafetyCopyKind, string> = labels({
  daily: 'dataSettings.kind.daily',
  'before-import': 'dataSettings.kind.beforeImport',
  'before-restore': 'dataSettings.kind.beforeRestore',
  manual: 'dataSettings.kind.manual',
});

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function errorText(error: unknown, fallback: string): string {
  if (error instanceof UserError || error instanceof StorageFullError || error instanceof ImportChangedError) return error.message;
  return storageErrorMessage(error, t('dataSettings.nothingWasChanged', { fallback }));
}

/** How much the store uses, of how much the browser allows, and whether it is kept under disk pressure. */
function StorageUse() {
  const [info, setInfo] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const persisted = await navigator.storage?.persisted?.().catch(() => false);
      if (!estimate) return;
      const usage = formatBytes(estimate.usage ?? 0);
      const quota = estimate.quota ? formatBytes(estimate.quota) : null;
      setInfo(
        quota === null
          ? t(persisted ? 'dataSettings.storageUseKept' : 'dataSettings.storageUse', { usage })
          : t(persisted ? 'dataSettings.storageUseOfQuotaKept' : 'dataSettings.storageUseOfQuota', { usage, quota }),
      );
    })();
  }, []);
  return info ? <p>{info}</p> : null;
}

function IssueList({ title, issues }: { title: string; issues: RowIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <details className="issues">
      <summary>
        {title} ({number(issues.length)})
      </summary>
      <ul>
        {issues.slice(0, MAX_LISTED).map((issue) => (
          <li key={`${issue.table}-${issue.row}-${issue.id ?? ''}-${issue.reason}`}>
            {issue.label ? t('dataSettings.quoted', { label: issue.label }) : issue.row > 0 ? t('dataSettings.row', { row: issue.row }) : (issue.id ?? t('dataSettings.aRow'))}
            {issue.row > 0 ? t('dataSettings.issueInTableRow', { table: issue.table, row: number(issue.row), reason: issue.reason }) : t('dataSettings.issueInTable', { table: issue.table, reason: issue.reason })}
          </li>
        ))}
        {issues.length > MAX_LISTED && <li>{tn('dataSettings.andMore', issues.length - MAX_LISTED)}</li>}
      </ul>
    </details>
  );
}

function ProgressBar({ progress }: { progress: Progress }) {
  return (
    <div className="progress" role="status">
      <progress aria-label={progress.label} value={progress.done} max={Math.max(1, progress.total)} />
      <span>
        {t('dataSettings.of', { label: progress.label, number: number(progress.done), number2: number(progress.total) })}
      </span>
    </div>
  );
}

export function DataSettings() {
  const id = useId();
  const db = getDb();
  const safety = getSafetyDb();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const copies = useLiveQuery(() => listSafetyCopies(safety), []);
  const status = useLiveQuery(() => exportStatus(safety), []);

  useEffect(() => {
    void removeLeftoverStaging(db);
  }, [db]);
  useEffect(() => {
    if (pending) reviewHeading.current?.focus();
  }, [pending?.kind, pending?.source]); // eslint-disable-line react-hooks/exhaustive-deps

  const busy = progress !== null;

  async function run(label: string, task: (report: (done: number, total: number) => void) => Promise<void>, failure: string) {
    setMessage(null);
    setProgress({ label, done: 0, total: 0 });
    try {
      await task((done, total) => setProgress({ label, done, total }));
    } catch (error) {
      setMessage({ ok: false, text: errorText(error, failure) });
    } finally {
      setProgress(null);
    }
  }

  const exportAll = () =>
    run(
      t('dataSettings.exporting'),
      async (report) => {
        const { blob, exportedAt, counts } = await exportBackup(db, { onProgress: (p) => report(p.done, p.total) });
        download(blob, backupFileName(exportedAt));
        await recordExport(safety, exportedAt);
        setMessage({ ok: true, text: t('dataSettings.exportedCounts', { people: tn('common.people', counts.people ?? 0), requests: tn('common.requests', counts.intros ?? 0), file: backupFileName(exportedAt) }) });
      },
      t('dataSettings.introbookCouldNotExportYourData'),
    );

  const exportOther = (what: 'people-csv' | 'requests-csv' | 'vcard') =>
    run(
      t('dataSettings.exporting'),
      async () => {
        const people = await db.people.toArray();
        const at = Date.now();
        if (what === 'people-csv') download(new Blob([peopleCsv(people)], { type: 'text/csv' }), backupFileName(at, 'csv', 'people'));
        if (what === 'requests-csv') {
          const names = new Map(people.map((p) => [p.id, p.name]));
          const csv = requestsCsv(await db.intros.toArray(), (personId) => (personId ? (names.get(personId) ?? '') : ''));
          download(new Blob([csv], { type: 'text/csv' }), backupFileName(at, 'csv', 'requests'));
        }
        if (what === 'vcard') {
          const photos = new Map((await db.photos.toArray()).map((p) => [p.id, p.dataUrl]));
          download(new Blob([peopleVcard(people, photos)], { type: 'text/vcard' }), backupFileName(at, 'vcf', 'people'));
        }
        setMessage({ ok: true, text: t('dataSettings.exported') });
      },
      t('dataSettings.introbookCouldNotExportYourData'),
    );

  async function reviewFile(source: string, text: string | Blob) {
    await run(
      t('dataSettings.checkingTheFile'),
      async (report) => {
        const read = typeof text === 'string' ? readBackupText(text) : await readBackupFile(text);
        if (!read.ok) {
          setMessage({ ok: false, text: read.error });
          return;
        }
        const prepared = await prepareBackup(db, read.file, { onProgress: (p) => report(p.done, p.total) });
        const plan = await planImport(db, prepared);
        setConfirmRestore(false);
        setPending({ kind: 'import', source, prepared, plan, policy: 'keep-mine' });
      },
      t('dataSettings.introbookCouldNotReadThisFile'),
    );
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void reviewFile(file.name, file);
  }

  async function changePolicy(policy: ConflictPolicy) {
    if (pending?.kind !== 'import') return;
    const plan = await planImport(db, pending.prepared, { policy });
    setPending({ ...pending, plan, policy });
  }

  async function safetyCopyFirst(kind: SafetyCopyKind): Promise<boolean> {
    try {
      await takeSafetyCopy(db, safety, kind);
      return true;
    } catch (error) {
      setMessage({ ok: false, text: `${t('dataSettings.safetyCopyFailed')} ${storageErrorMessage(error, '')}`.trim() });
      return false;
    }
  }

  async function confirmImport() {
    if (pending?.kind !== 'import') return;
    const { plan } = pending;
    await run(
      t('dataSettings.importing'),
      async (report) => {
        if (!(await safetyCopyFirst('before-import'))) return;
        const result = await applyImport(db, plan, (p) => report(p.done, p.total));
        setPending(null);
        refreshReminders();
        setMessage({
          ok: true,
          text: t('dataSettings.importedNewUpdatedWhatYouHad', { number: number(result.added), number2: number(result.updated) }),
        });
      },
      t('dataSettings.theImportFailed'),
    );
  }

  async function startRestore(source: string, prepared: PreparedBackup) {
    await run(
      t('dataSettings.checkingTheBackup'),
      async () => {
        const plan = await planRestore(db, prepared);
        if (pending?.kind === 'restore') await discardRestore(db, pending.plan);
        setConfirmRestore(false);
        setPending({ kind: 'restore', source, prepared, plan });
      },
      t('dataSettings.introbookCouldNotPrepareTheRestore'),
    );
  }

  async function restoreCopy(copy: SafetyCopyInfo) {
    await run(
      t('dataSettings.readingTheSafetyCopy'),
      async (report) => {
        const read = readBackupText(await readSafetyCopy(safety, copy.id));
        if (!read.ok) {
          setMessage({ ok: false, text: read.error });
          return;
        }
        const prepared = await prepareBackup(db, read.file, { onProgress: (p) => report(p.done, p.total) });
        const plan = await planRestore(db, prepared);
        setConfirmRestore(false);
        setPending({ kind: 'restore', source: t('dataSettings.theSafetyCopyOf', { dateTime: dateTime(copy.takenAt) }), prepared, plan });
      },
      t('dataSettings.introbookCouldNotReadThisSafety'),
    );
  }

  async function confirmRestoreNow() {
    if (pending?.kind !== 'restore') return;
    const { plan } = pending;
    await run(
      t('dataSettings.restoring'),
      async (report) => {
        if (!(await safetyCopyFirst('before-restore'))) return;
        await applyRestore(db, plan, (p) => report(p.done, p.total));
        setPending(null);
        refreshReminders();
        setMessage({ ok: true, text: tn('dataSettings.restored', plan.totals.rows) });
      },
      t('dataSettings.theRestoreFailed'),
    );
  }

  async function cancel() {
    if (pending?.kind === 'restore') await discardRestore(db, pending.plan);
    setPending(null);
    setMessage({ ok: true, text: t('dataSettings.cancelledNothingWasChanged') });
    fileInput.current?.focus();
  }

  let review: ReactNode = null;
  if (pending?.kind === 'import') {
    const { plan } = pending;
    const changes = plan.totals.added + plan.totals.updated;
    review = (
      <section className="review" aria-labelledby={`${id}-review`}>
        <h3 id={`${id}-review`} ref={reviewHeading} tabIndex={-1}>
          {t('dataSettings.reviewTheImportFrom', { source: pending.source })}
        </h3>
        <p className="muted">{t('dataSettings.nothingHasBeenWrittenYet')}</p>
        <table className="summary">
          <thead>
            <tr>
              <th scope="col">{t('dataSettings.what')}</th>
              <th scope="col">{t('dataSettings.new')}</th>
              <th scope="col">{t('dataSettings.updated')}</th>
              <th scope="col">{t('dataSettings.unchanged')}</th>
              <th scope="col">{t('dataSettings.conflicting')}</th>
              <th scope="col">{t('dataSettings.invalid')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.tables.map((part) => (
              <tr key={part.table}>
                <th scope="row">{part.label}</th>
                <td>{number(part.added.length)}</td>
                <td>{number(part.updated.length)}</td>
                <td>{number(part.unchanged)}</td>
                <td>{number(part.conflicts.length)}</td>
                <td>{number(part.invalid.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.matchedByUrl > 0 && (
          <p>
            {tn('dataSettings.matchedByUrl', plan.matchedByUrl)}
          </p>
        )}
        {plan.ignoredTables.map((part) => (
          <p key={part.table}>
            {tn('dataSettings.rows', part.rows, { table: part.table, reason: part.reason })}
          </p>
        ))}
        <IssueList title={t('dataSettings.conflictingKeptAsYouHaveThem')} issues={pending.policy === 'keep-mine' ? plan.tables.flatMap((part) => part.conflicts) : []} />
        <IssueList title={t('dataSettings.conflictingLeftAsTheyAre')} issues={pending.policy === 'take-file' ? plan.tables.flatMap((part) => part.conflicts) : []} />
        <IssueList title={t('dataSettings.invalidLeftOut')} issues={plan.tables.flatMap((part) => part.invalid)} />
        <fieldset className="policy">
          <legend>{t('dataSettings.whenYourCopyIsNewerThan')}</legend>
          <label className="inline">
            <input type="radio" name={`${id}-policy`} checked={pending.policy === 'keep-mine'} onChange={() => void changePolicy('keep-mine')} /> {t('dataSettings.keepMine')}
          </label>
          <label className="inline">
            <input type="radio" name={`${id}-policy`} checked={pending.policy === 'take-file'} onChange={() => void changePolicy('take-file')} /> {t('dataSettings.useTheFiles')}
          </label>
        </fieldset>
        <div className="actions">
          <button type="button" className="primary" disabled={busy || changes === 0} onClick={() => void confirmImport()}>
            {changes === 0 ? t('dataSettings.nothingToImport') : tn('dataSettings.importChanges', changes)}
          </button>
          <button type="button" disabled={busy} onClick={() => void startRestore(pending.source, pending.prepared)}>
            {t('dataSettings.replaceEverythingWithThisFile')}
          </button>
          <button type="button" disabled={busy} onClick={() => void cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </section>
    );
  } else if (pending?.kind === 'restore') {
    const { plan } = pending;
    review = (
      <section className="review" aria-labelledby={`${id}-review`}>
        <h3 id={`${id}-review`} ref={reviewHeading} tabIndex={-1}>
          {t('dataSettings.replaceYourDataWith', { source: pending.source })}
        </h3>
        <p>
          {t('dataSettings.thesePartsOfYourDataWill')}
        </p>
        <ul>
          {plan.tables.map((part) => (
            <li key={part.table}>
              {part.label}: {number(part.count)}
            </li>
          ))}
        </ul>
        <IssueList title={t('dataSettings.invalidLeftOut')} issues={plan.tables.flatMap((part) => part.invalid)} />
        <label className="inline">
          <input type="checkbox" checked={confirmRestore} onChange={(e) => setConfirmRestore(e.target.checked)} /> {t('dataSettings.iUnderstand')}
        </label>
        <div className="actions">
          <button type="button" className="danger" disabled={busy || !confirmRestore} onClick={() => void confirmRestoreNow()}>
            {t('dataSettings.replaceMyData')}
          </button>
          <button type="button" disabled={busy} onClick={() => void cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel data-settings" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {t('dataSettings.yourData')}
      </h2>
      <StorageUse />
      <p className="warning">
        {tx('dataSettings.uninstallWarning', { strong: <strong>{t('dataSettings.uninstallingIntrobookDeletesEverythingItKeeps')}</strong> })}
      </p>
      {status && (
        <p className={status.due ? 'message error' : 'muted'}>
          {status.lastExportAt === null
            ? status.due
              ? tn('dataSettings.notExportedDays', status.days)
              : t('dataSettings.youHaveNotExportedYourData')
            : status.due
              ? tn('dataSettings.lastExportDue', EXPORT_REMINDER_DAYS, { date: dateTime(status.lastExportAt) })
              : t('dataSettings.lastExport', { date: dateTime(status.lastExportAt) })}
        </p>
      )}

      <h3>{t('dataSettings.export')}</h3>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void exportAll()}>
          {t('dataSettings.exportEverythingJsonBackup')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportOther('people-csv')}>
          {t('dataSettings.peopleCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportOther('requests-csv')}>
          {t('dataSettings.requestsCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportOther('vcard')}>
          {t('dataSettings.peopleVcard')}
        </button>
      </div>
      <p className="muted">{t('dataSettings.exportsHoldPersonalDetailsOfThe')}</p>

      <h3>{t('dataSettings.importOrRestore')}</h3>
      <div className="field-row">
        <label htmlFor={`${id}-file`}>{t('dataSettings.chooseAnIntrobookBackupJson')}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".json,application/json" disabled={busy} onChange={onFile} />
      </div>
      <p className="muted">{t('dataSettings.youWillSeeWhatTheFile')}</p>

      {progress && <ProgressBar progress={progress} />}
      {message && (
        <p className={`message ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {review}

      <h3>{t('dataSettings.safetyCopies')}</h3>
      <p className="muted">{t('dataSettings.introbookKeepsACopyOfYour')}</p>
      {copies && copies.length === 0 && <p className="muted">{t('dataSettings.noSafetyCopiesYet')}</p>}
      {copies && copies.length > 0 && (
        <ul className="safety-copies" aria-label={t('dataSettings.safetyCopiesNewestFirst')}>
          {copies.map((copy) => (
            <li key={copy.id}>
              <span>
                {t('dataSettings.copyLine', {
                  kind: KIND_LABEL[copy.kind],
                  date: dateTime(copy.takenAt),
                  people: tn('common.people', copy.counts.people ?? 0),
                  requests: tn('common.requests', copy.counts.intros ?? 0),
                  size: formatBytes(copy.size),
                })}
              </span>{' '}
              <button type="button" disabled={busy} onClick={() => void restoreCopy(copy)} aria-label={t('dataSettings.restoreTheCopyOf', { dateTime: dateTime(copy.takenAt) })}>
                {t('dataSettings.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              t('dataSettings.makingASafetyCopy'),
              async () => {
                await takeSafetyCopy(db, safety, 'manual');
                setMessage({ ok: true, text: t('dataSettings.safetyCopyMade') });
              },
              t('dataSettings.introbookCouldNotMakeASafety'),
            )
          }
        >
          {t('dataSettings.makeASafetyCopyNow')}
        </button>
      </div>

      <p>
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener noreferrer">
          {t('dataSettings.whatIntrobookStoresAndWhatEach')}
        </a>
      </p>
    </section>
  );
}
