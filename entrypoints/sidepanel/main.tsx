import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RemoteGate } from '@/components/RemoteGate';
import { prefetchSidePanel } from '@/utils/remote/first-view';
import '@/components/styles.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('sidepanel.title');
// The language of the messages in use (English when the browser's has no translation yet).
document.documentElement.lang = t('htmlLang');

// The first view's questions go to the background now, while React renders (utils/remote/first-view.ts).
prefetchSidePanel();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RemoteGate>
      <App />
    </RemoteGate>
  </StrictMode>,
);
