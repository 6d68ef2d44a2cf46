import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT } from '../support/catalog';
import { runCli } from '../support/cli';
import { ensureTools, launchChromium, mark, OUT } from './harness';

// `itaku report --format html` of the example drafts, opened from disk in headless Chromium as a
// reviewer would: nothing is fetched, the style applies under its CSP, it fits A4 landscape, and
// Chromium prints it to a PDF of A4-landscape pages. ITAKU_UPDATE_SCREENSHOTS=1 refreshes the README image.
const DIR = path.join(OUT, 'report');
const A4_LANDSCAPE_PT = [841.89, 595.28];

/** Opens `file` and records every request the page makes and every console message (CSP refusals land there). */
async function open(browser: Browser, file: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
  const requests: string[] = [];
  const consoleMessages: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleMessages.push(m.text()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, consoleMessages };
}

/** A local server that counts what reaches it: the control that shows a request would be seen. */
async function probeServer(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The MediaBox of every page object of a PDF (Chromium writes them as plain dictionaries). */
function pageBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  const boxes: number[][] = [];
  for (const m of text.matchAll(/\/Type\s*\/Page\b(?!s)[^]*?\/MediaBox\s*\[([^\]]*)\]/g))
    boxes.push(m[1].trim().split(/\s+/).map(Number));
  return boxes;
}

/** The report of the example drafts, written by the CLI. */
function writeExamplesReport(): string {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, 'report.html');
  const run = runCli(['report', 'examples', '--format', 'html', '-o', file], ROOT);
  assert.equal(run.status, 0, run.stderr);
  return file;
}

test('the HTML report of the examples in headless Chromium: no request, its own style only, A4 landscape, printed to PDF', async () => {
  ensureTools();
  rmSync(DIR, { recursive: true, force: true });
  const file = writeExamplesReport();
  const html = readFileSync(file, 'utf8');
  // Self-contained: no script, no link, no source, no URL to fetch.
  for (const banned of ['<script', '<link', ' src=', ' href=', 'url(', '@import', 'http://', 'https://'])
    assert.ok(!html.includes(banned), banned);
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/,
  );

  const browser = await launchChromium();
  try {
    const { page, url, requests, consoleMessages } = await open(browser, file);
    assert.deepEqual(requests, [url], 'only the report itself was loaded');
    assert.deepEqual(consoleMessages, [], 'no CSP refusal or other message');
    // The style applied: its hash is what the CSP allows (else the page would be unstyled).
    assert.equal(
      await page
        .locator('th')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
      'rgb(232, 237, 242)',
    );
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await page.locator('h1').innerText(), '情報セキュリティ条項カバレッジ');
    // One summary row and one section per draft the CLI checks.
    const drafts = (JSON.parse(runCli(['check', 'examples', '--format', 'json'], ROOT).stdout) as { files: unknown[] })
      .files.length;
    assert.ok(drafts >= 6, String(drafts));
    assert.equal(await page.locator('table.summary tbody tr').count(), drafts);
    assert.equal(await page.locator('section.draft').count(), drafts);
    const passport = page.locator('section.draft', { hasText: 'spec-build-passport-system.md' });
    assert.deepEqual(
      (await passport.locator('tr', { hasText: '再委託に関する事項' }).locator('td').allInnerTexts()).map((t) =>
        t.trim(),
      ),
      ['表1(10)', '再委託に関する事項', '必須', '表1(10); 第Ⅰ部7.5(2)', '✗', ''],
    );
    await page.screenshot({ path: path.join(DIR, 'report.png') });
    if (process.env.ITAKU_UPDATE_SCREENSHOTS)
      copyFileSync(path.join(DIR, 'report.png'), path.join(ROOT, 'docs/images/report.png'));
    mark('HTML report rendered');

    // Printed: the widest table fits the printable width of A4 landscape (297 mm − 20 mm of margins at 96 px/in).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: 700 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the printed page is ${overflow} px too wide`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(DIR, 'report.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const boxes = pageBoxes(pdf);
    // The summary and the two matrices, then each draft on a page of its own (at least).
    assert.ok(boxes.length >= 1 + drafts, `${boxes.length} pages for ${drafts} drafts`);
    for (const [x0, y0, x1, y1] of boxes) {
      assert.ok(
        Math.abs(x1 - x0 - A4_LANDSCAPE_PT[0]) < 1.5 && Math.abs(y1 - y0 - A4_LANDSCAPE_PT[1]) < 1.5,
        `${[x0, y0, x1, y1]}`,
      );
    }
    mark(`PDF printed: ${boxes.length} A4-landscape pages`);
  } finally {
    await browser.close();
  }
});

test('control: the request log sees even a blocked attempt, and the CSP is what keeps it off the network', async () => {
  ensureTools();
  const file = writeExamplesReport();
  const probe = await probeServer();
  const browser = await launchChromium();
  try {
    const report = readFileSync(file, 'utf8');
    const injected = `<img src="${probe.url}/image.png"><script src="${probe.url}/script.js"></script>`;
    // With the report's CSP: the log records both attempts (so the first test's log of one URL means
    // nothing was even tried), Chromium refuses both and says so, and nothing reaches the probe.
    const guarded = path.join(DIR, 'guarded.html');
    writeFileSync(guarded, report.replace('<body>', `<body>${injected}`));
    const g = await open(browser, guarded);
    assert.deepEqual(g.requests.slice(1).sort(), [`${probe.url}/image.png`, `${probe.url}/script.js`]);
    assert.equal(
      g.consoleMessages.filter((m) => m.includes('Content Security Policy')).length,
      2,
      g.consoleMessages.join('\n'),
    );
    assert.deepEqual(probe.hits, []);
    // Without it: the same page fetches both.
    const bare = path.join(DIR, 'bare.html');
    writeFileSync(
      bare,
      report.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('<body>', `<body>${injected}`),
    );
    await open(browser, bare);
    assert.deepEqual(probe.hits.sort(), ['/image.png', '/script.js']);
  } finally {
    await browser.close();
    await probe.close();
  }
});
