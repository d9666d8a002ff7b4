/**
 * What Introbook keeps, where, what leaves the machine, and why it asks for
 * each permission. One source for the privacy page in the extension, kept in
 * step with PRIVACY.md and the built manifests by tests/release/manifest.test.ts
 * (every permission and host the manifest asks for must be explained here and
 * be on tests/release/manifest-allowlist.json).
 */

export const PERMISSION_PURPOSES: Record<string, string> = {
  storage: 'Remember, until the browser closes, which person or request the side panel should open (session storage, out of web pages’ reach).',
  unlimitedStorage: 'Keep your people, notes and safety copies however many you save, and keep the browser from evicting them when the disk runs low.',
  contextMenus: 'Add “Save person to Introbook” to the right-click menu on LinkedIn pages.',
  activeTab: 'Read the page you are on only when you click the toolbar button or press the shortcut, so Introbook needs no access to other sites.',
  scripting: 'Run the page reader once in that tab, after such a click.',
  alarms: 'Wake up when a follow-up falls due, and once an hour for the daily safety copy.',
  notifications: 'Tell you when a follow-up is due, when it is time to export a backup, and the result of a save by shortcut or menu.',
  sidePanel: 'Show your people, requests and prep notes beside the page (Chrome; Firefox uses its sidebar).',
};

/** Host access, by the host pattern the manifest uses (content scripts and host permissions). */
export const HOST_PURPOSES: { pattern: RegExp; label: string; purpose: string }[] = [
  {
    // www., m. and the two-letter country hosts, https only (utils/core/canonical-url.ts LINKEDIN_MATCHES): not every subdomain.
    pattern: /^https:\/\/(?:www|m|[a-z]{2})\.linkedin\.com\/\*$/,
    label: 'linkedin.com',
    purpose: 'Read the profile on screen and show the Save button next to the name. Nothing is read on other LinkedIn pages, and nothing is sent to LinkedIn.',
  },
  {
    pattern: /^https:\/\/media\.licdn\.com\/\*$/,
    label: 'media.licdn.com',
    purpose: 'Fetch the photo of a person you save, once, without cookies, and keep a small copy on your computer.',
  },
  {
    // Zoom's web client lives under /wc/ (the content script matches only that).
    pattern: /^https:\/\/(?:meet\.google\.com|(?:\*\.|app\.)?zoom\.us|teams\.microsoft\.com|teams\.live\.com|teams\.cloud\.microsoft)\/(?:wc\/)?\*$/,
    label: 'Google Meet, Zoom, Microsoft Teams',
    purpose: 'Notice when a call with a saved person is in the active tab, to open your prep notes. Nothing about the call leaves your computer.',
  },
];

export function hostPurpose(pattern: string): { label: string; purpose: string } | null {
  return HOST_PURPOSES.find((h) => h.pattern.test(pattern)) ?? null;
}

export const STORED: { what: string; where: string }[] = [
  {
    what: 'People you save: name, role, company, headline, location, profile link, connection degree and the mutual connections the page showed; your own notes and how you know them.',
    where: 'The extension’s IndexedDB database on this computer (not the web page’s storage).',
  },
  { what: 'A small copy of each saved person’s photo.', where: 'The same database. Introbook pages never load photos from the web.' },
  { what: 'Introduction requests, their history, the messages you drafted, meetings and prep notes.', where: 'The same database.' },
  { what: 'Your settings: name, background, goal, résumé link, time zone and working days.', where: 'The same database (not storage.local, which some browsers let page scripts read).' },
  {
    what: 'Capture problems: the structure of profile pages Introbook could not read fully (tag names, roles, attribute names, the path to each field; no names, text or links), for you to copy into a bug report. Whether sync is on, and sync’s own state.',
    where: 'The same database (not storage.local). Never synced, exported or sent.',
  },
  { what: 'Safety copies: the last 7 daily copies of all of the above (without photos), compressed, and the last 3 taken before an import or restore.', where: 'A second database of the extension on this computer.' },
];

export const LEAVES_THE_MACHINE: string[] = [
  'Nothing, unless you export a file (it goes where you save it) or turn on sync.',
  'Introbook never sends a message itself: you send every ask through your own email or LinkedIn.',
  'The only request Introbook makes on its own is fetching a saved person’s photo, once, from LinkedIn’s image server, without cookies.',
  'If you turn on sync, changes are encrypted in your browser before they leave and go only to the relay you entered: it sees their size and timing, never names, notes, links or settings. Photos and safety copies never sync.',
  'Uninstalling the extension deletes everything above from this computer. Export a copy first if you want to keep it.',
];
