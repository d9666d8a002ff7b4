/**
 * Hidden UI in every form the extractors must ignore (issue #7), for the
 * visibility property tests: each piece holds a marker word and things that
 * look like fields (names in links, degree badges, dates, mutual links).
 */
export const MARK = 'Zyxwvbait';

/** Hidden UI in every form the extractors must ignore; each holds the marker and things that look like fields. */
export const BAIT = [
  `<p hidden>${MARK} Hidden</p>`,
  `<p style="display:none">· 1st ${MARK}</p>`,
  `<div style="display: none !important"><a href="/in/${MARK.toLowerCase()}/"><h1>${MARK} Person</h1></a></div>`,
  `<span style="visibility:hidden">${MARK} Visibility</span>`,
  `<span style="opacity:0">${MARK} Opacity</span>`,
  `<template><p>${MARK} Template</p><a href="/company/${MARK.toLowerCase()}/">${MARK} Co</a></template>`,
  `<dialog><h2>${MARK} Dialog</h2><p>Sign in to view ${MARK}</p></dialog>`,
  `<div role="dialog" aria-modal="true"><h2>${MARK} Modal</h2><a href="/company/${MARK.toLowerCase()}-inc/">${MARK} Inc</a></div>`,
  `<div class="modal--hidden" aria-hidden="true"><section role="dialog" aria-modal="true"><h2>Sign in to view ${MARK}’s full profile</h2><p>${MARK} headline bait</p></section></div>`,
  `<details><summary></summary><p>${MARK} Details</p></details>`,
  `<span class="visually-hidden">${MARK} screen reader</span>`,
  `<span class="sr-only"><strong>${MARK} Strong</strong></span>`,
  `<a hidden href="/search/results/people/?network=%5B%22F%22%5D&amp;connectionOf=%5B%22x%22%5D"><strong>${MARK} Mutual</strong> and 99 others</a>`,
  `<ul><li style="display:none"><div><p>${MARK} Role</p><p>${MARK} Employer · Full-time</p><p>Jan 2020 - Present</p></div></li></ul>`,
  `<img hidden alt="${MARK}" src="https://media.licdn.com/dms/image/v2/${MARK}/profile-displayphoto-shrink_800_800/0/1">`,
  // Hidden by a stylesheet, not by markup: only computed styles tell (the live page; happy-dom computes them too).
  `<style>.Zq1h{display:none}.Zq2v{visibility:hidden}</style><p class="Zq1h">Sign in to view ${MARK}’s full profile</p><p class="Zq2v">· 1st ${MARK} Town, Nowhere</p>`,
  `<span class="Zq1h"> ${MARK} tail</span><ul><li class="Zq1h"><div><p>${MARK} Role</p><p>${MARK} Co · Full-time</p><p>Jan 2020 - Present</p></div></li></ul><style>.Zq1h{display:none}</style>`,
];

export function plant(doc: Document, at: number[], bait: number[]): void {
  const all = Array.from(doc.body.querySelectorAll('*')).filter((el) => !el.closest('script, style, template, code, title, head'));
  if (all.length === 0) return;
  at.forEach((position, i) => {
    const host = all[position % all.length]!;
    const html = BAIT[bait[i]! % BAIT.length]!;
    const fragment = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    for (const node of Array.from(fragment.body.childNodes)) host.append(doc.importNode(node, true));
  });
}

