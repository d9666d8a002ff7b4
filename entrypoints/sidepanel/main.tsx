import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RemoteGate } from '@/components/RemoteGate';
import '@/components/styles.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('sidepanel.title');
// The language of the messages in use (English when the browser's has no translation yet).
document.documentElement.lang = t('htmlLang');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RemoteGate>
      <App />
    </RemoteGate>
  </StrictMode>,
);
