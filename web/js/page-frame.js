// The frame the person page and the unit page share (index.html's #person-page and #unit-page):
// the back link to the search, what kind of page it is, the heading, a status line (loading,
// a summary, "not found", errors; read out politely) and the content the page's view builds.
// Also the small pieces both pages are made of: headed sections, lists of links, the "được bầu"
// marker and an article's sources.

import { element } from './dom.js';
import { formatCount } from './format.js';
import { articleLinkNodes } from './page-links.js';
import { emptyState, facetOnlyState, isHomeState, refinedState, stateShowing, urlForState } from './url-state.js';

export class PageFrame {
  // `root` is the page's <section>; `kind` is 'person' or 'unit', `kindName` how the page is
  // called ("Hồ sơ nhân vật") and `thingName` what it is about ("nhân vật").
  constructor(root, { kind, kindName, thingName }) {
    this.root = root;
    this.kind = kind;
    this.kindName = kindName;
    this.thingName = thingName;
    const find = (selector) => root.querySelector(selector);
    this.backLink = find('.back-link');
    this.title = find('h1');
    this.status = find('.page-status');
    this.actions = find('.page-actions');
    this.content = find('.page-content');
  }

  // Empties the page and shows `name` (as the URL spells it) loading.
  renderPending(state, name) {
    const resultsState = stateShowing(state, {});
    this.backLink.href = urlForState(resultsState);
    this.backLink.textContent = isHomeState(resultsState) ? '← Trang tìm kiếm' : '← Quay lại kết quả';
    this.title.textContent = name;
    this.status.classList.remove('error');
    this.status.textContent = 'Đang tải…';
    this.actions.replaceChildren();
    this.actions.hidden = true;
    this.content.replaceChildren();
    this.content.setAttribute('aria-busy', 'true');
    document.title = `${name} – ${this.kindName} – vnsearch`;
  }

  // Shows the page of `name` (the index's spelling): `summary` in the status line, a link to
  // the articles that name it, and `contentNodes`.
  renderPage(name, summary, contentNodes) {
    this.title.textContent = name;
    this.status.textContent = summary;
    this.showSearchLink(name, `Tìm các bài viết nhắc đến ${this.thingName} này`);
    this.content.replaceChildren(...contentNodes);
    this.content.removeAttribute('aria-busy');
    document.title = `${name} – ${this.kindName} – vnsearch`;
  }

  // The API knows nothing of `name` (404): says so, with a full-text search for it as a way on.
  renderNotFound(name) {
    this.title.textContent = `Không tìm thấy ${this.thingName} “${name}”`;
    this.status.textContent = `Chưa có bài viết nào nhắc đến ${this.thingName} này.`;
    this.showSearchLink(name, `Tìm “${name}” trong nội dung các bài viết`, { asText: true });
    this.content.replaceChildren();
    this.content.removeAttribute('aria-busy');
    document.title = `Không tìm thấy ${this.thingName} – vnsearch`;
  }

  renderError(message) {
    this.title.textContent = `Không mở được ${this.kindName.toLowerCase()}`;
    this.status.textContent = message;
    this.status.classList.add('error');
    this.content.replaceChildren();
    this.content.removeAttribute('aria-busy');
    document.title = `Không mở được ${this.kindName.toLowerCase()} – vnsearch`;
  }

  // A link to a fresh search: filtered by `name` as a facet value, or `asText` for its words.
  showSearchLink(name, text, { asText = false } = {}) {
    const searchState = asText ? refinedState(emptyState(), { query: name }) : facetOnlyState(this.kind, name);
    this.actions.replaceChildren(element('a', {
      className: 'page-search-link',
      href: urlForState(searchState),
      textContent: text,
      dataset: { nav: 'search' },
    }));
    this.actions.hidden = false;
  }

  focusTitle() {
    this.title.focus({ preventScroll: true });
  }
}

// A <section> headed by an <hN> (`level`) with `headingText`, holding `children`; `className`
// names the section for styles and tests.
export function headedSection(className, level, headingText, children) {
  return element('section', { className }, [
    element(`h${level}`, { className: 'page-section-heading', textContent: headingText }),
    ...children,
  ]);
}

// A heading's text with a count after it: "Bài viết (12)".
export function countedHeading(text, count) {
  return `${text} (${formatCount(count)})`;
}

// A <ul> of `items`, each an <li> of the nodes `itemNodes(item)` gives.
export function linkList(className, items, itemNodes) {
  return element('ul', { className }, items.map((item) => element('li', {}, itemNodes(item))));
}

// The "được bầu" marker of a fact an article reports as an election.
export function electedBadge() {
  return element('span', { className: 'elected-badge', textContent: 'được bầu' });
}

// "Nguồn: <article>; <article>": the articles that report a row's fact (without "Nguồn: " where
// a column header says it: `labelled` false).
export function sourcesLine(state, articles, { labelled = true } = {}) {
  const line = element('span', { className: 'role-sources' }, labelled ? ['Nguồn: '] : []);
  articles.forEach((article, index) => {
    if (index > 0) line.append('; ');
    line.append(...articleLinkNodes(state, article));
  });
  return line;
}
