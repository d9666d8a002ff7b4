import { BrandHeading } from './Brand';
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import type { Settings } from '@/utils/domain/schemas';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { SettingsView } from './SettingsView';
import { TemplatesView } from './TemplatesView';
import { t } from '@/utils/i18n';

const SECTIONS = [
  ['options-profile', 'options.profileSection'],
  ['options-templates', 'options.templates'],
  ['options-privacy', 'options.privacy'],
  ['options-shortcuts', 'shortcuts.title'],
] as const;

/**
 * The options page: the side panel's settings views on one page (your
 * profile, working week and reminders; templates; your data, backup and
 * sync; privacy; keyboard shortcuts).
 */
export function OptionsPage({ db, settings, loaded }: { db: IntrobookDB; settings: Settings; loaded: boolean }) {
  return (
    <main className="app page options">
      <header className="page-header">
        <BrandHeading title={t('options.title')} size={28} />
        <nav aria-label={t('options.sections')} className="page-nav">
          {SECTIONS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              {t(label)}
            </a>
          ))}
        </nav>
      </header>
      <section id="options-profile" aria-label={t('options.profileSection')} className="options-stack">
        {/* Settings (profile, prepared answers, week, reminders) then capture health, data and sync, as in the side panel. */}
        <SettingsView key={loaded ? 'loaded' : 'loading'} settings={settings} />
      </section>
      <section id="options-templates" aria-labelledby="options-templates-title">
        <h2 className="panel-title" id="options-templates-title">
          {t('options.templates')}
        </h2>
        <TemplatesView db={db} />
      </section>
      <section id="options-privacy" className="panel" aria-labelledby="options-privacy-title">
        <h2 className="panel-title" id="options-privacy-title">
          {t('options.privacy')}
        </h2>
        <p>{t('options.privacyText')}</p>
        <div className="actions">
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/privacy.html') })}>
            {t('options.privacyPage')}
          </button>
        </div>
      </section>
      <div id="options-shortcuts">
        <KeyboardShortcuts />
      </div>
    </main>
  );
}
