// The vnsearchd JSON API as the page uses it: request URLs built from page state, and one
// fetch function that caches answers and turns every failure into a message for the reader.
// URLs are relative ("api/…"), so the page also works when served under a path prefix.

import { FACET_NAMES, effectiveSort } from './url-state.js';

// Answers by request URL, so back/forward and re-renders redraw instantly. The index does not
// change under a running page often enough to matter; a reload starts afresh.
const MAX_CACHED_RESPONSES = 60;
const responseCache = new Map();

// A failure to show the reader: `message` is in Vietnamese, or the server's own message;
// `status` is the HTTP status (404: no such article, person or unit), or 0 without an answer.
export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

// GETs a JSON document. Throws ApiError, or the AbortError of `signal`.
export async function fetchJson(url, signal) {
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
    throw new ApiError(serverMessage || `Máy chủ trả lỗi ${response.status}.`, response.status);
  }
  if (body === null) throw new ApiError('Máy chủ trả về dữ liệu không hợp lệ.', response.status);
  if (responseCache.size >= MAX_CACHED_RESPONSES) {
    responseCache.delete(responseCache.keys().next().value);
  }
  responseCache.set(url, body);
  return body;
}

// GET /api/search for `state`, listing `facetSize` values per facet (selected ones come on top).
export function searchApiUrl(state, facetSize) {
  const params = new URLSearchParams({ q: state.query });
  for (const name of FACET_NAMES) {
    for (const value of state.filters[name]) params.append(name, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  params.set('sort', effectiveSort(state));
  params.set('page', String(state.page));
  params.set('size', String(state.size));
  params.set('facet_size', String(facetSize));
  return `api/search?${params}`;
}

export function articleApiUrl(articleId) {
  return `api/articles/${encodeURIComponent(articleId)}`;
}

export function similarApiUrl(articleId, limit) {
  return `api/articles/${encodeURIComponent(articleId)}/similar?limit=${limit}`;
}

// GET /api/persons/{name}: the person page of `name`, any spelling (404 when no article names
// them).
export function personApiUrl(name) {
  return `api/persons/${encodeURIComponent(name)}`;
}

// GET /api/units/{name}: the unit page of `name`, any spelling (404 when no article names it).
export function unitApiUrl(name) {
  return `api/units/${encodeURIComponent(name)}`;
}

// GET /api/facets/{facet}: the values of the whole index whose name or a word of it starts with
// `prefix`, diacritics ignored. Counts are over the whole index, not the current search.
export function facetValuesApiUrl(facetName, prefix, limit) {
  const params = new URLSearchParams({ prefix, limit: String(limit) });
  return `api/facets/${encodeURIComponent(facetName)}?${params}`;
}

export function suggestApiUrl(typed, limit) {
  return `api/suggest?${new URLSearchParams({ q: typed, limit: String(limit) })}`;
}
