import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** A status line that clears itself: after `ms`, or as soon as something else is said. */
export function useTransient(ms = 4_000): [string | null, (text: string | null) => void] {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => setText(null), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return [text, setText];
}

/** Views that answer Escape, innermost last: only the innermost goes back. */
const escapeStack: { current: () => void }[] = [];

function isEditable(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

function onKey(e: KeyboardEvent) {
  if (e.key !== 'Escape' || e.defaultPrevented || escapeStack.length === 0) return;
  const active = document.activeElement;
  // In a field, the first Escape leaves the field (the view's heading takes focus); the next goes back.
  if (isEditable(active)) {
    const view = active.closest('[data-view]');
    const heading = view?.querySelector<HTMLElement>('[data-view-heading]');
    if (heading) {
      e.preventDefault();
      heading.focus();
      return;
    }
  }
  e.preventDefault();
  escapeStack[escapeStack.length - 1]!.current();
}

/**
 * A view that Escape leaves (calling `onBack`), whose heading takes focus when
 * it appears so keyboard and screen-reader users land in it, not on the page
 * body — and gets it back when the focused control goes away (a button whose
 * step is done, a confirmation answered). Returns the heading's ref.
 */
export function useView(onBack: (() => void) | undefined): (el: HTMLElement | null) => (() => void) | undefined {
  const back = useRef(onBack ?? (() => {}));
  useLayoutEffect(() => {
    back.current = onBack ?? (() => {});
  });
  // A layout effect: registered in the same commit in which the heading takes focus (its ref), so an
  // Escape pressed as soon as the view has focus is never lost to a passive effect not run yet.
  useLayoutEffect(() => {
    if (!onBack) return;
    const entry = { current: () => back.current() };
    escapeStack.push(entry);
    if (escapeStack.length === 1) window.addEventListener('keydown', onKey);
    return () => {
      escapeStack.splice(escapeStack.indexOf(entry), 1);
      if (escapeStack.length === 0) window.removeEventListener('keydown', onKey);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- registered once per view
  }, []);
  return useCallback((heading: HTMLElement | null) => {
    if (!heading) return undefined;
    heading.focus();
    const view = heading.closest('[data-view]');
    if (!view) return undefined;
    let last: Element | null = null;
    const onFocusIn = (e: Event) => void (last = e.target as Element);
    const observer = new MutationObserver(() => {
      if (last && !last.isConnected && (document.activeElement === document.body || document.activeElement === null)) {
        last = null;
        heading.focus({ preventScroll: true });
      }
    });
    view.addEventListener('focusin', onFocusIn);
    observer.observe(view, { childList: true, subtree: true });
    return () => {
      view.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
