import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

const isFirefox = () => browser.runtime.getURL('/').startsWith('moz-extension:');

/** Introbook's keyboard shortcuts as the browser has them now, and where to change them. */
export function KeyboardShortcuts() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setCommands(all.filter((c) => c.name !== '_execute_action' && c.name !== '_execute_browser_action')),
      () => setCommands([]),
    );
  }, []);
  return (
    <section className="panel" aria-labelledby="shortcuts-title">
      <h2 className="panel-title" id="shortcuts-title">
        Keyboard shortcuts
      </h2>
      {commands === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="shortcuts">
          {commands.map((c) => (
            <div key={c.name} className="contents">
              <dt>{c.description ?? c.name}</dt>
              <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span className="muted">Not set</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      {isFirefox() ? (
        <p className="muted small">
          To change them, open <code>about:addons</code>, click the gear menu and choose <b>Manage Extension Shortcuts</b>.
        </p>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
            Change shortcuts in the browser
          </button>
        </div>
      )}
    </section>
  );
}
