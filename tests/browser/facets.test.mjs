// Browser tests of the filter sidebar (web/js/facet-sidebar.js) and the results' chips, date
// range and sort order, against a real vnsearchd serving corpus/. What the page should show is
// asked of the API in each test, so the tests follow the index rather than copied numbers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiJson, baseUrl, launchBrowser, pageUrl, saveScreenshot, searchParams, withPage } from './harness.mjs';

const TEST_TIMEOUT_MS = 30_000;
const QUERY = 'dai hoi'; // typed without diacritics: every article has "Đại hội"
const TERM = '2022-2025';
const UNIT = 'Sở Khoa học và Công nghệ';
const VISIBLE_VALUES = 8; // web/js/facet-sidebar.js

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function searchApi(params) {
  return apiJson(`/api/search?${searchParams({ facet_size: '100', ...params })}`);
}

// The values a facet lists in the sidebar: [{value, count, checked}], count null when not shown.
function facetEntries(page, facet) {
  return page.locator(`#facet-${facet} .facet-values li`).evaluateAll((items) => items.map((item) => {
    const checkbox = item.querySelector('input[type="checkbox"]');
    const countText = item.querySelector('.facet-count').textContent.replace(/\./g, '');
    return { value: checkbox.dataset.value, count: countText ? Number(countText) : null, checked: checkbox.checked };
  }));
}

// Waits until the results say `total` (and the sidebar with them: both render together).
async function waitForTotal(page, total) {
  await page.waitForFunction((expected) => {
    const summary = document.querySelector('#summary').textContent;
    const match = /^(?:Tìm thấy|Tất cả) ([\d.]+) (?:kết quả|bài viết) \(/.exec(summary);
    return match && Number(match[1].replace(/\./g, '')) === expected;
  }, total);
}

// Every count the sidebar shows for `facet` is the API's count for that value.
async function assertFacetCountsMatch(page, facet, response, message) {
  const apiCounts = new Map(response.facets[facet].map((entry) => [entry.value, entry.count]));
  const shown = await facetEntries(page, facet);
  assert.ok(shown.length > 0, `${message}: the ${facet} facet lists values`);
  for (const entry of shown) {
    assert.equal(entry.count, apiCounts.get(entry.value), `${message}: count of ${facet} "${entry.value}"`);
  }
  return shown;
}

test('picking a term then a unit narrows the results, and counts follow the API', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'two-facets', {}, async (page) => {
    const initial = await searchApi({ q: QUERY });
    const withTerm = await searchApi({ q: QUERY, term: TERM });
    const withBoth = await searchApi({ q: QUERY, term: TERM, unit: UNIT });
    // The corpus must make this a real narrowing, or the test proves nothing.
    assert.ok(initial.total > withTerm.total && withTerm.total > withBoth.total && withBoth.total > 0,
      `totals ${initial.total} > ${withTerm.total} > ${withBoth.total} > 0`);

    await page.goto(pageUrl({ q: QUERY }));
    await waitForTotal(page, initial.total);
    const initialUnits = await assertFacetCountsMatch(page, 'unit', initial, 'before any filter');
    // The sidebar lists the API's top values, in its order, as asked for (one more than shown).
    const asked = await searchApi({ q: QUERY, facet_size: String(VISIBLE_VALUES + 1) });
    const topUnits = asked.facets.unit.filter((entry) => !entry.selected).slice(0, VISIBLE_VALUES).map((entry) => entry.value);
    assert.deepEqual(initialUnits.map((entry) => entry.value), topUnits);
    await assertFacetCountsMatch(page, 'term', initial, 'before any filter');
    assert.ok(await page.locator('#active-filters').isHidden(), 'no chips without filters');

    // 1. A term.
    await page.locator(`#facet-term input[data-value="${TERM}"]`).check();
    await page.waitForURL((url) => url.searchParams.getAll('term').join() === TERM);
    await waitForTotal(page, withTerm.total);
    assert.equal(await page.locator('#results li.hit').count(), Math.min(withTerm.total, 10));
    await assertFacetCountsMatch(page, 'unit', withTerm, 'with the term');
    // Multi-select counts: the term facet still counts every term, as the API does.
    const terms = await assertFacetCountsMatch(page, 'term', withTerm, 'with the term');
    assert.deepEqual(terms.filter((entry) => entry.checked).map((entry) => entry.value), [TERM]);
    assert.equal(await page.locator('#active-filters .chip').first().textContent(), `Nhiệm kỳ: ${TERM}×`);
    // The focus stays on the checkbox that was ticked, through the redraw.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.value), TERM);

    // 2. A unit, found with the facet's filter box (the list is long), diacritics left out.
    const filterBox = page.locator('#facet-unit-filter');
    assert.ok(await filterBox.isVisible(), 'a long unit list has a filter box');
    await filterBox.fill('so khoa');
    const unitCheckbox = page.locator(`#facet-unit input[data-value="${UNIT}"]`);
    await unitCheckbox.waitFor();
    // Filtered, the counts are still those of the current results, not of the whole index.
    await assertFacetCountsMatch(page, 'unit', withTerm, 'filtered, with the term');
    const unitBefore = (await facetEntries(page, 'unit')).find((entry) => entry.value === UNIT);
    assert.equal(unitBefore.count, withBoth.total, 'a unit\'s count is the number of results picking it gives');
    await unitCheckbox.check();
    await page.waitForURL((url) => url.searchParams.get('unit') === UNIT && url.searchParams.get('term') === TERM);
    await waitForTotal(page, withBoth.total);
    await filterBox.fill('');
    await page.waitForFunction(() => !document.querySelector('#facet-unit .facet-note:not([hidden])'));
    await assertFacetCountsMatch(page, 'unit', withBoth, 'with both');
    await assertFacetCountsMatch(page, 'term', withBoth, 'with both');
    await assertFacetCountsMatch(page, 'person', withBoth, 'with both');
    const hitIds = await page.locator('#results li.hit').evaluateAll((items) => items.map((item) => item.dataset.id));
    assert.deepEqual(hitIds, withBoth.hits.map((hit) => hit.id));
    assert.deepEqual(await page.locator('#active-filters .chip').allTextContents(),
      [`Đơn vị: ${UNIT}×`, `Nhiệm kỳ: ${TERM}×`, 'Xoá tất cả bộ lọc']);
    await saveScreenshot(page, 'facets-term-and-unit');

    // Removing the term chip keeps the unit; the focus moves to the next chip.
    await page.getByRole('button', { name: `Bỏ lọc Nhiệm kỳ: ${TERM}` }).click();
    await page.waitForURL((url) => !url.searchParams.has('term') && url.searchParams.get('unit') === UNIT);
    const unitOnly = await searchApi({ q: QUERY, unit: UNIT });
    await waitForTotal(page, unitOnly.total);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('chip')), true);

    // Back brings the term back, counts and all.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('term') === TERM);
    await waitForTotal(page, withBoth.total);
    assert.ok(await page.locator(`#facet-term input[data-value="${TERM}"]`).isChecked());
  });
});

test('a date range, the sort order, "Xem thêm" and the facet filter box', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'date-sort-more', {}, async (page) => {
    // The home page lists every article, newest first, with the facets of the whole index.
    const everything = await searchApi({ q: '', sort: '-date' });
    await page.goto(`${baseUrl}/`);
    await waitForTotal(page, everything.total);
    assert.equal(await page.locator('#sort').inputValue(), '-date');
    const homeIds = await page.locator('#results li.hit').evaluateAll((items) => items.map((item) => item.dataset.id));
    assert.deepEqual(homeIds, everything.hits.map((hit) => hit.id));

    // "Xem thêm" lists more values, as many as the API has up to its maximum.
    const unitMore = page.locator('#facet-unit .facet-more');
    assert.equal(await unitMore.textContent(), 'Xem thêm');
    assert.equal(await page.locator('#facet-unit .facet-values li').count(), VISIBLE_VALUES);
    await unitMore.click();
    await page.waitForFunction((expected) =>
      document.querySelectorAll('#facet-unit .facet-values li').length === expected, everything.facets.unit.length);
    assert.equal(await unitMore.getAttribute('aria-expanded'), 'true');
    assert.equal(await unitMore.textContent(), 'Thu gọn');
    await assertFacetCountsMatch(page, 'unit', everything, 'expanded');

    // The filter box lists the values /api/facets finds for the prefix, diacritics ignored.
    const prefixed = await apiJson('/api/facets/unit?prefix=vien&limit=100');
    assert.ok(prefixed.values.length > 0, 'some unit starts with "Viện"');
    await page.locator('#facet-unit-filter').fill('vien');
    await page.waitForFunction((expected) => {
      const shown = [...document.querySelectorAll('#facet-unit .facet-values input')].map((input) => input.dataset.value);
      return shown.length === expected.length && expected.every((value) => shown.includes(value));
    }, prefixed.values.map((entry) => entry.value));
    await saveScreenshot(page, 'facet-filter-box');
    await page.locator('#facet-unit-filter').fill('zzzz');
    await page.waitForFunction(() => document.querySelector('#facet-unit .facet-note')?.textContent.includes('Không có đơn vị nào khớp'));
    await page.locator('#facet-unit-filter').fill('');

    // A date range: from and to, each a chip; the results are the API's.
    const from = '2022-09-01';
    const to = '2022-12-31';
    await page.locator('#date-from').fill(from);
    await page.waitForURL((url) => url.searchParams.get('from') === from);
    await page.locator('#date-to').fill(to);
    await page.waitForURL((url) => url.searchParams.get('to') === to);
    const inRange = await searchApi({ q: '', from, to, sort: '-date' });
    assert.ok(inRange.total > 0 && inRange.total < everything.total, `${inRange.total} articles in the range`);
    await waitForTotal(page, inRange.total);
    assert.deepEqual(await page.locator('#active-filters .chip').allTextContents(),
      ['Từ ngày 01/09/2022×', 'Đến ngày 31/12/2022×', 'Xoá tất cả bộ lọc']);
    const dates = await page.locator('#results li.hit time').evaluateAll((times) => times.map((time) => time.dateTime));
    assert.ok(dates.every((date) => date >= from && date <= to), dates.join(' '));

    // Oldest first.
    await page.locator('#sort').selectOption('date');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'date');
    const oldestFirst = await searchApi({ q: '', from, to, sort: 'date' });
    await page.waitForFunction((expected) => {
      const ids = [...document.querySelectorAll('#results li.hit')].map((item) => item.dataset.id);
      return ids.join() === expected.join();
    }, oldestFirst.hits.map((hit) => hit.id));
    await saveScreenshot(page, 'date-range-oldest-first');

    await page.getByRole('button', { name: 'Xoá tất cả bộ lọc' }).click();
    await page.waitForURL((url) => !url.searchParams.has('from') && !url.searchParams.has('to'));
    await waitForTotal(page, everything.total);
    assert.equal(await page.locator('#date-from').inputValue(), '');
  });
});
