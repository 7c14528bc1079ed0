// Browser tests of the person and unit pages (web/js/person-view.js, web/js/unit-view.js) and
// the links into them from the article view, the facet sidebar and the search hits, against a
// real vnsearchd serving corpus/ and tests/data/directory_corpus/ (two congresses of one Chi bộ,
// five years apart, and a namesake who leads a school's Chi bộ). What each page must show is
// asked of /api/persons and /api/units in the test, and compared row by row with what is drawn.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiJson, baseUrl, launchBrowser, pageUrl, saveScreenshot, waitForResults, waitForText, withPage,
} from './harness.mjs';

const TEST_TIMEOUT_MS = 45_000;
// tests/data/directory_corpus/d2_…: the 2025 congress of Chi bộ Vụ Kế hoạch - Tài chính, whose
// Bí thư Nguyễn Văn Bình shares his name with the Bí thư of a school's Chi bộ (d3_…).
const ARTICLE_ID = 'd2_chi_bo_vu_khtc_2025';
const NAMESAKE = 'Nguyễn Văn Bình';
const UNIT = 'Chi bộ Vụ Kế hoạch - Tài chính';
const PHONE_WIDTH = 360;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function personApi(name) {
  return apiJson(`/api/persons/${encodeURIComponent(name)}`);
}

function unitApi(name) {
  return apiJson(`/api/units/${encodeURIComponent(name)}`);
}

// What a link leads to, from its href: {view, name} for a page, {view: 'article', id}.
function linkTarget(href) {
  const params = new URL(href, baseUrl).searchParams;
  if (params.has('id')) return { view: 'article', id: params.get('id') };
  if (params.has('person_page')) return { view: 'person', name: params.get('person_page') };
  if (params.has('unit_page')) return { view: 'unit', name: params.get('unit_page') };
  return { view: 'results' };
}

// The API's facts grouped as a reader wants them: by term in the API's order (newest first),
// the facts with no term last; the same `keyFields` reported by several articles one row, elected
// when any article says so, with every article once.
function expectedRowsByTerm(facts, keyFields) {
  const terms = [...new Set(facts.map((fact) => fact.term || ''))].sort((a, b) => (a === '') - (b === ''));
  return terms.map((term) => {
    const rows = new Map();
    for (const fact of facts.filter((candidate) => (candidate.term || '') === term)) {
      const key = keyFields.map((field) => fact[field]).join('|');
      const row = rows.get(key) || { ...Object.fromEntries(keyFields.map((field) => [field, fact[field]])), elected: false, articles: [] };
      row.elected ||= fact.elected;
      if (!row.articles.includes(fact.article.id)) row.articles.push(fact.article.id);
      rows.set(key, row);
    }
    return { heading: term ? `Nhiệm kỳ ${term}` : 'Không rõ nhiệm kỳ', rows: [...rows.values()] };
  });
}

// The person page as drawn: per person, {heading, timeline: [{heading, rows: [{role, unit,
// elected, articles}]}], units, terms, articles}.
function drawnPersonPage(page) {
  return page.locator('#person-page .person-entry').evaluateAll((entries) => entries.map((entry) => {
    const target = (link) => {
      const params = new URL(link.href).searchParams;
      return params.get('unit_page') || params.get('id');
    };
    return {
      heading: entry.querySelector('.namesake-heading')?.textContent ?? null,
      timeline: [...entry.querySelectorAll('.timeline-term')].map((term) => ({
        heading: term.querySelector('.timeline-term-heading').textContent,
        rows: [...term.querySelectorAll('.timeline-role')].map((row) => ({
          role: row.querySelector('.role-name').textContent,
          unit: row.querySelector('a.role-unit')?.textContent ?? '',
          unitLink: row.querySelector('a.role-unit') ? target(row.querySelector('a.role-unit')) : null,
          elected: row.querySelector('.elected-badge') !== null,
          articles: [...row.querySelectorAll('.role-sources a')].map(target),
        })),
      })),
      units: [...entry.querySelectorAll('.person-units a')].map((link) => [link.textContent, target(link)]),
      terms: [...entry.querySelectorAll('.person-terms li')].map((item) => item.textContent),
      articles: [...entry.querySelectorAll('.person-articles a')].map(target),
    };
  }));
}

// The unit page's leadership tables as drawn: [{heading, rows: [{role, person, elected,
// articles}]}].
function drawnLeadership(page) {
  return page.locator('#unit-page table.leadership-table').evaluateAll((tables) => tables.map((table) => ({
    heading: table.caption.textContent,
    headers: [...table.querySelectorAll('thead th')].map((header) => header.textContent),
    rows: [...table.tBodies[0].rows].map((row) => ({
      role: row.querySelector('.role-name').textContent,
      person: row.querySelector('a.role-person').textContent,
      personLink: new URL(row.querySelector('a.role-person').href).searchParams.get('person_page'),
      elected: row.querySelector('.elected-badge') !== null,
      articles: [...row.querySelectorAll('.role-sources a')].map((link) => new URL(link.href).searchParams.get('id')),
    })),
  })));
}

async function waitForPersonPage(page, name) {
  await page.waitForURL((url) => url.searchParams.get('person_page') === name);
  await page.waitForFunction(() => {
    const content = document.querySelector('#person-page .page-content');
    return !document.querySelector('#person-page').hidden && !content.hasAttribute('aria-busy');
  });
}

async function waitForUnitPage(page, name) {
  await page.waitForURL((url) => url.searchParams.get('unit_page') === name);
  await page.waitForFunction(() => {
    const content = document.querySelector('#unit-page .page-content');
    return !document.querySelector('#unit-page').hidden && !content.hasAttribute('aria-busy');
  });
}

async function assertPersonPageMatchesApi(page, personPage) {
  assert.equal(await page.locator('#person-page-title').textContent(), personPage.name);
  const drawn = await drawnPersonPage(page);
  assert.equal(drawn.length, personPage.people.length, 'one block per person of that name');
  for (const [index, person] of personPage.people.entries()) {
    const shown = drawn[index];
    if (personPage.people.length > 1 && person.units.length > 0) {
      // Namesakes are told apart by their units.
      assert.equal(shown.heading, `${personPage.name} (${person.units[0]})`);
    }
    const expected = expectedRowsByTerm(person.roles, ['role', 'unit']);
    assert.deepEqual(shown.timeline.map((term) => term.heading), expected.map((term) => term.heading),
      `${shown.heading}: the terms, newest first`);
    for (const [termIndex, term] of expected.entries()) {
      assert.deepEqual(shown.timeline[termIndex].rows, term.rows.map((row) => ({ ...row, unitLink: row.unit || null })),
        `${shown.heading}: the rows of ${term.heading}`);
    }
    assert.deepEqual(shown.units, person.units.map((unit) => [unit, unit]));
    assert.deepEqual(shown.terms, person.terms);
    assert.deepEqual(shown.articles, person.articles.map((article) => article.id));
  }
}

async function assertUnitPageMatchesApi(page, unitPage) {
  assert.equal(await page.locator('#unit-page-title').textContent(), unitPage.name);
  const expected = unitPage.leadership.map(({ term, roles }) => {
    const [group] = expectedRowsByTerm(roles.map((role) => ({ ...role, term })), ['role', 'person']);
    return group;
  });
  const drawn = await drawnLeadership(page);
  assert.deepEqual(drawn.map((table) => table.heading), expected.map((group) => group.heading), 'a table per term, newest first');
  for (const [index, group] of expected.entries()) {
    assert.deepEqual(drawn[index].headers, ['Chức vụ', 'Người giữ chức vụ', 'Nguồn']);
    assert.deepEqual(drawn[index].rows, group.rows.map((row) => ({ ...row, personLink: row.person })), group.heading);
  }
  const unitLinks = (selector) => page.locator(`#unit-page ${selector} a`).evaluateAll((links) =>
    links.map((link) => [link.textContent, new URL(link.href).searchParams.get('unit_page')]));
  assert.deepEqual(await unitLinks('.unit-parents'), unitPage.parents.map((name) => [name, name]));
  assert.deepEqual(await unitLinks('.unit-children'), unitPage.children.map((name) => [name, name]));
  assert.equal(await page.locator('#unit-page .unit-articles h2').textContent(),
    `Bài viết nhắc đến đơn vị (${unitPage.total_articles})`);
  assert.deepEqual(await page.locator('#unit-page .unit-articles li a').evaluateAll((links) =>
    links.map((link) => new URL(link.href).searchParams.get('id'))), unitPage.articles.map((article) => article.id));
}

test('a person page from the article view: roles by term as the API has them, namesakes apart; on to a unit page and back', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'person-from-article', {}, async (page) => {
    const personPage = await personApi(NAMESAKE);
    // The test corpus must hold the case the page is for.
    assert.ok(personPage.people.length >= 2, `${NAMESAKE}: ${personPage.people.length} people`);
    assert.ok(personPage.people[0].roles.some((role) => role.elected), 'an elected role');
    assert.ok(personPage.people[0].terms.length >= 2, 'roles in two terms');

    await page.goto(`${baseUrl}/?id=${ARTICLE_ID}`);
    await page.locator('#article-persons li').first().waitFor();
    const shortcut = page.getByRole('link', { name: `Hồ sơ nhân vật ${NAMESAKE}`, exact: true });
    assert.equal(await shortcut.textContent(), 'hồ sơ');
    // The name itself still filters the search, as before.
    const nameLink = page.locator('#article-persons a.fact-link', { hasText: NAMESAKE });
    assert.equal(linkTarget(await nameLink.getAttribute('href')).view, 'results');
    await shortcut.click();
    await waitForPersonPage(page, NAMESAKE);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'person-page-title', 'the focus moves to the name');
    assert.ok(await page.locator('#filters').isHidden(), 'no search filters beside a person page');
    assert.equal(await page.title(), `${personPage.name} – Hồ sơ nhân vật – vnsearch`);
    await assertPersonPageMatchesApi(page, personPage);
    assert.match(await page.locator('#person-page .page-status').textContent(), new RegExp(`^${personPage.people.length} người cùng tên`));
    // Landmarks and headings: the page is a region named by its heading; each namesake an h2.
    assert.equal(await page.getByRole('region', { name: personPage.name }).count(), 1);
    assert.equal(await page.getByRole('heading', { level: 2, name: `${personPage.name} (${personPage.people[0].units[0]})` }).count(), 1);
    await saveScreenshot(page, 'person-page-namesakes');

    // The Chi bộ of the first person's newest role: its unit page.
    const unitLink = page.locator('#person-page .person-entry').first().locator('a.role-unit', { hasText: UNIT }).first();
    await unitLink.click();
    await waitForUnitPage(page, UNIT);
    const unitPage = await unitApi(UNIT);
    assert.ok(unitPage.leadership.length >= 2, 'the unit had leaders in two terms');
    await assertUnitPageMatchesApi(page, unitPage);
    assert.equal(await page.getByRole('table', { name: `Nhiệm kỳ ${unitPage.leadership[0].term}` }).count(), 1,
      'each table is named by its term');
    assert.equal(await page.getByRole('columnheader', { name: 'Người giữ chức vụ' }).count(), unitPage.leadership.length);
    await saveScreenshot(page, 'unit-page');

    // A person in the table leads to their page.
    const leader = unitPage.leadership[0].roles[0].person;
    await page.locator('#unit-page a.role-person', { hasText: leader }).first().click();
    await waitForPersonPage(page, leader);
    await assertPersonPageMatchesApi(page, await personApi(leader));

    // Back: the unit page; back: the person page, the focus on the link that was followed;
    // back: the article. Forward twice: the unit page again.
    await page.goBack();
    await waitForUnitPage(page, UNIT);
    await page.goBack();
    await waitForPersonPage(page, NAMESAKE);
    await page.waitForFunction((unit) => document.activeElement?.matches('a.role-unit') && document.activeElement.textContent === unit, UNIT);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('id') === ARTICLE_ID);
    await page.locator('#article-persons li').first().waitFor();
    await page.goForward();
    await waitForPersonPage(page, NAMESAKE);
    await page.goForward();
    await waitForUnitPage(page, UNIT);
    await waitForText(page, '#unit-page-title', unitPage.name);

    // An article of the unit opens; the page's back link leads to the search page.
    assert.equal(await page.locator('#unit-page .back-link').textContent(), '← Trang tìm kiếm');
    await page.locator('#unit-page .unit-articles a').first().click();
    await page.waitForURL((url) => url.searchParams.get('id') === unitPage.articles[0].id);
    await waitForText(page, '#article-title', unitPage.articles[0].title.slice(0, 20));
  });
});

test('a shared person page URL opens directly, and the unit page lists parents, children and articles', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'direct-urls', {}, async (page) => {
    // Any spelling: without diacritics.
    const personPage = await personApi('tran binh trong');
    await page.goto(`${baseUrl}/?person_page=tran+binh+trong`);
    await waitForPersonPage(page, 'tran binh trong');
    await assertPersonPageMatchesApi(page, personPage);
    assert.equal(await page.locator('#person-page .namesake-heading').count(), 0, 'one person: no namesake headings');
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Chức vụ theo nhiệm kỳ' }).count(), 1);
    const searchLink = page.locator('#person-page .page-search-link');
    assert.deepEqual(new URL(await searchLink.getAttribute('href'), baseUrl).searchParams.getAll('person'), [personPage.name]);
    await saveScreenshot(page, 'person-page');

    // A unit with parents and children.
    const parentUnit = (await unitApi(UNIT)).parents[0];
    const parentPage = await unitApi(parentUnit);
    assert.ok(parentPage.children.length > 0, `${parentUnit} has child units`);
    await page.goto(`${baseUrl}/?${new URLSearchParams({ unit_page: parentUnit })}`);
    await waitForUnitPage(page, parentUnit);
    await assertUnitPageMatchesApi(page, parentPage);
    await page.locator('#unit-page .unit-children a', { hasText: UNIT }).click();
    await waitForUnitPage(page, UNIT);
    await assertUnitPageMatchesApi(page, await unitApi(UNIT));
    await page.goBack();
    await waitForUnitPage(page, parentUnit);
    await page.waitForFunction((unit) => document.activeElement?.textContent === unit, UNIT);

    // A unit no one is said to lead says so.
    const leaderless = (await apiJson('/api/search?q=&facet_size=100')).facets.unit.map((entry) => entry.value);
    for (const candidate of leaderless) {
      const candidatePage = await unitApi(candidate);
      if (candidatePage.leadership.length > 0) continue;
      await page.goto(`${baseUrl}/?${new URLSearchParams({ unit_page: candidate })}`);
      await waitForUnitPage(page, candidate);
      await waitForText(page, '#unit-page .unit-leadership', 'chưa cho biết ai giữ chức vụ');
      assert.equal(await page.locator('#unit-page table').count(), 0);
      break;
    }
  });
});

test('the facet sidebar opens person and unit pages beside its checkboxes; back returns to the search', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'pages-from-sidebar', {}, async (page) => {
    const query = 'dai hoi';
    const search = await apiJson(`/api/search?q=${encodeURIComponent(query)}&facet_size=9`);
    const person = search.facets.person[0].value;

    await page.goto(pageUrl({ q: query }));
    await waitForResults(page);
    // Every person and unit value has its page link; terms have none.
    for (const facet of ['person', 'unit']) {
      const values = await page.locator(`#facet-${facet} .facet-values li`).count();
      assert.equal(await page.locator(`#facet-${facet} .facet-values li a.profile-shortcut`).count(), values);
    }
    assert.equal(await page.locator('#facet-term a.profile-shortcut').count(), 0);
    const personShortcut = page.locator('#facet-person').getByRole('link', { name: `Hồ sơ nhân vật ${person}`, exact: true });
    await personShortcut.click();
    await waitForPersonPage(page, person);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), query, 'the search comes along');
    assert.equal(url.searchParams.get('person'), null, 'following the link does not filter');
    await assertPersonPageMatchesApi(page, await personApi(person));

    // "Quay lại kết quả": the same search, the focus back on the link.
    const backLink = page.locator('#person-page .back-link');
    assert.equal(await backLink.textContent(), '← Quay lại kết quả');
    await backLink.click();
    await page.waitForURL((current) => !current.searchParams.has('person_page') && current.searchParams.get('q') === query);
    await waitForResults(page);
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === `Hồ sơ nhân vật ${name}`, person);

    // The checkbox still filters.
    await page.locator(`#facet-person input[data-value="${person}"]`).check();
    await page.waitForURL((current) => current.searchParams.get('person') === person);
    await waitForResults(page);

    // A unit's link, from the filtered search.
    const filtered = await apiJson(`/api/search?q=${encodeURIComponent(query)}&person=${encodeURIComponent(person)}&facet_size=9`);
    const unit = filtered.facets.unit[0].value;
    await page.locator('#facet-unit').getByRole('link', { name: `Hồ sơ đơn vị ${unit}`, exact: true }).click();
    await waitForUnitPage(page, unit);
    assert.equal(new URL(page.url()).searchParams.get('person'), person);
    await assertUnitPageMatchesApi(page, await unitApi(unit));
    await page.goBack();
    await page.waitForURL((current) => !current.searchParams.has('unit_page'));
    await waitForResults(page);
    assert.ok(await page.locator(`#facet-person input[data-value="${person}"]`).isChecked());
  });
});

test('search hits name their persons and units as links to their pages', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'pages-from-hits', {}, async (page) => {
    const search = await apiJson(`/api/search?q=${encodeURIComponent(NAMESAKE)}`);
    const hitIndex = search.hits.findIndex((candidate) => candidate.persons.slice(0, 3).includes(NAMESAKE));
    assert.ok(hitIndex >= 0, `a hit names ${NAMESAKE} among its first persons`);
    const hit = search.hits[hitIndex];
    await page.goto(pageUrl({ q: NAMESAKE }));
    await waitForResults(page);
    const item = page.locator('#results li.hit').nth(hitIndex);
    assert.equal(await item.getAttribute('data-id'), hit.id);
    assert.deepEqual(await item.locator('a.hit-person').allTextContents(), hit.persons.slice(0, 3));
    assert.deepEqual(await item.locator('a.hit-unit').allTextContents(), hit.units.slice(0, 2));
    if (hit.persons.length > 3) {
      assert.ok((await item.locator('.hit-entities').textContent()).includes(`và ${hit.persons.length - 3} người khác`));
    }
    await saveScreenshot(page, 'hits-with-entities');

    const personLink = item.locator('a.hit-person', { hasText: NAMESAKE });
    await personLink.click();
    await waitForPersonPage(page, NAMESAKE);
    await assertPersonPageMatchesApi(page, await personApi(NAMESAKE));
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('person_page'));
    await waitForResults(page);
    await page.waitForFunction((name) => document.activeElement?.matches('a.hit-person') && document.activeElement.textContent === name, NAMESAKE);

    await item.locator('a.hit-unit').first().click();
    await waitForUnitPage(page, hit.units[0]);
    await assertUnitPageMatchesApi(page, await unitApi(hit.units[0]));
  });
});

test('an unknown person or unit: "không tìm thấy", with a full-text search as a way on; a server error says so', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'pages-not-found', {
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of (404|500)/],
  }, async (page) => {
    const nobody = 'Người Không Có Thật';
    await page.goto(`${baseUrl}/?${new URLSearchParams({ person_page: nobody })}`);
    await waitForText(page, '#person-page-title', `Không tìm thấy nhân vật “${nobody}”`);
    assert.equal(await page.locator('#person-page .page-status').textContent(), 'Chưa có bài viết nào nhắc đến nhân vật này.');
    assert.equal(await page.locator('#person-page .page-content').textContent(), '');
    const way = page.locator('#person-page .page-search-link');
    assert.equal(new URL(await way.getAttribute('href'), baseUrl).searchParams.get('q'), nobody);
    await saveScreenshot(page, 'person-page-not-found');
    await way.click();
    await page.waitForURL((url) => url.searchParams.get('q') === nobody && !url.searchParams.has('person_page'));
    await waitForResults(page);

    await page.goto(`${baseUrl}/?${new URLSearchParams({ unit_page: 'Vụ Không Có Thật' })}`);
    await waitForText(page, '#unit-page-title', 'Không tìm thấy đơn vị “Vụ Không Có Thật”');

    await page.route('**/api/units/**', (route) => route.fulfill({
      status: 500, json: { error: { code: 'internal', message: 'Lỗi thử nghiệm.' } },
    }));
    await page.goto(`${baseUrl}/?${new URLSearchParams({ unit_page: UNIT })}`);
    await waitForText(page, '#unit-page-title', 'Không mở được hồ sơ đơn vị');
    assert.equal(await page.locator('#unit-page .page-status').textContent(), 'Lỗi thử nghiệm.');
  });
});

test('the person and unit pages fit a 360px phone', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, 'pages-phone', { viewport: { width: PHONE_WIDTH, height: 740 } }, async (page) => {
    await page.goto(`${baseUrl}/?${new URLSearchParams({ person_page: NAMESAKE })}`);
    await waitForPersonPage(page, NAMESAKE);
    const personWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(personWidth <= PHONE_WIDTH, `the person page is ${personWidth}px wide`);
    await saveScreenshot(page, 'person-page-360px');

    await page.locator('#person-page a.role-unit', { hasText: UNIT }).first().click();
    await waitForUnitPage(page, UNIT);
    const unitWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(unitWidth <= PHONE_WIDTH, `the unit page is ${unitWidth}px wide`);
    // Each row of the leadership table is laid out as a block, its cells named by their column.
    const firstRow = page.locator('#unit-page tr.leadership-row').first();
    assert.equal(await firstRow.evaluate((row) => getComputedStyle(row).display), 'block');
    assert.equal(await page.getByRole('table', { name: `Nhiệm kỳ ${(await unitApi(UNIT)).leadership[0].term}` }).count(), 1,
      'still a table for screen readers');
    await saveScreenshot(page, 'unit-page-360px');
  });
});
