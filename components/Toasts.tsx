import { useEffect, useState, useSyncExternalStore } from 'react';
import { t } from '@/utils/i18n';
import { userMessage } from './user-message';

/**
 * Short confirmations that outlive the view that raised them ("Removed Ada
 * Lovelace. Undo"), announced politely. One at a time: a new one replaces the
 * last. They leave after a while, never while the pointer or focus is on them.
 */
export interface Toast {
  id: number;
  text: string;
  /** Offer Undo: runs this, then says so. */
  undo?: () => Promise<unknown>;
}

let current: Toast | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function showToast(text: string, undo?: () => Promise<unknown>): void {
  current = { id: ++seq, text, undo };
  emit();
}

export function dismissToast(): void {
  current = null;
  emit();
}

function useToast(): Toast | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** How long a toast stays (with Undo it stays longer). */
export const TOAST_MS = 6_000;
export const UNDO_TOAST_MS = 12_000;

export function Toasts() {
  const toast = useToast();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => {
      if (current?.id === toast.id) dismissToast();
    }, toast.undo ? UNDO_TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('toasts.notifications')}>
      {toast && (
        // Pointer or focus inside holds the toast on screen.
        <div
          className="toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              onClick={() => {
                const undo = toast.undo!;
                dismissToast();
                void undo().then(
                  () => showToast(t('toasts.undone')),
                  (e: unknown) => showToast(userMessage(e, t('toasts.couldNotUndo'))),
                );
              }}
            >
              {t('common.undo')}
            </button>
          )}
          <button type="button" className="link-button" aria-label={t('toasts.dismiss')} onClick={dismissToast}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
