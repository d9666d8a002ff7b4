/**
 * What Introbook keeps, where, what leaves the machine, and why it asks for
 * each permission. One source for the privacy page in the extension, kept in
 * step with PRIVACY.md and the built manifests by tests/release/manifest.test.ts
 * (every permission and host the manifest asks for must be explained here and
 * be on tests/release/manifest-allowlist.json). The words are messages
 * (locales/en.yml, `privacy.*`), looked up when read.
 */
import { labels, t } from './i18n';

export const PERMISSION_PURPOSES: Record<string, string> = labels({
  storage: 'privacy.permStorage',
  unlimitedStorage: 'privacy.permUnlimitedStorage',
  contextMenus: 'privacy.permContextMenus',
  activeTab: 'privacy.permActiveTab',
  scripting: 'privacy.permScripting',
  alarms: 'privacy.permAlarms',
  notifications: 'privacy.permNotifications',
  sidePanel: 'privacy.permSidePanel',
});

/** Host access, by the host pattern the manifest uses (content scripts and host permissions). The labels are host and product names. */
export const HOST_PURPOSES: { pattern: RegExp; label: string; readonly purpose: string }[] = [
  {
    // www., m. and the two-letter country hosts, https only (utils/core/canonical-url.ts LINKEDIN_MATCHES): not every subdomain.
    pattern: /^https:\/\/(?:www|m|[a-z]{2})\.linkedin\.com\/\*$/,
    label: 'linkedin.com',
    get purpose() {
      return t('privacy.hostLinkedIn');
    },
  },
  {
    pattern: /^https:\/\/media\.licdn\.com\/\*$/,
    label: 'media.licdn.com',
    get purpose() {
      return t('privacy.hostLicdn');
    },
  },
  {
    // Zoom's web client lives under /wc/ (the content script matches only that).
    pattern: /^https:\/\/(?:meet\.google\.com|(?:\*\.|app\.)?zoom\.us|teams\.microsoft\.com|teams\.live\.com|teams\.cloud\.microsoft)\/(?:wc\/)?\*$/,
    // i18n-ignore: product names, the same in every language
    label: 'Google Meet, Zoom, Microsoft Teams',
    get purpose() {
      return t('privacy.hostCalls');
    },
  },
];

export function hostPurpose(pattern: string): { label: string; purpose: string } | null {
  return HOST_PURPOSES.find((h) => h.pattern.test(pattern)) ?? null;
}

/** What Introbook keeps, and where: each a pair of messages, read when shown. */
export const STORED: readonly { readonly what: string; readonly where: string }[] = [
  labels({ what: 'privacy.storedPeople', where: 'privacy.storedPeopleWhere' }),
  labels({ what: 'privacy.storedPhotos', where: 'privacy.storedPhotosWhere' }),
  labels({ what: 'privacy.storedRequests', where: 'privacy.sameDatabase' }),
  labels({ what: 'privacy.storedSettings', where: 'privacy.storedSettingsWhere' }),
  labels({ what: 'privacy.storedProblems', where: 'privacy.storedProblemsWhere' }),
  labels({ what: 'privacy.storedCopies', where: 'privacy.storedCopiesWhere' }),
];

/** What leaves the computer, one sentence each, in the user's language. */
export function leavesTheMachine(): string[] {
  return [t('privacy.leavesNothing'), t('privacy.leavesNoSending'), t('privacy.leavesPhotos'), t('privacy.leavesSync'), t('privacy.leavesUninstall')];
}
