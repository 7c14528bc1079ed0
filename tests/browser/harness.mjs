// Browser test harness: starts the system Chromium through playwright-core and opens pages that
// record every console error and uncaught page error, so a test can fail on them.
//
// Environment:
//   VNSEARCH_URL        base URL of a running vnsearchd, e.g. http://127.0.0.1:8080 (required)
//   VNSEARCH_ARTIFACTS  folder for screenshots (default: the OS temp folder)
//   VNSEARCH_CHROMIUM   Chromium executable (default: /usr/bin/chromium, Debian's package)
// tests/browser/run.sh sets the first two after starting a server on a fresh index.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.VNSEARCH_URL || '').replace(/\/+$/, '');
export const artifactsDir = process.env.VNSEARCH_ARTIFACTS || os.tmpdir();
const chromiumPath = process.env.VNSEARCH_CHROMIUM || '/usr/bin/chromium';

// Flags for a quiet, offline, sandbox-less headless run (containers run as root).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

// Upper bound for any one wait on the page: the corpus is tiny, so anything slower is a bug.
const PAGE_WAIT_TIMEOUT_MS = 10_000;

// Launches Chromium; playwright gives it a fresh temporary profile that it deletes on close().
export async function launchBrowser() {
  assert.ok(baseUrl, 'VNSEARCH_URL is not set: run tests/browser/run.sh, or set it to a running vnsearchd');
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

// Opens a page in its own browser context. Returns {page, context, browserProblems}, where
// browserProblems collects console errors and uncaught exceptions as they happen. Console errors
// matching one of allowedConsoleErrors (RegExps) are expected by the test and not collected.
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, allowedConsoleErrors = [] } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_TIMEOUT_MS);
  const browserProblems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
    browserProblems.push(`console error: ${text} (at ${message.location().url})`);
  });
  page.on('pageerror', (error) => browserProblems.push(`page error: ${error.stack || error.message}`));
  return { page, context, browserProblems };
}

function assertNoBrowserProblems(browserProblems) {
  assert.deepEqual(browserProblems, [], `the page logged errors:\n${browserProblems.join('\n')}`);
}

// Runs `body(page)` on a fresh page (options as for openPage), then fails if the page logged any
// error. On failure it saves ARTIFACTS/failed-NAME.png and adds the page's errors to the message.
export async function withPage(browser, name, options, body) {
  const { page, context, browserProblems } = await openPage(browser, options);
  try {
    await body(page);
    assertNoBrowserProblems(browserProblems);
  } catch (error) {
    await saveScreenshot(page, `failed-${name}`).catch(() => {});
    if (browserProblems.length > 0 && error instanceof Error) {
      error.message += `\nthe page also logged:\n${browserProblems.join('\n')}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

// Saves a screenshot as ARTIFACTS/NAME.png and returns its path: of the whole page, or with
// {fullPage: false} of the viewport only (a long article is slow to capture and to look at).
export async function saveScreenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const screenshotPath = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: screenshotPath, fullPage });
  return screenshotPath;
}

// Waits until the element's text contains `expected`; returns that text.
export async function waitForText(page, selector, expected) {
  await page.waitForFunction(
    ([target, wanted]) => document.querySelector(target)?.textContent.includes(wanted),
    [selector, expected],
  );
  return page.locator(selector).textContent();
}

// GETs `pathAndQuery` (e.g. "/api/search?q=x") from the server under test and returns its JSON:
// what a test expects the page to show is what the API says, not a number copied into the test.
export async function apiJson(pathAndQuery) {
  const response = await fetch(`${baseUrl}${pathAndQuery}`);
  assert.ok(response.ok, `GET ${pathAndQuery} answered ${response.status}`);
  return response.json();
}

// The search page URL for `params` ({q, unit: [..], …}; arrays become repeated parameters).
export function pageUrl(params = {}) {
  return `${baseUrl}/?${searchParams(params)}`;
}

// URLSearchParams from {name: value | [values]}.
export function searchParams(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  }
  return search;
}

// Waits until the results show the search in the page's URL: a search sets aria-busy on #results
// in the same task as it changes the URL, and clears it once its answer is drawn. Call it after
// the URL is known to have changed (page.waitForURL), or the previous results may still be up.
export async function waitForResults(page) {
  await page.waitForFunction(() => {
    const results = document.querySelector('#results');
    return results && !results.hasAttribute('aria-busy') && !document.querySelector('#results-view').hidden;
  });
}
