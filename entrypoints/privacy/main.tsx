import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PrivacyPage, type ManifestAccess } from '@/components/PrivacyPage';
import '@/components/styles.css';
import { t } from '@/utils/i18n';

document.title = t('privacyPage.pageTitle');
// The language of the messages in use (English when the browser's has no translation yet).
document.documentElement.lang = t('htmlLang');

/** The permissions and hosts this build actually holds, read from its own manifest. */
function access(): ManifestAccess {
  const manifest = browser.runtime.getManifest() as {
    permissions?: string[];
    host_permissions?: string[];
    content_scripts?: { matches?: string[] }[];
  };
  const isHost = (p: string) => p.includes('://') || p === '<all_urls>';
  const permissions = (manifest.permissions ?? []).filter((p) => !isHost(p));
  const hosts = [
    ...(manifest.permissions ?? []).filter(isHost),
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ];
  return { permissions, hosts: Array.from(new Set(hosts)) };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrivacyPage access={access()} />
  </StrictMode>,
);
