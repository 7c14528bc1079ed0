// Browser tests of the search page (web/) against a real vnsearchd serving corpus/ (and
// tests/data/directory_corpus/): searching, paging, errors, escaping, the phone layout,
// landmarks and labels, OpenSearch. Facets, reading, suggestions and the person and unit pages
// have their own files. Run with tests/browser/run.sh, which builds the index, starts the server
// and sets VNSEARCH_URL. Every test fails if the page logs a console error or throws.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, saveScreenshot, waitForResults, waitForText, withPage } from './harness.mjs';

// corpus/000_2bc41360e3854d8f.txt: the article that names Trần Bình Trọng in its body.
const PERSON_QUERY = 'Trần Bình Trọng';
const PERSON_ARTICLE_ID = '000_2bc41360e3854d8f';
const PERSON_ARTICLE_TITLE_PART = 'Chi bộ Vụ Khoa học và Công nghệ';
// A phrase every corpus article contains, so that it spans several pages of two.
const COMMON_QUERY = 'Khoa học';
const TEST_TIMEOUT_MS = 60_000;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function searchUrl(query, extraParams = {}) {
  return `${baseUrl}/?${new URLSearchParams({ q: query, ...extraParams })}`;
}

async function hitIds(page) {
  return page.locator('#results li.hit').evaluateAll((items) => items.map((item) => item.dataset.id));
}

test('searching for a person finds their article and opens it', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'search', {}, async (page) => {
    const pageResponse = await page.goto(`${baseUrl}/`);
    assert.equal(pageResponse.status(), 200, `GET ${baseUrl}/ answered ${pageResponse.status()}`);
    assert.equal(await page.locator('label[for="q"]').textContent(), 'Tìm kiếm');
    await page.locator('#q').fill(PERSON_QUERY);
    await page.locator('#q').press('Enter');
    // The home page lists the newest articles: wait for this search's results.
    await page.waitForURL((url) => url.searchParams.get('q') === PERSON_QUERY);
    await waitForResults(page);

    const firstHit = page.locator('#results li.hit').first();
    await firstHit.waitFor();
    assert.equal(await firstHit.getAttribute('data-id'), PERSON_ARTICLE_ID);
    const title = page.locator('#results li.hit a.hit-title').first();
    assert.ok((await title.textContent()).includes(PERSON_ARTICLE_TITLE_PART), await title.textContent());
    assert.ok(await firstHit.locator('.snippet mark').count() > 0, 'the snippet marks the matched words');
    assert.match(await page.locator('#summary').textContent(), /^Tìm thấy [\d.]+ kết quả \([\d,]+ ms\)$/);
    assert.equal(new URL(page.url()).searchParams.get('q'), PERSON_QUERY);
    await saveScreenshot(page, 'search-results');

    await title.click();
    await page.locator('#article').waitFor({ state: 'visible' });
    const bodyText = await waitForText(page, '#article-body', PERSON_QUERY);
    assert.ok(bodyText.includes(PERSON_QUERY));
    assert.ok(await page.locator('#article-body p').count() > 1, 'the body is split into paragraphs');
    assert.ok((await page.locator('#article-title').textContent()).includes(PERSON_ARTICLE_TITLE_PART));
    assert.equal(new URL(page.url()).searchParams.get('id'), PERSON_ARTICLE_ID);
    assert.ok(await page.locator('#results-view').isHidden(), 'the results are hidden behind the article');
    await saveScreenshot(page, 'article-accented-query', { fullPage: false });

    // Back returns to the same results, with the query still in the box.
    await page.goBack();
    await page.locator('#results-view').waitFor({ state: 'visible' });
    assert.equal((await hitIds(page))[0], PERSON_ARTICLE_ID);
    assert.equal(await page.locator('#q').inputValue(), PERSON_QUERY);
  });
});

test('a results URL opened directly shows results, and pages work with back and forward', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'pages', {}, async (page) => {
    await page.goto(searchUrl(COMMON_QUERY, { size: '2' }));
    await page.locator('#results li.hit').first().waitFor();
    const firstPageIds = await hitIds(page);
    assert.equal(firstPageIds.length, 2);
    assert.equal(await page.locator('#q').inputValue(), COMMON_QUERY);
    assert.equal(await page.locator('#prev-page').getAttribute('aria-disabled'), 'true');

    await page.locator('#next-page').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.waitForFunction((previousFirst) => {
      const first = document.querySelector('#results li.hit');
      return first && first.dataset.id !== previousFirst;
    }, firstPageIds[0]);
    const secondPageIds = await hitIds(page);
    assert.ok(secondPageIds.every((id) => !firstPageIds.includes(id)), 'page 2 repeats no hit of page 1');

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    await page.waitForFunction((expectedFirst) => document.querySelector('#results li.hit')?.dataset.id === expectedFirst, firstPageIds[0]);
    await page.goForward();
    await page.waitForFunction((expectedFirst) => document.querySelector('#results li.hit')?.dataset.id === expectedFirst, secondPageIds[0]);

    await page.locator('#prev-page').click();
    await page.waitForFunction((expectedFirst) => document.querySelector('#results li.hit')?.dataset.id === expectedFirst, firstPageIds[0]);
  });
});

test('a query with no match says so', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'no-match', {}, async (page) => {
    await page.goto(searchUrl('zqxjvwk'));
    const summary = await waitForText(page, '#summary', 'Không tìm thấy kết quả nào cho');
    assert.ok(summary.includes('zqxjvwk'), summary);
    assert.equal(await page.locator('#results li.hit').count(), 0);
    assert.ok(await page.locator('#pager').isHidden());
  });
});

test('an unknown article id shows an error, not a blank page', { timeout: TEST_TIMEOUT_MS }, async () => {
  // The 404 itself is expected; Chromium logs every failed request as a console error.
  await withPage(browser, 'unknown-article', {
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 40[04]/],
  }, async (page) => {
    const requestedPaths = [];
    page.on('request', (request) => requestedPaths.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/?${new URLSearchParams({ id: 'no such/article?#1' })}`);
    await waitForText(page, '#article-title', 'Không mở được bài viết');
    assert.ok(requestedPaths.includes('/api/articles/no%20such%2Farticle%3F%231'), requestedPaths.join(' '));
  });
});

test('suggestion, partial match and escaping are rendered from the API fields', { timeout: TEST_TIMEOUT_MS }, async () => {
  // The API answer is stubbed here so that the rendering rules are tested exactly, whatever
  // the server's spelling suggester decides for a given typo.
  await withPage(browser, 'stubbed-fields', {}, async (page) => {
    await page.route('**/api/search?*', (route) => {
      const query = new URL(route.request().url()).searchParams.get('q');
      if (query !== 'Tran Binh Trongg') return route.continue();
      return route.fulfill({
        json: {
          query, total: 1, page: 1, size: 10, took_ms: 0.4,
          suggestion: 'Trần Bình Trọng', partial_match: true,
          hits: [{
            id: 'x/1', title: '<img src=x onerror="window.injected=1">Tiêu đề', date: '2022-09-27',
            source: 'Báo <TN&MT>', snippet: 'đồng chí <mark>Trần</mark> &lt;b&gt;', score: 1,
          }],
        },
      });
    });
    await page.goto(searchUrl('Tran Binh Trongg'));
    await page.locator('#results li.hit').first().waitFor();
    const title = page.locator('a.hit-title').first();
    assert.equal(await title.textContent(), '<img src=x onerror="window.injected=1">Tiêu đề');
    assert.equal(await page.locator('.snippet').first().innerHTML(), 'đồng chí <mark>Trần</mark> &lt;b&gt;');
    assert.equal(await page.locator('li.hit .hit-meta').first().textContent(), '27/09/2022 · Báo <TN&MT>');
    assert.ok(await page.locator('#partial-note').isVisible());
    assert.equal(await page.locator('#suggestion').textContent(), 'Có phải bạn muốn tìm: Trần Bình Trọng');

    await page.locator('#suggestion a').click();
    await page.waitForURL((url) => url.searchParams.get('q') === PERSON_QUERY);
    await page.waitForFunction((expectedId) => document.querySelector('#results li.hit')?.dataset.id === expectedId, PERSON_ARTICLE_ID);
    assert.equal(await page.evaluate(() => window.injected), undefined);
  });
});

test('"/" focuses the search box, and the page fits a 360px phone', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'phone', { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.goto(searchUrl(PERSON_QUERY));
    await page.locator('#results li.hit').first().waitFor();
    await page.locator('#summary').click();
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    assert.equal(await page.locator('#q').inputValue(), PERSON_QUERY, 'the "/" is not typed into the box');

    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 360, `the page is ${pageWidth}px wide at a 360px viewport`);
    await saveScreenshot(page, 'search-results-360px');

    // The filters fold into a toggle above the results.
    const toggle = page.locator('#filters-toggle');
    assert.ok(await toggle.isVisible());
    assert.ok(await page.locator('#facet-term').isHidden());
    const toggleBox = await toggle.boundingBox();
    const resultsBox = await page.locator('#results').boundingBox();
    assert.ok(toggleBox.y < resultsBox.y, 'the toggle sits above the results');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const term = page.locator('#facet-term input[type="checkbox"]').first();
    await term.waitFor();
    const termValue = await term.getAttribute('data-value');
    await term.check();
    await page.waitForURL((url) => url.searchParams.get('term') === termValue);
    await page.locator('#active-filters .chip').first().waitFor();
    assert.ok(await toggle.textContent(), 'Bộ lọc (1)');
    const widthWithFilters = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(widthWithFilters <= 360, `the page is ${widthWithFilters}px wide with the filters open`);
    await saveScreenshot(page, 'filters-open-360px');

    // The article view fits too.
    await page.locator('a.hit-title').first().click();
    await page.locator('#article-persons li').first().waitFor();
    const articleWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(articleWidth <= 360, `the article is ${articleWidth}px wide at a 360px viewport`);
    await saveScreenshot(page, 'article-360px', { fullPage: false });
  });
});

test('landmarks, labels and a live result count for screen readers', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'landmarks', {}, async (page) => {
    await page.goto(searchUrl(COMMON_QUERY, { size: '2' }));
    await page.locator('#results li.hit').first().waitFor();
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('search').count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('complementary', { name: 'Bộ lọc' }).count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Phân trang' }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Tìm kiếm' }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Sắp xếp' }).count(), 1);
    assert.equal(await page.locator('#summary').getAttribute('aria-live'), 'polite');
    // Every visible form control has a name a screen reader can say.
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
      .filter((control) => control.offsetParent !== null)
      .filter((control) => !(control.labels && control.labels.length > 0) && !control.getAttribute('aria-label') &&
        !(control.tagName === 'BUTTON' && control.textContent.trim()))
      .map((control) => control.outerHTML));
    assert.deepEqual(unnamed, []);
    // Tab from the search box reaches the filters before the results, as they are laid out.
    const order = await page.evaluate(() => {
      const position = (node) => [...document.querySelectorAll('*')].indexOf(node);
      return [position(document.querySelector('#q')), position(document.querySelector('#date-from')),
        position(document.querySelector('#results'))];
    });
    assert.ok(order[0] < order[1] && order[1] < order[2], order.join(' < '));
  });
});

test('the page offers an OpenSearch description whose template searches', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'opensearch', {}, async (page) => {
    await page.goto(`${baseUrl}/`);
    const link = page.locator('link[rel="search"]');
    assert.equal(await link.getAttribute('type'), 'application/opensearchdescription+xml');
    const descriptionUrl = new URL(await link.getAttribute('href'), page.url()).href;
    const description = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const namespace = 'http://a9.com/-/spec/opensearch/1.1/';
      const urlElement = xml.getElementsByTagNameNS(namespace, 'Url')[0];
      return {
        status: response.status,
        parseError: xml.getElementsByTagName('parsererror').length > 0,
        root: xml.documentElement.namespaceURI + ' ' + xml.documentElement.localName,
        shortName: xml.getElementsByTagNameNS(namespace, 'ShortName')[0]?.textContent,
        type: urlElement?.getAttribute('type'),
        template: urlElement?.getAttribute('template'),
      };
    }, descriptionUrl);
    assert.equal(description.status, 200);
    assert.equal(description.parseError, false, 'opensearch.xml is well-formed XML');
    assert.equal(description.root, 'http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription');
    assert.equal(description.shortName, 'vnsearch');
    assert.equal(description.type, 'text/html');
    assert.ok(description.template.includes('{searchTerms}'), description.template);

    // The template, resolved against the description's own URL, is this page searching.
    const searchUrlFromTemplate = new URL(
      description.template.replace('{searchTerms}', encodeURIComponent(PERSON_QUERY)), descriptionUrl);
    assert.equal(searchUrlFromTemplate.origin, new URL(baseUrl).origin);
    await page.goto(searchUrlFromTemplate.href);
    await page.locator('#results li.hit').first().waitFor();
    assert.equal((await hitIds(page))[0], PERSON_ARTICLE_ID);
  });
});
