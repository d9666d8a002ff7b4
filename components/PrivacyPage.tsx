import { hostPurpose, leavesTheMachine, PERMISSION_PURPOSES, STORED } from '@/utils/privacy';
import { t } from '@/utils/i18n';
import { tx } from './i18n';

export interface ManifestAccess {
  permissions: string[];
  hosts: string[];
}

/** What Introbook stores, where, what leaves the machine, and what each permission it holds is for. */
export function PrivacyPage({ access }: { access: ManifestAccess }) {
  const hostLabels = Array.from(new Map(access.hosts.map((h) => [hostPurpose(h)?.label ?? h, hostPurpose(h)?.purpose ?? ''])).entries());
  return (
    <main className="app privacy">
      <h1>
        {tx('privacyPage.title', { name: <span className="brand">{t('extName')}</span> })}
      </h1>
      <section className="panel" aria-labelledby="privacy-stored">
        <h2 className="panel-title" id="privacy-stored">
          {t('privacyPage.whatIsStoredAndWhere')}
        </h2>
        <dl className="fields">
          {STORED.map((item) => (
            <div key={item.what} className="privacy-row">
              <dt>{item.what}</dt>
              <dd>{item.where}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="privacy-leaves">
        <h2 className="panel-title" id="privacy-leaves">
          {t('privacyPage.whatLeavesYourComputer')}
        </h2>
        <ul>
          {leavesTheMachine().map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="privacy-permissions">
        <h2 className="panel-title" id="privacy-permissions">
          {t('privacyPage.permissionsAndWhatEachIsFor')}
        </h2>
        <dl className="fields">
          {access.permissions.map((permission) => (
            <div key={permission} className="privacy-row">
              <dt>
                <code>{permission}</code>
              </dt>
              <dd>{PERMISSION_PURPOSES[permission] ?? t('privacyPage.notExplainedPleaseReportThis')}</dd>
            </div>
          ))}
          {hostLabels.map(([label, purpose]) => (
            <div key={label} className="privacy-row">
              <dt>{label}</dt>
              <dd>{purpose || t('privacyPage.notExplainedPleaseReportThis')}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
