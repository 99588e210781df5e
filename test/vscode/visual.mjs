// What a person sees, checked in a real workbench page: the extension's grammar colours the tokens,
// the language server's diagnostic draws a squiggle, its message shows on hover and in Problems.
// Runs on the code-server that scripts/run-vscode-tests.mjs started, in a window of its own with the
// extension loaded (no tests module), and leaves screenshots in test-artifacts/vscode/.

import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * One visual check: runs `body`, counts it in `tally`, prints a line, and on failure keeps a
 * screenshot of the page named after the check.
 */
function visualCheck(page, tally, artifactsDir) {
  return async (name, body) => {
    try {
      const detail = await body();
      tally.passed++;
      console.log(`  visual ✔ ${name}${detail ? ` (${detail})` : ''}`);
      return true;
    } catch (error) {
      tally.failed++;
      console.log(`  visual ✘ ${name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      await page.screenshot({ path: path.join(artifactsDir, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      return false;
    }
  };
}

/** Fixture with several token kinds and one deliberate syntax mistake (an unclosed list). */
const SHOWCASE_FILE = 'nats-showcase.conf';

/**
 * @param {{ context: import('playwright-core').BrowserContext, url: string, artifactsDir: string,
 *           docsImage?: string, log: (message: string) => void }} options
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function checkEditorVisuals({ context, url, artifactsDir, docsImage, log }) {
  const page = await context.newPage();
  const tally = { passed: 0, failed: 0 };
  const shots = [];
  const shoot = async (name) => {
    const file = path.join(artifactsDir, name);
    await page.screenshot({ path: file });
    shots.push(file);
    return file;
  };
  const check = visualCheck(page, tally, artifactsDir);

  try {
    await page.goto(url);
    const ready = await check('workbench loads', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    });
    if (!ready) return tally;

    const opened = await check(`opening ${SHOWCASE_FILE} from the explorer shows it in an editor`, async () => {
      // Quick-open by keyboard timed out in code-server here; a click on the explorer row is reliable.
      const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${SHOWCASE_FILE}"]`);
      await row.first().waitFor({ timeout: 30_000 });
      await row.first().click();
      await page.waitForSelector('.monaco-editor .view-line', { timeout: 30_000 });
      await page.locator('.monaco-editor .view-lines').first().getByText('edge-showcase').waitFor({ timeout: 30_000 });
      const mode = await page
        .locator('.statusbar-item[id="status.editor.mode"]')
        .first()
        .textContent({ timeout: 10_000 })
        .catch(() => undefined);
      return mode ? `status bar language: ${mode.trim()}` : '';
    });
    if (!opened) return tally;

    const underlined = await check('the syntax mistake is underlined (.squiggly-error)', async () => {
      // The language server starts with the first nats-conf document; allow for its start-up.
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 45_000 });
    });

    await check('tokens are coloured by the grammar (more than one colour)', async () => {
      const colours = await page.evaluate(() => {
        const spans = document.querySelectorAll('.monaco-editor .view-lines .view-line span span');
        const seen = new Set();
        for (const span of spans) {
          if ((span.textContent ?? '').trim() !== '') seen.add(getComputedStyle(span).color);
        }
        return [...seen];
      });
      if (colours.length < 2) {
        throw new Error(`every token has the same colour (${colours.join(', ') || 'no tokens found'}); is the TextMate grammar contributed for nats-conf?`);
      }
      return `${colours.length} colours`;
    });
    await shoot('01-editor.png');

    await check('Problems panel lists the diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'unclosed-array' });
      await row.first().waitFor({ timeout: 15_000 });
      const text = ((await row.first().textContent()) ?? '').trim();
      if (!text.includes('nats-lattice')) throw new Error(`the row does not name the source nats-lattice: "${text}"`);
      return `${await page.locator('.markers-panel .monaco-list-row').count()} rows`;
    });
    await shoot('02-problems.png');

    await check('hovering the squiggle shows the diagnostic message', async () => {
      if (!underlined) throw new Error('skipped: there is no squiggle to hover');
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      const box = await squiggle.boundingBox({ timeout: 5_000 });
      if (!box) throw new Error('the squiggle has no box on screen');
      await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
      const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .marker.hover-contents').first();
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      const text = ((await hover.textContent()) ?? '').trim();
      if (!/nats-lattice\((unclosed-array|unexpected-after-value)\)/.test(text)) {
        throw new Error(`the hover does not show our diagnostic with its source and code: "${text}"`);
      }
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    });
    const best = await shoot('03-hover-and-problems.png');

    if (docsImage && tally.failed === 0) {
      mkdirSync(path.dirname(docsImage), { recursive: true });
      copyFileSync(best, docsImage);
      log(`copied ${path.basename(best)} to ${path.relative(process.cwd(), docsImage)}`);
    }
  } finally {
    log(`visual screenshots: ${shots.map((file) => path.basename(file)).join(', ') || 'none'}`);
    await page.close().catch(() => {});
  }
  return tally;
}

/**
 * "NATS Lattice: Show Topology" on the example workspace (examples/): the webview shows the SVG,
 * the deliberate mistake is marked on edge-west, and a screenshot goes to test-artifacts/vscode/
 * (copied to `docsImage` when given and everything passed).
 *
 * @param {{ context: import('playwright-core').BrowserContext, url: string, folder: string,
 *           artifactsDir: string, docsImage?: string, log: (message: string) => void }} options
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function checkTopologyVisuals({ context, url, folder, artifactsDir, docsImage, log }) {
  const page = await context.newPage();
  const tally = { passed: 0, failed: 0 };
  const shot = path.join(artifactsDir, '10-topology.png');
  const check = visualCheck(page, tally, artifactsDir);
  try {
    await page.goto(url.replace(/folder=[^&]*/, `folder=${encodeURI(folder)}`));
    const ready = await check('workbench loads on examples/', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
    });
    if (!ready) return tally;
    // The webview lives two iframes down: the workbench's webview host, then the page itself.
    const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const svg = view.locator('svg.lattice');
    const shown = await check('NATS Lattice: Show Topology opens a webview with the lattice drawn', async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
      await page.keyboard.type('NATS Lattice: Show Topology');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Topology' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await svg.waitFor({ timeout: 45_000 });
      const servers = await svg.locator('g.node.server').count();
      if (servers < 5) throw new Error(`only ${servers} servers drawn; examples/ has five`);
      return `${servers} servers, ${await svg.locator('g.node.host').count()} hosts`;
    });
    if (!shown) return tally;
    await check('the split brain is marked on edge-west (problem-error, tooltip with the message)', async () => {
      // Findings arrive with the first lattice check; the view redraws when the server reports it.
      // By its label: the hubs' tooltips mention edge-west too.
      const west = svg.locator('g.node.server.problem-error').filter({ has: view.locator('text.label', { hasText: /^edge-west$/ }) });
      await west.waitFor({ timeout: 30_000 });
      const title = (await west.locator('title').textContent()) ?? '';
      if (!title.includes('js-domain-shared')) throw new Error(`tooltip lacks the finding: "${title}"`);
    });
    await check('the theme colours apply (node boxes are not black-filled)', async () => {
      const fill = await svg.locator('g.node.server rect').first().evaluate((el) => getComputedStyle(el).fill);
      if (/rgb\(0, 0, 0\)/.test(fill)) throw new Error(`node fill is ${fill}: the SVG's style did not apply (CSP nonce?)`);
      return `fill ${fill}`;
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot });
    if (docsImage && tally.failed === 0) {
      mkdirSync(path.dirname(docsImage), { recursive: true });
      copyFileSync(shot, docsImage);
      log(`copied ${path.basename(shot)} to ${path.relative(process.cwd(), docsImage)}`);
    }
  } finally {
    log(`topology screenshot: ${path.basename(shot)}`);
    await page.close().catch(() => {});
  }
  return tally;
}
