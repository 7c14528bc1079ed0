// The article view: the full text with the search's words marked, what vnsearch understood of
// it (persons with their roles, units with their parents, terms of office) as links that start a
// search filtered by that value — persons and units with a "hồ sơ" link to their page beside —,
// and similar articles.
//
// The API's body is plain text: it is split into paragraphs on blank lines and the query's words
// are marked in the browser (query-words.js), every character going in as a text node.

import { element, fillMetaLine, markedTextNodes } from './dom.js';
import { formatCount, formatDate } from './format.js';
import { queryHighlightTerms, withAccentsFromPhrases } from './query-words.js';
import { profileShortcut } from './page-links.js';
import { facetOnlyState, isHomeState, urlForState } from './url-state.js';

// Splits a plain-text body into paragraphs on blank lines.
function bodyParagraphs(bodyText) {
  return String(bodyText || '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

// A link to a fresh search for one facet value.
function facetLink(facetName, value) {
  return element('a', {
    className: 'fact-link',
    href: urlForState(facetOnlyState(facetName, value)),
    textContent: value,
    dataset: { nav: 'search', facet: facetName, value },
  });
}

export class ArticleView {
  constructor(root) {
    this.root = root;
    const find = (selector) => root.querySelector(selector);
    this.backLink = find('#back-link');
    this.title = find('#article-title');
    this.meta = find('#article-meta');
    this.marksNote = find('#article-marks-note');
    this.body = find('#article-body');
    this.facts = find('#article-facts');
    this.persons = find('#article-persons');
    this.units = find('#article-units');
    this.terms = find('#article-terms');
    this.similar = find('#article-similar');
  }

  // Empties the view and shows "loading" for `state`'s article.
  renderPending(state) {
    const resultsState = { ...state, articleId: '' };
    this.backLink.href = urlForState(resultsState);
    this.backLink.textContent = isHomeState(resultsState) ? '← Trang tìm kiếm' : '← Quay lại kết quả';
    this.title.textContent = 'Đang tải…';
    this.meta.hidden = true;
    this.marksNote.hidden = true;
    this.body.replaceChildren();
    this.facts.hidden = true;
    for (const section of [this.persons, this.units, this.terms, this.similar]) section.hidden = true;
  }

  render(article, state) {
    const terms = withAccentsFromPhrases(queryHighlightTerms(state.query), [article.title, article.body]);
    this.title.replaceChildren(...markedTextNodes(article.title || '(Không có tiêu đề)', terms));
    fillMetaLine(this.meta, article);
    this.body.replaceChildren(...bodyParagraphs(article.body).map((paragraphText) =>
      element('p', {}, markedTextNodes(paragraphText, terms))));
    const markCount = this.body.querySelectorAll('mark').length;
    this.marksNote.hidden = markCount === 0;
    this.marksNote.textContent = markCount > 0
      ? `Đã tô sáng ${formatCount(markCount)} chỗ khớp với “${state.query}”.`
      : '';
    this.renderFacts(article, state);
    document.title = `${article.title || 'Bài viết'} – vnsearch`;
  }

  renderFacts(article, state) {
    const persons = Array.isArray(article.persons) ? article.persons : [];
    this.fillSection(this.persons, persons.map((person) => {
      const item = element('li', { className: 'fact-person' }, [
        facetLink('person', person.name), profileShortcut(state, 'person', person.name, 'hồ sơ'),
      ]);
      const roles = Array.isArray(person.roles) ? person.roles.filter(Boolean) : [];
      if (roles.length > 0) item.append(element('span', { className: 'fact-roles', textContent: roles.join('; ') }));
      return item;
    }));

    // The main unit first, then the others as the article names them.
    const units = (Array.isArray(article.units) ? article.units : [])
      .slice()
      .sort((a, b) => Number(b.name === article.main_unit) - Number(a.name === article.main_unit));
    this.fillSection(this.units, units.map((unit) => {
      const item = element('li', { className: 'fact-unit' }, [facetLink('unit', unit.name)]);
      if (unit.name === article.main_unit) {
        item.classList.add('main-unit');
        item.append(' ', element('span', { className: 'fact-badge', textContent: 'đơn vị chính' }));
      }
      item.append(profileShortcut(state, 'unit', unit.name, 'hồ sơ'));
      if (unit.parent) {
        item.append(element('span', { className: 'fact-parent' }, ['thuộc ', facetLink('unit', unit.parent)]));
      }
      return item;
    }));

    const articleTerms = Array.isArray(article.terms) ? article.terms : [];
    this.fillSection(this.terms, articleTerms.map((term) => element('li', {}, [facetLink('term', term)])));
    this.facts.hidden = persons.length + units.length + articleTerms.length === 0;
  }

  fillSection(section, items) {
    section.querySelector('ul, ol').replaceChildren(...items);
    section.hidden = items.length === 0;
  }

  // Lists `hits` (from /similar) as links that keep `state`'s search for their back link.
  renderSimilar(hits, state) {
    this.fillSection(this.similar, hits.map((hit) => {
      const item = element('li', {}, [element('a', {
        className: 'similar-title',
        href: urlForState({ ...state, articleId: hit.id }),
        textContent: hit.title || '(Không có tiêu đề)',
        dataset: { nav: 'similar' },
      })]);
      if (hit.date) {
        item.append(element('time', { className: 'similar-date', dateTime: hit.date, textContent: formatDate(hit.date) }));
      }
      return item;
    }));
    if (hits.length > 0) this.facts.hidden = false;
  }

  renderError(message) {
    this.title.textContent = 'Không mở được bài viết';
    this.meta.hidden = true;
    this.marksNote.hidden = true;
    this.body.replaceChildren(element('p', { className: 'error', textContent: message }));
    this.facts.hidden = true;
    document.title = 'Không mở được bài viết – vnsearch';
  }

  focusTitle() {
    this.title.focus({ preventScroll: true });
  }
}
