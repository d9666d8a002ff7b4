import { browser } from 'wxt/browser';
import { InternalError } from './core/internal-error';

interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/**
 * The toolbar button's API: `action` in Manifest V3 (Chrome), `browserAction`
 * in Manifest V2 (the Firefox build), where `browser.action` is undefined and
 * any call on it throws before the rest of the caller runs.
 */
export function toolbarButton(): ToolbarButton {
  const api = browser as unknown as { action?: ToolbarButton; browserAction?: ToolbarButton };
  const button = api.action ?? api.browserAction;
  if (!button) throw new InternalError('This browser has no toolbar button API.');
  return button;
}
