import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/utils/i18n';

/**
 * A text box that saves as the user types (no save button): a short pause
 * saves, leaving the field saves, and closing the view saves. Says "Saved"
 * politely to assistive technology; on failure the text stays and says so.
 */
export function AutoText({
  label,
  value,
  onSave,
  multiline = true,
  rows = 4,
  placeholder,
  maxLength = 20_000,
  delayMs = 500,
  hint,
}: {
  label: string;
  value: string;
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  delayMs?: number;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useRef(onSave);
  useEffect(() => {
    save.current = onSave;
  }, [onSave]);

  const flush = () => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    setStatus('saving');
    save
      .current(next)
      .then(() => setStatus((s) => (s === 'saving' ? 'saved' : s)))
      .catch(() => setStatus('error'));
  };
  // Save what is pending when the view goes away.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => () => flushRef.current(), []);

  const change = (next: string) => {
    setText(next);
    pending.current = next;
    setStatus('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  };

  const common = {
    id,
    value: text,
    placeholder,
    maxLength,
    onBlur: flush,
    'aria-describedby': `${id}-status`,
  };
  return (
    <div className="auto-text">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="muted small">{hint}</p>}
      {multiline ? <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} /> : <input {...common} onChange={(e) => change(e.target.value)} />}
      <span id={`${id}-status`} className={`save-status${status === 'error' ? ' error' : ''}`} aria-live="polite">
        {status === 'saving' ? t('autoText.saving') : status === 'saved' ? t('autoText.saved') : status === 'error' ? t('autoText.notSavedYourTextIsStill') : ''}
      </span>
    </div>
  );
}
