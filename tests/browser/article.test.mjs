// Browser tests of reading: a query typed without diacritics finds the accented article, the
// article shows its text with the query's words marked, its persons with their roles, units with
// their parents and terms as links that filter the search, and similar articles; the back and
// forward buttons walk through it all. Against a real vnsearchd serving corpus/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiJson, baseUrl, launchBrowser, saveScreenshot, searchParams, waitForResults, waitForText, withPage,
} from './harness.mjs';

const TEST_TIMEOUT_MS = 30_000;
// corpus/000_2bc41360e3854d8f.txt names Trần Bình Trọng, Bí thư of its Chi bộ.
const ARTICLE_ID = '000_2bc41360e3854d8f';
const QUERY_WITHOUT_DIACRITICS = 'tran binh trong';
const PERSON = 'Trần Bình Trọng';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function fold(text) {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

test('a query without diacritics finds the accented article, which opens with its entities', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'read-article', {}, async (page) => {
    const article = await apiJson(`/api/articles/${ARTICLE_ID}`);
    const similar = await apiJson(`/api/articles/${ARTICLE_ID}/similar?limit=5`);

    await page.goto(`${baseUrl}/`);
    await page.locator('#q').fill(QUERY_WITHOUT_DIACRITICS);
    await page.locator('#q').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === QUERY_WITHOUT_DIACRITICS);
    await waitForResults(page);
    const firstHit = page.locator('#results li.hit').first();
    await firstHit.waitFor();
    assert.equal(await firstHit.getAttribute('data-id'), ARTICLE_ID);
    const markedInSnippet = (await firstHit.locator('.snippet mark').allTextContents()).join(' ');
    assert.ok(markedInSnippet.includes('Trần') && markedInSnippet.includes('Trọng'),
      `the snippet marks the accented words: ${markedInSnippet}`);
    await saveScreenshot(page, 'results-without-diacritics');

    // Open it.
    await firstHit.locator('a.hit-title').click();
    await page.waitForURL((url) => url.searchParams.get('id') === ARTICLE_ID);
    await waitForText(page, '#article-title', article.title.slice(0, 20));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article-title', 'the focus moves to the title');
    assert.ok(await page.locator('#filters').isHidden(), 'no search filters beside an article');

    // The query's words are marked in the body, with the accents the article gives them next to
    // each other ("Trần Bình Trọng"): the everyday word "trong" is left alone.
    const marks = await page.locator('#article-body mark').allTextContents();
    assert.ok(marks.length >= 3, `${marks.length} marks`);
    assert.deepEqual([...new Set(marks.map((mark) => mark.toLowerCase()))].sort(), ['bình', 'trần', 'trọng']);
    const bodyText = await page.locator('#article-body').textContent();
    assert.ok(/\btrong\b/.test(bodyText), 'the article also has the word "trong", unmarked');
    assert.ok(bodyText.includes(PERSON));
    assert.match(await page.locator('#article-marks-note').textContent(), /^Đã tô sáng \d+ chỗ khớp/);

    // Persons with their roles, as the API has them.
    const personItems = page.locator('#article-persons li');
    assert.equal(await personItems.count(), article.persons.length);
    for (const [index, person] of article.persons.entries()) {
      const item = personItems.nth(index);
      assert.equal(await item.locator('a.fact-link').textContent(), person.name);
      if (person.roles.length === 0) {
        assert.equal(await item.locator('.fact-roles').count(), 0, `${person.name} has no roles`);
      } else {
        assert.equal(await item.locator('.fact-roles').textContent(), person.roles.join('; '));
      }
    }
    const personLink = page.getByRole('link', { name: PERSON, exact: true });
    assert.equal(new URL(await personLink.getAttribute('href'), baseUrl).searchParams.get('person'), PERSON);

    // Units with their parents, the main unit first; terms.
    const unitItems = page.locator('#article-units li');
    assert.equal(await unitItems.count(), article.units.length);
    const mainUnitItem = unitItems.first();
    assert.equal(await mainUnitItem.locator('a').first().textContent(), article.main_unit);
    const mainUnit = article.units.find((unit) => unit.name === article.main_unit);
    if (mainUnit.parent) assert.equal(await mainUnitItem.locator('.fact-parent').textContent(), `thuộc ${mainUnit.parent}`);
    assert.deepEqual(await page.locator('#article-terms li').allTextContents(), article.terms);

    // Similar articles, as the API lists them.
    await page.locator('#article-similar').waitFor({ state: similar.hits.length > 0 ? 'visible' : 'hidden' });
    assert.deepEqual(await page.locator('#article-similar li a').allTextContents(), similar.hits.map((hit) => hit.title));
    await saveScreenshot(page, 'article', { fullPage: false });

    // A unit link starts a search filtered by that unit alone.
    const unitSearch = await apiJson(`/api/search?${searchParams({ q: '', unit: article.main_unit })}`);
    await mainUnitItem.locator('a').first().click();
    await page.waitForURL((url) => url.searchParams.get('unit') === article.main_unit && !url.searchParams.has('id'));
    assert.equal(new URL(page.url()).searchParams.get('q'), null);
    await waitForResults(page);
    assert.deepEqual(await page.locator('#results li.hit').evaluateAll((items) => items.map((item) => item.dataset.id)),
      unitSearch.hits.map((hit) => hit.id));
    assert.ok(await page.locator(`#facet-unit input[data-value="${article.main_unit}"]`).isChecked());
    assert.equal(await page.locator('#active-filters .chip').first().textContent(), `Đơn vị: ${article.main_unit}×`);
    await saveScreenshot(page, 'unit-link-filters-search');

    // Back: the article again; back again: the results, the focus on the link that opened it.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('id') === ARTICLE_ID);
    await page.locator('#article-persons li').first().waitFor();
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('id') && url.searchParams.get('q') === QUERY_WITHOUT_DIACRITICS);
    await waitForResults(page);
    assert.equal(await page.locator('#q').inputValue(), QUERY_WITHOUT_DIACRITICS);
    await page.waitForFunction((id) => document.activeElement?.closest('li.hit')?.dataset.id === id, ARTICLE_ID);

    // Forward: the article once more.
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('id') === ARTICLE_ID);
    await waitForText(page, '#article-title', article.title.slice(0, 20));
  });
});

test('an article opened with an accented query marks exactly those accents', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'accented-marks', {}, async (page) => {
    // "Khoa học": "học" with its dot below, not "hóc"; folded, every mark reads "khoa" or "hoc".
    await page.goto(`${baseUrl}/?${searchParams({ id: ARTICLE_ID, q: 'Khoa học' })}`);
    await page.locator('#article-body mark').first().waitFor();
    const marks = await page.locator('#article-body mark').allTextContents();
    assert.deepEqual([...new Set(marks.map((mark) => mark.toLowerCase()))].sort(), ['học', 'khoa']);
    assert.ok(marks.every((mark) => ['khoa', 'hoc'].includes(fold(mark))));
    // The back link leads to the search the article was opened from.
    const backHref = new URL(await page.locator('#back-link').getAttribute('href'), baseUrl);
    assert.equal(backHref.searchParams.get('q'), 'Khoa học');
    assert.equal(backHref.searchParams.get('id'), null);
    await page.locator('#back-link').click();
    await page.waitForURL((url) => !url.searchParams.has('id'));
    await waitForResults(page);
    assert.ok(await page.locator('#results li.hit').count() > 0);
    assert.equal(await page.locator('#q').inputValue(), 'Khoa học');
  });
});
