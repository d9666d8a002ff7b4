import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RemoteGate } from '@/components/RemoteGate';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';

document.title = t('extName');
document.documentElement.lang = t('htmlLang');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RemoteGate>
      <App />
    </RemoteGate>
  </StrictMode>,
);
