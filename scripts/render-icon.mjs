#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128×128, transparent corners) with Debian's chromium,
// so the marketplace icon is drawn from its source and not edited as pixels.
//   node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'images', 'icon.svg'), 'utf8');
const out = path.join(root, 'images', 'icon.png');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`render-icon: wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
}
