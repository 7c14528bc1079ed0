// The search box's as-you-type suggestions: an ARIA 1.2 combobox (the <input>) that controls a
// listbox of persons, units and article titles from GET /api/suggest.
//
// Keyboard: ArrowDown/ArrowUp move through the options (and open the list), Enter chooses the
// active option (with none active, the form submits the typed query), Escape closes the list
// (a second Escape lets the search input clear itself). The input keeps the focus throughout;
// the active option is announced through aria-activedescendant.
//
// Requests are debounced and each one aborts the previous, and an answer is shown only if the
// box still holds the text it was asked for, so a slow answer never replaces a newer one.

import { fetchJson, suggestApiUrl } from './api.js';
import { element } from './dom.js';
import { formatCount } from './format.js';
import { markedSegments, queryHighlightTerms } from './query-words.js';

const DEBOUNCE_MS = 120;
const MIN_TYPED_LENGTH = 2;
const SUGGESTION_LIMIT = 8;

const TYPE_LABELS = { person: 'Nhân vật', unit: 'Đơn vị', title: 'Bài viết' };

export class SuggestBox {
  // `input` is the combobox, `list` its listbox, `status` a polite live region. `onChoose`
  // receives the chosen suggestion ({type, text, id?, count?}).
  constructor({ input, list, status, onChoose }) {
    this.input = input;
    this.list = list;
    this.status = status;
    this.onChoose = onChoose;
    this.suggestions = [];
    this.activeIndex = -1;
    this.debounceTimer = 0;
    this.request = null;

    input.addEventListener('input', () => this.scheduleFetch());
    input.addEventListener('keydown', (event) => this.onKeyDown(event));
    input.addEventListener('blur', () => this.close());
    // Keep the focus in the input while the pointer picks an option.
    list.addEventListener('pointerdown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.choose(Number(option.dataset.index));
    });
  }

  isOpen() {
    return !this.list.hidden;
  }

  // Closes the list and forgets pending requests: after a search is submitted, say.
  close() {
    clearTimeout(this.debounceTimer);
    if (this.request) this.request.abort();
    this.request = null;
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.setActive(-1);
  }

  // Closes the list and forgets its options: when the page sets the box's text itself.
  reset() {
    this.close();
    this.suggestions = [];
    this.list.replaceChildren();
    this.status.textContent = '';
  }

  scheduleFetch() {
    clearTimeout(this.debounceTimer);
    const typed = this.input.value.trim();
    if (typed.length < MIN_TYPED_LENGTH) {
      this.close();
      this.suggestions = [];
      return;
    }
    this.debounceTimer = setTimeout(() => this.fetchSuggestions(typed), DEBOUNCE_MS);
  }

  async fetchSuggestions(typed) {
    if (this.request) this.request.abort();
    const request = new AbortController();
    this.request = request;
    let answer;
    try {
      answer = await fetchJson(suggestApiUrl(typed, SUGGESTION_LIMIT), request.signal);
    } catch {
      return; // aborted, or failed: suggestions are a convenience, the search still works
    }
    if (this.request !== request || this.input.value.trim() !== typed) return;
    if (document.activeElement !== this.input) return;
    this.request = null;
    this.show(Array.isArray(answer.suggestions) ? answer.suggestions : [], typed);
  }

  show(suggestions, typed) {
    this.suggestions = suggestions;
    // The typed words, the last one as a prefix, marked in each suggestion.
    const typedTerms = queryHighlightTerms(/\s$/.test(typed) ? typed : `${typed}*`);
    this.list.replaceChildren(...suggestions.map((suggestion, index) =>
      this.renderOption(suggestion, index, typedTerms)));
    this.setActive(-1);
    const open = suggestions.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.status.textContent = open
      ? `${suggestions.length} gợi ý; dùng phím mũi tên lên, xuống để chọn.`
      : '';
  }

  renderOption(suggestion, index, typedTerms) {
    const typeLabel = TYPE_LABELS[suggestion.type] || '';
    const text = element('span', { className: 'suggest-text' },
      markedSegments(suggestion.text, typedTerms).map((segment) =>
        segment.marked ? element('b', { textContent: segment.text }) : segment.text));
    const parts = [element('span', { className: 'suggest-type', textContent: typeLabel }), text];
    if (Number.isFinite(suggestion.count)) {
      parts.push(element('span', { className: 'suggest-count', textContent: `${formatCount(suggestion.count)} bài` }));
    }
    return element('li', {
      id: `suggest-option-${index}`,
      className: `suggest-option suggest-${suggestion.type}`,
      dataset: { index: String(index), type: suggestion.type },
      attributes: { role: 'option', 'aria-selected': 'false' },
    }, parts);
  }

  setActive(index) {
    this.activeIndex = index;
    for (const option of this.list.children) {
      option.setAttribute('aria-selected', String(Number(option.dataset.index) === index));
    }
    if (index >= 0) {
      const option = this.list.children[index];
      this.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  onKeyDown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        if (!this.isOpen()) {
          this.list.hidden = false;
          this.input.setAttribute('aria-expanded', 'true');
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // -1 (no option: the typed text) sits between the last and the first option.
        const next = ((this.activeIndex + 1 + step + count + 1) % (count + 1)) - 1;
        this.setActive(next);
        break;
      }
      case 'Enter':
        if (this.isOpen() && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.activeIndex);
        } else {
          this.close();
        }
        break;
      case 'Escape':
        if (this.isOpen()) {
          event.preventDefault(); // not also the search input's own "clear on Escape"
          this.close();
        }
        break;
      default:
    }
  }

  choose(index) {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.reset();
    this.onChoose(suggestion);
  }
}
