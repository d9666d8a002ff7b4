// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createSaveButton } from './save-button';

function shadow(host: HTMLElement): ShadowRoot {
  return host.shadowRoot!;
}

describe('in-page save button', () => {
  it('starts as one "Save to Introbook" button in an open shadow root', () => {
    const b = createSaveButton(document, { onSave: vi.fn(), onOpen: vi.fn() });
    const buttons = shadow(b.host).querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.textContent).toBe('Save to Introbook');
  });

  it('shows Saved with an open link that names the person, as text', () => {
    const onOpen = vi.fn();
    const b = createSaveButton(document, { onSave: vi.fn(), onOpen });
    b.render({ kind: 'saved', name: '<b>Ada</b>' });
    const root = shadow(b.host);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved');
    const open = root.querySelector('button')!;
    expect(open.getAttribute('aria-label')).toBe('Open <b>Ada</b> in the Introbook side panel');
    expect(root.querySelector('b')).toBeNull();
    open.click();
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('keeps the Save button beside an error message', () => {
    const onSave = vi.fn();
    const b = createSaveButton(document, { onSave, onOpen: vi.fn() });
    b.render({ kind: 'error', message: 'Nope' });
    const root = shadow(b.host);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Nope');
    root.querySelector('button')!.click();
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('does not let its clicks reach the page', () => {
    const pageHandler = vi.fn();
    document.body.addEventListener('click', pageHandler);
    const b = createSaveButton(document, { onSave: vi.fn(), onOpen: vi.fn() });
    document.body.append(b.host);
    shadow(b.host).querySelector('button')!.click();
    expect(pageHandler).not.toHaveBeenCalled();
    b.host.remove();
  });
});
