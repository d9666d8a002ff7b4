/**
 * The in-page "Save to Introbook" control: plain DOM in an open shadow root, so
 * LinkedIn's styles and ours never mix. All text goes in through textContent.
 */

export type ButtonState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; name: string }
  | { kind: 'error'; message: string };

export const HOST_ID = 'introbook-save-root';

const STYLE = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin: 6px 0 6px 8px; font: 14px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; }
:host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.wrap { display: inline-flex; align-items: center; gap: 8px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 5px 14px; border: 1px solid #5b3fd4; }
button.primary { background: #5b3fd4; color: #fff; font-weight: 600; }
button.primary:hover { background: #4a31b8; }
button.link { background: #fff; color: #4a31b8; }
button:disabled { opacity: .7; cursor: progress; }
button:focus-visible { outline: 3px solid #f5b400; outline-offset: 2px; }
.status { color: #1d6b35; font-weight: 600; }
.error { color: #a4262c; max-width: 32em; }
`;

export interface SaveButton {
  host: HTMLElement;
  render(state: ButtonState): void;
  state(): ButtonState;
}

export function createSaveButton(doc: Document, handlers: { onSave(): void; onOpen(): void }): SaveButton {
  const host = doc.createElement('introbook-save');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const wrap = doc.createElement('div');
  wrap.className = 'wrap';
  root.append(style, wrap);
  // Keep our clicks and keys from reaching LinkedIn's own handlers.
  for (const type of ['click', 'keydown', 'keyup', 'mousedown', 'pointerdown']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }

  let current: ButtonState = { kind: 'idle' };

  function button(label: string, className: string, onClick: () => void, ariaLabel?: string): HTMLButtonElement {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    if (ariaLabel) b.setAttribute('aria-label', ariaLabel);
    b.addEventListener('click', onClick);
    return b;
  }

  function render(state: ButtonState): void {
    current = state;
    wrap.replaceChildren();
    switch (state.kind) {
      case 'idle':
        wrap.append(button('Save to Introbook', 'primary', handlers.onSave));
        break;
      case 'saving': {
        const b = button('Saving…', 'primary', () => {}, 'Saving to Introbook');
        b.disabled = true;
        wrap.append(b);
        break;
      }
      case 'saved': {
        const status = doc.createElement('span');
        status.className = 'status';
        status.setAttribute('role', 'status');
        status.textContent = 'Saved';
        wrap.append(
          status,
          button('Open in side panel', 'link', handlers.onOpen, `Open ${state.name} in the Introbook side panel`),
        );
        break;
      }
      case 'error': {
        const message = doc.createElement('span');
        message.className = 'error';
        message.setAttribute('role', 'alert');
        message.textContent = state.message;
        wrap.append(button('Save to Introbook', 'primary', handlers.onSave), message);
        break;
      }
    }
  }

  render(current);
  return { host, render, state: () => current };
}
