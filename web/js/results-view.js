// The results column: chips for the filters in use, the count and time (an aria-live status),
// the sort order, "Có phải bạn muốn tìm", the hits (each with the first persons and units it
// names, as links to their pages), help when nothing is found, and the pager.
//
// Links carry real hrefs (open in a new tab works) and a data-nav attribute; app.js turns plain
// clicks on them into in-page navigation. The API's `snippet` is the only HTML inserted (the
// server escapes it and adds only <mark>); every other field goes in as text.

import { element, fillMetaLine, setTextIfChanged } from './dom.js';
import { formatCount, formatDate, formatMilliseconds } from './format.js';
import { namePageLink } from './page-links.js';
import {
  FACETS, MAX_PAGE, effectiveSort, emptyState, hasFilters, isHomeState, refinedState, resolveSelections,
  urlForState, withFacetValue,
} from './url-state.js';

// How many page numbers to show each side of the current one.
const PAGE_NUMBER_RADIUS = 2;
// How many of a hit's persons and units to name under it (the article names them in this order).
const HIT_PERSONS_SHOWN = 3;
const HIT_UNITS_SHOWN = 2;

export class ResultsView {
  // `onNavigate(state)` applies a new search state.
  constructor(root, { onNavigate }) {
    this.root = root;
    this.onNavigate = onNavigate;
    this.state = null;
    const find = (selector) => root.querySelector(selector);
    this.heading = find('#results-heading');
    this.activeFilters = find('#active-filters');
    this.summary = find('#summary');
    this.sort = find('#sort');
    this.suggestion = find('#suggestion');
    this.partialNote = find('#partial-note');
    this.noResultsHelp = find('#no-results-help');
    this.results = find('#results');
    this.pager = find('#pager');
    this.prevPage = find('#prev-page');
    this.nextPage = find('#next-page');
    this.pageNumbers = find('#page-numbers');
    this.pageStatus = find('#page-status');
    this.chipToFocus = null; // index of the chip to focus after a chip removed itself

    this.sort.addEventListener('change', () => {
      if (!this.state) return;
      const defaultSort = this.state.query ? 'relevance' : '-date';
      const sort = this.sort.value === defaultSort ? '' : this.sort.value;
      this.onNavigate(refinedState(this.state, { sort }));
    });
    this.activeFilters.addEventListener('click', (event) => {
      const chip = event.target.closest('button[data-remove]');
      if (!chip || !this.state) return;
      this.chipToFocus = Number(chip.dataset.index);
      this.onNavigate(this.stateWithout(chip.dataset));
    });
  }

  stateWithout({ remove, facet, value }) {
    if (remove === 'facet') return withFacetValue(this.state, facet, value, false);
    if (remove === 'from') return refinedState(this.state, { from: '' });
    if (remove === 'to') return refinedState(this.state, { to: '' });
    return refinedState(this.state, { ...emptyState(), query: this.state.query, sort: this.state.sort, size: this.state.size });
  }

  focusHeading() {
    this.heading.focus({ preventScroll: true });
  }

  // Shows what `state` asks for before its answer arrives: the chips and the sort order.
  renderPending(state) {
    this.state = state;
    this.renderChips(state, null);
    this.sort.value = effectiveSort(state);
    this.results.setAttribute('aria-busy', 'true');
  }

  setLoadingMessage() {
    this.summary.classList.remove('error');
    setTextIfChanged(this.summary, 'Đang tìm…');
  }

  clear() {
    setTextIfChanged(this.summary, '');
    this.summary.classList.remove('error');
    this.suggestion.hidden = true;
    this.suggestion.replaceChildren();
    this.partialNote.hidden = true;
    this.noResultsHelp.hidden = true;
    this.noResultsHelp.replaceChildren();
    this.results.replaceChildren();
    this.pager.hidden = true;
  }

  render(state, response) {
    this.state = state;
    this.results.removeAttribute('aria-busy');
    const hits = Array.isArray(response.hits) ? response.hits : [];
    const total = Number(response.total) || 0;
    this.clear();
    this.renderChips(state, response);
    this.sort.value = effectiveSort(state);
    setTextIfChanged(this.summary, this.summaryText(state, response, hits, total));
    this.renderSuggestion(response.suggestion, state);
    this.partialNote.hidden = !(response.partial_match && hits.length > 0);
    if (total === 0) this.renderNoResultsHelp(state);
    this.results.start = (state.page - 1) * state.size + 1;
    this.results.replaceChildren(...hits.map((hit) => this.renderHit(hit, state)));
    this.renderPager(total, state);
  }

  renderError(state, message) {
    this.state = state;
    this.results.removeAttribute('aria-busy');
    this.clear();
    this.renderChips(state, null);
    setTextIfChanged(this.summary, `Lỗi: ${message}`);
    this.summary.classList.add('error');
  }

  summaryText(state, response, hits, total) {
    const took = `(${formatMilliseconds(response.took_ms)} ms)`;
    if (total === 0) {
      return state.query
        ? `Không tìm thấy kết quả nào cho “${state.query}”.`
        : 'Không có bài viết nào khớp bộ lọc đã chọn.';
    }
    if (hits.length === 0) {
      return `Trang ${formatCount(state.page)} không có kết quả (tổng cộng ${formatCount(total)} kết quả).`;
    }
    if (isHomeState(state)) return `Tất cả ${formatCount(total)} bài viết ${took}`;
    return `Tìm thấy ${formatCount(total)} kết quả ${took}`;
  }

  renderChips(state, response) {
    const selections = resolveSelections(state, response && response.facets);
    const chips = [];
    for (const { name, label } of FACETS) {
      for (const selection of selections[name]) {
        chips.push({ text: `${label}: ${selection.value}`, data: { remove: 'facet', facet: name, value: selection.stateValue } });
      }
    }
    if (state.from) chips.push({ text: `Từ ngày ${formatDate(state.from)}`, data: { remove: 'from' } });
    if (state.to) chips.push({ text: `Đến ngày ${formatDate(state.to)}`, data: { remove: 'to' } });
    if (chips.length > 1) chips.push({ text: 'Xoá tất cả bộ lọc', data: { remove: 'all' }, isClearAll: true });

    this.activeFilters.replaceChildren(...chips.map((chip, index) => element('li', {}, [
      element('button', {
        type: 'button',
        className: chip.isClearAll ? 'chip chip-clear' : 'chip',
        dataset: { ...chip.data, index: String(index) },
        attributes: { 'aria-label': chip.isClearAll ? chip.text : `Bỏ lọc ${chip.text}` },
      }, chip.isClearAll ? [chip.text] : [chip.text, element('span', { className: 'chip-x', textContent: '×', attributes: { 'aria-hidden': 'true' } })]),
    ])));
    this.activeFilters.hidden = chips.length === 0;

    if (this.chipToFocus !== null && response) {
      const buttons = this.activeFilters.querySelectorAll('button');
      const target = buttons[Math.min(this.chipToFocus, buttons.length - 1)];
      (target || this.heading).focus({ preventScroll: true });
      this.chipToFocus = null;
    }
  }

  renderSuggestion(suggestedQuery, state) {
    if (!suggestedQuery || suggestedQuery === state.query) return;
    const suggestedState = refinedState(state, { query: suggestedQuery });
    const link = element('a', { href: urlForState(suggestedState), textContent: suggestedQuery, dataset: { nav: 'search' } });
    this.suggestion.replaceChildren('Có phải bạn muốn tìm: ', link);
    this.suggestion.hidden = false;
  }

  renderNoResultsHelp(state) {
    const tips = [];
    if (state.query) {
      tips.push(element('li', { textContent: 'Kiểm tra chính tả, hoặc gõ không dấu: “tran binh trong” cũng tìm được “Trần Bình Trọng”.' }));
      tips.push(element('li', { textContent: 'Dùng ít từ hơn, hoặc từ chung hơn.' }));
    }
    if (hasFilters(state)) {
      const withoutFilters = refinedState(state, { ...emptyState(), query: state.query, sort: state.sort, size: state.size });
      tips.push(element('li', {}, [
        element('a', { href: urlForState(withoutFilters), textContent: 'Bỏ tất cả bộ lọc', dataset: { nav: 'search' } }),
        ' để tìm rộng hơn.',
      ]));
    }
    this.noResultsHelp.replaceChildren(element('p', { textContent: 'Gợi ý:' }), element('ul', {}, tips));
    this.noResultsHelp.hidden = tips.length === 0;
  }

  renderHit(hit, state) {
    const titleLink = element('a', {
      className: 'hit-title',
      href: urlForState({ ...state, articleId: hit.id }),
      textContent: hit.title || '(Không có tiêu đề)',
      dataset: { nav: 'article' },
    });
    const item = element('li', { className: 'hit', dataset: { id: hit.id } }, [
      element('h2', { className: 'hit-heading' }, [titleLink]),
    ]);
    if (hit.date || hit.source) {
      const meta = element('p', { className: 'hit-meta' });
      fillMetaLine(meta, { date: hit.date, source: hit.source });
      item.append(meta);
    }
    const snippet = element('p', { className: 'snippet' });
    snippet.innerHTML = hit.snippet || ''; // server-escaped HTML with <mark> only
    item.append(snippet);
    const entities = this.renderHitEntities(hit, state);
    if (entities) item.append(entities);
    return item;
  }

  // "Nhân vật: A, B, C và 2 người khác · Đơn vị: X, Y và 5 đơn vị khác", each name a link to
  // its page; null when the hit names neither.
  renderHitEntities(hit, state) {
    const groups = [
      { kind: 'person', label: 'Nhân vật', others: 'người', names: hit.persons, shown: HIT_PERSONS_SHOWN },
      { kind: 'unit', label: 'Đơn vị', others: 'đơn vị', names: hit.units, shown: HIT_UNITS_SHOWN },
    ].filter((group) => Array.isArray(group.names) && group.names.length > 0);
    if (groups.length === 0) return null;
    const line = element('p', { className: 'hit-entities' });
    groups.forEach((group, groupIndex) => {
      if (groupIndex > 0) line.append(' · ');
      line.append(element('span', { className: 'hit-entities-label', textContent: `${group.label}: ` }));
      group.names.slice(0, group.shown).forEach((name, index) => {
        if (index > 0) line.append(', ');
        line.append(namePageLink(state, group.kind, name, `hit-${group.kind}`));
      });
      const rest = group.names.length - group.shown;
      if (rest > 0) line.append(` và ${formatCount(rest)} ${group.others} khác`);
    });
    return line;
  }

  setPagerLink(link, targetState) {
    if (targetState) {
      link.href = urlForState(targetState);
      link.dataset.nav = 'page';
      link.removeAttribute('aria-disabled');
    } else {
      link.removeAttribute('href');
      delete link.dataset.nav;
      link.setAttribute('aria-disabled', 'true');
    }
  }

  renderPager(total, state) {
    const pageCount = Math.min(Math.ceil(total / state.size), MAX_PAGE);
    if (pageCount <= 1 && state.page === 1) {
      this.pager.hidden = true;
      return;
    }
    const lastPage = Math.max(pageCount, 1);
    // From a page past the end (an old URL), "Trước" leads to the last real page.
    const previousPage = Math.min(state.page - 1, lastPage);
    this.setPagerLink(this.prevPage, state.page > 1 ? { ...state, page: previousPage } : null);
    this.setPagerLink(this.nextPage, state.page < lastPage ? { ...state, page: state.page + 1 } : null);
    this.pageStatus.textContent = `Trang ${formatCount(state.page)} / ${formatCount(lastPage)}`;

    const numbers = new Set([1, lastPage]);
    for (let page = state.page - PAGE_NUMBER_RADIUS; page <= state.page + PAGE_NUMBER_RADIUS; page += 1) {
      if (page >= 1 && page <= lastPage) numbers.add(page);
    }
    const items = [];
    let previous = 0;
    for (const page of [...numbers].sort((a, b) => a - b)) {
      if (page > previous + 1) items.push(element('li', { className: 'page-gap', textContent: '…', attributes: { 'aria-hidden': 'true' } }));
      const link = element('a', {
        textContent: formatCount(page),
        attributes: { 'aria-label': `Trang ${formatCount(page)}` },
      });
      if (page === state.page) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.href = urlForState({ ...state, page });
        link.dataset.nav = 'page';
      }
      items.push(element('li', {}, [link]));
      previous = page;
    }
    this.pageNumbers.replaceChildren(...items);
    this.pager.hidden = false;
  }
}
