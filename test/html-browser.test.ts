import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Pages of a PDF as Chromium writes it: one page object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

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

  it.each(['sv', 'en'])('meets WCAG 2.1 AA by axe-core in %s, with a table of contents and page numbers in print', async (lang) => {
    const file = path.join(dir, `axe.${lang}.html`);
    cli(['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'html', '--lang', lang, '--output', file]);
    // The report's own CSP forbids every script; axe is injected by the test only.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    });
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    const links = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => (a as unknown as { hash: string }).hash));
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const hash of links) expect(await page.locator(hash).count(), hash).toBe(1);
    await page.close();
  }, 60_000);

  it('prints the report of a large export on few A4 pages', async () => {
    const exportDir = path.join(dir, 'large');
    const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '20000', '--seed', '3', '--out', exportDir, '--layout', 'csv'], { encoding: 'utf8' });
    expect(g.status, g.stderr).toBe(0);
    const file = path.join(dir, 'large.html');
    const r = cli(['check', path.join(exportDir, 'csv'), '--as-of', '2011-06-01', '--format', 'html', '--quiet', '--output', file]);
    expect(r.stderr).toBe('');
    expect(statSync(file).size).toBeLessThan(5_000_000);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'report-20000.pdf'), pdf);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(20);
    expect(pages).toBeLessThanOrEqual(150);
    await page.close();
  }, 180_000);
});
