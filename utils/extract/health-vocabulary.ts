/**
 * The tag and role names a capture-health report may use (utils/extract/health.ts
 * builds reports from them; utils/capture-health.ts checks reports against them
 * where they arrive). Plain data, no imports: cheap to bundle on either side.
 */

export const HTML_TAGS: ReadonlySet<string> = new Set(
  ('a abbr address article aside b bdi bdo blockquote body br button caption cite code dd del details dfn dialog div dl dt em ' +
    'fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html i img input ins kbd label legend li main mark ' +
    'menu meter nav noscript ol optgroup option output p picture pre progress q s samp script search section select slot small ' +
    'source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr u ul var video wbr').split(' '),
);

export const ARIA_ROLES: ReadonlySet<string> = new Set(
  ('alert alertdialog application article banner button cell checkbox columnheader combobox complementary contentinfo definition ' +
    'dialog directory document feed figure form generic grid gridcell group heading img link list listbox listitem log main marquee ' +
    'math menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option presentation progressbar radio radiogroup ' +
    'region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status switch tab table tablist tabpanel ' +
    'term textbox timer toolbar tooltip tree treegrid treeitem').split(' '),
);
