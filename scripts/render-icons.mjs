// Renders docs/brand/icon.svg to the toolbar PNGs in public/icon/ and the store
// listing's images in docs/brand/ with Debian's Chromium (the same one the
// tests use). Run after editing the SVG:
//   node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const svg = readFileSync(resolve('docs/brand/icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`);
  await page.screenshot({ path: resolve(`public/icon/${size}.png`), omitBackground: true });
}
// Store icon: 128 × 128 with the artwork in the middle 96 × 96 (the Chrome Web Store's guideline).
await page.setViewportSize({ width: 128, height: 128 });
await page.setContent(`<style>html,body{margin:0;background:transparent}img{margin:16px}</style><img src="${src}" width="96" height="96">`);
await page.screenshot({ path: resolve('docs/brand/store-icon-128.png'), omitBackground: true });
// Small promo tile, 440 × 280.
await page.setViewportSize({ width: 440, height: 280 });
await page.setContent(`<style>
  html,body{margin:0;height:100%}
  body{display:flex;align-items:center;gap:24px;padding:0 36px;box-sizing:border-box;background:linear-gradient(135deg,#f6f6f9,#efebfd);font-family:system-ui,sans-serif;color:#1d1d23}
  h1{margin:0;font-size:40px;color:#4a31b8} p{margin:6px 0 0;font-size:17px;line-height:1.35;color:#5c5c68}
</style><img src="${src}" width="112" height="112"><div><h1>Introbook</h1><p>Save people in one click. Ask for warm intros. Prepare, meet, follow through.</p></div>`);
await page.screenshot({ path: resolve('docs/brand/promo-440x280.png') });
await browser.close();
console.log('Wrote public/icon/{16,32,48,96,128}.png, docs/brand/store-icon-128.png and docs/brand/promo-440x280.png');
