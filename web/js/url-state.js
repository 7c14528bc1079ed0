// Page state ⇄ URL. The URL is the single source of truth for what the page shows:
//
//   ?q=QUERY&unit=U&term=T&person=P&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=S&page=N&size=M
//       search results; every parameter optional, a facet parameter repeated for several values
//       (OR within a facet, AND across facets, as the API). No parameter at all: the newest
//       articles.
//   ?id=ARTICLE_ID&…   one article; the search parameters are kept, for its "back to results"
//       link and to mark the query's words in its text.
//   ?person_page=NAME&…   the page of the person NAME (any spelling): their roles by term, units
//       and articles; namesakes in unrelated units listed apart.
//   ?unit_page=NAME&…     the page of the unit NAME: its parent and child units, its leadership
//       by term and its articles.
//
// A state shows at most one of an article, a person page and a unit page (the first of id,
// person_page, unit_page in the URL wins); the search parameters always come along, for the
// back link.
//
// Defaults are left out of URLs to keep them short and shareable. Pure functions, no DOM.

import { foldPhrase } from './query-words.js';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 1000; // the API's limit

// The facets of the API, in sidebar order, with their Vietnamese names.
export const FACETS = [
  { name: 'unit', label: 'Đơn vị' },
  { name: 'term', label: 'Nhiệm kỳ' },
  { name: 'person', label: 'Nhân vật' },
];
export const FACET_NAMES = FACETS.map((facet) => facet.name);

export const SORT_ORDERS = ['relevance', '-date', 'date'];

function parsePositiveInt(text, fallback, max) {
  const number = Number.parseInt(text, 10);
  if (!Number.isFinite(number) || number < 1) return fallback;
  return Math.min(number, max);
}

function parseIsoDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || '') ? text : '';
}

function uniqueNonEmpty(values) {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

// A state with nothing chosen: the home page.
export function emptyState() {
  return {
    query: '',
    filters: Object.fromEntries(FACET_NAMES.map((name) => [name, []])),
    from: '',
    to: '',
    sort: '', // '' = the default for the query (see effectiveSort)
    page: 1,
    size: DEFAULT_PAGE_SIZE,
    articleId: '',
    personPage: '', // a person's name
    unitPage: '', // a unit's name
  };
}

// Reads a state from a location.search string; anything malformed falls back to its default.
export function readUrlState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.query = (params.get('q') || '').trim();
  for (const name of FACET_NAMES) state.filters[name] = uniqueNonEmpty(params.getAll(name));
  state.from = parseIsoDate(params.get('from'));
  state.to = parseIsoDate(params.get('to'));
  state.sort = SORT_ORDERS.includes(params.get('sort')) ? params.get('sort') : '';
  state.page = parsePositiveInt(params.get('page'), 1, MAX_PAGE);
  state.size = parsePositiveInt(params.get('size'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  state.articleId = params.get('id') || '';
  if (!state.articleId) state.personPage = (params.get('person_page') || '').trim();
  if (!state.articleId && !state.personPage) state.unitPage = (params.get('unit_page') || '').trim();
  return state;
}

// The query-string parameters of a state's search, without id/page/size.
function appendSearchParams(params, state) {
  if (state.query) params.set('q', state.query);
  for (const name of FACET_NAMES) {
    for (const value of state.filters[name] || []) params.append(name, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
}

// The relative URL ("?q=…", or the page's path for the home page) for a state.
export function urlForState(state) {
  const params = new URLSearchParams();
  if (state.articleId) params.set('id', state.articleId);
  else if (state.personPage) params.set('person_page', state.personPage);
  else if (state.unitPage) params.set('unit_page', state.unitPage);
  appendSearchParams(params, state);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
}

// What `state` shows: 'article', 'person' (a person page), 'unit' (a unit page) or 'results'.
export function shownView(state) {
  if (state.articleId) return 'article';
  if (state.personPage) return 'person';
  if (state.unitPage) return 'unit';
  return 'results';
}

// `state`'s search showing `target` instead of what it shows: {articleId}, {personPage},
// {unitPage}, or {} for the search's results.
export function stateShowing(state, target) {
  return { ...state, articleId: '', personPage: '', unitPage: '', ...target };
}

// Relevance means nothing without words, so a search of filters alone lists the newest first.
export function effectiveSort(state) {
  return state.sort || (state.query ? 'relevance' : '-date');
}

export function hasFilters(state) {
  return FACET_NAMES.some((name) => state.filters[name].length > 0) || Boolean(state.from || state.to);
}

export function isHomeState(state) {
  return !state.query && !hasFilters(state);
}

// A copy of `state` with `changes`, back on page 1 and out of any article or page: what every
// change of query, filter or order leads to.
export function refinedState(state, changes) {
  return {
    ...state,
    filters: { ...state.filters },
    ...changes,
    page: 1,
    articleId: '',
    personPage: '',
    unitPage: '',
  };
}

// `state` with `value` added to or removed from facet `name`.
export function withFacetValue(state, name, value, selected) {
  const others = state.filters[name].filter((existing) => existing !== value);
  const filters = { ...state.filters, [name]: selected ? [...others, value] : others };
  return refinedState(state, { filters });
}

// A fresh search for one facet value alone: where an entity link in an article leads.
export function facetOnlyState(name, value) {
  const state = emptyState();
  state.filters[name] = [value];
  return state;
}

// The values selected in each facet as the API names them, each {stateValue, value, count}:
// `stateValue` as in the URL (what removing it must take out), `value` as the index spells it
// (the API lists every selected value, resolving "tran binh trong" to "Trần Bình Trọng" and
// "Bộ TN&MT" to "Bộ Tài nguyên và Môi trường"), `count` its count in `facetValues`, or null.
// `facetValues` is the search response's `facets` ({} before one arrives). Selected values are
// matched by spelling, then without accents, then in the order the URL lists them.
export function resolveSelections(state, facetValues) {
  const selections = {};
  for (const name of FACET_NAMES) {
    const listed = ((facetValues && facetValues[name]) || []).filter((entry) => entry.selected);
    const unclaimed = new Set(listed);
    const claim = (predicate) => {
      const entry = [...unclaimed].find(predicate);
      if (entry) unclaimed.delete(entry);
      return entry;
    };
    const matches = state.filters[name].map((stateValue) =>
      claim((entry) => entry.value === stateValue) ||
      claim((entry) => foldPhrase(entry.value) === foldPhrase(stateValue)) ||
      null);
    selections[name] = state.filters[name].map((stateValue, index) => {
      const entry = matches[index] || claim(() => true);
      return { stateValue, value: entry ? entry.value : stateValue, count: entry ? entry.count : null };
    });
  }
  return selections;
}
