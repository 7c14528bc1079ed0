// Links into the person and unit pages, and from them to articles, for every view that names a
// person or a unit (results, facet sidebar, article, the pages themselves). Each is a real link
// (open in a new tab works) with a data-nav attribute that app.js turns into in-page navigation;
// the search of `state` is kept in it, for the back link of the page it opens.

import { element } from './dom.js';
import { formatDate } from './format.js';
import { stateShowing, urlForState } from './url-state.js';

// What each page is called, as the start of a link's accessible name ("Hồ sơ nhân vật X").
export const PAGE_NAMES = {
  person: 'Hồ sơ nhân vật',
  unit: 'Hồ sơ đơn vị',
};

// The URL of the page of `name` (kind 'person' or 'unit'), keeping `state`'s search.
export function pageHref(state, kind, name) {
  const target = kind === 'person' ? { personPage: name } : { unitPage: name };
  return urlForState(stateShowing(state, target));
}

// A link whose text is the name itself: where names are listed for their own sake (a page's
// units, a leadership table, a hit's persons).
export function namePageLink(state, kind, name, className = `${kind}-page-link`) {
  return element('a', {
    className,
    href: pageHref(state, kind, name),
    textContent: name,
    dataset: { nav: kind, [kind]: name },
  });
}

// A small link beside a name whose own control does something else (the facet sidebar's
// checkbox, the article's filter link). It shows `visibleText` ("hồ sơ", or a sign); its
// accessible name, and its tooltip, say whose page it opens ("Hồ sơ nhân vật X"), and start
// with the visible words so that voice control finds it by what it shows.
export function profileShortcut(state, kind, name, visibleText) {
  const accessibleName = `${PAGE_NAMES[kind]} ${name}`;
  return element('a', {
    className: 'profile-shortcut',
    href: pageHref(state, kind, name),
    textContent: visibleText,
    title: accessibleName,
    dataset: { nav: kind, [kind]: name },
    attributes: { 'aria-label': accessibleName },
  });
}

// A link to article `article` ({id, title, date}) with its date after it, as an <li>'s content.
export function articleLinkNodes(state, article, className = 'page-article-link') {
  const nodes = [element('a', {
    className,
    href: urlForState(stateShowing(state, { articleId: article.id })),
    textContent: article.title || '(Không có tiêu đề)',
    dataset: { nav: 'article', articleId: article.id },
  })];
  if (article.date) {
    nodes.push(' ', element('time', { className: 'page-article-date', dateTime: article.date, textContent: formatDate(article.date) }));
  }
  return nodes;
}
