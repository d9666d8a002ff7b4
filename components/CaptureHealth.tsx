import { useEffect, useId, useState } from 'react';
import type { CaptureHealthReport } from '@/utils/extract/health';
import { captureProblemsFile, type CaptureProblem } from '@/utils/capture-health';
import { captureProblems, clearCaptureProblems, watchCaptureProblems } from '@/utils/capture-problems';

const FIELD_LABELS: Record<string, string> = {
  profileUrl: 'profile link',
  name: 'name',
  firstName: 'first name',
  lastName: 'last name',
  headline: 'headline',
  role: 'role',
  company: 'company',
  location: 'location',
  photoUrl: 'photo',
  degree: 'connection degree',
  mutualConnections: 'mutual connections',
};

const PAGE_LABELS: Record<CaptureHealthReport['page'], string> = {
  profile: 'profile',
  'member-id': 'profile (member-id link)',
  'sales-lead': 'Sales Navigator lead',
  recruiter: 'Recruiter profile',
  other: 'page',
};

/** One problem in plain words, from the report's fixed vocabulary only (a report holds no page text). */
export function describeProblem(problem: CaptureProblem): string {
  const { report } = problem;
  const site = report.site === 'linkedin' ? 'LinkedIn' : report.site === 'github' ? 'GitHub' : 'Other site';
  const what = report.problems.map((p) => {
    if (p === 'no-name') return 'no name found';
    if (p === 'no-role') return 'no role found';
    if (p === 'too-complex') return 'page too large to read';
    if (p.startsWith('low:')) return `unsure of the ${FIELD_LABELS[p.slice(4)] ?? p.slice(4)}`;
    return p.replace(/-/g, ' ');
  });
  const layout = report.layout === 'unknown' ? '' : ` (layout ${report.layout})`;
  const times = problem.times === 1 ? 'seen once' : `seen ${problem.times} times`;
  return `${site} ${PAGE_LABELS[report.page]}${layout}: ${what.join(', ') || report.outcome}; ${times}, last ${new Date(problem.lastSeen).toLocaleDateString()}`;
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
      setStatus(`Copied ${count === 1 ? 'one report' : `${count} reports`} to the clipboard.`);
    } catch {
      setStatus('Introbook could not copy to the clipboard. Use Download instead.');
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
    setStatus('Download started.');
  }

  async function clear() {
    await clearCaptureProblems();
    setProblems([]);
    setStatus('Capture problems cleared.');
  }

  return (
    <section className="capture-health" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Capture problems ({count})
      </h2>
      <p className="muted">
        When Introbook can’t read a profile fully (no name, no role, or a value it isn’t sure of), it keeps a description of
        the page’s structure on this computer: tag names and layout only, never names, text or links. Copy or download the
        reports to attach them to a bug report. Nothing is sent anywhere.
      </p>
      {count > 0 && (
        <ul aria-label="Recorded capture problems" className="capture-problems">
          {problems.slice(0, 10).map((p) => (
            <li key={`${p.report.signature}-${p.firstSeen}`}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      {count > 10 && <p className="muted">And {count - 10} more in the reports.</p>}
      <div className="actions">
        <button type="button" onClick={() => void copy()} disabled={count === 0}>
          Copy reports
        </button>
        <button type="button" onClick={download} disabled={count === 0}>
          Download reports
        </button>
        <button type="button" onClick={() => void clear()} disabled={count === 0}>
          Clear capture problems
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
