import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

/** The page's heading: Introbook's icon (decorative) beside a title. One for every page. */
export function BrandHeading({ title, size = 20 }: { title: string; size?: number }) {
  return (
    <h1>
      <span className="brand">
        <img src={size > 24 ? '/icon/48.png' : '/icon/32.png'} alt="" width={size} height={size} />
        {title}
      </span>
    </h1>
  );
}

/** The popup's and side panel's header: the brand, and the way to the options page. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <BrandHeading title={t('extName')} />
      {children}
      <button type="button" className="link-button small" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('sidepanel.options')}
      </button>
    </header>
  );
}
