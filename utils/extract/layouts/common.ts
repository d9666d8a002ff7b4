/**
 * What hidden, screen-reader-only and still-loading UI looks like in HTML in
 * general (every site, LinkedIn included), as data. The text helpers in
 * ../text.ts read it; a site file adds its own hooks.
 *
 * Rule (issue #7): text the user cannot see is never a field value, and a
 * value shown twice — a visible copy plus a screen-reader copy — is read once.
 */

/** Elements whose content is never text a user reads. */
export const NEVER_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'iframe', 'object', 'canvas', 'select', 'option', 'datalist']);

/** Dialogs and modals: their text belongs to an overlay, never to the page under it. */
export const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/**
 * Screen-reader-only copies by class: LinkedIn's `visually-hidden` beside an
 * `aria-hidden` visible twin, and the usual names other sites use. Matched as
 * whole class tokens.
 */
export const SCREEN_READER_CLASSES: ReadonlySet<string> = new Set([
  'visually-hidden',
  'a11y-text',
  'sr-only',
  'screen-reader-text',
  'screen-reader-only',
  'screenreader-only',
  'assistive-text',
  'u-hiddenVisually',
  'element-invisible',
]);

/**
 * Inline styles that hide an element, or clip it to nothing the way
 * screen-reader-only CSS does. Class-based hiding can't be seen without
 * computing styles, which extractors don't do (except to break a tie, see
 * `displayedOf`); hidden overlays are caught by their ARIA instead.
 */
export const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:!important\s*)?(?:;|$)|clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0|clip-path\s*:\s*inset\(\s*50%)/i;

/** Elements that mark a page (or part of one) as still loading. */
export const LOADING_SELECTOR = '[aria-busy="true"], [role="progressbar"], progress, .artdeco-loader, .scaffold-skeleton, .initial-load-animation';

/**
 * Word-like class tokens of placeholders that stand in for content until it
 * loads. Such an element counts only when it is an empty box: an image with one
 * of these words is a default picture, and one that shows text is a search
 * box's hint ("search-global-typeahead__placeholder").
 */
export const LOADING_CLASS = /(?:^|[\s_-])(?:skeleton|ghost|shimmer|loader|loading|placeholder)(?:$|[\s_-])/i;

/** Classes that look like loading but are content: default avatars and logos ("EntityPhoto-circle-3-ghost-person"), search boxes. */
export const NOT_LOADING_CLASS = /ghost-(?:person|company|school|organization|group|event|page|hashtag)|typeahead/i;

/** Elements that never hold a placeholder worth waiting for: pictures and form controls. */
export const NOT_LOADING_TAGS: ReadonlySet<string> = new Set(['img', 'picture', 'svg', 'video', 'input', 'textarea', 'button']);

/**
 * Page furniture around the content: sidebars ("People also viewed"), the
 * navigation bar and its search, the footer. What loads there never delays the
 * verdict on the person.
 */
export const PAGE_FURNITURE = 'aside, nav, header, footer, form, [role="complementary"], [role="navigation"], [role="search"], [role="banner"], [role="contentinfo"]';
