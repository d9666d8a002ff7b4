/**
 * The in-page "Save to Introbook" control: plain DOM in a **closed** shadow
 * root, so the page's scripts can neither reach its buttons nor read what it
 * says ("Saved" would tell the page whom the user keeps). Only clicks the
 * browser marks as the user's (`isTrusted`) do anything: a page script that
 * clicks or dispatches events gets no save and no change to observe. The host
 * has one fixed size in every state, so its box says nothing either; messages
 * open in a bubble that overflows it. All text goes in through textContent.
 */

import { msg } from './messages';

export type ButtonState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; name: string; notice?: string }
  | { kind: 'error'; message: string }
  /** Something to say and nothing to do here (no person on the page, still loading). */
  | { kind: 'note'; message: string }
  /** The stored record has another name: save under the page's `name` only if the user says so. */
  | { kind: 'confirm-name'; name: string };

export const HOST_ID = 'introbook-save-root';

/**
 * The design system's colour tokens (components/tokens.css), repeated here
 * because the shadow root sees none of the page's styles (and the content
 * script stays small); tests/unit/design-tokens.test.ts keeps them in step.
 */
const STYLE = `
:host { all: initial; display: inline-block; position: relative; box-sizing: border-box; width: 17.5em; height: 2.4em;
  contain: size layout style; vertical-align: middle; margin: 6px 0 6px 8px; font: 14px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --ib-surface: #ffffff; --ib-text: #1d1d23; --ib-accent: #5b3fd4; --ib-accent-hover: #4a31b8; --ib-on-accent: #ffffff; --ib-accent-ink: #4a31b8;
  --ib-border: #dcdce4; --ib-ok: #1d6b35; --ib-danger: #a4262c; --ib-focus: #c98a00; --ib-ease: 120ms ease-out;
  color: var(--ib-text); }
@media (prefers-color-scheme: dark) {
  :host { --ib-surface: #1e1e25; --ib-text: #ececf2; --ib-accent: #6a4fe6; --ib-accent-hover: #5a3fd6; --ib-on-accent: #ffffff; --ib-accent-ink: #b9abff;
    --ib-border: #3a3a47; --ib-ok: #7fd69a; --ib-danger: #ff8a8f; --ib-focus: #f5b400; }
}
@media (prefers-reduced-motion: reduce) { :host { --ib-ease: 0s; } }
:host([data-floating]) { position: fixed; right: 16px; bottom: 16px; margin: 0; z-index: 2147483646; }
.bar { display: inline-flex; align-items: center; gap: 8px; height: 100%; max-width: 100%; white-space: nowrap; box-sizing: border-box;
  border-radius: 999px; padding: 0 2px; }
/* Text sits on our own surface, readable on a light or dark page (a class set by render: cheaper to style than a relational selector). */
.bar.text { background: var(--ib-surface); }
.bar > span { padding: 0 6px; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 5px 14px; border: 1px solid var(--ib-accent); transition: background-color var(--ib-ease); }
button.primary { background: var(--ib-accent); color: var(--ib-on-accent); font-weight: 600; }
button.primary:hover { background: var(--ib-accent-hover); }
button.link { background: var(--ib-surface); color: var(--ib-accent-ink); }
button[aria-disabled="true"] { opacity: .7; cursor: progress; }
button:focus-visible { outline: 3px solid var(--ib-focus); outline-offset: 2px; }
.status { color: var(--ib-ok); font-weight: 600; }
.brand { color: var(--ib-accent-ink); font-weight: 600; }
.bubble { position: absolute; top: calc(100% + 4px); left: 0; z-index: 2147483646; box-sizing: border-box; width: max-content; max-width: 26em;
  padding: 8px 10px; border: 1px solid var(--ib-border); border-radius: 8px; background: var(--ib-surface); color: var(--ib-text); box-shadow: 0 2px 8px rgba(0,0,0,.15); white-space: normal; }
:host([data-floating]) .bubble { top: auto; bottom: calc(100% + 4px); left: auto; right: 0; }
.bubble .actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.error { color: var(--ib-danger); }
`;

export interface SaveHandlers {
  onSave(): void;
  onOpen(): void;
  onConfirmName(): void;
  onCancel(): void;
}

export interface SaveButton {
  host: HTMLElement;
  render(state: ButtonState): void;
  state(): ButtonState;
  /** The closed root, for this content script only (the page gets null from `host.shadowRoot`). */
  root: ShadowRoot;
}

export interface SaveButtonOptions {
  /** Which events count as the user's. Only tests relax this. */
  isTrusted?: (event: Event) => boolean;
}

export function createSaveButton(doc: Document, handlers: SaveHandlers, options: SaveButtonOptions = {}): SaveButton {
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  const host = doc.createElement('introbook-save');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  root.append(style, bar);
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
    b.addEventListener('click', (event) => {
      // A page script's click() or dispatchEvent() is not the user's click.
      if (!isTrusted(event)) return;
      onClick();
    });
    return b;
  }

  function text(tag: string, className: string, content: string, role?: string): HTMLElement {
    const el = doc.createElement(tag);
    el.className = className;
    el.textContent = content;
    if (role) el.setAttribute('role', role);
    return el;
  }

  function bubble(...children: Node[]): HTMLElement {
    const b = doc.createElement('div');
    b.className = 'bubble';
    b.append(...children);
    return b;
  }

  function render(state: ButtonState): void {
    // Already showing Save and nothing else (the page's first render after creation): no DOM work to redo.
    if (state.kind === 'idle' && current.kind === 'idle' && bar.firstChild && !root.querySelector('.bubble')) return;
    // Keyboard users keep their place: focus stays in the control when its content changes.
    const hadFocus = root.activeElement !== null;
    current = state;
    bar.replaceChildren();
    // Words on the bar (not just a button) get the bar's own surface.
    bar.classList.toggle('text', state.kind !== 'idle' && state.kind !== 'saving' && state.kind !== 'error');
    for (const old of Array.from(root.querySelectorAll('.bubble'))) old.remove();
    switch (state.kind) {
      case 'idle':
        bar.append(button(msg('inPage.save'), 'primary', handlers.onSave));
        break;
      case 'saving': {
        // aria-disabled, not disabled: a disabled button drops the keyboard focus.
        const b = button(msg('inPage.saving'), 'primary', () => {}, msg('inPage.savingLabel'));
        b.setAttribute('aria-disabled', 'true');
        bar.append(b);
        break;
      }
      case 'saved':
        bar.append(
          text('span', 'status', msg('inPage.saved'), 'status'),
          button(msg('inPage.open'), 'link', handlers.onOpen, msg('inPage.openLabel', state.name)),
        );
        if (state.notice) root.append(bubble(text('p', 'notice', state.notice, 'status')));
        break;
      case 'error':
        bar.append(button(msg('inPage.save'), 'primary', handlers.onSave));
        root.append(bubble(text('span', 'error', state.message, 'alert')));
        break;
      case 'note':
        bar.append(text('span', 'brand', msg('inPage.brand')));
        root.append(bubble(text('span', 'note', state.message, 'status')));
        break;
      case 'confirm-name': {
        bar.append(text('span', 'brand', msg('inPage.brand')));
        const actions = doc.createElement('div');
        actions.className = 'actions';
        actions.append(
          button(msg('inPage.saveAs', state.name), 'primary', handlers.onConfirmName, msg('inPage.saveAsLabel', state.name)),
          button(msg('inPage.cancel'), 'link', handlers.onCancel, msg('inPage.cancelLabel')),
        );
        const group = bubble(
          text('p', 'question', msg('inPage.renameQuestion', state.name)),
          actions,
        );
        group.setAttribute('role', 'alertdialog');
        group.setAttribute('aria-label', msg('inPage.renameLabel'));
        root.append(group);
        // The user just asked to save: the question takes the focus.
        actions.querySelector('button')?.focus();
        return;
      }
    }
    if (hadFocus) root.querySelector<HTMLButtonElement>('button')?.focus();
  }

  render(current);
  return { host, render, state: () => current, root };
}
