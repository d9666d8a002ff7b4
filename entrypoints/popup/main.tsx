import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RemoteGate } from '@/components/RemoteGate';
import { prefetchPopup } from '@/utils/remote/first-view';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';

document.title = t('extName');
document.documentElement.lang = t('htmlLang');

// The first view's questions go to the background now, while React renders (utils/remote/first-view.ts).
prefetchPopup();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RemoteGate>
      <App />
    </RemoteGate>
  </StrictMode>,
);
