// The person page (?person_page=NAME): for each person of that name — namesakes in unrelated
// units are listed apart, each headed by their units — a timeline of their roles by term
// (newest first, roles with no known term last: the role, its unit as a link to the unit page,
// "được bầu" when an article reports the election, the articles that say so), their units,
// terms and articles. Built from GET /api/persons/{name}; every field goes in as text.

import { element } from './dom.js';
import { formatCount } from './format.js';
import {
  PageFrame, countedHeading, electedBadge, headedSection, linkList, sourcesLine,
} from './page-frame.js';
import { articleLinkNodes, namePageLink } from './page-links.js';
import { personTimeline, termHeading } from './role-rows.js';

// How a namesake is told apart in their heading: "Nguyễn Văn Bình (Vụ Kế hoạch - Tài chính)".
function namesakeHeadingText(name, person, index) {
  const units = Array.isArray(person.units) ? person.units : [];
  if (units.length > 0) return `${name} (${units[0]})`;
  return `${name} (người thứ ${formatCount(index + 1)}, chưa rõ đơn vị)`;
}

// The roles of one person as a list of terms, each with its rows; `level` is the terms' heading
// level.
function roleTimeline(state, roles, level) {
  return element('ol', { className: 'role-timeline' }, personTimeline(roles).map(({ term, rows }) =>
    element('li', { className: 'timeline-term', dataset: { term } }, [
      element(`h${level}`, { className: 'timeline-term-heading', textContent: termHeading(term) }),
      element('ul', { className: 'timeline-roles' }, rows.map((row) => {
        const item = element('li', { className: 'timeline-role' }, [
          element('span', { className: 'role-name', textContent: row.role }),
          ' ',
          row.unit ? namePageLink(state, 'unit', row.unit, 'role-unit') : element('span', { className: 'role-unit-unknown', textContent: '(chưa rõ đơn vị)' }),
        ]);
        if (row.elected) item.append(' ', electedBadge());
        if (row.articles.length > 0) item.append(sourcesLine(state, row.articles));
        return item;
      })),
    ])));
}

// One person's timeline beside their units, terms and articles; headings from level `level`.
function personSections(state, person, level) {
  const roles = Array.isArray(person.roles) ? person.roles : [];
  const units = Array.isArray(person.units) ? person.units : [];
  const terms = Array.isArray(person.terms) ? person.terms : [];
  const articles = Array.isArray(person.articles) ? person.articles : [];
  const timeline = headedSection('person-roles', level, 'Chức vụ theo nhiệm kỳ', [
    roles.length > 0
      ? roleTimeline(state, roles, level + 1)
      : element('p', { className: 'page-empty', textContent: 'Các bài viết nhắc đến người này nhưng không nói chức vụ.' }),
  ]);
  const side = [];
  if (units.length > 0) {
    side.push(headedSection('person-units', level, 'Đơn vị', [
      linkList('page-link-list', units, (unit) => [namePageLink(state, 'unit', unit)]),
    ]));
  }
  if (terms.length > 0) {
    side.push(headedSection('person-terms', level, 'Nhiệm kỳ', [
      element('ul', { className: 'page-link-list page-inline-list' }, terms.map((term) => element('li', { textContent: term }))),
    ]));
  }
  side.push(headedSection('person-articles', level, countedHeading('Bài viết', articles.length), [
    linkList('page-article-list', articles, (article) => articleLinkNodes(state, article)),
  ]));
  return element('div', { className: 'page-columns' }, [
    element('div', { className: 'page-main' }, [timeline]),
    element('div', { className: 'page-side' }, side),
  ]);
}

export class PersonView {
  constructor(root) {
    this.frame = new PageFrame(root, { kind: 'person', kindName: 'Hồ sơ nhân vật', thingName: 'nhân vật' });
  }

  renderPending(state) {
    this.frame.renderPending(state, state.personPage);
  }

  // `personPage` is the API's answer: {name, people: [{roles, units, terms, articles}]}.
  render(personPage, state) {
    const name = personPage.name || state.personPage;
    const people = Array.isArray(personPage.people) ? personPage.people : [];
    let summary;
    let content;
    if (people.length === 1) {
      const articleCount = (people[0].articles || []).length;
      summary = `Được nhắc đến trong ${formatCount(articleCount)} bài viết.`;
      content = [element('div', { className: 'person-entry' }, [personSections(state, people[0], 2)])];
    } else {
      summary = `${formatCount(people.length)} người cùng tên ${name}, ở những đơn vị không liên quan đến nhau: mỗi người được liệt kê riêng.`;
      content = people.map((person, index) => element('section', { className: 'person-entry namesake' }, [
        element('h2', { className: 'namesake-heading', textContent: namesakeHeadingText(name, person, index) }),
        personSections(state, person, 3),
      ]));
    }
    this.frame.renderPage(name, summary, content);
  }

  renderNotFound(state) {
    this.frame.renderNotFound(state.personPage);
  }

  renderError(message) {
    this.frame.renderError(message);
  }

  focusTitle() {
    this.frame.focusTitle();
  }
}
