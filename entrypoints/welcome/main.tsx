import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { useSettingsState } from '@/components/hooks';
import { WelcomePage } from '@/components/WelcomePage';
import '@/components/styles.css';
import { t } from '@/utils/i18n';

function Welcome() {
  const { settings, loaded } = useSettingsState();
  return <WelcomePage settings={settings} loaded={loaded} />;
}

document.title = t('welcome.title');
document.documentElement.lang = t('htmlLang');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseGate>
      <Welcome />
    </DatabaseGate>
  </StrictMode>,
);
