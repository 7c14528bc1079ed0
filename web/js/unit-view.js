// The unit page (?unit_page=NAME): the unit's leadership by term — one table per term, newest
// first, roles with no known term last: the role, the person as a link to their page, "được
// bầu" when an article reports the election, the articles that say so —, its parent and child
// units as links to their pages, and the articles that name it with their total. Built from
// GET /api/units/{name}; every field goes in as text.

import { element } from './dom.js';
import { formatCount } from './format.js';
import {
  PageFrame, countedHeading, electedBadge, headedSection, linkList, sourcesLine,
} from './page-frame.js';
import { articleLinkNodes, namePageLink } from './page-links.js';
import { leadershipRows, termHeading } from './role-rows.js';
import { facetOnlyState, urlForState } from './url-state.js';

const LEADERSHIP_COLUMNS = ['Chức vụ', 'Người giữ chức vụ', 'Nguồn'];

// One term's leadership as a table captioned with the term. On narrow screens style.css lays
// each row out as a block; the explicit roles keep it a table for screen readers then, as some
// browsers drop a table's semantics when its display changes.
function leadershipTable(state, term, rows) {
  const cell = (columnIndex, children) =>
    element('td', { attributes: { role: 'cell', 'data-label': LEADERSHIP_COLUMNS[columnIndex] } }, children);
  return element('table', { className: 'leadership-table', dataset: { term }, attributes: { role: 'table' } }, [
    element('caption', { textContent: termHeading(term) }),
    element('thead', { attributes: { role: 'rowgroup' } }, [element('tr', { attributes: { role: 'row' } },
      LEADERSHIP_COLUMNS.map((text) => element('th', { scope: 'col', textContent: text, attributes: { role: 'columnheader' } })))]),
    element('tbody', { attributes: { role: 'rowgroup' } }, rows.map((row) => {
      const roleCell = [element('span', { className: 'role-name', textContent: row.role })];
      if (row.elected) roleCell.push(' ', electedBadge());
      return element('tr', { className: 'leadership-row', attributes: { role: 'row' } }, [
        cell(0, roleCell),
        cell(1, [row.person ? namePageLink(state, 'person', row.person, 'role-person') : '']),
        cell(2, row.articles.length > 0 ? [sourcesLine(state, row.articles, { labelled: false })] : []),
      ]);
    })),
  ]);
}

export class UnitView {
  constructor(root) {
    this.frame = new PageFrame(root, { kind: 'unit', kindName: 'Hồ sơ đơn vị', thingName: 'đơn vị' });
  }

  renderPending(state) {
    this.frame.renderPending(state, state.unitPage);
  }

  // `unitPage` is the API's answer: {name, parents, children, leadership, total_articles,
  // articles}.
  render(unitPage, state) {
    const name = unitPage.name || state.unitPage;
    const parents = Array.isArray(unitPage.parents) ? unitPage.parents : [];
    const children = Array.isArray(unitPage.children) ? unitPage.children : [];
    const leadership = leadershipRows(Array.isArray(unitPage.leadership) ? unitPage.leadership : []);
    const articles = Array.isArray(unitPage.articles) ? unitPage.articles : [];
    const totalArticles = Number(unitPage.total_articles) || articles.length;

    const main = headedSection('unit-leadership', 2, 'Lãnh đạo theo nhiệm kỳ', leadership.length > 0
      ? leadership.map(({ term, rows }) => leadershipTable(state, term, rows))
      : [element('p', { className: 'page-empty', textContent: 'Các bài viết chưa cho biết ai giữ chức vụ nào ở đơn vị này.' })]);
    const side = [];
    if (parents.length > 0) {
      side.push(headedSection('unit-parents', 2, 'Đơn vị cấp trên', [
        linkList('page-link-list', parents, (parent) => [namePageLink(state, 'unit', parent)]),
      ]));
    }
    if (children.length > 0) {
      side.push(headedSection('unit-children', 2, 'Đơn vị trực thuộc', [
        linkList('page-link-list', children, (child) => [namePageLink(state, 'unit', child)]),
      ]));
    }
    const articleNodes = [linkList('page-article-list', articles, (article) => articleLinkNodes(state, article))];
    if (totalArticles > articles.length) {
      articleNodes.push(element('p', { className: 'page-more' }, [element('a', {
        href: urlForState(facetOnlyState('unit', name)),
        textContent: `Xem cả ${formatCount(totalArticles)} bài viết`,
        dataset: { nav: 'search' },
      })]));
    }
    side.push(headedSection('unit-articles', 2, countedHeading('Bài viết nhắc đến đơn vị', totalArticles), articleNodes));

    this.frame.renderPage(name, `Được nhắc đến trong ${formatCount(totalArticles)} bài viết.`, [
      element('div', { className: 'page-columns' }, [
        element('div', { className: 'page-main' }, [main]),
        element('div', { className: 'page-side' }, side),
      ]),
    ]);
  }

  renderNotFound(state) {
    this.frame.renderNotFound(state.unitPage);
  }

  renderError(message) {
    this.frame.renderError(message);
  }

  focusTitle() {
    this.frame.focusTitle();
  }
}
