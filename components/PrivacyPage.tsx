import { hostPurpose, LEAVES_THE_MACHINE, PERMISSION_PURPOSES, STORED } from '@/utils/privacy';

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
        <span className="brand">Introbook</span> privacy
      </h1>
      <section className="panel" aria-labelledby="privacy-stored">
        <h2 className="panel-title" id="privacy-stored">
          What is stored, and where
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
          What leaves your computer
        </h2>
        <ul>
          {LEAVES_THE_MACHINE.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="privacy-permissions">
        <h2 className="panel-title" id="privacy-permissions">
          Permissions, and what each is for
        </h2>
        <dl className="fields">
          {access.permissions.map((permission) => (
            <div key={permission} className="privacy-row">
              <dt>
                <code>{permission}</code>
              </dt>
              <dd>{PERMISSION_PURPOSES[permission] ?? 'Not explained: please report this.'}</dd>
            </div>
          ))}
          {hostLabels.map(([label, purpose]) => (
            <div key={label} className="privacy-row">
              <dt>{label}</dt>
              <dd>{purpose || 'Not explained: please report this.'}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
