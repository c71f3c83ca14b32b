import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

/** Debian's Chromium; .ci/run installs it and sets AKTGRANSKNING_REQUIRE_BROWSER, so CI never skips this. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.AKTGRANSKNING_REQUIRE_BROWSER === '1';
const ARTIFACTS = 'test-artifacts';

describe.skipIf(!existsSync(CHROMIUM) && !required)('the HTML report in a real browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The machine's network is closed: without these Chromium keeps trying to reach Google.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  it.each(['sv', 'en'])('renders in %s with no console errors and no requests, and prints on A4', async (lang) => {
    const file = path.join(dir, `rapport.${lang}.html`);
    const r = cli(['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'html', '--lang', lang, '--output', file, '--quiet']);
    expect(r.stderr).toBe('');
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (req) => req.url() !== url && requests.push(req.url()));
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('h1').textContent()).toMatch(lang === 'sv' ? /Aktgranskning/ : /Case file audit/);
    expect(await page.locator('figure.chart svg').count()).toBe(2);
    expect(await page.locator('.grade.not-fulfilled').count()).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(ARTIFACTS, `report-${lang}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 60_000);
});
