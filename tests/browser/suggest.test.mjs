// Browser tests of the search box's helpers: as-you-type suggestions driven by the keyboard
// (web/js/suggest-box.js), "Có phải bạn muốn tìm" from a real spelling suggestion, and what an
// empty result offers. Against a real vnsearchd serving corpus/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiJson, baseUrl, launchBrowser, pageUrl, saveScreenshot, searchParams, waitForResults, waitForText, withPage,
} from './harness.mjs';

const TEST_TIMEOUT_MS = 30_000;
const SUGGESTION_LIMIT = 8; // web/js/suggest-box.js

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function suggestApi(typed) {
  return apiJson(`/api/suggest?${searchParams({ q: typed, limit: String(SUGGESTION_LIMIT) })}`);
}

// The input's active option: {id, text, type} of the option aria-activedescendant names.
function activeOption(page) {
  return page.evaluate(() => {
    const input = document.querySelector('#q');
    const id = input.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option && {
      id,
      text: option.querySelector('.suggest-text').textContent,
      type: option.dataset.type,
      selected: option.getAttribute('aria-selected'),
    };
  });
}

async function waitForOptions(page, expectedTexts) {
  await page.waitForFunction((texts) => {
    const shown = [...document.querySelectorAll('#suggest-list [role="option"] .suggest-text')].map((node) => node.textContent);
    return !document.querySelector('#suggest-list').hidden && shown.join('\n') === texts.join('\n');
  }, expectedTexts);
}

test('as-you-type suggestions: keyboard selection of a person adds that filter', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'suggest-person', {}, async (page) => {
    const typed = 'tran b';
    const expected = await suggestApi(typed);
    const person = expected.suggestions.find((suggestion) => suggestion.type === 'person');
    assert.ok(person, `/api/suggest proposes a person for "${typed}"`);

    await page.goto(`${baseUrl}/`);
    const input = page.locator('#q');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'the home page focuses the box');
    await input.pressSequentially(typed, { delay: 20 });
    await waitForOptions(page, expected.suggestions.map((suggestion) => suggestion.text));
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await input.getAttribute('aria-controls'), 'suggest-list');
    assert.equal(await page.locator('#suggest-list').getAttribute('role'), 'listbox');
    assert.equal(await activeOption(page), null, 'no option is active before the arrows are used');

    // ArrowDown walks down, wraps through "no option" (the typed text) back to the first.
    const optionCount = expected.suggestions.length;
    await input.press('ArrowDown');
    assert.deepEqual(await activeOption(page), {
      id: 'suggest-option-0', text: expected.suggestions[0].text, type: expected.suggestions[0].type, selected: 'true',
    });
    for (let step = 1; step <= optionCount; step += 1) await input.press('ArrowDown');
    assert.equal(await activeOption(page), null, 'past the last option the typed text is active again');
    await input.press('ArrowUp');
    assert.equal((await activeOption(page)).id, `suggest-option-${optionCount - 1}`, 'ArrowUp from the text goes to the last');

    // Escape closes the list and keeps the text; ArrowDown opens it again.
    await input.press('Escape');
    assert.ok(await page.locator('#suggest-list').isHidden());
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await input.inputValue(), typed);
    await input.press('ArrowDown');
    assert.ok(await page.locator('#suggest-list').isVisible());
    for (let step = 0; step < optionCount && (await activeOption(page))?.text !== person.text; step += 1) {
      await input.press('ArrowDown');
    }
    assert.equal((await activeOption(page)).text, person.text);
    await saveScreenshot(page, 'suggestions-keyboard');

    // Enter chooses it: the search becomes that person's filter.
    await input.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('person') === person.text);
    assert.equal(new URL(page.url()).searchParams.get('q'), null, 'the typed fragment is not searched for');
    const filtered = await apiJson(`/api/search?${searchParams({ q: '', person: person.text })}`);
    await waitForResults(page);
    assert.equal(await page.locator('#results li.hit').count(), filtered.hits.length);
    assert.equal(await page.locator('#active-filters .chip').first().textContent(), `Nhân vật: ${person.text}×`);
    assert.ok(await page.locator('#suggest-list').isHidden());
    assert.equal(await input.inputValue(), '');
  });
});

test('a title suggestion opens its article; Enter without a choice searches the text', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'suggest-title', {}, async (page) => {
    const typed = 'khoa';
    const expected = await suggestApi(typed);
    const titleIndex = expected.suggestions.findIndex((suggestion) => suggestion.type === 'title');
    assert.ok(titleIndex >= 0, `/api/suggest proposes a title for "${typed}"`);
    const title = expected.suggestions[titleIndex];

    await page.goto(`${baseUrl}/`);
    const input = page.locator('#q');
    await input.pressSequentially(typed, { delay: 20 });
    await waitForOptions(page, expected.suggestions.map((suggestion) => suggestion.text));
    // The typed part is marked in every option.
    assert.ok((await page.locator('#suggest-list [role="option"] b').allTextContents()).every((bold) => /^khoa$/i.test(bold)));
    for (let step = 0; step <= titleIndex; step += 1) await input.press('ArrowDown');
    assert.equal((await activeOption(page)).type, 'title');
    await input.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('id') === title.id);
    await waitForText(page, '#article-title', title.text);

    // Typing, then Enter with no option chosen, searches the text as typed.
    await input.fill('');
    await input.pressSequentially('dai hoi', { delay: 10 });
    await input.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'dai hoi' && !url.searchParams.has('id'));
    await waitForResults(page);
    assert.ok(await page.locator('#results li.hit').count() > 0);
    assert.ok(await page.locator('#suggest-list').isHidden());
  });
});

test('"khoa hoc cong nghe" offers "Có phải bạn muốn tìm: khoa học công nghệ", which runs it', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'did-you-mean', {}, async (page) => {
    const typed = 'khoa hoc cong nghe';
    const suggested = 'khoa học công nghệ';
    const response = await apiJson(`/api/search?${searchParams({ q: typed })}`);
    assert.equal(response.suggestion, suggested);
    const accented = await apiJson(`/api/search?${searchParams({ q: suggested })}`);

    await page.goto(pageUrl({ q: typed }));
    const line = await waitForText(page, '#suggestion', suggested);
    assert.equal(line, `Có phải bạn muốn tìm: ${suggested}`);
    await saveScreenshot(page, 'did-you-mean');
    await page.locator('#suggestion a').click();
    await page.waitForURL((url) => url.searchParams.get('q') === suggested);
    await page.waitForFunction((ids) =>
      [...document.querySelectorAll('#results li.hit')].map((item) => item.dataset.id).join() === ids.join(),
    accented.hits.map((hit) => hit.id));
    assert.equal(await page.locator('#q').inputValue(), suggested);
    // Both searches list the same articles, so the list above may match before the new answer
    // is shown: wait for it to drop the line (no suggestion for the suggestion itself).
    await page.locator('#suggestion').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading');
  });
});

test('an empty result says so and offers to drop the filters', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'empty-result', {}, async (page) => {
    // Trần Bình Trọng is not named in any article of the Sở Khoa học và Công nghệ.
    const query = 'hoi nghi';
    const person = 'Trần Bình Trọng';
    const unit = 'Sở Khoa học và Công nghệ';
    const empty = await apiJson(`/api/search?${searchParams({ q: query, person, unit })}`);
    assert.equal(empty.total, 0, 'no article has both');
    const unfiltered = await apiJson(`/api/search?${searchParams({ q: query })}`);
    assert.ok(unfiltered.total > 0);

    await page.goto(pageUrl({ q: query, person, unit }));
    await waitForText(page, '#summary', `Không tìm thấy kết quả nào cho “${query}”.`);
    assert.equal(await page.locator('#results li.hit').count(), 0);
    assert.ok(await page.locator('#pager').isHidden());
    assert.ok(await page.locator('#no-results-help').isVisible());
    // The selected values stay listed and ticked, so they can be unticked right there.
    assert.ok(await page.locator(`#facet-unit input[data-value="${unit}"]`).isChecked());
    assert.ok(await page.locator(`#facet-person input[data-value="${person}"]`).isChecked());
    await saveScreenshot(page, 'empty-result');

    await page.getByRole('link', { name: 'Bỏ tất cả bộ lọc' }).click();
    await page.waitForURL((url) => !url.searchParams.has('unit') && !url.searchParams.has('person') &&
      url.searchParams.get('q') === query);
    await waitForResults(page);
    assert.match(await page.locator('#summary').textContent(), new RegExp(`^Tìm thấy ${unfiltered.total} kết quả`));
  });
});
