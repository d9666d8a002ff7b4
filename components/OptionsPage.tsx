import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import type { Settings } from '@/utils/domain/schemas';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { SettingsView } from './SettingsView';
import { TemplatesView } from './TemplatesView';

const SECTIONS = [
  ['options-profile', 'Profile, reminders and data'],
  ['options-templates', 'Templates'],
  ['options-privacy', 'Privacy'],
  ['options-shortcuts', 'Keyboard shortcuts'],
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
        <h1>
          <span className="brand">
            <img src="/icon/48.png" alt="" width={28} height={28} />
            Introbook options
          </span>
        </h1>
        <nav aria-label="Options sections" className="page-nav">
          {SECTIONS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <section id="options-profile" aria-label="Profile, reminders and data" className="options-stack">
        {/* Settings (profile, prepared answers, week, reminders) then capture health, data and sync, as in the side panel. */}
        <SettingsView key={loaded ? 'loaded' : 'loading'} settings={settings} />
      </section>
      <section id="options-templates" aria-labelledby="options-templates-title">
        <h2 className="panel-title" id="options-templates-title">
          Templates
        </h2>
        <TemplatesView db={db} />
      </section>
      <section id="options-privacy" className="panel" aria-labelledby="options-privacy-title">
        <h2 className="panel-title" id="options-privacy-title">
          Privacy
        </h2>
        <p>Everything Introbook keeps stays in this browser. It sends nothing anywhere unless you export it or turn on sync.</p>
        <div className="actions">
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/privacy.html') })}>
            What is stored, and what each permission is for
          </button>
        </div>
      </section>
      <div id="options-shortcuts">
        <KeyboardShortcuts />
      </div>
    </main>
  );
}
