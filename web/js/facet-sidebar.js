// The filter sidebar: the date range and, for each facet (Đơn vị, Nhiệm kỳ, Nhân vật), its
// values with counts as checkboxes, a "Xem thêm" button and, for long lists, a filter box.
//
// Counts come from the search response and are multi-select counts (each facet ignores its own
// filter), so ticking a second value of a facet shows how many more articles it adds.
//
// A facet shows VISIBLE_VALUES values plus the selected ones; the search asks for one more, to
// know whether to offer "Xem thêm", which asks the search again for FULL_FACET_SIZE values. The
// filter box asks GET /api/facets/{facet}?prefix= for the names that match (diacritics ignored,
// any word of a name), then shows those that occur in the current results with their counts
// there: that endpoint counts over the whole index, not the current search.
//
// Each person and unit has a small "›" link beside its checkbox to its page (page-links.js):
// ticking filters, the link opens the page. The sidebar never changes the URL itself: a change
// of filter goes to `onNavigate(state)`, the link is followed by app.js.

import { fetchJson, facetValuesApiUrl } from './api.js';
import { element, setTextIfChanged } from './dom.js';
import { formatCount } from './format.js';
import { profileShortcut } from './page-links.js';
import { FACETS, FACET_NAMES, hasFilters, refinedState, resolveSelections, withFacetValue } from './url-state.js';

export const VISIBLE_VALUES = 8;
export const FULL_FACET_SIZE = 100; // the API's maximum facet_size
// The facets whose values have a page of their own.
const FACETS_WITH_PAGES = new Set(['person', 'unit']);
const FILTER_DEBOUNCE_MS = 150;
const FILTER_LIMIT = 100;

export class FacetSidebar {
  // `root` is the <aside>. `onNavigate(state)` applies a new search state; `onNeedFullFacets()`
  // asks for the current search again with facetSize() values per facet; `loadFullFacets()`
  // resolves to the current search's response with FULL_FACET_SIZE values per facet.
  constructor(root, { onNavigate, onNeedFullFacets, loadFullFacets }) {
    this.root = root;
    this.onNavigate = onNavigate;
    this.onNeedFullFacets = onNeedFullFacets;
    this.loadFullFacets = loadFullFacets;
    this.state = null;
    this.response = null;
    this.toggle = root.querySelector('#filters-toggle');
    this.toggleCount = root.querySelector('#filters-toggle-count');
    this.panel = root.querySelector('#filters-panel');
    this.dateFrom = root.querySelector('#date-from');
    this.dateTo = root.querySelector('#date-to');
    this.facets = new Map(FACETS.map(({ name, label }) => {
      const section = root.querySelector(`.facet[data-facet="${name}"]`);
      return [name, {
        name,
        label,
        section,
        list: section.querySelector('.facet-values'),
        note: section.querySelector('.facet-note'),
        more: section.querySelector('.facet-more'),
        filterRow: section.querySelector('.facet-filter'),
        filterInput: section.querySelector('.facet-filter-input'),
        expanded: false,
        filterTimer: 0,
        filterSequence: 0,
      }];
    }));
    this.wire();
  }

  wire() {
    this.toggle.addEventListener('click', () => {
      const open = this.toggle.getAttribute('aria-expanded') !== 'true';
      this.toggle.setAttribute('aria-expanded', String(open));
      this.panel.classList.toggle('open', open);
    });

    const onDateChange = () => {
      if (!this.state) return;
      // An incomplete date reads as "": wait for a whole one, or a cleared field.
      if (!this.dateFrom.validity.valid || !this.dateTo.validity.valid) return;
      this.onNavigate(refinedState(this.state, { from: this.dateFrom.value, to: this.dateTo.value }));
    };
    this.dateFrom.addEventListener('change', onDateChange);
    this.dateTo.addEventListener('change', onDateChange);

    for (const facet of this.facets.values()) {
      facet.list.addEventListener('change', (event) => {
        const checkbox = event.target.closest('input[type="checkbox"]');
        if (!checkbox || !this.state) return;
        // Unticking removes the value as the URL spells it; ticking adds the index's spelling.
        const value = checkbox.checked ? checkbox.dataset.value : checkbox.dataset.stateValue || checkbox.dataset.value;
        this.onNavigate(withFacetValue(this.state, facet.name, value, checkbox.checked));
      });
      facet.more.addEventListener('click', () => {
        facet.expanded = !facet.expanded;
        if (this.facetSize() === FULL_FACET_SIZE && !this.hasFullLists()) this.onNeedFullFacets();
        else this.renderFacet(facet);
      });
      facet.filterInput.addEventListener('input', () => {
        clearTimeout(facet.filterTimer);
        facet.filterTimer = setTimeout(() => this.renderFacet(facet), FILTER_DEBOUNCE_MS);
      });
      facet.filterInput.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') event.preventDefault(); // nothing to submit
      });
    }
  }

  // How many values per facet the search should ask for.
  facetSize() {
    const wantsAll = [...this.facets.values()].some((facet) => facet.expanded || facet.filterInput.value.trim());
    return wantsAll ? FULL_FACET_SIZE : VISIBLE_VALUES + 1;
  }

  hasFullLists() {
    return this.response !== null && this.response.facetSize >= FULL_FACET_SIZE;
  }

  setVisible(visible) {
    this.root.hidden = !visible;
  }

  // Shows `state`'s filters and `response`'s counts. `response` is a search response with an
  // added `facetSize` (what it was asked with), or null while the first one loads.
  render(state, response) {
    this.state = state;
    this.response = response;
    if (document.activeElement !== this.dateFrom) this.dateFrom.value = state.from;
    if (document.activeElement !== this.dateTo) this.dateTo.value = state.to;
    this.dateFrom.max = state.to;
    this.dateTo.min = state.from;
    const activeCount = FACET_NAMES.reduce((sum, name) => sum + state.filters[name].length, 0) +
      (state.from ? 1 : 0) + (state.to ? 1 : 0);
    setTextIfChanged(this.toggleCount, activeCount > 0 ? `(${activeCount})` : '');
    this.toggle.classList.toggle('has-filters', hasFilters(state));
    for (const facet of this.facets.values()) this.renderFacet(facet);
  }

  renderFacet(facet) {
    if (!this.state) return;
    const filterText = facet.filterInput.value.trim();
    if (filterText) {
      this.renderFilteredFacet(facet, filterText);
      return;
    }
    facet.filterSequence += 1; // drops any filtered answer still on its way
    const values = (this.response && this.response.facets && this.response.facets[facet.name]) || [];
    const selections = resolveSelections(this.state, this.response && this.response.facets)[facet.name];
    const unselected = values.filter((entry) => !entry.selected);
    const hasMore = unselected.length > VISIBLE_VALUES;
    const shown = facet.expanded ? unselected : unselected.slice(0, VISIBLE_VALUES);
    this.fillList(facet, [
      ...selections.map((selection) => ({ ...selection, selected: true })),
      ...shown.map((entry) => ({ value: entry.value, count: entry.count, selected: false })),
    ]);
    facet.more.hidden = !hasMore;
    facet.more.textContent = facet.expanded ? 'Thu gọn' : 'Xem thêm';
    facet.more.setAttribute('aria-expanded', String(facet.expanded && hasMore));
    const truncated = facet.expanded && unselected.length >= FULL_FACET_SIZE;
    this.setNote(facet, truncated ? `Chỉ hiện ${FULL_FACET_SIZE} giá trị nhiều bài nhất; gõ vào ô lọc để tìm giá trị khác.` : '');
    facet.filterRow.hidden = !(hasMore || facet.expanded || document.activeElement === facet.filterInput);
    facet.section.hidden = values.length === 0 && selections.length === 0;
  }

  async renderFilteredFacet(facet, filterText) {
    facet.filterSequence += 1;
    const sequence = facet.filterSequence;
    const state = this.state;
    let matching;
    let context;
    try {
      [matching, context] = await Promise.all([
        fetchJson(facetValuesApiUrl(facet.name, filterText, FILTER_LIMIT)),
        this.loadFullFacets(),
      ]);
    } catch (error) {
      if (sequence !== facet.filterSequence) return;
      this.fillList(facet, []);
      this.setNote(facet, `Không lọc được: ${error.message}`);
      return;
    }
    if (sequence !== facet.filterSequence || state !== this.state) return;
    const contextValues = (context.facets && context.facets[facet.name]) || [];
    const contextByValue = new Map(contextValues.map((entry) => [entry.value, entry]));
    // With fewer values than asked for, the context lists every value the results have.
    const contextComplete = contextValues.filter((entry) => !entry.selected).length < FULL_FACET_SIZE;
    const selections = resolveSelections(state, context.facets)[facet.name];
    const selectedByValue = new Map(selections.map((selection) => [selection.value, selection]));
    const entries = [];
    for (const candidate of matching.values || []) {
      const selection = selectedByValue.get(candidate.value);
      const inContext = contextByValue.get(candidate.value);
      if (selection) entries.push({ ...selection, selected: true });
      else if (inContext) entries.push({ value: candidate.value, count: inContext.count, selected: false });
      else if (!contextComplete) entries.push({ value: candidate.value, count: null, selected: false });
    }
    this.fillList(facet, entries);
    facet.more.hidden = true;
    facet.section.hidden = false;
    facet.filterRow.hidden = false;
    let note = '';
    if (entries.length === 0) note = `Không có ${facet.label.toLowerCase()} nào khớp “${filterText}” trong các kết quả này.`;
    else if ((matching.total || 0) > (matching.values || []).length) note = 'Còn giá trị khác khớp; gõ thêm để thu hẹp.';
    this.setNote(facet, note);
  }

  setNote(facet, text) {
    setTextIfChanged(facet.note, text);
    facet.note.hidden = text === '';
  }

  // Replaces the facet's checkboxes with `entries` ({value, stateValue?, count, selected}),
  // keeping the focus on the same value's checkbox (or page link) if it had it.
  fillList(facet, entries) {
    const focusedNode = facet.list.contains(document.activeElement) ? document.activeElement : null;
    const focused = focusedNode ? focusedNode.dataset.value || focusedNode.dataset[facet.name] || '' : null;
    const focusedPageLink = Boolean(focusedNode && focusedNode.matches('a'));
    facet.list.replaceChildren(...entries.map((entry) => {
      const checkbox = element('input', {
        type: 'checkbox',
        checked: entry.selected,
        dataset: { value: entry.value, ...(entry.stateValue ? { stateValue: entry.stateValue } : {}) },
      });
      const countText = entry.count === null || entry.count === undefined ? '' : formatCount(entry.count);
      const label = element('label', { className: 'facet-option' }, [
        checkbox,
        element('span', { className: 'facet-value', textContent: entry.value }),
        element('span', { className: 'facet-count', textContent: countText }),
      ]);
      if (countText) label.append(element('span', { className: 'visually-hidden', textContent: ' bài' }));
      const item = element('li', {}, [label]);
      if (FACETS_WITH_PAGES.has(facet.name)) item.append(profileShortcut(this.state, facet.name, entry.value, '›'));
      return item;
    }));
    if (focused !== null) {
      const again = [...facet.list.querySelectorAll('input[type="checkbox"]')]
        .find((checkbox) => checkbox.dataset.value === focused || checkbox.dataset.stateValue === focused);
      const againLink = focusedPageLink && again ? again.closest('li').querySelector('a') : null;
      (againLink || again || facet.list.querySelector('input') || facet.filterInput).focus({ preventScroll: true });
    }
  }
}
