import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { tx } from './i18n';

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
        {t('shortcuts.title')}
      </h2>
      {commands === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <dl className="shortcuts">
          {commands.map((c) => (
            <div key={c.name} className="contents">
              <dt>{c.description ?? c.name}</dt>
              <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span className="muted">{t('shortcuts.notSet')}</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      {isFirefox() ? (
        <p className="muted small">
          {tx('shortcuts.firefoxHow', {
            // i18n-ignore: Firefox's page address, typed as is
            page: <code>{'about:addons'}</code>,
            item: <b>{t('shortcuts.firefoxMenuItem')}</b>,
          })}
        </p>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
            {t('shortcuts.change')}
          </button>
        </div>
      )}
    </section>
  );
}
