import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { useSettingsState } from '@/components/hooks';
import { OptionsPage } from '@/components/OptionsPage';
import { Toasts } from '@/components/Toasts';
import { getDb } from '@/utils/db/db';
import '@/components/styles.css';
import { t } from '@/utils/i18n';

function Options() {
  const { settings, loaded } = useSettingsState();
  return (
    <>
      <OptionsPage db={getDb()} settings={settings} loaded={loaded} />
      <Toasts />
    </>
  );
}

document.title = t('options.title');
document.documentElement.lang = t('htmlLang');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseGate>
      <Options />
    </DatabaseGate>
  </StrictMode>,
);
