// node scripts/bench/pdf.mjs FILE.html: prints the HTML report to A4 PDF in headless Chromium (as
// the browser test does) and writes one JSON line: seconds from opening the page to the PDF, pages.
// CHROMIUM_PATH overrides /usr/bin/chromium; prints nothing and exits 3 when there is no browser.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) process.exit(3);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const t = process.hrtime.bigint();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load', timeout: 600_000 });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, timeout: 600_000 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  // One page object per page, as Chromium writes them.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  console.log(JSON.stringify({ seconds, pages, bytes: pdf.length }));
} finally {
  await browser.close();
}
