// vnsearch search page controller: turns the URL into what index.html shows.
//
// The URL is the single source of truth for page state:
//   ?q=QUERY&page=N&size=M   a page of search results (page and size optional)
//   ?id=ARTICLE_ID&q=...     one article; q/page are kept for "back to results"
// Every navigation goes through navigateTo() (history.pushState) and every
// display goes through showUrlState(), which also runs on first load and on
// popstate, so opening a shared URL and the back/forward buttons all behave
// the same way.
//
// Safety: the API's `snippet` is the only HTML inserted (the server escapes it
// and adds only <mark>); every other field goes in through textContent.
'use strict';

(() => {
  const DEFAULT_PAGE_SIZE = 10;
  const MAX_PAGE_SIZE = 100;
  // Show "searching…" only if the answer is slow, to avoid a flicker.
  const LOADING_MESSAGE_DELAY_MS = 200;
  const MAX_CACHED_RESPONSES = 20;

  const el = {
    searchForm: document.getElementById('search-form'),
    queryInput: document.getElementById('q'),
    homeLink: document.getElementById('home-link'),
    resultsView: document.getElementById('results-view'),
    summary: document.getElementById('summary'),
    suggestion: document.getElementById('suggestion'),
    partialNote: document.getElementById('partial-note'),
    results: document.getElementById('results'),
    pager: document.getElementById('pager'),
    prevPage: document.getElementById('prev-page'),
    nextPage: document.getElementById('next-page'),
    pageStatus: document.getElementById('page-status'),
    article: document.getElementById('article'),
    backLink: document.getElementById('back-link'),
    articleTitle: document.getElementById('article-title'),
    articleMeta: document.getElementById('article-meta'),
    articleBody: document.getElementById('article-body'),
  };

  // API responses by request URL, so back/forward redraws instantly.
  const responseCache = new Map();
  // Aborts the request of the previous showUrlState() when a newer one starts.
  let inFlightRequest = null;

  // ---- URL state ---------------------------------------------------------

  function parsePositiveInt(text, fallback, max) {
    const number = Number.parseInt(text, 10);
    if (!Number.isFinite(number) || number < 1) return fallback;
    return Math.min(number, max);
  }

  // Reads {query, page, size, articleId} from a location.search string.
  function readUrlState(search) {
    const params = new URLSearchParams(search);
    return {
      query: (params.get('q') || '').trim(),
      page: parsePositiveInt(params.get('page'), 1, Number.MAX_SAFE_INTEGER),
      size: parsePositiveInt(params.get('size'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      articleId: params.get('id') || '',
    };
  }

  // The relative URL ("?q=…") for a state; defaults are left out to keep it short.
  function urlForState(state) {
    const params = new URLSearchParams();
    if (state.articleId) params.set('id', state.articleId);
    if (state.query) params.set('q', state.query);
    if (state.query && state.page > 1) params.set('page', String(state.page));
    if (state.query && state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  }

  function navigateTo(state, historyEntryData = {}) {
    // Remember where the reader was on this page, for when they come back.
    history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
    history.pushState(historyEntryData, '', urlForState(state));
    showUrlState();
  }

  // ---- API ---------------------------------------------------------------

  class ApiError extends Error {}

  // GETs a JSON document; throws ApiError with a message fit for the reader.
  async function fetchJson(url, signal) {
    if (responseCache.has(url)) return responseCache.get(url);
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (networkError) {
      if (networkError.name === 'AbortError') throw networkError;
      throw new ApiError('Không kết nối được máy chủ tìm kiếm.');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (parseError) {
      if (parseError.name === 'AbortError') throw parseError;
    }
    if (!response.ok) {
      const serverMessage = body && body.error && body.error.message;
      throw new ApiError(serverMessage || `Máy chủ trả lỗi ${response.status}.`);
    }
    if (body === null) throw new ApiError('Máy chủ trả về dữ liệu không hợp lệ.');
    if (responseCache.size >= MAX_CACHED_RESPONSES) {
      responseCache.delete(responseCache.keys().next().value);
    }
    responseCache.set(url, body);
    return body;
  }

  function searchApiUrl(state) {
    const params = new URLSearchParams({
      q: state.query,
      page: String(state.page),
      size: String(state.size),
    });
    return `api/search?${params}`;
  }

  function articleApiUrl(articleId) {
    return `api/articles/${encodeURIComponent(articleId)}`;
  }

  // ---- formatting --------------------------------------------------------

  const countFormat = new Intl.NumberFormat('vi-VN');
  const millisecondsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

  // "2022-09-27" → "27/09/2022"; with a time, "27/09/2022 19:45". Other text as is.
  function formatDate(isoDate) {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(isoDate || '');
    if (!match) return isoDate || '';
    const [, year, month, day, hour, minute] = match;
    const datePart = `${day}/${month}/${year}`;
    return hour ? `${datePart} ${hour}:${minute}` : datePart;
  }

  // Fills a meta line with "date · source · author", leaving out the empty ones.
  function fillMetaLine(metaElement, fields) {
    const parts = [];
    if (fields.date) {
      const time = document.createElement('time');
      time.dateTime = fields.date;
      time.textContent = formatDate(fields.date);
      parts.push(time);
    }
    for (const text of [fields.source, fields.author]) {
      if (text) parts.push(document.createTextNode(text));
    }
    metaElement.replaceChildren();
    parts.forEach((part, index) => {
      if (index > 0) metaElement.append(' · ');
      metaElement.append(part);
    });
    metaElement.hidden = parts.length === 0;
  }

  // ---- rendering: search results -----------------------------------------

  function showView(name) {
    el.resultsView.hidden = name !== 'results';
    el.article.hidden = name !== 'article';
  }

  function clearResults() {
    el.summary.textContent = '';
    el.summary.classList.remove('error');
    el.suggestion.hidden = true;
    el.suggestion.replaceChildren();
    el.partialNote.hidden = true;
    el.results.replaceChildren();
    el.pager.hidden = true;
  }

  function renderHit(hit, state) {
    const item = document.createElement('li');
    item.className = 'hit';
    item.dataset.id = hit.id;

    const heading = document.createElement('h2');
    heading.className = 'hit-heading';
    const titleLink = document.createElement('a');
    titleLink.className = 'hit-title';
    titleLink.href = urlForState({ ...state, articleId: hit.id });
    titleLink.textContent = hit.title || '(Không có tiêu đề)';
    heading.append(titleLink);
    item.append(heading);

    if (hit.date || hit.source) {
      const meta = document.createElement('p');
      meta.className = 'hit-meta';
      fillMetaLine(meta, hit);
      item.append(meta);
    }

    const snippet = document.createElement('p');
    snippet.className = 'snippet';
    snippet.innerHTML = hit.snippet || ''; // server-escaped HTML with <mark> only
    item.append(snippet);
    return item;
  }

  function renderSuggestion(suggestedQuery, state) {
    if (!suggestedQuery) return;
    const link = document.createElement('a');
    link.href = urlForState({ query: suggestedQuery, page: 1, size: state.size });
    link.textContent = suggestedQuery;
    link.addEventListener('click', (event) => {
      if (!isPlainLeftClick(event)) return;
      event.preventDefault();
      navigateTo({ query: suggestedQuery, page: 1, size: state.size });
    });
    el.suggestion.replaceChildren('Có phải bạn muốn tìm: ', link);
    el.suggestion.hidden = false;
  }

  function setPagerLink(link, targetState) {
    if (targetState) {
      link.href = urlForState(targetState);
      link.removeAttribute('aria-disabled');
      link.onclick = (event) => {
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigateTo(targetState);
      };
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.onclick = null;
    }
  }

  function renderPager(total, state) {
    const pageCount = Math.ceil(total / state.size);
    if (pageCount <= 1 && state.page === 1) {
      el.pager.hidden = true;
      return;
    }
    const lastPage = Math.max(pageCount, 1);
    // From a page past the end (an old URL), "Trước" leads to the last real page.
    const previousPage = Math.min(state.page - 1, lastPage);
    setPagerLink(el.prevPage, state.page > 1 ? { ...state, page: previousPage } : null);
    setPagerLink(el.nextPage, state.page < lastPage ? { ...state, page: state.page + 1 } : null);
    el.pageStatus.textContent = `Trang ${countFormat.format(state.page)} / ${countFormat.format(lastPage)}`;
    el.pager.hidden = false;
  }

  function renderSearchResponse(response, state) {
    clearResults();
    const hits = Array.isArray(response.hits) ? response.hits : [];
    const total = Number(response.total) || 0;
    if (total === 0) {
      el.summary.textContent = `Không tìm thấy kết quả nào cho “${state.query}”.`;
    } else if (hits.length === 0) {
      el.summary.textContent = `Trang ${state.page} không có kết quả (tổng cộng ${countFormat.format(total)} kết quả).`;
    } else {
      const tookMs = millisecondsFormat.format(Number(response.took_ms) || 0);
      el.summary.textContent = `Tìm thấy ${countFormat.format(total)} kết quả (${tookMs} ms)`;
    }
    renderSuggestion(response.suggestion, state);
    el.partialNote.hidden = !(response.partial_match && hits.length > 0);
    el.results.start = (state.page - 1) * state.size + 1;
    el.results.replaceChildren(...hits.map((hit) => renderHit(hit, state)));
    renderPager(total, state);
  }

  function renderSearchError(message) {
    clearResults();
    el.summary.textContent = `Lỗi: ${message}`;
    el.summary.classList.add('error');
  }

  // ---- rendering: one article --------------------------------------------

  // Splits a plain-text body into paragraphs on blank lines.
  function bodyParagraphs(bodyText) {
    return String(bodyText || '')
      .split(/\r?\n[ \t]*\r?\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== '');
  }

  function renderArticle(article) {
    el.articleTitle.textContent = article.title || '(Không có tiêu đề)';
    fillMetaLine(el.articleMeta, article);
    el.articleBody.replaceChildren(
      ...bodyParagraphs(article.body).map((paragraphText) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = paragraphText;
        return paragraph;
      }),
    );
    document.title = `${el.articleTitle.textContent} – vnsearch`;
  }

  function renderArticleError(message) {
    el.articleTitle.textContent = 'Không mở được bài viết';
    el.articleMeta.hidden = true;
    const paragraph = document.createElement('p');
    paragraph.className = 'error';
    paragraph.textContent = message;
    el.articleBody.replaceChildren(paragraph);
    document.title = 'Không mở được bài viết – vnsearch';
  }

  function prepareBackLink(state) {
    const resultsState = { ...state, articleId: '' };
    el.backLink.href = urlForState(resultsState);
    el.backLink.textContent = state.query ? '← Quay lại kết quả' : '← Trang tìm kiếm';
  }

  // ---- showing the state in the URL --------------------------------------

  async function showUrlState() {
    const state = readUrlState(location.search);
    const savedScrollY = (history.state && history.state.scrollY) || 0;
    if (inFlightRequest) inFlightRequest.abort();
    const request = new AbortController();
    inFlightRequest = request;
    el.queryInput.value = state.query;

    if (state.articleId) {
      showView('article');
      prepareBackLink(state);
      el.articleTitle.textContent = 'Đang tải…';
      el.articleMeta.hidden = true;
      el.articleBody.replaceChildren();
      window.scrollTo(0, 0);
      try {
        renderArticle(await fetchJson(articleApiUrl(state.articleId), request.signal));
      } catch (error) {
        if (error.name === 'AbortError') return;
        renderArticleError(error.message);
      }
      el.articleTitle.focus({ preventScroll: true });
      return;
    }

    showView('results');
    if (!state.query) {
      clearResults();
      document.title = 'vnsearch – Tìm kiếm tin tức';
      return;
    }
    document.title = `${state.query} – vnsearch`;
    el.results.setAttribute('aria-busy', 'true');
    const loadingTimer = setTimeout(() => {
      el.summary.classList.remove('error');
      el.summary.textContent = 'Đang tìm…';
    }, LOADING_MESSAGE_DELAY_MS);
    try {
      renderSearchResponse(await fetchJson(searchApiUrl(state), request.signal), state);
      window.scrollTo(0, savedScrollY);
    } catch (error) {
      if (error.name === 'AbortError') return;
      renderSearchError(error.message);
    } finally {
      clearTimeout(loadingTimer);
      if (inFlightRequest === request) el.results.removeAttribute('aria-busy');
    }
  }

  // ---- wiring ------------------------------------------------------------

  // True for a click that should stay in this page (not ctrl/middle-click to a new tab).
  function isPlainLeftClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
  }

  function isTypingTarget(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  }

  el.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const current = readUrlState(location.search);
    navigateTo({ query: el.queryInput.value.trim(), page: 1, size: current.size });
  });

  el.results.addEventListener('click', (event) => {
    const titleLink = event.target.closest('a.hit-title');
    if (!titleLink || !isPlainLeftClick(event)) return;
    event.preventDefault();
    const current = readUrlState(location.search);
    const articleId = titleLink.closest('li.hit').dataset.id;
    navigateTo({ ...current, articleId }, { openedFromResults: true });
  });

  el.backLink.addEventListener('click', (event) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    // Going back restores the results' history entry, scroll position included.
    if (history.state && history.state.openedFromResults) history.back();
    else navigateTo({ ...readUrlState(location.search), articleId: '' });
  });

  el.homeLink.addEventListener('click', (event) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    navigateTo({ query: '', page: 1, size: DEFAULT_PAGE_SIZE });
    el.queryInput.focus();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    event.preventDefault();
    el.queryInput.focus();
    el.queryInput.select();
  });

  window.addEventListener('popstate', showUrlState);

  history.scrollRestoration = 'manual'; // showUrlState restores it after redrawing
  showUrlState();
  if (!location.search) el.queryInput.focus();
})();
