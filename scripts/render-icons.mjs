// Renders docs/brand/icon.svg to the toolbar and store PNGs in public/icon/ with
// Debian's Chromium (the same one the tests use). Run after editing the SVG:
//   node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const svg = readFileSync(resolve('docs/brand/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.screenshot({ path: resolve(`public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log('Wrote public/icon/{16,32,48,96,128}.png');
