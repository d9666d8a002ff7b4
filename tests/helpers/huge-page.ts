/**
 * A ~2 MB LinkedIn profile page: the current-layout fixture padded the way a
 * long-scrolled real page is — hundreds of activity posts and sidebar people,
 * each with names, degrees, photos and mutual-connection lines that must not
 * leak into the capture. Used by the corpus test and the benchmark.
 */
export function hugeProfileHtml(base: string, targetBytes = 2_000_000): string {
  const post = (i: number) =>
    `<div role="listitem" class="fp${i % 97}"><a href="/in/poster-${i}/"><img alt="Poster ${i}" src="https://media.licdn.com/dms/image/profile-displayphoto-shrink_100_100/0/${i}"><span aria-hidden="true">Poster Number ${i}</span><span class="visually-hidden">Poster Number ${i}</span></a><p>· ${(i % 3) + 1}${['st', 'nd', 'rd'][i % 3]}</p>` +
    `<p>Engineer at Company ${i} · Jan 2020 - Present</p><div class="post-body">${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}</div>` +
    `<a href="/search/results/people/?network=%5B%22F%22%5D&amp;connectionOf=%5B%22ACoAAP${i}%22%5D"><strong>Friend ${i}</strong> and ${i} other mutual connections</a></div>`;
  const chunks: string[] = [];
  let size = base.length;
  for (let i = 0; size < targetBytes; i++) {
    const html = post(i);
    chunks.push(html);
    size += html.length;
  }
  const half = Math.floor(chunks.length / 2);
  return base
    .replace('<main', `<aside class="feed-rail"><h2>Activity</h2>${chunks.slice(0, half).join('\n')}</aside>\n<main`)
    .replace('</main>', `<section><h2>Activity</h2>${chunks.slice(half).join('\n')}</section></main>`);
}
