// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createSaveButton } from './save-button';

function handlers() {
  return { onSave: vi.fn<() => void>(), onOpen: vi.fn<() => void>(), onConfirmName: vi.fn<() => void>(), onCancel: vi.fn<() => void>() };
}

/** Tests click with element.click(), which the browser would not mark as the user's; let them through here. */
const trusting = { isTrusted: () => true };

describe('in-page save button', () => {
  it('lives in a closed shadow root: the page sees a host with no way in', () => {
    const b = createSaveButton(document, handlers());
    document.body.append(b.host);
    expect(b.host.shadowRoot).toBeNull();
    expect(b.host.querySelector('button')).toBeNull();
    const buttons = b.root.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.textContent).toBe('Save to Introbook');
    b.host.remove();
  });

  it('ignores clicks that are not the user’s: a page script’s click() saves nothing', () => {
    const h = handlers();
    const b = createSaveButton(document, h);
    b.root.querySelector('button')!.click();
    b.root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(h.onSave).not.toHaveBeenCalled();
  });

  it('shows Saved with an open link that names the person, as text', () => {
    const h = handlers();
    const b = createSaveButton(document, h, trusting);
    b.render({ kind: 'saved', name: '<b>Ada</b>' });
    expect(b.root.querySelector('[role="status"]')!.textContent).toBe('Saved');
    const open = b.root.querySelector('button')!;
    expect(open.getAttribute('aria-label')).toBe('Open <b>Ada</b> in the Introbook side panel');
    expect(b.root.querySelector('b')).toBeNull();
    open.click();
    expect(h.onOpen).toHaveBeenCalledOnce();
  });

  it('keeps the Save button beside an error message', () => {
    const h = handlers();
    const b = createSaveButton(document, h, trusting);
    b.render({ kind: 'error', message: 'Nope' });
    expect(b.root.querySelector('[role="alert"]')!.textContent).toBe('Nope');
    b.root.querySelector('button')!.click();
    expect(h.onSave).toHaveBeenCalledOnce();
  });

  it('a note has nothing to click: no Save that does nothing', () => {
    const b = createSaveButton(document, handlers(), trusting);
    b.render({ kind: 'note', message: 'No person here.' });
    expect(b.root.querySelectorAll('button')).toHaveLength(0);
    expect(b.root.querySelector('[role="status"]')!.textContent).toBe('No person here.');
  });

  it('asks before a rename and offers both answers, focused for the keyboard', () => {
    const h = handlers();
    const b = createSaveButton(document, h, trusting);
    document.body.append(b.host);
    b.render({ kind: 'confirm-name', name: 'Bert Example' });
    const dialog = b.root.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('“Bert Example”');
    const [confirm, cancel] = Array.from(dialog.querySelectorAll('button'));
    expect(confirm!.getAttribute('aria-label')).toBe('Rename and save as Bert Example');
    expect(b.root.activeElement).toBe(confirm);
    confirm!.click();
    cancel!.click();
    expect(h.onConfirmName).toHaveBeenCalledOnce();
    expect(h.onCancel).toHaveBeenCalledOnce();
    b.host.remove();
  });

  it('keeps keyboard focus inside while saving and when saved', () => {
    const b = createSaveButton(document, handlers(), trusting);
    document.body.append(b.host);
    b.root.querySelector('button')!.focus();
    b.render({ kind: 'saving' });
    expect(b.root.activeElement?.textContent).toBe('Saving…');
    b.render({ kind: 'saved', name: 'Ada' });
    expect(b.root.activeElement?.textContent).toBe('Open in side panel');
    b.host.remove();
  });

  it('does not let its clicks reach the page', () => {
    const pageHandler = vi.fn();
    document.body.addEventListener('click', pageHandler);
    const b = createSaveButton(document, handlers(), trusting);
    document.body.append(b.host);
    b.root.querySelector('button')!.click();
    expect(pageHandler).not.toHaveBeenCalled();
    b.host.remove();
  });

  it('puts words on its own surface (the bar’s text class), and redoes nothing when asked to show Save again', () => {
    const b = createSaveButton(document, handlers(), trusting);
    const bar = b.root.querySelector('.bar')!;
    const save = b.root.querySelector('button')!;
    expect(bar.classList.contains('text')).toBe(false);
    b.render({ kind: 'idle' });
    // The same element: the page's first render after creating the button costs no DOM work.
    expect(b.root.querySelector('button')).toBe(save);
    b.render({ kind: 'saved', name: 'Ada' });
    expect(bar.classList.contains('text')).toBe(true);
    b.render({ kind: 'error', message: 'No answer.' });
    expect(bar.classList.contains('text')).toBe(false);
    // From an error back to Save: the message bubble goes.
    b.render({ kind: 'idle' });
    expect(b.root.querySelector('.bubble')).toBeNull();
    expect(Array.from(b.root.querySelectorAll('button'), (e) => e.textContent)).toStrictEqual(['Save to Introbook']);
    expect(b.root.querySelector('style')!.textContent).not.toContain(':has(');
  });

  it('says nothing through its size: the host has one fixed box, whatever it shows', () => {
    const b = createSaveButton(document, handlers());
    const style = b.root.querySelector('style')!.textContent!;
    // Size containment with a fixed width and height: the content never sizes the host
    // (the end-to-end test measures the boxes of a saved and an unsaved profile).
    expect(style).toMatch(/:host \{[^}]*width: 17\.5em; height: 2\.4em;[^}]*contain: size layout style;/);
  });
});
