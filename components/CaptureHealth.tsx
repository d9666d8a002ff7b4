import { useEffect, useId, useState } from 'react';
import type { CaptureHealthReport } from '@/utils/extract/health';
import { captureProblemsFile, type CaptureProblem } from '@/utils/capture-health';
import { captureProblems, clearCaptureProblems, watchCaptureProblems } from '@/utils/capture-problems';
import { formatDate, labels, t, tn } from '@/utils/i18n';

const FIELD_LABELS: Record<string, string> = labels({
  profileUrl: 'captureHealth.field.profileUrl',
  name: 'captureHealth.field.name',
  firstName: 'captureHealth.field.firstName',
  lastName: 'captureHealth.field.lastName',
  headline: 'captureHealth.field.headline',
  role: 'captureHealth.field.role',
  company: 'captureHealth.field.company',
  location: 'captureHealth.field.location',
  photoUrl: 'captureHealth.field.photoUrl',
  degree: 'captureHealth.field.degree',
  mutualConnections: 'captureHealth.field.mutualConnections',
});

const PAGE_LABELS: Record<CaptureHealthReport['page'], string> = labels({
  profile: 'captureHealth.page.profile',
  'member-id': 'captureHealth.page.memberId',
  'sales-lead': 'captureHealth.page.salesLead',
  recruiter: 'captureHealth.page.recruiter',
  other: 'captureHealth.page.other',
});

/** One problem in plain words, from the report's fixed vocabulary only (a report holds no page text). */
export function describeProblem(problem: CaptureProblem): string {
  const { report } = problem;
  const site = report.site === 'linkedin' ? 'LinkedIn' : report.site === 'github' ? 'GitHub' : t('captureHealth.otherSite');
  const what = report.problems.map((p) => {
    if (p === 'no-name') return t('captureHealth.noNameFound');
    if (p === 'no-role') return t('captureHealth.noRoleFound');
    if (p === 'too-complex') return t('captureHealth.pageTooLargeToRead');
    if (p.startsWith('low:')) return t('captureHealth.unsureOfThe', { value: FIELD_LABELS[p.slice(4)] ?? p.slice(4) });
    return p.replace(/-/g, ' ');
  });
  const layout = report.layout === 'unknown' ? '' : t('captureHealth.layout', { layout: report.layout });
  return t('captureHealth.problem', {
    site,
    page: PAGE_LABELS[report.page],
    layout,
    what: what.join(', ') || report.outcome,
    times: tn('captureHealth.seenTimes', problem.times),
    date: formatDate(problem.lastSeen),
  });
}

/**
 * Settings → "Capture problems (N)": the structure reports kept on this
 * device when a profile page couldn't be read fully, with Copy and Download
 * for a bug report. Nothing is sent anywhere.
 */
export function CaptureHealth() {
  const id = useId();
  const [problems, setProblems] = useState<CaptureProblem[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void captureProblems().then((list) => {
      if (live) setProblems(list);
    });
    const unwatch = watchCaptureProblems((list) => setProblems(list));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const count = problems.length;

  async function copy() {
    try {
      await navigator.clipboard.writeText(captureProblemsFile(problems));
      setStatus(tn('captureHealth.copiedReports', count));
    } catch {
      setStatus(t('captureHealth.introbookCouldNotCopyToThe'));
    }
  }

  function download() {
    const blob = new Blob([captureProblemsFile(problems)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `introbook-capture-problems-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('captureHealth.downloadStarted'));
  }

  async function clear() {
    await clearCaptureProblems();
    setProblems([]);
    setStatus(t('captureHealth.captureProblemsCleared'));
  }

  return (
    <section className="capture-health" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('captureHealth.captureProblems', { count })}
      </h2>
      <p className="muted">
        {t('captureHealth.whenIntrobookCantReadAProfile')}
      </p>
      {count > 0 && (
        <ul aria-label={t('captureHealth.recordedCaptureProblems')} className="capture-problems">
          {problems.slice(0, 10).map((p) => (
            <li key={`${p.report.signature}-${p.firstSeen}`}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      {count > 10 && <p className="muted">{tn('captureHealth.andMoreInTheReports', count - 10)}</p>}
      <div className="actions">
        <button type="button" onClick={() => void copy()} disabled={count === 0}>
          {t('captureHealth.copyReports')}
        </button>
        <button type="button" onClick={download} disabled={count === 0}>
          {t('captureHealth.downloadReports')}
        </button>
        <button type="button" onClick={() => void clear()} disabled={count === 0}>
          {t('captureHealth.clearCaptureProblems')}
        </button>
      </div>
      {status && (
        <p className="message ok" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
