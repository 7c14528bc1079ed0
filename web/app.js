// vnsearch search page controller: turns the URL into what index.html shows, and the reader's
// actions into URLs.
//
// The URL is the single source of truth for page state (js/url-state.js). Every navigation goes
// through navigateTo() (history.pushState) and every display through showUrlState(), which also
// runs on first load and on popstate, so a shared URL and the back/forward buttons all behave
// the same way. Internal links are real links with a data-nav attribute saying what they lead
// to; one click handler turns plain clicks on them into navigateTo().
//
// The views (js/results-view.js, js/facet-sidebar.js, js/article-view.js, js/person-view.js,
// js/unit-view.js, js/suggest-box.js) render and report what the reader asks for; only this
// file touches history and the network order of things.

import { articleApiUrl, fetchJson, personApiUrl, searchApiUrl, similarApiUrl, unitApiUrl } from './js/api.js';
import { ArticleView } from './js/article-view.js';
import { isPlainLeftClick } from './js/dom.js';
import { FULL_FACET_SIZE, FacetSidebar } from './js/facet-sidebar.js';
import { PersonView } from './js/person-view.js';
import { ResultsView } from './js/results-view.js';
import { SuggestBox } from './js/suggest-box.js';
import { UnitView } from './js/unit-view.js';
import {
  FACET_NAMES, emptyState, readUrlState, refinedState, shownView, urlForState, withFacetValue,
} from './js/url-state.js';

// Show "searching…" only if the answer is slow, to avoid a flicker.
const LOADING_MESSAGE_DELAY_MS = 200;
const SIMILAR_LIMIT = 5;
const HOME_TITLE = 'vnsearch – Tìm kiếm tin tức';

const el = {
  searchForm: document.getElementById('search-form'),
  queryInput: document.getElementById('q'),
  homeLink: document.getElementById('home-link'),
  layout: document.getElementById('layout'),
  resultsView: document.getElementById('results-view'),
  article: document.getElementById('article'),
  personPage: document.getElementById('person-page'),
  unitPage: document.getElementById('unit-page'),
};

// Aborts the requests of the previous showUrlState() when a newer one starts.
let inFlightRequest = null;

// Filters, chips and the sort order change the results in place: the focus and the scroll
// position stay where the reader is.
const resultsView = new ResultsView(el.resultsView, {
  onNavigate: (state) => navigateTo(state, { focus: 'none', keepScroll: true }),
});
const articleView = new ArticleView(el.article);
const personView = new PersonView(el.personPage);
const unitView = new UnitView(el.unitPage);
const sidebar = new FacetSidebar(document.getElementById('filters'), {
  onNavigate: (state) => navigateTo(state, { focus: 'none', keepScroll: true }),
  onNeedFullFacets: () => showUrlState({ focus: 'none', keepScroll: true }),
  loadFullFacets: () => fetchJson(searchApiUrl(readUrlState(location.search), FULL_FACET_SIZE)),
});
const suggestBox = new SuggestBox({
  input: el.queryInput,
  list: document.getElementById('suggest-list'),
  status: document.getElementById('suggest-status'),
  onChoose: chooseSuggestion,
});

// ---- navigation --------------------------------------------------------

// Shows `state` in a new history entry. `focus`: 'results' moves the focus to the results'
// heading (after a page change, say), 'none' leaves it where it is. `keepScroll` keeps the
// scroll position rather than going to the top. `historyData` is stored with the new entry;
// `returnFocusId` (an article id: its hit's link) and `returnFocusLink` (see linkPosition) with
// the current one, for when the reader comes back to it.
function navigateTo(state, {
  focus = 'results', keepScroll = false, historyData = {}, returnFocusId = '', returnFocusLink = null,
} = {}) {
  history.replaceState({ ...history.state, scrollY: window.scrollY, returnFocusId, returnFocusLink }, '');
  history.pushState(historyData, '', urlForState(state));
  showUrlState({ focus, keepScroll });
}

function chooseSuggestion(suggestion) {
  const current = readUrlState(location.search);
  if (suggestion.type === 'title' && suggestion.id) {
    navigateTo({ ...current, articleId: suggestion.id }, { focus: 'article' });
  } else if (suggestion.type === 'person' || suggestion.type === 'unit') {
    // The typed text only served to find the name: the search becomes that filter.
    navigateTo(withFacetValue(refinedState(current, { query: '' }), suggestion.type, suggestion.text, true),
      { focus: 'none' });
  } else {
    navigateTo(refinedState(current, { query: suggestion.text }), { focus: 'none' });
  }
}

// ---- showing the state in the URL --------------------------------------

function showView(name) {
  el.resultsView.hidden = name !== 'results';
  el.article.hidden = name !== 'article';
  el.personPage.hidden = name !== 'person';
  el.unitPage.hidden = name !== 'unit';
  sidebar.setVisible(name === 'results');
  el.layout.classList.toggle('without-filters', name !== 'results');
}

// Where a link is, so that the focus can go back to it when the reader comes back:
// {href, index}, `index` counting the visible internal links with the same href before it.
function linkPosition(link) {
  const href = link.getAttribute('href');
  return { href, index: visibleLinksTo(href).indexOf(link) };
}

function visibleLinksTo(href) {
  return [...document.querySelectorAll('a[data-nav]')]
    .filter((link) => link.getAttribute('href') === href && link.getClientRects().length > 0);
}

// Moves the focus back to the link this history entry was left by; false when there is none.
function focusReturnLink() {
  const position = history.state && history.state.returnFocusLink;
  if (!position) return false;
  const links = visibleLinksTo(position.href);
  const link = links[position.index] || links[0];
  link?.focus({ preventScroll: true });
  return Boolean(link);
}

// Shows a person or unit page: `view` is personView or unitView, `apiUrl` its API request.
async function showDirectoryPage(viewName, view, apiUrl, state, request, { focus }) {
  const savedScrollY = (history.state && history.state.scrollY) || 0;
  showView(viewName);
  view.renderPending(state);
  window.scrollTo(0, 0);
  let page;
  try {
    page = await fetchJson(apiUrl, request.signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (error.status === 404) view.renderNotFound(state);
    else view.renderError(error.message);
    view.focusTitle();
    return;
  }
  view.render(page, state);
  // Back or forward to a page: where the reader was on it, on the link they left it by.
  if (focus === 'restore') {
    window.scrollTo(0, savedScrollY);
    if (focusReturnLink()) return;
  }
  view.focusTitle();
}

async function showArticle(state, request) {
  showView('article');
  articleView.renderPending(state);
  window.scrollTo(0, 0);
  let article;
  try {
    article = await fetchJson(articleApiUrl(state.articleId), request.signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    articleView.renderError(error.message);
    articleView.focusTitle();
    return;
  }
  articleView.render(article, state);
  articleView.focusTitle();
  try {
    const similar = await fetchJson(similarApiUrl(state.articleId, SIMILAR_LIMIT), request.signal);
    articleView.renderSimilar(Array.isArray(similar.hits) ? similar.hits : [], state);
  } catch {
    // Similar articles are extra: without them the article is still whole.
  }
}

async function showResults(state, request, { focus, keepScroll }) {
  const savedScrollY = (history.state && history.state.scrollY) || 0;
  const returnFocusId = (history.state && history.state.returnFocusId) || '';
  showView('results');
  resultsView.renderPending(state);
  const searchedFor = state.query || FACET_NAMES.flatMap((name) => state.filters[name]).join(', ');
  document.title = searchedFor ? `${searchedFor} – vnsearch` : HOME_TITLE;
  const facetSize = sidebar.facetSize();
  const loadingTimer = setTimeout(() => resultsView.setLoadingMessage(), LOADING_MESSAGE_DELAY_MS);
  try {
    const response = await fetchJson(searchApiUrl(state, facetSize), request.signal);
    const annotated = { ...response, facetSize };
    resultsView.render(state, annotated);
    sidebar.render(state, annotated);
  } catch (error) {
    if (error.name === 'AbortError') return;
    resultsView.renderError(state, error.message);
    sidebar.render(state, null);
  } finally {
    clearTimeout(loadingTimer);
  }
  if (!keepScroll) window.scrollTo(0, savedScrollY);
  if (focus === 'results') {
    resultsView.focusHeading();
  } else if (focus === 'restore' && returnFocusId) {
    // Back from an article: the focus returns to the link that opened it.
    const link = [...document.querySelectorAll('#results li.hit')]
      .find((item) => item.dataset.id === returnFocusId)?.querySelector('a.hit-title');
    link?.focus({ preventScroll: true });
  } else if (focus === 'restore') {
    // Back from a person or unit page: to the link that opened it (a hit's, the sidebar's).
    focusReturnLink();
  }
}

async function showUrlState({ focus = 'none', keepScroll = false } = {}) {
  const state = readUrlState(location.search);
  if (inFlightRequest) inFlightRequest.abort();
  const request = new AbortController();
  inFlightRequest = request;
  if (el.queryInput.value !== state.query) {
    el.queryInput.value = state.query;
    suggestBox.reset();
  }
  switch (shownView(state)) {
    case 'article':
      await showArticle(state, request);
      break;
    case 'person':
      await showDirectoryPage('person', personView, personApiUrl(state.personPage), state, request, { focus });
      break;
    case 'unit':
      await showDirectoryPage('unit', unitView, unitApiUrl(state.unitPage), state, request, { focus });
      break;
    default:
      await showResults(state, request, { focus, keepScroll });
  }
}

// ---- wiring ------------------------------------------------------------

function isTypingTarget(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

el.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  suggestBox.reset();
  const current = readUrlState(location.search);
  navigateTo(refinedState(current, { query: el.queryInput.value.trim() }), { focus: 'none' });
});

// Plain clicks on internal links (data-nav) stay in the page; others (new tab…) go their way.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav][href]');
  if (!link || !isPlainLeftClick(event)) return;
  event.preventDefault();
  const target = readUrlState(new URL(link.href).search);
  if (link.dataset.nav === 'back') {
    // Going back restores the results' history entry, scroll position included.
    if (history.state && history.state.openedFromResults) history.back();
    else navigateTo(target, { focus: 'results' });
  } else if (shownView(target) === 'results') { // 'page', 'search'
    navigateTo(target, { focus: 'results' });
  } else { // 'article', 'similar', 'person', 'unit'
    // Opened from the results, its back link is the browser's back (scroll position and all).
    const fromResults = shownView(readUrlState(location.search)) === 'results';
    navigateTo(target, {
      focus: 'title',
      historyData: { openedFromResults: fromResults },
      returnFocusId: fromResults && link.classList.contains('hit-title') ? target.articleId : '',
      returnFocusLink: linkPosition(link),
    });
  }
});

el.homeLink.addEventListener('click', (event) => {
  if (!isPlainLeftClick(event)) return;
  event.preventDefault();
  navigateTo(emptyState(), { focus: 'none' });
  el.queryInput.focus();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTypingTarget(event.target)) return;
  event.preventDefault();
  el.queryInput.focus();
  el.queryInput.select();
});

window.addEventListener('popstate', () => showUrlState({ focus: 'restore' }));

history.scrollRestoration = 'manual'; // showResults restores it after redrawing
showUrlState();
if (!location.search) el.queryInput.focus();
